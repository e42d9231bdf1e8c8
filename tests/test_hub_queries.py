"""No page of the hub costs more SQL queries as content grows (no N+1)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hub.models import ArticlePage, CoursePage, DeepDivePage, TalkPage, ToolPage, WebinarPage

from .factories import SpeakerFactory
from .hub_helpers import make_item, make_topic_page

pytestmark = pytest.mark.django_db

KINDS = [ArticlePage, WebinarPage, CoursePage, TalkPage, ToolPage, DeepDivePage]


def query_count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_items(hub, topics, speakers, start, count):
    now = timezone.now()
    pages = []
    for n in range(start, start + count):
        model = KINDS[n % len(KINDS)]
        # Webinars alternate between coming and past, so both sizes hold both.
        days = 10 if (n // len(KINDS)) % 2 == 0 else -10
        extra = {"starts_at": now + timedelta(days=days, hours=n)} if model is WebinarPage else {}
        pages.append(
            make_item(
                hub,
                model,
                title=f"Elemento {n}",
                slug=f"elemento-{n}",
                topics=topics,
                audiences=["students", "companies"],
                speakers=speakers,
                published_at=now - timedelta(hours=n),
                **extra,
            )
        )
    return pages


def test_query_counts_do_not_grow_with_content(client, hub_site, locales, home_pages):
    hub = hub_site["it"]
    topics = list(hub_site["topics_it"].values())
    speakers = [SpeakerFactory(locale=locales["it"]) for _ in range(2)]
    topic_page = make_topic_page(hub, topics[0])
    first = add_items(hub, topics, speakers, 0, 6)
    for item in first[:3]:
        topic_page.featured_items.create(item=item)
    topic_page.save_revision().publish()
    urls = [
        "/it/",
        hub.url,
        f"{hub.url}?kind=webinar&topic={topics[0].slug}&audience=students",
        topic_page.url,
        f"{hub.url}webinar/prossimi/",
        f"{hub.url}relatori/{speakers[0].slug}/",
        *[page.url for page in first],
    ]
    for url in urls:
        query_count(client, url)  # warm the site-root and rendition caches
    small = {url: query_count(client, url) for url in urls}

    add_items(hub, topics, speakers, 6, 44)
    for url in urls:
        query_count(client, url)
    large = {url: query_count(client, url) for url in urls}

    assert large == small
    # Wagtail's own routing costs up to nine of these (site, locale, each level of the path,
    # view restrictions); menu, footer and topics come from the fragment cache.
    assert max(small.values()) <= 20, small
