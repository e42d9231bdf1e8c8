"""Menu, footer, topics and view restrictions come from the fragment cache; every change
that affects them shows on the very next request."""

import pytest
from wagtail.models import PageViewRestriction

from .conftest import parse
from .factories import FooterContentFactory, NavigationMenuFactory
from .hub_helpers import make_item

pytestmark = pytest.mark.django_db


def menu_labels(client, url):
    return [a.get_text(strip=True) for a in parse(client.get(url)).select(".site-nav a")]


def test_a_saved_menu_shows_on_the_next_request(client, home_pages, locales):
    menu = NavigationMenuFactory(
        locale=locales["it"],
        items=[("link", {"url": "https://www.mip.polimi.it/", "label": "MIP"})],
    )
    assert menu_labels(client, "/it/") == ["MIP"]
    assert menu_labels(client, "/it/") == ["MIP"]  # from the cache now

    menu.items = [("link", {"url": "https://www.polimi.it/", "label": "Politecnico"})]
    menu.save()

    assert menu_labels(client, "/it/") == ["Politecnico"]


def test_a_published_page_title_shows_in_the_menu(client, home_pages, locales, hub_site):
    hub = hub_site["it"]
    NavigationMenuFactory(locale=locales["it"], items=[("link", {"page": hub, "label": ""})])
    assert menu_labels(client, "/it/") == [hub.title]

    hub.title = "Formazione continua"
    hub.save_revision().publish()

    assert menu_labels(client, "/it/") == ["Formazione continua"]


def test_the_footer_follows_its_snippet(client, home_pages, locales):
    footer = FooterContentFactory(locale=locales["it"], copyright="© 2020 MIP")
    assert "© 2020 MIP" in client.get("/it/").content.decode()

    footer.copyright = "© 2021 MIP Politecnico di Milano"
    footer.save()

    assert "© 2021 MIP Politecnico di Milano" in client.get("/it/").content.decode()


def test_a_page_made_private_leaves_the_listing_at_once(client, hub_site):
    hub = hub_site["it"]
    item = make_item(hub, title="Riservato ai docenti", slug="riservato")
    assert "Riservato ai docenti" in client.get(hub.url).content.decode()

    PageViewRestriction.objects.create(page=item, restriction_type="login")

    assert "Riservato ai docenti" not in client.get(hub.url).content.decode()
    assert client.get(item.url).status_code == 302  # to the login page
