"""One thing in two languages: plan steps become translatable (the French step is the English
step), certificates carry both titles and a rendering per language, and learning records move
to each thing's canonical page (the first page of its translation group), duplicates merged."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import literacy.models.certificates


def canonical_page_ids(Page):
    """{page id: canonical page id} for every page that has a translation."""
    first = {}
    mapping = {}
    for pk, key in Page.objects.order_by("pk").values_list("pk", "translation_key"):
        first.setdefault(key, pk)
        mapping[pk] = first[key]
    return mapping


def pair_plan_steps(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Step = apps.get_model("literacy", "LearningPlanStep")
    plans = {pk: (key, locale) for pk, key, locale in Page.objects.values_list("pk", "translation_key", "locale_id")}
    keys = {}
    positions = {}
    for step in Step.objects.order_by("plan_id", "sort_order", "pk"):
        plan_key, locale_id = plans[step.plan_id]
        position = positions[step.plan_id] = positions.get(step.plan_id, -1) + 1
        step.locale_id = locale_id
        step.translation_key = keys.setdefault((plan_key, position), uuid.uuid4())
        step.save(update_fields=["locale", "translation_key"])


def merge_records(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    to_canonical = canonical_page_ids(Page)

    PlanEnrolment = apps.get_model("literacy", "PlanEnrolment")
    for enrolment in PlanEnrolment.objects.order_by("started_at", "pk"):
        target = to_canonical.get(enrolment.plan_id, enrolment.plan_id)
        if target == enrolment.plan_id:
            continue
        if PlanEnrolment.objects.filter(user_id=enrolment.user_id, plan_id=target).exists():
            enrolment.delete()  # the earlier start is kept
        else:
            enrolment.plan_id = target
            enrolment.save(update_fields=["plan"])

    Step = apps.get_model("literacy", "LearningPlanStep")
    canonical_step = {}
    for pk, key in Step.objects.order_by("pk").values_list("pk", "translation_key"):
        canonical_step.setdefault(key, pk)
    step_key = dict(Step.objects.values_list("pk", "translation_key"))
    Completion = apps.get_model("literacy", "PlanStepCompletion")
    for completion in Completion.objects.order_by("completed_at", "pk"):
        target = canonical_step[step_key[completion.step_id]]
        if target == completion.step_id:
            continue
        if Completion.objects.filter(user_id=completion.user_id, step_id=target).exists():
            completion.delete()
        else:
            completion.step_id = target
            completion.save(update_fields=["step"])

    Certificate = apps.get_model("literacy", "Certificate")
    page_types = set(Page.objects.values_list("content_type_id", flat=True).distinct())
    for certificate in Certificate.objects.filter(content_type_id__in=page_types).order_by("issued_at", "pk"):
        target = to_canonical.get(certificate.object_id, certificate.object_id)
        if target == certificate.object_id:
            continue
        kept = Certificate.objects.filter(
            user_id=certificate.user_id, content_type_id=certificate.content_type_id, object_id=target
        ).first()
        if kept is None:
            certificate.object_id = target
            certificate.save(update_fields=["object_id"])
            continue
        # Two certificates for one thing: keep the earlier; the later code keeps verifying through it.
        kept.former_codes = " ".join(filter(None, [kept.former_codes, certificate.code, certificate.former_codes]))
        if not kept.subject_title_fr and certificate.subject_language == "fr":
            kept.subject_title_fr = certificate.subject_title
        kept.save(update_fields=["former_codes", "subject_title_fr"])
        certificate.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("literacy", "0003_plans_and_certificates"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="subject_title_fr",
            field=models.CharField(blank=True, max_length=255, verbose_name="title (French)"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="pdf_fr",
            field=models.FileField(
                blank=True, upload_to=literacy.models.certificates.certificate_upload_to, verbose_name="PDF (French)"
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="former_codes",
            field=models.TextField(
                blank=True,
                editable=False,
                verbose_name="former codes",
                help_text="Codes of certificates merged into this one (one per language page before both languages "
                "shared one record); they still verify.",
            ),
        ),
        migrations.AddField(
            model_name="learningplanstep",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="learningplanstep",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(pair_plan_steps, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="learningplanstep",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="learningplanstep",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name="learningplanstep", unique_together={("translation_key", "locale")}),
        migrations.RunPython(merge_records, migrations.RunPython.noop),
    ]
