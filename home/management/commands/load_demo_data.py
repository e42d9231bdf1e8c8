from django.core.management.base import BaseCommand, CommandError
from wagtail import hooks

from home.demo import roles, site
from home.extensions import DEMO_CONTENT, SITE_SETUP
from home.review.actors import setting_up_site


class Command(BaseCommand):
    help = (
        "Build the bilingual demo content: the Italian source, then English through "
        "wagtail-localize. Idempotent: creates what is missing, leaves what exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also add N synthetic items of each hub kind per language, for benchmarks.",
        )

    def handle(self, *args, scale=0, **options):
        if scale < 0:
            raise CommandError("--scale must be zero or more.")
        # No enclosing transaction: wagtail-localize publishes translations when a
        # transaction commits, and each builder must see the previous one's pages live.
        # The demo publishes the reviewed content of the reopening section as its author.
        with setting_up_site():
            pages = site.build_pages()
            # Each section's demo (the hub's, then the reopening's: hook order).
            menu_pages = []
            for build in hooks.get_hooks(DEMO_CONTENT):
                menu_pages += build(pages["home"], scale).get("menu", [])
            site.build_frame(pages, menu_pages)
            groups = roles.build_roles()
            for setup in hooks.get_hooks(SITE_SETUP):
                groups.update(setup(groups) or {})
        self.stdout.write(self.style.SUCCESS("Demo content ready in Italian and English."))
