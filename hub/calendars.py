"""iCalendar (RFC 5545) for webinars: one event to add to a calendar, and a feed of
upcoming webinars to subscribe to. Times are given in Europe/Rome with its VTIMEZONE; an
event's UID is the same in every language, so a calendar never holds the same webinar twice."""

from zoneinfo import ZoneInfo

import icalendar
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.seo.urls import absolute_url
from home.serving.caching import requested_page
from home.serving.fragments import public_q

from .cards import PAGE_SIZE, make_cards
from .models import WebinarPage
from .queries import card_queryset, upcoming_webinars

ROME = ZoneInfo("Europe/Rome")
PRODID = "-//MIP Politecnico di Milano//KeepONLearning//IT"


def event_uid(webinar, request):
    """The same in Italian and English: the translation key names the webinar, not the page."""
    host = request.get_host().split(":")[0]
    return f"webinar-{webinar.translation_key}@{host}"


def webinar_event(webinar, request):
    event = icalendar.Event()
    event.add("uid", event_uid(webinar, request))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", webinar.starts_at.astimezone(ROME))
    event.add("dtend", webinar.ends_at.astimezone(ROME))
    event.add("summary", webinar.title)
    url = absolute_url(request, webinar.get_url(request))
    description = webinar.summary or webinar.search_description or ""
    event.add("description", f"{description}\n\n{url}".strip())
    event.add("url", url)
    event.add("location", url)
    event["summary"].params["LANGUAGE"] = webinar.locale.language_code
    status = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(
        webinar.status_override, "CONFIRMED"
    )
    event.add("status", status)
    event.add("last-modified", webinar.last_published_at or timezone.now())
    return event


def calendar_for(webinars, request, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Rome")
    for webinar in webinars:
        calendar.add_component(webinar_event(webinar, request))
    if webinars:
        # Daylight-saving rules only for the years the events span, not since 1970.
        first = min(w.starts_at for w in webinars).date().replace(month=1, day=1)
        last = max(w.ends_at for w in webinars).date().replace(month=12, day=31)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def ics_response(calendar, filename):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


def webinar_calendar_response(webinar, request):
    calendar = calendar_for([webinar], request, webinar.title)
    return ics_response(calendar, slugify(webinar.slug) or "webinar")


def upcoming_calendar_response(hub, request, topic=None):
    webinars = upcoming_webinars(hub.locale_id, topic=topic)
    name = _("KeepONLearning webinars")
    if topic is not None:
        name = f"{name} · {topic.name}"
    filename = f"keeponlearning-{topic.slug}" if topic is not None else "keeponlearning-webinars"
    return ics_response(calendar_for(webinars, request, name), filename)


def webinar_schedule(index, request, upcoming):
    """The pages of the upcoming webinars and of those on demand."""
    now = timezone.now()
    if upcoming:
        webinars = upcoming_webinars(index.locale_id, now=now)
        title = gettext_lazy("Upcoming webinars")
    else:
        queryset = (
            WebinarPage.objects.live()
            .filter(public_q(), locale_id=index.locale_id, starts_at__lt=now)
            .exclude(stream_url="")
            .exclude(status_override__in=["cancelled", "postponed"])
            .order_by("-starts_at")
        )
        webinars = [w for w in card_queryset(queryset) if w.state(now) == WebinarPage.ON_DEMAND]
        title = gettext_lazy("Webinars on demand")
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
