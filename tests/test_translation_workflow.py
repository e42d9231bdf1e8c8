"""Translations made through wagtail-localize start as drafts."""

import pytest
from wagtail.models import Page

from .factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_translation_submitted_in_the_admin_starts_as_a_draft(
    client, admin_user, home_pages, locales
):
    page = StandardPageFactory(parent=home_pages["it"], title="Notizia", slug="notizia")
    client.force_login(admin_user)
    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/",
        {"locales": [locales["en"].pk]},
    )
    assert response.status_code == 302
    english = page.get_translation(locales["en"])
    assert english.live is False
    assert Page.objects.get(pk=english.pk).live is False
    # Visitors do not see it until a translator publishes it.
    client.logout()
    assert client.get("/en/notizia/").status_code == 404
