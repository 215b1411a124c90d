"""The isolation sweep: every admin URL that names an object, discovered from the URL resolver,
requested by each Ontario role for British Columbia's objects, by GET and by POST. Nothing of
BC's may be shown (its marker text in a 200 answer) or changed. A new admin URL is covered
without editing this file; one whose object cannot be told from its path fails the sweep until
it is described in FILLERS."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision, Workflow

from literacy.models import Jurisdiction, Topic
from literacy.models.certificates import Certificate
from resources.models import PlannedResource, ResourcePage
from resources.services import save_resource_page
from sessions import services as session_services
from sessions.models import Registration
from tests.factories import UserFactory, staff_user
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.django_db

MARKER = "BCSECRETMARKER"
PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")
# Paths that take no object of a jurisdiction: tokens, upload scratch files, editing-session ids.
NOT_OBJECTS = ("admin/password_reset/", "admin/editing-sessions/release/")


def admin_routes():
    def walk(resolver, prefix=""):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern, route)
            else:
                yield route

    return sorted({r for r in walk(get_resolver()) if r.startswith("admin/") and PARAM.search(r)})


@pytest.fixture
def bc(site_tree, django_capture_on_commit_callbacks):
    """One object of every kind British Columbia owns, each carrying MARKER."""
    jurisdiction = Jurisdiction.objects.get(code="BC")
    parent = site_tree["jurisdictions"]["BC"]["pages"]["en"]
    # Pages are isolated by Wagtail's page permissions (the snapshot shows them untouched); their
    # titles are not secret, so only the records that are carry MARKER.
    page = save_resource_page(
        parent=parent,
        title="BC resource",
        topics=[Topic.objects.first()],
        audiences=[],
        summary="BC summary",
        resource_type="guide",
        format="html",
        languages=["en"],
        licence="ogl-bc-2.0",
        link_url="https://example.org/bc",
        publisher="BC",
        date_published=date(2024, 1, 1),
    )
    editor = staff_user("BC", "Editors")
    page.title = "BC resource, draft"
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    planned = PlannedResource.objects.create(
        jurisdiction=jurisdiction,
        topic=Topic.objects.first(),
        title=f"{MARKER} planned",
        contact="bc@example.org",
    )
    session = make_session("BC", title=f"{MARKER} session")
    learner = UserFactory(display_name=f"{MARKER} learner")
    with django_capture_on_commit_callbacks(execute=True):
        registration = session_services.register(session=session, user=learner)
        started = timezone.now() - timedelta(hours=1)
        type(session).objects.filter(pk=session.pk).update(start=started, end=started + timedelta(hours=2))
        session_services.mark_attendance(registrations=[registration], status=Registration.Status.ATTENDED, actor=None)
    certificate = Certificate.objects.get(user=learner)
    document = Document.objects.create(
        title=f"{MARKER} guide",
        collection=jurisdiction.collection,
        file=__import__("django.core.files.base", fromlist=["ContentFile"]).ContentFile(b"x", name="bc.txt"),
    )
    image = Image.objects.create(
        title=f"{MARKER} chart", collection=jurisdiction.collection, file=get_test_image_file()
    )
    revision = Revision.objects.filter(object_id=str(page.pk)).order_by("-pk").first()
    task_state = workflow_state.current_task_state
    return {
        "jurisdiction": jurisdiction,
        "page": page,
        "planned": planned,
        "session": session,
        "registration": registration,
        "certificate": certificate,
        "document": document,
        "image": image,
        "revision": revision,
        "workflow_state": workflow_state,
        "task_state": task_state,
        "editor": editor,
    }


def fill(route, bc):
    """The route with BC's objects in its parameters, or None when the route names no object."""
    if route.startswith(NOT_OBJECTS):
        return None
    page = bc["page"]
    by_family = [
        ("admin/snippets/resources/plannedresource/", bc["planned"].pk),
        ("admin/snippets/choose/resources/plannedresource/", bc["planned"].pk),
        ("admin/sessions-admin/", bc["session"].pk),
        ("admin/certificates/", bc["certificate"].pk),
        ("admin/documents/", bc["document"].pk),
        ("admin/api/main/^documents/", bc["document"].pk),
        ("admin/images/", bc["image"].pk),
        ("admin/api/main/^images/", bc["image"].pk),
        ("admin/collections/", bc["jurisdiction"].collection_id),
        ("admin/groups/", bc["jurisdiction"].editors_group_id),
        ("admin/snippets/literacy/jurisdiction/", bc["jurisdiction"].pk),
        ("admin/snippets/choose/literacy/jurisdiction/", bc["jurisdiction"].pk),
    ]
    default = next((pk for prefix, pk in by_family if route.startswith(prefix)), page.pk)
    values = {
        "revision_id": bc["revision"].pk,
        "revision_id_a": bc["revision"].pk,
        "revision_id_b": "latest",
        "task_state_id": bc["task_state"].pk,
        "workflow_state_id": bc["workflow_state"].pk,
        "task_id": bc["task_state"].task_id,
        "action_name": "approve",
        "action": "delete",
        "code": "BC",
        "app_label": "resources",
        "model_name": "plannedresource",
        "content_type_app_name": "resources",
        "content_type_model_name": "resourcepage",
        "app_name": "resources",
        "filter_spec": "original",
        "mode": "",
        "object_id": page.pk,
        "session_id": 1,
        "destination_id": page.get_parent().pk,
    }

    def value(match):
        name = match.group(2) or match.group(3)
        return str(values.get(name, default))

    path = PARAM.sub(value, route)
    path = path.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\", "")
    return "/" + path


def snapshot(bc):
    page = ResourcePage.objects.get(pk=bc["page"].pk)
    return {
        "page": (page.title, page.live, page.latest_revision_id, page.get_parent().pk, page.locked),
        "planned": list(
            PlannedResource.objects.filter(pk=bc["planned"].pk).values_list("jurisdiction_id", "title", "contact")
        ),
        "registrations": list(
            Registration.objects.filter(session__jurisdiction__code="BC").values_list("pk", "status")
        ),
        "certificate": list(Certificate.objects.filter(pk=bc["certificate"].pk).values_list("revoked_at", flat=True)),
        "documents": list(Document.objects.filter(pk=bc["document"].pk).values_list("title", "collection_id")),
        "images": list(Image.objects.filter(pk=bc["image"].pk).values_list("title", "collection_id")),
        "task_state": bc["task_state"].__class__.objects.get(pk=bc["task_state"].pk).status,
        "workflow": Workflow.objects.filter(pk=bc["workflow_state"].workflow_id).count(),
        "session": (bc["session"].__class__.objects.get(pk=bc["session"].pk).status,),
        "translations": Page.objects.filter(translation_key=page.translation_key).count(),
        "content_types": ContentType.objects.count(),
    }


@pytest.mark.parametrize("role", ["Editors", "Moderators", "Coordinators"])
def test_no_ontario_role_reaches_any_bc_object_through_any_admin_url(client, bc, role):
    routes = admin_routes()
    assert len(routes) > 100  # the resolver was walked
    before = snapshot(bc)
    client.force_login(staff_user("ON", role))
    shown, requested = [], 0
    for route in routes:
        url = fill(route, bc)
        if url is None:
            continue
        requested += 1
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response.status_code == 200 and MARKER.encode() in body:
            shown.append(url)
        client.post(
            url,
            {
                "jurisdiction": Jurisdiction.objects.get(code="ON").pk,
                "title": "moved",
                "contact": "x@on",
                "reason": "x",
                "message": "x",
                "status": "cancelled",
                "action": "cancel",
                "id": bc["planned"].pk,
            },
        )
    assert shown == [], "\n".join(shown)
    assert snapshot(bc) == before
    assert requested > 100


def test_own_records_stay_editable_and_cannot_be_moved_to_another_jurisdiction(client, site_tree):
    ontario, bc = Jurisdiction.objects.get(code="ON"), Jurisdiction.objects.get(code="BC")
    topic = Topic.objects.first()
    planned = PlannedResource.objects.create(
        jurisdiction=ontario, topic=topic, title="ON planned", contact="on@example.org"
    )
    client.force_login(staff_user("ON", "Editors"))
    url = f"/admin/snippets/resources/plannedresource/edit/{planned.pk}/"
    form = client.get(url)
    assert form.status_code == 200 and "ON planned" in form.content.decode()
    assert f'value="{bc.pk}"' not in form.content.decode()  # BC is not offered
    data = {"jurisdiction": bc.pk, "topic": topic.pk, "title": "Moved", "contact": "x@example.org", "target_date": ""}
    response = client.post(url, data)
    assert response.status_code == 200  # the form comes back with an error
    planned.refresh_from_db()
    assert planned.jurisdiction == ontario and planned.title == "ON planned"
    data["jurisdiction"] = ontario.pk
    assert client.post(url, data).status_code == 302
    planned.refresh_from_db()
    assert planned.title == "Moved"
    listing = client.get("/admin/snippets/resources/plannedresource/").content.decode()
    assert "Moved" in listing
