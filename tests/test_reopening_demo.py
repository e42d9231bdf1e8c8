"""The reopening demo content: a complete section in both languages, safe to load twice."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents.models import Document

from reopening.models import (
    AlertBanner,
    ReopeningChange,
    ReopeningFaqPage,
    ReopeningInfoPage,
    ReopeningPage,
)
from reopening.reports import pages_due_for_review

from .conftest import parse

pytestmark = pytest.mark.django_db


def counts():
    return [
        ReopeningPage.objects.count(),
        ReopeningInfoPage.objects.count(),
        ReopeningFaqPage.objects.count(),
        ReopeningChange.objects.count(),
        AlertBanner.objects.count(),
        Document.objects.count(),
    ]


def block_types(pages):
    return {block.block_type for page in pages for block in page.body}


def test_demo_has_the_whole_section_in_both_languages_once(client, demo, admin_user):
    for language in ("it", "en"):
        landing = ReopeningPage.objects.live().get(locale__language_code=language)
        assert (landing.reopening_date.month, landing.reopening_date.day) == (9, 14)
        assert landing.reopening_date > timezone.localdate()
        pages = list(ReopeningInfoPage.objects.child_of(landing).live())
        assert len(pages) >= 5
        assert {
            "checklist",
            "callout",
            "faq",
            "protocol_document",
            "contact_card",
        } <= block_types(pages)
        assert all(page.changes.exists() for page in pages)

        html = parse(client.get(landing.url))
        assert html.select_one(".reopening-status")["data-reopening-state"] == "upcoming"
        assert len(html.select(".reopening-card")) == len(pages) + 1
        assert landing.url in [a["href"] for a in html.select("nav.site-nav a")]

        faq = ReopeningFaqPage.objects.live().get(locale__language_code=language)
        assert len(parse(client.get(faq.url)).select("details summary")) >= 8

        banners = client.get(f"/alerts/{language}.json").json()["banners"]
        assert len(banners) == 1
        assert banners[0]["link"]["url"] == landing.url

    # English is English, not a copy of the Italian source.
    html = parse(client.get("/en/nice-to-mip-you/safety-rules/"))
    assert html.select_one("h1").get_text() == "Safety rules on campus"
    assert "Masks are mandatory" in html.get_text()
    assert "Mascherina" not in html.select_one("main").get_text()
    message = client.get("/alerts/en.json").json()["banners"][0]["message"]
    assert message.startswith("The campus reopens on 14 September")

    document = Document.objects.get(title="Protocollo di sicurezza del campus MIP")
    with document.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The review report has something to show: an overdue Italian page, mismatched dates.
    due = list(pages_due_for_review(admin_user))
    assert any(page.locale.language_code == "it" for page in due)
    assert any(page.review_dates_differ for page in due)

    # Loading again adds nothing.
    before = counts()
    call_command("load_demo_data", stdout=io.StringIO())
    assert counts() == before
