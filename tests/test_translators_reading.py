"""A translator of one language reads the other language's live pages, never its drafts:
on every admin URL that shows pages (walked from the inventory), in the dashboard, the
admin API and wagtail-localize's own views."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.review.actors import setting_up_site

from .admin_inventory import classify
from .conftest import parse
from .factories import StandardPageFactory
from .test_admin_inventory import admin_routes

pytestmark = pytest.mark.django_db

SECRET = "segret"
# Searches and filters that would find the hidden pages by their words.
QUERIES = ["", "?q=bozza", "?q=sanit", "?search=bozza", "?locale=it"]


@pytest.fixture
def secrets(estate):
    """An Italian page never published, and a live Italian page with a change in progress."""
    home = estate["parents"]["topic-it"].get_parent()
    with setting_up_site():
        draft = StandardPageFactory(parent=home, title="Bozza segreta", slug="bozza", live=False)
        draft.save_revision()
        live = Page.objects.get(pk=estate["pages"]["topic-it"].pk).specific
        live.title = "Sanità, titolo segreto"
        revision = live.save_revision()
    return {"home": home, "draft": draft, "live": live, "revision": revision}


def probe_url(route, secrets):
    """The route with the hidden pages (and their revision) as its parameters."""
    url = re.sub(r"<int:parent_page_id>", str(secrets["home"].pk), route)
    url = re.sub(r"<int:(page_id|pk|page_to_move_id)>", str(secrets["draft"].pk), url)
    url = re.sub(r"<int:revision_id>", str(secrets["revision"].pk), url)
    url = re.sub(r"<int:\w+>", "1", url)
    url = re.sub(
        r"<slug:(content_type_)?app(_label|_name)>/<slug:(content_type_)?model_name>",
        "home/standardpage",
        url,
    )
    url = re.sub(r"<(str|slug):\w+>", "x", url)
    url = url.replace(r"(?P<pk>\d+)", str(secrets["live"].pk))
    url = re.sub(r"\(\?P<revision_id_a>.*\)/", "live...latest/", url)
    return "/admin/" + url.replace("^", "").replace("$", "")


def leaks(client, url):
    response = client.get(url)
    return (
        response.status_code < 500 and SECRET in response.content.decode(errors="replace").lower()
    )


@pytest.mark.parametrize("role", ["translator-en", "reviewer"])
def test_no_admin_url_shows_a_draft_to_someone_who_may_not_read_it(client, estate, secrets, role):
    client.force_login(estate["users"][role])
    found = []
    for route, _pattern in admin_routes():
        if classify(route)[1] in ("admin", "account") or route.startswith("failwhale"):
            continue
        url = probe_url(route, secrets)
        searchable = re.search(r"search|choose|chooser|results|reports|usage", route)
        for query in QUERIES if searchable else [""]:
            try:
                if leaks(client, url + query):
                    found.append(url + query)
            except (ValueError, TypeError):
                # Wagtail's choosers raise on a non-numeric id: no page is shown.
                break
    extra = [
        "/admin/",
        "/admin/api/main/pages/?search=bozza",
        f"/admin/api/main/pages/?child_of={secrets['home'].pk}",
        f"/admin/api/main/pages/{secrets['live'].pk}/",
        "/admin/localize/api/snippets/hub/topic/",
    ]
    found += [url for url in extra if leaks(client, url)]
    assert found == []


def test_the_other_languages_live_pages_stay_in_the_chooser_with_their_live_titles(
    client, estate, secrets
):
    client.force_login(estate["users"]["translator-en"])
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[secrets["home"].pk]))
    text = parse(response).get_text(" ")
    assert "KeepONLearning" in text
    assert "Bozza" not in text


def test_editors_read_every_draft(client, estate, secrets):
    client.force_login(estate["users"]["editor"])
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[secrets["home"].pk]))
    assert "Bozza segreta" in response.content.decode()
    response = client.get("/admin/reports/page-types-usage/")
    assert "titolo segreto" in response.content.decode()


@pytest.mark.parametrize("role", ["admin", "editor", "translator-en"])
def test_the_reports_menu_has_one_translations_report(rf, estate, role):
    from wagtail.admin.menu import reports_menu

    request = rf.get("/admin/")
    request.user = estate["users"][role]
    urls = [item.url for item in reports_menu.menu_items_for_request(request)]
    assert reverse("translators_report:index") in urls
    assert reverse("wagtail_localize:translations_report") not in urls


def test_wagtail_localizes_own_report_leads_to_the_projects(client, estate):
    client.force_login(estate["users"]["translator-en"])
    for name in ("translations_report", "translations_report_results"):
        response = client.get(reverse(f"wagtail_localize:{name}"))
        assert response.status_code == 302
        assert response["Location"] == reverse("translators_report:index")
