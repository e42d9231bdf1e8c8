"""The admin's URLs, each described by a row of `admin_inventory.py`; the public ones
exercised for every role, the administration refused to everyone but administrators."""

import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from .admin_inventory import PUBLIC_PATHS, ROWS, classify
from .test_review_paths import ACTIONS

API_ACTION_PATHS = {
    "publish": "admin API: publish",
    "unpublish": "admin API: unpublish",
    "delete": "admin API: delete",
    "move": "admin API: move",
    "copy": "admin API: copy",
    "create_alias": "admin API: create alias",
    "revert_to_page_revision": "admin API: revert to a revision",
    "convert_alias": "admin API: convert alias",
    "copy_for_translation": "test_copy_for_translation_through_the_api_makes_a_draft",
}
BULK_ACTION_PATHS = {
    "publish": "bulk publish",
    "unpublish": "bulk unpublish",
    "delete": "bulk delete",
    "move": "bulk move",
}


def admin_routes(patterns=None, prefix=""):
    """(route, pattern) for every URL pattern under /admin/."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from admin_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith("admin/"):
            yield route.removeprefix("admin/"), entry


def names_tested():
    """The paths `test_review_paths.py` runs and the test functions of the suite."""
    names = set(ACTIONS)
    for module in Path(__file__).parent.glob("test_*.py"):
        names |= set(re.findall(r"^def (test_\w+)", module.read_text(), re.MULTILINE))
    return names


def test_every_admin_url_is_described():
    routes = [route for route, _pattern in admin_routes()]
    assert len(routes) > 300
    assert [route for route in routes if classify(route) is None] == []
    used = {classify(route)[0] for route in routes}
    assert [row[0] for row in ROWS if row[0] not in used] == []


def test_every_public_url_names_paths_that_are_tested():
    public = [row[0] for row in ROWS if row[1] == "public"]
    assert sorted(public) == sorted(PUBLIC_PATHS)
    names = names_tested()
    missing = [name for paths in PUBLIC_PATHS.values() for name in paths if name not in names]
    assert missing == []


def test_every_api_and_bulk_action_on_pages_is_tested():
    assert set(PagesAdminAPIViewSet.actions) == set(API_ACTION_PATHS)
    bulk = {
        action.action_type
        for action in bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    }
    assert bulk == set(BULK_ACTION_PATHS)
    names = names_tested()
    assert [
        n for n in [*API_ACTION_PATHS.values(), *BULK_ACTION_PATHS.values()] if n not in names
    ] == []


def sample_url(route):
    """The route with a real-looking value for each parameter (1 is the first object)."""
    url = re.sub(r"<int:\w+>", "1", route)
    url = re.sub(r"<(str|slug):\w+>", "x", url)
    url = url.replace("^", "").replace("$", "")
    return "/admin/" + url


@pytest.mark.django_db
def test_the_administration_is_for_administrators_only(client, estate):
    routes = [route for route, _ in admin_routes() if classify(route)[1] == "admin"]
    assert len(routes) > 40
    let_in = []
    for role, user in estate["users"].items():
        if role == "admin":
            continue
        client.force_login(user)
        for route in routes:
            status = client.get(sample_url(route)).status_code
            if status == 200:
                let_in.append((role, route))
    assert let_in == []
    client.force_login(estate["users"]["admin"])
    assert client.get("/admin/users/").status_code == 200


@pytest.mark.django_db
def test_redirects_are_the_editors_as_the_readme_says(client, estate):
    allowed = {"admin", "editor"}
    for role, user in estate["users"].items():
        client.force_login(user)
        status = client.get("/admin/redirects/").status_code
        assert (status == 200) == (role in allowed), (role, status)
