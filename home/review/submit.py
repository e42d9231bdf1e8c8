"""Paths that would publish a reviewed page for someone who may not: save a draft and
submit it to the page's review workflow instead, and say so."""

from django.contrib import messages
from django.utils.translation import ngettext

from .rule import is_approver, requires_review


def may_publish(user, page):
    return not requires_review(page) or is_approver(user, page)


def submit_for_review(page, user):
    """Start the page's workflow on its latest revision (one already in progress reviews
    the latest revision when it is approved). True when the page is now in review."""
    page = page.specific
    workflow = page.get_workflow()
    if workflow is None:
        return False
    if not page.workflow_in_progress:
        workflow.start(page, user)
    return True


def report_submitted(request, pages):
    """One message for the pages saved as drafts and sent to review instead of published."""
    if not pages:
        return
    messages.warning(
        request,
        ngettext(
            "“%(titles)s” needs a reviewer's approval: its translation was saved as a draft "
            "and submitted for review.",
            "%(count)s pages need a reviewer's approval (%(titles)s): their translations were "
            "saved as drafts and submitted for review.",
            len(pages),
        )
        % {
            "count": len(pages),
            "titles": ", ".join(page.get_admin_display_title() for page in pages),
        },
    )
