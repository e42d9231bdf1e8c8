"""The editors' admin: the morning dashboard, the school's branding, block previews in
the block chooser, section collections, alt text and focal points."""

import io
from datetime import timedelta

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.blocks import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from home.blocks import ImageBlock, StoryBlock
from home.demo import roles
from hub.models import ItemContributor, Speaker, WebinarPage
from reopening import workflow as workflows
from reopening.blocks import ReopeningStoryBlock

from .conftest import parse
from .hub_helpers import make_item

pytestmark = pytest.mark.django_db


def webinar(hub_site, title, days, **fields):
    return make_item(
        hub_site["it"],
        WebinarPage,
        title=title,
        topics=[hub_site["topics_it"]["health"]],
        starts_at=timezone.now() + timedelta(days=days),
        **fields,
    )


def panel_rows(admin_client):
    panel = parse(admin_client.get("/admin/")).select_one("#editors-webinars-content")
    if panel is None:
        return None
    return [
        (
            row.select_one("td a").get_text(strip=True),
            [status.get_text(strip=True) for status in row.select(".w-status")],
        )
        for row in panel.select("tbody tr")
    ]


def test_the_dashboard_lists_webinars_that_miss_something(admin_client, hub_site, locales):
    speaker = Speaker.objects.create(locale=locales["it"], name="Anna Rossi", slug="anna-rossi")
    link = {"registration_url": "https://example.org/iscriviti"}
    webinar(hub_site, "Senza link", 5, speakers=[speaker])
    webinar(hub_site, "Senza nulla", 2)
    webinar(hub_site, "Senza relatori", 9, **link)
    webinar(hub_site, "Tutto pronto", 3, speakers=[speaker], **link)
    webinar(hub_site, "Fra tre settimane", 21)
    webinar(hub_site, "Annullato", 4, status_override=WebinarPage.CANCELLED)
    # Those of the next 14 days that lack a link or speakers, soonest first; then those that
    # took place and offer no recording, the latest first.
    webinar(hub_site, "Già passato", -1)
    webinar(hub_site, "Passato da tempo", -300)
    webinar(hub_site, "Registrato", -2, stream_url="https://www.som.polimi.it/r/")
    webinar(hub_site, "Annullato passato", -3, status_override=WebinarPage.CANCELLED)
    webinar(hub_site, "In diretta ora", -0.003)
    webinar(hub_site, "Non registrato", -4, not_recorded=True)
    draft = webinar(hub_site, "Bozza passata", -5)
    draft.unpublish()

    assert panel_rows(admin_client) == [
        ("Senza nulla", ["Link d’iscrizione", "Relatori"]),
        ("Senza link", ["Link d’iscrizione"]),
        ("Senza relatori", ["Relatori"]),
        ("Già passato", ["Registrazione video"]),
        ("Passato da tempo", ["Registrazione video"]),
    ]


def test_the_webinar_panel_is_absent_when_nothing_needs_doing(admin_client, hub_site, locales):
    speaker = Speaker.objects.create(locale=locales["it"], name="Anna Rossi", slug="anna-rossi")
    ready = webinar(hub_site, "Tutto pronto", 3, registration_url="https://example.org/x")
    ItemContributor.objects.create(page=ready, speaker=speaker, locale=locales["it"])
    assert panel_rows(admin_client) is None


def test_login_page_and_admin_carry_the_school_name_and_colours(client, admin_client):
    login = parse(client.get("/admin/login/"))
    assert login.select_one("h1").get_text(strip=True) == (
        "Accedi al sito del MIP Politecnico di Milano"
    )
    assert login.title.get_text().strip().endswith("MIP Politecnico di Milano")
    assert login.select_one('link[href$="home/admin.css"]')
    assert login.select_one(".login-logo svg title").get_text() == "MIP Politecnico di Milano"

    dashboard = parse(admin_client.get("/admin/"))
    assert dashboard.select_one('link[href$="home/admin.css"]')
    assert dashboard.title.get_text().strip().endswith("MIP Politecnico di Milano")
    logo = dashboard.select_one("template[data-wagtail-sidebar-branding-logo]")
    assert "MIP Politecnico di Milano" in logo.decode_contents()


def test_blocks_are_grouped_and_described_for_the_chooser():
    story = ReopeningStoryBlock()
    groups = {name: str(block.meta.group) for name, block in story.child_blocks.items()}
    assert groups["heading"] == groups["paragraph"] == groups["quote"] == "Testo"
    assert groups["image"] == groups["embed"] == "Media"
    assert groups["checklist"] == groups["faq"] == "Informazioni pratiche"
    for block in story.child_blocks.values():
        assert block.get_description(), block.name
        assert block.meta.icon and block.meta.icon != "placeholder", block.name


@pytest.mark.parametrize("name", ["heading", "paragraph", "quote", "call_to_action"])
def test_story_blocks_preview_with_the_site_styles(admin_client, name):
    block = StoryBlock().child_blocks[name]
    assert block.is_previewable
    response = admin_client.get(f"/admin/block-preview/?id={block.definition_prefix}")
    assert response.status_code == 200
    html = parse(response)
    assert html.select_one('link[href$="css/main.css"]')
    assert html.select_one(f"main .block-{name}").get_text(strip=True)


@pytest.mark.parametrize("name", ["checklist", "callout", "contact_card", "faq"])
def test_reopening_blocks_preview_in_italian_for_an_italian_editor(admin_client, name):
    block = ReopeningStoryBlock().child_blocks[name]
    response = admin_client.get(f"/admin/block-preview/?id={block.definition_prefix}")
    assert response.status_code == 200
    text = parse(response).select_one("main").get_text(" ", strip=True)
    assert any(word in text for word in ("Prenota", "Mascherin", "Servizi", "prenotare"))


def test_each_section_has_a_collection_editors_can_manage(reopening, hub_site):
    roles.build_roles()
    workflows.build_workflows()
    workflows.build_workflows()
    names = [c.name for c in Collection.get_first_root_node().get_children()]
    assert names.count("KeepONLearning") == 1 and names.count("Nice to MIP You") == 1
    editors = {
        (p.collection.name, p.permission.codename)
        for p in GroupCollectionPermission.objects.filter(group__name="Editors")
    }
    assert {("KeepONLearning", "change_image"), ("Nice to MIP You", "add_document")} <= editors
    reviewers = {
        p.collection.name for p in GroupCollectionPermission.objects.filter(group__name="Reviewers")
    }
    assert reviewers == {"Nice to MIP You"}


def two_colour_image():
    """400 by 100 pixels: red on the left half, blue on the right."""
    picture = PILImage.new("RGB", (400, 100), (255, 0, 0))
    picture.paste((0, 0, 255), (200, 0, 400, 100))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return Image.objects.create(
        title="Due colori", file=ImageFile(io.BytesIO(buffer.getvalue()), name="due.png")
    )


def rendition_colour(image):
    rendition = image.get_rendition("fill-100x100")
    with rendition.file.open() as handle:
        return PILImage.open(handle).convert("RGB").getpixel((50, 50))


def test_renditions_crop_around_the_focal_point():
    image = two_colour_image()
    image.set_focal_point(None)
    image.focal_point_x, image.focal_point_y = 40, 50
    image.focal_point_width = image.focal_point_height = 20
    image.save()
    assert rendition_colour(image) == (255, 0, 0)

    image.focal_point_x = 360
    image.save()
    image.renditions.all().delete()
    assert rendition_colour(image) == (0, 0, 255)


def test_an_image_in_content_needs_its_alternative_text():
    image = two_colour_image()
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert set(refused.value.block_errors) == {"alt_text"}
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "Due colori"}))
    assert value["alt_text"] == "Due colori"
