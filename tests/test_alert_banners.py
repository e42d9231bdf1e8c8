"""Alert banners: what /alerts/<language>.json offers, where pages say they are, and the
admin form that refuses a banner ending before it starts."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
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


def test_banner_json_describes_each_banner(client, reopening, locales, time_machine):
    time_machine.move_to(datetime.datetime(2020, 9, 10, tzinfo=ROME), tick=False)
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
        link_label="Protocol",
    )
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
    assert first["link"] == {"url": "/en/nice-to-mip-you/", "label": "All about it"}
    assert second["scope"] == "site"
    assert second["link"] == {"url": "https://www.polimi.it/", "label": "Protocol"}
    assert re.fullmatch(r"[0-9a-f]{12}", first["version"])
    assert set(first) == {
        "id",
        "version",
        "severity",
        "severity_label",
        "scope",
        "message",
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


def test_every_page_has_the_banner_container_and_says_where_it_is(client, reopening):
    StandardPageFactory(parent=reopening["it"].get_parent(), title="Chi siamo", slug="chi-siamo")
    add_reopening_info_page(reopening["it"], title="Regole", slug="regole")
    expected = {
        "/it/": ("site", "/alerts/it.json"),
        "/en/": ("site", "/alerts/en.json"),
        "/it/chi-siamo/": ("site", "/alerts/it.json"),
        "/it/nice-to-mip-you/": ("reopening", "/alerts/it.json"),
        "/en/nice-to-mip-you/": ("reopening", "/alerts/en.json"),
        "/it/nice-to-mip-you/regole/": ("reopening", "/alerts/it.json"),
        "/en/does-not-exist/": ("site", "/alerts/en.json"),
    }
    for path, (section, endpoint) in expected.items():
        html = parse(client.get(path))
        containers = html.select("[data-alert-banners]")
        assert len(containers) == 1, path
        container = containers[0]
        assert container["data-section"] == section, path
        assert container["data-endpoint"] == endpoint, path
        # Right after the header, before the main content.
        assert container.find_previous_sibling("header")["class"] == ["site-header"]
        assert container.find_next_sibling("main") is not None
        script = html.select_one('script[src$="js/alert-banners.js"]')
        assert script.has_attr("defer"), path
        # No inline JavaScript: every script is a file or JSON data.
        for element in html.select("script"):
            assert element.has_attr("src") or element["type"] == "application/ld+json", path


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
