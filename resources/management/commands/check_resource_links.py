from django.core.management.base import BaseCommand

from resources.services import queue_link_checks


class Command(BaseCommand):
    help = "Queue a background check of every resource's external link (last HTTP status and time are recorded)."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=5.0, help="Seconds to wait for each link (default 5).")

    def handle(self, *args, **options):
        count = queue_link_checks(timeout=options["timeout"])
        self.stdout.write(self.style.SUCCESS(f"Queued {count} link checks."))
