from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from literacy.admin_scoping import JurisdictionScopedViewSetMixin

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
