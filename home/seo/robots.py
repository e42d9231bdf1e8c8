"""robots.txt: where the sitemap is, and what crawlers should leave alone: the admin, the
search result pages and the listing filters (every combination of filters and pages is
an address of its own, with no end)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from ..serving.caching import PAGE_PARAMETERS
from .urls import absolute_url

# The parameters pages read, but for the page numbers: a listing's pages lead to every item.
FILTER_PARAMETERS = sorted(PAGE_PARAMETERS - {"page", "p"})


def search_paths():
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return paths


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    lines += [f"Disallow: {path}" for path in search_paths()]
    for name in FILTER_PARAMETERS:
        lines += [f"Disallow: /*?{name}=", f"Disallow: /*&{name}="]
    lines += ["", f"Sitemap: {absolute_url(request, reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
