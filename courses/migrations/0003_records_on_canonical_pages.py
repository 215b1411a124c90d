"""Learning records move to each course's and lesson's canonical page (the first page of its
translation group), so progress made in English shows in French and back. Duplicates merge:
the earliest enrolment with the latest completion; one lesson completion, the earliest."""

from django.db import migrations


def merge_records(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    first, to_canonical = {}, {}
    for pk, key in Page.objects.order_by("pk").values_list("pk", "translation_key"):
        first.setdefault(key, pk)
        to_canonical[pk] = first[key]

    Enrolment = apps.get_model("courses", "Enrolment")
    for enrolment in Enrolment.objects.order_by("enrolled_at", "pk"):
        target = to_canonical.get(enrolment.course_id, enrolment.course_id)
        if target == enrolment.course_id:
            continue
        kept = Enrolment.objects.filter(user_id=enrolment.user_id, course_id=target).first()
        if kept is None:
            enrolment.course_id = target
            enrolment.save(update_fields=["course"])
            continue
        completions = [value for value in (kept.completed_at, enrolment.completed_at) if value]
        kept.enrolled_at = min(kept.enrolled_at, enrolment.enrolled_at)
        kept.completed_at = max(completions) if completions else None
        kept.save(update_fields=["enrolled_at", "completed_at"])
        enrolment.delete()

    LessonCompletion = apps.get_model("courses", "LessonCompletion")
    for completion in LessonCompletion.objects.order_by("completed_at", "pk"):
        target = to_canonical.get(completion.lesson_id, completion.lesson_id)
        if target == completion.lesson_id:
            continue
        if LessonCompletion.objects.filter(user_id=completion.user_id, lesson_id=target).exists():
            completion.delete()
        else:
            completion.lesson_id = target
            completion.save(update_fields=["lesson"])

    QuizAttempt = apps.get_model("courses", "QuizAttempt")
    for pk, lesson_id in list(QuizAttempt.objects.values_list("pk", "lesson_id")):
        target = to_canonical.get(lesson_id, lesson_id)
        if target != lesson_id:
            QuizAttempt.objects.filter(pk=pk).update(lesson_id=target)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_courses_lessons_progress"),
        ("literacy", "0004_one_thing_two_languages"),
    ]

    operations = [migrations.RunPython(merge_records, migrations.RunPython.noop)]
