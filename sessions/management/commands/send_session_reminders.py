from django.core.management.base import BaseCommand

from sessions import notifications


class Command(BaseCommand):
    help = "Send the 7-day and 1-day session reminders that are due. Each is sent once; safe to run every few minutes."

    def handle(self, *args, **options):
        sent = notifications.send_due_reminders()
        self.stdout.write(f"Sent {sent} reminder(s).")
