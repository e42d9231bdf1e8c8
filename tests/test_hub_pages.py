"""Hub page types: where they may be created, how they behave and what they render."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from home.models import HomePage, StandardPage
from hub.models import (
    ArticlePage,
    CoursePage,
    DeepDivePage,
    HubIndexPage,
    TalkPage,
    ToolPage,
    TopicPage,
    WebinarPage,
)

from .conftest import parse
from .factories import SpeakerFactory
from .hub_helpers import make_item, make_topic_page, translate

pytestmark = pytest.mark.django_db

ITEM_MODELS = {ArticlePage, WebinarPage, CoursePage, TalkPage, ToolPage, DeepDivePage}


# The checks of Wagtail's WagtailPageTestCase helpers, as plain asserts: "can create at"
# is the child model among the parent model's allowed subpage models.


def test_hub_index_lives_under_home():
    assert set(HubIndexPage.allowed_parent_page_models()) == {HomePage}
    assert set(HubIndexPage.allowed_subpage_models()) == {TopicPage, *ITEM_MODELS}
    assert HubIndexPage in HomePage.allowed_subpage_models()
    assert HubIndexPage not in StandardPage.allowed_subpage_models()


@pytest.mark.parametrize("model", [*ITEM_MODELS, TopicPage], ids=lambda model: model.__name__)
def test_items_and_topics_live_only_under_the_hub(model):
    assert set(model.allowed_parent_page_models()) == {HubIndexPage}
    assert set(model.allowed_subpage_models()) == set()
    assert model in HubIndexPage.allowed_subpage_models()
    assert model not in HomePage.allowed_subpage_models()
    assert model not in StandardPage.allowed_subpage_models()


@pytest.fixture
def webinar(hub_site):
    return make_item(
        hub_site["it"],
        WebinarPage,
        title="Webinar di prova",
        starts_at=timezone.now() + timedelta(days=2),
        duration_minutes=60,
        registration_url="https://www.example.com/iscriviti",
        stream_url="https://www.example.com/guarda",
        participant_count=None,
    )


def test_webinar_state_follows_the_clock(client, webinar):
    starts = webinar.starts_at
    with time_machine.travel(starts - timedelta(hours=1), tick=False):
        assert webinar.state() == "upcoming"
        html = parse(client.get(webinar.url))
        actions = html.select_one(".actions")
        assert (
            actions.select_one('a[href="https://www.example.com/iscriviti"]').get_text()
            == "Registrati"
        )
        assert actions.select_one('a[type="text/calendar"]')["href"] == f"{webinar.url}calendario/"
    with time_machine.travel(starts + timedelta(minutes=10), tick=False):
        assert webinar.state() == "live"
        html = parse(client.get(webinar.url))
        assert html.select_one(".actions a")["href"] == "https://www.example.com/guarda"
        assert html.select_one(".actions").find(string=lambda s: "Registrati" in s) is None
    with time_machine.travel(starts + timedelta(hours=2), tick=False):
        assert webinar.state() == "on-demand"
        webinar.participant_count = 321
        webinar.save_revision().publish()
        html = parse(client.get(webinar.url))
        assert html.select_one(".actions a").get_text(strip=True) == "Guarda la registrazione"
        assert "321" in html.select_one(".facts").get_text()
    webinar.stream_url = ""
    with time_machine.travel(starts + timedelta(hours=2), tick=False):
        assert webinar.state() == "ended"


@pytest.mark.parametrize("override", ["cancelled", "postponed"])
def test_webinar_status_override_wins(client, webinar, override):
    webinar.status_override = override
    webinar.save_revision().publish()
    html = parse(client.get(webinar.url))
    assert webinar.state() == override
    assert html.select_one(".actions .notice") is not None
    assert html.select_one('.actions a[type="text/calendar"]') is None


def test_webinar_times_are_shown_in_rome(client, hub_site):
    starts = datetime(2020, 3, 25, 17, 0, tzinfo=UTC)
    page = make_item(hub_site["it"], WebinarPage, title="Orario", starts_at=starts)
    html = parse(client.get(page.url))
    assert html.select_one(".facts time")["datetime"].startswith("2020-03-25T18:00:00+01:00")


def test_article_reading_time_and_authors(client, hub_site):
    speaker = SpeakerFactory(
        locale=hub_site["it"].locale, name="Giulia Ferrari", slug="giulia-ferrari"
    )
    words = " ".join(["parola"] * 450)
    page = make_item(
        hub_site["it"],
        ArticlePage,
        title="Lungo",
        speakers=[speaker],
        body=[("paragraph", f"<p>{words}</p>")],
    )
    assert page.reading_minutes == 3
    html = parse(client.get(page.url))
    assert "3 minuti di lettura" in html.select_one(".item__date").get_text(" ", strip=True)
    author = html.select_one(".contributor a")
    assert author.get_text() == "Giulia Ferrari"
    assert author["href"] == "/it/keeponlearning/relatori/giulia-ferrari/"


def test_deep_dive_table_of_contents_links_to_chapters(client, hub_site):
    page = make_item(
        hub_site["it"],
        DeepDivePage,
        title="Approfondimento",
        body=[
            ("heading", {"text": "Primo capitolo", "level": "h2"}),
            ("paragraph", "<p>Testo.</p>"),
            ("heading", {"text": "Un dettaglio", "level": "h3"}),
            ("heading", {"text": "Secondo capitolo", "level": "h2"}),
        ],
    )
    html = parse(client.get(page.url))
    links = html.select(".toc a")
    assert [a.get_text() for a in links] == ["Primo capitolo", "Secondo capitolo"]
    for link in links:
        target = html.select_one(link["href"])
        assert target is not None and target.name == "h2"


def test_tool_lists_files_with_type_size_and_language(client, hub_site):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Checklist", file=ContentFile(b"x" * 2048, name="checklist.pdf")
    )
    page = make_item(
        hub_site["it"],
        ToolPage,
        title="Strumento",
        downloads=[
            (
                "download",
                {
                    "document": document,
                    "title": "La checklist",
                    "description": "",
                    "language": "en",
                },
            )
        ],
    )
    html = parse(client.get(page.url))
    download = html.select_one(".download")
    assert download.select_one("a")["href"] == document.url
    assert download.select_one("a")["hreflang"] == "en"
    meta = download.select_one(".download__meta").get_text(" ", strip=True)
    assert "PDF" in meta and "2,0" in meta and "Inglese" in meta


def test_course_price_must_match_free_flag(hub_site):
    course = CoursePage(
        title="Corso",
        slug="corso",
        course_format="live",
        effort_hours=4,
        length_weeks=1,
        level="beginner",
        is_free=False,
        price=None,
        body=[],
    )
    with pytest.raises(ValidationError) as error:
        course.clean()
    assert "price" in error.value.message_dict


def test_webinar_links_must_be_http(hub_site):
    page = WebinarPage(
        title="W", slug="w", starts_at=timezone.now(), registration_url="javascript:alert(1)"
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth", "locale", "translation_key", "content_type"])
    assert "registration_url" in error.value.message_dict


def test_topic_page_shows_featured_upcoming_and_listing(client, hub_site):
    topic = hub_site["topics_it"]["health"]
    topic_page = make_topic_page(hub_site["it"], topic)
    article = make_item(hub_site["it"], ArticlePage, title="Articolo sanità", topics=[topic])
    make_item(
        hub_site["it"], ArticlePage, title="Articolo altro", topics=[hub_site["topics_it"]["ai"]]
    )
    webinar = make_item(hub_site["it"], WebinarPage, title="Webinar sanità", topics=[topic])
    topic_page.featured_items.create(item=article)
    topic_page.save_revision().publish()
    html = parse(client.get(topic_page.url))
    featured = [
        a.get_text() for a in html.select('[aria-labelledby="featured-heading"] .card__title a')
    ]
    upcoming = [
        a.get_text() for a in html.select('[aria-labelledby="upcoming-heading"] .card__title a')
    ]
    listed = [a.get_text() for a in html.select(".results .card__title a")]
    assert featured == ["Articolo sanità"]
    assert upcoming == ["Webinar sanità"]
    assert sorted(listed) == ["Articolo sanità", "Webinar sanità"]
    assert webinar.url in [a["href"] for a in html.select(".results .card__title a")]


def test_topic_page_of_the_other_language_is_404(client, hub_site, locales):
    topic_page = make_topic_page(hub_site["it"], hub_site["topics_it"]["health"])
    translate(topic_page, locales["en"], slug="healthcare", title="Healthcare")
    assert client.get("/en/keeponlearning/healthcare/").status_code == 200
    assert client.get("/en/keeponlearning/sanita/").status_code == 404
    assert client.get("/it/keeponlearning/healthcare/").status_code == 404


def test_speaker_page_lists_their_items(client, hub_site, locales):
    speaker = SpeakerFactory(locale=locales["it"], name="Elena Conti", slug="elena-conti")
    mine = make_item(hub_site["it"], ArticlePage, title="Suo articolo", speakers=[speaker])
    make_item(hub_site["it"], ArticlePage, title="Altro articolo")
    response = client.get("/it/keeponlearning/relatori/elena-conti/")
    assert response.status_code == 200
    html = parse(response)
    assert html.select_one("h1").get_text() == "Elena Conti"
    assert [a["href"] for a in html.select(".card__title a")] == [mine.url]
    assert client.get("/it/keeponlearning/relatori/nessuno/").status_code == 404
    # The English route word is not an Italian address: it leads to the one that is.
    response = client.get("/it/keeponlearning/speakers/elena-conti/")
    assert (response.status_code, response["Location"]) == (
        301,
        "/it/keeponlearning/relatori/elena-conti/",
    )


def test_related_items_share_a_topic_and_never_include_the_page(client, hub_site):
    topic = hub_site["topics_it"]["ai"]
    page = make_item(hub_site["it"], ArticlePage, title="Centrale", topics=[topic])
    for n in range(4):
        make_item(hub_site["it"], ArticlePage, title=f"Vicino {n}", topics=[topic])
    make_item(
        hub_site["it"], ArticlePage, title="Lontano", topics=[hub_site["topics_it"]["health"]]
    )
    html = parse(client.get(page.url))
    related = [a.get_text() for a in html.select(".related .card__title a")]
    assert len(related) == 3
    assert "Centrale" not in related and "Lontano" not in related


def test_topics_and_speakers_are_managed_in_the_admin(client, admin_user, hub_site):
    client.force_login(admin_user)
    response = client.get("/admin/snippets/hub/topic/")
    assert response.status_code == 200
    assert "Sanità" in response.content.decode()
    response = client.post(
        "/admin/snippets/hub/speaker/add/",
        {
            "name": "Nuova Persona",
            "slug": "nuova-persona",
            "role": "",
            "organisation": "",
            "bio": "",
            "locale": hub_site["it"].locale_id,
        },
    )
    assert response.status_code == 302
    from hub.models import Speaker

    assert Speaker.objects.filter(slug="nuova-persona", locale=hub_site["it"].locale).exists()


def test_scale_option_adds_synthetic_items_in_both_languages(hub_site, home_pages, locales):
    from hub.demo import build_scale
    from hub.models import HubItemPage, Speaker

    speaker = Speaker.objects.create(locale=locales["it"], name="P", slug="p")
    build_scale(hub_site["it"], hub_site["topics_it"], {"p": speaker}, 2)
    build_scale(hub_site["it"], hub_site["topics_it"], {"p": speaker}, 2)  # idempotent
    for language in ("it", "en"):
        items = HubItemPage.objects.live().filter(locale__language_code=language)
        assert items.count() == 12
        assert set(items.values_list("kind", flat=True)) == {
            "article",
            "webinar",
            "course",
            "talk",
            "tool",
            "deep-dive",
        }
