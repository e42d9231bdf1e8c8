"""The review rule beyond the admin's buttons: scheduled jobs, commands, code acting for
nobody, pages that hold reviewed pages below them, and what a refused person is told."""

import datetime
import io

import pytest
from django.core.management import call_command, get_commands
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail_localize.models import LocaleSynchronization

from home.review.actors import acting_as, setting_up_site
from home.review.rule import ReviewRequired
from reopening.models import ReopeningInfoPage, ReopeningPage

from .conftest import add_reopening_info_page, parse
from .review_estate import edit_form, public_state, visible

pytestmark = pytest.mark.django_db

# Every management command, by what it may do to the public site. A command added by an
# upgrade fails `test_every_command_is_classified` until someone decides.
PAGE_COMMANDS = {
    # Tested below: each changes pages only as the review allows.
    "publish_scheduled",
    "publish_scheduled_pages",
    "move_pages",
    "sync_locale_trees",
    "set_url_paths",
    # The site's setup: publishes the reviewed demo content as its author.
    "load_demo_data",
}
# Run by whoever runs the server, on the database as a whole: outside any role.
OPERATOR_COMMANDS = {
    "dbshell",
    "shell",
    "flush",
    "loaddata",
    "migrate",
    "fixtree",
    "sqlflush",
    "createsuperuser",
    "changepassword",
    # A restore loads a whole backup, reviewed as it was taken, into an empty database.
    "restore",
}
UNRELATED_COMMANDS = {
    "api_tokens",
    "backup",
    "axes_list_attempts",
    "axes_reset",
    "axes_reset_failure_logs",
    "axes_reset_ip",
    "axes_reset_ip_username",
    "axes_reset_logs",
    "axes_reset_username",
    "check",
    "clearsessions",
    "collectstatic",
    "compile_translations",
    "compilemessages",
    "convert_mariadb_uuids",
    "create_dev_users",
    "create_log_entries_from_revisions",
    "create_roles",
    "createcachetable",
    "deduplicate_tags",
    "diffsettings",
    "dumpdata",
    "enable_fuzzystrmatch",
    "enable_trigram",
    "enable_unaccent",
    "findstatic",
    "import_redirects",
    "inspectdb",
    "makemessages",
    "makemigrations",
    "optimizemigration",
    "purge_embeds",
    "purge_revisions",
    "rebuild_references_index",
    "remove_orphaned_tags",
    "remove_stale_contenttypes",
    "runserver",
    "searchpromotions_garbage_collect",
    "sendtestemail",
    "show_references_index",
    "showmigrations",
    "sqlmigrate",
    "sqlsequencereset",
    "squashmigrations",
    "startapp",
    "startproject",
    "test",
    "testserver",
    "update_index",
    "wagtail_update_image_renditions",
    "wagtail_update_index",
}


def test_every_command_is_classified():
    known = PAGE_COMMANDS | OPERATOR_COMMANDS | UNRELATED_COMMANDS
    assert sorted(set(get_commands()) - known) == []
    assert sorted(known - set(get_commands())) == []


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    return page.save_revision().publish()


@pytest.fixture
def safety(estate):
    return ReopeningInfoPage.objects.get(pk=estate["pages"]["info-it"].pk)


def test_a_go_live_a_reviewer_approved_is_published_by_the_scheduler(
    client, estate, safety, time_machine
):
    time_machine.move_to(datetime.datetime(2020, 9, 1, 9, tzinfo=datetime.UTC), tick=False)
    client.force_login(estate["users"]["reviewer"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[safety.pk]),
        edit_form(
            safety,
            title="Regole dal 14 settembre",
            go_live_at="2020-09-14 08:00",
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code == 302
    assert Revision.objects.filter(approved_go_live_at__isnull=False).count() == 1
    time_machine.move_to(datetime.datetime(2020, 9, 14, 9, tzinfo=datetime.UTC), tick=False)
    call_command("publish_scheduled", stdout=io.StringIO())
    assert Page.objects.get(pk=safety.pk).title == "Regole dal 14 settembre"


def test_nobody_schedules_a_go_live_without_a_reviewer(estate, safety):
    draft = safety.get_latest_revision_as_object()
    draft.title = "Regole cambiate"
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = draft.save_revision()
    with pytest.raises(ReviewRequired):
        revision.publish()
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    with acting_as(estate["users"]["editor"]), pytest.raises(ReviewRequired):
        revision.publish()
    with acting_as(estate["users"]["reviewer"]):
        revision.publish()
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None


def test_an_editor_cannot_unschedule_a_reviewed_go_live(client, estate, safety):
    draft = safety.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    with acting_as(estate["users"]["reviewer"]):
        revision = draft.save_revision()
        revision.publish()
    client.force_login(estate["users"]["editor"])
    client.post(reverse("wagtailadmin_pages:revisions_unschedule", args=[safety.pk, revision.pk]))
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None


def test_a_reviewed_expiry_unpublishes_and_nobody_sets_one_directly(estate, safety, time_machine):
    with pytest.raises(ReviewRequired), transaction.atomic():
        safety.expire_at = timezone.now() + datetime.timedelta(hours=1)
        safety.save()
    with acting_as(estate["users"]["reviewer"]):
        publish(
            ReopeningInfoPage.objects.get(pk=safety.pk),
            expire_at=timezone.now() + datetime.timedelta(hours=1),
        )
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=2), tick=False)
    call_command("publish_scheduled", stdout=io.StringIO())
    assert not Page.objects.get(pk=safety.pk).live


def test_code_acting_for_nobody_changes_no_safety_page(estate, safety):
    before = visible(public_state())
    attempts = [
        lambda: publish(ReopeningInfoPage.objects.get(pk=safety.pk), title="Altro"),
        lambda: ReopeningInfoPage.objects.get(pk=safety.pk).unpublish(),
        lambda: ReopeningInfoPage.objects.get(pk=safety.pk).delete(),
        lambda: ReopeningInfoPage.objects.get(pk=safety.pk).create_alias(update_slug="alias"),
        lambda: PageViewRestriction.objects.create(page=safety, restriction_type="login"),
    ]
    for attempt in attempts:
        # Each in its own transaction, as a command's would be.
        with pytest.raises(ReviewRequired), transaction.atomic():
            attempt()
    assert visible(public_state()) == before


def test_move_pages_command_moves_no_safety_page(estate, safety):
    source = estate["parents"]["info-it"]
    destination = estate["elsewhere"]["info-it"]
    with pytest.raises(ReviewRequired):
        call_command("move_pages", str(source.pk), str(destination.pk), stdout=io.StringIO())
    assert Page.objects.get(pk=safety.pk).get_parent().pk == source.pk


def test_set_url_paths_leaves_a_consistent_tree_alone(estate, safety):
    before = visible(public_state())
    call_command("set_url_paths", stdout=io.StringIO())
    assert visible(public_state()) == before


def test_sync_locale_trees_makes_no_alias_of_a_safety_page(estate, locales):
    with setting_up_site():
        LocaleSynchronization.objects.create(locale=locales["en"], sync_from=locales["it"])
        new = add_reopening_info_page(estate["parents"]["info-it"], title="Mensa", slug="mensa")
        # The synchronisation may have made its English alias at once: the command is to
        # make it now.
        english = new.get_translation_or_none(locales["en"])
        if english is not None:
            english.delete()
    assert not new.has_translation(locales["en"])
    with pytest.raises(ReviewRequired):
        call_command("sync_locale_trees", stdout=io.StringIO())
    assert not new.has_translation(locales["en"])


@pytest.fixture
def italian_home(estate):
    return estate["parents"]["topic-it"].get_parent()


def reopening_pages_up(client):
    """Every reopening page is live, unrestricted and answers visitors."""
    pages = Page.objects.type(ReopeningInfoPage, ReopeningPage).specific()
    assert pages.count() == 6
    assert not PageViewRestriction.objects.exists()
    for page in pages:
        assert page.live, page
        if page.url is not None:  # the second tree has no site of its own
            assert client.get(page.url).status_code == 200, page.url
    return True


def test_an_editor_does_not_take_the_reopening_section_down_from_above(
    client, estate, italian_home
):
    """The home page holds the reopening section: deleting it, restricting it or copying it
    with its pages published is a reviewer's decision. Unpublishing it with its pages
    unpublishes the editor's own (the hub) and leaves the safety pages up."""
    editor = estate["users"]["editor"]
    home = italian_home.pk
    root = Page.get_first_root_node().pk
    attempts = [
        lambda: client.post(reverse("wagtailadmin_pages:delete", args=[home])),
        lambda: client.post(
            reverse("wagtailadmin_pages:set_privacy", args=[home]), {"restriction_type": "login"}
        ),
        lambda: client.post(
            reverse("wagtailadmin_pages:copy", args=[home]),
            {
                "new_title": "Copia",
                "new_slug": "copia",
                "new_parent_page": str(root),
                "copy_subpages": "on",
                "publish_copies": "on",
            },
        ),
        lambda: client.post(
            f"/admin/api/main/pages/{home}/action/copy/",
            {"destination_page_id": root, "recursive": True, "slug": "c"},
            content_type="application/json",
        ),
        lambda: client.post(
            f"/admin/api/main/pages/{home}/action/unpublish/",
            {"recursive": True},
            content_type="application/json",
        ),
        lambda: client.post(
            reverse("wagtailadmin_pages:unpublish", args=[home]), {"include_descendants": "on"}
        ),
    ]
    for attempt in attempts:
        client.force_login(editor)
        assert attempt().status_code < 500
        client.logout()
        assert reopening_pages_up(client)
    assert not Page.objects.filter(slug__in=["copia", "c"]).exists()
    assert Page.objects.filter(pk=home).exists()


def test_a_refusal_is_said_in_the_admin_and_in_the_api(client, estate, safety):
    """What the guard refuses is rolled back and explained, in the person's language."""
    client.force_login(estate["users"]["editor"])
    english = estate["pages"]["info-en"]
    response = client.post(
        reverse("wagtail_localize:convert_to_alias", args=[english.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    messages = parse(client.get(response["Location"])).select(".messages li")
    assert any("revisore" in message.get_text() for message in messages)
    assert Page.objects.get(pk=english.pk).alias_of_id is None

    response = client.post(
        f"/admin/api/main/pages/{safety.pk}/action/unpublish/",
        {},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Page.objects.get(pk=safety.pk).live


def test_a_translator_who_syncs_with_publishing_submits_the_safety_page(
    client, estate, django_capture_on_commit_callbacks
):
    """The draft is saved, the live English page stays as it was, and the review starts."""
    italian = ReopeningInfoPage.objects.get(pk=estate["pages"]["info-it"].pk)
    with setting_up_site():
        publish(italian, introduction="Mascherina anche all'aperto.")
    english = ReopeningInfoPage.objects.get(pk=estate["pages"]["info-en"].pk)
    live_introduction = english.introduction
    client.force_login(estate["users"]["translator-en"])
    with (
        acting_as(estate["users"]["translator-en"]),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            reverse("translators_report:sync_section", args=[italian.get_parent().pk]),
            {"publish": "on"},
        )
    assert response.status_code == 302
    english = ReopeningInfoPage.objects.get(pk=english.pk)
    assert english.introduction == live_introduction
    assert english.has_unpublished_changes
    assert english.workflow_in_progress
    draft = english.get_latest_revision_as_object()
    assert draft.introduction == "Mascherina anche all'aperto."  # untranslated: the source
    messages = parse(client.get(response["Location"])).select(".messages li")
    assert any("submitted for review" in m.get_text() for m in messages)


def test_copy_for_translation_through_the_api_makes_a_draft(client, estate, locales):
    """The admin API's "copy for translation" needs Wagtail's own translation right, which
    no role of the site has (translations are made through wagtail-localize); for an
    administrator it makes a draft."""
    source = estate["elsewhere"]["info-it"]  # a reopening page with no English version yet
    url = f"/admin/api/main/pages/{source.pk}/action/copy_for_translation/"
    before = visible(public_state())
    for role in ["editor", "reviewer", "translator-en", "translator-it"]:
        client.force_login(estate["users"][role])
        for alias in (True, False):
            response = client.post(
                url,
                {"locale": "en", "copy_parents": True, "alias": alias},
                content_type="application/json",
            )
            assert response.status_code in (403, 404)  # 404: outside the explorer they see
    assert not source.has_translation(locales["en"])
    assert visible(public_state()) == before

    client.force_login(estate["users"]["admin"])
    response = client.post(
        url, {"locale": "en", "copy_parents": True}, content_type="application/json"
    )
    assert response.status_code < 400
    assert not source.get_translation(locales["en"]).live
