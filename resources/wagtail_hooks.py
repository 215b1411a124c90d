from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from literacy.admin_menu import RoleMenuItem
from literacy.admin_scoping import JurisdictionScopedViewSetMixin
from literacy.roles import Role

from . import admin_views
from .models import PlannedResource


class PlannedResourceViewSet(JurisdictionScopedViewSetMixin, SnippetViewSet):
    model = PlannedResource
    icon = "date"
    menu_label = _("Planned resources")
    list_display = ["title", "jurisdiction", "topic", "target_date", "contact"]
    list_filter = ["jurisdiction", "topic"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(PlannedResourceViewSet)


@hooks.register("register_admin_urls")
def register_resource_admin_urls():
    return [
        path("resources/gaps/", admin_views.gaps, name="resources_gaps"),
        path("resources/gaps.csv", admin_views.gaps_csv, name="resources_gaps_csv"),
        path("resources/import/", admin_views.import_view, name="resources_import"),
        path("resources/needs-review/", admin_views.needs_review, name="resources_needs_review"),
        path("resources/broken-links/", admin_views.broken_links, name="resources_broken_links"),
    ]


@hooks.register("register_reports_menu_item")
def register_gaps_menu_item():
    return RoleMenuItem(
        _("Coverage gaps"), reverse("resources_gaps"), icon_name="warning", order=710, role=Role.COORDINATORS
    )


@hooks.register("register_reports_menu_item")
def register_needs_review_menu_item():
    return RoleMenuItem(_("Resources needing review"), reverse("resources_needs_review"), icon_name="time", order=720)


@hooks.register("register_reports_menu_item")
def register_broken_links_menu_item():
    return RoleMenuItem(_("Broken links"), reverse("resources_broken_links"), icon_name="warning", order=730)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return RoleMenuItem(
        _("Import resources"), reverse("resources_import"), icon_name="upload", order=320, role=Role.MODERATORS
    )


@hooks.register("construct_homepage_panels")
def add_needs_review_panel(request, panels):
    panels.append(admin_views.NeedsReviewPanel(request))
