"""What the admin offers each user, so that no button leads to a refusal of the guard.

Wagtail's page permissions, narrowed for users who are not approvers: on a page that
requires review they may edit and submit but not publish, unpublish, unschedule, restrict
or reorder; and they may not delete, move or restrict a page with a live reviewed page
below it (deleting the home page would take the reopening section with it).
"""

from wagtail.models import PagePermissionTester

from .rule import has_live_reviewed_pages, is_approver, live_reviewed_paths, requires_review


def cached_live_reviewed_paths(user):
    """Read once per user object: an admin listing asks for every row."""
    if not hasattr(user, "_live_reviewed_paths"):
        user._live_reviewed_paths = live_reviewed_paths()
    return user._live_reviewed_paths


class ReviewPermissionTester(PagePermissionTester):
    def approver(self):
        return is_approver(self.user, self.page)

    def holds_reviewed_pages(self):
        """The page or one below it is live and requires review, and the user may not
        change what visitors see of it."""
        return has_live_reviewed_pages(
            self.page, cached_live_reviewed_paths(self.user)
        ) and not is_approver(self.user, self.page)

    def needs_review(self):
        return requires_review(self.page) and not self.approver()

    def can_publish(self):
        return super().can_publish() and not self.needs_review()

    def can_publish_subpage(self):
        return super().can_publish_subpage() and not self.needs_review()

    def can_unpublish(self):
        return super().can_unpublish() and not self.needs_review()

    def can_reorder_children(self):
        return super().can_reorder_children() and not self.needs_review()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and not self.holds_reviewed_pages()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and not self.holds_reviewed_pages()
