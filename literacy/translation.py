"""One thing, two languages. A course, lesson, plan, session or resource is one thing with a page
per language tree, the pages sharing a `translation_key`. Learning records attach to the thing
through its canonical page, the first page created in the group (lowest pk), so progress made on
either language's page is the same progress; readers see the page of their own language."""

from django.db import transaction
from django.utils.translation import get_language
from wagtail.models import Locale, Page


def canonical(page):
    """The page of `page`'s translation group that learning records point at."""
    if page is None or not page.pk:
        return page
    model = type(page)
    first = model.objects.filter(translation_key=page.translation_key).order_by("pk").first()
    return first or page


def active_locale():
    """The Wagtail locale of the language being served."""
    language = (get_language() or "en")[:2]
    return Locale.objects.filter(language_code=language).first() or Locale.get_default()


def in_reader_language(pages, *, locale=None, live_only=True):
    """Map each page to its translation in `locale` (default: the active language), falling back
    to the page itself where no (live) translation exists. One query for any number of pages."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = locale or active_locale()
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    translations = {}
    if keys:
        models = {type(page) for page in pages}
        queryset = models.pop().objects.all() if len(models) == 1 else Page.objects.specific()
        queryset = queryset.filter(translation_key__in=keys, locale=locale)
        if live_only:
            queryset = queryset.live()
        translations = {page.translation_key: page for page in queryset}
    return {
        page.pk: translations.get(page.translation_key, page) if page.locale_id != locale.pk else page for page in pages
    }


def with_locales(pages):
    """Gives each page its Locale from one query, so that templates asking a page for its language
    (URLs of translated routes, `lang` attributes) make none per page."""
    pages = [page for page in pages if page is not None]
    locales = {locale.pk: locale for locale in Locale.objects.filter(pk__in={page.locale_id for page in pages})}
    for page in pages:
        page.locale = locales[page.locale_id]
    return pages


def localized(page, *, locale=None):
    """`page` in the reader's language, or `page` itself when it has no live translation."""
    if page is None:
        return None
    return in_reader_language([page], locale=locale)[page.pk]


def synchronised_fields(*names):
    """wagtail-localize field overrides: these fields are data, copied from the source page when a
    translation is created or synced, never offered for translation nor overridden by translators."""
    from wagtail_localize.fields import SynchronizedField

    return [SynchronizedField(name, overridable=False) for name in names]


def sync_facts(*, page):
    """Copy `page`'s synchronised facts (its model's `synchronised_facts`) to every other page of
    its translation group: the live row and the latest revision, so a later draft of the other
    page does not bring an old value back. Called when `page` is published, whatever the path.
    Returns the pages that changed."""
    model = type(page)
    names = getattr(model, "synchronised_facts", ())
    if not names or not page.pk:
        return []
    others = list(model.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk))
    if not others:
        return []
    fields = [model._meta.get_field(name) for name in names]
    plain = {field.attname: getattr(page, field.attname) for field in fields if not field.many_to_many}
    related = {
        field: sorted(getattr(page, field.name).values_list("pk", flat=True)) for field in fields if field.many_to_many
    }
    data = page.serializable_data()
    changed = []
    with transaction.atomic():
        for other in others:
            differs = any(getattr(other, attname) != value for attname, value in plain.items()) or any(
                sorted(getattr(other, field.name).values_list("pk", flat=True)) != ids for field, ids in related.items()
            )
            revision = other.latest_revision
            if revision is not None and any(revision.content.get(name) != data.get(name) for name in names):
                content = dict(revision.content)
                content.update({name: data.get(name) for name in names})
                type(revision).objects.filter(pk=revision.pk).update(content=content)
            if not differs:
                continue
            model.objects.filter(pk=other.pk).update(**plain)
            for field, ids in related.items():
                through = field.remote_field.through
                own, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                through.objects.filter(**{own: other.pk}).delete()
                through.objects.bulk_create(through(**{f"{own}_id": other.pk, f"{target}_id": pk}) for pk in ids)
            changed.append(other)
    return changed
