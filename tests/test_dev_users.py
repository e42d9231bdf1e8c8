"""`make run` prints a login per role; each lands in its group with its admin language."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_dev_users_one_per_role_with_their_admin_language(client, home_pages):
    out = io.StringIO()
    call_command("create_dev_users", stdout=out)
    call_command("create_dev_users", stdout=io.StringIO())  # idempotent
    printed = out.getvalue()
    expected = {
        "editor": ("Editors", "it"),
        "reviewer": ("Reviewers", "it"),
        "translator-en": ("English translators", "en"),
        "translator-it": ("Italian translators", "it"),
    }
    users = get_user_model().objects
    assert users.count() == len(expected) + 1  # and the administrator
    for username, (group, language) in expected.items():
        user = users.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert UserProfile.get_for_user(user).preferred_language == language
        assert f"{username} / " in printed
        client.force_login(user)
        response = client.get("/admin/")
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()[:300]


def test_dev_users_refused_without_debug(home_pages):
    with pytest.raises(CommandError):
        call_command("create_dev_users", stdout=io.StringIO())
