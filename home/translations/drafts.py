"""Saving a translation as a draft that stays a draft.

wagtail-localize's `Translation.save_target(publish=False)` writes the translated content
into the page's own row before it saves a revision, and the row is what Wagtail serves: on a
live page the "draft" is public at once. Here a live page's translation is built the same
way (synchronised fields copied, segments ingested, the slug made valid) on the page in
memory and kept only as a new revision, which a publish (or a reviewer's approval) makes
live later. Its segment reader is wagtail-localize's own (`_get_segments_for_translation`);
there is no public equivalent.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.segments.ingest import ingest_segments


def save_translation_draft(translation, user=None):
    """A draft revision of the translation's target with the current translations (the
    source's text where one is missing, as wagtail-localize does). Returns the target."""
    try:
        target = translation.get_target_instance()
    except Page.DoesNotExist:
        target = None
    if not isinstance(target, Page) or not target.live or target.alias_of_id:
        # A new or draft page: its row is nobody's public version (an alias is converted
        # into a page of its own, which the review guard checks).
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance()
    source = translation.source
    original = source.as_instance()
    target = target.specific
    with transaction.atomic():
        copy_synchronised_fields(original, target)
        segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
        ingest_segments(original, target, source.locale, translation.target_locale, segments)
        target.slug = find_available_slug(
            target.get_parent(), slugify(target.slug), ignore_page_id=target.id
        )
        target.save_revision(user=user)
    return target
