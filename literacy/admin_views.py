"""wagtail-localize's translation views check only the global `submit_translation` permission.
These subclasses add the page permission check, so a jurisdiction's editors can translate their
own pages and never create or overwrite translations in another jurisdiction's tree."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def _require_page_edit(user, page):
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied


class JurisdictionScopedSubmitPageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        _require_page_edit(request.user, get_object_or_404(Page, id=kwargs["page_id"]))
        return super().dispatch(request, *args, **kwargs)


class JurisdictionScopedUpdateTranslationsView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if isinstance(instance, Page):
            _require_page_edit(request.user, instance)
        return super().dispatch(request, *args, **kwargs)
