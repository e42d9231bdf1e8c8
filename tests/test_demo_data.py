"""The demo content: complete in both languages, and safe to load twice."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import Translation

from home.models import FooterContent, HomePage, NavigationMenu, StandardPage

from .conftest import parse

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "footers": FooterContent.objects.count(),
        "translations": Translation.objects.count(),
        "sites": Site.objects.count(),
    }


def test_loading_twice_changes_nothing(demo):
    before = counts()
    call_command("load_demo_data", stdout=io.StringIO())
    assert counts() == before
    assert before["pages"] > 3


def test_italian_home_replaces_the_welcome_page(demo):
    assert demo.root_page.specific_class is HomePage
    assert demo.root_page.locale.language_code == "it"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_every_page_and_snippet_exists_live_in_both_languages(demo):
    for model in (HomePage, StandardPage, NavigationMenu, FooterContent):
        for italian in model.objects.filter(locale__language_code="it"):
            english = italian.get_translation_or_none(
                italian.locale.__class__.objects.get(language_code="en")
            )
            assert english is not None, f"{italian} has no English version"
            if isinstance(italian, Page):
                assert english.live and not english.has_unpublished_changes
                assert english.slug != "" and english.title


def test_english_tree_has_translated_slugs_and_text(client, demo):
    response = client.get("/en/about-us/")
    assert response.status_code == 200
    html = parse(response)
    assert html.select_one("h1").get_text(strip=True) == "About us"
    assert "business school of Politecnico di Milano" in html.get_text()
    assert html.select_one('nav.language-switcher a[hreflang="it"]')["href"] == "/it/chi-siamo/"


@pytest.mark.parametrize(
    ("path", "menu_label", "footer_text"),
    [
        ("/it/", "Chi siamo", "Tutti i diritti riservati"),
        ("/en/", "About us", "All rights reserved"),
    ],
)
def test_navigation_and_footer_follow_the_language(client, demo, path, menu_label, footer_text):
    html = parse(client.get(path))
    labels = [a.get_text(strip=True) for a in html.select("nav.site-nav a")]
    assert menu_label in labels
    assert footer_text in html.select_one("footer").get_text()
    for link in html.select("nav.site-nav a, footer nav a"):
        assert link["href"].startswith(path), link["href"]


def test_every_demo_page_renders(client, demo):
    for page in Page.objects.filter(depth__gte=2).live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert parse(response).html["lang"] == page.locale.language_code
