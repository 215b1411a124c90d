"""A learner marks a resource reviewed; a learning-plan step that links it then counts as done, in
either language, and a plan's practice step needs a written reflection, never a bare tick."""

import pytest
from wagtail.models import Locale

from literacy import services as literacy_services
from literacy.models import LearningPlanIndexPage
from literacy.models.plans import LearningPlanPage, LearningPlanStep
from literacy.selectors import plan_progress
from resources.models import ResourceReview
from resources.services import save_resource_page
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REFLECTION = (
    "I mapped who our open data portal serves, found no data by region or language, and proposed "
    "adding both to the next release with a note on how small counts will be protected."
)


def _plan(site_tree, resource):
    parent = site_tree["index_pages"][LearningPlanIndexPage]["en"]
    plan = LearningPlanPage(
        title="Review and reflect", slug="review-and-reflect", locale=Locale.objects.get(language_code="en")
    )
    plan.steps.add(
        LearningPlanStep(sort_order=0, linked_page=resource, title="Read the guide", expected_outcome="Read.")
    )
    plan.steps.add(LearningPlanStep(sort_order=1, title="Reflect", expected_outcome="Write what you did."))
    parent.add_child(instance=plan)
    plan.save_revision().publish()
    return LearningPlanPage.objects.get(pk=plan.pk)


def test_a_plan_with_a_resource_step_and_a_reflection_can_be_finished(client, site_tree, make_resource):
    english = make_resource(title="Guide to disaggregated data")
    french = save_resource_page(
        parent=site_tree["jurisdictions"]["ON"]["pages"]["fr"],
        title="Guide des données désagrégées",
        translation_of=english,
        topics=list(english.topics.all()),
        summary="Résumé",
        resource_type="guide",
        languages=["en", "fr"],
        licence="ogl-ontario-1.0",
        link_url="https://example.org/fr",
        publisher="Ontario",
        date_published=english.date_published,
    )
    plan = _plan(site_tree, english)
    user = UserFactory()
    client.login(username=user.username, password=PASSWORD)
    literacy_services.start_plan(user=user, plan=plan)
    steps = list(plan.steps.order_by("sort_order"))

    page = client.get(english.url).content.decode()
    assert "Mark as reviewed" in page
    response = client.post(french.url + "reviewed/")  # in French: the same resource
    assert response.status_code == 302
    client.post(english.url + "reviewed/")  # twice: still one record
    assert ResourceReview.objects.filter(user=user).count() == 1
    assert "You have reviewed this resource." in client.get(english.url).content.decode()
    assert [row["done"] for row in plan_progress(plan=plan, user=user)["steps"]] == [True, False]

    # A practice step wants a reflection: a bare tick, or two words, is refused and kept in the form.
    client.post(f"{plan.url}steps/{steps[1].pk}/done/", {"reflection": "Done it."})
    html = client.get(plan.url).content.decode()
    assert "at least 150 characters" in html and "Done it." in html
    assert not plan.is_completed_by(user)
    client.post(f"{plan.url}steps/{steps[1].pk}/done/", {"reflection": REFLECTION})
    assert plan.is_completed_by(user)
    assert REFLECTION in client.get(plan.url).content.decode()


def test_anonymous_readers_are_asked_to_sign_in(client, make_resource):
    resource = make_resource(title="Open guide")
    assert "Mark as reviewed" not in client.get(resource.url).content.decode()
    response = client.post(resource.url + "reviewed/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not ResourceReview.objects.exists()


def test_a_plan_of_reflections_alone_cannot_be_published(site_tree):
    from django.core.exceptions import ValidationError

    parent = site_tree["index_pages"][LearningPlanIndexPage]["en"]
    plan = LearningPlanPage(title="Ticks only", slug="ticks-only", locale=Locale.objects.get(language_code="en"))
    plan.steps.add(LearningPlanStep(sort_order=0, title="Think", expected_outcome="Thought."))
    with pytest.raises(ValidationError, match="never earned"):
        parent.add_child(instance=plan)
        plan.save_revision().publish()
