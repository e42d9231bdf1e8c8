"""The hub index and the topic landing pages: listings, filters, feeds and calendars."""

from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
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


def route_url(page, name, *parts, request=None):
    """Route `name` of `page` (any version of a hub index, specific or not) in the page's
    own language, e.g. relatori/<slug>/ or speakers/<slug>/."""
    from home.serving.fragments import language_code

    word = ROUTE_WORDS[name][language_code(page.locale_id)]
    return page.get_url(request) + "/".join([word, *parts]) + "/"


def own_words(request, address):
    """Each sub-page has one address, spelled in its page's language: asked for with the
    other language's route words (/en/…/relatori/…), it answers a permanent redirect to
    that address, keeping the query; None when the request used it already."""
    if request.path == address:
        return None
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(address + (f"?{query}" if query else ""))


class HubListingMixin:
    """Shared by the hub index and topic pages: the filtered, paginated list of items."""

    def listing_context(self, request, topic=None):
        from hub.filters import build_listing

        return build_listing(self, request, topic=topic)

    def route_url(self, name, *parts, request=None):
        return route_url(self, name, *parts, request=request)


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
            "speakers": self.route_url("speakers"),
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
        return self.schedule(request, "upcoming")

    @re_path(r"^webinars?/on-demand/$", name="on_demand")
    def on_demand_webinars(self, request):
        return self.schedule(request, "on-demand")

    def schedule(self, request, name):
        from hub.calendars import webinar_schedule
        from hub.subpages import schedule_subpage

        redirect = own_words(request, self.route_url(name, request=request))
        if redirect is not None:
            return redirect
        upcoming = name == "upcoming"
        return self.render(
            request,
            context_overrides=webinar_schedule(self, request, upcoming=upcoming),
            template="hub/webinar_schedule.html",
            subpage=schedule_subpage(self, request, name),
        )

    @re_path(r"^(?:speakers|relatori)/$", name="speakers")
    def speakers(self, request):
        from hub.subpages import speakers_context, speakers_subpage

        redirect = own_words(request, self.route_url("speakers", request=request))
        if redirect is not None:
            return redirect
        return self.render(
            request,
            context_overrides=speakers_context(self, request),
            template="hub/speakers.html",
            subpage=speakers_subpage(self, request),
        )

    @re_path(r"^(?:speakers|relatori)/(?P<slug>[-\w]+)/$", name="speaker")
    def speaker(self, request, slug):
        from hub.cards import speaker_context
        from hub.subpages import speaker_subpage

        speaker = Speaker.objects.filter(locale_id=self.locale_id, slug=slug).first()
        if speaker is None:
            # The other language's address of the speaker (/en/…/relatori/<Italian slug>/):
            # their page in this language, where they have one.
            speaker = Speaker.objects.filter(
                locale_id=self.locale_id,
                translation_key__in=Speaker.objects.filter(slug=slug).values("translation_key"),
            ).first()
            if speaker is None:
                raise Http404
        redirect = own_words(request, self.route_url("speakers", speaker.slug, request=request))
        if redirect is not None:
            return redirect
        return self.render(
            request,
            context_overrides=speaker_context(self, speaker, request),
            template="hub/speaker.html",
            subpage=speaker_subpage(self, speaker, request),
        )

    @path("feed/", name="feed")
    def feed(self, request):
        from hub.feeds import ItemFeed

        return ItemFeed()(request, hub=self)

    @re_path(r"^(?:webinars/calendar|webinar/calendario)/$", name="calendar")
    def calendar(self, request):
        from hub.calendars import upcoming_calendar_response

        redirect = own_words(request, self.route_url("calendar", request=request))
        if redirect is not None:
            return redirect
        return upcoming_calendar_response(self, request)

    def get_cached_paths(self):
        """What a CDN keeps of the hub: the listing, its feed, calendar, schedules, the
        speakers index and every speaker's page, in the hub's own language."""
        words = [ROUTE_WORDS[name][self.language_code] for name in ROUTE_WORDS]
        speakers = ROUTE_WORDS["speakers"][self.language_code]
        slugs = Speaker.objects.filter(locale_id=self.locale_id).values_list("slug", flat=True)
        return [
            "/",
            "feed/",
            *[f"{word}/" for word in words],
            *[f"{speakers}/{slug}/" for slug in slugs],
        ]

    def addresses(self, request, versions):
        """The hub, its webinar schedules, its speakers index and every speaker's page."""
        from hub.subpages import hub_addresses

        return [*super().addresses(request, versions), *hub_addresses(self, request, versions)]


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

    def get_cached_paths(self):
        return ["/", "feed/", f"{CALENDAR_WORDS[self.language_code]}/"]

    def links(self, request=None):
        word = CALENDAR_WORDS[self.language_code]
        url = self.get_url(request)
        return {"feed": url + "feed/", "calendar": f"{url}{word}/"}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["links"] = self.links(request)
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

        redirect = own_words(request, self.links(request)["calendar"])
        if redirect is not None:
            return redirect
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
