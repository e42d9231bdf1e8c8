"""Every public response carries the headers the Mozilla HTTP Observatory grades, the admin
keeps what stops framing, repeated wrong passwords are throttled, and `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError

from hub.models import ArticlePage, WebinarPage

from .conftest import parse
from .hub_helpers import make_item

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-site",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


@pytest.fixture
def https(settings):
    """The HTTPS settings of `config.settings.production`, which tests cannot import whole."""
    settings.SECURE_HSTS_SECONDS = 63_072_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_public_headers(response):
    for name, value in EXPECTED.items():
        assert response[name] == value, name
    csp = directives(response)
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "https://www.youtube-nocookie.com" in csp["frame-src"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    return csp


def assert_only_the_sites_own_scripts_run(response, csp):
    """The policy runs the site's files and nothing else: no nonce (a cached page would
    replay it), and nothing inline in the page that a browser would run."""
    assert csp["script-src"] == ["'self'"]
    scripts = parse(response).select("script")
    assert scripts
    for script in scripts:
        assert not script.has_attr("nonce")
        if script.get("type") == "application/ld+json":
            assert not script.has_attr("src")
        else:
            assert script["src"].startswith("/static/js/"), script
            assert not (script.string or "").strip()


def test_home_article_and_webinar_carry_the_header_set(client, hub_site, https):
    article = make_item(hub_site["it"], ArticlePage, title="Un articolo")
    webinar = make_item(hub_site["it"], WebinarPage, title="Un webinar")
    for url in ["/it/", article.url, webinar.url]:
        response = client.get(url, secure=True)
        assert response.status_code == 200, url
        csp = assert_public_headers(response)
        assert_only_the_sites_own_scripts_run(response, csp)
        assert not response.cookies, url
    # Structured data is a script element a browser does not run: it needs no nonce.
    assert parse(client.get(article.url, secure=True)).select('script[type="application/ld+json"]')


def test_not_found_carries_the_header_set(client, home_pages, https):
    response = client.get("/it/non-esiste/", secure=True)
    assert response.status_code == 404
    assert_public_headers(response)


def test_database_outage_is_a_503_with_the_header_set(client, home_pages, https):
    client.raise_request_exception = False
    with mock.patch(
        "wagtail.models.Site.find_for_request", side_effect=OperationalError("server closed")
    ):
        response = client.get("/it/", secure=True)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert_public_headers(response)
    html = parse(response)
    # One static page for both languages: it cannot ask the database which one to show.
    assert {section["lang"] for section in html.select("main section")} == {"it", "en"}


def test_other_server_errors_stay_500(client, home_pages):
    client.raise_request_exception = False
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=ValueError("bug")):
        response = client.get("/it/")
    assert response.status_code == 500


def test_admin_policy_is_relaxed_but_still_forbids_plugins_and_framing(client, https):
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    csp = directives(response)
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    # The CSRF cookie the login form sets is Secure and SameSite=Lax.
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] and cookie["samesite"] == "Lax"


def test_editor_session_cookie_is_secure_httponly_lax(client, admin_user, https):
    client.get("/admin/login/", secure=True)
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "password"}, secure=True
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_repeated_failed_admin_logins_are_throttled(client, admin_user):
    for _ in range(5):
        response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
        assert response.status_code in (200, 429)
    # Locked out: even the right password is refused for now.
    response = client.post("/admin/login/", {"username": "admin", "password": "password"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_deploy_check_is_clean():
    # Browser tests allow sync database calls inside their event loop; production never does.
    env = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "a-long-random-production-like-secret-" + "x" * 40,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
