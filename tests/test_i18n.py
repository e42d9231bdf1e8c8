"""Languages: prefixes, the root redirect, hreflang and the language switcher."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from hub.models import WebinarPage

from .conftest import parse
from .factories import StandardPageFactory
from .hub_helpers import make_item, translate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "other"), [("it", "en"), ("en", "it")])
def test_home_page_in_each_language(client, home_pages, language, other):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == language
    heading = html.select_one("h1").get_text(strip=True)
    assert heading == {"it": "Benvenuti", "en": "Welcome"}[language]
    alternates = {
        link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert alternates[other] == f"http://testserver/{other}/"
    assert alternates[language] == f"http://testserver/{language}/"
    # x-default: the page in the default language, Italian.
    assert alternates["x-default"] == "http://testserver/it/"
    assert html.select_one('link[rel="canonical"]')["href"] == f"http://testserver/{language}/"


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("it-IT,it;q=0.9,en;q=0.8", "/it/"),
        ("de", "/it/"),
        ("", "/it/"),
        ("fr-FR,en;q=0.5", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, home_pages, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_switcher_on_a_translated_page_points_at_the_translation(client, home_pages, locales):
    from .conftest import publish_translation

    page = StandardPageFactory(parent=home_pages["it"], title="Chi siamo", slug="chi-siamo")
    english = publish_translation(page, locales["en"])
    english.slug = "about-us"
    english.title = "About us"
    english.save_revision().publish()

    html = parse(client.get("/it/chi-siamo/"))
    switcher = html.select_one("nav.language-switcher")
    english_link = switcher.select_one('a[hreflang="en"]')
    assert english_link["href"] == "/en/about-us/"
    assert "data-fallback" not in english_link.attrs
    assert switcher.select_one('[aria-current="true"]')["lang"] == "it"

    html = parse(client.get("/en/about-us/"))
    assert html.html["lang"] == "en"
    assert html.select_one('nav.language-switcher a[hreflang="it"]')["href"] == "/it/chi-siamo/"


def test_switcher_on_an_untranslated_page_points_at_the_other_home(client, home_pages):
    StandardPageFactory(parent=home_pages["it"], title="Solo in italiano", slug="solo-italiano")
    html = parse(client.get("/it/solo-italiano/"))
    english_link = html.select_one('nav.language-switcher a[hreflang="en"]')
    assert english_link["href"] == "/en/"
    assert english_link["data-fallback"] == "home"
    # Only live translations are named as alternates.
    alternates = [link["hreflang"] for link in html.select('link[rel="alternate"][hreflang]')]
    assert alternates == ["it", "x-default"]


def test_draft_translation_is_not_offered(client, home_pages, locales):
    page = StandardPageFactory(parent=home_pages["it"], title="Bozza", slug="bozza")
    page.copy_for_translation(locales["en"])  # a draft, never published
    html = parse(client.get("/it/bozza/"))
    assert html.select_one('nav.language-switcher a[hreflang="en"]')["href"] == "/en/"
    assert client.get("/en/bozza/").status_code == 404


def test_content_language_header(client, home_pages):
    assert client.get("/en/")["Content-Language"] == "en"
    assert client.get("/it/")["Content-Language"] == "it"


def test_dates_are_written_the_way_each_language_writes_them(client, hub_site, locales):
    """Italian: no leading zero, months and weekdays in lower case; English: day first and
    the 24-hour clock, like every date the templates spell out."""
    starts_at = datetime(2026, 12, 8, 18, 0, tzinfo=ZoneInfo("Europe/Rome"))
    webinar = make_item(hub_site["it"], WebinarPage, title="Sanità digitale", starts_at=starts_at)
    english = translate(webinar, locales["en"], title="Digital healthcare")

    def when(page):
        html = parse(client.get(page.url))
        return html.select_one(".facts time").get_text(strip=True)

    assert when(webinar) == "martedì 8 dicembre 2026, 18:00"
    assert when(english) == "Tuesday 8 December 2026, 18:00"
    card_date = parse(client.get(hub_site["it"].url)).select_one(".card__date")
    assert card_date.get_text(strip=True) == "martedì 8 dicembre 2026, 18:00"
