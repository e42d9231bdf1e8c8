"""Queries behind the hub's listings, filters and cards, in a fixed number of SQL queries
whatever the amount of content (no query per item)."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from home.serving.caching import mark_read, mark_uncacheable, requested_page
from home.serving.fragments import cached, cached_many, public_q

from . import choices
from .filters import ListingFilters
from .models import ITEM_PAGE_MODELS, HubItemPage, ItemContributor, Topic, WebinarPage

PAGE_SIZE = 12
CARD_TEMPLATE = "includes/card.html"
FIGURES_SECONDS = 300
# How many more rows than shown `upcoming_webinars` reads at once.
UPCOMING_SLACK = 10


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


def topics_by_key(locale_id):
    """Every topic of one language, in the editors' order, by translation key: one query
    per publish, shared by every request (see `home.serving.fragments`)."""

    def build():
        topics = Topic.objects.filter(locale_id=locale_id).select_related("image")
        return {topic.translation_key: topic for topic in topics}

    return cached("topics", build, locale_id)


def topic_by_pk(pk, locale_id):
    return next((t for t in topics_by_key(locale_id).values() if t.pk == pk), None)


def topics_in_language(item):
    """The item's topics as the visitor's language names them (prefetch `topics` first to
    ask more than once without a query)."""
    local = topics_by_key(item.locale_id)
    return [local[t.translation_key] for t in item.topics.all() if t.translation_key in local]


def card_prefetches():
    """The relations a card shows beyond the item's own row."""
    return ["topics", Prefetch("listing_image__renditions")]


def card_queryset(queryset):
    """The items of a listing with what a card shows from their own rows and one-to-one
    joins (image, the webinar's fields). Topics and renditions are fetched later, only for
    the cards whose HTML is not in the cache yet (see `make_card_groups`)."""
    queryset = queryset.select_related("listing_image")
    if queryset.model is HubItemPage:
        queryset = queryset.select_related("webinarpage")
    return queryset


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


def with_topic(*keys):
    """Items with one of these topics (by translation key), without joining the topics into
    the query: no duplicate rows, so no DISTINCT over whole pages."""
    links = HubItemPage.topics.through.objects.filter(topic__translation_key__in=keys)
    return Q(pk__in=links.values("hubitempage_id"))


def with_audience(code):
    links = HubItemPage.audiences.through.objects.filter(audience__code=code)
    return Q(pk__in=links.values("hubitempage_id"))


def live_items(locale_id):
    return HubItemPage.objects.live().filter(public_q(), locale_id=locale_id)


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list
    selected: str


# The field each facet filters on (topics and audiences through their link tables).
FACET_FIELDS = {
    "kind": "kind",
    "audience": "audiences__code",
    "language": "delivery_language",
    "topic": "topics__translation_key",
}


def facet_condition(name, value, topic_by_slug):
    if name == "topic":
        return with_topic(topic_by_slug[value].translation_key)
    if name == "audience":
        return with_audience(value)
    return Q(**{FACET_FIELDS[name]: value})


def apply_filters(base, selected, topic_by_slug, exclude=None):
    for name, value in selected.items():
        if name != exclude:
            base = base.filter(facet_condition(name, value, topic_by_slug))
    return base


def count_facets(base, names, selected, topic_by_slug):
    """Per facet, how many items each value would give with the other filters: one query
    per facet."""
    key_to_slug = {topic.translation_key: slug for slug, topic in topic_by_slug.items()}
    counts = {}
    for name in names:
        field = FACET_FIELDS[name]
        rows = (
            apply_filters(base, selected, topic_by_slug, exclude=name)
            .order_by()
            .values(field)
            .annotate(n=Count("pk", distinct=True))
        )
        values = {}
        for row in rows:
            value = key_to_slug.get(row[field]) if name == "topic" else row[field]
            if value:
                values[value] = row["n"]
        counts[name] = values
    return counts


def build_listing(page, request, topic=None):
    """The filtered, paginated list of items for a hub index or topic page."""
    locale_id = page.locale_id
    local_topics = list(topics_by_key(locale_id).values())
    topic_by_slug = {t.slug: t for t in local_topics}
    form = ListingFilters(request.GET, local_topics, with_topic_filter=topic is None)
    mark_read(request, *form.facet_names)
    selected, ignored = form.selected(), form.ignored()
    if ignored:
        mark_uncacheable(request)

    base = live_items(locale_id)
    if topic is not None:
        base = base.filter(with_topic(topic.translation_key))
    # The same counts serve every visitor until the next publish; the filter values are
    # known words by now, so there are only so many combinations.
    counts = cached(
        "facets",
        lambda: count_facets(base, form.facet_names, selected, topic_by_slug),
        locale_id,
        topic.translation_key if topic is not None else "-",
        urlencode(sorted(selected.items())),
    )
    facets = [
        Facet(
            name,
            form.fields[name].label,
            [
                Option(value, label, counts[name].get(value, 0), selected.get(name) == value)
                for value, label in form.vocabulary(name).items()
            ],
            selected.get(name, ""),
        )
        for name in form.facet_names
    ]

    results = apply_filters(base, selected, topic_by_slug)
    paginator = Paginator(card_queryset(results.order_by("-published_at", "-pk")), PAGE_SIZE)
    # Every item has exactly one kind, and the kind facet counts every filter but its own:
    # the results number what it gives the selected kind, or all kinds together.
    kinds = next(facet.options for facet in facets if facet.name == "kind")
    paginator.count = sum(o.count for o in kinds if o.selected or "kind" not in selected)
    page_obj = requested_page(request, paginator)
    return {
        "cards": make_cards(page_obj.object_list, request),
        "page_obj": page_obj,
        "paginator": paginator,
        "facets": facets,
        "selected_filters": selected,
        "ignored_filters": ignored,
        "filter_query": urlencode(selected),
        "result_count": paginator.count,
    }


def upcoming_webinars(locale_id, topic=None, limit=None, now=None):
    """Webinars not yet over, soonest first (live ones included)."""
    now = now or timezone.now()
    queryset = (
        WebinarPage.objects.live()
        .filter(public_q(), locale_id=locale_id, starts_at__gte=now - timedelta(hours=8))
        .exclude(status_override="cancelled")
        .order_by("starts_at")
    )
    if topic is not None:
        queryset = queryset.filter(with_topic(topic.translation_key))
    # Which are not over yet is found on three columns; only those shown are fetched whole.
    # Every webinar that has not started qualifies, so with a limit the rows are read in
    # batches a little larger than it (the few that started lately may be over already).
    rows = queryset.values_list("pk", "starts_at", "duration_minutes")
    batch = limit + UPCOMING_SLACK if limit else None
    wanted, offset = [], 0
    while True:
        chunk = list(rows[offset : offset + batch]) if batch else list(rows)
        wanted += [pk for pk, starts, minutes in chunk if starts + timedelta(minutes=minutes) > now]
        if batch is None or len(chunk) < batch or len(wanted) >= limit:
            break
        offset += batch
    if limit:
        wanted = wanted[:limit]
    found = card_queryset(WebinarPage.objects.filter(pk__in=wanted))
    found = {webinar.pk: webinar for webinar in found}
    return [found[pk] for pk in wanted if pk in found]


def webinar_schedule(index, request, upcoming):
    now = timezone.now()
    if upcoming:
        webinars = upcoming_webinars(index.locale_id, now=now)
        title = _("Upcoming webinars")
    else:
        queryset = (
            WebinarPage.objects.live()
            .filter(public_q(), locale_id=index.locale_id, starts_at__lt=now)
            .exclude(stream_url="")
            .exclude(status_override__in=["cancelled", "postponed"])
            .order_by("-starts_at")
        )
        webinars = [w for w in card_queryset(queryset) if w.state(now) == WebinarPage.ON_DEMAND]
        title = _("Webinars on demand")
    paginator = Paginator(webinars, PAGE_SIZE)
    page_obj = requested_page(request, paginator)
    return {
        "schedule_title": title,
        "schedule_upcoming": upcoming,
        "cards": make_cards(page_obj.object_list, request, heading_level=2),
        "page_obj": page_obj,
        "paginator": paginator,
        "filter_query": "",
    }


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


def featured_items(owner, request):
    """The items editors featured on `owner` (a topic or home page), in its language and in
    the editors' order: one query. A preview shows the rows being edited instead."""
    items = live_items(owner.locale_id)
    if getattr(request, "is_preview", False):
        keys = [row.item.translation_key for row in owner.featured_items.all() if row.item_id]
        found = card_queryset(items).filter(translation_key__in=keys)
        found = {p.translation_key: p for p in found}
        return [found[key] for key in keys if key in found]
    rows = owner.featured_items.model.objects.filter(page=owner)
    order = rows.filter(item__translation_key=OuterRef("translation_key")).values("sort_order")
    return list(
        card_queryset(items)
        .filter(translation_key__in=rows.values("item__translation_key"))
        .annotate(feature_order=Subquery(order[:1]))
        .order_by("feature_order", "pk")
    )


def topic_extras(topic_page, topic, request):
    """What a topic page shows above its listing: featured items and upcoming webinars."""
    featured, upcoming = make_card_groups(
        request,
        featured_items(topic_page, request),
        upcoming_webinars(topic_page.locale_id, topic=topic, limit=3),
    )
    return {"featured_cards": featured, "upcoming_cards": upcoming}


def home_page_context(home, request):
    """KeepONLearning on the home page: impact figures computed from the content itself,
    upcoming webinars, the topic grid and the items editors feature."""
    from django.db.models import Sum

    from .models import HubIndexPage, TopicPage

    locale_id = home.locale_id
    now = timezone.now()

    def count_figures():
        held = (
            WebinarPage.objects.live()
            .filter(locale_id=locale_id, starts_at__lt=now)
            .exclude(status_override__in=["cancelled", "postponed"])
            .aggregate(count=Count("pk"), participants=Sum("participant_count"))
        )
        per_kind = live_items(locale_id).order_by().values_list("kind").annotate(n=Count("pk"))
        return {"held": held, "per_kind": dict(per_kind)}

    # Counting every item is the dearest part of the home page: shared by every visitor,
    # renewed by each publish and at least every few minutes (webinars end by themselves).
    figures = cached("home-figures", count_figures, locale_id, timeout=FIGURES_SECONDS)
    held, per_kind = figures["held"], figures["per_kind"]
    kind_figures = [
        {
            "kind": model.item_kind,
            "label": model._meta.verbose_name_plural,
            "count": per_kind.get(model.item_kind, 0),
        }
        for model in ITEM_PAGE_MODELS
    ]
    hub = HubIndexPage.objects.live().filter(locale_id=locale_id).first()
    topic_pages = {
        page.topic_id: page for page in TopicPage.objects.live().filter(locale_id=locale_id)
    }
    topics = [
        {
            "topic": topic,
            "url": topic_pages[topic.pk].get_url(request) if topic.pk in topic_pages else None,
        }
        for topic in topics_by_key(locale_id).values()
    ]
    featured, upcoming = make_card_groups(
        request,
        featured_items(home, request),
        upcoming_webinars(locale_id, limit=3, now=now),
    )
    return {
        "hub": hub,
        "impact": {
            "webinars_held": held["count"] or 0,
            "participants": held["participants"] or 0,
            "kinds": kind_figures,
        },
        "upcoming_cards": upcoming,
        "topic_grid": topics,
        "featured_cards": featured,
    }
