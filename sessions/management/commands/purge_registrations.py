import re
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from sessions.services import purge_registrations

UNITS = {"d": 1, "w": 7, "m": 30, "y": 365}


def parse_age(value):
    match = re.fullmatch(r"(\d+)([dwmy])", value.strip().lower())
    if not match:
        raise CommandError("--older-than takes a number and a unit: 30d, 12w, 6m or 2y.")
    return timedelta(days=int(match.group(1)) * UNITS[match.group(2)])


class Command(BaseCommand):
    help = "Anonymise registrations of sessions that ended before the cut-off and delete their self-identification."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", default="2y", help="Age such as 2y, 18m, 90d (default 2y).")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be purged; change nothing.")

    def handle(self, *args, **options):
        result = purge_registrations(older_than=parse_age(options["older_than"]), dry_run=options["dry_run"])
        verb = ("Would anonymise", "would delete") if options["dry_run"] else ("Anonymised", "deleted")
        self.stdout.write(
            f"{verb[0]} {result['anonymised']} registration(s); {verb[1]} {result['self_identifications_deleted']} "
            "self-identification record(s)."
        )
