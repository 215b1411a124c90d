import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Workflow

from home.models import HomePage
from literacy.models import Jurisdiction, JurisdictionPage, Topic

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        Page.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        Jurisdiction.objects.count(),
        Topic.objects.count(),
    )


def test_setup_jurisdictions_is_idempotent(site_tree):
    before = _snapshot()
    call_command("setup_jurisdictions")
    call_command("setup_jurisdictions")
    assert _snapshot() == before


def test_every_jurisdiction_has_a_page_in_each_language_linked_by_translation_key(site_tree):
    assert Jurisdiction.objects.count() == 14
    for jurisdiction in Jurisdiction.objects.all():
        pages = JurisdictionPage.objects.filter(jurisdiction=jurisdiction)
        assert sorted(p.locale.language_code for p in pages) == ["en", "fr"]
        assert len({p.translation_key for p in pages}) == 1
        assert all(p.live for p in pages)


def test_each_jurisdiction_gets_three_groups_and_its_own_workflow(site_tree):
    for jurisdiction in Jurisdiction.objects.all():
        for role in ("Editors", "Moderators", "Coordinators"):
            assert Group.objects.filter(name=f"{jurisdiction.code} {role}").exists()
        for page in JurisdictionPage.objects.filter(jurisdiction=jurisdiction):
            workflow = page.get_workflow()
            assert workflow.name == f"{jurisdiction.code} review"
            assert [t.specific.groups.get().name for t in workflow.tasks] == [f"{jurisdiction.code} Moderators"]


def test_home_pages_are_translations_and_the_site_root(site_tree, client):
    homes = HomePage.objects.all()
    assert {h.locale.language_code for h in homes} == {"en", "fr"}
    assert len({h.translation_key for h in homes}) == 1
    assert client.get("/en/").status_code == 200
    assert client.get("/fr/").status_code == 200


def test_load_demo_is_idempotent_and_creates_demo_users(db):
    from django.contrib.auth import get_user_model

    call_command("load_demo")
    first = (_snapshot(), get_user_model().objects.count())
    call_command("load_demo")
    assert (_snapshot(), get_user_model().objects.count()) == first
    editor = get_user_model().objects.get(email="editor.on@example.ca")
    assert list(editor.groups.values_list("name", flat=True)) == ["ON Editors"]
