from django.core.management.base import BaseCommand

from home.site_tree import build_site_tree


class Command(BaseCommand):
    help = (
        "Create, in English and French, the home page, the national index pages and each jurisdiction's "
        "pages, groups, permissions, collection and review workflow. Safe to run again: it only adds what is missing."
    )

    def handle(self, *args, **options):
        tree = build_site_tree()
        self.stdout.write(
            self.style.SUCCESS(f"Provisioned {len(tree['jurisdictions'])} jurisdictions in English and French.")
        )
