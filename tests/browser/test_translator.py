"""Journey 3: an English translator finds a new Italian article missing in the
Translations report, translates it in wagtail-localize's editor and publishes it; the
Italian source stays out of their reach.

Relies on the roles that `load_demo_data` builds (the "English translators" group, with
page rights on the English home page only) and on the Translations report."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Locale

from home.demo.roles import TRANSLATORS
from hub.models import HubIndexPage, Speaker, Topic

from ..hub_helpers import make_item
from .test_editor import log_in

SOURCE_TITLE = "Tornare in aula: la guida per i partecipanti"
TRANSLATIONS = {
    "Title": "Back in the classroom: a guide for participants",
    "Paragraph": "A test text about lifelong learning.",
    "Slug": "back-in-the-classroom-guide",
}


def translate_every_segment(page):
    """Types a translation into each segment of wagtail-localize's editor, tab by tab."""
    translated = []
    for tab in ("Content", "Promote"):
        page.get_by_role("tab", name=tab).click()
        panel = page.locator("[role=tabpanel]:visible")
        buttons = panel.get_by_role("button", name="Translate", exact=True)
        while buttons.count():
            field = buttons.first.locator("xpath=ancestor::li[h3][1]/h3").text_content().strip()
            buttons.first.click()
            panel.locator("textarea").first.fill(TRANSLATIONS[field])
            panel.get_by_role("button", name="Save", exact=True).first.click()
            expect(panel.locator("textarea")).to_have_count(0)
            translated.append(field)
    return translated


def test_english_translator_translates_a_new_article_and_cannot_edit_the_source(new_page):
    hub = HubIndexPage.objects.get(locale__language_code="it")
    italian = Locale.objects.get(language_code="it")
    source = make_item(
        hub,
        title=SOURCE_TITLE,
        slug="tornare-in-aula-guida",
        topics=[Topic.objects.filter(locale=italian).first()],
        speakers=[Speaker.objects.filter(locale=italian).first()],
    )
    translator = get_user_model().objects.create_user("translator", password="password")
    translator.groups.add(Group.objects.get(name=TRANSLATORS["en"]))

    page = new_page(locale="en-GB")
    log_in(page, "translator", "password")
    page.goto(reverse("translators_report:index"))
    row = page.locator("tr", has_text=SOURCE_TITLE)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("English")
    expect(row).to_contain_text("Missing")
    row.get_by_role("link", name="Translate").click()
    expect(page.get_by_label("English")).to_be_checked()
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".messages")).to_contain_text("submitted for translation into English")

    assert sorted(translate_every_segment(page)) == ["Paragraph", "Slug", "Title"]
    page.get_by_role("button", name="Publish in English").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Published '{TRANSLATIONS['Title']}' in English."
    )

    english = source.get_translation(Locale.objects.get(language_code="en"))
    assert english.live
    assert english.url == f"/en/keeponlearning/{TRANSLATIONS['Slug']}/"
    visitor = new_page()
    response = visitor.goto(english.url)
    assert response.status == 200
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
    expect(visitor.locator("h1")).to_have_text(TRANSLATIONS["Title"])
    expect(visitor.locator("main")).to_contain_text(TRANSLATIONS["Paragraph"])

    page.goto(f"/admin/pages/{source.pk}/edit/")
    expect(page).not_to_have_url(re.compile(rf"/admin/pages/{source.pk}/edit/"))
    expect(page.locator(".messages")).to_contain_text("do not have permission")
    expect(page.locator("#page-edit-form")).to_have_count(0)
