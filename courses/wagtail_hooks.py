from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from literacy.selectors import jurisdictions_for_role

from . import admin_views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("course-report/", admin_views.course_report, name="courses_report")]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return jurisdictions_for_role(user=request.user, role="Coordinators").exists()


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return CoordinatorMenuItem(_("Course enrolments"), reverse("courses_report"), icon_name="table", order=800)
