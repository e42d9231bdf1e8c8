"""Feeds, calendars and structured data of the hub, parsed as their consumers parse them."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from hub.models import ArticlePage, CoursePage, DeepDivePage, TalkPage, WebinarPage

from .conftest import parse
from .factories import SpeakerFactory
from .hub_helpers import make_item, make_topic_page, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def webinar_pair(hub_site, locales):
    speaker = SpeakerFactory(locale=locales["it"], name="Sara Galli", slug="sara-galli")
    speaker_en = speaker.copy_for_translation(locales["en"])
    speaker_en.save()
    italian = make_item(
        hub_site["it"],
        WebinarPage,
        title="Sanità digitale",
        slug="sanita-digitale",
        summary="Un’ora sulla telemedicina.",
        starts_at=timezone.now() + timedelta(days=5),
        duration_minutes=90,
        topics=[hub_site["topics_it"]["health"]],
        speakers=[speaker],
        registration_url="https://www.example.com/iscrizione",
        delivery_language="en",
    )
    english = translate(
        italian,
        locales["en"],
        title="Digital health",
        slug="digital-health",
        summary="An hour on telemedicine.",
    )
    return italian, english


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


def test_webinar_ics_in_each_language(client, webinar_pair):
    italian, english = webinar_pair
    calendar_it, (event_it,) = events(client.get(f"{italian.url}calendario/"))
    _, (event_en,) = events(client.get(f"{english.url}calendar/"))
    assert [tz["TZID"] for tz in calendar_it.walk("VTIMEZONE")] == ["Europe/Rome"]
    assert event_it["DTSTART"].params["TZID"] == "Europe/Rome"
    assert event_it.decoded("DTSTART") == italian.starts_at.replace(microsecond=0)
    assert event_it.decoded("DTEND") - event_it.decoded("DTSTART") == timedelta(minutes=90)
    # One webinar, one UID, whatever the language of the page it came from.
    assert str(event_it["UID"]) == str(event_en["UID"])
    assert str(event_it["SUMMARY"]) == "Sanità digitale"
    assert event_it["SUMMARY"].params["LANGUAGE"] == "it"
    assert str(event_en["SUMMARY"]) == "Digital health"
    assert event_en["SUMMARY"].params["LANGUAGE"] == "en"
    assert str(event_en["URL"]) == f"http://testserver{english.url}"
    assert "An hour on telemedicine." in str(event_en["DESCRIPTION"])
    assert 'filename="' in client.get(f"{italian.url}calendario/")["Content-Disposition"]


def test_upcoming_calendar_overall_and_per_topic(client, hub_site, webinar_pair):
    make_item(
        hub_site["it"], WebinarPage, title="Passato", starts_at=timezone.now() - timedelta(days=10)
    )
    make_item(
        hub_site["it"],
        WebinarPage,
        title="Altro tema",
        topics=[hub_site["topics_it"]["ai"]],
        starts_at=timezone.now() + timedelta(days=1),
    )
    _, overall = events(client.get("/it/keeponlearning/webinar/calendario/"))
    assert sorted(str(e["SUMMARY"]) for e in overall) == ["Altro tema", "Sanità digitale"]
    topic_page = make_topic_page(hub_site["it"], hub_site["topics_it"]["health"])
    _, on_topic = events(client.get(f"{topic_page.url}calendario/"))
    assert [str(e["SUMMARY"]) for e in on_topic] == ["Sanità digitale"]


def rss_items(response):
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    channel = root.find("channel")
    return channel, [(i.findtext("title"), i.findtext("link")) for i in channel.findall("item")]


def test_rss_feeds_per_language_and_topic(client, hub_site, locales):
    now = timezone.now()
    old = make_item(
        hub_site["it"],
        ArticlePage,
        title="Vecchio",
        topics=[hub_site["topics_it"]["ai"]],
        published_at=now - timedelta(days=9),
    )
    make_item(
        hub_site["it"],
        ArticlePage,
        title="Nuovo",
        topics=[hub_site["topics_it"]["health"]],
        published_at=now - timedelta(days=1),
    )
    translate(old, locales["en"], title="Old", slug="old")
    channel, items = rss_items(client.get("/it/keeponlearning/feed/"))
    assert channel.findtext("language") == "it"
    assert [title for title, _ in items] == ["Nuovo", "Vecchio"]
    assert items[0][1] == "http://testserver/it/keeponlearning/article-nuovo/"
    channel, items = rss_items(client.get("/en/keeponlearning/feed/"))
    assert channel.findtext("language") == "en"
    assert [title for title, _ in items] == ["Old"]
    topic_page = make_topic_page(hub_site["it"], hub_site["topics_it"]["health"])
    _, items = rss_items(client.get(f"{topic_page.url}feed/"))
    assert [title for title, _ in items] == ["Nuovo"]


def json_ld(response, schema_type):
    html = parse(response)
    found = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]')]
    return [data for data in found if data.get("@type") == schema_type]


def test_webinar_event_json_ld(client, webinar_pair):
    italian, english = webinar_pair
    (event,) = json_ld(client.get(english.url), "Event")
    assert event["name"] == "Digital health"
    assert (
        event["startDate"]
        == italian.starts_at.astimezone(timezone.get_current_timezone()).isoformat()
    )
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["location"]["@type"] == "VirtualLocation"
    assert event["organizer"]["name"] == "MIP Politecnico di Milano"
    assert event["performer"][0]["name"] == "Sara Galli"
    assert event["inLanguage"] == "en"
    italian.status_override = "cancelled"
    italian.save_revision().publish()
    (event,) = json_ld(client.get(italian.url), "Event")
    assert event["eventStatus"] == "https://schema.org/EventCancelled"


def test_course_article_and_talk_json_ld(client, hub_site):
    course = make_item(hub_site["it"], CoursePage, title="Corso", is_free=False, price="120.00")
    (data,) = json_ld(client.get(course.url), "Course")
    assert data["provider"]["name"] == "MIP Politecnico di Milano"
    assert data["offers"]["price"] == "120.00" and data["offers"]["priceCurrency"] == "EUR"
    assert data["hasCourseInstance"]["courseMode"] == "Online"
    for model in (ArticlePage, DeepDivePage):
        page = make_item(hub_site["it"], model, title=f"Testo {model.__name__}")
        (data,) = json_ld(client.get(page.url), "Article")
        assert data["headline"] == f"Testo {model.__name__}"
        assert data["datePublished"] and data["publisher"]["name"] == "MIP Politecnico di Milano"
    talk = make_item(
        hub_site["it"], TalkPage, title="Dialogo", video_url="https://www.example.com/v"
    )
    (data,) = json_ld(client.get(talk.url), "VideoObject")
    assert data["contentUrl"] == "https://www.example.com/v" and data["uploadDate"]


def test_breadcrumb_list_everywhere(client, hub_site):
    page = make_item(hub_site["it"], ArticlePage, title="Briciole")
    (trail,) = json_ld(client.get(page.url), "BreadcrumbList")
    names = [entry["name"] for entry in trail["itemListElement"]]
    assert names == ["MIP", "KeepONLearning", "Briciole"]
    assert trail["itemListElement"][-1]["item"] == f"http://testserver{page.url}"
    assert json_ld(client.get("/it/"), "BreadcrumbList")


def test_json_ld_cannot_be_broken_out_of(client, hub_site):
    page = make_item(
        hub_site["it"], ArticlePage, title="</script><script>alert(1)</script>", slug="script"
    )
    response = client.get(page.url)
    assert b"</script><script>alert(1)" not in response.content
    (data,) = json_ld(response, "Article")
    assert data["headline"] == "</script><script>alert(1)</script>"
