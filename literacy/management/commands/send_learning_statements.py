"""`manage.py send_learning_statements`: queue again the xAPI statements a store has not taken yet
(a store that was down). Safe to run often; each statement is kept once by its store."""

from django.core.management.base import BaseCommand

from literacy.xapi import retry_failed


class Command(BaseCommand):
    help = "Queue again the xAPI statements not yet delivered to their Learning Record Store."

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {retry_failed()} statement(s).")
