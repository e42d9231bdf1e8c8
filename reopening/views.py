"""The alert banners of one language: in the HTML of every page, and as JSON at
`/alerts/<language>.json` for other consumers.

Pages carry their banners, so nothing is inserted after the first paint. The banners of a
language are kept as a fragment that every save renews (`home.serving.fragments`) and are filtered
by the time of each request; a cached page lives no longer than until the next banner of
its language and section starts or ends (`home.serving.caching`).
"""

import re

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.serving.caching import expire_page_at
from home.serving.fragments import cached

from .models import AlertBanner

MAX_AGE_SECONDS = 60
# Links a banner may show: absolute http(s) addresses and paths on this site.
SAFE_LINK = re.compile(r"(https?://|/(?!/))", re.IGNORECASE)


def banner_data(banner, request):
    """What a page and the JSON say of `banner`, in the active language. A banner of
    another language (a warning not translated yet) names its language, so its words are
    marked as such, and carries a note in the visitor's language."""
    link = banner.link(request)
    language = banner.locale.language_code
    untranslated = language != translation.get_language()
    return {
        "id": banner.pk,
        "version": banner.version,
        "severity": banner.severity,
        "severity_label": str(banner.get_severity_display()),
        "scope": banner.scope,
        "message": banner.message,
        "language": language,
        "note": _("Not yet translated into the language of this page.") if untranslated else "",
        "link": {
            "url": link[0],
            "label": link[1],
            # A label of the banner's own is in its language; a page's title is the page's.
            "language": language if banner.link_label else translation.get_language(),
        }
        if link
        else None,
    }


def scheduled_banners(language, request):
    """`banner_data` of every banner of `language` showing now or later, with its times,
    in the order they show; built once per content generation."""

    def build():
        with translation.override(language):
            return [
                {
                    **banner_data(banner, request),
                    "starts_at": banner.starts_at,
                    "ends_at": banner.ends_at,
                }
                for banner in AlertBanner.scheduled(language)
            ]

    return cached("alert-banners", build, language, request.get_host())


def page_banners(request, section=AlertBanner.Scope.SITE, now=None):
    """The banners a page in the active language and `section` shows now, as the JSON
    describes them; a link that is not http(s) or a path on this site is left out.

    The page is cached no longer than until the next of them starts or ends."""
    language = translation.get_language()
    if language not in dict(settings.LANGUAGES):
        return []
    now = now or timezone.now()
    scopes = {AlertBanner.Scope.SITE, section}
    banners = [item for item in scheduled_banners(language, request) if item["scope"] in scopes]
    changes = [moment for item in banners for moment in (item["starts_at"], item["ends_at"])]
    if upcoming := [moment for moment in changes if moment > now]:
        expire_page_at(request, min(upcoming))
    return [
        {**item, "link": item["link"] if is_safe_link(item["link"]) else None}
        for item in banners
        if item["starts_at"] <= now < item["ends_at"]
    ]


def is_safe_link(link):
    return bool(link and SAFE_LINK.match(link["url"]))


def alert_banners(request, language):
    if language not in dict(settings.LANGUAGES):
        raise Http404("Unknown language")
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise Http404("Unknown language")
    with translation.override(language):
        data = {
            "language": language,
            "labels": {"region": _("Announcements"), "dismiss": _("Dismiss")},
            "banners": [banner_data(banner, request) for banner in AlertBanner.active(locale)],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
    return response
