import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from .factories import HomePageFactory


@pytest.fixture
def locales(db):
    italian = Locale.objects.get(language_code="it")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return {"it": italian, "en": english}


def publish_translation(page, locale):
    """The translation of `page` into `locale`, made by Wagtail's copy and published."""
    translated = page.copy_for_translation(locale)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def home_pages(locales):
    """The Italian home page as the default Site's root and its published English translation."""
    root = Page.get_first_root_node()
    italian = HomePageFactory(parent=root, title="MIP", slug="mip", hero_heading="Benvenuti")
    site = Site.objects.get(is_default_site=True)
    site.root_page = italian
    site.save()
    english = publish_translation(italian, locales["en"])
    english.hero_heading = "Welcome"
    english.save_revision().publish()
    return {"it": italian, "en": english}


@pytest.fixture
def demo(db):
    """The full bilingual demo content, as `make run` shows it."""
    call_command("load_demo_data", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "password")


def parse(response):
    return BeautifulSoup(response.content, "html.parser")
