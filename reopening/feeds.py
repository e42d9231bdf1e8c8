"""The RSS feed of what changed in the reopening information, one per language."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

from home.seo.urls import absolute_url
from home.serving.fragments import public_q

from .models import ReopeningChange, ReopeningInfoPage

FEED_LENGTH = 50


class ReopeningChangesFeed(Feed):
    """The change-log entries of every live information page under one reopening page,
    newest first, in that page's language."""

    def __init__(self, page):
        super().__init__()
        self.page = page
        self.language = page.locale.language_code
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self, page):
        return _("%(title)s: what changed") % {"title": page.title}

    def link(self, page):
        return absolute_url(self.request, page.get_url(self.request))

    def feed_url(self, page):
        return absolute_url(self.request, self.request.path)

    def description(self, page):
        return page.summary or page.introduction or page.title

    def items(self, page):
        pages = ReopeningInfoPage.objects.child_of(page).live().filter(public_q())
        return (
            ReopeningChange.objects.filter(page__in=pages, locale_id=page.locale_id)
            .select_related("page")
            .order_by("-changed_on", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, change):
        return f"{change.page.title}: {change.description}"

    def item_description(self, change):
        return change.description

    def item_link(self, change):
        return absolute_url(self.request, f"{change.page.get_url(self.request)}#change-{change.pk}")

    def item_pubdate(self, change):
        return timezone.make_aware(datetime.combine(change.changed_on, time.min))
