from django.core.management.base import BaseCommand, CommandError

from resources.harvest import HarvestError, harvest_ckan


class Command(BaseCommand):
    help = (
        "Harvest a jurisdiction's learning resources from a CKAN portal (its Action API) into the "
        "inventory as drafts for that jurisdiction's moderators. Idempotent: records are matched on "
        "the source's identifier; a second run updates or leaves alone, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="The portal's address, e.g. https://open.canada.ca/data")
        parser.add_argument("--jurisdiction", required=True, help="Jurisdiction code, e.g. ON")
        parser.add_argument("--fq", default="", help='CKAN filter query, e.g. "organization:tbs-sct"')
        parser.add_argument("--topic", default=None, help="Topic slug for records whose keywords name none")
        parser.add_argument("--dry-run", action="store_true", help="Read and check everything; save nothing.")

    def handle(self, *args, **options):
        try:
            report = harvest_ckan(
                url=options["url"],
                jurisdiction_code=options["jurisdiction"],
                fq=options["fq"],
                dry_run=options["dry_run"],
                default_topic=options["topic"],
            )
        except HarvestError as exc:
            raise CommandError(str(exc)) from exc
        for source, reason in report.rejected:
            self.stderr.write(f"refused {source}: {reason}")
        verb = "would be" if report.dry_run else "were"
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.seen} records read: {report.created} {verb} created, {report.updated} {verb} updated "
                f"(as drafts), {report.unchanged} unchanged, {len(report.rejected)} refused."
            )
        )
