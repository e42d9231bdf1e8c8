"""Bad input gets its status and a page in the visitor's language, never a 500."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from home.serving.views import server_error

from .conftest import parse
from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NOT_FOUND = {"it": "Pagina non trovata", "en": "Page not found"}


@pytest.mark.parametrize(
    ("path", "accept_language", "language"),
    [
        ("/fr/", "it", "it"),
        ("/fr/", "en", "en"),
        ("/EN/", "it", "en"),
        ("/it-IT/", "en", "it"),
        ("/it/%00/", "it", "it"),
        ("/en/%00", "it", "en"),
        ("/it/../", "it", "it"),
        ("/en/..%2F..%2Fetc/passwd", "it", "en"),
        ("/it/does-not-exist/", "en", "it"),
        ("/en/does-not-exist/", "it", "en"),
    ],
)
def test_bad_paths_get_the_localised_404(client, home_pages, path, accept_language, language):
    response = client.get(path, headers={"accept-language": accept_language})
    assert response.status_code == 404
    html = parse(response)
    assert html.html["lang"] == language
    assert html.select_one("h1").get_text(strip=True) == NOT_FOUND[language]
    # The frame of the site is there: a way home and the language switcher.
    assert html.select_one("nav.language-switcher") is not None


def test_page_only_in_the_other_language_is_404(client, home_pages):
    StandardPageFactory(parent=home_pages["it"], title="Solo italiano", slug="solo-italiano")
    assert client.get("/it/solo-italiano/").status_code == 200
    response = client.get("/en/solo-italiano/")
    assert response.status_code == 404
    assert parse(response).html["lang"] == "en"


def test_bad_host_header_is_400(client, home_pages):
    response = client.get("/it/", headers={"host": "evil.example.com"})
    assert response.status_code == 400


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/en/")
    with translation.override("en"), django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = parse(response)
    assert html.html["lang"] == "en"
    assert html.select_one("h1").get_text(strip=True) == "Something went wrong"
    with translation.override("it"):
        html = parse(server_error(request))
    assert html.select_one("h1").get_text(strip=True) == "Si è verificato un errore"
