from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from literacy.admin_menu import RoleMenuItem
from literacy.admin_scoping import JurisdictionScopedViewSetMixin
from literacy.roles import WORKING_GROUP

from . import admin_views
from .models import ProblemReport


class ProblemReportViewSet(JurisdictionScopedViewSetMixin, SnippetViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = _("Problem reports")
    list_display = ["page_path", "kind", "status", "created_at"]
    list_filter = ["status", "kind"]
    add_to_admin_menu = True
    menu_order = 330


register_snippet(ProblemReportViewSet)


@hooks.register("register_admin_urls")
def register_national_report_url():
    return [path("national-report/", admin_views.national_report, name="home_national_report")]


@hooks.register("register_reports_menu_item")
def register_national_report_menu_item():
    return RoleMenuItem(
        _("National view"), reverse("home_national_report"), icon_name="table", order=690, role=WORKING_GROUP
    )
