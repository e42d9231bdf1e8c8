"""Where each language leads from the page a visitor is on."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

from .serving.fragments import public_q


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    # False when the page has no live version in this language and the link leads elsewhere.
    is_same_page: bool
    # Where a link that is not the same page leads: "ancestor" (the nearest translated
    # ancestor) or "home" (that language's home page).
    fallback: str = ""


def live_translations(page):
    """The live versions of `page` by language code, the page itself included."""
    if page is None:
        return {}
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    found = {p.locale.language_code: p for p in pages}
    if page.pk not in {p.pk for p in found.values()}:
        # A draft seen in preview: it is still the page of its own language.
        found[page.locale.language_code] = page
    return found


def home_pages(request):
    """Each language's home page: the default Site's root and its live translations."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    root = Page.objects.filter(pk=site.root_page_id).select_related("locale").first()
    return live_translations(root)


def page_translations(page, ancestors):
    """The live, public versions of `page` by language code, and in each language the
    deepest such version of one of its `ancestors`: one query for both.

    The page learns its own locale from the same rows, so that later questions about its
    language cost nothing."""
    if page is None:
        return {}, {}
    keys = {page.translation_key} | {ancestor.translation_key for ancestor in ancestors}
    # What visitors may read: no view-restricted version, and no alias (which shows
    # another page's content, often in the other language); as the sitemap lists them.
    rows = (
        Page.objects.live()
        .filter(public_q(), translation_key__in=keys, alias_of__isnull=True)
        .select_related("locale")
    )
    translations, nearest = {}, {}
    for row in rows:
        if row.locale_id == page.locale_id and not Page.locale.is_cached(page):
            page.locale = row.locale
        code = row.locale.language_code
        if row.translation_key == page.translation_key:
            translations[code] = row
        elif code not in nearest or row.depth > nearest[code].depth:
            nearest[code] = row
    if page.pk not in {p.pk for p in translations.values()}:
        # A draft seen in preview: it is still the page of its own language.
        translations[page.locale.language_code] = page
    return translations, nearest


def language_links(request, page=None, translations=None, translated_ancestors=None, address=None):
    """One link per language: the same page (or sub-page, at `address`) where it exists,
    else the page a sub-page belongs to, else the page's nearest ancestor that exists in
    that language, else that language's home page."""
    current = translation.get_language()
    translations = translations or {}
    translated_ancestors = translated_ancestors or {}
    same = address.urls if address is not None else {}
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        if code in same:
            links.append(LanguageLink(code, name, same[code], code == current, True))
            continue
        # A sub-page missing in this language leads to its page there; a page, to the
        # nearest ancestor that exists there; else that language's home page.
        target = translations.get(code) if address is not None else None
        if target is None:
            target = translated_ancestors.get(code)
        if target is None:
            if homes is None:
                homes = home_pages(request)
            target = homes.get(code)
        fallback = "ancestor" if target is not None and target.depth > 2 else "home"
        url = target.get_url(request) if target is not None else f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current, not fallback, fallback))
    return links
