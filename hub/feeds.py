"""RSS feeds of KeepONLearning, one per language and one per topic."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from home.seo.urls import absolute_url

from .queries import live_items, with_topic

FEED_SIZE = 30


class ItemFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, hub, topic=None):
        return {"hub": hub, "topic": topic}

    def title(self, obj):
        if obj["topic"] is not None:
            return f"KeepONLearning · {obj['topic'].name}"
        return "KeepONLearning · MIP Politecnico di Milano"

    def link(self, obj):
        return absolute_url(self.request, obj["hub"].get_url(self.request))

    def feed_url(self, obj):
        return absolute_url(self.request, self.request.path)

    def description(self, obj):
        return _(
            "Articles, webinars, courses, talks, tools and deep-dives from MIP Politecnico di Milano."
        )

    def items(self, obj):
        items = live_items(obj["hub"].locale_id)
        if obj["topic"] is not None:
            items = items.filter(with_topic(obj["topic"].translation_key))
        return items.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return absolute_url(self.request, item.get_url(self.request))

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return f"keeponlearning-{item.translation_key}-{item.locale_id}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [item.get_kind_display()]
