"""Images as visitors get them (<picture> with AVIF and WebP, a JPEG fallback, sizes set,
lazy below the fold) and as editors upload them (size, pixels and damaged files refused)."""

import io
import json
import struct
import threading
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image as PILImage
from PIL import ImageFile as PILImageFile
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from .conftest import parse
from .factories import SpeakerFactory, StandardPageFactory
from .hub_helpers import make_item, make_topic_page

Image = get_image_model()


def image_bytes(size=(800, 600), color=(40, 90, 160), fmt="JPEG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def make_image(title="Foto", size=(800, 600), color=(40, 90, 160), **fields):
    image = Image(
        title=title,
        file=ImageFile(io.BytesIO(image_bytes(size, color)), name=f"{title.lower()}.jpg"),
        **fields,
    )
    image.save()
    return image


def assert_picture(element, loading="lazy"):
    """`element` is a <picture> with AVIF and WebP sources before a sized JPEG <img>."""
    assert element is not None and element.name == "picture"
    types = [source["type"] for source in element.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    for source in element.find_all("source"):
        assert source["srcset"] and source["sizes"]
    img = element.find("img")
    assert img["src"].endswith(".jpg")
    assert int(img["width"]) > 0 and int(img["height"]) > 0
    assert img["loading"] == loading
    return img


# What visitors see


@pytest.mark.django_db
def test_cards_show_pictures_in_every_listing(client, hub_site, home_pages):
    hub = hub_site["it"]
    topic = hub_site["topics_it"]["health"]
    topic_page = make_topic_page(hub, topic)
    image = make_image()
    item = make_item(hub, title="Con immagine", topics=[topic], listing_image=image)
    topic_page.featured_items.create(item=item)
    topic_page.save_revision().publish()
    for url in (hub.url, topic_page.url):
        cards = parse(client.get(url)).select("article.card")
        assert cards, url
        img = assert_picture(cards[0].find("picture"))
        assert "card__image" in img["class"]
        assert img["alt"] == ""
        assert (img["width"], img["height"]) == ("640", "360")


@pytest.mark.django_db
def test_an_image_whose_file_is_gone_does_not_break_its_pages(client, hub_site, home_pages):
    """An original lost from storage (a restore without media, a bucket emptied): the
    article, the listing that shows it and their structured data still answer 200."""
    hub = hub_site["it"]
    image = make_image("Persa")
    item = make_item(hub, title="Con immagine persa", listing_image=image)
    image.file.storage.delete(image.file.name)
    for url in (item.url, hub.url):
        response = client.get(url)
        assert response.status_code == 200, url
    html = parse(client.get(item.url))
    data = [
        json.loads(script.string) for script in html.select('script[type="application/ld+json"]')
    ]
    article = next(entry for entry in data if entry.get("name") == "Con immagine persa")
    assert "image" not in article


@pytest.mark.django_db
def test_a_story_image_block_is_a_picture(client, home_pages):
    image = make_image()
    page = StandardPageFactory(
        parent=home_pages["it"],
        slug="con-immagine",
        body=[],
    )
    page.body = [("image", {"image": image, "alt_text": "Il campus", "caption": "Didascalia"})]
    page.save_revision().publish()
    figure = parse(client.get(page.url)).select_one("figure.block-image")
    img = assert_picture(figure.find("picture"))
    assert img["alt"] == "Il campus"


@pytest.mark.django_db
def test_a_speakers_photo_is_the_pages_first_image_and_contributors_are_lazy(
    client, hub_site, locales
):
    hub = hub_site["it"]
    speaker = SpeakerFactory(locale=locales["it"], photo=make_image("Ritratto", (500, 700)))
    item = make_item(hub, title="Con autore", speakers=[speaker])

    page = parse(client.get(f"{hub.url}relatori/{speaker.slug}/"))
    img = assert_picture(page.select_one(".speaker-header picture"), loading="eager")
    assert img["fetchpriority"] == "high"
    assert (img["width"], img["height"]) == ("240", "240")

    contributor = parse(client.get(item.url)).select_one(".contributor picture")
    img = assert_picture(contributor, loading="lazy")
    assert "contributor__photo" in img["class"]


@pytest.mark.django_db
def test_fill_keeps_the_focal_point_in_the_crop():
    # Red on the left, blue on the right, the focal point in the blue half.
    source = PILImage.new("RGB", (400, 100), (255, 0, 0))
    source.paste((0, 0, 255), (200, 0, 400, 100))
    buffer = io.BytesIO()
    source.save(buffer, "PNG")
    image = Image(title="Focale", file=ImageFile(buffer, name="focale.png"))
    image.focal_point_x, image.focal_point_y = 350, 50
    image.focal_point_width, image.focal_point_height = 40, 40
    image.save()
    rendition = image.get_rendition("fill-100x100|format-png")
    with rendition.file.open() as f:
        crop = PILImage.open(f).convert("RGB")
        assert crop.getpixel((50, 50)) == (0, 0, 255)


# Query budgets


def listing_queries(client, url):
    client.get(url)  # the first request generates the renditions
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_pictures_on_cards_cost_no_query_per_card(client, hub_site):
    hub = hub_site["it"]
    topic = hub_site["topics_it"]["health"]
    for n in range(2):
        make_item(hub, title=f"Primo {n}", topics=[topic], listing_image=make_image(f"P{n}"))
    few = listing_queries(client, hub.url)
    for n in range(6):
        make_item(hub, title=f"Altro {n}", topics=[topic], listing_image=make_image(f"A{n}"))
    many = listing_queries(client, hub.url)
    assert many == few
    page = parse(client.get(hub.url))
    assert len(page.select("article.card picture")) == 8


@pytest.mark.django_db
def test_contributor_photos_cost_no_query_per_contributor(client, hub_site, locales):
    hub = hub_site["it"]

    def speakers(count):
        return [
            SpeakerFactory(locale=locales["it"], photo=make_image(f"R{n}")) for n in range(count)
        ]

    one = make_item(hub, title="Un autore", speakers=speakers(1))
    four = make_item(hub, title="Quattro autori", speakers=speakers(4))
    assert listing_queries(client, one.url) == listing_queries(client, four.url)
    assert len(parse(client.get(four.url)).select(".contributor picture")) == 4


# Uploads through the admin


def upload(client, name, content, content_type="image/png"):
    before = Image.objects.count()
    response = client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    return response, Image.objects.count() - before


def file_error_codes(response):
    """The codes of the errors the re-shown form gives the file, each with a message."""
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data().get("file", [])
    page = parse(response).get_text()
    with translation.override(response.get("Content-Language", settings.LANGUAGE_CODE)):
        for error in errors:
            message = str(error.message) % (error.params or {})
            assert message in page, message
    return [error.code for error in errors]


@pytest.fixture
def admin_client_logged_in(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.django_db
def test_a_valid_upload_is_saved(admin_client_logged_in):
    response, created = upload(
        admin_client_logged_in, "campus.jpg", image_bytes(), content_type="image/jpeg"
    )
    assert response.status_code == 302
    assert created == 1


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(admin_client_logged_in):
    padding = b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE  # after the image's own data
    content = image_bytes((600, 600), fmt="PNG") + padding
    response, created = upload(admin_client_logged_in, "grande.png", content)
    assert file_error_codes(response) == ["file_too_large"]
    assert created == 0


def test_the_limits_are_set():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def blank_png(width, height):
    """A valid greyscale PNG of `width` x `height` black pixels, a few kilobytes on disk."""
    compressor = zlib.compressobj(9)
    row = b"\0" * (width + 1)  # filter byte, then one byte a pixel
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("size", [(8000, 6000), (20000, 20000)], ids=["48Mpx", "400Mpx"])
def test_a_decompression_bomb_is_refused(admin_client_logged_in, size, monkeypatch):
    content = blank_png(*size)
    assert len(content) < 1024 * 1024  # small on disk, huge once decoded

    def no_decoding(image):
        raise AssertionError("the pixels were decoded before the count was checked")

    monkeypatch.setattr(PILImageFile.ImageFile, "load", no_decoding)
    response, created = upload(admin_client_logged_in, "bomba.png", content)
    assert file_error_codes(response) == ["file_too_many_pixels"]
    assert created == 0


def truncated(fmt):
    """An image cut in the middle of its pixels (a busy pattern, so there is data to cut)."""
    source = PILImage.frombytes("RGB", (300, 300), bytes(range(256)) * 1055)
    buffer = io.BytesIO()
    source.save(buffer, fmt)
    content = buffer.getvalue()
    return content[: len(content) // 2]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_truncated_file_is_refused(admin_client_logged_in, fmt):
    content = truncated(fmt)
    name = "rotta.jpg" if fmt == "JPEG" else "rotta.png"
    response, created = upload(admin_client_logged_in, name, content, f"image/{fmt.lower()}")
    assert file_error_codes(response) == ["invalid_image"]
    assert created == 0


@pytest.mark.django_db
def test_the_multiple_uploader_refuses_a_truncated_file_too(admin_client_logged_in):
    content = truncated("PNG")
    response = admin_client_logged_in.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("rotta.png", content, content_type="image/png")},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False and data["error_message"]
    assert not Image.objects.exists()


# Renditions under concurrent first requests


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...); SQLite serialises writers",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    "specs",
    [
        ["fill-123x45|format-webp"],
        [
            f"format-{fmt}|fill-{size}"
            for fmt in ("avif", "webp", "jpeg")
            for size in ("640x360", "320x180")
        ],
    ],
    ids=["one-rendition", "a-card-picture"],
)
def test_concurrent_first_requests_create_each_rendition_once(specs):
    image = make_image("Concorrenza")
    threads_count = 6
    barrier = threading.Barrier(threads_count)
    errors, results = [], []

    def render():
        try:
            own = Image.objects.get(pk=image.pk)  # each request loads its own image
            barrier.wait(timeout=10)
            if len(specs) == 1:
                results.append(own.get_rendition(specs[0]).url)
            else:
                results.append([r.url for r in own.get_renditions(*specs).values()])
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=render) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(results) == threads_count
    folder = Path(settings.MEDIA_ROOT) / "images"
    stem = Path(image.file.name).stem
    for spec in specs:
        assert Rendition.objects.filter(image=image, filter_spec=spec).count() == 1
        # And one file: the requests that lost the race made none (`home.serving.renditions`).
        made = [p for p in folder.glob(f"{stem}*") if spec.replace("|", ".") in p.name]
        assert len(made) == 1, made
