"""Every public HTML address of the site with its equivalents in the other language: a page,
or a routable sub-page of one (a speaker, a webinar schedule). The head of each page
(canonical, hreflang, the language switcher) and the sitemap read the same `Address`, so
they never disagree."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings

from .urls import absolute_url


@dataclass(frozen=True)
class Address:
    """One address in `language`, and the same page or sub-page in each language it exists in
    (`urls`: language code → site-relative URL, this address included)."""

    language: str
    urls: dict = field(hash=False)
    lastmod: datetime | None = None
    # Where search engines should look instead: an alias names the page it shows.
    canonical: str | None = None

    @property
    def url(self):
        return self.urls[self.language]

    @property
    def canonical_url(self):
        return self.canonical or self.url

    @property
    def default_url(self):
        """What `x-default` names: this page in the site's default language, or the page
        itself where it has no version in that language."""
        return self.urls.get(settings.LANGUAGE_CODE, self.url)

    def alternates(self, request):
        """(hreflang, absolute URL) of every language version, this one included, then
        `x-default`; none for an alias, whose page has its own."""
        if self.canonical:
            return []
        links = [
            (code, absolute_url(request, self.urls[code]))
            for code, _name in settings.LANGUAGES
            if code in self.urls
        ]
        links.append(("x-default", absolute_url(request, self.default_url)))
        return links

    def sitemap_entry(self, request):
        """What Django's sitemap template reads for one `<url>`."""
        return {
            "location": absolute_url(request, self.url),
            "lastmod": self.lastmod,
            "alternates": [
                {"lang_code": code, "location": url} for code, url in self.alternates(request)
            ],
        }


def page_address(request, page, versions):
    """The address of `page`; `versions` are its live versions by language code."""
    from ..serving.fragments import language_code

    language = language_code(page.locale_id)
    if page.alias_of_id:
        original = page.alias_of.get_url(request)
        return Address(language, {language: page.get_url(request)}, canonical=original)
    urls = {
        code: version.get_url(request)
        for code, version in versions.items()
        if not version.alias_of_id
    }
    urls[language] = page.get_url(request)
    return Address(language, urls, page.last_published_at)


@dataclass
class SubPage:
    """What a routable sub-page of a page says about itself in the head: its title, the
    description and image of its social preview, its schema.org data, and how to find the
    same sub-page on each language version of the page (`urls`: the page's versions by
    language code → this sub-page's URL in each language where it exists)."""

    urls: object
    title: str
    description: str = ""
    image: object = None
    og_type: str = "website"
    structured_data: list = field(default_factory=list)
    # Around the title in the browser's tab: "Carlo Cottarelli · KeepONLearning".
    context_title: str = ""
    # (title, URL) of the steps between the page and the sub-page, for the breadcrumbs.
    crumbs: list = field(default_factory=list)

    def address(self, page, versions):
        from ..serving.fragments import language_code

        return Address(language_code(page.locale_id), self.urls(versions))
