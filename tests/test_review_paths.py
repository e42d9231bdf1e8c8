"""Every path that can change what visitors see of a page, for every role, against a
reviewed page and a hub page in each language: the review guard decides the same way on
each, and a refusal leaves the database as it was.

A safety page (reopening information) may be changed publicly by reviewers and
administrators; a hub page (a topic page) by editors, the translators of its language and
administrators. Each path below runs for each of the five roles against the four pages,
inside a savepoint that is rolled back after each case.
"""

from contextlib import ExitStack

import pytest
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from home.review.actors import acting_as, setting_up_site

from .review_estate import (
    ROLES,
    TARGETS,
    draft_with_title,
    edit_form,
    kind_and_language,
    may_change,
    other,
    public_state,
    visible,
)

pytestmark = pytest.mark.django_db


def run_case(client, estate, user, action, name):
    """Run `action` on page `name` as `user`; return the response and the states around it."""
    client.force_login(user)
    page = Page.objects.get(pk=estate["pages"][name].pk).specific
    context = action.prepare(estate, name, page) if hasattr(action, "prepare") else {}
    context["user"] = user
    before = public_state()
    response = action.run(client, estate, name, page, context)
    after = public_state()
    return response, before, after, page, context


class Action:
    """One path to the public site. `run` performs it through the admin as a person would;
    `done` says whether it happened; `affects` names the pages whose rules apply."""

    targets = TARGETS

    def affects(self, name):
        return [name]

    def allowed(self, role, name):
        return all(may_change(role, *kind_and_language(page)) for page in self.affects(name))


class EditPublish(Action):
    # A translation's editor is wagtail-localize's (see TranslationEditorPublish).
    targets = ["info-it", "topic-it"]

    def run(self, client, estate, name, page, context):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form(page, title="Nuovo titolo", **{"action-publish": "1"}),
        )

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["title"] == "Nuovo titolo"


class Unpublish(Action):
    def run(self, client, estate, name, page, context):
        return client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))

    def done(self, before, after, page, context):
        return not after["pages"][page.pk]["live"]


class Delete(Action):
    def run(self, client, estate, name, page, context):
        return client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))

    def done(self, before, after, page, context):
        return page.pk not in after["pages"]


def moving_allowed(role, name):
    return may_change(role, *kind_and_language(name)) and not role.startswith("translator")


class Move(Action):
    """Into the same section of a second Italian site tree (Wagtail moves a page within its
    language only). That tree lies outside the translators' home page."""

    targets = ["info-it", "topic-it"]

    def allowed(self, role, name):
        return moving_allowed(role, name)

    def run(self, client, estate, name, page, context):
        destination = estate["elsewhere"][name]
        return client.post(
            reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
        )

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["url_path"] != before["pages"][page.pk]["url_path"]


class CopyPublished(Action):
    alias = False

    def run(self, client, estate, name, page, context):
        data = {
            "new_title": "Copia",
            "new_slug": "copia",
            "new_parent_page": str(estate["parents"][name].pk),
        }
        data["alias" if self.alias else "publish_copies"] = "on"
        return client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)

    def done(self, before, after, page, context):
        new = set(after["pages"]) - set(before["pages"])
        return any(after["pages"][pk]["live"] for pk in new)


class CopyAsAlias(CopyPublished):
    alias = True


class ConvertToAlias(Action):
    """wagtail-localize's "convert to alias": the English page shows the Italian one."""

    targets = ["info-en", "topic-en"]

    def run(self, client, estate, name, page, context):
        return client.post(
            reverse("wagtail_localize:convert_to_alias", args=[page.pk]), {"next": "/admin/"}
        )

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["alias_of_id"] is not None


class SetPrivacy(Action):
    def run(self, client, estate, name, page, context):
        return client.post(
            reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
            {"restriction_type": "login", "password": "", "groups": []},
        )

    def done(self, before, after, page, context):
        return page.pk in after["restrictions"]


class Bulk(Action):
    def url(self, page, action):
        return f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}&next=/admin/"


class BulkPublish(Bulk):
    def prepare(self, estate, name, page):
        return {"draft": draft_with_title(page, "Bozza da pubblicare")}

    def run(self, client, estate, name, page, context):
        return client.post(self.url(page, "publish"), {"include_descendants": ""})

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["title"] == "Bozza da pubblicare"


class BulkUnpublish(Bulk):
    done = Unpublish.done

    def run(self, client, estate, name, page, context):
        return client.post(self.url(page, "unpublish"), {"include_descendants": ""})


class BulkDelete(Bulk):
    done = Delete.done

    def run(self, client, estate, name, page, context):
        return client.post(self.url(page, "delete"))


class BulkMove(Bulk):
    targets = Move.targets
    allowed = Move.allowed
    done = Move.done

    def run(self, client, estate, name, page, context):
        destination = estate["elsewhere"][name]
        return client.post(self.url(page, "move"), {"chooser": str(destination.pk)})


class Api(Action):
    """The admin API's page actions, as the page explorer's scripts call them."""

    api_action = None

    def payload(self, estate, name, page):
        return {}

    def run(self, client, estate, name, page, context):
        return client.post(
            f"/admin/api/main/pages/{page.pk}/action/{self.api_action}/",
            self.payload(estate, name, page),
            content_type="application/json",
        )


class ApiPublish(Api):
    api_action = "publish"
    prepare = BulkPublish.prepare
    done = BulkPublish.done


class ApiUnpublish(Api):
    api_action = "unpublish"
    done = Unpublish.done


class ApiDelete(Api):
    api_action = "delete"
    done = Delete.done


class ApiMove(Api):
    api_action = "move"
    targets = Move.targets
    allowed = Move.allowed
    done = Move.done

    def payload(self, estate, name, page):
        return {"destination_page_id": estate["elsewhere"][name].pk, "position": "last-child"}


class ApiCopy(Api):
    api_action = "copy"
    done = CopyPublished.done

    def payload(self, estate, name, page):
        return {"slug": "copia", "keep_live": True}


class ApiCreateAlias(Api):
    api_action = "create_alias"
    done = CopyPublished.done

    def payload(self, estate, name, page):
        return {"update_slug": "alias", "destination_page_id": estate["parents"][name].pk}


class ApiRevert(Api):
    """Reverting to an older revision makes it the latest draft: for nobody does the public
    page change."""

    api_action = "revert_to_page_revision"

    def allowed(self, role, name):
        return False

    def prepare(self, estate, name, page):
        first = page.revisions.order_by("created_at", "pk").first()
        with setting_up_site():
            page.title = "Titolo aggiornato"
            page.save_revision().publish()
        return {"revision": first}

    def payload(self, estate, name, page):
        return {"revision_id": page.revisions.order_by("created_at", "pk").first().pk}

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["title"] != before["pages"][page.pk]["title"]


class CreatePublished(Action):
    """A new page, published from the page editor's create view."""

    def run(self, client, estate, name, page, context):
        kind, language = kind_and_language(name)
        parent = estate["parents"][name]
        if kind == "info":
            url = reverse(
                "wagtailadmin_pages:add", args=["reopening", "reopeninginfopage", parent.pk]
            )
            form = edit_form(page, title="Nuova", slug="nuova", **{"action-publish": "1"})
        else:
            url = reverse("wagtailadmin_pages:add", args=["hub", "topicpage", parent.pk])
            topic = estate["spare_topics"][language]
            form = edit_form(page, title="Nuova", slug="nuova", **{"action-publish": "1"})
            form["topic"] = str(topic.pk)
        return client.post(url, form)

    def done(self, before, after, page, context):
        return CopyPublished.done(self, before, after, page, context)


class Reorder(Action):
    """The explorer's drag and drop: the order of a section's pages is what visitors see
    on its landing page."""

    targets = ["info-it", "topic-it"]

    def run(self, client, estate, name, page, context):
        return client.post(
            reverse("wagtailadmin_pages:set_page_position", args=[page.pk]) + "?position=5"
        )

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["path"] != before["pages"][page.pk]["path"]


class AliasToPage(Action):
    """Wagtail's "convert alias into ordinary page": the alias stops following its source."""

    def prepare(self, estate, name, page):
        with setting_up_site():
            alias = page.create_alias(update_slug=f"{page.slug}-alias")
        return {"alias": alias}

    def run(self, client, estate, name, page, context):
        return client.post(reverse("wagtailadmin_pages:convert_alias", args=[context["alias"].pk]))

    def done(self, before, after, page, context):
        return after["pages"][context["alias"].pk]["alias_of_id"] is None


class ApiAliasToPage(AliasToPage):
    def run(self, client, estate, name, page, context):
        return client.post(
            f"/admin/api/main/pages/{context['alias'].pk}/action/convert_alias/",
            {},
            content_type="application/json",
        )


class EditApprove(Action):
    """Approving the review task from the page editor's action menu (a translation's
    editor is wagtail-localize's, without one: its approval is the workflow view's)."""

    targets = ["info-it"]

    def prepare(self, estate, name, page):
        return WorkflowApprove.prepare(self, estate, name, page)

    def run(self, client, estate, name, page, context):
        page = Page.objects.get(pk=page.pk).specific
        return client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            edit_form(
                page.get_latest_revision_as_object(),
                **{"action-workflow-action": "1", "workflow-action-name": "approve"},
            ),
        )

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["title"] == "Titolo da approvare"


class WorkflowApprove(Action):
    """A reviewer's approval publishes what was submitted; nobody else's does."""

    targets = ["info-it", "info-en"]

    def prepare(self, estate, name, page):
        draft_with_title(page, "Titolo da approvare")
        state = page.get_workflow().start(page, estate["users"]["editor"])
        return {"task_state": state.current_task_state}

    def run(self, client, estate, name, page, context):
        return client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", context["task_state"].pk],
            ),
            {"comment": ""},
        )

    def done(self, before, after, page, context):
        return after["pages"][page.pk]["title"] == "Titolo da approvare"


class TranslationPath(Action):
    """wagtail-localize's paths that publish a translation after its source changed."""

    targets = ["info-en", "topic-en"]
    # Syncing is for those who request translations (wagtail-localize's "submit
    # translation" permission): not reviewers, who review what others submit.
    for_translation_requesters = True

    def allowed(self, role, name):
        kind, language = kind_and_language(name)
        requester = role != "reviewer" or not self.for_translation_requesters
        return may_change(role, kind, language) and requester

    def deferred(self, user):
        """wagtail-localize publishes when the transaction commits: in production at the end
        of the request, inside the test's transaction only when this block ends."""
        stack = ExitStack()
        stack.enter_context(acting_as(user))
        stack.enter_context(self.capture(execute=True))
        return stack

    def prepare(self, estate, name, page):
        source = estate["pages"][other(name)].specific
        source = Page.objects.get(pk=source.pk).specific
        source.title = f"{source.title} aggiornato"
        with setting_up_site():
            source.save_revision().publish()
        return {"source": source}

    def done(self, before, after, page, context):
        return (
            after["pages"][page.pk]["live_revision_id"]
            != before["pages"][page.pk]["live_revision_id"]
        )


class UpdateTranslationsWithPublish(TranslationPath):
    def run(self, client, estate, name, page, context):
        source = TranslationSource.objects.get(
            object_id=page.translation_key, locale__language_code="it"
        )
        with self.deferred(user=context["user"]):
            return client.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                {"publish_translations": "on"},
            )


class SectionSyncWithPublish(TranslationPath):
    def run(self, client, estate, name, page, context):
        section = estate["parents"][other(name)]
        with self.deferred(user=context["user"]):
            return client.post(
                reverse("translators_report:sync_section", args=[section.pk]), {"publish": "on"}
            )


class TranslationEditorPublish(TranslationPath):
    for_translation_requesters = False

    def run(self, client, estate, name, page, context):
        # wagtail-localize answers the page editor's URL with its translation editor.
        with self.deferred(user=context["user"]):
            return client.post(
                reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
            )


ACTIONS = {
    "edit form: publish": EditPublish(),
    "create view: publish a new page": CreatePublished(),
    "edit form: approve the review": EditApprove(),
    "explorer: reorder": Reorder(),
    "convert alias into a page": AliasToPage(),
    "admin API: convert alias": ApiAliasToPage(),
    "unpublish view": Unpublish(),
    "delete view": Delete(),
    "move view": Move(),
    "copy view, publishing the copy": CopyPublished(),
    "copy view, as an alias": CopyAsAlias(),
    "wagtail-localize: convert to alias": ConvertToAlias(),
    "privacy view": SetPrivacy(),
    "bulk publish": BulkPublish(),
    "bulk unpublish": BulkUnpublish(),
    "bulk delete": BulkDelete(),
    "bulk move": BulkMove(),
    "admin API: publish": ApiPublish(),
    "admin API: unpublish": ApiUnpublish(),
    "admin API: delete": ApiDelete(),
    "admin API: move": ApiMove(),
    "admin API: copy": ApiCopy(),
    "admin API: create alias": ApiCreateAlias(),
    "admin API: revert to a revision": ApiRevert(),
    "workflow: approve": WorkflowApprove(),
    "wagtail-localize: update translations, publishing": UpdateTranslationsWithPublish(),
    "translations report: section sync, publishing": SectionSyncWithPublish(),
    "wagtail-localize: translation editor, publish": TranslationEditorPublish(),
}


@pytest.mark.parametrize("path", list(ACTIONS))
def test_each_path_changes_the_public_site_only_for_those_who_may(
    path, client, estate, django_capture_on_commit_callbacks
):
    action = ACTIONS[path]
    action.capture = django_capture_on_commit_callbacks
    outcomes = []
    for role in ROLES:
        for name in action.targets:
            with transaction.atomic():
                response, before, after, page, context = run_case(
                    client, estate, estate["users"][role], action, name
                )
                status = response.status_code if response is not None else None
                allowed = action.allowed(role, name)
                done = action.done(before, after, page, context)
                if allowed:
                    ok = done and status is not None and status < 400
                else:
                    ok = visible(after) == visible(before) and (status is None or status < 500)
                outcomes.append((role, name, "allowed" if allowed else "refused", status, ok))
                transaction.set_rollback(True)
    wrong = [outcome[:-1] for outcome in outcomes if not outcome[-1]]
    assert wrong == [], "\n".join(map(str, wrong))
