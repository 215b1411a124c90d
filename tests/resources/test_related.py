from datetime import date

import pytest

from resources.selectors import related_resources

pytestmark = pytest.mark.django_db


def test_related_resources_share_most_topics_first_then_newest_in_the_same_language(make_resource):
    page = make_resource(title="Subject", topics=("basics", "governance"))
    both = make_resource(title="Shares two", topics=("basics", "governance"), date_published=date(2021, 1, 1))
    newer_one = make_resource(title="Shares one, newer", topics=("basics",), date_published=date(2025, 1, 1))
    older_one = make_resource(title="Shares one, older", topics=("governance",), date_published=date(2022, 1, 1))
    make_resource(title="Shares none", topics=("standards",))
    make_resource(title="In French", language="fr", topics=("basics", "governance"))
    draft = make_resource(title="Draft", topics=("basics", "governance"))
    draft.unpublish()
    assert related_resources(page=page) == [both, newer_one, older_one]
    assert related_resources(page=page, limit=1) == [both]


def test_related_resources_are_ranked_among_the_newest_candidates_only(make_resource):
    """The work is bounded: a better match older than the newest `candidates` is not looked at."""
    page = make_resource(title="Subject", topics=("basics", "governance"))
    old_best = make_resource(title="Old best", topics=("basics", "governance"), date_published=date(2010, 1, 1))
    newest = [
        make_resource(title=f"Recent {n}", topics=("basics",), date_published=date(2025, 1, 1 + n)) for n in range(3)
    ]
    assert related_resources(page=page, candidates=10)[0] == old_best
    assert related_resources(page=page, candidates=3) == list(reversed(newest))
