"""Site search: the live, public pages of the visitor's language, with the pages editors
promote for a query (Settings, then Promoted search results) shown first."""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from ..chrome import site_chrome
from ..i18n import LanguageLink, home_pages
from ..serving.caching import mark_read, mark_uncacheable, requested_page
from ..serving.fragments import public_q

RESULTS_PER_PAGE = 10
# Longer input is cut here: the search box stops at this length, and no useful query is longer.
MAX_QUERY_LENGTH = 200
# The root is at depth 1 and each language's home page at 2: the sections of the site are 3.
SECTION_DEPTH = 3
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    summary: str
    kind: str
    section: str


def clean_query(raw):
    """The query as the visitor typed it, without control characters or runs of spaces."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """Only the words of the query reach the search backend: quotes, brackets and operators
    mean nothing to visitors and would be syntax to the database."""
    return " ".join(WORDS.findall(query))


def searchable_pages(request):
    """The live, public pages under the home page of the active language."""
    home = home_pages(request).get(translation.get_language())
    if home is None:
        return Page.objects.none()
    return (
        Page.objects.live()
        .filter(public_q())
        .descendant_of(home, inclusive=True)
        .filter(locale_id=home.locale_id)
    )


def section_path(page):
    return page.path[: SECTION_DEPTH * Page.steplen]


def section_titles(pages):
    """The title of the section each page is in, by the section's path: one query."""
    paths = {section_path(page) for page in pages if page.depth > SECTION_DEPTH}
    if not paths:
        return {}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


def describe(pages, request, descriptions=None):
    """What a visitor sees of each page in the results."""
    descriptions = descriptions or {}
    sections = section_titles(pages)
    return [
        SearchResult(
            title=getattr(page, "card_title", page.title),
            url=page.get_url(request),
            summary=descriptions.get(page.pk) or getattr(page, "summary", ""),
            kind=capfirst(page._meta.verbose_name),
            section=sections.get(section_path(page), ""),
        )
        for page in pages
    ]


def promoted_pages(query, pages, request):
    """The pages editors promote for this query, in their order, if in the active language."""
    promotions = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query), page__in=pages
        )
        .order_by("sort_order", "pk")
        .values_list("page_id", "description")
    )
    if not promotions:
        return []
    found = pages.filter(pk__in=[page_id for page_id, _ in promotions]).specific().in_bulk()
    ordered = [found[page_id] for page_id, _ in promotions if page_id in found]
    return describe(ordered, request, descriptions=dict(promotions))


def language_links(query):
    """The search page in each language, for the same query."""
    current = translation.get_language()
    query_string = f"?{urlencode({'q': query})}" if query else ""
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("search") + query_string
        links.append(LanguageLink(code, name, url, code == current, is_same_page=True))
    return links


def search(request):
    mark_read(request, "q")
    query = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    pages = searchable_pages(request)

    results = pages.specific().search(terms) if terms else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = requested_page(request, paginator)
    if query:
        # Every query would be an entry of its own: searches are answered, not kept.
        mark_uncacheable(request)

    context = site_chrome(request)
    context.update(
        {
            "query": query,
            "promotions": promoted_pages(query, pages, request) if query else [],
            "paginator": paginator,
            "page_obj": page_obj,
            "results": describe(list(page_obj.object_list), request),
            "pagination_query": urlencode({"q": query}),
            "language_links": language_links(query),
        }
    )
    return render(request, "search/search.html", context)
