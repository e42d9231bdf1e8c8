"""What editors and translators type that a field cannot hold is a message naming it, on
every path: a PO file, a segment edited in the translation editor, any other save of a
translated string, a change the database refuses, and an admin search of any length."""

import uuid
from unittest import mock

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import StandardPage

from .factories import StandardPageFactory
from .test_translators_permissions import translate, translation_of

pytestmark = pytest.mark.django_db

LONG_TITLE = "Una guida " * 30  # 300 characters: a title holds 255


@pytest.fixture
def pages(home_pages, locales):
    """A live Italian page with a heading block (its text holds 200 characters) and its
    English translation, made and published through wagtail-localize."""
    italian = StandardPageFactory(parent=home_pages["it"], title="Notizia", slug="notizia")
    italian.body = [("heading", {"text": "Il campus riapre", "level": "h2"})]
    italian.save_revision().publish()
    english = translate(
        italian, locales["en"], {"notizia": "news", "Il campus riapre": "The campus reopens"}
    )
    return {"it": italian, "en": english}


def po_for(translation, **by_context):
    """The translation's PO file with the entries whose context starts with a key of
    `by_context` filled with its value."""
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        for prefix, value in by_context.items():
            if entry.msgctxt.startswith(prefix):
                entry.msgstr = value
    return po


def upload(client, translation, po):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    file = SimpleUploadedFile("en.po", str(po).encode())
    response = client.post(url, {"file": file, "next": "/admin/"})
    return response, [str(message) for message in get_messages(response.wsgi_request)]


def stored(translation):
    return {
        (item.context.path.split(".")[0], item.data)
        for item in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).select_related("context")
    }


@pytest.mark.parametrize(
    "context, value, names",
    [
        ("title", LONG_TITLE, ["Notizia", "255"]),
        ("slug", "Non è uno slug!", ["notizia", "slug"]),
        ("body.", "C" * 201, ["Il campus riapre", "200"]),
    ],
)
def test_a_po_file_with_a_string_its_field_cannot_hold_is_refused_whole(
    client, users, pages, locales, context, value, names
):
    translation = translation_of(pages["it"], locales["en"])
    before = stored(translation)
    client.force_login(users["en"])
    po = po_for(translation, **{context: value, "summary": "Changed too"})
    response, said = upload(client, translation, po)
    assert response.status_code == 302
    assert len(said) == 1
    assert all(name in said[0] for name in names), said
    # Nothing of the file was imported, not even the strings that fit.
    assert stored(translation) == before
    english = StandardPage.objects.get(pk=pages["en"].pk)
    assert (english.title, english.draft_title, english.slug) == (
        "EN Notizia",
        "EN Notizia",
        "news",
    )


def test_a_string_too_long_is_kept_with_its_error_and_left_out_of_the_page(
    client, users, pages, locales
):
    """In the translation editor: what the translator typed is kept, the editor shows why it
    cannot be used, and publishing shows the source text there instead of answering 500."""
    translation = translation_of(pages["it"], locales["en"])
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    client.force_login(users["en"])
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.generic(
        "PUT", url, encode_multipart(BOUNDARY, {"value": LONG_TITLE}), MULTIPART_CONTENT
    )
    assert response.status_code == 200
    assert "Notizia" in response.json()["error"]
    assert "255" in response.json()["error"]
    kept = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locales["en"]
    )
    assert (kept.data, kept.has_error) == (LONG_TITLE, True)
    assert Page.objects.get(pk=pages["en"].pk).draft_title == "EN Notizia"

    client.force_login(users["admin"])
    editor = reverse("wagtailadmin_pages:edit", args=[pages["en"].pk])
    response = client.post(editor, {"action": "publish"})
    assert response.status_code == 302
    english = StandardPage.objects.get(pk=pages["en"].pk)
    assert english.title == "Notizia"  # the source's, until the translation fits
    assert english.live
    # The translation editor (its data, which it draws beside the string) still says why.
    assert "255 caratteri" in client.get(editor).content.decode()


def test_every_save_of_a_translated_string_is_checked(pages, locales):
    """The check sits on the string itself, where the PO upload, the editor, machine
    translation and copies for new languages all end."""
    translation = translation_of(pages["it"], locales["en"])
    segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    StringTranslation.objects.filter(translation_of=segment.string).delete()
    made = StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=locales["en"],
        data="not a slug at all",
    )
    assert made.has_error
    assert "notizia" in made.get_error()
    made.data = "news-again"
    made.has_error = False
    made.save()
    made.refresh_from_db()
    assert not made.has_error


def test_a_change_the_database_refuses_is_a_message_and_leaves_nothing(
    client, users, pages, locales
):
    client.force_login(users["admin"])
    editor = reverse("wagtailadmin_pages:edit", args=[pages["en"].pk])
    before = Page.objects.get(pk=pages["en"].pk).latest_revision_id

    def refused(self, *args, **kwargs):
        StandardPage.objects.filter(pk=pages["en"].pk).update(title="half-saved")
        raise DataError("value too long for type character varying(255)")

    client.raise_request_exception = False
    with mock.patch.object(Translation, "save_target", refused):
        response = client.post(editor, {"action": "publish"})
    assert response.status_code == 302
    assert response["Location"] == editor
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == [
        "Questa modifica non è stata salvata e non ne è rimasto nulla: un valore è più lungo "
        "di quanto il suo campo consenta, o non è del tipo giusto."
    ]
    english = Page.objects.get(pk=pages["en"].pk)
    assert english.title == "EN Notizia"
    assert english.latest_revision_id == before


ADMIN_SEARCHES = [
    "/admin/pages/search/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/choose-page/search/",
    "/admin/forms/",
    "/admin/snippets/hub/topic/",
    "/admin/users/",
]


def test_an_admin_search_of_hundreds_of_words_searches_the_first_ones(client, users, pages):
    """Said in the administrator's language, Italian here."""
    client.force_login(users["admin"])
    query = " ".join(f"parola{index} OR" for index in range(300))
    for url in [*ADMIN_SEARCHES, reverse("wagtailadmin_explore", args=[pages["it"].pk])]:
        response = client.get(url, {"q": query})
        assert response.status_code == 200, url
        said = [str(message) for message in get_messages(response.wsgi_request)]
        if "/choose" in url:
            assert said == [], url  # a chooser's modal shows no messages
        else:
            assert said == ["Sono state cercate solo le prime 20 parole della ricerca."], url
    # A short query is passed on as it is, with no message.
    response = client.get("/admin/pages/search/", {"q": "Notizia"})
    assert not list(get_messages(response.wsgi_request))
    assert "Notizia" in response.content.decode()


@examples(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.text(max_size=600) | st.lists(st.text(max_size=12), max_size=400).map(" ".join))
def test_no_admin_search_answers_500(client, users, pages, query):
    client.force_login(users["admin"])
    for url in ADMIN_SEARCHES:
        assert client.get(url, {"q": query}).status_code == 200, (url, query)


def test_a_publish_that_would_not_fit_names_no_random_uuid(pages):
    """The paths checked are the source's: a path the source does not have is not an error."""
    from home.translations.strings import problem_with

    assert problem_with(pages["it"], f"body.{uuid.uuid4()}.text", "x" * 500) is None
    assert problem_with(pages["it"], "nonexistent", "x" * 500) is None
    assert problem_with(pages["it"], "title", "Breve") is None
