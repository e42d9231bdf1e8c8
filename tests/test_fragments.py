"""Menu, footer, topics, cards and view restrictions come from the fragment cache; every
change that affects them shows on the very next request."""

import io
import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from home.serving import caching
from hub.models import WebinarPage

from .conftest import parse
from .factories import FooterContentFactory, NavigationMenuFactory
from .hub_helpers import make_item

pytestmark = pytest.mark.django_db


def jpeg_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (40, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


JPEG = jpeg_bytes()


def menu_labels(client, url):
    return [a.get_text(strip=True) for a in parse(client.get(url)).select(".site-nav a")]


def test_a_saved_menu_shows_on_the_next_request(client, home_pages, locales):
    menu = NavigationMenuFactory(
        locale=locales["it"],
        items=[("link", {"url": "https://www.mip.polimi.it/", "label": "MIP"})],
    )
    assert menu_labels(client, "/it/") == ["MIP"]
    assert menu_labels(client, "/it/") == ["MIP"]  # from the cache now

    menu.items = [("link", {"url": "https://www.polimi.it/", "label": "Politecnico"})]
    menu.save()

    assert menu_labels(client, "/it/") == ["Politecnico"]


def test_a_published_page_title_shows_in_the_menu(client, home_pages, locales, hub_site):
    hub = hub_site["it"]
    NavigationMenuFactory(locale=locales["it"], items=[("link", {"page": hub, "label": ""})])
    assert menu_labels(client, "/it/") == [hub.title]

    hub.title = "Formazione continua"
    hub.save_revision().publish()

    assert menu_labels(client, "/it/") == ["Formazione continua"]


def test_the_footer_follows_its_snippet(client, home_pages, locales):
    footer = FooterContentFactory(locale=locales["it"], copyright="© 2020 MIP")
    assert "© 2020 MIP" in client.get("/it/").content.decode()

    footer.copyright = "© 2021 MIP Politecnico di Milano"
    footer.save()

    assert "© 2021 MIP Politecnico di Milano" in client.get("/it/").content.decode()


def test_a_page_made_private_leaves_the_listing_at_once(client, hub_site):
    hub = hub_site["it"]
    item = make_item(hub, title="Riservato ai docenti", slug="riservato")
    assert "Riservato ai docenti" in client.get(hub.url).content.decode()

    PageViewRestriction.objects.create(page=item, restriction_type="login")

    assert "Riservato ai docenti" not in client.get(hub.url).content.decode()
    assert client.get(item.url).status_code == 302  # to the login page


def card_texts(client, url):
    return [card.get_text(" ", strip=True) for card in parse(client.get(url)).select(".card")]


def test_cards_come_from_the_cache_until_what_they_show_changes(client, hub_site):
    hub, topic = hub_site["it"], hub_site["topics_it"]["health"]
    make_item(hub, title="Ospedali e dati", slug="ospedali", topics=[topic])
    with CaptureQueriesContext(connection) as first:
        assert "Sanità" in card_texts(client, hub.url)[0]
    with CaptureQueriesContext(connection) as second:
        assert "Sanità" in card_texts(client, hub.url)[0]
    # A card's topics (and renditions) are fetched only to render it the first time.
    assert [q for q in first if "hub_hubitempage_topics" in q["sql"]]
    assert not [q for q in second if "hub_hubitempage_topics" in q["sql"]]
    assert len(second) < len(first)

    topic.name = "Salute e sanità"
    topic.save()

    assert "Salute e sanità" in card_texts(client, hub.url)[0]


def test_a_webinar_card_follows_the_webinar_as_it_goes_live(client, hub_site, monkeypatch):
    hub = hub_site["it"]
    starts_at = timezone.now() + timedelta(hours=1)
    make_item(hub, WebinarPage, title="Sanità digitale in diretta", starts_at=starts_at)
    upcoming = parse(client.get(hub.url)).select_one(".card .badge")
    assert upcoming["class"] == ["badge", "badge--upcoming"]

    monkeypatch.setattr(timezone, "now", lambda: starts_at + timedelta(minutes=10))

    live = parse(client.get(hub.url)).select_one(".card .badge")
    assert live["class"] == ["badge", "badge--live"]
    assert live.get_text(strip=True) == "In diretta"


def test_a_request_reads_the_content_generation_once(client, hub_site, monkeypatch):
    hub = hub_site["it"]
    make_item(hub, title="Ospedali e dati", slug="ospedali", topics=[hub_site["topics_it"]["ai"]])
    reads = []
    real_get = caching.cache.get

    def counting_get(key, *args, **kwargs):
        if key == caching.GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(caching.cache, "get", counting_get)
    assert client.get(hub.url).status_code == 200
    assert len(reads) == 1


def test_images_and_documents_renew_the_cache_but_renditions_do_not(db):
    image = get_image_model()(
        title="Aula", file=ImageFile(io.BytesIO(JPEG), name="aula.jpg"), width=40, height=30
    )
    image.save()
    before = caching.current_generation()

    image.get_rendition("fill-20x10")
    image.get_file_size()
    assert caching.current_generation() == before

    image.focal_point_x, image.focal_point_y = 5, 5
    image.focal_point_width = image.focal_point_height = 4
    image.save()
    assert caching.current_generation() == before + 1

    document = get_document_model()(title="Protocollo", file=ContentFile(b"%PDF-1.4", "p.pdf"))
    document.save()
    assert caching.current_generation() == before + 2


def test_an_items_structured_data_is_shared_but_a_preview_builds_its_own(client, hub_site):
    def names(response):
        scripts = parse(response).select('script[type="application/ld+json"]')
        return [data.get("name") for data in map(json.loads, (s.string for s in scripts))]

    item = make_item(hub_site["it"], title="Titolo pubblicato", slug="titolo")
    # Visitors on the host Wagtail's previews are made for, so only the preview differs.
    host = item.get_site().hostname
    assert "Titolo pubblicato" in names(client.get(item.url, HTTP_HOST=host))

    item.title = "Titolo in bozza"
    item.save_revision()
    preview = item.make_preview_request()
    assert "Titolo in bozza" in names(preview)
    assert "Titolo pubblicato" not in names(preview)
    assert "Titolo pubblicato" in names(client.get(item.url, HTTP_HOST=host))
