"""What a CDN in front of the site must forget when content changes, at the addresses
visitors really use.

Wagtail's frontend cache sends the URLs it purges through `WAGTAILFRONTENDCACHE_LANGUAGES`,
which rewrites a page's language prefix into every other language: the Italian slug under
`/en/`, an address that does not exist, while the English page (whose slug is translated)
and the listings that show it were never purged. Here the set is built from the pages
themselves, and Wagtail's backends (`purge_urls_from_cache`) only send it:

- a page published, unpublished, moved or renamed: each language version at its own URL
  (and its old URL after a move or a slug change), with the sub-pages it routes
  (`get_cached_paths`), and the pages that list it in that language (`purge_also`: the
  hub, topic pages and feeds for an item, the parent section for others, and the home
  page);
- anything else pages show (a menu, a footer, an alert banner, a topic, an image, a
  setting): every public page of its language, or of every language when it has none,
  plus the addresses the model names itself (`purge_paths`: the banners' JSON).

Purges are sent once the change is committed, so a CDN that refetches at once gets the
new content; only when a CDN is configured (`WAGTAILFRONTENDCACHE`).
"""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from modelcluster.fields import ParentalKey
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.models import Page

logger = logging.getLogger(__name__)


class SiteAddress:
    """`public_base_url` for code that has no request: the configured public address, or
    the default Site's own."""

    def __init__(self):
        self.base = getattr(settings, "PUBLIC_BASE_URL", "").rstrip("/") or None

    def absolute(self, page, path=""):
        parts = page.get_url_parts(self)  # self: where Wagtail keeps its site root paths
        if parts is None:
            return None
        _site_id, root_url, page_path = parts
        return (self.base or root_url) + page_path + path.lstrip("/")


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_urls(page, where):
    """The page at its URL with every sub-path it routes."""
    page = page.specific_deferred
    urls = []
    for path in page.get_cached_paths():
        url = where.absolute(page, path)
        if url is not None:
            urls.append(url)
    return urls


def urls_for_page(page, where=None):
    """Every address that shows `page`, in every language it is live in (the page itself
    included, live or just unpublished)."""
    where = where or SiteAddress()
    versions = {version.pk: version for version in page.get_translations().live()}
    versions[page.pk] = page
    urls = []
    for version in versions.values():
        version = version.specific
        urls += page_urls(version, where)
        for related in getattr(version, "purge_also", lambda: [])():
            urls += page_urls(related, where)
    return list(dict.fromkeys(urls))


def urls_for_language(locale_id=None):
    """Every public page of one language (of every language when `locale_id` is None)."""
    where = SiteAddress()
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    if locale_id is not None:
        pages = pages.filter(locale_id=locale_id)
    return list(dict.fromkeys(url for page in pages for url in page_urls(page, where)))


def send(urls):
    """Purge `urls` once the change is committed, through Wagtail's purge task (its task
    backend records a failure; the change itself is saved either way, and pages expire at
    the CDN by their own `s-maxage`)."""
    if not urls:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    transaction.on_commit(lambda: purge_urls_from_cache(urls))


class TimedHTTPBackend(HTTPBackend):
    """Wagtail's HTTP (Varnish-style) purge with a timeout, failing loudly.

    Wagtail's backend calls `urlopen` with no timeout, so a hung CDN would hold an
    editor's publish for ever, and it logs and goes on after each refused URL, so a CDN
    that is down would cost one wait per URL of the batch. Here each request has
    `PURGE_TIMEOUT` seconds, and a failure is logged and ends the batch."""

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = (self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment)
        request = PurgeRequest(
            url=urlunsplit(target), headers={"Host": host, "User-Agent": "mip-frontendcache"}
        )
        timeout = settings.PURGE_TIMEOUT
        try:
            with urlopen(request, timeout=timeout):
                pass
        except OSError as error:  # refused, hung, or an HTTP error from the CDN
            logger.error("CDN purge stopped at %s: %s", url, error)
            raise


def page_changed(sender, instance, **kwargs):
    if enabled():
        send(urls_for_page(instance))


def old_address(page, url_path):
    """The URL `page` had at `url_path` (before a move or a slug change)."""
    moved = Page(pk=page.pk, url_path=url_path, locale_id=page.locale_id, depth=page.depth)
    where = SiteAddress()
    return [url for url in [where.absolute(moved)] if url is not None]


def page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if enabled() and url_path_before != url_path_after:
        send(old_address(instance, url_path_before) + urls_for_page(instance))


def slug_changed(sender, instance, instance_before=None, **kwargs):
    if enabled() and instance_before is not None and instance.live:
        send(old_address(instance, instance_before.url_path) + urls_for_page(instance))


def part_of_a_page(instance):
    """An inline of a page (a contributor, a featured item, a change-log entry): saved with
    the page's draft or its publication, which `page_changed` purges."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in instance._meta.fields
    )


def content_changed(sender, instance, **kwargs):
    """A change to something pages show, other than a page (see the module's docstring)."""
    if not enabled() or part_of_a_page(instance):
        return
    # A model may say which language's pages it shows on (`purge_locale_id`, None for all).
    locale_id = getattr(instance, "purge_locale_id", getattr(instance, "locale_id", None))
    urls = urls_for_language(locale_id)
    paths = getattr(instance, "purge_paths", lambda: [])()
    root = SiteAddress().base or site_root_url()
    if root:
        urls += [root + path for path in paths]
    send(list(dict.fromkeys(urls)))


def site_root_url():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else None
