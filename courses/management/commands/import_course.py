from django.core.management.base import BaseCommand, CommandError

from courses.importer import CourseImportError, import_course


class Command(BaseCommand):
    help = "Import a draft course from a folder of Markdown files with YAML front matter (course.md + 01-*.md ...)."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--jurisdiction", required=True, help="Jurisdiction code, e.g. CA or ON.")

    def handle(self, *args, folder, jurisdiction, **options):
        try:
            course = import_course(folder=folder, jurisdiction_code=jurisdiction)
        except CourseImportError as error:
            raise CommandError("The course was not imported:\n" + "\n".join(f"  {e}" for e in error.errors)) from error
        for line in course.import_report:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Imported “{course.title}” (page {course.pk}); nothing was published."))
