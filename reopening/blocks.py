"""StreamField blocks of the reopening section: what students need to act on, at a glance.

Import paths here are recorded in migrations: move a block and the migrations break.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import RICH_TEXT_FEATURES, StoryBlock

PRACTICAL_GROUP = _("Practical information")


class ChecklistStepBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Step"), max_length=200)
    details = blocks.TextBlock(label=_("Details"), required=False, max_length=500)

    class Meta:
        icon = "check"
        label = _("Step")


class ChecklistBlock(blocks.StructBlock):
    """Steps in the order a student takes them, e.g. before the first day on campus."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    steps = blocks.ListBlock(ChecklistStepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Checklist")
        template = "blocks/checklist_block.html"
        group = PRACTICAL_GROUP
        description = _("Numbered steps to take in order.")
        preview_value = {
            "title": _("Before your first day"),
            "steps": [
                {"text": _("Book your seat in the app"), "details": ""},
                {"text": _("Bring a mask"), "details": ""},
            ],
        }


CALLOUT_KINDS = [
    ("info", _("Information")),
    ("important", _("Important")),
    ("mandatory", _("Mandatory")),
]


class CalloutBlock(blocks.StructBlock):
    """A short message that stands out; its kind tells how binding it is."""

    kind = blocks.ChoiceBlock(label=_("Kind"), choices=CALLOUT_KINDS, default="info")
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"
        group = PRACTICAL_GROUP
        description = _("A message that stands out: information, important or mandatory.")
        preview_value = {
            "kind": "mandatory",
            "title": _("Masks on campus"),
            "text": _("<p>Wear a mask indoors at all times.</p>"),
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(CALLOUT_KINDS).get(value["kind"], "")
        return context


class ProtocolDocumentBlock(blocks.StructBlock):
    """A document to download, such as the campus safety protocol, with its version."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document title."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)
    valid_from = blocks.DateBlock(label=_("Valid from"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Downloadable document")
        template = "blocks/protocol_document_block.html"
        group = PRACTICAL_GROUP
        description = _("A protocol or form to download, with the date it applies from.")


class ContactCardBlock(blocks.StructBlock):
    """An office or role to contact: role-based addresses outlive the people behind them."""

    name = blocks.CharBlock(label=_("Office or role"), max_length=120)
    description = blocks.TextBlock(label=_("What to contact them for"), required=False)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    hours = blocks.CharBlock(label=_("Opening hours"), required=False, max_length=120)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "blocks/contact_card_block.html"
        group = PRACTICAL_GROUP
        description = _("An office to contact, with email, phone and opening hours.")
        preview_value = {
            "name": _("Student services"),
            "description": "",
            "email": "servizi.studenti@som.polimi.it",
            "phone": "+39 02 0000 0000",
            "hours": _("Monday to Friday, 9 am to 5 pm"),
        }


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FaqBlock(blocks.StructBlock):
    """Questions and answers; the page publishes them as schema.org FAQPage data too."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "blocks/faq_block.html"
        group = PRACTICAL_GROUP
        description = _("Questions and answers; the FAQ page of the section gathers them.")
        preview_value = {
            "title": "",
            "items": [
                {
                    "question": _("Do I need to book a seat?"),
                    "answer": _("<p>Yes, for every class, in the app.</p>"),
                }
            ],
        }


class KeyMessageBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)

    class Meta:
        icon = "pick"
        label = _("Key message")
        template = "blocks/key_message_block.html"
        description = _("A card with one thing every student must know.")
        preview_value = {
            "title": _("Book your seat"),
            "text": _("Every class needs a booking in the app."),
        }


class ReopeningStoryBlock(StoryBlock):
    """The shared story blocks plus what practical information needs."""

    checklist = ChecklistBlock()
    callout = CalloutBlock()
    protocol_document = ProtocolDocumentBlock()
    contact_card = ContactCardBlock()
    faq = FaqBlock()
