import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.core.cache import cache
from wagtail.models import Collection, Locale, Page

from home.site_tree import build_site_tree


@pytest.fixture
def fresh_tree(transactional_db):
    """The site tree in a transactional test, whatever an earlier transactional test's flush left:
    Wagtail's root page and collection, content types and permissions are put back first."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()  # its ids may predate the flush
    for app_config in apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
    from django.contrib.auth.models import Permission

    admin_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    if Page.get_first_root_node() is None:
        Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="en")))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    cache.clear()
    return build_site_tree()
