"""What frames every page (menu, footer, language switcher), gathered once per request
so that templates never query the database."""

from dataclasses import dataclass

from django.utils import translation
from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from .extensions import SITE_ALERTS
from .i18n import language_links, page_translations
from .models import FooterContent, NavigationMenu
from .seo.addresses import page_address
from .seo.head import page_head
from .seo.structured_data import breadcrumb_list
from .serving.fragments import cached


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


@dataclass(frozen=True)
class Link:
    """A menu or footer link resolved for one language: the same for every visitor."""

    label: str
    url: str
    page_pk: int | None = None
    page_path: str = ""
    page_depth: int = 0

    def is_current_for(self, page):
        if page is None or self.page_pk is None:
            return False
        return self.page_pk == page.pk or (
            self.page_depth > 2 and page.path.startswith(self.page_path)
        )


def resolve_links(stream, request):
    """Turn a StreamField of LinkBlocks into links in the active language.

    An editor may pick the Italian page in the English menu: the link still leads to the
    English version, and a page with no English version is not offered to English visitors.
    """
    values = [block.value for block in stream or []]
    localized = localized_pages([value["page"] for value in values if value.get("page")])
    links = []
    for value in values:
        if value.get("page") is None:
            links.append(Link(value.get("label"), value.get("url")))
            continue
        page = localized.get(value["page"].translation_key)
        if page is not None:
            label = value.get("label") or page.title
            links.append(Link(label, page.get_url(request), page.pk, page.path, page.depth))
    return links


@dataclass(frozen=True)
class Footer:
    about: str
    address: str
    email: str
    copyright: str


def shared_chrome(request):
    """Menu and footer of the active language, built once per content generation."""
    language = translation.get_language()

    def build():
        navigation = NavigationMenu.objects.filter(locale__language_code=language).first()
        footer = FooterContent.objects.filter(locale__language_code=language).first()
        return {
            "navigation": resolve_links(navigation.items if navigation else None, request),
            "footer": Footer(
                expand_db_html(footer.about), footer.address, footer.email, footer.copyright
            )
            if footer
            else None,
            "footer_links": resolve_links(footer.links if footer else None, request),
        }

    return cached("chrome", build, language, request.get_host())


def page_alerts(request, section):
    """The announcements a page of `section` shows now, from every app that registers the
    `site_alerts` hook (the reopening section's alert banners): the frame of the site does
    not depend on the apps that announce."""
    return [alert for hook in hooks.get_hooks(SITE_ALERTS) for alert in hook(request, section)]


def site_chrome(request, page=None, subpage=None):
    """The frame of `page` (or of its routable `subpage`, `home.seo.addresses.SubPage`):
    menus, footer, language switcher, head and announcements."""
    shared = shared_chrome(request)
    ancestors = list(page.get_ancestors().filter(depth__gte=2)) if page else []
    translations, translated_ancestors = page_translations(page, ancestors)
    address = None
    if page is not None:
        address = (
            subpage.address(page, translations)
            if subpage is not None
            else page_address(request, page, translations)
        )
    links = language_links(request, page, translations, translated_ancestors, address)
    alert_section = getattr(page, "alert_section", "site")
    structured_data = []
    if page is not None:
        if subpage is not None:
            structured_data.append(
                breadcrumb_list(
                    request, page, ancestors, [*subpage.crumbs, (subpage.title, address.url)]
                )
            )
            structured_data.extend(subpage.structured_data)
        else:
            structured_data.append(breadcrumb_list(request, page, ancestors))
            if hasattr(page, "structured_data"):
                structured_data.extend(page.structured_data(request))
    return {
        "navigation_items": [
            MenuItem(link.label, link.url, link.is_current_for(page))
            for link in shared["navigation"]
        ],
        "footer": shared["footer"],
        "footer_links": [MenuItem(link.label, link.url, False) for link in shared["footer_links"]],
        "language_links": links,
        # Languages this page does not exist in: the page says so in each of them.
        "missing_languages": [link.code for link in links if not link.is_same_page] if page else [],
        "head": page_head(request, page, address, subpage) if page else None,
        "subpage": subpage,
        "breadcrumbs": ancestors,
        "structured_data": structured_data,
        # The alert banners showing now in this language and section of the site.
        "alert_banners": page_alerts(request, alert_section),
        "alert_section": alert_section,
    }
