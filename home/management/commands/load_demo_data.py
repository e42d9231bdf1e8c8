from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import site


class Command(BaseCommand):
    help = "Build the bilingual demo content (Italian source, English through wagtail-localize). Idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            built = site.build()
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready: {len(built)} objects in Italian and English.")
        )
