from django.core.management.base import BaseCommand, CommandError

from home.demo import roles, site, workflows
from home.review.actors import setting_up_site
from hub import demo as hub_demo
from reopening import demo as reopening_demo


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
            hub = hub_demo.build(pages["home"], scale=scale)
            reopening = reopening_demo.build(pages["home"])
            menu_pages = [*hub.get("menu", []), *reopening.get("menu", [])]
            site.build_frame(pages, menu_pages)
            roles.build_roles()
            workflows.build_workflows()
        self.stdout.write(self.style.SUCCESS("Demo content ready in Italian and English."))
