"""Safety information is never published by one person alone.

Editors may write and publish anywhere else, but in the reopening section their Publish
button gives way to *Submit to Reopening review*: only a reviewer (or an administrator)
publishes there, and approving the workflow's task is what publishes an editor's change.
"""

from wagtail.models import PagePermissionTester

REVIEWERS = "Reviewers"


def is_reviewer(user):
    """Asked once per request user, however many pages a listing checks."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_is_reviewer"):
        user._is_reviewer = user.groups.filter(name=REVIEWERS).exists()
    return user._is_reviewer


class ReviewedPublishingTester(PagePermissionTester):
    """Wagtail's page permissions, with publishing kept for reviewers and administrators."""

    def can_publish(self):
        return super().can_publish() and is_reviewer(self.user)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and is_reviewer(self.user)


class ReviewedPublishingMixin:
    """For page types whose content is safety information."""

    def permissions_for_user(self, user):
        return ReviewedPublishingTester(user, self)
