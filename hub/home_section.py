"""KeepONLearning on the home page, registered as a `home_page_sections` hook
(`wagtail_hooks.py`): impact figures computed from the content itself, upcoming webinars,
the topic grid and the items editors feature."""

from django.db.models import Count, Sum
from django.utils import timezone

from home.serving.fragments import cached

from .cards import make_card_groups
from .models import ITEM_PAGE_MODELS, HubIndexPage, TopicPage, WebinarPage
from .queries import featured_items, live_items, topics_by_key, upcoming_webinars

FIGURES_SECONDS = 300


def home_page_context(home, request):
    """The home page's KeepONLearning part of the context."""
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
