import pytest
from django.core.cache import cache
from wagtail.models import Collection, Locale, Page

from home.site_tree import build_site_tree


@pytest.fixture
def fresh_tree(transactional_db):
    """The site tree in a transactional test, even after an earlier one flushed Wagtail's root page."""
    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="en")))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    cache.clear()
    return build_site_tree()
