"""The demo as `make run` shows it: roles in place, and nothing a visitor sees is missing
or out of date in either language, whichever language it was written in."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from home.demo.roles import EDITORS, TRANSLATORS
from home.translations.report import UP_TO_DATE, build_rows

# The demo is loaded once for the module (it takes seconds); each test runs in a savepoint.
pytestmark = pytest.mark.usefixtures("db", "demo_for_reading")


def test_every_page_and_snippet_is_up_to_date_in_the_other_language():
    rows = build_rows()
    assert len(rows) > 40
    stale = [
        (row.title, row.kind, row.language, row.state) for row in rows if row.state != UP_TO_DATE
    ]
    assert stale == []


def test_roles_are_created_with_the_demo():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, *TRANSLATORS.values()} <= names
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    group = Group.objects.get(name=TRANSLATORS["en"])
    assert group.page_permissions.filter(page=english_home).exists()
    assert not group.page_permissions.exclude(page=english_home).exists()


def test_demo_translator_sees_the_report_and_dashboard(client):
    call_command("create_roles", stdout=io.StringIO())  # idempotent on top of the demo
    user = make_translator()
    client.force_login(user)
    assert client.get(reverse("translators_report:index")).status_code == 200
    # What assertContains checked: a 200 response whose text holds the marker.
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert "translations-status" in dashboard.content.decode()


def make_translator():
    user = get_user_model().objects.create_user("translator", password="password")
    user.groups.add(Group.objects.get(name=TRANSLATORS["en"]))
    return user
