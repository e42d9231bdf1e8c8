"""Sync a whole section at once, after seeing what will change.

Publishing a source page only marks its translations outdated; here an editor or translator
brings every outdated translation of a section up to date in one go. What translators have
already translated is kept (wagtail-localize matches translations by text and place); new or
changed text shows the source until it is translated, and the translation editor offers the
previous translation of a changed text as a suggestion (`suggestions.py`).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import ngettext
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from ..review.submit import may_publish, report_submitted, submit_for_review
from .drafts import save_translation_draft
from .permissions import can_translate_into, source_is_visible


@dataclass
class PendingSync:
    page: Page
    source: TranslationSource
    translations: list
    added: list
    removed: list


def text_changes(instance, source):
    """Texts to translate that are new since the last sync, and texts that went away."""
    current = [
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]
    synced = list(
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .values_list("string__data", flat=True)
    )
    return [text for text in current if text not in synced], [
        text for text in synced if text not in current
    ]


def pending_syncs(user, section):
    """The pages of `section` whose text changed since their translations were synced,
    limited to those `user` may read and whose every translation they may update."""
    pages = [section, *section.get_descendants().filter(locale_id=section.locale_id).specific()]
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=[page.translation_key for page in pages], locale_id=section.locale_id
        )
    }
    pending = []
    for page in pages:
        source = sources.get(page.translation_key)
        if source is None or not source_is_visible(user, page):
            continue
        translations = list(
            source.translations.filter(enabled=True).select_related("target_locale")
        )
        if not translations or not all(
            can_translate_into(user, page, t.target_locale) for t in translations
        ):
            continue
        added, removed = text_changes(page, source)
        if added or removed:
            pending.append(PendingSync(page, source, translations, added, removed))
    return pending


def sync_section(request, page_id):
    section = get_object_or_404(Page, pk=page_id).specific
    if not request.user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied
    if not source_is_visible(request.user, section):
        raise PermissionDenied
    pending = pending_syncs(request.user, section)
    if request.method == "POST":
        publish = "publish" in request.POST
        submitted = []
        with transaction.atomic():
            for item in pending:
                item.source.update_from_db()
                for translation in item.translations:
                    target = translation.get_target_instance()
                    if publish and may_publish(request.user, target):
                        translation.save_target(user=request.user, publish=True)
                        continue
                    target = save_translation_draft(translation, request.user)
                    if publish and submit_for_review(target, request.user):
                        submitted.append(target)
        report_submitted(request, submitted)
        messages.success(
            request,
            ngettext(
                "%(count)s page of “%(section)s” synced.",
                "%(count)s pages of “%(section)s” synced.",
                len(pending),
            )
            % {"count": len(pending), "section": section.get_admin_display_title()},
        )
        return redirect("translators_report:index")
    return TemplateResponse(
        request,
        "translations/sync_section.html",
        {"section": section, "pending": pending, "header_icon": "rotate"},
    )
