"""The preview an editor sees is the public page, framed by the admin only: for every page
type of the demo, in both languages, Wagtail's preview renders the page with the site's own
styles and a policy that lets the admin's panel show it, while the public page itself still
refuses every frame."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from .conftest import parse

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def every_page_type(language):
    pages = {}
    for page in Page.objects.filter(depth__gt=1, locale__language_code=language).specific():
        pages.setdefault(type(page).__name__, page)
    return pages


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_type_previews_in_the_admins_frame(demo_for_reading, admin_user, language):
    pages = every_page_type(language)
    assert len(pages) >= 13, sorted(pages)
    for name, page in pages.items():
        request = RequestFactory().get(f"/admin/pages/{page.pk}/edit/preview/")
        request.user = admin_user
        response = page.make_preview_request(request, page.default_preview_mode)
        assert response.status_code == 200, name
        policy = directives(response)
        assert policy["frame-ancestors"] == ["'self'"], name
        # Still the public policy for what runs inside: the site's own files only.
        assert policy["script-src"] == ["'self'"], name
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN", name
        html = parse(response)
        assert html.html["lang"] == language, name
        assert html.h1 is not None and html.h1.get_text(strip=True), name
        assert html.select('link[rel=stylesheet][href*="css/main"]'), name


def test_the_public_page_refuses_every_frame(demo_for_reading, client):
    response = client.get("/it/keeponlearning/")
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"
