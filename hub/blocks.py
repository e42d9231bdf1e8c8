"""Blocks that only KeepONLearning items use."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .choices import DELIVERY_LANGUAGES


class DownloadBlock(blocks.StructBlock):
    """A file offered by a tool page, shown with its type, size and language."""

    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("What it is for"), required=False)
    language = blocks.ChoiceBlock(label=_("Language of the file"), choices=DELIVERY_LANGUAGES)

    class Meta:
        icon = "download"
        label = _("Download")
        template = "blocks/download_block.html"
        description = _("A file to download, with its title, purpose and language.")


class TakeawayBlock(blocks.CharBlock):
    class Meta:
        icon = "tick"
        label = _("Key take-away")
        description = _("One sentence to remember from the talk.")
