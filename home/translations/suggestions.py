"""The previous translation of a changed text, offered to the translator after a sync.

When the source of a translated text changes and the translation is synced, wagtail-localize
extracts the new text as a new string, so the translation editor shows an empty field even
though the same place (the same translation context) had been translated before. Those
earlier translations are still stored: here they are found again and offered in the editor
as suggestions. Nothing is saved until the translator accepts one, and a suggestion is never
counted as a translation.

Which earlier translation belongs to which new text: a context usually holds one text (a
field, a block), and its latest translation of a text the source no longer has is the
previous one. A rich text field holds one text a paragraph under the same context; there
each changed paragraph is offered the earlier translation whose source is most like its new
text, if any is alike enough, and no earlier translation is offered twice.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from .guards import target_editor_only

# In a context holding several texts, how alike (0 to 1) a changed text and the source of an
# earlier translation must be for that translation to be offered.
MIN_SIMILARITY = 0.4


@dataclass
class Suggestion:
    segment: StringSegment
    previous: StringTranslation

    def as_json(self, translation):
        return {
            "segmentId": self.segment.pk,
            "contentPath": self.segment.context.path,
            "source": self.segment.string.data,
            "previousSource": self.previous.translation_of.data,
            "suggestion": self.previous.data,
            "acceptUrl": reverse(
                "translators_suggestions:accept", args=[translation.pk, self.segment.pk]
            ),
        }


def similarity(old, new):
    return SequenceMatcher(None, old, new).ratio()


def suggestions_for(translation):
    """A Suggestion for each text of `translation` that has no translation in its target
    language but whose place had an earlier translation, in the order of the source."""
    locale_id = translation.target_locale_id
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string", "context")
        .order_by("order")
    )
    contexts = {segment.context_id for segment in segments}
    translated = set(
        StringTranslation.objects.filter(locale_id=locale_id, context_id__in=contexts).values_list(
            "translation_of_id", "context_id"
        )
    )
    missing = [s for s in segments if (s.string_id, s.context_id) not in translated]
    if not missing:
        return []

    texts_per_context = Counter(segment.context_id for segment in segments)
    current_strings = defaultdict(set)
    for segment in segments:
        current_strings[segment.context_id].add(segment.string_id)
    earlier = defaultdict(list)
    candidates = (
        StringTranslation.objects.filter(
            locale_id=locale_id,
            context_id__in={segment.context_id for segment in missing},
            has_error=False,
        )
        .exclude(data="")
        .select_related("translation_of")
        .order_by("-updated_at", "-pk")
    )
    for candidate in candidates:
        if candidate.translation_of_id not in current_strings[candidate.context_id]:
            earlier[candidate.context_id].append(candidate)

    found = []
    for segment in missing:
        pool = earlier[segment.context_id]
        if not pool:
            continue
        if texts_per_context[segment.context_id] == 1:
            previous = pool[0]
        else:
            # max() keeps the first of equals: the most recent translation.
            score, previous = max(
                ((similarity(c.translation_of.data, segment.string.data), c) for c in pool),
                key=lambda pair: pair[0],
            )
            if score < MIN_SIMILARITY:
                continue
        pool.remove(previous)
        found.append(Suggestion(segment, previous))
    return found


def error(message, status):
    return JsonResponse({"error": message}, status=status)


def active_translation(translation_id):
    translation = get_object_or_404(Translation.objects.select_related("source"), pk=translation_id)
    return translation if translation.enabled else None


@require_GET
@target_editor_only
def suggestions(request, translation_id):
    """The suggestions of a translation, as JSON."""
    translation = active_translation(translation_id)
    if translation is None:
        return error(_("This translation has been stopped."), 400)
    return JsonResponse(
        {"suggestions": [item.as_json(translation) for item in suggestions_for(translation)]}
    )


@require_POST
@target_editor_only
def accept(request, translation_id, segment_id):
    """Save the suggested translation of one text, at the translator's request. A text
    translated in the meantime is left as it is."""
    translation = active_translation(translation_id)
    if translation is None:
        return error(_("This translation has been stopped."), 400)
    segment = StringSegment.objects.filter(pk=segment_id, source_id=translation.source_id).first()
    if segment is None:
        return error(_("This text is not part of this translation."), 404)
    suggestion = next(
        (item for item in suggestions_for(translation) if item.segment.pk == segment.pk), None
    )
    if suggestion is None:
        if StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale_id=translation.target_locale_id,
        ).exists():
            return error(_("This text has already been translated; nothing was changed."), 409)
        return error(_("There is no previous translation of this text."), 404)
    data = suggestion.previous.data
    try:
        StringValue.from_translated_html(data)
        validate_translation_links(segment.string.data, data)
    except ValueError:
        return error(
            _(
                "The previous translation does not fit the new text (its links or formatting "
                "differ). Copy it and adjust it in the editor instead."
            ),
            400,
        )
    try:
        with transaction.atomic():
            created = StringTranslation.objects.create(
                translation_of_id=segment.string_id,
                locale_id=translation.target_locale_id,
                context_id=segment.context_id,
                data=data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                last_translated_by=request.user,
            )
    except IntegrityError:
        return error(_("This text has already been translated; nothing was changed."), 409)
    return JsonResponse({"segmentId": segment.pk, "translation": created.data}, status=201)


urlpatterns = [
    path("<int:translation_id>/", suggestions, name="list"),
    path("<int:translation_id>/<int:segment_id>/accept/", accept, name="accept"),
]
