"""Imports (and demo loads) write the search index themselves: what they saved is searchable at
once, with no index task left for a worker."""

import pytest
from django_tasks_db.models import DBTaskResult

from resources.models import ResourcePage
from resources.services import import_resources

pytestmark = pytest.mark.django_db

CSV = (
    "external_id,title_en,title_fr,summary_en,summary_fr,topics,resource_type,languages,licence,url,publisher,date_published\n"
    "s-1,Zanzibarian datasets,Jeux zanzibariens,About quokkas,Sur les quokkas,basics,guide,en;fr,ogl-ontario-1.0,"
    "https://example.org/s,Ontario,2024-01-01\n"
)


def test_an_import_is_searchable_without_a_worker(site_tree, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    import_resources(data=CSV, jurisdiction_code="ON")
    assert DBTaskResult.objects.filter(task_path__contains="insert_or_update").count() == 0
    found = list(ResourcePage.objects.live().search("zanzibarian"))
    assert [page.external_id for page in found] == ["s-1"]
    found_fr = list(ResourcePage.objects.live().search("quokkas"))
    assert {page.locale.language_code for page in found_fr} == {"en", "fr"}
    # After the block, saving queues index tasks again as usual.
    page = ResourcePage.objects.get(external_id="s-1", locale__language_code="en")
    page.save_revision().publish()
    assert DBTaskResult.objects.filter(task_path__contains="insert_or_update").exists()
