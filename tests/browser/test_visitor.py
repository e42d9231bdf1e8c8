"""Journey 1: a visitor on the public site, in Italian and in English."""

import re
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from hub.models import WebinarPage
from hub.queries import topics_in_language
from reopening.models import ReopeningFaqPage

from .conftest import MOBILE, screenshot

LANGUAGES = ["it", "en"]


def upcoming_webinar(language):
    return (
        WebinarPage.objects.live()
        .filter(locale__language_code=language, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )


def test_root_lands_on_italian_home_and_switches_to_the_same_page_in_english(new_page):
    page = new_page(locale="fr-FR")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/it/$"))
    expect(page.locator("html")).to_have_attribute("lang", "it")

    page.locator(".language-switcher a[hreflang='en']").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto("/it/keeponlearning/")
    page.locator(".language-switcher a[hreflang='en']").click()
    expect(page).to_have_url(re.compile(r"/en/keeponlearning/$"))
    expect(page.locator(".language-switcher [aria-current]")).to_have_attribute("lang", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hub_filters_lead_to_an_upcoming_webinar_and_its_calendar_file(new_page, language):
    webinar = upcoming_webinar(language)
    topic = topics_in_language(webinar)[0]
    page = new_page()
    page.goto(f"/{language}/")
    page.locator(".site-nav").get_by_role("link", name="KeepONLearning").click()
    expect(page.locator("h1")).to_have_text("KeepONLearning")
    hub_url = page.url

    page.select_option("#filter-topic", topic.slug)
    page.select_option("#filter-kind", "webinar")
    page.locator(".filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"[?&]topic={topic.slug}"))
    expect(page).to_have_url(re.compile(r"[?&]kind=webinar"))
    kinds = page.locator(".results .card__kind")
    expect(kinds.first).to_be_visible()
    assert set(kinds.all_text_contents()) == {"Webinar"}
    filtered_url = page.url

    page.get_by_role("link", name=webinar.title, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(webinar.title)
    expect(page.locator(".badge--upcoming")).to_be_visible()
    with page.expect_download() as download_info:
        page.locator("a[type='text/calendar']").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == [webinar.title]

    page.go_back()
    expect(page).to_have_url(filtered_url)
    assert page.url.startswith(hub_url.split("?")[0])


@pytest.mark.parametrize(("language", "query"), [("it", "supply chain"), ("en", "supply chain")])
def test_search_opens_a_result(page, language, query):
    page.goto(f"/{language}/")
    page.fill("#site-search-query", query)
    page.press("#site-search-query", "Enter")
    results = page.locator(".search-result__title a")
    expect(results.first).to_be_visible()
    title = results.first.text_content().strip()
    results.first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_answer_opens_with_the_keyboard_alone(page, language):
    faq = ReopeningFaqPage.objects.live().get(locale__language_code=language)
    page.goto(faq.get_parent().url)
    page.get_by_role("link", name=faq.title).first.click()
    expect(page.locator("h1")).to_have_text(faq.title)

    question = page.locator("summary.faq__question").first
    answer = page.locator(".faq__answer").first
    expect(answer).to_be_hidden()
    for _ in range(60):
        page.keyboard.press("Tab")
        if question.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first question")
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    page.keyboard.press("Enter")
    expect(answer).to_be_hidden()


BANNERS_WHEN_MAIN_ARRIVES = """
new MutationObserver(function (records, observer) {
    if (document.querySelector("main")) {
        window.bannersWhenMainArrived = document.querySelectorAll(".alert-banner").length;
        observer.disconnect();
    }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_dismissed_alert_banner_stays_dismissed_after_a_reload(page, language):
    page.goto(f"/{language}/")
    banner = page.locator(".alert-banner").first
    expect(banner).to_be_visible()
    page.locator(".alert-banner__dismiss").first.click()
    expect(page.locator(".alert-banner")).to_have_count(0)

    # The page carries the banner; the browser hides it before the first paint: when the
    # main content arrives the banner is already gone, under a policy that runs no inline
    # script, and the browser reports no violation of it.
    violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and violations.append(message),
    )
    page.add_init_script(BANNERS_WHEN_MAIN_ARRIVES)
    page.reload()
    expect(page.locator("[data-alert-banners]")).to_be_attached()
    assert page.evaluate("window.bannersWhenMainArrived") == 0
    assert violations == []
    expect(page.locator(".alert-banner")).to_have_count(0)
    expect(page.locator("[data-alert-banners]")).not_to_have_attribute("role", "region")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_screenshots_of_the_main_pages(new_page, language, viewport):
    page = new_page(viewport=MOBILE) if viewport == "mobile" else new_page()
    webinar = upcoming_webinar(language)
    faq = ReopeningFaqPage.objects.live().get(locale__language_code=language)
    pages = {
        "home": f"/{language}/",
        "hub": webinar.get_parent().url,
        "webinar": webinar.url,
        "reopening": faq.get_parent().url,
    }
    for name, url in pages.items():
        response = page.goto(url)
        assert response.status == 200
        page.wait_for_load_state("networkidle")
        screenshot(page, f"{name}-{language}")
