"""The RSS feed of what changed in the reopening information, one per language."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from reopening.models import ReopeningChange

from .conftest import add_reopening_info_page, parse, publish_translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_setup")]


def change(day, text):
    return ReopeningChange(changed_on=datetime.date(2020, 9, day), description=text)


@pytest.fixture
def changes(reopening, locales):
    section = reopening["it"]
    safety = add_reopening_info_page(
        section,
        title="Sicurezza",
        slug="sicurezza",
        changes=[
            change(1, "Pubblicato il protocollo."),
            change(10, "Temperatura a ogni ingresso."),
        ],
    )
    add_reopening_info_page(
        section, title="Mensa", slug="mensa", changes=[change(5, "Pranzo da asporto.")]
    )
    draft = add_reopening_info_page(
        section, title="Bozza", slug="bozza", changes=[change(20, "Non ancora pubblico.")]
    )
    draft.unpublish()
    english = publish_translation(safety, locales["en"])
    english.title = "Safety"
    english.save_revision().publish()
    return english


def feed_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_feed_lists_the_section_changes_newest_first(client, changes):
    channel, items = feed_items(client.get("/it/nice-to-mip-you/feed/"))
    assert channel.findtext("language") == "it"
    assert channel.findtext("link") == "http://testserver/it/nice-to-mip-you/"
    assert [item.findtext("description") for item in items] == [
        "Temperatura a ogni ingresso.",
        "Pranzo da asporto.",
        "Pubblicato il protocollo.",
    ]
    assert items[0].findtext("title") == "Sicurezza: Temperatura a ogni ingresso."
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)
    assert dates[0].date() == datetime.date(2020, 9, 10)
    link = items[1].findtext("link")
    assert link.startswith("http://testserver/it/nice-to-mip-you/mensa/#change-")
    # The link leads to the entry on the page.
    anchor = link.split("#", 1)[1]
    page = parse(client.get("/it/nice-to-mip-you/mensa/"))
    assert page.select_one(f"#{anchor}").get_text(" ", strip=True).endswith("Pranzo da asporto.")
    assert len({item.findtext("guid") for item in items}) == len(items)


def test_each_language_has_its_own_feed(client, changes):
    channel, items = feed_items(client.get("/en/nice-to-mip-you/feed/"))
    assert channel.findtext("language") == "en"
    assert [item.findtext("title").split(":")[0] for item in items] == ["Safety", "Safety"]
    assert all("/en/nice-to-mip-you/" in item.findtext("link") for item in items)


def test_pages_announce_the_feed_of_their_language(client, changes):
    for path, feed in [
        ("/it/nice-to-mip-you/", "/it/nice-to-mip-you/feed/"),
        ("/it/nice-to-mip-you/sicurezza/", "/it/nice-to-mip-you/feed/"),
        ("/en/nice-to-mip-you/", "/en/nice-to-mip-you/feed/"),
    ]:
        html = parse(client.get(path))
        assert html.select_one('link[rel="alternate"][type="application/rss+xml"]')["href"] == feed
        assert html.select_one(f'main a[href="{feed}"]') is not None
