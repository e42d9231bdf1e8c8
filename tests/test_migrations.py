"""Migrations go both ways on PostgreSQL, on a database of the test's own holding the demo:
each app to zero and forward again, with nothing left unapplied, models matching their
tables, the data migrations' rows made again, no page left in the tree without its type,
and the demo built again over what remains, every page of it answering."""

import io
import json
import os

import pytest

from .servers import manage

needs_postgresql = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
)

# Run inside the scratch database's own process: the state of the site, as JSON.
SITE_STATE = """
import json, re
from django.core.exceptions import ObjectDoesNotExist
from html.parser import HTMLParser
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Page, Site
from wagtail_localize.models import TranslationSource

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = set()
    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("/admin"):
            self.found.add(href.split("#")[0])

addresses, failing = set(), []
with override_settings(ALLOWED_HOSTS=["*"]):
    client = Client()
    # While an installed app has no tables the site cannot serve: only the tree is read.
    rendering = RENDER
    sitemap = client.get("/sitemap.xml").content.decode() if rendering else ""
    addresses = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap))
    for home in ("/it/", "/en/") if rendering else ():
        links = Links()
        links.feed(client.get(home).content.decode())
        addresses |= links.found
    failing = sorted(
        f"{address} {status}"
        for address in addresses
        if (status := client.get(address).status_code) != 200
    )
def stale(source):
    try:
        source.get_source_instance()
    except ObjectDoesNotExist:
        return True
    return False

print(json.dumps({
    "pages": Page.objects.count(),
    "typeless": [p.url_path for p in Page.objects.all() if p.content_type.model_class() is None],
    "stale sources": sum(1 for source in TranslationSource.objects.all() if stale(source)),
    "sites": [site.root_page.url_path for site in Site.objects.all()],
    "addresses": len(addresses),
    "failing": failing,
}))
"""


def site_state(database, media, render=True):
    script = SITE_STATE.replace("RENDER", str(render))
    output = manage(database, media, "shell", "-c", script).stdout
    return json.loads(output.strip().splitlines()[-1])


@needs_postgresql
def test_every_app_migrates_to_zero_and_back_with_the_demo(scratch_database, tmp_path):
    database = scratch_database()
    manage(database, tmp_path, "migrate", "--noinput")
    manage(database, tmp_path, "load_demo_data")
    demo = site_state(database, tmp_path)
    assert demo["failing"] == [] and demo["typeless"] == [] and demo["addresses"] > 90
    for app in ("reopening", "hub", "home"):
        zero = manage(database, tmp_path, "migrate", app, "zero", "--noinput").stdout
        # The app's pages went with its tables (and, for home, everything below the homes),
        # and so did their translation sources.
        gone = site_state(database, tmp_path, render=False)
        assert gone["typeless"] == [] and gone["stale sources"] == 0, gone
        assert f"pages of {app} and the app's rows" in zero
        assert gone["pages"] < demo["pages"], app
        # The Site outlives its root: it waits at the tree's root for the next home page.
        assert len(gone["sites"]) == 1, gone["sites"]
        manage(database, tmp_path, "migrate", "--noinput")
        manage(database, tmp_path, "load_demo_data")
        again = site_state(database, tmp_path)
        assert again == demo, app
    # Nothing is left unapplied, and the models match the tables they made.
    plan = manage(database, tmp_path, "migrate", "--plan").stdout
    assert "No planned migration operations." in plan
    manage(database, tmp_path, "makemigrations", "--check", "--dry-run")
    # The hub's audiences came back with hub.0002, whose reverse removed them.
    check = (
        "from hub.models import Audience; "
        "assert Audience.objects.count() == 4, Audience.objects.count()"
    )
    manage(database, tmp_path, "shell", "-c", check)


@pytest.mark.django_db
@pytest.mark.parametrize("app", ["reopening", "hub", "home"])
def test_a_faked_migration_to_zero_deletes_nothing(app, reopening, hub_site):
    """`--fake` records the migrations as unapplied and touches no table: the content stays
    (the test's transaction takes the records back afterwards)."""
    from django.core.management import call_command
    from wagtail.models import Page

    before = Page.objects.count()
    output = io.StringIO()
    call_command("migrate", app, "zero", fake=True, stdout=output)
    assert "left as it is" in output.getvalue()
    assert Page.objects.count() == before
    call_command("migrate", fake=True, stdout=io.StringIO())
