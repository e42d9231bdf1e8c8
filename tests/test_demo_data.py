"""The demo content: complete in both languages, and safe to load twice."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Locale, Orderable, Page, Revision, Site, TranslatableMixin
from wagtail_localize.models import Translation

from home.models import FooterContent, HomePage, NavigationMenu, StandardPage
from hub.models import ITEM_PAGE_MODELS, HubIndexPage, Speaker, Topic, TopicPage, WebinarPage

from .conftest import parse

# The demo is loaded once for the module (it takes seconds); each test runs in a savepoint.
pytestmark = pytest.mark.usefixtures("db", "demo_for_reading")


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "footers": FooterContent.objects.count(),
        "translations": Translation.objects.count(),
        "sites": Site.objects.count(),
        "topics": Topic.objects.count(),
        "speakers": Speaker.objects.count(),
    }


def test_loading_twice_changes_nothing():
    before = counts()
    call_command("load_demo_data", stdout=io.StringIO())
    assert counts() == before
    assert before["pages"] > 40


def test_italian_home_replaces_the_welcome_page():
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    assert site.root_page.locale.language_code == "it"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_every_page_and_snippet_exists_live_in_both_languages():
    english = Locale.objects.get(language_code="en")
    translatable = [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and model._meta.app_label in {"home", "hub", "reopening"}
        and not issubclass(model, Orderable)
    ]
    expected = {HomePage, StandardPage, NavigationMenu, FooterContent, Topic, Speaker}
    assert expected <= set(translatable)
    for model in translatable:
        for italian in model.objects.filter(locale__language_code="it"):
            translation = italian.get_translation_or_none(english)
            assert translation is not None, f"{italian!r} has no English version"
            if isinstance(italian, Page):
                assert translation.live, translation
                assert not translation.has_unpublished_changes, translation
                assert translation.title != ""


def test_english_tree_has_translated_slugs_and_text(client):
    response = client.get("/en/about-us/")
    assert response.status_code == 200
    html = parse(response)
    assert html.select_one("h1").get_text(strip=True) == "About us"
    assert "business school of Politecnico di Milano" in html.get_text()
    link = html.select_one('nav.language-switcher a[hreflang="it"]')
    assert link["href"] == "/it/chi-siamo/"


def test_navigation_and_footer_follow_the_language(client):
    cases = [
        ("/it/", ["KeepONLearning", "Chi siamo"], "Tutti i diritti riservati"),
        ("/en/", ["KeepONLearning", "About us"], "All rights reserved"),
    ]
    for path, menu_labels, footer_text in cases:
        html = parse(client.get(path))
        labels = [a.get_text(strip=True) for a in html.select("nav.site-nav a")]
        for label in menu_labels:
            assert label in labels
        assert footer_text in html.select_one("footer").get_text()
        for link in html.select("nav.site-nav a, footer nav a"):
            assert link["href"].startswith(path), link["href"]


def test_every_demo_page_renders_in_its_language(client):
    for page in Page.objects.filter(depth__gte=2).live().specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert parse(response).html["lang"] == page.locale.language_code


def test_hub_demo_has_every_kind_in_both_languages():
    for language in ("it", "en"):
        live = {"locale__language_code": language}
        assert HubIndexPage.objects.live().filter(**live).count() == 1
        assert TopicPage.objects.live().filter(**live).count() == 5
        assert Topic.objects.filter(**live).count() == 5
        for model in ITEM_PAGE_MODELS:
            assert model.objects.live().filter(**live).count() >= 3, model
        past = [w for w in WebinarPage.objects.live().filter(**live) if w.participant_count]
        upcoming = [w for w in WebinarPage.objects.live().filter(**live) if w.state() == "upcoming"]
        assert past and upcoming


def test_home_page_figures_come_from_the_content(client):
    held = [
        w
        for w in WebinarPage.objects.live().filter(locale__language_code="en")
        if w.state() in ("on-demand", "ended")
    ]
    html = parse(client.get("/en/"))
    figures = [li.get_text(" ", strip=True) for li in html.select(".impact li")]
    assert f"{len(held)} live webinars held" in figures
    participants = sum(w.participant_count or 0 for w in held)
    assert f"{participants:,} webinar participants" in figures
    assert "3 articles" in figures
    assert len(html.select('[aria-labelledby="featured-heading"] .card')) == 3
    assert len(html.select(".topic-grid a")) == 5


def test_home_page_leads_to_the_reopening_section(client):
    from reopening.models import ReopeningPage

    for language, label in (
        ("it", "Come riapriamo in sicurezza"),
        ("en", "How we reopen safely"),
    ):
        reopening = ReopeningPage.objects.live().get(locale__language_code=language)
        html = parse(client.get(f"/{language}/"))
        teaser = html.select_one(".reopening-teaser")
        assert teaser.select_one("a.button").get_text(strip=True) == label
        assert teaser.select_one("a.button")["href"] == reopening.url
        menu = [a["href"] for a in html.select("nav.site-nav a")]
        assert reopening.url in menu


def test_links_follow_the_schools_domain_and_past_webinars_say_what_they_offer(client):
    """No placeholder address anywhere the demo shows; a webinar that took place offers its
    recording or says it has none, and never promises a link with the registration."""
    placeholders = ("example.com", "example.org", "example.net")
    for page in Page.objects.filter(depth__gte=2).live().specific():
        html = client.get(page.url).content.decode()
        assert not any(placeholder in html for placeholder in placeholders), page.url
    promises = ("arriva con la conferma", "arrives with the confirmation")
    states = set()
    for webinar in WebinarPage.objects.live():
        text = parse(client.get(webinar.url)).main.get_text(" ", strip=True)
        state = webinar.state()
        states.add(state)
        if state == WebinarPage.UPCOMING:
            continue
        assert not any(promise in text for promise in promises), webinar.url
        if state == WebinarPage.ON_DEMAND:
            assert webinar.stream_url.startswith("https://www.som.polimi.it/"), webinar.url
        else:
            assert not webinar.stream_url
            assert ("non è stato registrato" in text) or ("was not recorded" in text)
    assert {WebinarPage.ON_DEMAND, WebinarPage.ENDED} <= states


def test_the_unrecorded_webinar_is_marked_so_and_not_asked_for(admin_client):
    unrecorded = WebinarPage.objects.get(slug="sanita-digitale-emergenza")
    assert unrecorded.not_recorded and unrecorded.state() == WebinarPage.ENDED
    panel = parse(admin_client.get("/admin/")).select_one("#editors-webinars-content")
    links = [a["href"] for a in panel.select("tbody a")] if panel else []
    assert f"/admin/pages/{unrecorded.pk}/edit/" not in links


def test_a_change_awaits_review_in_the_demo(django_user_model):
    """A reviewer's first login finds a submitted change to a safety page on the dashboard,
    while visitors still read the reviewed text."""
    from django.contrib.auth.models import Group
    from django.test import Client
    from wagtail.models import WorkflowState

    from reopening import demo as reopening_demo
    from reopening.models import ReopeningInfoPage

    page = ReopeningInfoPage.objects.get(slug=reopening_demo.PENDING_PAGE)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.introduction != reopening_demo.PENDING_INTRODUCTION
    assert page.get_latest_revision_as_object().introduction == (
        reopening_demo.PENDING_INTRODUCTION
    )
    reviewer = django_user_model.objects.create_user("revisione-demo", password="x")
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    client = Client()
    client.force_login(reviewer)
    assert state.workflow.name == "Reopening review"
    awaiting = parse(client.get("/admin/")).select_one("[id*=awaiting]")
    assert awaiting is not None and page.title in awaiting.get_text()
