"""The alert banners of one language as JSON, for the script that shows them on every page.

Pages stay cacheable because they carry no banner; this small response is the only part
that changes when an editor saves a banner.
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import AlertBanner

MAX_AGE_SECONDS = 60


def banner_data(banner, request):
    link = banner.link(request)
    return {
        "id": banner.pk,
        "version": banner.version,
        "severity": banner.severity,
        "severity_label": str(banner.get_severity_display()),
        "scope": banner.scope,
        "message": banner.message,
        "link": {"url": link[0], "label": link[1]} if link else None,
    }


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
