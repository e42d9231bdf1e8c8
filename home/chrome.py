"""What frames every page (menu, footer, language switcher), gathered once per request
so that templates never query the database."""

from dataclasses import dataclass

from django.utils import translation
from wagtail.models import Page

from .i18n import hreflang_alternates, language_links, live_translations
from .models import FooterContent, NavigationMenu
from .structured_data import breadcrumb_list


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    is_current: bool


def localized_pages(pages):
    """The live version in the active language of each page, found in one query; a page
    with no live version in that language is left out."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    found = Page.objects.live().filter(
        translation_key__in=keys, locale__language_code=translation.get_language()
    )
    return {page.translation_key: page for page in found}


def resolve_links(stream, request, current_page=None):
    """Turn a StreamField of LinkBlocks into label/URL pairs in the active language.

    An editor may pick the Italian page in the English menu: the link still leads to the
    English version, and a page with no English version is not offered to English visitors.
    """
    values = [block.value for block in stream or []]
    localized = localized_pages([value["page"] for value in values if value.get("page")])
    items = []
    for value in values:
        if value.get("page") is not None:
            page = localized.get(value["page"].translation_key)
            if page is None:
                continue
            label = value.get("label") or page.title
            url = page.get_url(request)
            is_current = current_page is not None and (
                page.pk == current_page.pk
                or (page.depth > 2 and current_page.path.startswith(page.path))
            )
        else:
            url, label, is_current = value.get("url"), value.get("label"), False
        items.append(MenuItem(label, url, is_current))
    return items


def site_chrome(request, page=None):
    language = translation.get_language()
    navigation = NavigationMenu.objects.filter(locale__language_code=language).first()
    footer = FooterContent.objects.filter(locale__language_code=language).first()
    translations = live_translations(page)
    links = language_links(request, page, translations)
    ancestors = list(page.get_ancestors().filter(depth__gte=2)) if page else []
    structured_data = []
    if page is not None:
        structured_data.append(breadcrumb_list(request, page, ancestors))
        if hasattr(page, "structured_data"):
            structured_data.extend(page.structured_data(request))
    return {
        "navigation_items": resolve_links(navigation.items if navigation else None, request, page),
        "footer": footer,
        "footer_links": resolve_links(footer.links if footer else None, request),
        "language_links": links,
        # Languages this page does not exist in: the page says so in each of them.
        "missing_languages": [link.code for link in links if not link.is_same_page] if page else [],
        "hreflang_alternates": hreflang_alternates(request, translations),
        "canonical_url": request.build_absolute_uri(page.get_url(request)) if page else None,
        "x_default_url": request.build_absolute_uri("/"),
        "breadcrumbs": ancestors,
        "structured_data": structured_data,
    }
