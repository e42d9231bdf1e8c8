"""No value of any public parameter makes a 500: generated values (hypothesis) for every
parameter every public page, feed, calendar, search and the alerts read — control
characters, NUL, bytes that are not UTF-8, overlong, repeated, negative and huge numbers —
and for the parts of their addresses that are words."""

from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st

from hub.models import ArticlePage, HubIndexPage, Speaker, TopicPage, WebinarPage
from reopening.models import ReopeningPage

pytestmark = pytest.mark.django_db

FILTERS = ["kind", "topic", "audience", "language", "page"]
ANSWERS = {200, 301, 302, 400, 404}


@pytest.fixture
def addresses(demo, settings):
    """Every kind of public address of the demo, with the parameters each reads."""
    settings.PAGE_CACHE_ENABLED = True
    hub = HubIndexPage.objects.get(locale__language_code="it")
    topic = TopicPage.objects.live().filter(locale__language_code="en").first()
    webinar = WebinarPage.objects.live().filter(locale__language_code="it").first()
    speaker = Speaker.objects.filter(locale__language_code="it").first()
    reopening = ReopeningPage.objects.get(locale__language_code="it")
    article = ArticlePage.objects.live().filter(locale__language_code="en").first()
    return {
        "/it/": [],
        "/en/": [],
        hub.url: FILTERS,
        topic.url: FILTERS,
        hub.url + "webinar/prossimi/": ["page"],
        hub.url + "webinar/on-demand/": ["page"],
        hub.url + f"relatori/{speaker.slug}/": [],
        hub.url + "relatori/": [],
        # The other language's route word: redirected, whatever the query.
        "/en/keeponlearning/relatori/": [],
        "/sitemap.xml": ["p"],
        "/robots.txt": [],
        hub.url + "feed/": [],
        hub.url + "webinar/calendario/": [],
        topic.url + "feed/": [],
        topic.url + "calendar/": [],
        webinar.url: [],
        webinar.url + "calendario/": [],
        article.url: [],
        reopening.url: [],
        reopening.url + "feed/": [],
        "/it/cerca/": ["q", "page"],
        "/en/search/": ["q", "page"],
        "/alerts/it.json": [],
    }


def encoded(value):
    return quote_from_bytes(value) if isinstance(value, bytes) else quote(value, safe="")


hostile_values = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=10),
    st.binary(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "0", "-1", "1e9", "9" * 5000, "x" * 20000, "\x00", "%00", "..", "'"]),
)
names = st.one_of(st.sampled_from([*FILTERS, "q", "utm_source"]), st.text(max_size=12))


@examples(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_parameter_value_makes_a_500(client, addresses, data):
    url = data.draw(st.sampled_from(sorted(addresses)))
    own = addresses[url]
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(own) if own else names, hostile_values), max_size=5)
        | st.lists(st.tuples(names, hostile_values), max_size=3)
    )
    query = "&".join(f"{encoded(name)}={encoded(value)}" for name, value in pairs)
    response = client.get(f"{url}?{query}")
    assert response.status_code in ANSWERS, (url, query[:300])


@examples(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(word=st.one_of(st.text(min_size=1, max_size=80), st.binary(min_size=1, max_size=40)))
def test_no_word_in_an_address_makes_a_500(client, addresses, word):
    """Speakers' slugs, the alerts' language, page slugs: whatever stands in their place."""
    part = encoded(word)
    for url in (
        f"/it/keeponlearning/relatori/{part}/",
        f"/en/keeponlearning/speakers/{part}/",
        f"/alerts/{part}.json",
        f"/it/{part}/",
        f"/en/keeponlearning/{part}/feed/",
    ):
        assert client.get(url).status_code in ANSWERS, url
