"""Review dates: kept per language through wagtail-localize, reported to editors when due,
recorded from the report, and validated in the admin page forms."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from reopening.models import ReopeningInfoPage

from .conftest import add_reopening_info_page, parse, publish_translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_setup")]

ROME = ZoneInfo("Europe/Rome")
REPORT = "/admin/reports/reopening-review/"


@pytest.fixture
def editor(client, admin_user):
    """A logged-in superuser whose admin is in English, so labels can be asserted."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    return admin_user


@pytest.fixture
def first_of_october(time_machine):
    time_machine.move_to(datetime.datetime(2020, 10, 1, 10, tzinfo=ROME), tick=False)
    return datetime.date(2020, 10, 1)


def translate_with_localize(page, locale, capture):
    """The translation of `page` into `locale` made (or synchronised) the way the admin's
    "Translate" and "Sync translated pages" actions make it."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    with capture(execute=True):
        translation.save_target(publish=True)
    return ReopeningInfoPage.objects.get(translation_key=page.translation_key, locale=locale)


def test_wagtail_localize_sync_keeps_each_language_review_date(
    reopening, locales, django_capture_on_commit_callbacks
):
    italian = add_reopening_info_page(
        reopening["it"],
        title="Regole",
        slug="regole",
        last_reviewed_on=datetime.date(2020, 9, 1),
        review_interval_days=30,
    )
    english = translate_with_localize(italian, locales["en"], django_capture_on_commit_callbacks)
    assert english.last_reviewed_on == datetime.date(2020, 9, 1)  # starts from the source

    english.last_reviewed_on = datetime.date(2020, 9, 10)
    english.save_revision().publish()

    italian = ReopeningInfoPage.objects.get(pk=italian.pk)
    italian.last_reviewed_on = datetime.date(2020, 9, 20)
    italian.review_interval_days = 14
    italian.save_revision().publish()
    english = translate_with_localize(italian, locales["en"], django_capture_on_commit_callbacks)

    assert english.last_reviewed_on == datetime.date(2020, 9, 10)
    assert english.review_interval_days == 14  # the interval is the same for every language
    assert english.review_due_on == datetime.date(2020, 9, 24)
    assert ReopeningInfoPage.objects.get(pk=italian.pk).last_reviewed_on == datetime.date(
        2020, 9, 20
    )


@pytest.fixture
def review_pages(reopening, locales, first_of_october):
    """Italian and English information pages around a review due on 1 October 2020."""
    section = reopening["it"]

    def page(title, reviewed, interval=30, live=True):
        created = add_reopening_info_page(
            section,
            title=title,
            slug=title.lower(),
            last_reviewed_on=reviewed,
            review_interval_days=interval,
        )
        if not live:
            created.unpublish()
        return created

    overdue = page("Sicurezza", datetime.date(2020, 8, 1))
    due_today = page("Accessi", datetime.date(2020, 9, 1))
    page("Lezioni", datetime.date(2020, 9, 15))
    page("Bozza", datetime.date(2020, 6, 1), live=False)
    short_interval = page("Mensa", datetime.date(2020, 9, 20), interval=7)
    english_overdue = publish_translation(overdue, locales["en"])
    english_overdue.title = "Safety"
    english_overdue.last_reviewed_on = datetime.date(2020, 9, 20)
    english_overdue.save_revision().publish()
    english_due_today = publish_translation(due_today, locales["en"])
    english_due_today.title = "Access"
    english_due_today.save_revision().publish()
    return {
        "overdue": overdue,
        "due_today": due_today,
        "short_interval": short_interval,
        "english_due_today": english_due_today,
    }


def report_rows(response):
    assert response.status_code == 200
    rows = []
    for row in parse(response).select("table tbody tr"):
        cells = row.select("td")
        rows.append(
            {
                "title": row.select_one("td a").get_text(strip=True),
                "flagged": "Differ between languages" in row.get_text(" ", strip=True),
                "cells": [cell.get_text(" ", strip=True) for cell in cells],
            }
        )
    return rows


def test_report_lists_exactly_the_pages_due_per_language(client, editor, review_pages):
    rows = report_rows(client.get(REPORT))
    assert [row["title"] for row in rows] == ["Sicurezza", "Mensa", "Access", "Accessi"]

    italian = report_rows(client.get(REPORT, {"locale": "it"}))
    assert [row["title"] for row in italian] == ["Sicurezza", "Mensa", "Accessi"]
    english = report_rows(client.get(REPORT, {"locale": "en"}))
    assert [row["title"] for row in english] == ["Access"]
    # The results-only view used when filters change gives the same rows.
    results = report_rows(client.get(f"{REPORT}results/", {"locale": "en"}))
    assert [row["title"] for row in results] == ["Access"]


def test_report_flags_pages_whose_languages_were_reviewed_on_different_days(
    client, editor, review_pages
):
    rows = {row["title"]: row for row in report_rows(client.get(REPORT))}
    assert rows["Sicurezza"]["flagged"]
    assert "English: 2020-09-20" in rows["Sicurezza"]["cells"]
    assert not rows["Accessi"]["flagged"]
    assert not rows["Access"]["flagged"]
    # No other language at all is not a difference.
    assert not rows["Mensa"]["flagged"]


def test_report_is_sortable(client, editor, review_pages):
    by_title = report_rows(client.get(REPORT, {"ordering": "title"}))
    assert [row["title"] for row in by_title] == ["Access", "Accessi", "Mensa", "Sicurezza"]
    newest_review_first = report_rows(client.get(REPORT, {"ordering": "-last_reviewed_on"}))
    assert newest_review_first[0]["title"] == "Mensa"
    assert newest_review_first[-1]["title"] == "Sicurezza"
    flagged_first = report_rows(client.get(REPORT, {"ordering": "-review_dates_differ"}))
    assert flagged_first[0]["title"] == "Sicurezza"


def test_report_exports_csv_and_xlsx(client, editor, review_pages):
    response = client.get(REPORT, {"locale": "it", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    # Wagtail streams the file after the view returns, so headings are in the site's
    # default language whatever the editor's preference; compare by column.
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert len(header) == 9
    assert [row[0] for row in rows] == ["Sicurezza", "Mensa", "Accessi"]
    assert rows[0] == [
        "Sicurezza",
        "it",
        "2020-08-01",
        "30",
        "2020-08-31",
        "31",
        "English: 2020-09-20",
        "True",
        "http://localhost/it/nice-to-mip-you/sicurezza/",
    ]

    response = client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = list(workbook.active.values)
    assert len(sheet[0]) == 9
    assert [row[0] for row in sheet[1:]] == ["Sicurezza", "Mensa", "Access", "Accessi"]
    assert sheet[3][1] == "en"


def test_report_needs_page_permissions(client, django_user_model, review_pages):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    user = django_user_model.objects.create_user("reader", password="password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    html = parse(client.get("/admin/"))
    assert html.select_one("#reopening-review-due-content") is None


def test_dashboard_panel_counts_the_pages_due(client, editor, review_pages):
    html = parse(client.get("/admin/"))
    panel = html.select_one("#reopening-review-due-content")
    assert panel is not None
    assert "Pages due for review: 4" in panel.get_text(" ", strip=True)
    assert "Italiano: 3" in panel.get_text(" ", strip=True)
    assert panel.select_one(f'a[href="{REPORT}"]') is not None


def test_dashboard_panel_is_absent_when_nothing_is_due(client, editor, reopening, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 2, 10, tzinfo=ROME), tick=False)
    add_reopening_info_page(
        reopening["it"], title="Nuova", slug="nuova", last_reviewed_on=datetime.date(2020, 9, 1)
    )
    assert parse(client.get("/admin/")).select_one("#reopening-review-due-content") is None


def test_marking_a_page_reviewed_records_today_in_its_language_only(
    client, editor, review_pages, first_of_october
):
    page = review_pages["due_today"]
    english = review_pages["english_due_today"]
    assert client.get(f"{REPORT}{page.pk}/reviewed/").status_code == 405
    response = client.post(f"{REPORT}{page.pk}/reviewed/", {"next": REPORT})
    assert response.status_code == 302
    assert response["Location"] == REPORT
    page = ReopeningInfoPage.objects.get(pk=page.pk)
    assert page.last_reviewed_on == first_of_october
    assert page.review_due_on == datetime.date(2020, 10, 31)
    assert page.live and not page.has_unpublished_changes
    assert page.live_revision.as_object().last_reviewed_on == first_of_october
    assert ReopeningInfoPage.objects.get(pk=english.pk).last_reviewed_on == datetime.date(
        2020, 9, 1
    )
    titles = [row["title"] for row in report_rows(client.get(REPORT))]
    assert "Accessi" not in titles
    assert "Access" in titles


def test_marking_reviewed_keeps_a_pending_draft(client, editor, review_pages, first_of_october):
    page = review_pages["overdue"]
    draft = page.get_latest_revision_as_object()
    draft.introduction = "Testo in bozza."
    draft.save_revision()
    response = client.post(f"{REPORT}{page.pk}/reviewed/", {"next": "https://evil.example.com/"})
    assert response["Location"] == REPORT
    page = ReopeningInfoPage.objects.get(pk=page.pk)
    assert page.last_reviewed_on == first_of_october
    assert page.introduction == ""  # the draft is still a draft
    latest = page.get_latest_revision_as_object()
    assert latest.introduction == "Testo in bozza."
    assert latest.last_reviewed_on == first_of_october


def info_page_form(**overrides):
    data = {
        "title": "Mensa",
        "slug": "mensa",
        "introduction": "",
        "last_reviewed_on": "2020-09-01",
        "review_interval_days": "30",
        "body": streamfield([("paragraph", rich_text("<p>Pranzo su turni.</p>"))]),
        "changes": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "listing_title": "",
        "summary": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def field_errors(response, name):
    field = parse(response).select_one(f'[data-contentpath="{name}"]')
    return [error.get_text(strip=True) for error in field.select(".error-message")]


@pytest.mark.parametrize("interval", ["0", "-5"])
def test_admin_refuses_a_review_interval_below_one_day(client, editor, reopening, interval):
    url = f"/admin/pages/add/reopening/reopeninginfopage/{reopening['it'].pk}/"
    response = client.post(url, info_page_form(review_interval_days=interval))
    assert response.status_code == 200
    assert field_errors(response, "review_interval_days") == [
        "The review interval must be at least one day."
    ]
    assert not ReopeningInfoPage.objects.exists()

    response = client.post(url, info_page_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    page = ReopeningInfoPage.objects.get()
    assert page.review_interval_days == 30
    assert page.review_due_on == datetime.date(2020, 10, 1)


def test_admin_edit_refuses_a_negative_review_interval(client, editor, reopening):
    page = add_reopening_info_page(reopening["it"], title="Mensa", slug="mensa")
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        info_page_form(review_interval_days="-1", **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert field_errors(response, "review_interval_days") == [
        "The review interval must be at least one day."
    ]
    assert ReopeningInfoPage.objects.get(pk=page.pk).review_interval_days == 30
    assert page.revisions.count() == 1


def test_only_publishers_can_mark_a_page_reviewed(client, django_user_model, review_pages):
    user = django_user_model.objects.create_user("reader", password="password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    page = review_pages["overdue"]
    response = client.post(f"{REPORT}{page.pk}/reviewed/", {"next": REPORT})
    # Wagtail answers a refused admin action with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert ReopeningInfoPage.objects.get(pk=page.pk).last_reviewed_on == datetime.date(2020, 8, 1)
