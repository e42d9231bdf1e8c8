"""Journey 2: an editor writes an article in Wagtail's admin, previews it, publishes it,
and visitors find it in the hub, first among the articles (upcoming webinars, dated by
when they start, stay ahead of it in the unfiltered listing)."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from hub.models import ArticlePage, HubIndexPage

from .conftest import screenshot

TITLE = "Ripartire in sicurezza: che cosa abbiamo imparato"
HEADING = "Che cosa cambia a settembre"
PARAGRAPH = "Le lezioni tornano in aula con posti prenotati e ingressi scaglionati."
ALT_TEXT = "Un'aula del campus con i posti distanziati"


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


# The body's panel. Wagtail names panels after their tab's heading in the language of the
# first editor that rendered the form in this process ("content" or "contenuto"), so only
# the end of the id is the field's own.
BODY = "[id^='panel-child-'][id$='-body-content']"


def insert_block(page, label):
    body = page.locator(BODY)
    button = body.get_by_role("button", name="Insert a block").last
    expect(button).to_be_visible(timeout=30_000)
    button.click()
    page.get_by_role("option", name=label, exact=True).first.click()


def test_editor_publishes_an_article_that_leads_the_hub(new_page):
    page = new_page(locale="en-GB")
    get_user_model().objects.create_superuser("editor", "editor@example.com", "password")
    hub = HubIndexPage.objects.get(locale__language_code="it")
    log_in(page, "editor", "password")
    page.goto(f"/admin/pages/add/hub/articlepage/{hub.pk}/")

    page.fill("#id_title", TITLE)
    page.locator("#id_contributors-0-speaker-chooser").get_by_role("button").first.click()
    page.locator(".modal [data-chooser-modal-choice]").first.click()
    expect(page.locator("#id_contributors-0-speaker-title")).not_to_be_empty()
    insert_block(page, "Heading")
    page.fill("#body-0-value-text", HEADING)
    insert_block(page, "Paragraph")
    page.locator(f"{BODY} .public-DraftEditor-content").last.click()
    page.keyboard.type(PARAGRAPH)
    insert_block(page, "Image")
    page.locator("#body-2-value-image-chooser").get_by_role("button").first.click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    page.fill("#body-2-value-alt_text", ALT_TEXT)
    topic_label = page.locator("label[for='id_topics_0']").text_content().strip()
    page.check("#id_topics_0")
    # Once the form is valid, Wagtail autosaves a draft and the editor goes on in the
    # page's edit view; publishing before that would post the form to the create view
    # a second time and collide with the draft's slug.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=15_000)
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved"
    )

    def preview_posted(response):
        return "/preview/" in response.url and response.request.method == "POST"

    with page.expect_response(preview_posted) as posted:
        page.get_by_role("button", name="Toggle preview").click()
    assert posted.value.json()["is_valid"] is True
    with page.context.expect_page() as preview_info:
        page.get_by_role("link", name="Preview in new tab").click()
    preview = preview_info.value
    expect(preview.locator("h1")).to_have_text(TITLE)
    expect(preview.locator("main h2", has_text=HEADING)).to_be_visible()
    expect(preview.locator("main", has_text=PARAGRAPH)).to_be_visible()
    expect(preview.locator(f'main img[alt="{ALT_TEXT}"]')).to_be_visible()
    preview.close()

    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{hub.pk}/$"))
    expect(page.locator(".messages")).to_contain_text("published")

    article = ArticlePage.objects.get(title=TITLE)
    assert article.live
    assert [block.block_type for block in article.body] == ["heading", "paragraph", "image"]
    assert [topic.name for topic in article.topics.all()] == [topic_label]

    visitor = new_page()
    visitor.goto(hub.url)
    # The newest item leads the whole hub, ahead of every other kind.
    expect(visitor.locator(".results .card__title a").first).to_have_text(TITLE)
    visitor.goto(f"{hub.url}?kind=article")
    first_card = visitor.locator(".results .card__title a").first
    expect(first_card).to_have_text(TITLE)
    first_card.click()
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator(f'main img[alt="{ALT_TEXT}"]')).to_be_visible()


def test_the_preview_panel_shows_every_page_type_in_both_languages(new_page):
    """The panel beside the form, not only the new tab: its frame holds the page itself,
    with the site's stylesheet applied, for each page type of the demo in each language."""
    from bs4 import BeautifulSoup
    from django.test import Client
    from wagtail.models import Page

    from .conftest import SCREENSHOTS

    get_user_model().objects.create_superuser("previewer", "previewer@example.com", "password")
    page = new_page(locale="en-GB")
    log_in(page, "previewer", "password")
    client = Client()
    seen = set()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for item in Page.objects.filter(depth__gt=1, live=True).order_by("path").specific():
        kind = (type(item).__name__, item.locale.language_code)
        if kind in seen:
            continue
        seen.add(kind)
        public = BeautifulSoup(client.get(item.url).content, "html.parser")
        page.goto(f"/admin/pages/{item.pk}/edit/")
        if "Translation of" in page.title():
            # A translation is edited in wagtail-localize's editor: its Preview menu lists
            # the preview modes, each opening a tab.
            page.get_by_role("button", name="Preview").click()
            with page.context.expect_page() as opened:
                page.locator("a[target=_blank][href*='preview']").first.click()
            document = shown = opened.value
        else:
            page.get_by_role("button", name="Toggle preview").click()
            document, shown = page.frame_locator("#w-preview-iframe"), page
        expect(document.locator("h1")).to_have_text(public.h1.get_text(" ", strip=True))
        # The site's own stylesheet was loaded and applied.
        styled = document.locator("body").evaluate(
            "body => [...body.ownerDocument.styleSheets].some("
            "sheet => sheet.href && sheet.href.includes('/css/main') && sheet.cssRules.length)"
        )
        assert styled, kind
        shown.screenshot(path=SCREENSHOTS / f"preview-{kind[0]}-{kind[1]}-1280.png")
        if shown is not page:
            shown.close()
    assert len(seen) >= 26, sorted(seen)


def test_dates_typed_by_hand_are_kept_as_typed(new_page):
    """An editor types a webinar's start the Italian way, the ISO way and wrongly: the first
    two are saved and shown day first after a reload; the third is refused with the form it
    expects, and the field still holds what was typed."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from hub.models import WebinarPage

    get_user_model().objects.create_superuser("scheduler", "scheduler@example.com", "password")
    webinar = WebinarPage.objects.filter(locale__language_code="it").first()
    page = new_page(locale="it-IT")
    log_in(page, "scheduler", "password")
    field = page.locator("#id_starts_at")
    save_draft = page.locator("footer").get_by_role("button", name="Salva bozza")
    for typed, shown, saved in [
        ("31/12/2026 18:00", "31/12/2026 18:00", datetime(2026, 12, 31, 18, 0)),
        ("2026-11-30 09:15", "30/11/2026 09:15", datetime(2026, 11, 30, 9, 15)),
    ]:
        page.goto(f"/admin/pages/{webinar.pk}/edit/")
        field.fill("")
        field.press_sequentially(typed)
        field.press("Tab")
        expect(field).to_have_value(typed)
        save_draft.click()
        expect(page.locator(".messages")).to_contain_text("aggiornata")
        page.reload()
        expect(field).to_have_value(shown)
        draft = WebinarPage.objects.get(pk=webinar.pk).get_latest_revision_as_object()
        assert draft.starts_at == saved.replace(tzinfo=ZoneInfo("Europe/Rome"))

    page.goto(f"/admin/pages/{webinar.pk}/edit/")
    field.fill("")
    field.press_sequentially("31/13/2026 18:00")
    field.press("Tab")
    save_draft.click()
    expect(page.locator(".error-message", has_text="per esempio 31/12/2026 18:00")).to_be_visible()
    expect(field).to_have_value("31/13/2026 18:00")


def test_publishing_right_after_the_last_keystroke_publishes_once(new_page):
    """Wagtail autosaves a new page as a draft once its form is valid; pressing Publish at
    any moment, before, during or after that autosave, publishes the page once."""
    get_user_model().objects.create_superuser("quick", "quick@example.com", "password")
    hub = HubIndexPage.objects.get(locale__language_code="it")
    page = new_page(locale="en-GB")
    log_in(page, "quick", "password")
    # Milliseconds between leaving the title and Publish: from before Wagtail's autosave
    # starts, through its request, to after it has created the draft.
    for attempt, pause in enumerate([0, 250, 500, 750, 1000, 1100, 1200, 1300, 1400, 2500]):
        title = f"Pubblicata subito {attempt}"
        page.goto(f"/admin/pages/add/hub/articlepage/{hub.pk}/")
        page.locator("#id_contributors-0-speaker-chooser").get_by_role("button").first.click()
        page.locator(".modal [data-chooser-modal-choice]").first.click()
        page.check("#id_topics_0")
        insert_block(page, "Paragraph")
        page.locator(f"{BODY} .public-DraftEditor-content").last.click()
        page.keyboard.type(PARAGRAPH)
        # The title last, as a person types it; then the menu, which leaves the title and so
        # starts Wagtail's autosave; then, after the pause, Publish.
        page.locator("#id_title").press_sequentially(title)
        page.locator("footer").get_by_role("button", name="More actions").click()
        page.wait_for_timeout(pause)
        page.get_by_role("button", name="Publish").click()
        expect(page).to_have_url(re.compile(rf"/admin/pages/{hub.pk}/$"))
        expect(page.locator(".messages")).to_contain_text("published")
        pages = ArticlePage.objects.filter(title=title)
        assert pages.count() == 1, (title, list(pages.values("pk", "live", "slug")))
        assert pages.get().live


def test_a_reviewers_day_in_the_italian_admin(new_page):
    """The editor changes a safety page and submits it; the reviewer finds it on the
    dashboard, compares it with the live version and asks for changes with a comment; the
    editor fixes and resubmits; the reviewer approves and visitors read the new text."""
    from django.contrib.auth.models import Group
    from wagtail.models import TaskState, WorkflowState
    from wagtail.users.models import UserProfile

    from reopening.models import ReopeningInfoPage

    people = {}
    for username, group in [("caporedattrice", "Editors"), ("revisora", "Reviewers")]:
        user = get_user_model().objects.create_user(
            username, f"{username}@som.polimi.it", "password"
        )
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "it"
        profile.save()
        people[username] = new_page(locale="it-IT")
        log_in(people[username], username, "password")
    editor, reviewer = people["caporedattrice"], people["revisora"]
    safety = ReopeningInfoPage.objects.filter(locale__language_code="it").first()
    first, second = "Ingressi scaglionati dalle 8:30.", "Ingressi scaglionati dalle 8:30 alle 9:30."

    def change_and_submit(text, button):
        editor.goto(f"/admin/pages/{safety.pk}/edit/")
        editor.fill("#id_introduction", text)
        editor.locator("footer").get_by_role("button", name="Altre azioni").click()
        editor.get_by_role("button", name=button).click()
        expect(editor.locator(".messages")).to_contain_text(safety.title)

    change_and_submit(first, re.compile(r"^Invia a "))
    reviewer.goto("/admin/")
    awaiting = (
        reviewer.locator("section, .w-panel")
        .filter(has_text="revisione")
        .filter(has_text=safety.title)
    )
    expect(awaiting.first).to_be_visible()
    screenshot(reviewer, "review-dashboard")
    latest = ReopeningInfoPage.objects.get(pk=safety.pk).latest_revision
    reviewer.goto(f"/admin/pages/{safety.pk}/revisions/compare/live...{latest.pk}/")
    expect(reviewer.locator("main")).to_contain_text("8:30")
    screenshot(reviewer, "review-compare")

    reviewer.goto(f"/admin/pages/{safety.pk}/edit/")
    reviewer.locator("footer").get_by_role("button", name="Altre azioni").click()
    reviewer.get_by_role("button", name="Richiedi modifiche").click()
    reviewer.locator(".modal textarea[name=comment]").fill("Indicate anche l'orario di fine.")
    reviewer.locator(".modal").get_by_role("button", name=re.compile("Richiedi modifiche")).click()
    expect(reviewer.locator(".messages")).to_contain_text(safety.title)

    change_and_submit(second, re.compile(r"^Invia di nuovo a "))
    reviewer.goto(f"/admin/pages/{safety.pk}/edit/")
    reviewer.locator("footer").get_by_role("button", name="Altre azioni").click()
    reviewer.get_by_role("button", name=re.compile(r"^Approva")).first.click()
    if reviewer.locator(".modal textarea[name=comment]").count():
        reviewer.locator(".modal").get_by_role("button", name=re.compile("Approva")).click()
    expect(reviewer.locator(".messages")).to_contain_text(safety.title)

    visitor = new_page()
    visitor.goto(safety.url)
    expect(visitor.locator("main")).to_contain_text(second)
    # One review, which asked for changes with the comment, then approved.
    state = WorkflowState.objects.filter(object_id=str(safety.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_APPROVED
    tasks = TaskState.objects.filter(workflow_state=state).order_by("started_at", "pk")
    assert [task.status for task in tasks] == ["rejected", "approved"]
    assert tasks[0].comment == "Indicate anche l'orario di fine."
