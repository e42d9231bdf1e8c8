"""A translator works in their own language only, through every admin path; a draft never
reaches someone who cannot read it."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    Translation,
    TranslationSource,
)

from home.models import NavigationMenu, StandardPage

from .conftest import localize
from .factories import NavigationMenuFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def translate(page, locale, texts=None):
    """The published translation of `page`, made as a translator makes it (conftest's
    `localize`, the suite's one way of making a translation)."""
    return localize(page, locale, texts)


@pytest.fixture
def pages(home_pages, locales):
    """A live Italian page, its English translation made through wagtail-localize and
    published, and a page written in English first."""
    italian = StandardPageFactory(parent=home_pages["it"], title="Notizia", slug="notizia")
    italian.save_revision().publish()
    english = translate(italian, locales["en"], {"notizia": "news"})
    english_only = StandardPageFactory(parent=home_pages["en"], title="Only", slug="only")
    english_only.save_revision().publish()
    return {"it": italian, "en": english, "en_only": english_only}


def login(client, user):
    client.force_login(user)
    return client


def refused(response):
    """Wagtail answers a refusal with 403, or a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def submit(client, page, locale, **extra):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk], **extra},
    )


def test_translator_translates_a_live_page_into_their_language(client, users, home_pages, locales):
    page = StandardPageFactory(parent=home_pages["it"], title="Corso", slug="corso")
    response = submit(login(client, users["en"]), page, locales["en"])
    assert response.status_code == 302
    assert not refused(response)
    assert page.get_translation(locales["en"]).live is False


def test_translator_cannot_create_pages_in_another_language(client, users, pages, locales):
    response = submit(login(client, users["en"]), pages["en_only"], locales["it"])
    assert refused(response)
    assert not pages["en_only"].has_translation(locales["it"])
    # The Italian translator may.
    client.logout()
    response = submit(login(client, users["it"]), pages["en_only"], locales["it"])
    assert not refused(response)
    assert pages["en_only"].has_translation(locales["it"])


def test_draft_source_does_not_cross_to_a_translator_who_cannot_read_it(
    client, users, home_pages, locales
):
    draft = StandardPageFactory(parent=home_pages["it"], title="Bozza", slug="bozza", live=False)
    assert refused(submit(login(client, users["en"]), draft, locales["en"]))
    assert refused(client.get(reverse("wagtail_localize:submit_page_translation", args=[draft.pk])))
    assert not draft.has_translation(locales["en"])
    # A live page with unpublished changes is refused too: the stored content is the draft's.
    live = StandardPageFactory(parent=home_pages["it"], title="Pubblica", slug="pubblica")
    live.title = "Pubblica, con modifiche segrete"
    live.save_revision()
    live.refresh_from_db()
    assert live.has_unpublished_changes
    assert refused(submit(client, live, locales["en"]))
    # An editor, who reads the drafts, may request the translation.
    client.logout()
    response = submit(login(client, users["editor"]), draft, locales["en"])
    assert not refused(response)
    assert draft.has_translation(locales["en"])


def test_subtree_submission_checks_every_page_below(client, users, home_pages, locales):
    parent = StandardPageFactory(parent=home_pages["it"], title="Sezione", slug="sezione")
    StandardPageFactory(parent=parent, title="Bozza", slug="bozza", live=False)
    response = submit(login(client, users["en"]), parent, locales["en"], include_subtree="on")
    assert refused(response)
    assert not parent.has_translation(locales["en"])


def test_sync_is_refused_into_a_language_the_user_cannot_edit(client, users, pages, locales):
    source = TranslationSource.objects.get(object_id=pages["it"].translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(login(client, users["it"]).post(url, {"publish_translations": "on"}))
    client.logout()
    assert login(client, users["en"]).get(url).status_code == 200
    assert client.post(url, {}).status_code == 302


def page_actions(page):
    revision = page.latest_revision
    return {
        "edit": ("get", reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "unpublish": ("get", reverse("wagtailadmin_pages:unpublish", args=[page.pk])),
        "move": ("get", reverse("wagtailadmin_pages:move", args=[page.pk])),
        "delete": ("get", reverse("wagtailadmin_pages:delete", args=[page.pk])),
        "copy": ("get", reverse("wagtailadmin_pages:copy", args=[page.pk])),
        "revert": (
            "get",
            reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]),
        ),
        "preview": ("get", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])),
        "compare": (
            "get",
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk]),
        ),
        "history": ("get", reverse("wagtailadmin_pages:history", args=[page.pk])),
    }


@pytest.mark.parametrize(
    "action", ["edit", "unpublish", "move", "delete", "copy", "revert", "compare", "history"]
)
def test_page_actions_are_open_in_the_translators_language_only(client, users, pages, action):
    login(client, users["en"])
    _method, own = page_actions(pages["en"])[action]
    _method, other = page_actions(pages["it"])[action]
    assert client.get(own).status_code == 200
    assert refused(client.get(other))


def test_preview_is_open_in_the_translators_language_only(client, users, pages):
    login(client, users["en"])
    own = reverse("wagtailadmin_pages:view_draft", args=[pages["en"].pk])
    other = reverse("wagtailadmin_pages:view_draft", args=[pages["it"].pk])
    assert client.get(own).status_code == 200
    assert refused(client.get(other))


def test_translator_cannot_publish_unpublish_or_delete_the_other_language(client, users, pages):
    italian = pages["it"]
    login(client, users["en"])
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[italian.pk]), {}))
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[italian.pk]), {}))
    italian.refresh_from_db()
    assert italian.live
    # Moving the English page into the Italian tree is refused.
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[pages["en"].pk, italian.pk])
    )
    assert refused(response)
    assert Page.objects.get(pk=pages["en"].pk).get_parent().locale.language_code == "en"


def test_translator_unpublishes_and_republishes_their_own_page(client, users, pages):
    english = pages["en"]
    login(client, users["en"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[english.pk]), {})
    assert response.status_code == 302
    english.refresh_from_db()
    assert not english.live


def test_copying_into_the_other_tree_is_refused(client, users, pages, home_pages):
    login(client, users["en"])
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[pages["it"].pk]),
        {"new_title": "Stolen", "new_slug": "stolen", "new_parent_page": home_pages["en"].pk},
    )
    assert refused(response)
    assert not StandardPage.objects.filter(slug="stolen").exists()


def translation_of(page, locale):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale, enabled=True
    )


def test_translation_editor_and_po_files_for_own_language_only(client, users, pages, locales):
    translation = translation_of(pages["it"], locales["en"])
    download = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    login(client, users["it"])
    assert refused(client.get(download))
    po = polib.pofile(str(translation.export_po()))
    for entry in po:
        entry.msgstr = "Rubato"
    response = client.post(
        upload, {"file": SimpleUploadedFile("x.po", str(po).encode()), "next": "/admin/"}
    )
    assert refused(response)
    assert "Rubato" not in str(translation.export_po())
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[pages["en"].pk])))
    client.logout()
    login(client, users["en"])
    assert client.get(download).status_code == 200
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[pages["en"].pk]))
    assert editor.status_code == 200
    assert b"w-translation-editor" in editor.content or b"translation-editor" in editor.content


def test_machine_translation_refused_outside_own_language(client, users, pages, locales, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    translation = translation_of(pages["it"], locales["en"])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert refused(login(client, users["it"]).post(url, {"next": "/admin/"}))
    client.logout()
    assert login(client, users["en"]).post(url, {"next": "/admin/"}).status_code == 302


def test_snippets_of_own_language_only(client, users, locales):
    italian = NavigationMenuFactory(locale=locales["it"], name="Menu principale")
    english = italian.copy_for_translation(locales["en"])
    english.save()

    def edit_url(menu):
        return reverse("wagtailsnippets_home_navigationmenu:edit", args=[menu.pk])

    login(client, users["en"])
    assert client.get(edit_url(english)).status_code == 200
    assert refused(client.get(edit_url(italian)))
    assert refused(client.post(edit_url(italian), {"name": "Rubato"}))
    italian.refresh_from_db()
    assert italian.name == "Menu principale"
    delete_url = reverse("wagtailsnippets_home_navigationmenu:delete", args=[italian.pk])
    assert refused(client.post(delete_url))
    assert NavigationMenu.objects.filter(pk=italian.pk).exists()
    add_url = reverse("wagtailsnippets_home_navigationmenu:add")
    assert refused(client.get(add_url, {"locale": "it"}))
    assert client.get(add_url, {"locale": "en"}).status_code == 200
    # Submitting a snippet translation into the other language is refused.
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["home", "navigationmenu", english.pk],
    )
    other = NavigationMenuFactory(locale=locales["en"], name="Only English")
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["home", "navigationmenu", other.pk]
    )
    assert refused(client.post(submit_url, {"locales": [locales["it"].pk]}))
    assert not other.has_translation(locales["it"])


def test_editor_edits_both_languages(client, users, pages):
    login(client, users["editor"])
    for page in (pages["it"], pages["en"], pages["en_only"]):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
