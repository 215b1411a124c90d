"""`manage.py course_stats` prints what each demo course asks of a learner, in both languages, and
every course declares the time its reading and activities take (within a third)."""

from io import StringIO

from django.core.management import call_command

from courses.demo import demo_course_folders
from courses.stats import course_figures


def test_course_stats_lists_every_demo_course_in_both_languages():
    out = StringIO()
    call_command("course_stats", stdout=out)
    rows = [line for line in out.getvalue().splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 2 * len(demo_course_folders())
    for folder in demo_course_folders():
        for language in ("en", "fr"):
            figures = course_figures(folder / language)
            assert figures["questions"] >= figures["lessons"], folder.name
            assert (
                f"| {figures['title']} | {language} | {figures['lessons']} | {figures['words']:,} |" in out.getvalue()
            )
            assert abs(figures["minutes"] - figures["declared"]) <= max(5, figures["declared"] / 3), (
                folder.name,
                language,
                figures,
            )
