from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from literacy.admin_menu import RoleMenuItem
from literacy.roles import Role

from . import admin_views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("course-report/", admin_views.course_report, name="courses_report"),
        path(
            "course-report/transcripts.csv", admin_views.transcripts, {"format": "csv"}, name="courses_transcripts_csv"
        ),
        path(
            "course-report/transcripts.pdf", admin_views.transcripts, {"format": "pdf"}, name="courses_transcripts_pdf"
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return RoleMenuItem(
        _("Course enrolments"), reverse("courses_report"), icon_name="table", order=800, role=Role.COORDINATORS
    )
