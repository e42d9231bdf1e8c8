"""Cards: how every listing shows an item, with its HTML kept in the fragment cache, and
the lists of cards the hub's pages show beyond their own fields (related items, a
speaker's items, a topic's featured and upcoming items)."""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from home.serving.fragments import cached_many

from . import choices
from .models import HubItemPage, ItemContributor, WebinarPage
from .queries import (
    card_prefetches,
    card_queryset,
    featured_items,
    live_items,
    topics_in_language,
    upcoming_webinars,
    with_topic,
)

# Cards on one page of a listing.
PAGE_SIZE = 12
CARD_TEMPLATE = "includes/card.html"


@dataclass
class Card:
    page: HubItemPage
    url: str
    title: str
    summary: str
    kind: str
    kind_label: str
    date: object
    image: object
    webinar: WebinarPage | None = None
    state: str = ""
    state_label: str = ""
    html: str = ""

    @property
    def topics(self):
        return topics_in_language(self.page)


def webinar_of(item):
    if isinstance(item, WebinarPage):
        return item
    try:
        return item.webinarpage
    except WebinarPage.DoesNotExist:
        return None


def make_card(item, request, kind_labels):
    webinar = webinar_of(item)
    state = webinar.state() if webinar else ""
    return Card(
        page=item,
        url=item.get_url(request),
        title=item.card_title,
        summary=item.summary,
        kind=item.kind,
        kind_label=kind_labels.get(item.kind, ""),
        date=webinar.starts_at if webinar else item.published_at,
        image=item.listing_image,
        webinar=webinar,
        state=state,
        state_label=WebinarPage.STATE_LABELS[state] if state else "",
    )


def make_card_groups(request, *groups, heading_level=3):
    """Cards for several lists of items, each with its HTML.

    A card looks the same in every listing that shows it until the next publish, so its
    HTML is kept in the fragment cache (per item, language, heading level and webinar
    state, which changes by itself). The cards of every list are read from the cache in one
    round trip; only the ones missing there need their topics and renditions, fetched in
    one query per relation for all of them."""
    kind_labels = dict(choices.KINDS)
    groups = [[make_card(item, request, kind_labels) for item in group] for group in groups]
    cards = [card for group in groups for card in group]
    language = translation.get_language()
    host = request.get_host()

    def render(positions):
        missing = [cards[position] for position in positions]
        prefetch_related_objects([card.page for card in missing], *card_prefetches())
        return [
            render_to_string(CARD_TEMPLATE, {"card": card, "heading_level": heading_level})
            for card in missing
        ]

    parts = [(language, host, card.page.pk, heading_level, card.state) for card in cards]
    for card, html in zip(cards, cached_many("card", parts, render), strict=True):
        card.html = mark_safe(html)  # rendered by our own template, escaped there
    return groups


def make_cards(items, request, heading_level=3):
    return make_card_groups(request, list(items), heading_level=heading_level)[0]


def related_items(item, request, limit=3):
    """Up to three items of the same language sharing a topic, newest first, never the item."""
    keys = [t.translation_key for t in item.topics.all()]
    if not keys:
        return []
    items = card_queryset(
        live_items(item.locale_id)
        .filter(with_topic(*keys))
        .exclude(pk=item.pk)
        .order_by("-published_at", "-pk")[:limit]
    )
    return make_cards(items, request)


def speaker_context(index, speaker, request):
    items = card_queryset(
        live_items(index.locale_id)
        .filter(
            pk__in=ItemContributor.objects.filter(
                speaker__translation_key=speaker.translation_key
            ).values("page_id")
        )
        .order_by("-published_at", "-pk")
    )
    return {"speaker": speaker, "cards": make_cards(items, request)}


def topic_extras(topic_page, topic, request):
    """What a topic page shows above its listing: featured items and upcoming webinars."""
    featured, upcoming = make_card_groups(
        request,
        featured_items(topic_page, request),
        upcoming_webinars(topic_page.locale_id, topic=topic, limit=3),
    )
    return {"featured_cards": featured, "upcoming_cards": upcoming}
