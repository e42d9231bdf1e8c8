"""StreamField blocks shared by every page type.

Import paths here are recorded in migrations: move a block and the migrations break.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

# Groups of the block chooser, so editors find a block by what it is for.
TEXT_GROUP = _("Text")
MEDIA_GROUP = _("Media")
LINKS_GROUP = _("Links")


def require_page_or_url(value):
    """A link goes to exactly one place: an internal page or an external address."""
    if bool(value.get("page")) == bool(value.get("url")):
        message = _("Choose either a page or an external link.")
        raise StructBlockValidationError(
            {"page": ValidationError(message), "url": ValidationError(message)}
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Sub-heading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        group = TEXT_GROUP
        description = _("Starts a section; screen readers and the table of contents use it.")
        preview_value = {"text": _("What changes in September"), "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        group = MEDIA_GROUP
        description = _("A picture with the text that describes it and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        group = TEXT_GROUP
        description = _("Words of a person, set apart from the text, with who said them.")
        preview_value = {
            "quote": _("Learning never stops, not even when the campus is closed."),
            "attribution": "MIP Politecnico di Milano",
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        group = LINKS_GROUP
        description = _("A box that invites readers to do one thing, with a button.")
        preview_value = {
            "title": _("Join the next webinar"),
            "text": _("Free, online, in Italian and English."),
            "url": "https://www.som.polimi.it/",
            "button_label": _("Register"),
        }

    def clean(self, value):
        value = super().clean(value)
        require_page_or_url(value)
        return value


class EmbedVideoBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or media URL"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed_block.html"
        group = MEDIA_GROUP
        description = _("A video from YouTube or Vimeo, played on the page.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link_block.html"
        group = LINKS_GROUP
        description = _("A link to a PDF or other file, with its type and size.")


class StoryBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        group=TEXT_GROUP,
        description=_("Running text with bold, italics, links and lists."),
        preview_value=_(
            "<p>From 14 September classes are back on campus, with <b>booked seats</b>.</p>"
        ),
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedVideoBlock()
    document = DocumentLinkBlock()


class LinkBlock(blocks.StructBlock):
    """One entry of a navigation menu or footer: an internal page or an external address."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)
    label = blocks.CharBlock(
        label=_("Label"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to use the page title."),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        require_page_or_url(value)
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                {"label": ValidationError(_("An external link needs a label."))}
            )
        return value
