"""Fast seeding of many live resource pages for tests and benchmarks (not for real content:
no revisions, no search index entries). Computes treebeard paths itself and inserts rows in bulk,
so 10,000 pages take seconds instead of minutes."""

import uuid
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from home.page_cache import content_changed
from literacy.models import Audience, Topic
from resources.models import ResourcePage

TYPES = ["guide", "course", "video", "toolkit", "template", "presentation", "website", "dataset", "event-recording"]
LICENCES = ["ogl-canada-2.0", "ogl-ontario-1.0", "ogl-bc-2.0", "cc-by-4.0-quebec"]
LANGUAGE_SETS = [["en"], ["fr"], ["en", "fr"], ["en", "other"]]


@transaction.atomic
def bulk_seed(*, parent, count, start=0, topics=None, audiences=None):
    """Add `count` live resource pages under the jurisdiction page `parent`."""
    parent = Page.objects.select_for_update().get(pk=parent.pk).specific
    topics = list(topics if topics is not None else Topic.objects.all())
    audiences = list(audiences if audiences is not None else Audience.objects.all())
    content_type = ContentType.objects.get_for_model(ResourcePage)
    last = parent.get_last_child()
    next_index = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1
    now = timezone.now()
    base_pages = []
    for i in range(count):
        n = start + i
        slug = f"seeded-resource-{n}-{uuid.uuid4().hex[:6]}"
        base_pages.append(
            Page(
                path=parent.path + Page._int2str(next_index + i).rjust(Page.steplen, "0"),
                depth=parent.depth + 1,
                numchild=0,
                title=f"Seeded resource {n}",
                draft_title=f"Seeded resource {n}",
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{parent.url_path}{slug}/",
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                first_published_at=now,
                last_published_at=now,
            )
        )
    created = Page.objects.bulk_create(base_pages, batch_size=500)
    if any(p.pk is None for p in created):  # backends that do not return ids
        paths = [p.path for p in base_pages]
        ids = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
        for p in created:
            p.pk = ids[p.path]
    links_t, links_a = [], []
    for i, base in enumerate(created):
        n = start + i
        resource = ResourcePage(
            page_ptr_id=base.pk,
            summary=f"Summary of seeded resource {n}.",
            jurisdiction_id=parent.jurisdiction_id,
            resource_type=TYPES[n % len(TYPES)],
            format="html",
            languages=LANGUAGE_SETS[n % len(LANGUAGE_SETS)],
            licence=LICENCES[n % len(LICENCES)],
            link_url=f"https://example.ca/r/{n}",
            publisher="Seed publisher",
            date_published=date(2020, 1, 1) + timedelta(days=n % 1500),
            date_modified=None,
            review_date=None,
            external_id=f"seed-{n}",
        )
        # Insert the child table row only: its Page row already exists.
        resource.save_base(raw=True, force_insert=True)
        links_t.append(ResourcePage.topics.through(resourcepage_id=base.pk, topic_id=topics[n % len(topics)].pk))
        links_a.append(
            ResourcePage.audiences.through(resourcepage_id=base.pk, audience_id=audiences[n % len(audiences)].pk)
        )
    ResourcePage.topics.through.objects.bulk_create(links_t, batch_size=1000)
    ResourcePage.audiences.through.objects.bulk_create(links_a, batch_size=1000)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    content_changed()
    return created
