"""Facts nearly every page needs and that change only when content is published or a
snippet saved: the menu, the footer, the topics of a language, which pages are restricted.

They are kept in the shared cache under the page cache's generation (see `caching.py`), so
the publish or save that empties the page cache renews them too, on every app server at
once. Only what is the same for every visitor goes here."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Locale, PageViewRestriction

from .caching import current_generation


def fragment_key(generation, name, parts):
    return ":".join(["fragment", str(generation), name, *map(str, parts)])


def cached(name, build, *parts, timeout=None):
    """`build()`'s value, computed once per generation of the content for these `parts`
    (and at least every `timeout` seconds, for values that also change with time)."""
    key = fragment_key(current_generation(), name, parts)
    return cache.get_or_set(key, build, timeout or settings.FRAGMENT_CACHE_SECONDS)


def cached_many(name, parts_per_value, build, timeout=None):
    """Many values at once, like `cached`: `parts_per_value` lists each value's key parts;
    `build(positions)` computes the values missing at those positions. One round trip to the
    cache reads them all and one more stores what had to be built."""
    generation = current_generation()
    keys = [fragment_key(generation, name, parts) for parts in parts_per_value]
    # A copy: a cache client may hand the same object to every caller (django-redis
    # returns one shared dict for every failed read), and the values built below join it.
    found = dict(cache.get_many(keys)) if keys else {}
    missing = [position for position, key in enumerate(keys) if key not in found]
    if missing:
        built = dict(zip((keys[position] for position in missing), build(missing), strict=True))
        cache.set_many(built, timeout or settings.FRAGMENT_CACHE_SECONDS)
        found.update(built)
    return [found[key] for key in keys]


def language_code(locale_id):
    """The language code of a locale, without a query per page that asks."""
    codes = cached("locales", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    if locale_id not in codes:
        return Locale.objects.get(pk=locale_id).language_code
    return codes[locale_id]


def public_q():
    """What `PageQuerySet.public()` keeps, as a condition: pages with no view restriction
    on themselves or an ancestor. The restricted paths are few and rarely change."""
    paths = cached(
        "restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return ~restricted if paths else Q()
