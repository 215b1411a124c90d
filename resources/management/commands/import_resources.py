from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resources.services import IMPORT_COLUMNS, ResourceError, import_resources


class Command(BaseCommand):
    help = (
        "Import resources from a UTF-8 CSV into one jurisdiction (EN and/or FR pages per row, matched on "
        "external_id; published). Columns: " + ", ".join(IMPORT_COLUMNS)
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--jurisdiction", required=True, help="Jurisdiction code, e.g. ON")
        parser.add_argument("--dry-run", action="store_true", help="Validate every row; import nothing.")
        parser.add_argument("--draft", action="store_true", help="Save new revisions without publishing them.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = import_resources(
                data=path.read_bytes(),
                jurisdiction_code=options["jurisdiction"],
                dry_run=options["dry_run"],
                publish=not options["draft"],
            )
        except ResourceError as exc:
            for line, reason in exc.errors:
                self.stderr.write(f"line {line}: {reason}" if line else reason)
            raise CommandError(str(exc)) from exc
        if report.dry_run:
            self.stdout.write(self.style.SUCCESS(f"{report.rows} rows are valid (dry run: nothing imported)."))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {report.rows} rows: {report.created} pages created, {report.updated} updated."
                )
            )
