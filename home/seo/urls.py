"""One source for every absolute URL the site writes: canonical links, hreflang, Open
Graph, JSON-LD, feeds, calendars and the sitemap.

`PUBLIC_BASE_URL` (from the environment, e.g. ``https://www.som.polimi.it``) names the
public address when the site sits behind a proxy or a CDN that changes the host; without it
the address is the one the visitor asked for (its scheme and Host, which `ALLOWED_HOSTS`
has already vetted). Wagtail's own `full_url` is not used for this: it is built from
`WAGTAILADMIN_BASE_URL` for renditions and from the Site's hostname for pages, two more
sources that disagree with the request.
"""

from urllib.parse import urlsplit

from django.conf import settings


def public_base_url(request):
    """``scheme://host[:port]`` of the public site, without a trailing slash."""
    configured = getattr(settings, "PUBLIC_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(request, url):
    """`url` made absolute on the public site; an address that is already absolute (a
    rendition on S3-compatible storage, say) is returned as it is, and None stays None."""
    if not url:
        return None
    if urlsplit(url).scheme:
        return url
    return public_base_url(request) + ("" if url.startswith("/") else "/") + url
