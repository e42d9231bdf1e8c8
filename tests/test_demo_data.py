"""The demo content: complete in both languages, and safe to load twice."""

import io

from django.apps import apps
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale, Orderable, Page, Revision, Site, TranslatableMixin
from wagtail_localize.models import Translation

from home.models import FooterContent, HomePage, NavigationMenu, StandardPage
from hub.models import ITEM_PAGE_MODELS, HubIndexPage, Speaker, Topic, TopicPage, WebinarPage

from .conftest import parse


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "menus": NavigationMenu.objects.count(),
        "footers": FooterContent.objects.count(),
        "translations": Translation.objects.count(),
        "sites": Site.objects.count(),
        "topics": Topic.objects.count(),
        "speakers": Speaker.objects.count(),
    }


class DemoContentTests(TestCase):
    """Loads the demo once for the class (it takes seconds); each test runs in a savepoint."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_data", stdout=io.StringIO())
        cls.site = Site.objects.get(is_default_site=True)

    def test_loading_twice_changes_nothing(self):
        before = counts()
        call_command("load_demo_data", stdout=io.StringIO())
        self.assertEqual(counts(), before)
        self.assertGreater(before["pages"], 40)

    def test_italian_home_replaces_the_welcome_page(self):
        self.assertIs(self.site.root_page.specific_class, HomePage)
        self.assertEqual(self.site.root_page.locale.language_code, "it")
        self.assertFalse(
            Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
        )

    def test_every_page_and_snippet_exists_live_in_both_languages(self):
        english = Locale.objects.get(language_code="en")
        translatable = [
            model
            for model in apps.get_models()
            if issubclass(model, TranslatableMixin)
            and model._meta.app_label in {"home", "hub", "reopening"}
            and not issubclass(model, Orderable)
        ]
        expected = {HomePage, StandardPage, NavigationMenu, FooterContent, Topic, Speaker}
        self.assertLessEqual(expected, set(translatable))
        for model in translatable:
            for italian in model.objects.filter(locale__language_code="it"):
                translation = italian.get_translation_or_none(english)
                self.assertIsNotNone(translation, f"{italian!r} has no English version")
                if isinstance(italian, Page):
                    self.assertTrue(translation.live, translation)
                    self.assertFalse(translation.has_unpublished_changes, translation)
                    self.assertNotEqual(translation.title, "")

    def test_english_tree_has_translated_slugs_and_text(self):
        response = self.client.get("/en/about-us/")
        self.assertEqual(response.status_code, 200)
        html = parse(response)
        self.assertEqual(html.select_one("h1").get_text(strip=True), "About us")
        self.assertIn("business school of Politecnico di Milano", html.get_text())
        link = html.select_one('nav.language-switcher a[hreflang="it"]')
        self.assertEqual(link["href"], "/it/chi-siamo/")

    def test_navigation_and_footer_follow_the_language(self):
        cases = [
            ("/it/", ["KeepONLearning", "Chi siamo"], "Tutti i diritti riservati"),
            ("/en/", ["KeepONLearning", "About us"], "All rights reserved"),
        ]
        for path, menu_labels, footer_text in cases:
            html = parse(self.client.get(path))
            labels = [a.get_text(strip=True) for a in html.select("nav.site-nav a")]
            for label in menu_labels:
                self.assertIn(label, labels)
            self.assertIn(footer_text, html.select_one("footer").get_text())
            for link in html.select("nav.site-nav a, footer nav a"):
                self.assertTrue(link["href"].startswith(path), link["href"])

    def test_every_demo_page_renders_in_its_language(self):
        for page in Page.objects.filter(depth__gte=2).live().specific():
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, page.url)
            self.assertEqual(parse(response).html["lang"], page.locale.language_code)

    def test_hub_demo_has_every_kind_in_both_languages(self):
        for language in ("it", "en"):
            live = {"locale__language_code": language}
            self.assertEqual(HubIndexPage.objects.live().filter(**live).count(), 1)
            self.assertEqual(TopicPage.objects.live().filter(**live).count(), 5)
            self.assertEqual(Topic.objects.filter(**live).count(), 5)
            for model in ITEM_PAGE_MODELS:
                self.assertGreaterEqual(model.objects.live().filter(**live).count(), 3, model)
            past = [w for w in WebinarPage.objects.live().filter(**live) if w.participant_count]
            upcoming = [
                w for w in WebinarPage.objects.live().filter(**live) if w.state() == "upcoming"
            ]
            self.assertTrue(past and upcoming)

    def test_home_page_figures_come_from_the_content(self):
        held = [
            w
            for w in WebinarPage.objects.live().filter(locale__language_code="en")
            if w.state() in ("on-demand", "ended")
        ]
        html = parse(self.client.get("/en/"))
        figures = [li.get_text(" ", strip=True) for li in html.select(".impact li")]
        self.assertIn(f"{len(held)} live webinars held", figures)
        participants = sum(w.participant_count or 0 for w in held)
        self.assertIn(f"{participants:,} webinar participants", figures)
        self.assertIn("3 articles", figures)
        self.assertEqual(len(html.select('[aria-labelledby="featured-heading"] .card')), 3)
        self.assertEqual(len(html.select(".topic-grid a")), 5)

    def test_home_page_leads_to_the_reopening_section(self):
        from reopening.models import ReopeningPage

        for language, label in (
            ("it", "Come riapriamo in sicurezza"),
            ("en", "How we reopen safely"),
        ):
            reopening = ReopeningPage.objects.live().get(locale__language_code=language)
            html = parse(self.client.get(f"/{language}/"))
            teaser = html.select_one(".reopening-teaser")
            self.assertEqual(teaser.select_one("a.button").get_text(strip=True), label)
            self.assertEqual(teaser.select_one("a.button")["href"], reopening.url)
            menu = [a["href"] for a in html.select("nav.site-nav a")]
            self.assertIn(reopening.url, menu)
