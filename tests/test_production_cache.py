"""Anonymous pages come from the shared cache without a query, carry CDN headers and no
cookies, and stop being served as soon as an editor changes what they show."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from home.serving import caching
from home.serving.caching import cache_key, current_generation
from hub.models import ArticlePage
from reopening.models import AlertBanner

from .conftest import parse
from .factories import StandardPageFactory, TopicFactory
from .hub_helpers import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


def title(response):
    return parse(response).select_one("h1").get_text(strip=True)


def test_second_anonymous_request_costs_no_query(client, home_pages):
    first, first_queries = get(client, "/it/")
    assert first.status_code == 200
    assert first_queries > 0
    assert first["X-Cache"] == "miss"
    assert not first.cookies
    cache_control = first["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=300" in cache_control
    assert "stale-while-revalidate=60" in cache_control

    second, second_queries = get(client, "/it/")
    assert second_queries == 0
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    # The cached copy, served to every visitor, carries a policy that still means what it
    # says: the site's own scripts, no nonce to replay, nothing inline a browser would run.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    policy = second["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "nonce" not in policy and "unsafe-inline" not in policy
    for script in parse(second).select("script"):
        assert not script.has_attr("nonce")
        assert script.has_attr("src") or script.get("type") == "application/ld+json"


def test_languages_and_query_strings_are_cached_apart(client, home_pages):
    italian, _ = get(client, "/it/")
    english, _ = get(client, "/en/")
    assert parse(italian).html["lang"] == "it"
    assert parse(english).html["lang"] == "en"
    assert get(client, "/en/")[1] == 0


def test_only_the_parameters_a_page_reads_make_cache_entries(client, hub_site, home_pages):
    """A tracking tag is served the page's cached copy; a parameter the page does not read,
    a value it corrects or a search query is answered and not kept: no input makes entries
    without bound."""
    assert get(client, "/it/")[0]["X-Cache"] == "miss"
    for url in ["/it/?utm_source=mail", "/it/?x=1", "/it/?x=2&y=3"]:
        response, queries = get(client, url)
        assert (response["X-Cache"], queries) == ("hit", 0), url
    hub = hub_site["it"].url
    for url in [
        "/it/?page=2",
        f"{hub}?kind=podcast",
        f"{hub}?kind=%00",
        f"{hub}?page=999",
        f"{hub}?kind=article&kind=webinar",
        "/it/cerca/?q=formazione",
    ]:
        assert get(client, url)[0]["X-Cache"] == "miss", url
        assert get(client, url)[0]["X-Cache"] == "miss", url
    # What a page reads is kept, in any order of its parameters.
    assert get(client, f"{hub}?kind=article&language=it")[0]["X-Cache"] == "miss"
    assert get(client, f"{hub}?language=it&kind=article&x=1")[1] == 0


def test_publishing_a_page_is_seen_on_the_next_request(client, home_pages):
    page = StandardPageFactory(parent=home_pages["it"], title="Prima", slug="pagina")
    assert title(get(client, page.url)[0]) == "Prima"
    assert get(client, page.url)[1] == 0

    page.title = "Dopo"
    page.save_revision().publish()
    response, queries = get(client, page.url)
    assert queries > 0
    assert title(response) == "Dopo"


def test_after_a_publish_one_request_renders_while_the_others_get_the_previous_copy(
    client, home_pages, settings
):
    page = StandardPageFactory(parent=home_pages["it"], title="Prima", slug="pagina")
    assert get(client, page.url)[0]["X-Cache"] == "miss"
    page.title = "Dopo"
    page.save_revision().publish()
    key = cache_key(RequestFactory().get(page.url))
    lock = f"{key}:render:{current_generation()}"

    # Another request is rendering the page again (it holds the lock): this one gets the
    # previous copy at once, without a query.
    assert cache.add(lock, 1, timeout=settings.PAGE_CACHE_RENDER_SECONDS)
    stale, queries = get(client, page.url)
    assert stale["X-Cache"] == "stale"
    assert queries == 0
    assert title(stale) == "Prima"
    assert stale["Cache-Control"] == "public, max-age=60, s-maxage=300, stale-while-revalidate=60"

    # This process is already rendering another stale page: it serves the copy too, so its
    # threads are not all spent rendering.
    cache.delete(lock)
    with caching._revalidating:
        assert get(client, page.url)[0]["X-Cache"] == "stale"
    assert cache.get(lock) is None

    # The lock lapses (that render died): the next request renders, stores and lets go.
    fresh, queries = get(client, page.url)
    assert (fresh["X-Cache"], title(fresh)) == ("miss", "Dopo")
    assert queries > 0
    assert cache.get(lock) is None
    hit, queries = get(client, page.url)
    assert (hit["X-Cache"], title(hit), queries) == ("hit", "Dopo", 0)


def test_a_copy_is_served_stale_only_in_the_seconds_after_a_change(
    client, home_pages, settings, time_machine
):
    time_machine.move_to(timezone.now())
    page = StandardPageFactory(parent=home_pages["it"], title="Prima", slug="pagina")
    get(client, page.url)
    page.title = "Dopo"
    page.save_revision().publish()
    lock = f"{cache_key(RequestFactory().get(page.url))}:render:{current_generation()}"
    cache.add(lock, 1, timeout=3600)
    # Long after the change, the first visitor of a page nobody asked for since gets the
    # page as it is now, lock or no lock.
    time_machine.shift(settings.PAGE_CACHE_RENDER_SECONDS + 1)
    response = get(client, page.url)[0]
    assert (response["X-Cache"], title(response)) == ("miss", "Dopo")


def test_a_page_gone_after_a_publish_takes_its_previous_copy_with_it(client, hub_site):
    article = make_item(hub_site["it"], ArticlePage, title="Da ritirare")
    url = article.url
    assert get(client, url)[0]["X-Cache"] == "miss"
    Page.objects.get(pk=article.pk).unpublish()
    # The request that renders it again finds nothing: the stale copy is removed, so no
    # request waiting on the lock is served the page after it was taken down.
    assert get(client, url)[0].status_code == 404
    key = cache_key(RequestFactory().get(url))
    assert cache.get(key) is None
    assert cache.get(f"{key}:render:{current_generation()}") is None
    assert get(client, url)[0].status_code == 404


def test_anything_served_to_someone_logged_in_is_private(client, hub_site, home_pages, admin_user):
    anonymous = get(client, "/it/")[0]
    assert "public" in anonymous["Cache-Control"]
    client.force_login(admin_user)
    urls = ["/it/", hub_site["it"].url, "/it/cerca/?q=smart", "/admin/", "/alerts/it.json"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert "private" in directives, url
        assert "public" not in directives, url
    # Logging in: the response that sets the session is private too.
    client.logout()
    login = client.post("/admin/login/", {"username": admin_user.username, "password": "password"})
    assert "private" in login.get("Cache-Control", ""), login.status_code


def test_unpublishing_and_moving_empty_the_cache(client, hub_site, home_pages):
    article = make_item(hub_site["it"], ArticlePage, title="Da ritirare")
    url = article.url
    assert get(client, url)[0].status_code == 200
    assert get(client, hub_site["it"].url)[0].status_code == 200
    Page.objects.get(pk=article.pk).unpublish()
    assert get(client, url)[0].status_code == 404
    # The listing that showed it is rendered again too.
    assert get(client, hub_site["it"].url)[0]["X-Cache"] == "miss"

    other = StandardPageFactory(parent=home_pages["it"], title="Altra", slug="altra")
    moving = StandardPageFactory(parent=home_pages["it"], title="Mobile", slug="mobile")
    assert get(client, "/it/mobile/")[0].status_code == 200
    moving.move(other, pos="last-child")
    # Wagtail leaves a redirect at the old address; the cached page is gone.
    response = get(client, "/it/mobile/")[0]
    assert response.status_code == 301
    assert response["Location"] == "/it/altra/mobile/"


def test_saving_a_snippet_or_a_banner_empties_the_cache(client, home_pages, locales):
    get(client, "/it/")
    assert get(client, "/it/")[1] == 0
    TopicFactory(locale=locales["it"])
    assert get(client, "/it/")[0]["X-Cache"] == "miss"

    get(client, "/alerts/it.json")
    assert get(client, "/alerts/it.json")[1] == 0
    AlertBanner.objects.create(
        locale=locales["it"],
        message="Campus chiuso domani",
        starts_at=timezone.now() - timezone.timedelta(hours=1),
        ends_at=timezone.now() + timezone.timedelta(hours=1),
    )
    response, queries = get(client, "/alerts/it.json")
    assert queries > 0
    assert [banner["message"] for banner in response.json()["banners"]] == ["Campus chiuso domani"]
    # The banners keep their own, shorter lifetime.
    assert response["Cache-Control"] == "public, max-age=60"


def test_editors_and_previews_are_never_cached(client, home_pages, admin_user):
    page = StandardPageFactory(parent=home_pages["it"], title="Bozza", slug="bozza")
    client.force_login(admin_user)
    for _ in range(2):
        response, queries = get(client, page.url)
        assert queries > 0
        assert "X-Cache" not in response
    page.title = "Bozza modificata"
    page.save_revision()
    preview = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert "X-Cache" not in preview
    assert "Bozza modificata" in preview.content.decode()
    # What the editor saw was never stored for visitors.
    client.logout()
    assert get(client, page.url)[0]["X-Cache"] == "miss"


def test_switch_turns_the_cache_off(client, home_pages, settings):
    settings.PAGE_CACHE_ENABLED = False
    get(client, "/it/")
    response, queries = get(client, "/it/")
    assert queries > 0
    assert "X-Cache" not in response


def test_healthz_reports_database_and_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
