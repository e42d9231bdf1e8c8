"""The hub's queries: live items of a language, by topic or audience, upcoming webinars,
featured items, and the topics themselves, each in a fixed number of SQL queries whatever
the amount of content (no query per item)."""

from datetime import timedelta

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from home.serving.fragments import cached, public_q

from .models import HubItemPage, Topic, WebinarPage

# How many more rows than shown `upcoming_webinars` reads at once.
UPCOMING_SLACK = 10


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
