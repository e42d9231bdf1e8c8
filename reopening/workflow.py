"""Who publishes what: plain publishing for the hub, a review for the reopening section.

Editors publish KeepONLearning themselves. In "Nice to MIP You" they submit to the
*Reopening review* workflow, and a member of Reviewers approves, which publishes the page
(`home.review` keeps every path to the public site from editors there). The groups are
shared with `home.demo.roles`: this builder only adds what the review needs. It runs with
the site's set-up (`create_roles`, the demo), registered as a `site_setup` hook.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.demo.collections import build_collections
from home.review.rule import REVIEWERS

EDITORS = "Editors"
WORKFLOW_NAME = "Reopening review"
TASK_NAME = "Approval by a reviewer"
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_pages(group, pages, codenames):
    for page in pages:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission("wagtailcore", codename)
            )


def reopening_workflow(reviewers):
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def build_workflows():
    """Groups, the review workflow on every language's reopening page, and the section
    collections. Idempotent."""
    from .models import ReopeningPage

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    access_admin = permission("wagtailadmin", "access_admin")
    editors.permissions.add(access_admin)
    reviewers.permissions.add(access_admin)

    workflow = reopening_workflow(reviewers)
    sections = list(ReopeningPage.objects.all())
    for page in sections:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    grant_pages(editors, sections, EDITOR_PAGE_PERMISSIONS)
    grant_pages(reviewers, sections, REVIEWER_PAGE_PERMISSIONS)
    build_collections(editors, reviewers)
    return {"workflow": workflow, "editors": editors, "reviewers": reviewers}
