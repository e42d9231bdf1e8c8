"""The hub's panel on the editors' dashboard (registered in `wagtail_hooks.py`)."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

WEBINAR_HORIZON = timedelta(days=14)
PAST_LIMIT = 10


def webinars_needing_attention(now=None):
    """Webinars starting in the next 14 days that still lack a registration link or a
    speaker, soonest first; then live webinars that took place and offer no recording,
    unless an editor said none will come ("not recorded"), the latest first (at most
    `PAST_LIMIT`). Cancelled and postponed webinars need nothing."""
    from .models import WebinarPage

    now = now or timezone.now()
    webinars = WebinarPage.objects.exclude(
        status_override__in=[WebinarPage.CANCELLED, WebinarPage.POSTPONED]
    ).select_related("locale")
    upcoming = (
        webinars.filter(starts_at__gte=now, starts_at__lt=now + WEBINAR_HORIZON)
        .annotate(speaker_count=Count("contributors"))
        .filter(Q(registration_url="") | Q(speaker_count=0))
        .order_by("starts_at", "pk")
    )
    # A webinar still live has no recording yet: only those that have ended are asked for one.
    started = (
        webinars.live()
        .filter(starts_at__lt=now, stream_url="", not_recorded=False)
        .order_by("-starts_at", "-pk")
    )
    unrecorded = [webinar for webinar in started[: PAST_LIMIT + 1] if webinar.ends_at <= now]
    for webinar in unrecorded:
        webinar.needs_recording = True
    return [*upcoming, *unrecorded[:PAST_LIMIT]]


class WebinarsNeedingAttentionPanel(Component):
    """Shown to everyone who edits pages, and only when something needs doing."""

    name = "editors_webinars_needing_attention"
    template_name = "wagtailadmin/hub/webinars_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        return {"webinars": webinars_needing_attention()}

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        if not PagePermissionPolicy().user_has_any_permission(user, {"add", "change"}):
            return ""
        return super().render_html(parent_context)
