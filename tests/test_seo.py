"""What search engines and social networks read: the sitemap of both languages crawled
address by address, robots.txt, each address describing itself (sub-pages included), one
source for absolute URLs, and the site's own schema.org data."""

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from home.seo.head import document_title
from hub.models import ArticlePage, Speaker, TopicPage, WebinarPage

from .conftest import parse

BASE = "http://testserver"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE_NAME = "MIP Politecnico di Milano"
# Links the crawl does not follow: not HTML pages, or not public.
NOT_PAGES = ("/admin/", "/documents/", "/media/", "/static/", "/alerts/")
NOT_PAGE_ENDINGS = ("/feed/", "/calendar/", "/calendario/")


def sitemap(client):
    """{location: {hreflang: URL}} of every `<url>` of /sitemap.xml, and its lastmods."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls, lastmods = {}, {}
    for url in root.findall("s:url", NS):
        location = url.findtext("s:loc", namespaces=NS)
        assert location not in urls, f"{location} is listed twice"
        urls[location] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        lastmods[location] = url.findtext("s:lastmod", namespaces=NS)
    return urls, lastmods


def head_of(response):
    html = parse(response)
    return {
        "html": html,
        "canonical": html.select_one('link[rel="canonical"]')["href"],
        "og_url": html.select_one('meta[property="og:url"]')["content"],
        "alternates": {
            link["hreflang"]: link["href"]
            for link in html.select('head link[rel="alternate"][hreflang]')
        },
        "title": html.title.get_text(),
        "switcher": {
            link["hreflang"]: link["href"]
            for link in html.select("nav.language-switcher a[hreflang]")
        },
    }


def path_of(url):
    return urlsplit(url).path


def test_every_address_of_the_sitemap_describes_itself(demo_for_reading, db, client):
    urls, lastmods = sitemap(client)
    languages = Counter(path_of(url).split("/")[1] for url in urls)
    assert set(languages) == {"it", "en"}
    for location, alternates in urls.items():
        response = client.get(path_of(location))
        assert response.status_code == 200, location
        assert response["Content-Type"].startswith("text/html"), location
        head = head_of(response)
        language = head["html"].html["lang"]
        assert head["canonical"] == location
        assert head["og_url"] == location
        # The page names the same versions as the sitemap, itself among them.
        assert head["alternates"] == alternates, location
        assert alternates[language] == location
        assert alternates["x-default"] == alternates.get("it", location)
        for code, other in alternates.items():
            if code == "x-default":
                continue
            assert other in urls, f"{location} names {other}, which the sitemap leaves out"
            assert urls[other][language] == location, f"{other} does not name {location} back"
            # The switcher leads to the same page in the other language.
            if code != language:
                assert BASE + head["switcher"][code] == other
        assert head["title"].count(SITE_NAME) == 1, head["title"]
        assert lastmods[location], location


def internal_links(html):
    for link in html.select("a[href]"):
        url, _fragment = urldefrag(link["href"])
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.query:
            continue
        if parts.path.startswith(NOT_PAGES) or parts.path.endswith(NOT_PAGE_ENDINGS):
            continue
        yield parts.path


def test_every_page_linked_from_the_home_pages_is_in_the_sitemap(demo_for_reading, db, client):
    listed = {path_of(url) for url in sitemap(client)[0]}
    seen, queue, pages = set(), deque(["/it/", "/en/"]), set()
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        # A link never leads to a missing page, nor through a redirect.
        assert response.status_code == 200, path
        if not response["Content-Type"].startswith("text/html"):
            continue
        pages.add(path)
        queue.extend(internal_links(parse(response)))
    assert len(pages) > 50
    assert pages - listed == set()


def test_sitemap_counts_speakers_schedules_and_both_languages(demo_for_reading, db, client):
    paths = [path_of(url) for url in sitemap(client)[0]]
    for prefix in (
        "/it/keeponlearning/relatori/",
        "/en/keeponlearning/speakers/",
        "/it/keeponlearning/webinar/prossimi/",
        "/en/keeponlearning/webinars/upcoming/",
        "/it/keeponlearning/webinar/on-demand/",
        "/en/keeponlearning/webinars/on-demand/",
    ):
        assert prefix in paths
    speakers = Speaker.objects.filter(locale__language_code="en").count()
    assert sum(p.startswith("/en/keeponlearning/speakers/") for p in paths) == speakers + 1


def test_drafts_and_private_pages_are_left_out(demo_for_reading, db, client):
    article = ArticlePage.objects.filter(locale__language_code="en").live().first()
    article.unpublish()
    topic = TopicPage.objects.filter(locale__language_code="it").live().first()
    PageViewRestriction.objects.create(page=topic, restriction_type="login")
    paths = {path_of(url) for url in sitemap(client)[0]}
    assert article.url not in paths
    assert topic.url not in paths
    # Nor does another page name them as its version.
    named = {
        path_of(url) for alternates in sitemap(client)[0].values() for url in alternates.values()
    }
    assert article.url not in named and topic.url not in named


OTHER_WORDS = [
    ("/en/keeponlearning/relatori/", "/en/keeponlearning/speakers/"),
    ("/it/keeponlearning/speakers/", "/it/keeponlearning/relatori/"),
    (
        "/en/keeponlearning/relatori/carlo-cottarelli/",
        "/en/keeponlearning/speakers/carlo-cottarelli/",
    ),
    (
        "/it/keeponlearning/speakers/carlo-cottarelli/",
        "/it/keeponlearning/relatori/carlo-cottarelli/",
    ),
    ("/en/keeponlearning/webinar/prossimi/", "/en/keeponlearning/webinars/upcoming/"),
    ("/it/keeponlearning/webinars/upcoming/", "/it/keeponlearning/webinar/prossimi/"),
    ("/en/keeponlearning/webinar/on-demand/", "/en/keeponlearning/webinars/on-demand/"),
    ("/it/keeponlearning/webinars/on-demand/", "/it/keeponlearning/webinar/on-demand/"),
    ("/en/keeponlearning/webinar/calendario/", "/en/keeponlearning/webinars/calendar/"),
    ("/it/keeponlearning/webinars/calendar/", "/it/keeponlearning/webinar/calendario/"),
]


@pytest.mark.parametrize(("asked", "address"), OTHER_WORDS)
def test_the_other_languages_route_words_redirect_once(
    demo_for_reading, db, client, asked, address
):
    response = client.get(asked + "?page=2")
    assert response.status_code == 301
    assert response["Location"] == address + "?page=2"
    assert client.get(address).status_code == 200


def test_topic_and_webinar_calendars_have_one_address(demo_for_reading, db, client):
    for model in (TopicPage, WebinarPage):
        for page in model.objects.live().filter(locale__language_code="en")[:1]:
            assert client.get(page.url + "calendar/").status_code == 200
            response = client.get(page.url + "calendario/")
            assert (response.status_code, response["Location"]) == (301, page.url + "calendar/")


def test_a_speakers_page_is_about_the_speaker(demo_for_reading, db, client):
    response = client.get("/en/keeponlearning/speakers/carlo-cottarelli/")
    head = head_of(response)
    html = head["html"]
    assert head["canonical"] == f"{BASE}/en/keeponlearning/speakers/carlo-cottarelli/"
    assert head["switcher"]["it"] == "/it/keeponlearning/relatori/carlo-cottarelli/"
    assert html.select_one('meta[property="og:title"]')["content"] == "Carlo Cottarelli"
    assert html.select_one('meta[property="og:type"]')["content"] == "profile"
    assert head["title"] == f"Carlo Cottarelli · KeepONLearning · {SITE_NAME}"
    data = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]')]
    person = next(d for d in data if d["@type"] == "Person")
    assert person["name"] == "Carlo Cottarelli"
    assert person["url"] == head["canonical"]
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs][-2:] == ["Speakers", "Carlo Cottarelli"]


@pytest.mark.parametrize(
    ("path", "language"),
    [("/it/keeponlearning/relatori/", "it"), ("/en/keeponlearning/speakers/", "en")],
)
def test_the_speakers_index_lists_every_speaker_with_their_items(
    demo_for_reading, db, client, path, language
):
    html = parse(client.get(path))
    names = [a.get_text(strip=True) for a in html.select(".speaker-list__name a")]
    assert names == list(
        Speaker.objects.filter(locale__language_code=language).values_list("name", flat=True)
    )
    cottarelli = next(
        li for li in html.select(".speaker-list__person") if "Carlo Cottarelli" in li.get_text()
    )
    items = [a["href"] for a in cottarelli.select(".speaker-list__items a")]
    assert items and all(client.get(url).status_code == 200 for url in items)
    assert all(url.startswith(f"/{language}/") for url in items)
    # The hub leads there.
    hub = parse(client.get(f"/{language}/keeponlearning/"))
    assert path in [a["href"] for a in hub.select(".hub-views a")]


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    for rule in ("/admin/", "/it/cerca/", "/en/search/", "/*?kind=", "/*&topic=", "/*?q="):
        assert f"Disallow: {rule}" in lines
    assert not any("page=" in line for line in lines)


@override_settings(PUBLIC_BASE_URL="https://www.example.org")
def test_one_host_for_every_absolute_url(demo_for_reading, db, client):
    article = (
        ArticlePage.objects.live()
        .filter(locale__language_code="en", listing_image__isnull=False)
        .first()
    )
    html = parse(client.get(article.url))
    written = [
        html.select_one('link[rel="canonical"]')["href"],
        html.select_one('meta[property="og:url"]')["content"],
        html.select_one('meta[property="og:image"]')["content"],
        *[link["href"] for link in html.select('link[rel="alternate"][hreflang]')],
    ]
    for script in html.select('script[type="application/ld+json"]'):
        written += re.findall(r'"(https?://[^"]+)"', script.string)
    hub = article.get_parent()
    feed = client.get(hub.url + "feed/").content.decode()
    written += re.findall(r"<link>([^<]+)</link>", feed)
    written += re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    webinar = WebinarPage.objects.live().filter(locale__language_code="en").first()
    ics = client.get(webinar.url + "calendar/").content.decode().replace("\r\n ", "")
    written += re.findall(r"^URL:(\S+)", ics, flags=re.M)
    own = [url for url in written if "schema.org" not in url and "polimi.it" not in url]
    assert len(own) > 20
    assert all(url.startswith("https://www.example.org/") for url in own), own


@pytest.mark.parametrize(("language", "search"), [("it", "/it/cerca/"), ("en", "/en/search/")])
def test_the_home_page_says_who_publishes_and_how_to_search(
    demo_for_reading, db, client, language, search
):
    html = parse(client.get(f"/{language}/"))
    data = {
        d["@type"]: d
        for d in (json.loads(s.string) for s in html.select('script[type="application/ld+json"]'))
    }
    organisation, website = data["CollegeOrUniversity"], data["WebSite"]
    assert organisation["name"] == SITE_NAME
    assert organisation["address"]["addressLocality"] == "Milano"
    assert organisation["logo"].startswith(f"{BASE}/media/")
    assert organisation["sameAs"]
    assert website["publisher"] == {"@id": organisation["@id"]}
    template = website["potentialAction"]["target"]["urlTemplate"]
    assert template == f"{BASE}{search}?q={{search_term_string}}"
    assert (
        client.get(template.replace("{search_term_string}", "smart").removeprefix(BASE)).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("parts", "title"),
    [
        (("Chi siamo",), f"Chi siamo · {SITE_NAME}"),
        ((SITE_NAME,), SITE_NAME),
        ((f"Nice to MIP You | {SITE_NAME}",), f"Nice to MIP You · {SITE_NAME}"),
        ((f"Nice to MIP You - {SITE_NAME} ",), f"Nice to MIP You · {SITE_NAME}"),
        (
            ("Carlo Cottarelli", "KeepONLearning"),
            f"Carlo Cottarelli · KeepONLearning · {SITE_NAME}",
        ),
        (("KeepONLearning", "KeepONLearning"), f"KeepONLearning · {SITE_NAME}"),
        ((f"{SITE_NAME} | Privacy",), f"Privacy · {SITE_NAME}"),
        (("Privacy – mip politecnico di milano",), f"Privacy · {SITE_NAME}"),
        (("mip politecnico di milano",), SITE_NAME),
        (("", None), SITE_NAME),
    ],
)
def test_document_titles_name_the_school_once(parts, title):
    assert document_title(*parts) == title


def test_a_page_without_an_italian_version_is_its_own_x_default(demo_for_reading, db, client):
    Page.objects.get(url_path__endswith="/chi-siamo/", locale__language_code="it").unpublish()
    head = head_of(client.get("/en/about-us/"))
    assert head["alternates"] == {
        "en": f"{BASE}/en/about-us/",
        "x-default": f"{BASE}/en/about-us/",
    }


def give_photos(speakers):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    for speaker in speakers:
        buffer = BytesIO()
        PILImage.new("RGB", (60, 60), (40, 90, 160)).save(buffer, format="JPEG")
        speaker.photo = get_image_model().objects.create(
            title=speaker.name, file=ImageFile(buffer, name=f"{speaker.slug}.jpg")
        )
        speaker.save()


def test_the_speakers_index_costs_the_same_queries_for_more_speakers(demo_for_reading, db, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    speakers = list(Speaker.objects.filter(locale__language_code="it").order_by("pk"))
    assert len(speakers) >= 6
    counts = []
    for group in (speakers[:2], speakers[2:]):
        give_photos(group)
        client.get("/it/keeponlearning/relatori/")  # renditions made once
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/it/keeponlearning/relatori/")
        counts.append(len(captured))
    assert len(parse(response).select(".speaker-list__photo")) == len(speakers)
    assert counts[0] == counts[1]


def test_a_private_version_is_named_nowhere(demo_for_reading, db, client):
    english = Page.objects.get(url_path__endswith="/about-us/", locale__language_code="en")
    PageViewRestriction.objects.create(page=english, restriction_type="password", password="x")
    head = head_of(client.get("/it/chi-siamo/"))
    assert set(head["alternates"]) == {"it", "x-default"}
    assert head["switcher"]["en"] == "/en/"
    assert f"{BASE}/en/about-us/" not in sitemap(client)[0]


def test_an_alias_points_at_the_page_it_shows(demo_for_reading, db, client):
    about = Page.objects.get(url_path__endswith="/chi-siamo/", locale__language_code="it")
    alias = about.create_alias(update_slug="chi-siamo-copia")
    head = head_of(client.get(alias.url))
    assert head["canonical"] == head["og_url"] == f"{BASE}/it/chi-siamo/"
    assert head["alternates"] == {}
    urls = sitemap(client)[0]
    assert f"{BASE}{alias.url}" not in urls
    assert f"{BASE}{alias.url}" not in {u for alt in urls.values() for u in alt.values()}


def test_addresses_hold_with_more_than_one_site(demo_for_reading, db, client):
    from wagtail.models import Site

    Site.objects.create(hostname="other.example", root_page=Page.objects.get(depth=1), port=80)
    topic = TopicPage.objects.live().filter(locale__language_code="it").first()
    assert client.get(topic.url + "calendario/", HTTP_HOST="localhost").status_code == 200
    assert client.get("/it/keeponlearning/relatori/", HTTP_HOST="localhost").status_code == 200


def test_a_speaker_with_another_slug_in_the_other_language(demo_for_reading, db, client):
    english = Speaker.objects.get(locale__language_code="en", slug="carlo-cottarelli")
    english.slug = "carlo-cottarelli-economist"
    english.save()
    response = client.get("/en/keeponlearning/relatori/carlo-cottarelli/")
    assert response["Location"] == "/en/keeponlearning/speakers/carlo-cottarelli-economist/"
    head = head_of(client.get("/it/keeponlearning/relatori/carlo-cottarelli/"))
    assert head["switcher"]["en"] == "/en/keeponlearning/speakers/carlo-cottarelli-economist/"


def test_a_contributor_without_a_page_in_this_language_has_no_link(demo_for_reading, db, client):
    from hub.models import ItemContributor

    contribution = ItemContributor.objects.filter(page__locale__language_code="it").first()
    english = Speaker.objects.get(
        locale__language_code="en", translation_key=contribution.speaker.translation_key
    )
    ItemContributor.objects.filter(pk=contribution.pk).update(speaker=english)
    html = parse(client.get(contribution.page.url))
    names = html.select(".contributor")
    named = next(li for li in names if english.name in li.get_text())
    assert named.select_one("a") is None
    for link in html.select(".contributor a"):
        assert client.get(link["href"]).status_code == 200


def test_only_the_sitemaps_own_pages_answer(client, db):
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=abc").status_code == 404
