from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
