"""axe-core on every page type, in both languages, with the WCAG 2.0, 2.1 and 2.2 A and AA
rules (colour contrast included): zero violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from hub.models import (
    ArticlePage,
    CoursePage,
    DeepDivePage,
    HubIndexPage,
    Speaker,
    TalkPage,
    ToolPage,
    TopicPage,
    WebinarPage,
)
from reopening.models import ReopeningFaqPage, ReopeningInfoPage, ReopeningPage

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGUAGES = ["it", "en"]
SEARCH_TERMS = {"it": "lavoro", "en": "work"}

axe = Axe()


def first_live(model, language, **filters):
    return (
        model.objects.live()
        .filter(locale__language_code=language, **filters)
        .order_by("path")
        .first()
    )


def page_types(language):
    """One URL for each kind of page a visitor can reach."""
    now = timezone.now()
    hub = first_live(HubIndexPage, language)
    speaker = Speaker.objects.filter(locale__language_code=language).order_by("pk").first()
    search_path = "/it/cerca/" if language == "it" else "/en/search/"
    return {
        "home": (f"/{language}/", 200),
        "hub index": (hub.url, 200),
        "hub index, filtered": (f"{hub.url}?kind=webinar&audience=companies", 200),
        "topic": (first_live(TopicPage, language).url, 200),
        "article": (first_live(ArticlePage, language).url, 200),
        "upcoming webinar": (first_live(WebinarPage, language, starts_at__gt=now).url, 200),
        "past webinar": (first_live(WebinarPage, language, starts_at__lt=now).url, 200),
        "course": (first_live(CoursePage, language).url, 200),
        "talk": (first_live(TalkPage, language).url, 200),
        "tool": (first_live(ToolPage, language).url, 200),
        "deep-dive": (first_live(DeepDivePage, language).url, 200),
        "speaker": (hub.specific.route_url("speakers", speaker.slug), 200),
        "speakers index": (hub.specific.route_url("speakers"), 200),
        "webinars on demand": (hub.specific.route_url("on-demand"), 200),
        "search results": (f"{search_path}?q={SEARCH_TERMS[language]}", 200),
        "reopening landing": (first_live(ReopeningPage, language).url, 200),
        "reopening information": (first_live(ReopeningInfoPage, language).url, 200),
        "FAQ": (first_live(ReopeningFaqPage, language).url, 200),
        "404": (f"/{language}/no-such-page/", 404),
    }


def describe(violations):
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_wcag_violation(page, language):
    checked = {}
    for name, (url, status) in page_types(language).items():
        response = page.goto(url)
        assert response.status == status, f"{name}: {url} answered {response.status}"
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("lang") == language
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        checked[f"{name} ({url})"] = results.response["violations"]
    failures = {name: describe(found) for name, found in checked.items() if found}
    assert not failures, "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())
