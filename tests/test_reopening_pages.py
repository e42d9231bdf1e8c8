"""The reopening section as visitors see it: the landing page's state, the information
pages with their blocks and review date, the FAQ and its schema.org data."""

import datetime
import itertools
import json
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import Page

from home.models import HomePage, StandardPage
from reopening.models import ReopeningChange, ReopeningFaqPage, ReopeningInfoPage, ReopeningPage

from .conftest import add_reopening_info_page, parse, publish_translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_setup")]

ROME = ZoneInfo("Europe/Rome")


def rich(text):
    return f"<p>{text}</p>"


def faq_block(*pairs):
    return (
        "faq",
        {"title": "", "items": [{"question": q, "answer": rich(a)} for q, a in pairs]},
    )


# The checks of Wagtail's WagtailPageTestCase helpers, as plain asserts: "can create at"
# is the child model among the parent model's allowed subpage models.


def test_the_section_can_only_be_built_one_way():
    assert ReopeningPage in HomePage.allowed_subpage_models()
    assert ReopeningPage not in Page.allowed_subpage_models()
    assert ReopeningPage not in StandardPage.allowed_subpage_models()
    assert set(ReopeningPage.allowed_parent_page_models()) == {HomePage}
    assert set(ReopeningPage.allowed_subpage_models()) == {ReopeningInfoPage, ReopeningFaqPage}
    assert set(ReopeningInfoPage.allowed_parent_page_models()) == {ReopeningPage}
    assert set(ReopeningFaqPage.allowed_parent_page_models()) == {ReopeningPage}
    assert set(ReopeningInfoPage.allowed_subpage_models()) == set()
    assert set(ReopeningFaqPage.allowed_subpage_models()) == set()


def landing_with_both_states(reopening):
    page = reopening["en"]
    page.before_reopening = [("paragraph", rich("Get your badge ready."))]
    page.after_reopening = [("paragraph", rich("The library is open."))]
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("now", "state", "headline", "shown", "hidden"),
    [
        (
            datetime.datetime(2020, 9, 1, 9, tzinfo=ROME),
            "upcoming",
            "13 days until the campus reopens",
            "Get your badge ready.",
            "The library is open.",
        ),
        (
            datetime.datetime(2020, 9, 13, 23, 30, tzinfo=ROME),
            "upcoming",
            "The campus reopens tomorrow.",
            "Get your badge ready.",
            "The library is open.",
        ),
        (
            # Still 13 September in UTC, already the 14th in Milan: the campus is open.
            datetime.datetime(2020, 9, 14, 0, 30, tzinfo=ROME),
            "open",
            "The campus is open.",
            "The library is open.",
            "Get your badge ready.",
        ),
        (
            datetime.datetime(2021, 1, 10, 12, tzinfo=ROME),
            "open",
            "The campus is open.",
            "The library is open.",
            "Get your badge ready.",
        ),
    ],
)
def test_landing_page_changes_state_with_the_date(
    client, reopening, time_machine, now, state, headline, shown, hidden
):
    landing_with_both_states(reopening)
    time_machine.move_to(now, tick=False)
    response = client.get("/en/nice-to-mip-you/")
    assert response.status_code == 200
    html = parse(response)
    status = html.select_one(".reopening-status")
    assert status["data-reopening-state"] == state
    assert status.select_one(".reopening-status__headline").get_text(" ", strip=True) == headline
    assert status.select_one("time")["datetime"] == "2020-09-14"
    text = html.select_one("main").get_text(" ", strip=True)
    assert shown in text
    assert hidden not in text
    # The Italian page follows the same clock.
    italian = parse(client.get("/it/nice-to-mip-you/")).select_one(".reopening-status")
    assert italian["data-reopening-state"] == state


def test_reopening_state_is_computed_in_python(reopening):
    page = reopening["it"]
    assert page.state(datetime.date(2020, 9, 4)).days_left == 10
    assert page.state(datetime.date(2020, 9, 4)).name == "upcoming"
    assert page.state(datetime.date(2020, 9, 14)).is_open
    assert page.state(datetime.date(2020, 9, 14)).days_left == 0


def test_landing_page_leads_to_every_information_page_and_the_faq(client, reopening):
    section = reopening["it"]
    first = add_reopening_info_page(
        section, title="Regole", slug="regole", last_reviewed_on=datetime.date(2020, 8, 20)
    )
    second = add_reopening_info_page(section, title="Accessi", slug="accessi")
    draft = add_reopening_info_page(section, title="Bozza", slug="bozza")
    draft.unpublish()
    faq = ReopeningFaqPage(title="Domande frequenti", slug="domande")
    section.add_child(instance=faq)
    faq.save_revision().publish()

    html = parse(client.get("/it/nice-to-mip-you/"))
    links = [a["href"] for a in html.select(".reopening-card__title a")]
    assert links == [first.url, second.url, faq.url]
    assert html.select_one(".reopening-card time")["datetime"] == "2020-08-20"
    assert html.select_one('link[type="application/rss+xml"]')["href"] == (
        "/it/nice-to-mip-you/feed/"
    )


def test_landing_page_costs_the_same_queries_with_more_information_pages(
    client, reopening, django_assert_num_queries
):
    section = reopening["it"]
    for number in range(2):
        add_reopening_info_page(section, title=f"Pagina {number}", slug=f"pagina-{number}")
    client.get("/it/nice-to-mip-you/")  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        client.get("/it/nice-to-mip-you/")
    few_queries = len(few.captured_queries)  # the next request empties Django's query log
    for number in range(2, 8):
        add_reopening_info_page(section, title=f"Pagina {number}", slug=f"pagina-{number}")
    client.get("/it/nice-to-mip-you/")  # publishing renewed the menu and footer: build them
    with django_assert_num_queries(few_queries):
        response = client.get("/it/nice-to-mip-you/")
    assert len(parse(response).select(".reopening-card")) == 8


def test_information_page_shows_last_reviewed_near_the_top(client, reopening, locales):
    page = add_reopening_info_page(
        reopening["it"],
        title="Regole di sicurezza",
        slug="regole",
        introduction="Poche regole.",
        last_reviewed_on=datetime.date(2020, 8, 31),
        body=[("paragraph", rich("Testo."))],
    )
    html = parse(client.get("/it/nice-to-mip-you/regole/"))
    reviewed = html.select_one("article header h1").find_next_sibling("p")
    assert "reopening-reviewed" in reviewed["class"]
    assert reviewed.select_one("time")["datetime"] == "2020-08-31"
    assert "2020" in reviewed.select_one("time").get_text()

    english = publish_translation(page, locales["en"])
    english.last_reviewed_on = datetime.date(2020, 9, 2)
    english.save_revision().publish()
    html = parse(client.get(english.url))
    reviewed = html.select_one("article header h1").find_next_sibling("p")
    assert reviewed.get_text(" ", strip=True) == "Last reviewed on 2 September 2020"
    assert reviewed.select_one("time")["datetime"] == "2020-09-02"


def test_reopening_blocks_render_accessibly(client, reopening):
    document = Document.objects.create(
        title="Protocollo", file=ContentFile(b"%PDF-1.4 test", name="protocollo.pdf")
    )
    add_reopening_info_page(
        reopening["en"],
        title="Everything",
        slug="everything",
        body=[
            (
                "checklist",
                {
                    "title": "Prima di venire",
                    "steps": [
                        {"text": "Prenota il posto", "details": "Entro le 18."},
                        {"text": "Porta il badge", "details": ""},
                    ],
                },
            ),
            ("callout", {"kind": "mandatory", "title": "Mascherina", "text": rich("Sempre.")}),
            (
                "protocol_document",
                {
                    "document": document,
                    "title": "",
                    "description": "Le regole.",
                    "valid_from": datetime.date(2020, 9, 1),
                },
            ),
            (
                "contact_card",
                {
                    "name": "Segreteria studenti",
                    "description": "",
                    "email": "studenti@example.com",
                    "phone": "",
                    "hours": "9–17",
                },
            ),
            faq_block(("Serve la mascherina?", "Sì."), ("Si prenota?", "Sì, dal portale.")),
        ],
    )
    html = parse(client.get("/en/nice-to-mip-you/everything/"))
    steps = html.select(".checklist ol > li")
    assert [s.select_one(".checklist__text").get_text() for s in steps] == [
        "Prenota il posto",
        "Porta il badge",
    ]
    assert html.select_one(".checklist h2").get_text() == "Prima di venire"
    callout = html.select_one(".callout")
    assert "callout--mandatory" in callout["class"]
    assert callout["role"] == "note"
    assert callout.select_one(".callout__kind").get_text() == "Mandatory"
    link = html.select_one(".document-card a")
    assert link["href"] == document.url
    assert link.get_text() == "Protocollo"
    assert "PDF" in html.select_one(".document-card__meta").get_text()
    assert html.select_one(".contact-card a")["href"] == "mailto:studenti@example.com"
    details = html.select(".faq details")
    assert [d.select_one("summary").get_text() for d in details] == [
        "Serve la mascherina?",
        "Si prenota?",
    ]
    assert details[1].select_one(".faq__answer").get_text(strip=True) == "Sì, dal portale."
    # Headings stay in order: h1, then h2 for the checklist; no h3 before an h2.
    levels = [int(h.name[1]) for h in html.select("main h1, main h2, main h3")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def faq_json_ld(html):
    found = []
    for script in html.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        if data.get("@type") == "FAQPage":
            found.append(data)
    assert len(found) <= 1
    return found[0] if found else None


def test_faq_json_ld_parses_and_matches_the_blocks_in_the_page_language(client, reopening, locales):
    page = add_reopening_info_page(
        reopening["it"],
        title="Accessi",
        slug="accessi",
        body=[
            ("paragraph", rich("Introduzione.")),
            faq_block(("Entro quando prenoto?", "Entro le 18 del giorno prima.")),
            faq_block(("Che cosa succede </script> se?", "Non <b>entri</b> & torni a casa.")),
        ],
    )
    data = faq_json_ld(parse(client.get("/it/nice-to-mip-you/accessi/")))
    assert data["@context"] == "https://schema.org"
    assert data["inLanguage"] == "it"
    assert data["url"] == "http://testserver/it/nice-to-mip-you/accessi/"
    assert [q["name"] for q in data["mainEntity"]] == [
        "Entro quando prenoto?",
        "Che cosa succede </script> se?",
    ]
    answers = [q["acceptedAnswer"]["text"] for q in data["mainEntity"]]
    assert answers[0] == "<p>Entro le 18 del giorno prima.</p>"
    assert "<b>entri</b>" in answers[1]
    assert all(q["@type"] == "Question" for q in data["mainEntity"])

    english = publish_translation(page, locales["en"])
    english.body = [faq_block(("By when do I book?", "By 6 pm the day before."))]
    english.save_revision().publish()
    data = faq_json_ld(parse(client.get(english.url)))
    assert data["inLanguage"] == "en"
    assert [q["name"] for q in data["mainEntity"]] == ["By when do I book?"]


def test_page_without_faq_has_no_faq_json_ld(client, reopening):
    add_reopening_info_page(
        reopening["it"], title="Solo testo", slug="testo", body=[("paragraph", rich("Testo."))]
    )
    assert faq_json_ld(parse(client.get("/it/nice-to-mip-you/testo/"))) is None


def test_faq_page_gathers_the_questions_of_the_section_in_its_language(client, reopening, locales):
    section = reopening["it"]
    safety = add_reopening_info_page(
        section, title="Sicurezza", slug="sicurezza", body=[faq_block(("Mascherina?", "Sì."))]
    )
    add_reopening_info_page(
        section,
        title="Accessi",
        slug="accessi",
        body=[faq_block(("Prenoto?", "Sì."), ("Badge?", "Sì."))],
    )
    add_reopening_info_page(section, title="Senza domande", slug="senza", body=[])
    draft = add_reopening_info_page(
        section, title="Bozza", slug="bozza", body=[faq_block(("Nascosta?", "Sì."))]
    )
    draft.unpublish()
    faq = ReopeningFaqPage(title="Domande frequenti", slug="domande")
    section.add_child(instance=faq)
    faq.save_revision().publish()
    english_safety = publish_translation(safety, locales["en"])
    english_safety.body = [faq_block(("Mask?", "Yes."))]
    english_safety.save_revision().publish()
    english_faq = publish_translation(faq, locales["en"])

    html = parse(client.get("/it/nice-to-mip-you/domande/"))
    sections = html.select("section.faq")
    assert [s.select_one("h2").get_text(strip=True) for s in sections] == [
        "Sicurezza",
        "Accessi",
    ]
    questions = [s.get_text() for s in html.select("details summary")]
    assert questions == ["Mascherina?", "Prenoto?", "Badge?"]
    data = faq_json_ld(html)
    assert [q["name"] for q in data["mainEntity"]] == questions
    assert data["inLanguage"] == "it"

    html = parse(client.get(english_faq.url))
    assert [s.get_text() for s in html.select("details summary")] == ["Mask?"]
    assert faq_json_ld(html)["inLanguage"] == "en"


def test_change_log_is_shown_newest_first(client, reopening):
    add_reopening_info_page(
        reopening["en"],
        title="Library",
        slug="library",
        changes=[
            ReopeningChange(changed_on=datetime.date(2020, 9, 1), description="Apre la mensa."),
            ReopeningChange(changed_on=datetime.date(2020, 9, 10), description="Orari estesi."),
            ReopeningChange(changed_on=datetime.date(2020, 8, 20), description="Prestito."),
        ],
    )
    html = parse(client.get("/en/nice-to-mip-you/library/"))
    items = html.select(".reopening-changes li")
    assert [li.select_one("time")["datetime"] for li in items] == [
        "2020-09-10",
        "2020-09-01",
        "2020-08-20",
    ]
    assert items[0].get_text(" ", strip=True).endswith("Orari estesi.")
    assert html.select_one(".reopening-changes h2").get_text() == "What changed"
