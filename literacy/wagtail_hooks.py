from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import certificate_admin_views, translation_admin_views
from .admin_menu import RoleMenuItem
from .admin_scoping import scoped_localize_snippets_api
from .admin_views import JurisdictionScopedSubmitPageTranslationView, JurisdictionScopedUpdateTranslationsView
from .models import Audience, Jurisdiction, LearningStatement, Topic
from .models.plans import Principle
from .roles import Role


class JurisdictionViewSet(SnippetViewSet):
    model = Jurisdiction
    icon = "site"
    list_display = ["code", "name_en", "name_fr", "kind", "time_zone"]
    ordering = ["sort_order"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["slug", "name_en", "name_fr", "category"]
    list_filter = ["category"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["slug", "name_en", "name_fr"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (JurisdictionViewSet, TopicViewSet, AudienceViewSet)
    menu_icon = "list-ul"
    menu_label = "Vocabulary"
    menu_name = "vocabulary"


register_snippet(VocabularyViewSetGroup)


@hooks.register("register_admin_urls")
def register_jurisdiction_scoped_translation_urls():
    # Registered before wagtail-localize's own (this app loads first), so these paths win.
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            JurisdictionScopedSubmitPageTranslationView.as_view(),
            name="ogl_submit_page_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            JurisdictionScopedUpdateTranslationsView.as_view(),
            name="ogl_update_translations",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            scoped_localize_snippets_api().as_view({"get": "list"}),
            name="ogl_snippets_api_listing",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            scoped_localize_snippets_api().as_view({"get": "retrieve"}),
            name="ogl_snippets_api_detail",
        ),
    ]


# --- Learning plans' principles and certificates -------------------------------------------


class PrincipleViewSet(SnippetViewSet):
    model = Principle
    icon = "list-ul"
    list_display = ["name_en", "name_fr", "kind"]
    list_filter = ["kind"]


register_snippet(PrincipleViewSet)


@hooks.register("register_admin_urls")
def register_certificate_urls():
    urls = [
        path("", certificate_admin_views.certificate_index, name="index"),
        path("<int:pk>/revoke/", certificate_admin_views.revoke_certificate, name="revoke"),
    ]
    return [path("certificates/", include((urls, "literacy_certificates")))]


@hooks.register("register_admin_menu_item")
def register_certificate_menu_item():
    return RoleMenuItem(
        _("Certificates"),
        reverse("literacy_certificates:index"),
        icon_name="tick-inverse",
        order=900,
        role=Role.MODERATORS,
    )


# --- Editor accessibility ------------------------------------------------------------------


@hooks.register("insert_editor_js")
def name_unnamed_editor_controls():
    return format_html('<script src="{}"></script>', static("literacy/admin/control_names.js"))


# --- Translations ---------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path("missing-translations/", translation_admin_views.missing_translations, name="ogl_missing_translations")
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return RoleMenuItem(
        _("Pages without a translation"), reverse("ogl_missing_translations"), icon_name="globe", order=700
    )


@hooks.register("construct_admin_api", order=100)
def scope_admin_api_to_own_collections(router):
    # Registered after Wagtail's own (this app's hooks load later), so these endpoints replace theirs.
    from wagtail.documents import get_document_model
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images import get_image_model
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    from .admin_scoping import collection_scoped_admin_api

    router.register_endpoint("documents", collection_scoped_admin_api(DocumentsAdminAPIViewSet, get_document_model()))
    router.register_endpoint("images", collection_scoped_admin_api(ImagesAdminAPIViewSet, get_image_model()))


# --- Learning records sent to Learning Record Stores (superusers: they name learners of every government)


class LearningStatementViewSet(ModelViewSet):
    model = LearningStatement
    icon = "history"
    menu_label = _("Learning statements (xAPI)")
    add_to_admin_menu = True
    menu_order = 950
    list_display = ["event", "lrs", "status", "attempts", "created_at", "delivered_at"]
    list_filter = ["status", "lrs"]
    search_fields = ["event"]
    inspect_view_enabled = True
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_learning_statement_viewset():
    return LearningStatementViewSet("learning_statements")
