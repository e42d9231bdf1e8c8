"""What editors see in the page forms: help in their language on every field, and bad
input refused next to the field with nothing saved."""

import pytest
from django.apps import apps
from django.utils import translation
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from hub.models import CoursePage, WebinarPage

from .conftest import parse
from .hub_helpers import make_item

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"home", "hub", "reopening"}
# Wagtail's scheduling dialog explains go-live and expiry itself; comment notifications
# are a toggle, not a field.
WAGTAIL_DIALOG_FIELDS = {"go_live_at", "expire_at", "comment_notifications"}

MESSAGES = {
    "duration": {
        "it": "Un webinar dura almeno 5 minuti: la fine deve venire dopo l’inizio.",
        "en": "A webinar lasts at least 5 minutes: its end must come after its start.",
    },
    "effort": {
        "it": "L’impegno è un numero di ore, almeno 1.",
        "en": "The effort is a number of hours, at least 1.",
    },
    "url": {
        "it": "Inserisci un indirizzo web che inizi con http:// o https://.",
        "en": "Enter a web address starting with http:// or https://.",
    },
}


def project_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model._meta.app_label in PROJECT_APPS
    ]


def project_models_with_fields():
    """Page types, snippets and the inline rows editors fill inside pages."""
    snippets = [m for m in get_snippet_models() if m._meta.app_label in PROJECT_APPS]
    inlines = [
        apps.get_model(label)
        for label in (
            "home.HomeFeaturedItem",
            "hub.FeaturedItem",
            "hub.ItemContributor",
            "reopening.ReopeningChange",
        )
    ]
    return [*project_page_models(), *snippets, *inlines]


def editable_fields(model):
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and field.editable
        and not field.auto_created
        and not field.primary_key
        and field.model._meta.app_label in PROJECT_APPS
        and field.name not in ("page", "sort_order")
    ]


def in_both_languages(text):
    with translation.override("en"):
        english = str(text)
    with translation.override("it"):
        italian = str(text)
    return english, italian


def test_the_walk_covers_every_page_type_and_snippet():
    names = {model.__name__ for model in project_models_with_fields()}
    assert {"HomePage", "WebinarPage", "CoursePage", "ReopeningInfoPage"} <= names
    assert {"Topic", "Speaker", "AlertBanner", "NavigationMenu", "FooterContent"} <= names
    assert sum(len(editable_fields(model)) for model in project_models_with_fields()) > 100


@pytest.mark.parametrize("model", project_models_with_fields(), ids=lambda m: m.__name__)
def test_every_field_has_help_in_italian_and_english(model):
    missing = []
    for field in editable_fields(model):
        english, italian = in_both_languages(field.help_text)
        if not english or english == italian:
            missing.append(field.name)
    assert missing == []


@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_field_of_the_page_form_has_help(model):
    """Wagtail's own fields (title, slug, SEO) come with help in both languages too."""
    form_class = model.get_edit_handler().get_form_class()
    missing = []
    for name, field in form_class.base_fields.items():
        if name in WAGTAIL_DIALOG_FIELDS:
            continue
        english, italian = in_both_languages(field.help_text)
        if not english or english == italian:
            missing.append(name)
    assert missing == []


def test_page_forms_put_content_and_promotion_in_tabs(admin_client, hub_site):
    """Scheduling and privacy live in Wagtail 8's status side panel, not in a tab."""
    response = admin_client.get(f"/admin/pages/add/hub/webinarpage/{hub_site['it'].pk}/")
    html = parse(response)
    tabs = [tab["href"] for tab in html.select('a[role="tab"]')]
    assert tabs == ["#tab-contenuto", "#tab-promuovi"]
    assert html.select_one('#tab-contenuto [name="duration_minutes"]')["value"] == "60"
    promote = html.select_one("#tab-promuovi")
    assert promote.select_one('[name="seo_title"]') and promote.select_one('[name="listing_title"]')
    guidance = promote.select_one('[data-contentpath="seo_title"]').get_text(" ", strip=True)
    assert "fino a 60 caratteri" in guidance


@pytest.fixture
def editor_in(client, admin_user):
    """Log in an editor whose admin speaks `language`."""

    def login(language):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()
        client.force_login(admin_user)
        return client

    return login


def item_form(topic, fields, overrides):
    """The admin form of a hub item with `fields`, then `overrides`, submitted to publish."""
    data = {
        **fields,
        "delivery_language": "it",
        "contributors": inline_formset([]),
        "listing_title": "",
        "summary": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
        **overrides,
    }
    form = nested_form_data(data)
    form["topics"] = [topic.pk]
    return form


def webinar_form(topic, **overrides):
    fields = {
        "title": "Leadership a distanza",
        "slug": "leadership-a-distanza",
        "starts_at": "2020-05-12 18:00",
        "duration_minutes": "60",
        "status_override": "",
        "registration_url": "https://example.org/iscriviti",
        "stream_url": "",
        "participant_count": "",
        "description": streamfield([("paragraph", rich_text("<p>Un incontro.</p>"))]),
    }
    return item_form(topic, fields, overrides)


def course_form(topic, **overrides):
    fields = {
        "title": "Finanza per non specialisti",
        "slug": "finanza-per-non-specialisti",
        "published_at": "2020-04-01 09:00",
        "course_format": "self-paced",
        "level": "beginner",
        "effort_hours": "10",
        "length_weeks": "4",
        "enrolment_url": "",
        "is_free": "on",
        "price": "",
        "body": streamfield([("paragraph", rich_text("<p>Un corso.</p>"))]),
    }
    return item_form(topic, fields, overrides)


def field_errors(response, name):
    field = parse(response).select_one(f'[data-contentpath="{name}"]')
    return [error.get_text(strip=True) for error in field.select(".error-message")]


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("duration", ["-30", "0", "4"])
def test_a_webinar_ending_before_it_starts_is_refused(editor_in, hub_site, language, duration):
    client = editor_in(language)
    url = f"/admin/pages/add/hub/webinarpage/{hub_site['it'].pk}/"
    topic = hub_site["topics_it"]["health"]
    response = client.post(url, webinar_form(topic, duration_minutes=duration))
    assert response.status_code == 200
    assert field_errors(response, "duration_minutes") == [MESSAGES["duration"][language]]
    assert not WebinarPage.objects.exists()

    response = client.post(url, webinar_form(topic))
    assert response.status_code == 302
    assert WebinarPage.objects.get().live


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("effort", ["-3", "0"])
def test_a_course_with_no_or_negative_effort_is_refused(editor_in, hub_site, language, effort):
    client = editor_in(language)
    url = f"/admin/pages/add/hub/coursepage/{hub_site['it'].pk}/"
    topic = hub_site["topics_it"]["health"]
    response = client.post(url, course_form(topic, effort_hours=effort))
    assert response.status_code == 200
    assert field_errors(response, "effort_hours") == [MESSAGES["effort"][language]]
    assert not CoursePage.objects.exists()

    response = client.post(url, course_form(topic))
    assert response.status_code == 302
    assert CoursePage.objects.get().effort_hours == 10


@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize(
    "address", ["ftp://example.org/iscriviti", "mailto:info@example.org", "javascript:alert(1)"]
)
def test_a_registration_link_must_be_a_web_address(editor_in, hub_site, language, address):
    client = editor_in(language)
    topic = hub_site["topics_it"]["health"]
    webinar = make_item(
        hub_site["it"],
        WebinarPage,
        title="Leadership",
        slug="leadership",
        topics=[topic],
        registration_url="https://example.org/iscriviti",
    )
    response = client.post(
        f"/admin/pages/{webinar.pk}/edit/",
        webinar_form(topic, title="Leadership", slug="leadership", registration_url=address),
    )
    assert response.status_code == 200
    assert field_errors(response, "registration_url") == [MESSAGES["url"][language]]
    webinar.refresh_from_db()
    assert webinar.registration_url == "https://example.org/iscriviti"
    assert webinar.revisions.count() == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("it", "Lo slug 'leadership' è già utilizzato nella pagina genitrice."),
        ("en", "The slug 'leadership' is already in use within the parent page."),
    ],
)
def test_a_slug_clashing_in_its_language_is_refused(editor_in, hub_site, language, message):
    client = editor_in(language)
    topic = hub_site["topics_it"]["health"]
    make_item(hub_site["it"], WebinarPage, title="Leadership", slug="leadership", topics=[topic])
    url = f"/admin/pages/add/hub/webinarpage/{hub_site['it'].pk}/"
    response = client.post(url, webinar_form(topic, slug="leadership"))
    assert response.status_code == 200
    errors = field_errors(response, "slug")
    assert errors == [message]
    assert WebinarPage.objects.count() == 1

    # The same slug in the other language's tree is not a clash.
    english_topic = hub_site["topics_en"]["health"]
    url = f"/admin/pages/add/hub/webinarpage/{hub_site['en'].pk}/"
    response = client.post(url, webinar_form(english_topic, slug="leadership"))
    assert response.status_code == 302
    assert WebinarPage.objects.filter(slug="leadership").count() == 2
