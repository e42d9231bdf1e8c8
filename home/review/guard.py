"""The one check where every path to the public site crosses: the database writes that
change what visitors see of a page that requires review.

Wagtail's admin views, bulk actions, admin API, wagtail-localize's views and commands all
end in a few writes: the page row (live, live revision, alias, address, content), a
revision's approved go-live, a view restriction, a deletion. Each is checked here against
the acting user (`actors.py`), so a path added by a future upgrade is covered without
being known. Signal receivers rather than overridden actions: the admin instantiates
Wagtail's action classes directly, and wagtail-localize publishes through
`Revision.publish()` with no user when a transaction commits.

Two writes are allowed to a command or job acting for nobody, because a reviewer decided
them earlier: publishing a revision whose go-live a reviewer approved (`publish_scheduled`;
approving a go-live is itself checked here), and unpublishing a page whose reviewed expiry
has passed.
"""

from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Revision

from .actors import current_acting, current_actor
from .rule import ReviewRequired, has_live_reviewed_pages, is_approver, requires_review

PUBLISH, UNPUBLISH, SCHEDULE, ALIAS, MOVE, EDIT, DELETE, RESTRICT = (
    "publish",
    "unpublish",
    "schedule",
    "alias",
    "move",
    "edit",
    "delete",
    "restrict",
)
STATE_FIELDS = ("live", "live_revision_id", "alias_of_id", "url_path", "expire_at", "expired")
# Written by Wagtail while editors work on drafts, or kept by the tree: not what visitors see.
BOOKKEEPING = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale",
    "content_type",
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "live",
    "live_revision",
    "alias_of",
    "url_path",
    "expired",
}


def refuse(page, change):
    error = ReviewRequired(page, change)
    acting = current_acting()
    if acting is not None:
        # The admin request is rolled back as a whole (see `middleware.py`), whatever the
        # view did with the exception.
        acting.refusals.append(error)
    raise error


def allow(page, change, stored=None):
    actor = current_actor()
    if is_approver(actor, page):
        return
    if actor is None and change == PUBLISH:
        # `publish_scheduled` publishes the revision a reviewer scheduled; the action keeps
        # that revision as the page's live one while it saves the page.
        approved = getattr(page.live_revision, "approved_go_live_at", None)
        if approved is not None and approved <= timezone.now():
            return
    if actor is None and change == UNPUBLISH and stored is not None:
        expire_at = stored["expire_at"]
        if page.expired and expire_at is not None and expire_at <= timezone.now():
            return
    refuse(page, change)


def content_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in BOOKKEEPING and not field.primary_key
    ]


def content_changed(page, update_fields):
    fields = [
        field
        for field in content_fields(type(page))
        if update_fields is None or field.name in update_fields or field.attname in update_fields
    ]
    if not fields:
        return False
    stored = type(page)._base_manager.filter(pk=page.pk).values(*[f.attname for f in fields])
    stored = stored.first()
    if stored is None:
        return False
    return any(
        field.get_prep_value(getattr(page, field.attname))
        != field.get_prep_value(stored[field.attname])
        for field in fields
    )


def page_change(page, update_fields):
    """What a save of `page` changes of its public version, with the stored state it
    changes (None for a new page), or None."""
    if page._state.adding or page.pk is None:
        if page.alias_of_id:
            return ALIAS, None
        return (PUBLISH, None) if page.live else None
    stored = Page._base_manager.filter(pk=page.pk).values(*STATE_FIELDS).first()
    if stored is None:
        return (PUBLISH, None) if page.live else None

    def new(name):
        saved = (
            update_fields is None
            or name in update_fields
            or name.removesuffix("_id") in (update_fields)
        )
        return getattr(page, name) if saved else stored[name]

    was_live, live = stored["live"], new("live")
    if new("alias_of_id") != stored["alias_of_id"]:
        return ALIAS, stored
    if stored["alias_of_id"]:
        # An alias shows its source, which was reviewed; it may only follow the source's
        # own live state.
        if live != was_live:
            source_live = Page._base_manager.filter(pk=stored["alias_of_id"]).values_list(
                "live", flat=True
            )
            if live != source_live.first():
                return (PUBLISH if live else UNPUBLISH), stored
        return None
    if not was_live and not live:
        return None
    if was_live and not live:
        return UNPUBLISH, stored
    if live and not was_live:
        return PUBLISH, stored
    if new("live_revision_id") != stored["live_revision_id"]:
        return PUBLISH, stored
    if new("url_path") != stored["url_path"]:
        return MOVE, stored
    if content_changed(page, update_fields):
        return EDIT, stored
    return None


def check_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or not requires_review(instance):
        return
    change = page_change(instance, set(update_fields) if update_fields is not None else None)
    if change is not None:
        allow(instance, *change)


def check_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and requires_review(instance):
        allow(instance, DELETE)


def check_revision_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Approving a go-live is publishing later: `publish_scheduled` trusts it."""
    if raw or instance.approved_go_live_at is None:
        return
    if update_fields is not None and "approved_go_live_at" not in update_fields:
        return
    model = instance.content_type.model_class()
    if model is None or not requires_review(model):
        return
    if instance.pk is not None:
        stored = Revision.objects.filter(pk=instance.pk).values_list(
            "approved_go_live_at", flat=True
        )
        if stored.first() == instance.approved_go_live_at:
            return
    page = Page.objects.get(pk=instance.object_id)
    if not is_approver(current_actor(), page):
        refuse(page, SCHEDULE)


def check_view_restriction(sender, instance, raw=False, **kwargs):
    """A password or login on a page hides it and everything below it from visitors."""
    if raw:
        return
    page = instance.page
    if has_live_reviewed_pages(page) and not is_approver(current_actor(), page):
        refuse(page, RESTRICT)


def connect_signals():
    pre_save.connect(check_page_save, dispatch_uid="review_page_save")
    pre_delete.connect(check_page_delete, dispatch_uid="review_page_delete")
    pre_save.connect(check_revision_save, sender=Revision, dispatch_uid="review_revision_save")
    pre_save.connect(
        check_view_restriction, sender=PageViewRestriction, dispatch_uid="review_restrict_save"
    )
    pre_delete.connect(
        check_view_restriction, sender=PageViewRestriction, dispatch_uid="review_restrict_delete"
    )
