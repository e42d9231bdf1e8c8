"""Translatable snippets open in the translator's own language: the listings show its
instances, and new snippets (or copies) start in it. Editors and administrators, who work in
every language, see the listings and forms as before."""

import pytest
from django.urls import reverse

from home.translations.snippets import translatable_snippet_viewsets

from .conftest import parse
from .factories import NavigationMenuFactory, TopicFactory
from .test_translators_permissions import refused

pytestmark = pytest.mark.django_db

TRANSLATABLE_SNIPPETS = [
    "hub_topic",
    "hub_speaker",
    "home_navigationmenu",
    "home_footercontent",
    "reopening_alertbanner",
]


@pytest.fixture
def topics(locales):
    return {
        "it": TopicFactory(locale=locales["it"], name="Sanità", slug="sanita"),
        "en": TopicFactory(locale=locales["en"], name="Healthcare", slug="healthcare"),
    }


def url(snippet, view, *args):
    return reverse(f"wagtailsnippets_{snippet}:{view}", args=args)


def row_titles(response):
    return [
        row.select_one("td a").get_text(strip=True) for row in parse(response).select("tbody tr")
    ]


def test_every_translatable_snippet_is_covered():
    covered = {
        f"{vs.model._meta.app_label}_{vs.model._meta.model_name}"
        for vs in translatable_snippet_viewsets()
    }
    assert covered == set(TRANSLATABLE_SNIPPETS)


@pytest.mark.parametrize("snippet", TRANSLATABLE_SNIPPETS)
@pytest.mark.parametrize("language", ["en", "it"])
def test_listing_opens_in_the_translators_language(client, users, snippet, language):
    client.force_login(users[language])
    response = client.get(url(snippet, "list"))
    assert response.status_code == 302
    assert response["Location"] == f"{url(snippet, 'list')}?locale={language}"
    assert client.get(response["Location"]).status_code == 200


def test_listing_rows_are_the_translators_language(client, users, topics, locales):
    italian_menu = NavigationMenuFactory(locale=locales["it"], name="Menu principale")
    english_menu = italian_menu.copy_for_translation(locales["en"])
    english_menu.name = "Main menu"
    english_menu.save()
    client.force_login(users["en"])
    response = client.get(url("hub_topic", "list"), follow=True)
    assert response.redirect_chain == [(f"{url('hub_topic', 'list')}?locale=en", 302)]
    assert row_titles(response) == ["Healthcare"]
    response = client.get(url("home_navigationmenu", "list"), follow=True)
    assert row_titles(response) == ["Main menu"]
    # The translator may still look at the other language, or at every language.
    assert row_titles(client.get(url("hub_topic", "list"), {"locale": "it"})) == ["Sanità"]
    assert sorted(row_titles(client.get(url("hub_topic", "list"), {"locale": ""}))) == [
        "Healthcare",
        "Sanità",
    ]
    # The results the filters fetch follow the same language filter.
    results = client.get(url("hub_topic", "list_results"), {"locale": "en"})
    assert results.status_code == 200
    assert row_titles(results) == ["Healthcare"]


def test_listing_redirect_keeps_the_search(client, users, topics):
    client.force_login(users["en"])
    response = client.get(url("hub_topic", "list"), {"q": "Health"})
    assert response.status_code == 302
    assert response["Location"] == f"{url('hub_topic', 'list')}?q=Health&locale=en"


def test_unknown_language_is_not_found(client, users, topics):
    client.force_login(users["en"])
    assert client.get(url("hub_topic", "list"), {"locale": "xx"}).status_code == 404
    assert client.get(url("hub_topic", "list_results"), {"locale": "xx"}).status_code == 404


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_listing_is_unchanged_for_editors_and_administrators(client, users, topics, role):
    client.force_login(users[role])
    response = client.get(url("hub_topic", "list"))
    assert response.status_code == 200
    assert sorted(row_titles(response)) == ["Healthcare", "Sanità"]
    assert row_titles(client.get(url("hub_topic", "list"), {"locale": "en"})) == ["Healthcare"]


@pytest.mark.parametrize("snippet", TRANSLATABLE_SNIPPETS)
def test_add_view_starts_in_the_translators_language(client, users, snippet):
    client.force_login(users["en"])
    response = client.get(url(snippet, "add"))
    assert response.status_code == 302
    assert response["Location"] == f"{url(snippet, 'add')}?locale=en"
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert response.context["locale"].language_code == "en"


def test_add_view_posted_without_a_language_is_refused(client, users):
    client.force_login(users["en"])
    response = client.post(url("hub_topic", "add"), {"name": "Nuovo", "slug": "nuovo"})
    assert refused(response)


def test_copy_view_starts_in_the_translators_language(client, users, topics):
    client.force_login(users["en"])
    copy_url = url("hub_topic", "copy", topics["en"].pk)
    response = client.get(copy_url)
    assert response.status_code == 302
    assert response["Location"] == f"{copy_url}?locale=en"
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert response.context["locale"].language_code == "en"
    assert refused(client.get(copy_url, {"locale": "it"}))


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_add_view_is_unchanged_for_editors_and_administrators(client, users, role):
    client.force_login(users[role])
    response = client.get(url("hub_topic", "add"))
    assert response.status_code == 200
    assert response.context["locale"].language_code == "it"
