"""Alert banners: what /alerts/<language>.json offers, the banners every page carries in
its HTML (of its language and section, shown and gone on time without a save, the page
cached no longer than until the next change), and the admin form that refuses a banner
ending before it starts."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from reopening.models import AlertBanner

from .conftest import add_reopening_info_page, parse
from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
START = datetime.datetime(2020, 9, 1, 8, tzinfo=ROME)
END = datetime.datetime(2020, 9, 30, 20, tzinfo=ROME)


def banner(locale, message, **fields):
    fields = {"starts_at": START, "ends_at": END, **fields}
    return AlertBanner.objects.create(locale=locale, message=message, **fields)


def messages(client, language="it"):
    response = client.get(f"/alerts/{language}.json")
    assert response.status_code == 200
    return [item["message"] for item in response.json()["banners"]]


@pytest.mark.parametrize(
    ("now", "shown"),
    [
        (datetime.datetime(2020, 9, 1, 7, 59, tzinfo=ROME), False),
        (START, True),
        (datetime.datetime(2020, 9, 15, 12, tzinfo=ROME), True),
        (datetime.datetime(2020, 9, 30, 19, 59, tzinfo=ROME), True),
        (END, False),
        (datetime.datetime(2020, 12, 1, tzinfo=ROME), False),
    ],
)
def test_banners_show_only_within_their_dates(client, locales, time_machine, now, shown):
    banner(locales["it"], "Il campus riapre il 14 settembre.")
    time_machine.move_to(now, tick=False)
    assert messages(client) == (["Il campus riapre il 14 settembre."] if shown else [])


def test_banners_show_in_their_own_language(client, home_pages, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["it"], "Solo in italiano.")
    banner(locales["en"], "English only.")
    assert messages(client, "it") == ["Solo in italiano."]
    assert messages(client, "en") == ["English only."]


def test_banners_come_most_severe_first_then_newest(client, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["it"], "Informazione vecchia.", severity="info")
    banner(
        locales["it"],
        "Informazione nuova.",
        severity="info",
        starts_at=START + datetime.timedelta(days=1),
    )
    banner(locales["it"], "Urgente.", severity="urgent")
    banner(locales["it"], "Attenzione.", severity="warning")
    assert messages(client) == [
        "Urgente.",
        "Attenzione.",
        "Informazione nuova.",
        "Informazione vecchia.",
    ]


def english_reopening_banners(locales, reopening, protocol_label=""):
    """A warning for the reopening section linking to its Italian landing page, and a
    site-wide notice linking elsewhere; both in English."""
    banner(
        locales["en"],
        "The campus reopens on 14 September.",
        severity="warning",
        scope="reopening",
        link_page=reopening["it"],
        link_label="All about it",
    )
    banner(
        locales["en"],
        "Read the protocol.",
        link_url="https://www.polimi.it/",
        link_label=protocol_label,
    )


def test_banner_json_describes_each_banner(client, reopening, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    english_reopening_banners(locales, reopening, protocol_label="Protocol")
    response = client.get("/alerts/en.json")
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    data = response.json()
    assert data["language"] == "en"
    assert data["labels"] == {"region": "Announcements", "dismiss": "Dismiss"}
    first, second = data["banners"]
    assert first["severity"] == "warning"
    assert first["severity_label"] == "Warning"
    assert first["scope"] == "reopening"
    # A link to an Italian page leads English visitors to its English version.
    assert first["link"] == {
        "url": "/en/nice-to-mip-you/",
        "label": "All about it",
        "language": "en",
    }
    assert second["scope"] == "site"
    assert second["link"] == {
        "url": "https://www.polimi.it/",
        "label": "Protocol",
        "language": "en",
    }
    assert first["language"] == "en" and first["note"] == ""
    assert re.fullmatch(r"[0-9a-f]{12}", first["version"])
    assert set(first) == {
        "id",
        "version",
        "severity",
        "severity_label",
        "scope",
        "message",
        "language",
        "note",
        "link",
    }


def test_a_changed_banner_gets_a_new_version(client, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    item = banner(locales["it"], "Prima versione.")
    before = client.get("/alerts/it.json").json()["banners"][0]
    assert client.get("/alerts/it.json").json()["banners"][0]["version"] == before["version"]
    time_machine.move_to(datetime.datetime(2020, 9, 11, tzinfo=ROME), tick=False)
    item.message = "Seconda versione."
    item.save()
    after = client.get("/alerts/it.json").json()["banners"][0]
    assert after["id"] == before["id"]
    assert after["version"] != before["version"]


@pytest.mark.parametrize("language", ["fr", "xx", "IT", "en-gb", "it.json"])
def test_unknown_language_is_404(client, locales, language):
    assert client.get(f"/alerts/{language}.json").status_code == 404


def page_banners(response):
    """(id, version, severity, severity label, message, link) of each banner of a page."""
    html = parse(response)
    found = []
    for block in html.select("[data-alert-banners] .alert-banner"):
        link = block.select_one(".alert-banner__link")
        message = block.select_one(f"#alert-banner-{block['data-alert-id']}-message")
        note = block.select_one(".alert-banner__note")
        found.append(
            {
                "id": int(block["data-alert-id"]),
                "version": block["data-alert-version"],
                "severity": block["class"][1].removeprefix("alert-banner--"),
                "severity_label": block.select_one(".alert-banner__severity").get_text(),
                "message": message.get_text(),
                # The words' language: marked where it is not the page's.
                "language": message.get("lang") or html.html["lang"],
                "note": note.get_text() if note else "",
                "link": {
                    "url": link["href"],
                    "label": link.get_text(),
                    "language": link.get("lang") or html.html["lang"],
                }
                if link
                else None,
            }
        )
    return found


def page_messages(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return [item["message"] for item in page_banners(response)]


def test_every_page_has_the_banner_region_and_says_where_it_is(
    client, reopening, locales, time_machine
):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["it"], "Avviso per tutto il sito.")
    banner(locales["en"], "A notice for the whole site.")
    StandardPageFactory(parent=reopening["it"].get_parent(), title="Chi siamo", slug="chi-siamo")
    add_reopening_info_page(reopening["it"], title="Regole", slug="regole")
    expected = {
        "/it/": "site",
        "/en/": "site",
        "/it/chi-siamo/": "site",
        "/it/cerca/?q=campus": "site",
        "/it/nice-to-mip-you/": "reopening",
        "/en/nice-to-mip-you/": "reopening",
        "/it/nice-to-mip-you/regole/": "reopening",
        "/en/does-not-exist/": "site",
    }
    for path, section in expected.items():
        response = client.get(path)
        html = parse(response)
        containers = html.select("[data-alert-banners]")
        assert len(containers) == 1, path
        container = containers[0]
        assert container["data-section"] == section, path
        assert not container.has_attr("data-endpoint"), path
        assert container["role"] == "region", path
        assert container["aria-label"] in ("Announcements", "Annunci", "Avvisi"), path
        assert len(container.select(".alert-banner")) == 1, path
        # Right after the header, before the main content.
        assert container.find_previous_sibling("header")["class"] == ["site-header"]
        assert container.find_next_sibling("main") is not None
        script = html.select_one('script[src$="js/alert-banners.js"]')
        assert script.has_attr("defer"), path
        # No inline JavaScript: the file that hides dismissed banners comes right after them,
        # without defer, so it runs before the first paint under `script-src 'self'`.
        policy = response["Content-Security-Policy"]
        assert re.search(r"(^|; )script-src 'self'(;|$)", policy), path
        inline = [
            element
            for element in html.select("script")
            if not element.has_attr("src") and element.get("type") != "application/ld+json"
        ]
        assert inline == [], path
        early = container.select("script")
        assert len(early) == 1, path
        assert early[0] is container.find_all(recursive=False)[-1], path
        assert early[0]["src"].endswith("js/alert-banners-early.js"), path
        assert not early[0].has_attr("defer") and not early[0].has_attr("async"), path


def test_a_page_without_banners_has_an_empty_region_and_no_inline_script(client, home_pages):
    html = parse(client.get("/it/"))
    container = html.select_one("[data-alert-banners]")
    assert container.contents == []
    assert not container.has_attr("role") and not container.has_attr("aria-label")
    for element in html.select("script"):
        assert element.has_attr("src") or element["type"] == "application/ld+json"


def test_pages_show_the_banners_of_their_language_and_section(
    client, reopening, locales, time_machine
):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["it"], "Informazione per tutti.", severity="info")
    banner(locales["it"], "Solo per la riapertura.", severity="warning", scope="reopening")
    banner(locales["en"], "English only.", severity="urgent")
    banner(locales["it"], "Finito.", ends_at=datetime.datetime(2020, 9, 9, tzinfo=ROME))
    banner(locales["it"], "Non ancora.", starts_at=datetime.datetime(2020, 9, 11, tzinfo=ROME))

    # A warning or an urgent banner not translated yet also shows in the other language.
    assert page_messages(client, "/it/") == ["English only.", "Informazione per tutti."]
    assert page_messages(client, "/it/nice-to-mip-you/") == [
        "English only.",
        "Solo per la riapertura.",
        "Informazione per tutti.",
    ]
    assert page_messages(client, "/en/") == ["English only."]
    assert page_messages(client, "/en/nice-to-mip-you/") == [
        "English only.",
        "Solo per la riapertura.",
    ]


def test_page_banners_carry_what_the_json_describes(client, reopening, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    english_reopening_banners(locales, reopening)
    banner(locales["en"], "Urgent <b>news</b>.", severity="urgent")
    expected = [
        {key: item[key] for key in item if key != "scope"}
        for item in client.get("/alerts/en.json").json()["banners"]
    ]
    response = client.get("/en/nice-to-mip-you/")
    assert page_banners(response) == expected
    assert [item["severity_label"] for item in expected] == ["Urgent", "Warning", "Information"]
    assert expected[1]["link"] == {
        "url": "/en/nice-to-mip-you/",
        "label": "All about it",
        "language": "en",
    }
    # Escaped, like the message the script used to insert as text.
    assert b"Urgent &lt;b&gt;news&lt;/b&gt;." in response.content

    html = parse(response)
    for block in html.select(".alert-banner"):
        assert block["role"] == "group"
        for target in block["aria-labelledby"].split():
            assert len(html.select(f"#{target}")) == 1
        button = block.select_one("button.alert-banner__dismiss")
        assert button["type"] == "button"
        assert button.get_text() == "Dismiss"
        assert html.select_one(f"#{button['aria-describedby']}") is not None


def test_page_banners_in_italian_use_the_italian_labels(client, home_pages, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["it"], "Avviso.", severity="warning")
    italian = client.get("/alerts/it.json").json()
    html = parse(client.get("/it/"))
    container = html.select_one("[data-alert-banners]")
    assert container["aria-label"] == italian["labels"]["region"]
    assert container.select_one(".alert-banner__dismiss").get_text() == italian["labels"]["dismiss"]
    assert (
        container.select_one(".alert-banner__severity").get_text()
        == italian["banners"][0]["severity_label"]
    )


def test_a_link_that_is_not_http_or_a_path_is_left_out(client, home_pages, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["it"], "Scarica.", link_url="ftp://example.com/file", link_label="File")
    (shown,) = page_banners(client.get("/it/"))
    assert shown["message"] == "Scarica."
    assert shown["link"] is None


def test_page_banners_cost_no_query_once_the_fragment_is_warm(
    client, home_pages, locales, time_machine
):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["it"], "Avviso.")
    client.get("/it/")
    with CaptureQueriesContext(connection) as captured:
        assert page_messages(client, "/it/") == ["Avviso."]
    assert not [query for query in captured if "alertbanner" in query["sql"]]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 300


def test_a_scheduled_banner_shows_and_goes_without_a_save(
    client, home_pages, locales, time_machine, page_cache
):
    time_machine.move_to(START - datetime.timedelta(minutes=10), tick=False)
    banner(locales["it"], "Il campus riapre il 14 settembre.")
    assert page_messages(client, "/it/") == []
    assert client.get("/it/")["X-Cache"] == "hit"

    time_machine.move_to(START, tick=False)
    with CaptureQueriesContext(connection) as captured:
        assert page_messages(client, "/it/") == ["Il campus riapre il 14 settembre."]
    # The page was rendered again, but the banners came from the cached fragment.
    assert not [query for query in captured if "alertbanner" in query["sql"]]

    time_machine.move_to(END, tick=False)
    assert page_messages(client, "/it/") == []


def cache_control(response):
    directives = {}
    for part in response["Cache-Control"].split(", "):
        name, _, value = part.partition("=")
        directives[name] = value or True
    return directives


def test_the_page_cache_lasts_until_the_next_banner_change(
    client, reopening, locales, time_machine, page_cache
):
    now = datetime.datetime(2020, 9, 10, 12, tzinfo=ROME)
    time_machine.move_to(now, tick=False)
    # Far away, or in another language or section: the whole lifetime.
    banner(locales["it"], "Più tardi.", starts_at=now + datetime.timedelta(days=1))
    banner(locales["en"], "Soon.", starts_at=now + datetime.timedelta(seconds=30))
    banner(
        locales["it"],
        "Presto, ma solo per la riapertura.",
        scope="reopening",
        starts_at=now + datetime.timedelta(seconds=20),
    )
    response = client.get("/it/")
    assert response["X-Cache"] == "miss"
    assert cache_control(response) == {
        "public": True,
        "max-age": "60",
        "s-maxage": "300",
        "stale-while-revalidate": "60",
    }

    # A banner ending in 90 seconds: the page lives 90 seconds, in the CDN too.
    banner(locales["it"], "In corso.", ends_at=now + datetime.timedelta(seconds=90))
    response = client.get("/it/")
    assert response["X-Cache"] == "miss"
    assert cache_control(response) == {"public": True, "max-age": "60", "s-maxage": "90"}
    time_machine.move_to(now + datetime.timedelta(seconds=89), tick=False)
    assert client.get("/it/")["X-Cache"] == "hit"
    time_machine.move_to(now + datetime.timedelta(seconds=90), tick=False)
    response = client.get("/it/")
    assert response["X-Cache"] == "miss"
    assert page_messages(client, "/it/") == []

    # In the reopening section the banner starting in 20 seconds bounds it.
    time_machine.move_to(now, tick=False)
    response = client.get("/it/nice-to-mip-you/")
    assert cache_control(response) == {"public": True, "max-age": "20", "s-maxage": "20"}
    assert [item["message"] for item in page_banners(response)] == ["In corso."]
    time_machine.move_to(now + datetime.timedelta(seconds=20), tick=False)
    assert page_messages(client, "/it/nice-to-mip-you/") == [
        "Presto, ma solo per la riapertura.",
        "In corso.",
    ]


@pytest.fixture
def editor(client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    return admin_user


def banner_form(**overrides):
    data = {
        "message": "Il campus riapre il 14 settembre.",
        "link_page": "",
        "link_url": "",
        "link_label": "",
        "severity": "info",
        "scope": "site",
        "starts_at": "2020-09-01 08:00",
        "ends_at": "2020-09-30 20:00",
    }
    data.update(overrides)
    return data


def field_errors(response, name):
    field = parse(response).select_one(f'[data-contentpath="{name}"]')
    return [error.get_text(strip=True) for error in field.select(".error-message")]


@pytest.mark.parametrize("ends_at", ["2020-08-31 08:00", "2020-09-01 08:00"])
def test_admin_refuses_a_banner_that_ends_before_it_starts(client, editor, locales, ends_at):
    url = "/admin/snippets/reopening/alertbanner/add/?locale=it"
    response = client.post(url, banner_form(ends_at=ends_at))
    assert response.status_code == 200
    assert field_errors(response, "ends_at") == ["The end must be after the start."]
    assert not AlertBanner.objects.exists()

    response = client.post(url, banner_form())
    assert response.status_code == 302
    created = AlertBanner.objects.get()
    assert created.locale == locales["it"]
    assert created.ends_at == datetime.datetime(2020, 9, 30, 20, tzinfo=ROME)


def test_admin_edit_refuses_a_banner_that_ends_before_it_starts(client, editor, locales):
    existing = banner(locales["it"], "Avviso.")
    response = client.post(
        f"/admin/snippets/reopening/alertbanner/edit/{existing.pk}/",
        banner_form(message="Avviso modificato.", ends_at="2020-08-01 00:00"),
    )
    assert response.status_code == 200
    assert field_errors(response, "ends_at") == ["The end must be after the start."]
    existing.refresh_from_db()
    assert existing.message == "Avviso."
    assert existing.ends_at == END


def test_admin_refuses_a_link_to_both_a_page_and_an_address(client, editor, home_pages):
    response = client.post(
        "/admin/snippets/reopening/alertbanner/add/?locale=it",
        banner_form(link_page=str(home_pages["it"].pk), link_url="https://www.polimi.it/"),
    )
    assert response.status_code == 200
    assert field_errors(response, "link_url") == ["Choose either a page or an external link."]
    assert not AlertBanner.objects.exists()


def test_an_untranslated_warning_reaches_the_other_language_marked_as_such(
    client, reopening, locales, time_machine
):
    """Safety reaches everyone: a warning or an urgent banner written only in Italian shows
    on English pages in Italian, with its language marked and a note in English; once
    translated, the English version shows instead. Information waits for its translation."""
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    urgent = banner(
        locales["it"],
        "Campus chiuso oggi per un guasto all'impianto elettrico.",
        severity="urgent",
        link_page=reopening["it"],
    )
    banner(locales["it"], "Nuovi orari della biblioteca.", severity="info")
    english = page_banners(client.get("/en/"))
    assert [item["message"] for item in english] == [urgent.message]
    assert english[0]["language"] == "it"
    assert english[0]["note"] == "Not yet translated into English."
    # Its link leads to the English page, named in English.
    assert english[0]["link"] == {
        "url": "/en/nice-to-mip-you/",
        "label": reopening["en"].title,
        "language": "en",
    }
    assert messages(client, "en") == [urgent.message]
    assert client.get("/alerts/en.json").json()["banners"][0]["note"]
    italian = page_banners(client.get("/it/"))
    assert [item["note"] for item in italian] == ["", ""]

    translated = urgent.copy_for_translation(locales["en"])
    translated.message = "Campus closed today because of an electrical fault."
    translated.save()
    english = page_banners(client.get("/en/"))
    assert [(item["message"], item["language"], item["note"]) for item in english] == [
        ("Campus closed today because of an electrical fault.", "en", "")
    ]


def test_an_untranslated_warning_is_noted_in_italian_on_italian_pages(
    client, home_pages, locales, time_machine
):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
    banner(locales["en"], "Exams move online this week.", severity="warning")
    italian = page_banners(client.get("/it/"))
    assert [(item["language"], item["note"]) for item in italian] == [
        ("en", "Non ancora tradotto in italiano.")
    ]
