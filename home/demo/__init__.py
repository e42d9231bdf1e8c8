"""Builders for the bilingual demo content, shared by `load_demo_data` and the tests.

Every text is written once as an (Italian, English) pair. The Italian tree is built from
the Italian halves; the English tree is then made the way a translator makes it, through
wagtail-localize: a Translation of the Italian source whose segments are filled from the
English halves, then published. A segment without an English half is an error, so the
demo can never publish a page that is half in Italian.
"""

import html
from io import BytesIO

from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class Bilingual:
    """Collects (Italian, English) pairs; calling it returns the Italian text."""

    def __init__(self):
        self.english = {}

    def __call__(self, italian, english):
        if any(char in italian + english for char in "&<>\n"):
            raise ValueError(f"Demo texts are plain sentences: {italian!r}")
        known = self.english.setdefault(italian, english)
        if known != english:
            raise ValueError(f"{italian!r} has two English versions: {known!r}, {english!r}")
        return italian

    def rich(self, *paragraphs):
        """Rich text from (Italian, English) paragraph pairs; each paragraph is one segment."""
        return "".join(f"<p>{self(it, en)}</p>" for it, en in paragraphs)


def locales():
    italian = Locale.objects.get(language_code="it")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return italian, english


def ensure_page(parent, model, slug, **fields):
    """The child of `parent` with this slug; created and published when missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_translation(instance, locale, texts):
    """The published translation of a page or snippet into `locale`, made through
    wagtail-localize when it does not exist yet."""
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = html.unescape(segment.string.data)
        if text not in texts.english:
            missing.append(text)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": texts.english[text],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if missing:
        raise CommandError(f"No English text for {instance!r}: {missing}")
    if isinstance(instance, Page):
        # wagtail-localize defers its own publish to the end of the transaction, when it
        # saves a stale copy of the page; publish a fresh revision here instead.
        translation.save_target(publish=False)
        target = instance.get_translation(locale)
        target.save_revision().publish()
        return target
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def ensure_image(title, background=(11, 61, 110), accent=(179, 38, 30), size=(1600, 900)):
    """A generated illustration: a shaded coloured field and a band. No words: the same image
    serves both languages, and cards show it as decoration next to their own text."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is not None:
        return image
    width, height = size
    canvas = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    for step in range(0, width, 80):
        shade = tuple(min(255, c + (step * 40) // width) for c in background)
        draw.rectangle([step, 0, step + 80, height], fill=shade)
    draw.rectangle([0, height * 2 // 3, width, height * 2 // 3 + 24], fill=accent)
    buffer = BytesIO()
    canvas.save(buffer, format="JPEG", quality=85)
    filename = "".join(c if c.isalnum() else "-" for c in title.lower()) + ".jpg"
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=filename))
