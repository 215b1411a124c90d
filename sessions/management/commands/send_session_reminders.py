from django.core.management.base import BaseCommand

from sessions import notifications
from sessions.services import reminders_due


class Command(BaseCommand):
    help = "Send the 7-day and 1-day session reminders that are due. Each is sent once; safe to run every few minutes."

    def handle(self, *args, **options):
        sent = 0
        for registration, days in reminders_due():
            if notifications.send_reminder_email(registration_id=registration.pk, days=days):
                sent += 1
        self.stdout.write(f"Sent {sent} reminder(s).")
