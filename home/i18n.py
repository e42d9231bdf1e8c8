"""Where each language leads from the page a visitor is on."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site


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


def translated_ancestors(page, code):
    """The live versions in `code` of the ancestors of `page`, deepest first."""
    if page is None:
        return []
    keys = page.get_ancestors().filter(depth__gt=1).values("translation_key")
    found = (
        Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=code)
        .order_by("-depth")
    )
    return list(found[:1])


def language_links(request, page=None, translations=None):
    """One link per language: the same page where it exists, else its nearest ancestor that
    exists in that language, else that language's home page."""
    current = translation.get_language()
    translations = live_translations(page) if translations is None else translations
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        fallback = ""
        if target is None:
            # The home pages are ancestors too: one query finds the nearest translated one.
            ancestors = translated_ancestors(page, code)
            if ancestors:
                target = ancestors[0]
            else:
                if homes is None:
                    homes = home_pages(request)
                target = homes.get(code)
            fallback = "ancestor" if target is not None and target.depth > 2 else "home"
        url = target.get_url(request) if target is not None else f"/{code}/"
        links.append(LanguageLink(code, name, url, code == current, not fallback, fallback))
    return links


def hreflang_alternates(request, translations):
    """Absolute URLs of every live translation, for <link rel="alternate" hreflang>."""
    return [
        (code, request.build_absolute_uri(page.get_url(request)))
        for code, _name in settings.LANGUAGES
        if (page := translations.get(code)) is not None and page.live
    ]
