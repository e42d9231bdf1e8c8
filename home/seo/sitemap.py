"""The sitemap: every public page of every language, with the sub-pages routable pages
answer at (speakers, webinar schedules), each `<url>` naming its language versions and
`x-default`.

Wagtail's sitemap is used with two changes: its pages are the trees of every language
(Wagtail's lists only the default Site's root and its descendants, so the English tree,
which has a root of its own, was missing), and each page's entries come from
`BasePage.addresses` with its versions found once for the whole sitemap, not one query per
page."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from ..serving.fragments import language_code


def public_versions(page):
    """The live, public versions of `page` by language code."""
    versions = page.get_translations(inclusive=True).live().public().specific()
    return {language_code(version.locale_id): version for version in versions}


class SiteSitemap(Sitemap):
    _pages = None

    def items(self):
        if self._pages is None:
            root = self.get_wagtail_site().root_page
            trees = Q()
            for tree in Page.objects.filter(translation_key=root.translation_key):
                trees |= Q(path__startswith=tree.path)
            self._pages = list(
                # An alias shows another page, which is listed itself.
                Page.objects.filter(trees, alias_of__isnull=True)
                .live()
                .public()
                .order_by("path")
                .defer_streamfields()
                .specific()
            )
        return self._pages

    def _urls(self, page, protocol, domain):
        versions = defaultdict(dict)
        for item in self.items():
            versions[item.translation_key][language_code(item.locale_id)] = item
        urls = []
        for item in self.paginator.page(page).object_list:
            if hasattr(item, "addresses"):
                urls.extend(item.get_sitemap_urls(self.request, versions[item.translation_key]))
            else:
                urls.extend(item.get_sitemap_urls(self.request))
        dates = [url["lastmod"] for url in urls if url.get("lastmod")]
        if dates and len(dates) == len(urls):
            self.latest_lastmod = max(dates)
        return urls
