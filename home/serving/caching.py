"""Anonymous page cache shared by every app server, and what empties it.

Visitors who are not logged in all see the same page for a URL, so the rendered response is
kept in the default cache (Redis when `REDIS_URL` is set, so every app server shares it) and
carries `Cache-Control` that lets a CDN keep it too. Every entry records the generation
number kept in the same cache when it was made: publishing, unpublishing or moving a page, or
saving a snippet, setting, image or document that pages show, bumps it, and every app server
stops using every older entry at once: the first request for a page renders it again while
the others get the previous copy for those few seconds (one render per page, not one per
visitor, when editors publish during the peak). A CDN configured through
`wagtail.contrib.frontend_cache` is purged at the same time.
"""

import hashlib
import logging
import math
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.http import urlencode
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import purge

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# When the generation last moved on (seconds since the epoch): a stale copy is served only
# this soon after a change.
CHANGED_AT_KEY = "pagecache:changed-at"
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/", "/healthz")
# The query parameters public pages read (the hub's filters and pages, the search's query,
# the sitemap's page).
PAGE_PARAMETERS = {"kind", "topic", "audience", "language", "page", "q", "p"}
CONTENT_APPS = {"home", "hub", "reopening", "wagtailsearchpromotions"}
# Outside those apps, what changes which pages a visitor may see or in which language.
CONTENT_MODELS = (Locale, PageViewRestriction)
PRIVATE_DIRECTIVES = ("private", "no-cache", "no-store")
# What Wagtail records about an image or document file when it is first asked for it.
FILE_FACTS = {"file_size", "file_hash"}


# A process renders one stale page again at a time; its other threads serve copies meanwhile.
_revalidating = threading.BoundedSemaphore(1)

# Within a request the generation is read from the cache once, however many fragments ask.
_request_generation = ContextVar("request_generation", default=None)


def current_generation():
    memo = _request_generation.get()
    if memo is not None and "value" in memo:
        return memo["value"]
    generation = cache.get(GENERATION_KEY) or 0
    if memo is not None:
        memo["value"] = generation
    return generation


def invalidate_pages(**kwargs):
    """Make every cached page stale on every app server (the CDN is purged by
    `home.serving.purge`, at the addresses that changed)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)
    memo = _request_generation.get()
    if memo is not None:
        # What this request renders after its own publish shows the new content.
        memo.pop("value", None)


def invalidate_on_content_change(sender, instance, update_fields=None, **kwargs):
    """Snippets, settings, search promotions, images and documents show on pages, and a view
    restriction hides some; a page's own saves are drafts and only matter once published,
    which `page_published` covers. Renditions are made while pages render and change
    nothing a page shows, nor does Wagtail filling in a file's size or hash."""
    if isinstance(instance, Page):
        return
    if isinstance(instance, AbstractImage | AbstractDocument):
        if update_fields and set(update_fields) <= FILE_FACTS:
            return
    elif not (sender._meta.app_label in CONTENT_APPS or isinstance(instance, CONTENT_MODELS)):
        return
    invalidate_pages()
    purge.content_changed(sender, instance)


def connect_signals():
    page_published.connect(invalidate_pages, dispatch_uid="pagecache_published")
    page_unpublished.connect(invalidate_pages, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(invalidate_pages, dispatch_uid="pagecache_moved")
    page_published.connect(purge.page_changed, dispatch_uid="purge_published")
    page_unpublished.connect(purge.page_changed, dispatch_uid="purge_unpublished")
    post_page_move.connect(purge.page_moved, dispatch_uid="purge_moved")
    page_slug_changed.connect(purge.slug_changed, dispatch_uid="purge_slug_changed")
    post_save.connect(invalidate_on_content_change, dispatch_uid="pagecache_saved")
    post_delete.connect(invalidate_on_content_change, dispatch_uid="pagecache_deleted")


def expire_page_at(request, moment):
    """Keep the page being rendered no longer than until `moment`, when something it shows
    changes by itself (an alert banner starts or ends)."""
    current = getattr(request, "page_cache_expires", None)
    if current is None or moment < current:
        request.page_cache_expires = moment


def page_lifetime(request):
    """Seconds the page may be kept: `PAGE_CACHE_SECONDS`, or less when it changes sooner."""
    timeout = settings.PAGE_CACHE_SECONDS
    expires = getattr(request, "page_cache_expires", None)
    if expires is not None:
        remaining = math.ceil((expires - timezone.now()).total_seconds())
        timeout = max(1, min(timeout, remaining))
    return timeout


def mark_read(request, *names):
    """The page reads these query parameters: only then do they make a cache entry."""
    read = getattr(request, "page_parameters_read", set())
    request.page_parameters_read = read | set(names)


def unread_parameters(request):
    """Parameters of the cache key the page did not read (`?page=2` on the home page)."""
    return (set(request.GET) & PAGE_PARAMETERS) - getattr(request, "page_parameters_read", set())


def mark_uncacheable(request):
    """The page answers input it had to correct (a filter value outside its choices, a page
    number that does not exist): it is served, not kept, so no input makes new entries."""
    request.page_cache_uncacheable = True


def requested_page(request, paginator):
    """The page of `paginator` asked for, or the nearest that exists; a request that asked
    for another is not kept (any number would be one more entry). Hand-written because
    `Paginator.get_page` sends 0 and negative numbers to the last page, and a number too
    long for int() to the first."""
    mark_read(request, "page")
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        number = paginator.num_pages if raw.strip().isdecimal() else 1
    number = min(max(number, 1), paginator.num_pages)
    if raw != str(number):
        mark_uncacheable(request)
    return paginator.page(number)


def cache_key(request):
    """The page's address with only the parameters a page reads, in a fixed order: any other
    parameter (`?x=1`, a tracking tag) is served the cached copy of the address without it.
    None when a parameter a page reads is repeated: which one counts is not the cache's call."""
    parameters = []
    for name in sorted(set(request.GET) & PAGE_PARAMETERS):
        values = request.GET.getlist(name)
        if len(values) > 1:
            return None
        parameters.append((name, values[0]))
    language = translation.get_language_from_path(request.path_info) or "-"
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(parameters)}"
    return f"pagecache:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def stored(response, generation):
    """What the cache keeps of a response: plain values, quick to unpickle, and the
    generation of the content it shows."""
    return (generation, response.status_code, list(response.items()), response.content)


def restored(entry):
    _generation, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def may_use_cache(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(UNCACHED_PREFIXES)
    )


def may_store(request, response):
    cache_control = response.get("Cache-Control", "")
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and not getattr(request, "page_cache_uncacheable", False)
        and not unread_parameters(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user and user.is_authenticated)
        and not any(directive in cache_control for directive in PRIVATE_DIRECTIVES)
    )


def recently_changed(changed_at):
    """Whether the content changed no more than `PAGE_CACHE_RENDER_SECONDS` ago: a stale copy
    is served only while the first request after a change renders the page again, not to the
    first visitor of a page nobody asked for since."""
    if changed_at is None:
        return False
    return time.time() - changed_at <= settings.PAGE_CACHE_RENDER_SECONDS


def keep_private(request, response):
    """What is served to someone with a session (an editor, a translator, a visitor who has
    just logged in) is theirs: `Cache-Control: private`, so no CDN or shared proxy keeps it
    whatever the view said."""
    session = settings.SESSION_COOKIE_NAME
    user = getattr(request, "user", None)
    if (
        session in request.COOKIES
        or session in response.cookies
        or (user is not None and user.is_authenticated)
    ):
        patch_cache_control(response, private=True)
    return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous GET requests from the shared cache, per URL (language included).

    It sits outside the security middleware so that a cached page keeps the headers it was
    made with. Anyone with a session (editors, previews) bypasses it entirely. `X-Cache` says
    `hit`, `miss` or `stale` (the previous copy, while one request renders the page again
    after a publish).

    Hand-written rather than Django's `cache_page`/`UpdateCacheMiddleware`: those key on the
    whole query string, cannot make every server's entries stale at once, and have no
    single-render lock after a publish.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = {}
        token = _request_generation.set(memo)
        try:
            return self.serve(request, memo)
        finally:
            _request_generation.reset(token)

    def serve(self, request, memo):
        if not may_use_cache(request):
            return keep_private(request, self.get_response(request))
        # The page and the current generation in one round trip to the cache: an entry
        # made under an older generation is stale everywhere at once.
        key = cache_key(request)
        if key is None:
            response = self.get_response(request)
            response["X-Cache"] = "miss"
            return response
        found = cache.get_many([GENERATION_KEY, CHANGED_AT_KEY, key])
        generation = memo["value"] = found.get(GENERATION_KEY) or 0
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            response = restored(entry)
            response["X-Cache"] = "hit"
            return response
        lock = revalidating = None
        if entry is not None and recently_changed(found.get(CHANGED_AT_KEY)):
            # Stale since a change a few seconds ago: one request renders the page again,
            # the others keep the previous copy meanwhile, so a publish during the peak is
            # one render per page, not one per visitor, and no process spends all its
            # threads rendering while copies wait.
            revalidating = _revalidating.acquire(blocking=False)
            lock = f"{key}:render:{generation}"
            # `add` is False only when another request holds the lock; None (the cache
            # failing) renders.
            if (
                not revalidating
                or cache.add(lock, 1, timeout=settings.PAGE_CACHE_RENDER_SECONDS) is False
            ):
                if revalidating:
                    _revalidating.release()
                response = restored(entry)
                response["X-Cache"] = "stale"
                return response
        try:
            return self.render(request, key, generation, lock)
        finally:
            if revalidating:
                _revalidating.release()

    def render(self, request, key, generation, lock):
        response = self.get_response(request)
        if may_store(request, response):
            # A view that chose its own lifetime (the alert banners) keeps it.
            timeout = get_max_age(response)
            if timeout is None:
                timeout = page_lifetime(request)
                directives = {"public": True, "max_age": min(60, timeout), "s_maxage": timeout}
                if timeout >= settings.PAGE_CACHE_SECONDS:
                    # A page that changes by itself soon is not served stale after that.
                    directives["stale_while_revalidate"] = 60
                patch_cache_control(response, **directives)
            cache.set(key, stored(response, generation), timeout)
        elif lock is not None:
            # The page is gone, private or not keepable now: its previous copy goes too.
            cache.delete(key)
        if lock is not None:
            cache.delete(lock)
        response["X-Cache"] = "miss"
        return response
