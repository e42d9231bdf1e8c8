"""Who publishes what: editors submit reopening pages for review and publish hub pages
themselves; scheduled pages go live and expire on time; a changed slug leaves a redirect."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home.demo import roles
from home.review.actors import setting_up_site
from hub.models import WebinarPage
from reopening import workflow as workflows
from reopening.models import ReopeningInfoPage

from .conftest import (
    add_reopening_info_page,
    localize,
    parse,
    publish_translation,
    sync_translations,
)
from .hub_helpers import make_item

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def groups(reopening, hub_site):
    roles.build_roles()
    result = workflows.build_workflows()
    workflows.build_workflows()  # idempotent
    return result


def member(django_user_model, username, group_name, language="it"):
    user = django_user_model.objects.create_user(username, password="password")
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def editor(django_user_model, groups):
    return member(django_user_model, "redazione", "Editors")


@pytest.fixture
def reviewer(django_user_model, groups):
    return member(django_user_model, "revisione", "Reviewers")


@pytest.fixture
def safety_page(reopening):
    return add_reopening_info_page(
        reopening["it"], title="Sicurezza", slug="sicurezza", introduction="Mascherina al chiuso."
    )


def info_page_form(page, **overrides):
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "last_reviewed_on": page.last_reviewed_on.isoformat(),
        "review_interval_days": str(page.review_interval_days),
        "body": streamfield([("paragraph", rich_text("<p>Regole del campus.</p>"))]),
        "changes": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "listing_title": "",
        "summary": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def action_buttons(response):
    return {button["name"] for button in parse(response).select("button[name^=action-]")}


def test_the_builder_sets_up_the_review_once(groups, reopening):
    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

    workflow = Workflow.objects.get(name="Reopening review")
    assert [task.name for task in workflow.tasks] == ["Approval by a reviewer"]
    assert {wp.page_id for wp in WorkflowPage.objects.filter(workflow=workflow)} == {
        reopening["it"].pk,
        reopening["en"].pk,
    }
    assert GroupPagePermission.objects.filter(group__name="Reviewers").count() == 10
    assert reopening["it"].get_workflow() == workflow


def test_an_editor_cannot_publish_a_reopening_page_directly(client, editor, safety_page):
    client.force_login(editor)
    url = f"/admin/pages/{safety_page.pk}/edit/"
    buttons = action_buttons(client.get(url))
    assert "action-submit" in buttons
    assert "action-publish" not in buttons

    response = client.post(
        url,
        info_page_form(
            safety_page, introduction="Mascherina anche all'aperto.", **{"action-publish": "1"}
        ),
    )
    assert response.status_code == 302
    page = ReopeningInfoPage.objects.get(pk=safety_page.pk)
    assert page.introduction == "Mascherina al chiuso."
    assert page.has_unpublished_changes
    assert page.revisions.count() == 2


def test_a_reviewer_approves_what_an_editor_submits(client, editor, reviewer, safety_page):
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{safety_page.pk}/edit/",
        info_page_form(
            safety_page, introduction="Mascherina anche all'aperto.", **{"action-submit": "1"}
        ),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(safety_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert ReopeningInfoPage.objects.get(pk=safety_page.pk).introduction == "Mascherina al chiuso."

    client.force_login(reviewer)
    dashboard = parse(client.get("/admin/"))
    awaiting = dashboard.select_one("#awaiting-review, [id*=awaiting]")
    assert awaiting is not None and "Sicurezza" in awaiting.get_text()

    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{safety_page.pk}/approve/{task_state.pk}/",
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page = ReopeningInfoPage.objects.get(pk=safety_page.pk)
    assert page.live and not page.has_unpublished_changes
    assert page.introduction == "Mascherina anche all'aperto."
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live_revision.user == editor


def test_an_editor_publishes_a_webinar_directly(client, editor, hub_site, groups):
    client.force_login(editor)
    topic = hub_site["topics_it"]["health"]
    webinar = make_item(hub_site["it"], WebinarPage, title="Leadership", topics=[topic])
    response = client.get(f"/admin/pages/{webinar.pk}/edit/")
    assert "action-publish" in action_buttons(response)
    response = client.get(f"/admin/pages/add/hub/webinarpage/{hub_site['it'].pk}/")
    assert "action-publish" in action_buttons(response)


def test_reviewers_and_administrators_may_publish_safety_pages(
    reviewer, admin_user, editor, safety_page
):
    assert safety_page.permissions_for_user(reviewer).can_publish()
    assert safety_page.permissions_for_user(admin_user).can_publish()
    assert not safety_page.permissions_for_user(editor).can_publish()
    assert not safety_page.get_parent().permissions_for_user(editor).can_publish_subpage()


def test_a_scheduled_webinar_goes_live_when_publish_scheduled_runs(hub_site, time_machine):
    time_machine.move_to(datetime.datetime(2020, 5, 1, 9, tzinfo=ROME), tick=False)
    topic = hub_site["topics_it"]["health"]
    webinar = make_item(hub_site["it"], WebinarPage, title="Leadership", topics=[topic])
    webinar.unpublish()
    webinar.title = "Leadership a distanza"
    webinar.go_live_at = datetime.datetime(2020, 5, 4, 9, tzinfo=ROME)
    webinar.expire_at = datetime.datetime(2020, 6, 4, 9, tzinfo=ROME)
    webinar.save_revision().publish()
    webinar.refresh_from_db()
    assert not webinar.live

    time_machine.move_to(datetime.datetime(2020, 5, 4, 8, 59, tzinfo=ROME), tick=False)
    call_command("publish_scheduled", stdout=io.StringIO())
    webinar.refresh_from_db()
    assert not webinar.live

    time_machine.move_to(datetime.datetime(2020, 5, 4, 9, 1, tzinfo=ROME), tick=False)
    call_command("publish_scheduled", stdout=io.StringIO())
    webinar.refresh_from_db()
    assert webinar.live and webinar.title == "Leadership a distanza"

    time_machine.move_to(datetime.datetime(2020, 6, 4, 9, 1, tzinfo=ROME), tick=False)
    call_command("publish_scheduled", stdout=io.StringIO())
    webinar.refresh_from_db()
    assert not webinar.live and webinar.expired


@pytest.mark.parametrize("language", ["it", "en"])
def test_changing_a_live_slug_leaves_a_redirect_in_its_language(
    client, admin_user, reopening, locales, language, django_capture_on_commit_callbacks
):
    italian = add_reopening_info_page(reopening["it"], title="Mensa", slug="mensa")
    pages = {"it": italian, "en": publish_translation(italian, locales["en"])}
    page = pages[language]
    old_url = page.url
    client.force_login(admin_user)
    # Wagtail creates the redirect when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{page.pk}/edit/",
            info_page_form(page, slug="ristorazione", **{"action-publish": "1"}),
        )
    assert response.status_code == 302
    page.refresh_from_db()
    new_url = page.url
    assert new_url == old_url.replace("/mensa/", "/ristorazione/")
    assert new_url.startswith(f"/{language}/")

    client.logout()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(new_url)
    assert client.get(new_url).status_code == 200
    other = pages["en" if language == "it" else "it"]
    other.refresh_from_db()
    assert client.get(other.url).status_code == 200


def test_a_reviewers_day_changes_requested_then_approved_in_both_languages(
    client,
    django_user_model,
    groups,
    safety_page,
    locales,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    """The editor submits a change to a safety page; both reviewers are told, each in their
    language; one opens the comparison with the live version and asks for changes with a
    comment, which reaches the editor in Italian; the editor fixes and resubmits; the
    reviewer approves and the page goes live; the English translation, synced, goes
    through its own review before it is live too."""
    with setting_up_site():
        english = localize(safety_page, locales["en"], {"Sicurezza": "Safety"})
    people = {}
    for username, group, language in [
        ("redazione", "Editors", "it"),
        ("revisione", "Reviewers", "it"),
        ("review", "Reviewers", "en"),
    ]:
        people[username] = member(django_user_model, username, group, language)
        people[username].email = f"{username}@som.polimi.it"
        people[username].save()
    editor, reviewer = people["redazione"], people["revisione"]

    def edit(introduction):
        client.force_login(editor)
        page = ReopeningInfoPage.objects.get(pk=safety_page.pk)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/admin/pages/{page.pk}/edit/",
                info_page_form(page, introduction=introduction, **{"action-submit": "1"}),
            )
        assert response.status_code == 302, response.content[:2000]

    def sent_to(username):
        return [message for message in mailoutbox if people[username].email in message.to]

    edit("Mascherina anche all'aperto, fino a nuovo avviso.")
    state = WorkflowState.objects.get(object_id=str(safety_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Both reviewers are told, each in their own language; the editor is not.
    assert "inviat" in sent_to("revisione")[0].subject.lower()
    assert "submitted" in sent_to("review")[0].subject.lower()
    assert sent_to("redazione") == []

    # The reviewer finds it on the dashboard and compares it with the live version.
    client.force_login(reviewer)
    dashboard = parse(client.get("/admin/"))
    awaiting = dashboard.select_one("[id*=awaiting]")
    assert awaiting is not None and "Sicurezza" in awaiting.get_text()
    revision = ReopeningInfoPage.objects.get(pk=safety_page.pk).latest_revision
    compare = client.get(f"/admin/pages/{safety_page.pk}/revisions/compare/live...{revision.pk}/")
    assert compare.status_code == 200
    compared = parse(compare).get_text(" ", strip=True)
    assert "Mascherina al chiuso." in compared and "fino a nuovo avviso" in compared

    # Changes requested, with a comment that reaches the editor in Italian.
    mailoutbox.clear()
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{safety_page.pk}/reject/{task_state.pk}/",
            {"comment": "Indicate la data di fine dell'obbligo."},
        )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    told = sent_to("redazione")
    assert told and "Indicate la data di fine" in told[0].body
    assert "rifiutata" in told[0].subject.lower()
    assert not ReopeningInfoPage.objects.get(pk=safety_page.pk).introduction.startswith(
        "Mascherina anche"
    )

    # Fixed and resubmitted: the same workflow goes on, and the reviewers are told again.
    mailoutbox.clear()
    edit("Mascherina anche all'aperto fino al 30 settembre.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(safety_page.pk)).count() == 1
    assert sent_to("revisione") and sent_to("review")

    client.force_login(reviewer)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{safety_page.pk}/approve/{state.current_task_state.pk}/",
            {"comment": ""},
        )
    assert response.status_code in (200, 302)
    italian = ReopeningInfoPage.objects.get(pk=safety_page.pk)
    assert italian.live and italian.introduction.endswith("fino al 30 settembre.")
    assert "approvat" in sent_to("redazione")[0].subject.lower()

    # The English page follows through its own review: the editor's sync saves a draft and
    # submits it; until a reviewer approves it, visitors read the reviewed English text.
    client.force_login(editor)
    sync_translations(client, italian.translation_key, django_capture_on_commit_callbacks)
    english = ReopeningInfoPage.objects.get(pk=english.pk)
    english_state = WorkflowState.objects.get(
        object_id=str(english.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert not english.introduction.endswith("30 settembre.")
    client.force_login(people["review"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/workflow/action/{english.pk}/approve/"
            f"{english_state.current_task_state.pk}/",
            {"comment": ""},
        )
    english = ReopeningInfoPage.objects.get(pk=english.pk)
    assert english.live and not english.has_unpublished_changes
    assert english.get_latest_revision().approved_go_live_at is None
