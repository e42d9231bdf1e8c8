"""Uploaded files as the site serves them on one machine: renditions with a year's cache,
originals and document files never directly, documents through Wagtail's view with their
collection's privacy; and every image a demo page shows answers."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from .conftest import image_urls, parse
from .test_images import make_image

pytestmark = pytest.mark.django_db


def test_a_rendition_is_served_for_a_year(client):
    rendition = make_image("Aula").get_rendition("fill-200x100")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_originals_and_document_files_are_not_served(client):
    image = make_image("Originale")
    assert image.file.url.startswith("/media/original_images/")
    assert client.get(image.file.url).status_code == 404
    document = get_document_model().objects.create(
        title="Protocollo", file=ContentFile(b"%PDF-1.4 protocollo", name="protocollo.pdf")
    )
    assert client.get(f"/media/{document.file.name}").status_code == 404
    # Through Wagtail's view it is served.
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/../original_images/x.jpg",
        "/media/images/%2e%2e/%2e%2e/config/settings/base.py",
        "/media/images/",
        "/media/images/missing.jpg",
        "/media/",
    ],
)
def test_nothing_else_under_media_answers(client, path):
    # 400: Django refuses a path that leaves the media folder.
    assert client.get(path).status_code in (400, 404)


def test_a_private_collections_document_asks_for_a_login(client):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Riservata")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Interno",
        collection=private,
        file=ContentFile(b"%PDF-1.4 interno", name="interno.pdf"),
    )
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]


def test_every_image_of_the_demo_pages_answers(demo_for_reading, client):
    seen = set()
    for path in ("/it/", "/en/", "/it/keeponlearning/", "/en/keeponlearning/speakers/"):
        seen |= {
            url.removeprefix("http://testserver") for url in image_urls(parse(client.get(path)))
        }
    local = [url for url in seen if url.startswith("/media/")]
    assert len(local) > 10
    assert [url for url in local if client.get(url).status_code != 200] == []
