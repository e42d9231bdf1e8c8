"""Syncing without surprises, the PO round trip, bad PO files, and the Translations report."""

import csv
import io

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from home.models import StandardPage

from .conftest import parse, sync_translations
from .factories import StandardPageFactory
from .test_translators_permissions import translate

pytestmark = pytest.mark.django_db


def italian_page(parent, slug="corsi", **fields):
    fields.setdefault("title", "Corsi online")
    fields.setdefault("summary", "Tutti i corsi del MIP.")
    fields.setdefault("introduction", "Impara da casa.")
    page = StandardPageFactory(parent=parent, slug=slug, **fields)
    page.save_revision().publish()
    return page


EXPORT_FIELDS = ["title", "kind", "section", "source_language", "language", "state", "progress"]


def report_rows(client, **filters):
    """The report's CSV export, one dict a row, keyed by field (headings are translated)."""
    response = client.get(reverse("translators_report:index"), {"export": "csv", **filters})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    _headings, *rows = csv.reader(io.StringIO(content))
    return [dict(zip(EXPORT_FIELDS, row, strict=True)) for row in rows]


def row_for(rows, title, language="English"):
    return next(row for row in rows if row["title"] == title and row["language"] == language)


def test_sync_keeps_translations_of_unchanged_segments(
    client, users, home_pages, locales, django_capture_on_commit_callbacks
):
    italian = italian_page(home_pages["it"])
    english = translate(
        italian,
        locales["en"],
        {
            "Corsi online": "Online courses",
            "Tutti i corsi del MIP.": "All of MIP's courses.",
            "Impara da casa.": "Learn from home.",
            "corsi": "courses",
        },
    )
    client.force_login(users["editor"])
    assert row_for(report_rows(client), "Corsi online")["state"] == "up_to_date"

    # The editor changes one field of the source and publishes it.
    italian.introduction = "Impara da casa, con i nostri docenti."
    italian.save_revision().publish()
    assert row_for(report_rows(client), "Corsi online")["state"] == "outdated"
    english.refresh_from_db()
    assert english.introduction == "Learn from home."  # nothing overwritten on publish

    sync_translations(client, italian.translation_key, django_capture_on_commit_callbacks)
    english.refresh_from_db()
    # The translator's work on unchanged segments survives the sync; the changed segment
    # shows the new source text until it is translated.
    assert english.title == "Online courses"
    assert english.summary == "All of MIP's courses."
    assert english.slug == "courses"
    assert english.introduction == "Impara da casa, con i nostri docenti."
    assert row_for(report_rows(client), "Corsi online")["state"] == "up_to_date"


def test_deleting_the_source_keeps_the_translation(client, users, home_pages, locales):
    italian = italian_page(home_pages["it"])
    english = translate(italian, locales["en"], {"Corsi online": "Online courses"})
    translations_before = StringTranslation.objects.filter(locale=locales["en"]).count()
    italian.delete()
    english.refresh_from_db()
    assert english.title == "Online courses"
    assert StringTranslation.objects.filter(locale=locales["en"]).count() == translations_before
    assert client.get("/en/courses/").status_code in (200, 404)
    assert Page.objects.filter(pk=english.pk).exists()


def submit_draft_translation(client, page, locale):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def fill(po, translations):
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, f"EN {entry.msgid}")
    return po


def upload(client, translation, content):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("page.po", content), "next": "/admin/"},
        follow=True,
    )


def test_po_round_trip(client, users, home_pages, locales, django_capture_on_commit_callbacks):
    italian = italian_page(home_pages["it"])
    client.force_login(users["en"])
    translation = submit_draft_translation(client, italian, locales["en"])
    english = italian.get_translation(locales["en"])
    assert not english.live

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    fill(po, {"Corsi online": "Online courses", "corsi": "courses"})
    response = upload(client, translation, str(po).encode())
    tags = [m.level_tag for m in response.context["messages"]]
    assert "error" not in tags
    assert tags[-1] == "success"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    english.refresh_from_db()
    assert english.live
    client.logout()
    response = client.get("/en/courses/")
    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == "Online courses"
    assert "EN Impara da casa." in soup.get_text()


@pytest.mark.parametrize(
    "problem",
    ["another_translation", "malformed", "unknown_message", "no_metadata"],
)
def test_bad_po_file_is_refused_and_nothing_saved(client, users, home_pages, locales, problem):
    client.force_login(users["en"])
    first = submit_draft_translation(client, italian_page(home_pages["it"]), locales["en"])
    other_page = italian_page(home_pages["it"], slug="webinar", title="Webinar")
    other = submit_draft_translation(client, other_page, locales["en"])
    po = fill(polib.pofile(str(first.export_po())), {})
    if problem == "another_translation":
        content = str(fill(polib.pofile(str(other.export_po())), {})).encode()
    elif problem == "malformed":
        content = b'msgid "unterminated\nmsgstr 42 ""\n\x00\xff'
    elif problem == "unknown_message":
        po.append(polib.POEntry(msgid="Nessuno ha scritto questo", msgstr="Nobody wrote this"))
        content = str(po).encode()
    else:
        po.metadata = {}
        content = str(po).encode()
    before = StringTranslation.objects.count()
    response = upload(client, first, content)
    assert response.status_code == 200
    errors = [m.message for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1
    assert StringTranslation.objects.count() == before


def test_report_lists_every_state_and_filters(client, users, home_pages, locales):
    up_to_date = italian_page(home_pages["it"], slug="aggiornata", title="Aggiornata")
    translate(up_to_date, locales["en"])
    outdated = italian_page(home_pages["it"], slug="vecchia", title="Vecchia")
    translate(outdated, locales["en"])
    outdated.introduction = "Un testo nuovo da tradurre."
    outdated.save_revision().publish()
    # Published again with no new text to translate: still up to date.
    up_to_date.save_revision().publish()
    italian_page(home_pages["it"], slug="mancante", title="Mancante")
    in_progress = italian_page(home_pages["it"], slug="in-corso", title="In corso")
    client.force_login(users["en"])
    translation = submit_draft_translation(client, in_progress, locales["en"])
    po = polib.pofile(str(translation.export_po()))
    po[0].msgstr = "In progress"
    upload(client, translation, str(po).encode())
    total = len(po)

    rows = report_rows(client)
    states = {row["title"]: row["state"] for row in rows if row["language"] == "English"}
    assert states["Aggiornata"] == "up_to_date"
    assert states["Vecchia"] == "outdated"
    assert states["Mancante"] == "missing"
    assert states["In corso"] == "in_progress"
    assert row_for(rows, "In corso")["progress"] == str(round(100 / total))

    missing = report_rows(client, state="missing", language="en")
    assert {row["state"] for row in missing} == {"missing"}
    assert "Mancante" in {row["title"] for row in missing}
    assert "Aggiornata" not in {row["title"] for row in missing}

    response = client.get(reverse("translators_report:index"), {"state": "missing"})
    assert response.status_code == 200
    soup = parse(response)
    links = [a["href"] for a in soup.select("td a.button")]
    mancante = StandardPage.objects.get(slug="mancante")
    assert (
        reverse("wagtail_localize:submit_page_translation", args=[mancante.pk])
        + "?select_locale=en"
        in links
    )
    xlsx = client.get(reverse("translators_report:index"), {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_dashboard_panel_counts(client, users, home_pages, locales):
    italian_page(home_pages["it"], slug="mancante", title="Mancante")
    client.force_login(users["en"])
    soup = parse(client.get(reverse("wagtailadmin_home")))
    panel = soup.find(id="translations-status-section")
    assert panel is not None
    english = next(
        tr for tr in panel.find_all("tr") if tr.td and tr.td.get_text(strip=True) == "English"
    )
    counts = {td["data-state"]: td.get_text(strip=True) for td in english.select("td[data-state]")}
    missing = report_rows(client, state="missing", language="en")
    assert "Mancante" in {row["title"] for row in missing}
    assert counts["missing"] == str(len(missing))
    assert set(counts) == {"up_to_date", "outdated", "in_progress", "missing"}


def test_report_is_refused_to_users_without_page_rights(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="password")
    client.force_login(user)
    response = client.get(reverse("translators_report:index"))
    assert response.status_code in (302, 403)
    assert response.get("Location") != reverse("translators_report:index")


def test_section_sync_shows_changes_then_syncs_keeping_translations(
    client, users, home_pages, locales, django_capture_on_commit_callbacks
):
    section = italian_page(home_pages["it"], slug="sezione", title="Sezione")
    child = italian_page(section, slug="figlia", title="Figlia", introduction="Testo vecchio.")
    unchanged = italian_page(section, slug="ferma", title="Ferma")
    for page in (section, child, unchanged):
        translate(page, locales["en"], {"Figlia": "Daughter"})
    child.introduction = "Testo nuovo."
    child.save_revision().publish()

    client.force_login(users["en"])
    url = reverse("translators_report:sync_section", args=[section.pk])
    soup = parse(client.get(url))
    pending = soup.select("section.translations-sync")
    assert [int(item["data-page"]) for item in pending] == [child.pk]
    assert [li.get_text() for li in pending[0].select('[data-change="added"]')] == ["Testo nuovo."]
    assert [li.get_text() for li in pending[0].select('[data-change="removed"]')] == [
        "Testo vecchio."
    ]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish": "on"})
    assert response.status_code == 302
    english = child.get_translation(locales["en"])
    assert english.title == "Daughter"
    assert english.introduction == "Testo nuovo."
    assert parse(client.get(url)).select("section.translations-sync") == []


def test_section_sync_is_refused_to_translators_of_the_source_language(
    client, users, home_pages, locales
):
    section = italian_page(home_pages["it"], slug="sezione", title="Sezione")
    translate(section, locales["en"])
    section.introduction = "Testo nuovo."
    section.save_revision().publish()
    client.force_login(users["it"])
    url = reverse("translators_report:sync_section", args=[section.pk])
    assert parse(client.get(url)).select("section.translations-sync") == []
    client.post(url, {"publish": "on"})
    assert section.get_translation(locales["en"]).introduction != "Testo nuovo."


def test_report_hides_drafts_from_those_who_cannot_read_them(client, users, home_pages):
    StandardPageFactory(parent=home_pages["it"], title="Bozza segreta", slug="bozza", live=False)
    client.force_login(users["en"])
    assert "Bozza segreta" not in {row["title"] for row in report_rows(client)}
    client.force_login(users["editor"])
    assert "Bozza segreta" in {row["title"] for row in report_rows(client)}
