"""Jurisdiction isolation: nobody in one jurisdiction can edit, add under, approve or touch the
documents and images of another; inside their own, editors draft and submit, moderators publish."""

import pytest
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from literacy.models import Jurisdiction, JurisdictionPage
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

CODES = [code for code, *_ in __import__("literacy.vocabulary", fromlist=["JURISDICTIONS"]).JURISDICTIONS]


def edit_post_data(page, *, action, title=None):
    data = nested_form_data(
        {
            "title": title or page.title,
            "slug": page.slug,
            "jurisdiction": page.jurisdiction_id,
            "intro": rich_text(f"<p>{title or page.title} intro</p>"),
            "comments": inline_formset([]),
        }
    )
    data[action] = "1"
    return data


def english_page(code):
    return JurisdictionPage.objects.get(jurisdiction__code=code, locale__language_code="en")


def submit_for_review(client, page, *, title):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_post_data(page, action="action-submit", title=title)
    )
    assert response.status_code == 302, response.content[:2000]
    return Page.objects.get(pk=page.pk).current_workflow_task_state


def denied(response):
    """Wagtail answers a refused admin request with 403 or a redirect away from the form."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/edit/" not in response["Location"] and "/add" not in response["Location"]
    )


@pytest.fixture
def submissions():
    """One page awaiting its own moderators' approval in every jurisdiction (the admin form path is
    covered by the Ontario approval test; here the workflow is started directly to save time)."""
    states = {}
    for code in CODES:
        editor = staff_user(code, "Editors")
        page = english_page(code)
        page.title = f"{code} pending change"
        page.save_revision(user=editor)
        states[code] = page.get_workflow().start(page, editor).current_task_state
    return states


@pytest.fixture
def collection_items():
    items = {}
    for jurisdiction in Jurisdiction.objects.all():
        document = Document.objects.create(
            title=f"{jurisdiction.code} guide", collection=jurisdiction.collection, file="documents/guide.pdf"
        )
        image = Image.objects.create(
            title=f"{jurisdiction.code} chart", collection=jurisdiction.collection, file=get_test_image_file()
        )
        items[jurisdiction.code] = (document, image)
    return items


@pytest.mark.parametrize("code", CODES)
def test_an_editor_cannot_touch_any_other_jurisdiction(client, code, submissions, collection_items):
    client.force_login(staff_user(code, "Editors"))
    for other in CODES:
        if other == code:
            continue
        for page in JurisdictionPage.objects.filter(jurisdiction__code=other):
            assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))), (code, other, "edit")
            assert denied(client.get(reverse("wagtailadmin_pages:add_subpage", args=[page.pk]))), (code, other, "add")
        state = submissions[other]
        approve = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[state.workflow_state.object_id, "approve", state.pk]),
            {"comment": ""},
        )
        assert approve.status_code in (302, 403), (code, other, "approve")
        assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS, (code, other, "approve")
        document, image = collection_items[other]
        assert denied(client.get(reverse("wagtaildocs:edit", args=[document.pk]))), (code, other, "document")
        assert denied(client.get(reverse("wagtailimages:edit", args=[image.pk]))), (code, other, "image")


@pytest.mark.parametrize("code", CODES)
def test_a_moderator_cannot_approve_another_jurisdictions_submission(client, code, submissions):
    client.force_login(staff_user(code, "Moderators"))
    for other in CODES:
        if other == code:
            continue
        state = submissions[other]
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[state.workflow_state.object_id, "approve", state.pk]),
            {"comment": ""},
        )
        assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_IN_PROGRESS, (code, other)
        assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[english_page(other).pk])))


@pytest.mark.parametrize("code", CODES)
def test_in_their_own_jurisdiction_editors_edit_and_submit_but_cannot_publish(client, code, collection_items):
    client.force_login(staff_user(code, "Editors"))
    page = english_page(code)
    live_revision = page.live_revision_id
    for own_page in JurisdictionPage.objects.filter(jurisdiction__code=code):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[own_page.pk])).status_code == 200
        assert client.get(reverse("wagtailadmin_pages:add_subpage", args=[own_page.pk])).status_code == 200

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_post_data(page, action="action-publish", title=f"{code} published by an editor?"),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live_revision_id == live_revision
    assert page.has_unpublished_changes
    assert page.title != f"{code} published by an editor?"

    state = submit_for_review(client, page, title=f"{code} for review")
    assert state is not None and state.workflow_state.workflow.name == f"{code} review"

    document, image = collection_items[code]
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200


def test_an_ontario_submission_goes_to_ontario_moderators_and_goes_live_when_approved(client):
    page = english_page("ON")
    client.force_login(staff_user("ON", "Editors"))
    state = submit_for_review(client, page, title="Ontario, reviewed")
    assert state.workflow_state.workflow.name == "ON review"
    assert Page.objects.get(pk=page.pk).title != "Ontario, reviewed"

    moderator = staff_user("ON", "Moderators")
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "Ontario, reviewed" in dashboard.content.decode()

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]), {"comment": "Looks right."}
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "Ontario, reviewed"
    assert page.live and not page.has_unpublished_changes
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED


def test_editors_translate_their_own_pages_but_not_another_jurisdictions(client):
    from wagtail.models import Locale

    client.force_login(staff_user("ON", "Editors"))
    french = Locale.objects.get(language_code="fr")
    url = "/admin/localize/submit/page/{}/"
    assert client.get(url.format(english_page("ON").pk)).status_code == 200
    assert denied(client.get(url.format(english_page("BC").pk)))
    pages_before = Page.objects.count()
    response = client.post(url.format(english_page("BC").pk), {"locales": [french.pk]})
    assert denied(response)
    assert Page.objects.count() == pages_before
