"""A snapshot of the test database with the site tree, to put the site back after the flush that
ends every transactional (live-server) test, in ~0.5 s instead of the 7 s of build_site_tree().

The flush re-runs post_migrate, which recreates content types and most permissions under new ids
(not those that migrations made, such as wagtail-localize's); so the snapshot keeps those two
tables aside as natural keys, recreates what is missing and maps the old ids to the new ones."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction

RECREATED_BY_POST_MIGRATE = (ContentType, Permission)
# On SQLite, triggers on wagtailsearch's index entries fill this full-text table.
FILLED_BY_TRIGGERS = {"wagtailsearch.SQLiteFTSIndexEntry"}


def _models(connection):
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    app_list = [
        (app_config, None)
        for app_config in apps.get_app_configs()
        if app_config.models_module is not None
        and app_config.label in loader.migrated_apps
        and app_config.name not in settings.TEST_NON_SERIALIZED_APPS
    ]
    # Models whose natural keys others refer to (groups by name...) come first.
    for model in serializers.sort_dependencies(app_list, allow_cycles=True):
        if (
            model not in RECREATED_BY_POST_MIGRATE
            and model._meta.label not in FILLED_BY_TRIGGERS
            and model._meta.can_migrate(connection)
            and router.allow_migrate_model(connection.alias, model)
        ):
            yield model


def take_snapshot(using=DEFAULT_DB_ALIAS):
    connection = connections[using]

    def objects():
        for model in _models(connection):
            yield from model._base_manager.using(using).order_by(model._meta.pk.name).iterator()

    return {
        "content_types": {ct.pk: (ct.app_label, ct.model) for ct in ContentType.objects.using(using)},
        "permissions": {
            p.pk: (p.codename, p.name, p.content_type.app_label, p.content_type.model)
            for p in Permission.objects.using(using).select_related("content_type")
        },
        "data": serializers.serialize("python", objects()),
    }


def _references(model_label):
    """The model's fields that hold content type ids and permission ids."""
    model = apps.get_model(model_label)
    fields = [f for f in model._meta.local_fields if f.is_relation]
    to_ct = [f.name for f in fields if f.related_model is ContentType]
    to_perm = [f.name for f in fields if f.related_model is Permission]
    m2m_perm = [f.name for f in model._meta.local_many_to_many if f.related_model is Permission]
    return to_ct, to_perm, m2m_perm


def restore_snapshot(snapshot, using=DEFAULT_DB_ALIAS):
    """Loads the snapshot into a flushed database, whose content types and permissions (recreated by
    post_migrate, or here if missing) may have other ids than in the snapshot."""
    content_types = ContentType.objects.using(using)
    existing = {(ct.app_label, ct.model) for ct in content_types.all()}
    content_types.bulk_create(
        [ContentType(app_label=a, model=m) for a, m in snapshot["content_types"].values() if (a, m) not in existing]
    )
    ct_ids = {(ct.app_label, ct.model): ct.pk for ct in content_types.all()}
    permissions = Permission.objects.using(using)
    existing = set(permissions.values_list("content_type_id", "codename"))
    permissions.bulk_create(
        [
            Permission(codename=codename, name=name, content_type_id=ct_ids[app_label, model])
            for codename, name, app_label, model in snapshot["permissions"].values()
            if (ct_ids[app_label, model], codename) not in existing
        ]
    )
    ContentType.objects.clear_cache()
    perm_ids = {
        (ct_id, codename): pk for pk, ct_id, codename in permissions.values_list("pk", "content_type_id", "codename")
    }
    new_ct = {old: ct_ids[key] for old, key in snapshot["content_types"].items()}
    new_perm = {old: perm_ids[ct_ids[a, m], codename] for old, (codename, _, a, m) in snapshot["permissions"].items()}

    references = {}
    objects = []
    for obj in snapshot["data"]:
        to_ct, to_perm, m2m_perm = references.get(obj["model"]) or references.setdefault(
            obj["model"], _references(obj["model"])
        )
        if to_ct or to_perm or m2m_perm:
            fields = dict(obj["fields"])
            for names, mapping in ((to_ct, new_ct), (to_perm, new_perm)):
                for name in names:
                    if fields.get(name) is not None:
                        fields[name] = mapping[fields[name]]
            for name in m2m_perm:
                fields[name] = [new_perm[pk] for pk in fields.get(name, [])]
            obj = {**obj, "fields": fields}
        objects.append(obj)

    connection = connections[using]
    with transaction.atomic(using=using), connection.constraint_checks_disabled():
        for deserialized in serializers.deserialize("python", objects, using=using):
            deserialized.save()
