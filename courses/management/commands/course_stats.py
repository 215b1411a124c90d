from django.core.management.base import BaseCommand

from courses.demo import demo_course_folders
from courses.stats import course_figures


class Command(BaseCommand):
    help = "Print each demo course's lessons, words, questions (in the banks and asked per attempt) and minutes in English and French (a Markdown table)."

    def handle(self, *args, **options):
        self.stdout.write(
            "| course | language | lessons | words | questions (bank / asked) | minutes (estimated / declared) |"
        )
        self.stdout.write("| --- | --- | ---: | ---: | ---: | --- |")
        for folder in demo_course_folders():
            for language in ("en", "fr"):
                f = course_figures(folder / language)
                self.stdout.write(
                    f"| {f['title']} | {language} | {f['lessons']} | {f['words']:,} | {f['questions']} / {f['asked']} | "
                    f"{f['minutes']} / {f['declared']} |"
                )
