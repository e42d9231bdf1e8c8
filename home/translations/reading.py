"""What the admin shows of a page to someone who may not read its drafts.

A translator of one language may see the other language's live pages (to link to them, to
see what a translation follows) but not its drafts: not a page never published, not the
title of a change still in progress. Wagtail shows every page by
`get_admin_display_title()` (the draft's title) in its choosers, reports, dashboard panels
and confirmations, so the page types answer that question here once (`BasePage`), and the
listings that would show unpublished pages leave them out.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..review.actors import SITE_SETUP, current_actor

DRAFT_READING = {"add", "change", "publish"}


def can_read_drafts(user, page):
    """Whether `user` may see what is being written on `page` (its editors do)."""
    if user is None or user is SITE_SETUP or user.is_superuser:
        return True
    if not user.is_active or not user.is_authenticated:
        return False
    if page.depth == 1:
        return True
    return bool(DRAFT_READING & PagePermissionTester(user, page).permissions)


def shown_title(page, title):
    """`title` (the draft's) for whoever may read the drafts; else the live title, or a
    neutral name for a page that was never published."""
    user = current_actor()
    if can_read_drafts(user, page):
        return title
    return page.title if page.live else _("Unpublished page")


def readable_pages_q(user):
    """The pages whose existence and titles `user` may see: live ones and their own."""
    if user.is_superuser:
        return Q()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, DRAFT_READING)
    return Q(live=True) | Q(pk__in=editable.values("pk"))


def limit_page_chooser(pages, request):
    return pages.filter(readable_pages_q(request.user))


def check_move(request, page, destination):
    """Wagtail's move confirmation shows the page and where it goes before it checks
    anything; here it is refused first to whoever may not make the move."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
