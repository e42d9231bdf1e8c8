"""The rule: who may change what visitors see of a page that requires review."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.models import Page, PagePermissionTester

from .actors import SITE_SETUP

REVIEWERS = "Reviewers"


class RequiresReview:
    """Marks page types whose public version only a reviewer or an administrator may
    change (see the package's docstring)."""


class ReviewRequired(PermissionDenied):
    """A change to what visitors see of a reviewed page, asked by someone who may not make
    it. Its message says what to do instead."""

    def __init__(self, page, change):
        self.page = page
        self.change = change
        super().__init__(
            _(
                "Only a reviewer can change what visitors see of “%(title)s”: save your "
                "changes as a draft and submit them for review."
            )
            % {"title": page.get_admin_display_title()}
        )


def requires_review(page_or_model):
    model = page_or_model
    if isinstance(page_or_model, Page):
        model = page_or_model.specific_class or type(page_or_model)
    return isinstance(model, type) and issubclass(model, RequiresReview)


def reviewed_models():
    return [model for model in apps.get_models() if issubclass(model, RequiresReview)]


def reviewed_content_type_ids():
    return [ContentType.objects.get_for_model(model).pk for model in reviewed_models()]


def live_reviewed_paths():
    """The tree paths of every live page that requires review (a handful)."""
    return list(
        Page.objects.filter(content_type_id__in=reviewed_content_type_ids(), live=True)
        .order_by()
        .values_list("path", flat=True)
    )


def has_live_reviewed_pages(page, paths=None):
    """Whether `page` or a page below it is live and requires review."""
    paths = live_reviewed_paths() if paths is None else paths
    return any(path.startswith(page.path) for path in paths)


def is_reviewer(user):
    """Asked once per user object, however many pages a listing checks."""
    if user is SITE_SETUP:
        return True
    if user is None or not user.is_active or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_is_reviewer"):
        user._is_reviewer = user.groups.filter(name=REVIEWERS).exists()
    return user._is_reviewer


def is_approver(user, page):
    """An administrator, the site's setup, or a reviewer who may publish `page`."""
    if not is_reviewer(user):
        return False
    if user is SITE_SETUP or user.is_superuser:
        return True
    return "publish" in PagePermissionTester(user, page).permissions
