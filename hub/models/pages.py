"""KeepONLearning pages: the hub index, topic landing pages and the six kinds of item."""

import math
from datetime import timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import StoryBlock
from home.editors.page_form import PageForm
from home.models import BasePage
from home.seo.structured_data import ORGANISATION, image_url
from home.seo.urls import absolute_url, public_base_url
from home.serving.fragments import cached
from hub import choices
from hub.blocks import DownloadBlock, TakeawayBlock

from .snippets import Audience, Topic

WEB_ADDRESS_ERROR = _("Enter a web address starting with http:// or https://.")
http_url = URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_ERROR)
DURATION_ERROR = _("A webinar lasts at least 5 minutes: its end must come after its start.")
EFFORT_ERROR = _("The effort is a number of hours, at least 1.")
ROME = ZoneInfo("Europe/Rome")


def url_field(verbose_name, help_text=""):
    return models.URLField(
        verbose_name,
        blank=True,
        max_length=500,
        validators=[http_url],
        help_text=help_text,
        error_messages={"invalid": WEB_ADDRESS_ERROR},
    )


class HubItemForm(PageForm):
    """Offers only the topics of the page's own language, and says what a web address
    must look like when one is refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.URLField):
                field.error_messages["invalid"] = WEB_ADDRESS_ERROR
        if "topics" in self.fields and self.instance.locale_id:
            self.fields["topics"].queryset = Topic.objects.filter(locale_id=self.instance.locale_id)


class HubItemPage(BasePage):
    """What the six kinds of KeepONLearning item share, in one table so that the hub can
    list, filter and count them together in a few queries.

    Topics and audiences are the same in every language: wagtail-localize keeps the
    translation's choices in step with the source.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=choices.KINDS, editable=False)
    published_at = models.DateTimeField(
        _("date"),
        default=timezone.now,
        help_text=_("Shown on the page and used to sort the hub, newest first."),
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        related_name="items",
        help_text=_("At least one. The item is listed under each topic you tick."),
    )
    audiences = ParentalManyToManyField(
        Audience,
        verbose_name=_("audiences"),
        related_name="items",
        blank=True,
        help_text=_("Whom the item is for; visitors can filter the hub by audience."),
    )
    delivery_language = models.CharField(
        _("language it is held in"),
        max_length=2,
        choices=choices.DELIVERY_LANGUAGES,
        blank=True,
        help_text=_("The language spoken or written in the item, not the page's language."),
    )

    item_kind = None
    base_form_class = HubItemForm
    parent_page_types = ["hub.HubIndexPage"]
    subpage_types = []
    is_creatable = False

    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("audiences"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.FilterField("kind"),
        index.FilterField("published_at"),
        index.FilterField("delivery_language"),
    ]

    taxonomy_panels = [
        FieldPanel("published_at"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("KeepONLearning item")
        verbose_name_plural = _("KeepONLearning items")
        indexes = [
            models.Index(fields=["kind", "published_at"]),
            # Every listing shows the newest first.
            models.Index(fields=["-published_at", "-page_ptr"], name="hub_item_newest_first"),
        ]

    def save(self, *args, **kwargs):
        if self.item_kind:
            self.kind = self.item_kind
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.item_kind:
            self.kind = self.item_kind

    @cached_property
    def contributor_list(self):
        return list(
            self.contributors.select_related("speaker", "speaker__photo").order_by("sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        from hub.cards import related_items
        from hub.queries import topics_in_language

        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            # Asked twice below; a preview keeps the topics being edited instead.
            prefetch_related_objects([self], "topics")
        context["item_topics"] = topics_in_language(self)
        context["related_items"] = related_items(self, request)
        hub_index = self.get_parent().specific
        context["hub_index"] = hub_index
        # A speaker's page exists in the languages the speaker has a version in: a
        # contributor not yet translated is named without a link.
        context["contributors"] = [
            {
                "contributor": c,
                "url": hub_index.route_url("speakers", c.speaker.slug, request=request)
                if c.speaker.locale_id == self.locale_id
                else None,
            }
            for c in self.contributor_list
        ]
        return context

    def purge_also(self):
        """The hub, the topic pages of the item's topics in its language, and the home page:
        every listing that shows the item's card."""
        from .index import TopicPage

        keys = self.topics.values_list("translation_key", flat=True)
        topic_pages = TopicPage.objects.live().filter(
            locale_id=self.locale_id, topic__translation_key__in=keys
        )
        return [*super().purge_also(), *topic_pages]

    schema_type = None
    # The Open Graph type of its social preview.
    og_type = "article"

    def structured_data(self, request):
        """schema.org data for this item; each kind adds what its type requires. It changes
        only when something is published, so visitors share it (a preview builds its own)."""
        if self.schema_type is None:
            return []
        if getattr(request, "is_preview", False):
            return self.build_structured_data(request)
        return cached(
            "structured-data",
            lambda: self.build_structured_data(request),
            self.pk,
            public_base_url(request),
        )

    def build_structured_data(self, request):
        url = absolute_url(request, self.get_url(request))
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "description": self.meta_description,
            "url": url,
            "inLanguage": self.delivery_language or self.language_code,
        }
        image = image_url(request, self.listing_image) if self.listing_image_id else None
        if image:
            data["image"] = [image]
        data.update(self.extra_structured_data(request, url))
        return [data]

    def extra_structured_data(self, request, url):
        return {}

    def people(self):
        return [
            {
                "@type": "Person",
                "name": c.speaker.name,
                **(
                    {"affiliation": {"@type": "Organization", "name": c.speaker.organisation}}
                    if c.speaker.organisation
                    else {}
                ),
            }
            for c in self.contributor_list
        ]

    def article_data(self, url):
        return {
            "headline": self.title[:110],
            "datePublished": self.published_at.isoformat(),
            "dateModified": (self.last_published_at or self.published_at).isoformat(),
            "author": self.people() or ORGANISATION,
            "publisher": ORGANISATION,
            "mainEntityOfPage": url,
        }


class ItemContributor(TranslatableMixin, Orderable):
    """A speaker's part in one item: author of an article, speaker of a webinar, guest of
    a talk, teacher of a course. The role is translated with the page."""

    page = ParentalKey(HubItemPage, related_name="contributors", on_delete=models.CASCADE)
    speaker = models.ForeignKey(
        "hub.Speaker",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="contributions",
        help_text=_("Add missing people under KeepONLearning › Speakers first."),
    )
    role = models.CharField(
        _("role in this item"), max_length=120, blank=True, help_text=_("e.g. Moderator, Guest.")
    )

    panels = [FieldPanel("speaker"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        ordering = ["sort_order"]


class ArticlePage(HubItemPage):
    """A written piece by faculty or staff."""

    body = StreamField(
        StoryBlock(),
        verbose_name=_("body"),
        help_text=_("The article, in sections with headings every few paragraphs."),
    )

    item_kind = choices.KIND_ARTICLE
    schema_type = "Article"
    content_panels = [
        *Page.content_panels,
        InlinePanel("contributors", label=_("Authors"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(HubItemPage.taxonomy_panels, heading=_("Topics and audience")),
    ]
    search_fields = [*HubItemPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def extra_structured_data(self, request, url):
        return {**self.article_data(url), "timeRequired": f"PT{self.reading_minutes}M"}

    @property
    def reading_minutes(self):
        """Minutes to read the body at 200 words a minute, at least one."""
        words = 0
        for block in self.body:
            if block.block_type == "paragraph":
                words += len(strip_tags(block.value.source).split())
            elif block.block_type in ("heading", "quote"):
                text = block.value.get("text") or block.value.get("quote") or ""
                words += len(text.split())
        return max(1, math.ceil(words / 200))


class WebinarPage(RoutablePageMixin, HubItemPage):
    """A live online event: before it, register and add it to a calendar; after it,
    watch the recording and see how many took part."""

    starts_at = models.DateTimeField(_("starts at"), help_text=_("Time in Italy (Europe/Rome)."))
    duration_minutes = models.SmallIntegerField(
        _("duration in minutes"),
        default=60,
        validators=[MinValueValidator(5, message=DURATION_ERROR)],
        help_text=_("The end is the start plus the duration. Most webinars last 60 minutes."),
    )
    registration_url = url_field(
        _("registration link"),
        _("The sign-up page, starting with https://. Needed before the webinar is announced."),
    )
    stream_url = url_field(
        _("live stream or recording link"), _("Where to watch it live, then the recording.")
    )
    participant_count = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, help_text=_("Fill in after the event.")
    )
    not_recorded = models.BooleanField(
        _("not recorded"),
        default=False,
        help_text=_(
            "Tick when no recording will be published: the page says so, and the dashboard "
            "stops asking for one."
        ),
    )
    status_override = models.CharField(
        _("status"),
        max_length=20,
        choices=choices.WEBINAR_STATUS_OVERRIDES,
        blank=True,
        help_text=_("Only when the event does not take place as scheduled."),
    )
    description = StreamField(
        StoryBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_("What the webinar covers and who it is for."),
    )

    item_kind = choices.KIND_WEBINAR
    schema_type = "Event"
    og_type = "website"
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration_minutes")]),
                FieldPanel("delivery_language"),
                FieldPanel("status_override"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("stream_url"),
                FieldPanel("not_recorded"),
                FieldPanel("participant_count"),
            ],
            heading=_("Taking part"),
        ),
        InlinePanel("contributors", label=_("Speakers")),
        FieldPanel("description"),
        MultiFieldPanel(HubItemPage.taxonomy_panels[1:], heading=_("Topics and audience")),
    ]
    search_fields = [
        *HubItemPage.search_fields,
        index.SearchField("description"),
        index.FilterField("starts_at"),
    ]

    UPCOMING, LIVE, ON_DEMAND, ENDED = "upcoming", "live", "on-demand", "ended"
    CANCELLED, POSTPONED = "cancelled", "postponed"
    STATE_LABELS = {
        UPCOMING: _("Upcoming"),
        LIVE: _("Live now"),
        ON_DEMAND: _("On demand"),
        ENDED: _("Ended"),
        CANCELLED: _("Cancelled"),
        POSTPONED: _("Postponed"),
    }

    class Meta:
        verbose_name = _("webinar")
        verbose_name_plural = _("webinars")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=5),
                name="hub_webinar_duration_at_least_five_minutes",
                violation_error_message=DURATION_ERROR,
            )
        ]
        # Upcoming webinars are read in the order they start.
        indexes = [models.Index(fields=["starts_at"], name="hub_webinar_starts_at")]

    def save(self, *args, **kwargs):
        # A webinar that has taken place is dated by when it was held. One still to come
        # keeps the date it was announced: the hub lists what is new, never the future.
        if self.starts_at and self.starts_at <= timezone.now():
            self.published_at = self.starts_at
        super().save(*args, **kwargs)

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes or 0)

    def state(self, now=None):
        """Upcoming, live, then on demand (with a recording) or ended; or the editor's override."""
        if self.status_override:
            return self.status_override
        now = now or timezone.now()
        if now < self.starts_at:
            return self.UPCOMING
        if now < self.ends_at:
            return self.LIVE
        return self.ON_DEMAND if self.stream_url else self.ENDED

    @property
    def state_label(self):
        return self.STATE_LABELS[self.state()]

    EVENT_STATUS = {
        CANCELLED: "https://schema.org/EventCancelled",
        POSTPONED: "https://schema.org/EventPostponed",
    }

    def extra_structured_data(self, request, url):
        return {
            "startDate": self.starts_at.astimezone(ROME).isoformat(),
            "endDate": self.ends_at.astimezone(ROME).isoformat(),
            "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
            "eventStatus": self.EVENT_STATUS.get(
                self.status_override, "https://schema.org/EventScheduled"
            ),
            "location": {"@type": "VirtualLocation", "url": self.stream_url or url},
            "organizer": ORGANISATION,
            "performer": self.people(),
            "isAccessibleForFree": True,
            **(
                {
                    "offers": {
                        "@type": "Offer",
                        "url": self.registration_url,
                        "price": "0",
                        "priceCurrency": "EUR",
                        "availability": "https://schema.org/InStock",
                    }
                }
                if self.registration_url
                else {}
            ),
        }

    @re_path(r"^(?:calendar|calendario)/$", name="calendar")
    def calendar(self, request):
        from hub.calendars import webinar_calendar_response

        from .index import own_words

        redirect = own_words(request, self.calendar_url(request))
        if redirect is not None:
            return redirect
        return webinar_calendar_response(self, request)

    def get_cached_paths(self):
        from .index import CALENDAR_WORDS

        return ["/", f"{CALENDAR_WORDS[self.language_code]}/"]

    def calendar_url(self, request=None):
        from .index import CALENDAR_WORDS

        return f"{self.get_url(request)}{CALENDAR_WORDS[self.language_code]}/"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.state()
        context["calendar_url"] = self.calendar_url(request)
        return context


class CoursePage(HubItemPage):
    """An online course: how it is taught, how much effort it takes, how to enrol."""

    course_format = models.CharField(
        _("format"),
        max_length=20,
        choices=choices.COURSE_FORMATS,
        help_text=_("How the course is taught."),
    )
    effort_hours = models.SmallIntegerField(
        _("effort in hours"),
        validators=[MinValueValidator(1, message=EFFORT_ERROR)],
        help_text=_("Total hours of study a participant should plan for."),
    )
    length_weeks = models.PositiveSmallIntegerField(
        _("length in weeks"),
        validators=[MinValueValidator(1)],
        help_text=_("From the first lesson to the last."),
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=choices.COURSE_LEVELS,
        help_text=_("What participants should already know."),
    )
    enrolment_url = url_field(
        _("enrolment link"), _("The page where people enrol, starting with https://.")
    )
    is_free = models.BooleanField(
        _("free"), default=True, help_text=_("Untick for a paid course and give its price.")
    )
    price = models.DecimalField(
        _("price in euros"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Only for a paid course, VAT included."),
    )
    body = StreamField(
        StoryBlock(),
        verbose_name=_("description"),
        help_text=_("What participants learn, week by week."),
    )

    item_kind = choices.KIND_COURSE
    schema_type = "Course"
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("course_format"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("effort_hours"), FieldPanel("length_weeks")]),
                FieldPanel("delivery_language"),
                FieldPanel("enrolment_url"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
            ],
            heading=_("Course details"),
        ),
        InlinePanel("contributors", label=_("Teachers")),
        FieldPanel("body"),
        MultiFieldPanel(HubItemPage.taxonomy_panels, heading=_("Topics and audience")),
    ]
    search_fields = [*HubItemPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("online course")
        verbose_name_plural = _("online courses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effort_hours__gte=1),
                name="hub_course_effort_at_least_one_hour",
                violation_error_message=EFFORT_ERROR,
            )
        ]

    def extra_structured_data(self, request, url):
        price = "0" if self.is_free else str(self.price)
        return {
            "provider": ORGANISATION,
            "educationalLevel": self.get_level_display(),
            "offers": {
                "@type": "Offer",
                "category": "Free" if self.is_free else "Paid",
                "price": price,
                "priceCurrency": "EUR",
                **({"url": self.enrolment_url} if self.enrolment_url else {}),
            },
            "hasCourseInstance": {
                "@type": "CourseInstance",
                "courseMode": "Online",
                "courseWorkload": f"PT{self.effort_hours}H",
            },
        }

    def clean(self):
        super().clean()
        if not self.is_free and self.price is None:
            raise ValidationError({"price": _("Give the price of a course that is not free.")})
        if self.is_free and self.price:
            raise ValidationError({"price": _("A free course has no price.")})


class TalkPage(HubItemPage):
    """A conversation with faculty or managers: the video, the guests, what to remember."""

    video_url = url_field(
        _("video link"), _("The recording on YouTube or Vimeo, starting with https://.")
    )
    takeaways = StreamField(
        [("takeaway", TakeawayBlock())],
        verbose_name=_("key take-aways"),
        blank=True,
        help_text=_("Three to five sentences to remember."),
    )
    body = StreamField(
        StoryBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Anything else about the talk, below the take-aways."),
    )

    item_kind = choices.KIND_TALK
    schema_type = "VideoObject"
    og_type = "video.other"
    content_panels = [
        *Page.content_panels,
        FieldPanel("video_url"),
        FieldPanel("delivery_language"),
        InlinePanel("contributors", label=_("Guests")),
        FieldPanel("takeaways"),
        FieldPanel("body"),
        MultiFieldPanel(HubItemPage.taxonomy_panels, heading=_("Topics and audience")),
    ]
    search_fields = [
        *HubItemPage.search_fields,
        index.SearchField("takeaways"),
        index.SearchField("body"),
    ]

    def extra_structured_data(self, request, url):
        data = {
            "uploadDate": self.published_at.isoformat(),
            "thumbnailUrl": [url for url in [image_url(request, self.listing_image)] if url]
            if self.listing_image_id
            else [],
            "publisher": ORGANISATION,
            "actor": self.people(),
        }
        if self.video_url:
            data["contentUrl"] = self.video_url
        return data

    class Meta:
        verbose_name = _("talk")
        verbose_name_plural = _("talks")


class ToolPage(HubItemPage):
    """A practical tool to download: templates, checklists, guides."""

    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("What the tool helps with and how to use it."),
    )
    downloads = StreamField(
        [("download", DownloadBlock())],
        verbose_name=_("files"),
        min_num=1,
        help_text=_("At least one file to download."),
    )

    item_kind = choices.KIND_TOOL
    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("downloads"),
        InlinePanel("contributors", label=_("Authors")),
        MultiFieldPanel(HubItemPage.taxonomy_panels, heading=_("Topics and audience")),
    ]
    search_fields = [
        *HubItemPage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("downloads"),
    ]

    class Meta:
        verbose_name = _("tool")
        verbose_name_plural = _("tools")


class DeepDivePage(HubItemPage):
    """Long-form analysis in chapters, with a table of contents built from its headings."""

    body = StreamField(
        StoryBlock(),
        verbose_name=_("chapters"),
        help_text=_("Each section heading (H2) starts a chapter."),
    )

    item_kind = choices.KIND_DEEP_DIVE
    schema_type = "Article"
    content_panels = [
        *Page.content_panels,
        InlinePanel("contributors", label=_("Authors")),
        FieldPanel("body"),
        MultiFieldPanel(HubItemPage.taxonomy_panels, heading=_("Topics and audience")),
    ]
    search_fields = [*HubItemPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("deep-dive")
        verbose_name_plural = _("deep-dives")

    def extra_structured_data(self, request, url):
        return self.article_data(url)

    def table_of_contents(self):
        return [
            {"id": f"chapter-{block.id}", "text": block.value["text"]}
            for block in self.body
            if block.block_type == "heading" and block.value["level"] == "h2"
        ]


ITEM_PAGE_MODELS = [ArticlePage, WebinarPage, CoursePage, TalkPage, ToolPage, DeepDivePage]
