from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from courses.demo import load_demo as load_course_demo
from home.demo_users import DEMO_PASSWORD, ensure_demo_users
from home.site_tree import build_site_tree
from resources.demo import load_demo as load_resource_demo
from sessions.demo import load_demo as load_session_demo


class Command(BaseCommand):
    help = "Provision the site tree and load demo users and content in English and French. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            tree = build_site_tree()
            signins = ensure_demo_users()
            for loader in (load_resource_demo, load_course_demo, load_session_demo):
                loader(tree=tree, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        if getattr(settings, "OGL_DEMO_SIGNINS", False):
            self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
            for email, role in signins:
                self.stdout.write(f"  {email:30} {role}")
