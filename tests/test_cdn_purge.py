"""What a CDN is told to forget: a small HTTP server of the test's own on loopback plays the
CDN (Wagtail's HTTP backend sends it PURGE requests), and each change must purge exactly
the addresses that show it, in every language, at their real URLs."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page

from hub.models import ArticlePage, TopicPage
from reopening.models import AlertBanner

from .test_seo import path_of, sitemap

HOST = "localhost"  # the demo Site's hostname


class Recorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    backend = {
        "cdn": {
            "BACKEND": "home.serving.purge.TimedHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        yield server
    server.shutdown()
    server.server_close()


def purged(cdn, host=HOST):
    assert {seen_host for seen_host, _path in cdn.purged} <= {host}
    return {path for _host, path in cdn.purged}


def hub_paths(language):
    """The Italian or English hub with everything it routes."""
    words = {
        "it": ["relatori", "webinar/prossimi", "webinar/on-demand", "webinar/calendario"],
        "en": ["speakers", "webinars/upcoming", "webinars/on-demand", "webinars/calendar"],
    }[language]
    speakers = words[0]
    hub = f"/{language}/keeponlearning/"
    slugs = {
        "carlo-cottarelli",
        "elena-conti",
        "giulia-ferrari",
        "luca-moretti",
        "paolo-ricci",
        "sara-galli",
    }
    return {
        hub,
        hub + "feed/",
        *[f"{hub}{word}/" for word in words],
        *[f"{hub}{speakers}/{slug}/" for slug in slugs],
    }


def topic_paths(language, slug):
    calendar = {"it": "calendario", "en": "calendar"}[language]
    topic = f"/{language}/keeponlearning/{slug}/"
    return {topic, topic + "feed/", topic + f"{calendar}/"}


ARTICLE = {
    "it": "/it/keeponlearning/smart-working-cinque-abitudini/",
    "en": "/en/keeponlearning/smart-working-five-habits/",
}
TOPIC = {"it": "smart-working", "en": "smart-working"}


def article_everywhere():
    return {
        *ARTICLE.values(),
        "/it/",
        "/en/",
        *hub_paths("it"),
        *hub_paths("en"),
        *topic_paths("it", TOPIC["it"]),
        *topic_paths("en", TOPIC["en"]),
    }


def article(language):
    return ArticlePage.objects.get(url_path__endswith=ARTICLE[language].split("/")[-2] + "/")


def test_the_demo_is_what_the_expected_sets_name(demo_for_reading, db):
    for language in ("it", "en"):
        assert article(language).url == ARTICLE[language]
        topics = TopicPage.objects.live().filter(
            locale__language_code=language,
            topic__translation_key__in=article(language).topics.values("translation_key"),
        )
        assert [page.slug for page in topics] == [TOPIC[language]]


@pytest.mark.parametrize("language", ["it", "en"])
def test_publishing_purges_every_language_at_its_own_address(
    demo_for_reading, db, cdn, django_capture_on_commit_callbacks, language
):
    page = article(language)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert purged(cdn) == article_everywhere()
    # The bug this replaces: the Italian slug under /en/.
    assert "/en/keeponlearning/smart-working-cinque-abitudini/" not in purged(cdn)


def test_unpublishing_purges_the_page_that_went(
    demo_for_reading, db, cdn, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article("en").unpublish()
    assert purged(cdn) == article_everywhere()


def test_a_slug_change_purges_the_old_address_and_the_new(
    demo_for_reading, db, cdn, django_capture_on_commit_callbacks
):
    page = article("it")
    page.slug = "smart-working-cinque-buone-abitudini"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    expected = article_everywhere() - {ARTICLE["it"]}
    expected |= {ARTICLE["it"], "/it/keeponlearning/smart-working-cinque-buone-abitudini/"}
    assert purged(cdn) == expected


def test_a_move_purges_the_old_address_the_new_and_both_parents(
    demo_for_reading, db, cdn, django_capture_on_commit_callbacks
):
    privacy = Page.objects.get(url_path__endswith="/privacy/", locale__language_code="it")
    about = Page.objects.get(url_path__endswith="/chi-siamo/", locale__language_code="it")
    with django_capture_on_commit_callbacks(execute=True):
        privacy.move(about, pos="last-child")
    assert purged(cdn) == {
        "/it/privacy/",
        "/it/chi-siamo/privacy/",
        "/it/chi-siamo/",
        "/it/",
        # Its English version did not move, and is purged as one of its versions.
        "/en/privacy/",
        "/en/",
    }


def test_a_banner_purges_every_page_of_its_language_and_its_json(
    demo_for_reading, db, cdn, client, django_capture_on_commit_callbacks
):
    italian_pages = {path_of(url) for url in sitemap(client)[0] if path_of(url).startswith("/it/")}
    banner = AlertBanner.objects.filter(locale=Locale.objects.get(language_code="it")).first()
    banner.message = "Il campus riapre lunedì."
    with django_capture_on_commit_callbacks(execute=True):
        banner.save()
    # Every Italian page of the sitemap, the feeds and calendars beside them, the JSON.
    expected = italian_pages | {"/alerts/it.json"}
    for page in Page.objects.live().filter(locale__language_code="it").specific():
        kind = type(page).__name__
        if kind in ("HubIndexPage", "TopicPage", "ReopeningPage"):
            expected.add(page.url + "feed/")
        if kind in ("TopicPage", "WebinarPage"):
            expected.add(page.url + "calendario/")
        if kind == "HubIndexPage":
            expected.add(page.url + "webinar/calendario/")
    assert purged(cdn) == expected


@pytest.mark.parametrize(
    ("before", "after"), [("urgent", "urgent"), ("info", "warning"), ("urgent", "info")]
)
def test_a_warning_purges_the_pages_of_every_language(
    demo_for_reading, db, cdn, client, django_capture_on_commit_callbacks, before, after
):
    """A warning or an urgent banner also shows where it is not translated yet: saving one,
    or one that was, purges every language's pages and both JSON documents."""
    everything = {path_of(url) for url in sitemap(client)[0]}
    assert {path[:4] for path in everything} == {"/it/", "/en/"}
    banner = AlertBanner.objects.filter(locale=Locale.objects.get(language_code="it")).first()
    banner.severity = before
    AlertBanner.objects.filter(pk=banner.pk).update(severity=before)
    banner = AlertBanner.objects.get(pk=banner.pk)
    banner.severity = after
    with django_capture_on_commit_callbacks(execute=True):
        banner.save()
    paths = purged(cdn)
    assert {"/alerts/it.json", "/alerts/en.json"} <= paths
    assert everything <= paths


@override_settings(PUBLIC_BASE_URL="https://www.example.org")
def test_the_cdn_is_told_the_public_host(
    demo_for_reading, db, cdn, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article("it").save_revision().publish()
    assert purged(cdn, host="www.example.org") == article_everywhere()


def test_nothing_is_sent_before_the_change_is_committed(demo_for_reading, db, cdn):
    article("it").save_revision().publish()
    assert cdn.purged == []


@pytest.mark.parametrize("fault", ["refused", "hung"])
def test_a_cdn_that_refuses_or_hangs_costs_the_editor_one_short_wait(
    demo_for_reading, db, django_capture_on_commit_callbacks, caplog, fault
):
    import socket
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    if fault == "refused":
        listener.close()
    else:
        listener.listen(64)  # accepts connections, never answers
    backend = {
        "cdn": {
            "BACKEND": "home.serving.purge.TimedHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    page = article("it")
    try:
        with override_settings(WAGTAILFRONTENDCACHE=backend, PURGE_TIMEOUT=0.5):
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                page.save_revision().publish()
            elapsed = time.monotonic() - started
    finally:
        listener.close()
    # One wait for the whole batch of 34 addresses, not one per address.
    assert elapsed < 3, elapsed
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    stopped = [r for r in caplog.records if r.getMessage().startswith("CDN purge stopped")]
    assert len(stopped) == 1
