from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from courses.demo import load_demo as load_course_demo
from home.demo_users import DEMO_PASSWORD, ensure_demo_users
from home.site_tree import build_site_tree
from literacy.search_index import indexed_synchronously
from resources.demo import load_demo as load_resource_demo
from sessions.demo import load_demo as load_session_demo


def demo_is_loaded():
    """The demo users, resources, sessions and every demo course folder's course are there."""
    from django.contrib.auth import get_user_model

    from courses.demo import demo_course_folders
    from courses.importer import parse_folder
    from courses.models import CoursePage
    from resources.models import ResourcePage
    from sessions.models import SessionPage

    if not get_user_model().objects.filter(email="admin@example.ca").exists():
        return False
    if not (ResourcePage.objects.exists() and SessionPage.objects.exists()):
        return False
    slugs = {parse_folder(folder / "en")[0].meta["slug"] for folder in demo_course_folders()}
    return CoursePage.objects.filter(slug__in=slugs, live=True).values("slug").distinct().count() == len(slugs)


class Command(BaseCommand):
    help = "Provision the site tree and load demo users and content in English and French. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="Do nothing when the demo is already loaded (make run's warm start).",
        )

    def handle(self, *args, **options):
        if options["if_needed"] and demo_is_loaded():
            self.stdout.write("Demo data is already loaded.")
            return
        with indexed_synchronously(), transaction.atomic():
            tree = build_site_tree()
            signins = ensure_demo_users()
            for loader in (load_resource_demo, load_course_demo, load_session_demo):
                loader(tree=tree, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        if getattr(settings, "OGL_DEMO_SIGNINS", False):
            self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
            for email, role in signins:
                self.stdout.write(f"  {email:30} {role}")
