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


def test_load_demo_prints_sign_ins_only_in_development(db, settings):
    from io import StringIO

    settings.OGL_DEMO_SIGNINS = False
    quiet = StringIO()
    call_command("load_demo", stdout=quiet)
    assert "ogl-demo-2026" not in quiet.getvalue()

    settings.OGL_DEMO_SIGNINS = True
    loud = StringIO()
    call_command("load_demo", stdout=loud)
    assert "ogl-demo-2026" in loud.getvalue()
    assert "editor.on@example.ca" in loud.getvalue()


def test_administrators_manage_the_vocabulary_in_the_admin(client, site_tree):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    jurisdictions = client.get("/admin/snippets/literacy/jurisdiction/").content.decode()
    assert "Ontario" in jurisdictions and "Colombie-Britannique" in jurisdictions
    topics = client.get("/admin/snippets/literacy/topic/").content.decode()
    assert "Feminist Open Government (FOGO)" in topics
    ontario = Jurisdiction.objects.get(code="ON")
    response = client.post(
        f"/admin/snippets/literacy/jurisdiction/edit/{ontario.pk}/",
        {
            "code": "ON",
            "name_en": "Ontario",
            "name_fr": "Ontario",
            "kind": "provincial",
            "time_zone": "Mars/Olympus",
            "sort_order": 6,
        },
    )
    assert response.status_code == 200
    assert "not a known IANA time zone" in response.content.decode()
    ontario.refresh_from_db()
    assert ontario.time_zone == "America/Toronto"


def test_provisioning_restores_the_translation_permission_a_flush_removes(site_tree):
    from django.contrib.auth.models import Permission

    Permission.objects.filter(codename="submit_translation").delete()
    call_command("setup_jurisdictions")
    permission = Permission.objects.get(codename="submit_translation", content_type__app_label="wagtail_localize")
    assert Group.objects.get(name="ON Editors").permissions.filter(pk=permission.pk).exists()
