"""A page that exists in one language only: the switcher leads to its nearest translated
ancestor, the page says so in the other language, and hreflang names live versions only."""

import pytest

from .conftest import parse, publish_translation
from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_pages, locales):
    italian = StandardPageFactory(parent=home_pages["it"], title="Temi", slug="temi")
    italian.save_revision().publish()
    english = publish_translation(italian, locales["en"])
    english.title, english.slug = "Topics", "topics"
    english.save_revision().publish()
    return {"it": italian, "en": english}


def test_untranslated_page_links_to_the_nearest_translated_ancestor(client, section):
    page = StandardPageFactory(parent=section["it"], title="Solo in italiano", slug="solo")
    page.save_revision().publish()
    html = parse(client.get("/it/temi/solo/"))
    link = html.select_one('nav.language-switcher a[hreflang="en"]')
    assert link["href"] == "/en/topics/"
    assert link["data-fallback"] == "ancestor"
    alternates = [tag["hreflang"] for tag in html.select('link[rel="alternate"][hreflang]')]
    assert alternates == ["it", "x-default"]


def test_untranslated_page_says_so_in_the_other_language(client, section):
    page = StandardPageFactory(parent=section["it"], title="Solo in italiano", slug="solo")
    page.save_revision().publish()
    notice = parse(client.get("/it/temi/solo/")).select_one("main .language-notice")
    assert notice["lang"] == "en"
    assert notice.get_text(strip=True) == "This page is available only in Italian."


def test_translated_page_has_no_notice_and_links_to_itself(client, section):
    html = parse(client.get("/en/topics/"))
    assert html.select_one(".language-notice") is None
    link = html.select_one('nav.language-switcher a[hreflang="it"]')
    assert link["href"] == "/it/temi/"
    assert "data-fallback" not in link.attrs


def test_draft_translation_of_the_parent_is_not_a_fallback(client, home_pages, locales):
    parent = StandardPageFactory(parent=home_pages["it"], title="Bozze", slug="bozze")
    parent.save_revision().publish()
    parent.copy_for_translation(locales["en"])  # a draft, never published
    child = StandardPageFactory(parent=parent, title="Figlia", slug="figlia")
    child.save_revision().publish()
    link = parse(client.get("/it/bozze/figlia/")).select_one(
        'nav.language-switcher a[hreflang="en"]'
    )
    assert link["href"] == "/en/"
    assert link["data-fallback"] == "home"
