from datetime import date

import pytest
from wagtail.models import Locale

from literacy.models import Audience, Topic
from resources.services import save_resource_page


@pytest.fixture
def make_resource(site_tree):
    """Create a published resource page (EN by default, or FR paired with `translation_of`)."""

    def make(code="ON", language="en", title="A resource", topics=("basics",), audiences=("managers",), **values):
        parent = site_tree["jurisdictions"][code]["pages"][language]
        defaults = {
            "summary": f"Summary of {title}",
            "resource_type": "guide",
            "format": "html",
            "languages": [language],
            "licence": "ogl-canada-2.0",
            "link_url": "https://example.ca/resource",
            "publisher": "Publisher",
            "date_published": date(2024, 5, 1),
        }
        defaults.update(values)
        return save_resource_page(
            parent=parent,
            title=title,
            topics=list(Topic.objects.filter(slug__in=topics)),
            audiences=list(Audience.objects.filter(slug__in=audiences)),
            **defaults,
        )

    return make


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in ("en", "fr")}


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Search indexing and link checks run as tasks; run them in-process even when the suite is
    started with another settings module (e.g. DJANGO_SETTINGS_MODULE exported by make)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
