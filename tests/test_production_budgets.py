"""Each page type has a fixed SQL budget that does not grow with content, and an anonymous
page served from the cache costs no query at all. The hub's index, topic and detail pages
are measured as they grow in `test_hub_queries.py`; this covers search and the reopening
section, and the cached cost of every kind."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.models import ArticlePage, CoursePage, DeepDivePage, TalkPage, ToolPage, WebinarPage
from reopening.models import ReopeningChange, ReopeningInfoPage

from .conftest import add_reopening_info_page
from .hub_helpers import make_item, make_topic_page

pytestmark = pytest.mark.django_db

KINDS = [ArticlePage, WebinarPage, CoursePage, TalkPage, ToolPage, DeepDivePage]

# Queries of one uncached request as measured now; a change that adds one must say why.
# (Search costs one more on PostgreSQL, whose full-text backend counts the results apart.)
BUDGETS = {"search": 11, "reopening": 11, "information": 12}


def query_count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def measure(client, urls):
    for url in urls.values():
        query_count(client, url)  # warm the site-root and rendition caches
    return {name: query_count(client, url) for name, url in urls.items()}


def add_information(reopening_page, start, count):
    for n in range(start, start + count):
        page = ReopeningInfoPage(title=f"Informazioni {n}", slug=f"informazioni-{n}", body=[])
        reopening_page.add_child(instance=page)


def add_changes(info_page, start, count):
    ReopeningChange.objects.bulk_create(
        ReopeningChange(
            page=info_page,
            locale=info_page.locale,
            changed_on=datetime.date(2020, 9, 1) + datetime.timedelta(days=n % 30),
            description=f"Cambiamento {n}",
            sort_order=n,
        )
        for n in range(start, start + count)
    )


def add_articles(hub, start, count):
    for n in range(start, start + count):
        article = ArticlePage(
            title=f"Formazione prova {n}",
            slug=f"formazione-{n}",
            body=[("paragraph", "<p>Formazione continua.</p>")],
        )
        hub.add_child(instance=article)


@pytest.mark.usefixtures("site_setup")
def test_search_and_reopening_cost_the_same_with_5_and_100_items(client, hub_site, reopening):
    landing = reopening["it"]
    info = add_reopening_info_page(landing, title="Orari", slug="orari", body=[])
    add_information(landing, 0, 4)
    add_changes(info, 0, 5)
    add_articles(hub_site["it"], 0, 5)
    urls = {
        "search": "/it/cerca/?q=formazione",
        "reopening": landing.url,
        "information": info.url,
    }
    small = measure(client, urls)

    add_information(landing, 4, 95)
    add_changes(info, 5, 95)
    add_articles(hub_site["it"], 5, 95)
    large = measure(client, urls)

    assert large == small
    # The measured pages really list what was added.
    assert "Formazione prova" in client.get(urls["search"]).content.decode()
    assert "Informazioni 98" in client.get(urls["reopening"]).content.decode()
    assert "Cambiamento 99" in client.get(urls["information"]).content.decode()
    for name, count in small.items():
        assert count <= BUDGETS[name], (name, count)


def test_every_page_kind_costs_no_query_when_cached(client, hub_site, reopening, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    hub = hub_site["it"]
    topic = hub_site["topics_it"]["health"]
    items = [make_item(hub, model, title=f"Pagina {model.item_kind}") for model in KINDS]
    info = add_reopening_info_page(reopening["it"], title="Orari", slug="orari", body=[])
    urls = [
        "/it/",
        "/en/",
        hub.url,
        f"{hub.url}?kind=webinar&topic={topic.slug}",
        make_topic_page(hub, topic).url,
        *[item.url for item in items],
        # A search with a query is answered, not kept (see test_production_cache.py).
        "/it/cerca/",
        reopening["it"].url,
        info.url,
    ]
    for url in urls:
        assert query_count(client, url) > 0, url
    try:
        assert {url: query_count(client, url) for url in urls} == dict.fromkeys(urls, 0)
    finally:
        cache.clear()
