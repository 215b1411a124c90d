from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import JurisdictionScopedSubmitPageTranslationView, JurisdictionScopedUpdateTranslationsView
from .models import Audience, Jurisdiction, Topic


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
        path("localize/submit/page/<int:page_id>/", JurisdictionScopedSubmitPageTranslationView.as_view(),
             name="ogl_submit_page_translation"),
        path("localize/update/<int:translation_source_id>/", JurisdictionScopedUpdateTranslationsView.as_view(),
             name="ogl_update_translations"),
    ]
