from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Site


def _main_menu_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    try:
        home = site.root_page.get_translation_or_none(Locale.objects.get_for_language(get_language() or "en"))
    except Locale.DoesNotExist:
        home = None
    home = home or site.root_page
    return list(home.get_children().live().in_menu())


def main_menu(request):
    return {"main_menu_pages": SimpleLazyObject(lambda: _main_menu_pages(request))}
