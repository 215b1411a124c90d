"""Idempotent provisioning of the vocabulary and of each jurisdiction's part of the site:
pages in both language trees, groups, page and collection permissions, and a review workflow.

Every function here creates what is missing and leaves what exists alone, so running it twice
changes nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import Audience, Jurisdiction, JurisdictionIndexPage, JurisdictionPage, Topic
from .roles import GROUP_FIELDS, WORKING_GROUP, Role
from .vocabulary import AUDIENCES, JURISDICTIONS, TOPICS

LANGUAGE_CODES = ("en", "fr")

ROLES = tuple(Role)

# Wagtail page permissions per role, rooted at the jurisdiction's pages.
PAGE_PERMISSIONS = {
    Role.EDITORS: ["add_page", "change_page"],
    Role.MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.COORDINATORS: ["add_page", "change_page"],
}
COLLECTION_PERMISSIONS = {
    Role.EDITORS: [
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
    ],
    Role.MODERATORS: [
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtailimages", "delete_image"),
    ],
    Role.COORDINATORS: [
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
    ],
}

# Model permissions per role ("app_label.codename"). Every role translates its own pages (the
# page check is in literacy.admin_views); product apps add theirs from AppConfig.ready() through
# register_role_permissions, so this layer never imports them.
_extra_role_permissions: dict[str, set[str]] = {role: {"wagtail_localize.submit_translation"} for role in ROLES}


def register_role_permissions(*, role, permissions):
    if role not in _extra_role_permissions:
        raise ValueError(f"Unknown role {role!r}; expected one of {ROLES}.")
    _extra_role_permissions[role].update(permissions)


def group_name(code, role):
    return f"{code} {role}"


def workflow_name(code):
    return f"{code} review"


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def ensure_vocabulary():
    for order, (code, name_en, name_fr, kind, tz) in enumerate(JURISDICTIONS):
        Jurisdiction.objects.get_or_create(
            code=code,
            defaults={"name_en": name_en, "name_fr": name_fr, "kind": kind, "time_zone": tz, "sort_order": order},
        )
    for order, (slug, category, name_en, name_fr, desc_en, desc_fr) in enumerate(TOPICS):
        Topic.objects.get_or_create(
            slug=slug,
            defaults={
                "category": category,
                "name_en": name_en,
                "name_fr": name_fr,
                "description_en": desc_en,
                "description_fr": desc_fr,
                "sort_order": order,
            },
        )
    for order, (slug, name_en, name_fr) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(
            slug=slug, defaults={"name_en": name_en, "name_fr": name_fr, "sort_order": order}
        )


def ensure_child_page(*, parent, page_class, title, slug, locale, translation_of=None, **fields):
    """Return the live child of `parent` of this class (and translation key), creating it if missing."""
    existing = page_class.objects.child_of(parent).filter(locale=locale)
    if translation_of is not None:
        existing = existing.filter(translation_key=translation_of.translation_key)
    else:
        existing = existing.filter(slug=slug)
    page = existing.first()
    if page is not None:
        return page
    page = page_class(title=title, slug=slug, locale=locale, **fields)
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _permissions(pairs):
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


def _ensure_translation_permission():
    """wagtail-localize creates its permission in a data migration, which a database flush (and
    so a test's) does not rerun; provisioning that grants it must be able to stand it up again."""
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def _ensure_groups(jurisdiction):
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=group_name(jurisdiction.code, role))
        group.permissions.add(access_admin)
        for dotted in sorted(_extra_role_permissions[role]):
            app_label, codename = dotted.split(".", 1)
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        groups[role] = group
    fields = {field: groups[role] for role, field in GROUP_FIELDS.items()}
    if any(getattr(jurisdiction, f"{name}_id") != group.pk for name, group in fields.items()):
        for name, group in fields.items():
            setattr(jurisdiction, name, group)
        jurisdiction.save(update_fields=list(fields))
    return groups


def _ensure_collection(jurisdiction, groups):
    collection = jurisdiction.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=jurisdiction.name_en).first() or root.add_child(
            name=jurisdiction.name_en
        )
        jurisdiction.collection = collection
        jurisdiction.save(update_fields=["collection"])
    for role, pairs in COLLECTION_PERMISSIONS.items():
        for permission in _permissions(pairs):
            GroupCollectionPermission.objects.get_or_create(
                group=groups[role], collection=collection, permission=permission
            )
    return collection


def _ensure_page_permissions(pages, groups):
    for role, codenames in PAGE_PERMISSIONS.items():
        permissions = _permissions(("wagtailcore", codename) for codename in codenames)
        for page in pages:
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(group=groups[role], page=page, permission=permission)


def _ensure_workflow(jurisdiction, pages, groups):
    workflow, _ = Workflow.objects.get_or_create(name=workflow_name(jurisdiction.code), defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=f"{jurisdiction.code} moderator approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"{jurisdiction.code} moderator approval")
    task.groups.set([groups[Role.MODERATORS]])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def jurisdiction_slug(jurisdiction, language_code):
    return slugify(jurisdiction.name_fr if language_code == "fr" else jurisdiction.name_en)


@transaction.atomic
def ensure_working_group():
    """The national working group's group: admin access (for its report) and no page permissions."""
    group, _ = Group.objects.get_or_create(name=WORKING_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def provision_jurisdictions(*, site_roots):
    """Provision every jurisdiction under `site_roots`, a dict of language code → that language's
    home page (the pages must be translations of each other)."""
    locales = ensure_locales()
    ensure_vocabulary()
    _ensure_translation_permission()
    ensure_working_group()
    index_en = ensure_child_page(
        parent=site_roots["en"],
        page_class=JurisdictionIndexPage,
        title="Jurisdictions",
        slug="jurisdictions",
        locale=locales["en"],
        show_in_menus=True,
        intro="<p>Each federal, provincial and territorial government publishes its own resources, courses and sessions.</p>",
    )
    index_fr = ensure_child_page(
        parent=site_roots["fr"],
        page_class=JurisdictionIndexPage,
        title="Gouvernements",
        slug="gouvernements",
        locale=locales["fr"],
        translation_of=index_en,
        show_in_menus=True,
        intro="<p>Chaque gouvernement fédéral, provincial et territorial publie ses propres ressources, cours et séances.</p>",
    )
    provisioned = {}
    for jurisdiction in Jurisdiction.objects.all():
        page_en = JurisdictionPage.objects.filter(
            jurisdiction=jurisdiction, locale=locales["en"]
        ).first() or ensure_child_page(
            parent=index_en,
            page_class=JurisdictionPage,
            title=jurisdiction.name_en,
            slug=jurisdiction_slug(jurisdiction, "en"),
            locale=locales["en"],
            jurisdiction=jurisdiction,
        )
        page_fr = JurisdictionPage.objects.filter(
            jurisdiction=jurisdiction, locale=locales["fr"]
        ).first() or ensure_child_page(
            parent=index_fr,
            page_class=JurisdictionPage,
            title=jurisdiction.name_fr,
            slug=jurisdiction_slug(jurisdiction, "fr"),
            locale=locales["fr"],
            translation_of=page_en,
            jurisdiction=jurisdiction,
        )
        pages = [page_en, page_fr]
        groups = _ensure_groups(jurisdiction)
        _ensure_collection(jurisdiction, groups)
        _ensure_page_permissions(pages, groups)
        _ensure_workflow(jurisdiction, pages, groups)
        provisioned[jurisdiction.code] = {"pages": {"en": page_en, "fr": page_fr}, "groups": groups}
    return provisioned


def jurisdiction_root_pages(jurisdiction):
    return Page.objects.filter(jurisdictionpage__jurisdiction=jurisdiction)
