"""Journey 4: the main navigation, the language switcher and the hub filters with the
keyboard alone, with a visible focus; nothing wider than a 375 px screen."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hub.models import ArticlePage, HubIndexPage, WebinarPage
from reopening.models import ReopeningFaqPage, ReopeningPage

from .conftest import MOBILE

LANGUAGES = ["it", "en"]
OTHER = {"it": "en", "en": "it"}

HAS_VISIBLE_FOCUS = """element => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    return element === document.activeElement && (outline || style.boxShadow !== "none");
}"""


def tab_to(page, locator, limit=80):
    """Presses Tab until `locator` has the focus, and checks that the focus shows."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("element => element === document.activeElement", target):
            assert target.evaluate(HAS_VISIBLE_FOCUS), "the focused element shows no focus ring"
            return
    pytest.fail(f"Tab never reached {locator}")


def live(model, language, **filters):
    return model.objects.live().filter(locale__language_code=language, **filters).first()


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_navigation_works_with_the_keyboard(page, language):
    hub = live(HubIndexPage, language)
    page.goto(f"/{language}/")
    tab_to(page, page.locator(".skip-link"))
    link = page.locator(f".site-nav a[href='{hub.url}']")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(hub.url) + "$"))
    expect(page.locator(f".site-nav a[href='{hub.url}']")).to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_works_with_the_keyboard(page, language):
    reopening = live(ReopeningPage, language)
    translation = reopening.get_translation(live(ReopeningPage, OTHER[language]).locale)
    page.goto(reopening.url)
    tab_to(page, page.locator(f".language-switcher a[hreflang='{OTHER[language]}']"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(translation.url) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", OTHER[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_hub_filters_work_with_the_keyboard(page, language):
    page.goto(live(HubIndexPage, language).url)
    kind = page.locator("#filter-kind")
    tab_to(page, kind)
    page.keyboard.press("ArrowDown")
    expect(kind).to_have_value("article")
    tab_to(page, page.locator(".filters button[type=submit]"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]kind=article"))
    expect(page.locator("#filter-kind")).to_have_value("article")


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_overflows_a_375_px_screen(new_page, language):
    page = new_page(viewport=MOBILE)
    hub = live(HubIndexPage, language)
    urls = [
        f"/{language}/",
        hub.url,
        f"{hub.url}?kind=webinar",
        live(ArticlePage, language).url,
        live(WebinarPage, language, starts_at__gt=timezone.now()).url,
        live(ReopeningPage, language).url,
        live(ReopeningFaqPage, language).url,
    ]
    wide = {}
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > MOBILE["width"]:
            wide[url] = width
    assert not wide, f"wider than {MOBILE['width']} px: {wide}"
