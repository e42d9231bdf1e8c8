"""The hub listing: one list of every kind, filters that combine and count, pagination,
the visitor's language only, and bad input that never breaks the page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hub.models import ArticlePage, CoursePage, WebinarPage
from hub.queries import UPCOMING_SLACK, upcoming_webinars

from .conftest import parse
from .hub_helpers import make_item, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(hub_site):
    hub = hub_site["it"]
    health, ai = hub_site["topics_it"]["health"], hub_site["topics_it"]["ai"]
    now = timezone.now()
    return {
        "a1": make_item(
            hub,
            ArticlePage,
            title="Articolo sanità",
            topics=[health],
            audiences=["students"],
            published_at=now - timedelta(days=5),
        ),
        "a2": make_item(
            hub,
            ArticlePage,
            title="Articolo AI",
            topics=[ai],
            audiences=["companies"],
            published_at=now - timedelta(days=4),
        ),
        "w1": make_item(
            hub,
            WebinarPage,
            title="Webinar sanità",
            topics=[health],
            audiences=["students", "companies"],
            delivery_language="en",
            starts_at=now - timedelta(days=3),
        ),
        "w2": make_item(
            hub,
            WebinarPage,
            title="Webinar AI",
            topics=[ai, health],
            audiences=["alumni"],
            delivery_language="it",
            starts_at=now + timedelta(days=3),
        ),
        "c1": make_item(
            hub,
            CoursePage,
            title="Corso AI",
            topics=[ai],
            audiences=["students"],
            delivery_language="en",
            published_at=now - timedelta(days=1),
        ),
    }


def titles(html):
    return [a.get_text() for a in html.select(".results .card__title a")]


def counts(html, facet):
    select = html.select_one(f'select[name="{facet}"]')
    return {
        option["value"]: option.get_text() for option in select.select("option") if option["value"]
    }


def test_lists_every_kind_newest_first(client, catalogue):
    html = parse(client.get("/it/keeponlearning/"))
    assert titles(html) == [
        "Webinar AI",
        "Corso AI",
        "Webinar sanità",
        "Articolo AI",
        "Articolo sanità",
    ]
    assert html.select_one("#results-heading").get_text(strip=True) == "5 contenuti"


def test_filters_combine(client, catalogue):
    html = parse(client.get("/it/keeponlearning/?kind=webinar&topic=sanita"))
    assert titles(html) == ["Webinar AI", "Webinar sanità"]
    html = parse(client.get("/it/keeponlearning/?kind=webinar&topic=sanita&language=en"))
    assert titles(html) == ["Webinar sanità"]
    html = parse(client.get("/it/keeponlearning/?audience=students&topic=intelligenza-artificiale"))
    assert titles(html) == ["Corso AI"]
    # The selected values stay selected, so the form shows what is applied.
    assert html.select_one('select[name="audience"] option[selected]')["value"] == "students"


def test_each_option_counts_what_it_would_show(client, catalogue):
    html = parse(client.get("/it/keeponlearning/?topic=sanita"))
    kinds = counts(html, "kind")
    assert kinds["article"] == "Articolo (1)"
    assert kinds["webinar"] == "Webinar (2)"
    assert kinds["course"] == "Corso online (0)"
    # The topic facet ignores its own selection: it counts what each topic would give.
    topics = counts(html, "topic")
    assert topics["sanita"] == "Sanità (3)"
    assert topics["intelligenza-artificiale"] == "Intelligenza artificiale (3)"
    audiences = counts(html, "audience")
    assert audiences["students"] == "Studenti (2)"
    assert audiences["alumni"] == "Alumni (1)"


def test_only_the_visitors_language_is_listed(client, catalogue, hub_site, locales):
    translate(catalogue["a1"], locales["en"], title="Healthcare article", slug="healthcare-article")
    english = parse(client.get("/en/keeponlearning/"))
    assert titles(english) == ["Healthcare article"]
    # English topic slugs filter the English listing; the item carries the Italian topic.
    assert titles(parse(client.get("/en/keeponlearning/?topic=healthcare"))) == [
        "Healthcare article"
    ]
    italian = parse(client.get("/it/keeponlearning/"))
    assert "Healthcare article" not in titles(italian)


def test_pagination_twelve_per_page_keeps_filters(client, hub_site):
    for n in range(14):
        make_item(
            hub_site["it"],
            ArticlePage,
            title=f"Articolo {n:02d}",
            published_at=timezone.now() - timedelta(hours=n),
        )
    html = parse(client.get("/it/keeponlearning/?kind=article"))
    assert len(titles(html)) == 12
    next_link = html.select_one('a[rel="next"]')
    assert "kind=article" in next_link["href"] and "page=2" in next_link["href"]
    html = parse(client.get("/it/keeponlearning/?kind=article&page=2"))
    assert titles(html) == ["Articolo 12", "Articolo 13"]


@pytest.mark.parametrize(
    "query",
    [
        "kind=podcast",
        "topic=healthcare",  # the English slug on the Italian hub
        "audience=everyone",
        "language=fr",
        "kind=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ],
)
def test_unknown_filter_values_are_not_applied_and_the_page_says_so(client, catalogue, query):
    response = client.get(f"/it/keeponlearning/?{query}")
    assert response.status_code == 200
    html = parse(response)
    assert len(titles(html)) == 5  # every item: the filter was not applied
    notice = html.select_one(".results__notice")
    assert notice is not None and "non applicato" in notice.get_text()
    name = query.split("=")[0]
    assert html.select_one(f"select[name={name}] option[selected]") is None
    assert b"<script>alert(1)" not in response.content


@pytest.mark.parametrize("page", ["0", "abc", "99999", "-1", "1.5", ""])
def test_bad_page_numbers_give_a_normal_page(client, catalogue, page):
    response = client.get(f"/it/keeponlearning/?page={page}")
    assert response.status_code == 200
    assert len(titles(parse(response))) == 5


def test_upcoming_and_on_demand_webinar_views(client, hub_site):
    now = timezone.now()
    make_item(hub_site["it"], WebinarPage, title="Futuro", starts_at=now + timedelta(days=2))
    make_item(
        hub_site["it"],
        WebinarPage,
        title="Registrato",
        starts_at=now - timedelta(days=2),
        stream_url="https://www.example.com/r",
    )
    make_item(
        hub_site["it"], WebinarPage, title="Senza registrazione", starts_at=now - timedelta(days=3)
    )
    make_item(
        hub_site["it"],
        WebinarPage,
        title="Annullato",
        starts_at=now + timedelta(days=4),
        status_override="cancelled",
    )
    upcoming = parse(client.get("/it/keeponlearning/webinar/prossimi/"))
    assert [a.get_text() for a in upcoming.select(".card__title a")] == ["Futuro"]
    on_demand = parse(client.get("/it/keeponlearning/webinar/on-demand/"))
    assert [a.get_text() for a in on_demand.select(".card__title a")] == ["Registrato"]
    assert client.get("/en/keeponlearning/webinars/upcoming/").status_code == 200


def test_the_first_upcoming_webinars_skip_any_number_that_just_ended(hub_site, locales):
    """The home and topic pages show the next three webinars not over yet, even when more
    webinars than the rows read at once started in the last hours and are over."""
    now = timezone.now()
    hub = hub_site["it"]
    for number in range(UPCOMING_SLACK + 2):
        make_item(
            hub,
            WebinarPage,
            title=f"Concluso {number}",
            starts_at=now - timedelta(hours=3, minutes=number),
            duration_minutes=60,
        )
    live = make_item(hub, WebinarPage, title="In corso", starts_at=now - timedelta(minutes=10))
    soon = make_item(hub, WebinarPage, title="Domani", starts_at=now + timedelta(days=1))
    later = make_item(hub, WebinarPage, title="Dopodomani", starts_at=now + timedelta(days=2))
    make_item(hub, WebinarPage, title="Tra tre giorni", starts_at=now + timedelta(days=3))

    found = upcoming_webinars(locales["it"].pk, limit=3)

    assert [webinar.pk for webinar in found] == [live.pk, soon.pk, later.pk]
    assert len(upcoming_webinars(locales["it"].pk)) == 4
