"""A translated string that its field cannot hold is an error on that string, whatever path
brought it: the translation editor, a PO file, machine translation.

wagtail-localize stores each translation in a text column and checks only its HTML; the
field's own rules (a title's 255 characters, a slug's characters, a block's `max_length`)
are met only when the translated page is saved, where an over-long title failed as a
database error (and, through wagtail-localize's `draft_title` update, already when the
string itself was saved). Here every `StringTranslation` is checked as it is saved, against
the field its context points to in the source object: a string that does not fit keeps what
the person typed, is marked with wagtail-localize's own error fields (the editor shows the
message beside the string) and is left out of the page, which shows the source text there
until it is fixed. `po_problems` lets the PO upload refuse such a file before anything is
imported.
"""

from functools import lru_cache

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models.signals import post_save, pre_save
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize import models as localize_models
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

# Blocks whose value is the plain text of the string: the ones with a form field to check.
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock, blocks.EmailBlock)


def child_block(block, value, part):
    """The block and value one step down a wagtail-localize segment path."""
    if isinstance(block, blocks.StructBlock):
        return block.child_blocks.get(part), (value or {}).get(part)
    if isinstance(block, blocks.StreamBlock):
        child = next((child for child in value or [] if child.id == part), None)
        return (child.block, child.value) if child else (None, None)
    if isinstance(block, blocks.ListBlock):
        items = getattr(value, "bound_blocks", [])
        item = next((item for item in items if item.id == part), None)
        return (block.child_block, item.value) if item else (None, None)
    return None, None


def target_of(instance, path):
    """What the segment at `path` of `instance` is saved into: ("field", model field),
    ("block", block) or None when the path leads nowhere this module checks."""
    name, *rest = path.split(".")
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, StreamField):
        block, value = field.stream_block, getattr(instance, name)
        for part in rest:
            block, value = child_block(block, value, part)
            if block is None:
                return None
        return ("block", block)
    if field.one_to_many and isinstance(getattr(field, "remote_field", None), ParentalKey):
        if len(rest) < 2:
            return None
        children = getattr(instance, name).all()
        child = next(
            (c for c in children if str(getattr(c, "translation_key", "")) == rest[0]), None
        )
        return target_of(child, ".".join(rest[1:])) if child is not None else None
    if rest or not getattr(field, "concrete", False):
        return None
    return ("field", field)


def plain_text(data):
    try:
        return StringValue(data).render_text()
    except Exception:  # wagtail-localize reports bad HTML itself
        return None


def problem_with(instance, path, data):
    """Why the translated `data` cannot go into the field at `path`, or None."""
    target = target_of(instance, path)
    if target is None:
        return None
    kind, where = target
    text = plain_text(data)
    if text is None:
        return None
    try:
        if kind == "field":
            where.clean(text, None)
        elif isinstance(where, TEXT_BLOCKS):
            where.clean(text)
    except ValidationError as error:
        label = where.verbose_name if kind == "field" else where.label
        return describe_field(label, " ".join(error.messages))
    return None


def describe_field(label, problem):
    return _("%(field)s: %(problem)s") % {"field": capfirst(str(label or "")), "problem": problem}


@lru_cache(maxsize=16)
def source_as_instance(source_id, last_updated_at):
    """The source object as wagtail-localize stored it; the same for every string of one
    upload or machine translation, so it is read once."""
    return localize_models.TranslationSource.objects.get(pk=source_id).as_instance()


def source_instance(string_translation):
    source = (
        localize_models.TranslationSource.objects.filter(
            object_id=string_translation.context.object_id,
            locale_id=string_translation.translation_of.locale_id,
        )
        .only("pk", "last_updated_at")
        .first()
    )
    if source is None:
        return None
    try:
        return source_as_instance(source.pk, source.last_updated_at)
    except Exception:  # an unreadable source is not this check's to report
        return None


def describe(source_text, problem):
    return _("The translation of “%(string)s” cannot be saved. %(problem)s") % {
        "string": source_text[:80],
        "problem": problem,
    }


def check_string_translation(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "data" not in update_fields:
        return
    context = instance.context
    if context is None:
        return
    original = source_instance(instance)
    if original is None:
        return
    problem = problem_with(original, context.path, instance.data)
    if problem:
        instance.has_error = True
        instance.field_error = describe(plain_text(instance.translation_of.data) or "", problem)


def po_problems(translation, po):
    """For each filled entry of `po` whose text its field cannot hold, a sentence naming it."""
    source = translation.source
    original = source_as_instance(source.pk, source.last_updated_at)
    found = []
    for entry in po:
        if entry.msgstr and entry.msgctxt:
            problem = problem_with(original, entry.msgctxt, entry.msgstr)
            if problem:
                found.append(describe(plain_text(entry.msgid) or entry.msgid, problem))
    return found


def update_draft_title(sender, instance, **kwargs):
    """wagtail-localize's own receiver, which copies a translated title into the page's
    `draft_title`, for titles that fit: an over-long one failed there as a database error."""
    if instance.context.path != "title" or instance.has_error:
        return
    if len(instance.data) > Page._meta.get_field("draft_title").max_length:
        return
    Page.objects.filter(
        translation_key=instance.context.object_id, locale_id=instance.locale_id
    ).update(draft_title=instance.data)


def connect():
    pre_save.connect(check_string_translation, sender=StringTranslation, dispatch_uid="strings")
    post_save.disconnect(localize_models.post_save_string_translation, sender=StringTranslation)
    post_save.connect(update_draft_title, sender=StringTranslation, dispatch_uid="draft_title")
