"""After a sync, a changed text offers its previous translation as a suggestion: shown in
the translation editor, never saved nor counted until the translator uses it."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .conftest import parse, sync_translations
from .test_translators_permissions import refused, translate
from .test_translators_workflow import italian_page

pytestmark = pytest.mark.django_db

TEXTS = {
    "Corsi online": "Online courses",
    "Tutti i corsi del MIP.": "All of MIP's courses.",
    "Impara da casa.": "Learn from home.",
    "corsi": "courses",
}
NEW_INTRODUCTION = "Impara da casa, con i nostri docenti."


def sync(client, page, django_capture_on_commit_callbacks):
    sync_translations(client, page.translation_key, django_capture_on_commit_callbacks)
    return Translation.objects.get(source__object_id=page.translation_key)


@pytest.fixture
def synced(client, users, home_pages, locales, django_capture_on_commit_callbacks):
    """An Italian page translated into English, whose introduction then changed and whose
    translation was synced by the editor."""
    italian = italian_page(home_pages["it"])
    english = translate(italian, locales["en"], TEXTS)
    italian.introduction = NEW_INTRODUCTION
    italian.save_revision().publish()
    client.force_login(users["editor"])
    translation = sync(client, italian, django_capture_on_commit_callbacks)
    client.logout()
    return {"it": italian, "en": english, "translation": translation}


def suggestions_url(translation):
    return reverse("translators_suggestions:list", args=[translation.pk])


def changed_segment(translation):
    return StringSegment.objects.get(source_id=translation.source_id, context__path="introduction")


def test_changed_text_offers_its_previous_translation(client, users, locales, synced):
    translation = synced["translation"]
    client.force_login(users["en"])

    # The translation editor loads the suggestions' script...
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[synced["en"].pk]))
    assert editor.status_code == 200
    soup = parse(editor)
    assert soup.select_one(".js-translation-editor[data-props]") is not None
    script = soup.select_one("script[data-suggestions-url]")
    assert script is not None
    assert script["src"].endswith("home/translations/suggestions.js")

    # ...which reads them here: only the changed text, with its previous translation.
    response = client.get(suggestions_url(translation))
    assert response.status_code == 200
    segment = changed_segment(translation)
    assert response.json()["suggestions"] == [
        {
            "segmentId": segment.pk,
            "contentPath": "introduction",
            "source": NEW_INTRODUCTION,
            "previousSource": "Impara da casa.",
            "suggestion": "Learn from home.",
            "acceptUrl": reverse(
                "translators_suggestions:accept", args=[translation.pk, segment.pk]
            ),
        }
    ]

    # A suggestion is neither saved nor counted as a translation.
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, locale=locales["en"]
    ).exists()
    total, done = translation.get_progress()
    assert done == total - 1
    english = synced["en"]
    english.refresh_from_db()
    assert english.introduction == NEW_INTRODUCTION
    assert english.title == "Online courses"


def test_using_a_suggestion_saves_it_once(client, users, locales, synced):
    translation = synced["translation"]
    segment = changed_segment(translation)
    accept_url = reverse("translators_suggestions:accept", args=[translation.pk, segment.pk])
    client.force_login(users["en"])
    assert client.get(accept_url).status_code == 405

    response = client.post(accept_url)
    assert response.status_code == 201
    assert response.json() == {"segmentId": segment.pk, "translation": "Learn from home."}
    saved = StringTranslation.objects.get(translation_of=segment.string, locale=locales["en"])
    assert saved.data == "Learn from home."
    assert saved.last_translated_by == users["en"]
    assert client.get(suggestions_url(translation)).json() == {"suggestions": []}
    total, done = translation.get_progress()
    assert done == total

    # Using it again changes nothing: the translation made meanwhile is kept.
    saved.data = "Study from home."
    saved.save()
    response = client.post(accept_url)
    assert response.status_code == 409
    assert response.json()["error"]
    saved.refresh_from_db()
    assert saved.data == "Study from home."


def test_bad_requests_get_clear_errors(client, users, home_pages, locales, synced):
    translation = synced["translation"]
    segment = changed_segment(translation)
    other_page = italian_page(home_pages["it"], slug="webinar", title="Webinar")
    translate(other_page, locales["en"])
    other = Translation.objects.get(source__object_id=other_page.translation_key)
    client.force_login(users["en"])

    # A text of another page.
    response = client.post(reverse("translators_suggestions:accept", args=[other.pk, segment.pk]))
    assert response.status_code == 404
    assert response.json()["error"]
    # A text that has no previous translation.
    unchanged = StringSegment.objects.get(source_id=other.source_id, context__path="title")
    StringTranslation.objects.filter(translation_of=unchanged.string).delete()
    response = client.post(reverse("translators_suggestions:accept", args=[other.pk, unchanged.pk]))
    assert response.status_code == 404
    assert response.json()["error"]
    # A translation that does not exist, or whose translated page was deleted.
    assert client.get(reverse("translators_suggestions:list", args=[999999])).status_code == 404
    other_page.get_translation(locales["en"]).delete()
    assert client.get(suggestions_url(other)).status_code == 404
    # A stopped translation.
    Translation.objects.filter(pk=translation.pk).update(enabled=False)
    response = client.get(suggestions_url(translation))
    assert response.status_code == 400
    assert response.json()["error"]


def test_suggestions_are_refused_outside_own_language(client, users, locales, synced):
    translation = synced["translation"]
    segment = changed_segment(translation)
    client.force_login(users["it"])
    assert refused(client.get(suggestions_url(translation)))
    response = client.post(
        reverse("translators_suggestions:accept", args=[translation.pk, segment.pk])
    )
    assert refused(response)
    assert not StringTranslation.objects.filter(translation_of=segment.string).exists()


def test_rich_text_paragraphs_get_the_translation_of_the_paragraph_they_replace(
    client, users, home_pages, locales, django_capture_on_commit_callbacks
):
    italian = italian_page(
        home_pages["it"],
        body=[
            (
                "paragraph",
                RichText("<p>Il primo paragrafo.</p><p>Il secondo paragrafo del corso.</p>"),
            )
        ],
    )
    translate(
        italian,
        locales["en"],
        {
            "Il primo paragrafo.": "The first paragraph.",
            "Il secondo paragrafo del corso.": "The second paragraph of the course.",
        },
    )
    block_id = italian.body[0].id
    italian.body = [
        {
            "type": "paragraph",
            "id": block_id,
            "value": "<p>Il primo paragrafo.</p><p>Il secondo paragrafo del corso online.</p>"
            "<p>Tutt'altro argomento, mai tradotto.</p>",
        }
    ]
    italian.save_revision().publish()
    client.force_login(users["editor"])
    translation = sync(client, italian, django_capture_on_commit_callbacks)

    client.force_login(users["en"])
    found = client.get(suggestions_url(translation)).json()["suggestions"]
    assert [(item["source"], item["suggestion"]) for item in found] == [
        ("Il secondo paragrafo del corso online.", "The second paragraph of the course.")
    ]
