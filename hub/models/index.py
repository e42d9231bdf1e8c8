"""The hub index and the topic landing pages: listings, filters, feeds and calendars."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage

from .snippets import Speaker, Topic

# Subscribable calendars and a webinar's own event. Wagtail routes no path with a dot in
# it, so calendars live at …/calendar/ and are sent as text/calendar with an .ics name.
CALENDAR_WORDS = {"it": "calendario", "en": "calendar"}
WEBINARS_WORDS = {"it": "webinar", "en": "webinars"}

# Route words in the visitor's language: /it/keeponlearning/relatori/… and /en/…/speakers/….
ROUTE_WORDS = {
    "speakers": {"it": "relatori", "en": "speakers"},
    "upcoming": {"it": "webinar/prossimi", "en": "webinars/upcoming"},
    "on-demand": {"it": "webinar/on-demand", "en": "webinars/on-demand"},
    "calendar": {code: f"{WEBINARS_WORDS[code]}/{CALENDAR_WORDS[code]}" for code in CALENDAR_WORDS},
}


class HubListingMixin:
    """Shared by the hub index and topic pages: the filtered, paginated list of items."""

    def listing_context(self, request, topic=None):
        from hub.filters import build_listing

        return build_listing(self, request, topic=topic)

    def route_url(self, name, *parts):
        """A route of this page in its own language, e.g. relatori/<slug>/ or speakers/<slug>/."""
        word = ROUTE_WORDS[name][self.language_code]
        return self.url + "/".join([word, *parts]) + "/"


class HubIndexPage(HubListingMixin, RoutablePageMixin, BasePage):
    """KeepONLearning: every article, webinar, course, talk, tool and deep-dive in one place."""

    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("What KeepONLearning is, above the list of items."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "hub.TopicPage",
        "hub.ArticlePage",
        "hub.WebinarPage",
        "hub.CoursePage",
        "hub.TalkPage",
        "hub.ToolPage",
        "hub.DeepDivePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("KeepONLearning hub")
        verbose_name_plural = _("KeepONLearning hubs")

    def links(self):
        return {
            "upcoming": self.route_url("upcoming"),
            "on_demand": self.route_url("on-demand"),
            "feed": self.url + "feed/",
            "calendar": self.route_url("calendar"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["links"] = self.links()
        return context

    @path("")
    def listing(self, request):
        return self.render(request, context_overrides=self.listing_context(request))

    @re_path(r"^(?:webinars/upcoming|webinar/prossimi)/$", name="upcoming")
    def upcoming_webinars(self, request):
        from hub.calendars import webinar_schedule

        return self.render(
            request,
            context_overrides=webinar_schedule(self, request, upcoming=True),
            template="hub/webinar_schedule.html",
        )

    @re_path(r"^webinars?/on-demand/$", name="on_demand")
    def on_demand_webinars(self, request):
        from hub.calendars import webinar_schedule

        return self.render(
            request,
            context_overrides=webinar_schedule(self, request, upcoming=False),
            template="hub/webinar_schedule.html",
        )

    @re_path(r"^(?:speakers|relatori)/(?P<slug>[-\w]+)/$", name="speaker")
    def speaker(self, request, slug):
        from hub.cards import speaker_context

        speaker = Speaker.objects.filter(locale_id=self.locale_id, slug=slug).first()
        if speaker is None:
            raise Http404
        return self.render(
            request,
            context_overrides=speaker_context(self, speaker, request),
            template="hub/speaker.html",
        )

    @path("feed/", name="feed")
    def feed(self, request):
        from hub.feeds import ItemFeed

        return ItemFeed()(request, hub=self)

    @re_path(r"^(?:webinars/calendar|webinar/calendario)/$", name="calendar")
    def calendar(self, request):
        from hub.calendars import upcoming_calendar_response

        return upcoming_calendar_response(self, request)


class TopicPage(HubListingMixin, RoutablePageMixin, BasePage):
    """The landing page of one topic: an editorial introduction, featured items, the
    topic's upcoming webinars, then everything on it with the hub's filters."""

    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The topic this page lists; choose it in the page's language."),
    )
    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("Why the topic matters, above its items."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("introduction"),
        InlinePanel("featured_items", label=_("Featured items"), max_num=6),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["hub.HubIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic page")
        verbose_name_plural = _("topic pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        word = CALENDAR_WORDS[self.language_code]
        context["links"] = {"feed": self.url + "feed/", "calendar": f"{self.url}{word}/"}
        return context

    @path("")
    def listing(self, request):
        from hub.cards import topic_extras
        from hub.queries import topic_by_pk

        # The topic as every page of this language already has it: no query of its own.
        topic = topic_by_pk(self.topic_id, self.locale_id)
        if topic is not None:
            self.topic = topic
        context = self.listing_context(request, topic=self.topic)
        context.update(topic_extras(self, self.topic, request))
        return self.render(request, context_overrides=context)

    @path("feed/", name="feed")
    def feed(self, request):
        from hub.feeds import ItemFeed

        return ItemFeed()(request, hub=self.get_parent().specific, topic=self.topic)

    @re_path(r"^(?:calendar|calendario)/$", name="calendar")
    def calendar(self, request):
        from hub.calendars import upcoming_calendar_response

        return upcoming_calendar_response(self.get_parent().specific, request, topic=self.topic)


class FeaturedItem(Orderable):
    """An item an editor puts at the top of a topic page."""

    page = ParentalKey(TopicPage, related_name="featured_items", on_delete=models.CASCADE)
    item = models.ForeignKey(
        "hub.HubItemPage",
        verbose_name=_("item"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A KeepONLearning item in the same language as this page."),
    )

    panels = [FieldPanel("item")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")
