"""Site search: each language finds its own pages, editors' promotions come first, and no
input breaks the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from .conftest import parse
from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SEARCH = {"it": "/it/cerca/", "en": "/en/search/"}
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Text search configurations (stemming per language) exist only on PostgreSQL",
)


def make_page(parent, title, text="", **kwargs):
    page = StandardPageFactory(parent=parent, title=title, **kwargs)
    if text:
        page.body = [("paragraph", f"<p>{text}</p>")]
        page.save_revision().publish()
    return page


def search(client, language, query, **params):
    return client.get(SEARCH[language], {"q": query, **params})


def result_titles(html, selector=".search-results-section .search-result__title"):
    return [title.get_text(strip=True) for title in html.select(selector)]


@pytest.fixture
def leadership(home_pages):
    """The same word in a page of each language."""
    return {
        "it": make_page(home_pages["it"], "Leadership e cambiamento", slug="leadership"),
        "en": make_page(home_pages["en"], "Leadership and change", slug="leadership"),
    }


@pytest.mark.parametrize("language", ["it", "en"])
def test_search_page_in_each_language(client, home_pages, language):
    response = client.get(SEARCH[language])
    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == language
    assert html.select_one("h1").get_text(strip=True) == {"it": "Cerca", "en": "Search"}[language]
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    field = html.select_one("main form[role=search] input[type=search][name=q]")
    assert html.select_one(f'label[for="{field["id"]}"]') is not None
    assert not html.select(".search-result")


@pytest.mark.parametrize("language", ["it", "en"])
def test_finds_pages_by_title_in_the_visitors_language_only(client, leadership, language):
    html = parse(search(client, language, "leadership"))
    assert result_titles(html) == [leadership[language].title]
    result = html.select_one(".search-results-section .search-result")
    assert result.select_one("a")["href"] == leadership[language].url
    assert "leadership" in html.title.get_text()


@pytest.mark.parametrize("language", ["it", "en"])
def test_finds_pages_by_body_text(client, home_pages, language):
    italian = make_page(home_pages["it"], "Sostenibilità", "Il caso Zanzibar, passo per passo.")
    english = make_page(home_pages["en"], "Sustainability", "The Zanzibar case, step by step.")
    html = parse(search(client, language, "zanzibar"))
    assert result_titles(html) == [{"it": italian, "en": english}[language].title]


def test_result_shows_summary_section_and_kind(client, home_pages):
    section = make_page(home_pages["en"], "Programmes", slug="programmes")
    make_page(section, "Executive MBA", summary="Two years, weekends only.", slug="emba")
    html = parse(search(client, "en", "executive"))
    result = html.select_one(".search-results-section .search-result")
    assert result.select_one(".search-result__summary").get_text(strip=True) == (
        "Two years, weekends only."
    )
    meta = result.select_one(".search-result__meta").get_text(" ", strip=True)
    assert "Programmes" in meta
    assert "Standard page" in meta
    assert html.select_one("#results-title").get_text(" ", strip=True) == (
        "1 result for “executive”"
    )


def test_drafts_and_private_pages_are_not_found(client, home_pages):
    make_page(home_pages["it"], "Bozza riservata", slug="bozza", live=False)
    private = make_page(home_pages["it"], "Area riservata", slug="area")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = parse(search(client, "it", "riservata"))
    assert result_titles(html) == []
    assert "Nessun risultato" in html.select_one("#results-title").get_text()


@pytest.mark.parametrize("language", ["it", "en"])
def test_promotions_in_the_visitors_language_come_first(client, leadership, language):
    italian_pick = make_page(leadership["it"].get_parent(), "Corsi per manager", slug="corsi")
    english_pick = make_page(leadership["en"].get_parent(), "Courses for managers", slug="courses")
    draft_pick = make_page(leadership["en"].get_parent(), "Unpublished", slug="draft", live=False)
    query = Query.get("Leadership")
    for order, (page, description) in enumerate(
        [(italian_pick, "Scelto dalla redazione."), (english_pick, "Editor's choice.")]
    ):
        SearchPromotion.objects.create(
            query=query, page=page, sort_order=order, description=description
        )
    SearchPromotion.objects.create(query=query, page=draft_pick, sort_order=3)

    html = parse(search(client, language, "  LEADERSHIP "))
    pick = {"it": italian_pick, "en": english_pick}[language]
    promoted = html.select(".search-promotions .search-result")
    assert [item.select_one("a")["href"] for item in promoted] == [pick.url]
    assert (
        promoted[0].select_one(".search-result__summary").get_text(strip=True)
        == {
            "it": "Scelto dalla redazione.",
            "en": "Editor's choice.",
        }[language]
    )
    # The promotions come before the results, which are still there.
    assert html.select_one("section.search-promotions").find_next(
        "section", class_="search-results-section"
    )
    assert result_titles(html) == [leadership[language].title]


def test_no_promotions_for_another_query(client, leadership):
    SearchPromotion.objects.create(query=Query.get("mba"), page=leadership["it"], sort_order=0)
    html = parse(search(client, "it", "leadership"))
    assert html.select_one(".search-promotions") is None


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        "leadership " * 300,
        "<script>alert('x')</script>",
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        'leadership "unbalanced',
        "leadership'",
        "a\x00b",
        "\x00",
        "&",
        "|",
        "!",
        "-",
        "*",
        ":*",
        "(",
        ")",
        "AND",
        "OR NOT",
        "NEAR(leadership",
        "\\",
        "%",
        "_",
        "leadership -change",
        "😀",
    ],
)
@pytest.mark.parametrize("language", ["it", "en"])
def test_any_query_gets_a_normal_page(client, leadership, language, query):
    response = search(client, language, query)
    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    html = parse(response)
    echoed = html.select_one("main input[name=q]").get("value", "")
    assert "\x00" not in echoed
    assert len(echoed) <= 200
    assert Page.objects.filter(pk=leadership[language].pk).exists()


def test_query_is_echoed_escaped(client, home_pages):
    response = search(client, "en", '<script>alert("x")</script>')
    assert b'<script>alert("x")</script>' not in response.content
    assert b"&lt;script&gt;" in response.content
    html = parse(response)
    assert html.select_one("main input[name=q]")["value"] == '<script>alert("x")</script>'
    assert html.select_one("#results-title").get_text(strip=True) == (
        'No results for “<script>alert("x")</script>”'
    )


def test_nul_byte_in_the_raw_query_string(client, leadership):
    response = client.get("/it/cerca/?q=leader%00ship")
    assert response.status_code == 200
    response = client.get("/it/cerca/?q=leadership&page=%00")
    assert response.status_code == 200
    assert result_titles(parse(response)) == [leadership["it"].title]


@pytest.fixture
def twelve_results(home_pages):
    return [
        make_page(home_pages["en"], f"Finance lesson {n}", slug=f"lesson-{n}") for n in range(12)
    ]


@pytest.mark.parametrize(
    ("page", "shown", "count"),
    [
        ("", 1, 10),
        ("1", 1, 10),
        ("2", 2, 2),
        ("0", 1, 10),
        ("-3", 1, 10),
        ("abc", 1, 10),
        ("99999", 2, 2),
        ("1e3", 1, 10),
        ("9" * 5000, 2, 2),
    ],
)
def test_any_page_number_gets_the_nearest_page(client, twelve_results, page, shown, count):
    response = search(client, "en", "finance", page=page)
    assert response.status_code == 200
    html = parse(response)
    assert len(html.select(".search-results-section .search-result")) == count
    current = html.select_one(".pagination__current").get_text(" ", strip=True)
    assert current == f"Page {shown} of 2"


def test_pagination_keeps_the_query(client, twelve_results):
    html = parse(search(client, "en", "finance lesson"))
    assert html.select_one("a[rel=next]")["href"] == "?q=finance+lesson&page=2"
    assert html.select_one("a[rel=prev]") is None
    html = parse(client.get(SEARCH["en"] + "?q=finance+lesson&page=2"))
    assert html.select_one("a[rel=prev]")["href"] == "?q=finance+lesson&page=1"
    assert html.select_one("ol.search-results")["start"] == "11"
    assert "page 2 of 2" in html.title.get_text()


def test_language_switcher_leads_to_the_same_search(client, home_pages):
    html = parse(search(client, "it", "lavoro & futuro"))
    switcher = html.select_one("nav.language-switcher")
    assert switcher.select_one('a[hreflang="en"]')["href"] == "/en/search/?q=lavoro+%26+futuro"
    assert switcher.select_one('[aria-current="true"]')["lang"] == "it"
    html = parse(client.get(SEARCH["en"]))
    assert html.select_one('nav.language-switcher a[hreflang="it"]')["href"] == "/it/cerca/"


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_has_the_search_form_in_its_header(client, home_pages, language):
    html = parse(client.get(f"/{language}/"))
    form = html.select_one("header.site-header form[role=search]")
    assert form["action"] == SEARCH[language]
    assert form["method"] == "get"
    field = form.select_one("input[type=search][name=q]")
    assert form.select_one(f'label[for="{field["id"]}"]').get_text(strip=True)
    assert form.select_one("button[type=submit]").get_text(strip=True)


def test_each_language_has_its_own_address(client, home_pages):
    assert client.get("/en/cerca/").status_code == 404
    assert client.get("/it/search/").status_code == 404


def test_query_count_does_not_grow_with_the_results(client, home_pages):
    section = make_page(home_pages["it"], "Archivio", slug="archivio")

    def add_pages(start, stop):
        for n in range(start, stop):
            make_page(section, f"Bilancio {n}", summary="Un bilancio.", slug=f"bilancio-{n}")

    def results_page():
        with CaptureQueriesContext(connection) as queries:
            response = search(client, "it", "bilancio")
        assert response.status_code == 200
        return len(queries), parse(response)

    add_pages(0, 5)
    results_page()  # Fills the caches every request then uses (site root paths, content types).
    with_five, html = results_page()
    assert len(html.select(".search-results-section .search-result")) == 5
    add_pages(5, 50)
    with_fifty, html = results_page()
    assert len(html.select(".search-results-section .search-result")) == 10
    assert "50" in html.select_one("#results-title").get_text()
    assert with_fifty == with_five


@postgres_only
def test_each_language_is_stemmed_by_its_own_rules(client, home_pages):
    # The same words on a page in each language: only that language's rules join their forms.
    words = "Lavoro, corsi e course."
    italian = make_page(home_pages["it"], "Formazione", words, slug="formazione")
    english = make_page(home_pages["en"], "Training", words, slug="training")
    assert result_titles(parse(search(client, "it", "lavori"))) == [italian.title]
    assert result_titles(parse(search(client, "it", "corso"))) == [italian.title]
    assert result_titles(parse(search(client, "en", "courses"))) == [english.title]
    # English rules do not make "lavoro" of "lavori", nor Italian ones "course" of "courses".
    assert result_titles(parse(search(client, "en", "lavori"))) == []
    assert result_titles(parse(search(client, "it", "courses"))) == []
    # A search over every language (the admin's page search) finds each page by its own rules.
    assert {page.pk for page in Page.objects.search("lavori")} == {italian.pk}
    assert english.pk in {page.pk for page in Page.objects.search("courses")}
