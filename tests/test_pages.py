"""Page types: where they may be created, and what they render."""

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home.blocks import CallToActionBlock, LinkBlock, StoryBlock
from home.models import HomePage, StandardPage
from hub.models import HubIndexPage
from reopening.models import ReopeningPage

from .conftest import parse
from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


# The checks of Wagtail's WagtailPageTestCase helpers, as plain asserts: "can create at"
# is the child model among the parent model's allowed subpage models.


def test_home_page_lives_under_the_root_only():
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert set(HomePage.allowed_subpage_models()) == {StandardPage, HubIndexPage, ReopeningPage}


def test_standard_pages_nest_under_home_and_each_other():
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    assert StandardPage not in Page.allowed_subpage_models()
    assert StandardPage in HomePage.allowed_subpage_models()
    assert StandardPage in StandardPage.allowed_subpage_models()


def story(page, blocks):
    page.body = StreamValue(StoryBlock(), blocks, is_lazy=False)


def test_standard_page_renders_every_story_block(client, home_pages):
    image = Image.objects.create(title="Aula", file=get_test_image_file(size=(1200, 800)))
    document = Document.objects.create(
        title="Protocollo", file=ContentFile(b"%PDF-1.4 test", name="protocollo.pdf")
    )
    target = StandardPageFactory(parent=home_pages["it"], title="Destinazione", slug="destinazione")
    page = StandardPageFactory(
        parent=home_pages["it"],
        title="Tutti i blocchi",
        slug="blocchi",
        introduction="Introduzione.",
    )
    page.body = [
        ("heading", {"text": "Un titolo", "level": "h2"}),
        ("heading", {"text": "Un sottotitolo", "level": "h3"}),
        ("paragraph", "<p>Un <b>paragrafo</b>.</p>"),
        ("image", {"image": image, "alt_text": "Studenti in aula", "caption": "In aula"}),
        ("quote", {"quote": "Imparare sempre.", "attribution": "Il MIP"}),
        (
            "call_to_action",
            {"title": "Vai", "text": "Testo", "page": target, "url": "", "button_label": "Apri"},
        ),
        ("document", {"document": document, "label": ""}),
    ]
    page.save_revision().publish()

    response = client.get("/it/blocchi/")
    assert response.status_code == 200
    html = parse(response)
    assert html.select_one("h1").get_text(strip=True) == "Tutti i blocchi"
    assert html.select_one(".stream h2").get_text(strip=True) == "Un titolo"
    assert html.select_one(".stream h3").get_text(strip=True) == "Un sottotitolo"
    assert html.select_one(".block-paragraph b").get_text() == "paragrafo"
    picture = html.select_one(".block-image picture")
    assert {source["type"] for source in picture.select("source")} == {"image/avif", "image/webp"}
    img = picture.select_one("img")
    assert img["alt"] == "Studenti in aula" and img["loading"] == "lazy"
    assert img.has_attr("width") and img.has_attr("height")
    assert html.select_one(".block-image figcaption").get_text() == "In aula"
    assert html.select_one(".block-quote blockquote").get_text(strip=True) == "Imparare sempre."
    assert html.select_one(".block-cta a")["href"] == "/it/destinazione/"
    document_link = html.select_one(".block-document a")
    assert document_link.get_text() == "Protocollo"
    assert document_link["href"] == document.url
    # Breadcrumbs lead home.
    assert [a["href"] for a in html.select(".breadcrumbs a")] == ["/it/"]


@pytest.mark.parametrize("block_class", [CallToActionBlock, LinkBlock])
def test_a_link_goes_to_a_page_or_an_url_not_both(block_class, home_pages):
    block = block_class()
    value = {
        "title": "T",
        "button_label": "B",
        "label": "L",
        "page": home_pages["it"].pk,
        "url": "https://example.com",
    }
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(value))
    value.update(page=None, url="")
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(value))
    value.update(url="https://www.polimi.it")
    assert block.clean(block.to_python(value))["url"] == "https://www.polimi.it"


def test_external_link_without_label_is_refused():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "https://www.polimi.it", "label": ""}))


def test_seo_fields_fill_title_and_description(client, home_pages):
    page = StandardPageFactory(
        parent=home_pages["it"],
        title="Titolo",
        slug="seo",
        seo_title="Titolo per i motori di ricerca",
        search_description="Descrizione per i motori di ricerca.",
    )
    html = parse(client.get(page.url))
    assert html.title.get_text().startswith("Titolo per i motori di ricerca")
    assert (
        html.select_one('meta[name="description"]')["content"]
        == "Descrizione per i motori di ricerca."
    )
    assert (
        html.select_one('meta[property="og:title"]')["content"] == "Titolo per i motori di ricerca"
    )
    assert html.select_one('link[rel="canonical"]')["href"] == "http://testserver/it/seo/"


def test_summary_is_the_description_when_none_is_set(client, home_pages):
    page = StandardPageFactory(
        parent=home_pages["it"], title="T", slug="t", summary="Il riassunto."
    )
    html = parse(client.get(page.url))
    assert html.select_one('meta[name="description"]')["content"] == "Il riassunto."


def test_page_query_count_does_not_grow_with_siblings(client, home_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = StandardPageFactory(parent=home_pages["it"], title="Misura", slug="misura")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    queries()  # the first request fills the site-root cache
    baseline = queries()
    for n in range(10):
        StandardPageFactory(parent=home_pages["it"], title=f"Altra {n}", slug=f"altra-{n}")
    assert queries() == baseline
    assert baseline <= 15
