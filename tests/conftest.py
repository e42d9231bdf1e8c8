import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Locale, Page, Site

from home.review.actors import setting_up_site

from .factories import HomePageFactory


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Uploaded and generated files of the test run go to a temporary folder."""
    override = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    override.enable()
    yield
    override.disable()


@pytest.fixture
def locales(db):
    italian = Locale.objects.get(language_code="it")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return {"it": italian, "en": english}


def localize(page, locale, texts=None):
    """The published translation of `page`, made through wagtail-localize as a translator
    makes it: every segment filled (from `texts`, else "EN " + the source), then published."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    texts = texts or {}
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": texts.get(segment.string.data, f"EN {segment.string.data}")},
        )
    translation.save_target(publish=False)
    target = page.get_translation(locale).specific
    target.save_revision().publish()
    target.refresh_from_db()
    return target


def publish_translation(page, locale):
    """The translation of `page` into `locale`, made by Wagtail's copy and published as
    the site's setup publishes reviewed content."""
    translated = page.copy_for_translation(locale)
    with setting_up_site():
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
def site_setup():
    """The test's own code publishes reviewed pages as the site's setup does (the review
    guard would refuse it to nobody). Requests through the test client still act as their
    logged-in user."""
    with setting_up_site():
        yield


@pytest.fixture
def demo(db):
    """The full bilingual demo content, as `make run` shows it."""
    call_command("load_demo_data", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="module")
def demo_for_reading(django_db_setup, django_db_blocker):
    """The full bilingual demo content, loaded once for the whole test module (it takes
    seconds) inside a transaction rolled back at the module's end.

    Only tests that read the demo may use it, together with `db`: each test still runs in
    its own savepoint through `db`, so what a test writes is rolled back too, but the demo
    itself is shared by every test of the module. Not for `transactional_db` tests (they
    would flush it), nor for a module whose other tests expect a database without the demo.
    `load_demo_data` publishes as the site's setup by itself (`setting_up_site()`). A test
    reads the default Site itself (`Site.objects.get(is_default_site=True)`): no instance
    is shared between tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", stdout=io.StringIO())
        # Between the tests the database is blocked again: only a test's `db` opens it.
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "password")


def sync_translations(client, translation_key, capture_on_commit_callbacks):
    """The editor's "Sync translated pages" in wagtail-localize for the source with this
    key, publishing the translations, with the work it defers to the commit done."""
    from django.urls import reverse
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(object_id=translation_key)
    with capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    return source


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def image_urls(html):
    """Every image address a parsed page names: img src, each srcset candidate, og:image."""
    urls = set()
    for tag in html.select("img[src], source[srcset]"):
        for candidate in (tag.get("srcset") or tag["src"]).split(","):
            urls.add(candidate.strip().split(" ")[0])
    urls.update(meta["content"] for meta in html.select('meta[property="og:image"]'))
    return urls


@pytest.fixture
def hub_site(home_pages, locales):
    """An Italian hub with two topics, its English translation, and topics in both languages."""
    from .factories import TopicFactory
    from .hub_helpers import make_hub, translate

    topics_it = {
        "health": TopicFactory(locale=locales["it"], name="Sanità", slug="sanita"),
        "ai": TopicFactory(
            locale=locales["it"], name="Intelligenza artificiale", slug="intelligenza-artificiale"
        ),
    }
    topics_en = {}
    for key, topic in topics_it.items():
        english = topic.copy_for_translation(locales["en"])
        english.name = {"health": "Healthcare", "ai": "Artificial intelligence"}[key]
        english.slug = {"health": "healthcare", "ai": "artificial-intelligence"}[key]
        english.save()
        topics_en[key] = english
    hub_it = make_hub(home_pages["it"])
    hub_en = translate(hub_it, locales["en"])
    return {"it": hub_it, "en": hub_en, "topics_it": topics_it, "topics_en": topics_en}


def add_reopening_info_page(parent, **fields):
    """A live reopening information page under `parent` (a ReopeningPage), published as
    the site's setup publishes reviewed content."""
    from reopening.models import ReopeningInfoPage

    fields.setdefault("body", [])
    page = ReopeningInfoPage(**fields)
    with setting_up_site():
        parent.add_child(instance=page)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def reopening(home_pages, locales):
    """The "Nice to MIP You" landing page in Italian and English, reopening on 14 September
    2020 (the English page is Wagtail's copy, published)."""
    import datetime

    from reopening.models import ReopeningPage

    italian = ReopeningPage(
        title="Nice to MIP You",
        slug="nice-to-mip-you",
        reopening_date=datetime.date(2020, 9, 14),
        introduction="Ci rivediamo in campus.",
    )
    with setting_up_site():
        home_pages["it"].add_child(instance=italian)
        italian.save_revision().publish()
        english = publish_translation(italian, locales["en"])
    return {"it": italian, "en": english}


@pytest.fixture
def users(home_pages, django_user_model, admin_user):
    """An administrator, an editor and a translator of each language, in the site's real
    groups (home/demo/roles.py)."""
    from home.demo.roles import EDITORS, TRANSLATORS, build_roles

    groups = build_roles()

    def member(username, group):
        user = django_user_model.objects.create_user(username, password="password")
        user.groups.add(groups[group])
        return user

    return {
        "admin": admin_user,
        "editor": member("editor", EDITORS),
        "en": member("translator-en", TRANSLATORS["en"]),
        "it": member("translator-it", TRANSLATORS["it"]),
    }


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: pages and fragments cached by another test
    describe a database that is gone."""
    cache.clear()
    yield


# The review tests' estate (a fixture of its own module, shared by them).
from .review_estate import estate  # noqa: E402, F401

# Real servers on loopback for the production tests.
from .servers import (  # noqa: E402, F401
    collected_static,
    editor_account,
    postgresql,
    redis_url,
    scratch_database,
    servers,
)
