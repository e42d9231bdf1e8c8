"""The demo as `make run` shows it: roles in place, and nothing a visitor sees is missing
or out of date in either language, whichever language it was written in."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page

from home.demo.roles import EDITORS, TRANSLATORS
from home.translations.report import UP_TO_DATE, build_rows


class DemoTranslationsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_data", stdout=io.StringIO())

    def test_every_page_and_snippet_is_up_to_date_in_the_other_language(self):
        rows = build_rows()
        self.assertGreater(len(rows), 40)
        stale = [
            (row.title, row.kind, row.language, row.state)
            for row in rows
            if row.state != UP_TO_DATE
        ]
        self.assertEqual(stale, [])

    def test_roles_are_created_with_the_demo(self):
        names = set(Group.objects.values_list("name", flat=True))
        self.assertLessEqual({EDITORS, *TRANSLATORS.values()}, names)
        english_home = Page.objects.get(depth=2, locale__language_code="en")
        group = Group.objects.get(name=TRANSLATORS["en"])
        self.assertTrue(group.page_permissions.filter(page=english_home).exists())
        self.assertFalse(group.page_permissions.exclude(page=english_home).exists())

    def test_demo_translator_sees_the_report_and_dashboard(self):
        call_command("create_roles", stdout=io.StringIO())  # idempotent on top of the demo
        user = self.make_translator()
        self.client.force_login(user)
        self.assertEqual(self.client.get(reverse("translators_report:index")).status_code, 200)
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), "translations-status")

    def make_translator(self):
        user = get_user_model().objects.create_user("translator", password="password")
        user.groups.add(Group.objects.get(name=TRANSLATORS["en"]))
        return user
