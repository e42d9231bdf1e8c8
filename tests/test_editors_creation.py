"""A new page is created once: Wagtail's autosave and the editor's Publish post the same
create form, in either order, and the page is published once, with its address made from
its title when the slug had not been filled yet."""

import uuid

import pytest
from django.core.cache import cache

from hub.models import WebinarPage

from .test_editors_forms import webinar_form

pytestmark = pytest.mark.django_db
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def create(client, admin_user, hub_site, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    url = f"/admin/pages/add/hub/webinarpage/{hub_site['it'].pk}/"
    topic = hub_site["topics_it"]["health"]

    def post(token, autosave=False, **fields):
        data = webinar_form(topic, **fields)
        if token:
            data["creation_token"] = token
        if autosave:
            del data["action-publish"]
        # Each request commits, as the admin's requests do (the page is remembered then).
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **(AUTOSAVE if autosave else {}))

    post.explorer = f"/admin/pages/{hub_site['it'].pk}/"
    return post


def test_publish_after_the_autosave_made_the_draft_publishes_that_draft(create):
    token = str(uuid.uuid4())
    draft = create(token, autosave=True)
    assert draft.status_code == 200 and draft.json()["success"], draft.content
    assert not WebinarPage.objects.get().live
    published = create(token)
    assert published.status_code == 302 and published.url == create.explorer
    page = WebinarPage.objects.get()
    assert page.pk == draft.json()["pk"] and page.live and not page.has_unpublished_changes


def test_an_autosave_after_the_publish_saves_nothing(create):
    token = str(uuid.uuid4())
    assert create(token).status_code == 302
    late = create(token, autosave=True)
    assert late.status_code == 400 and late.json()["error_code"] == "invalid_revision"
    page = WebinarPage.objects.get()
    assert page.live and not page.has_unpublished_changes


def test_a_second_autosave_goes_to_the_draft_and_moves_the_form_there(create):
    token = str(uuid.uuid4())
    first = create(token, autosave=True).json()
    second = create(token, autosave=True, title="Leadership a distanza, seconda stesura")
    assert second.status_code == 200, second.content
    assert second.json()["url"] == f"/admin/pages/{first['pk']}/edit/"
    page = WebinarPage.objects.get()
    assert page.get_latest_revision_as_object().title.endswith("seconda stesura")


def test_without_a_token_or_with_another_users_the_create_view_is_wagtails(
    create, client, django_user_model
):
    token = str(uuid.uuid4())
    assert create(token, autosave=True).status_code == 200
    # No token: a second page of the same address is refused, as Wagtail refuses it.
    assert create(None).status_code == 200
    # The same token from another user is not theirs to use.
    other = django_user_model.objects.create_superuser("altra", "altra@example.com", "pw")
    client.force_login(other)
    assert create(token).status_code == 200
    assert create("not-a-token").status_code == 200
    assert WebinarPage.objects.count() == 1 and not WebinarPage.objects.get().live


def test_with_the_cache_down_the_create_view_is_wagtails(create, monkeypatch):
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: None)
    token = str(uuid.uuid4())
    assert create(token, autosave=True).status_code == 200
    assert create(token).status_code == 200  # refused: the slug is the draft's
    assert WebinarPage.objects.count() == 1


def test_a_publish_before_the_slug_was_filled_makes_it_from_the_title(create):
    response = create(str(uuid.uuid4()), slug="", title="Sanità digitale: che cosa resta")
    assert response.status_code == 302
    assert WebinarPage.objects.get().slug == "sanità-digitale-che-cosa-resta"
    second = create(str(uuid.uuid4()), slug="", title="Sanità digitale: che cosa resta")
    assert second.status_code == 302
    assert sorted(WebinarPage.objects.values_list("slug", flat=True)) == [
        "sanità-digitale-che-cosa-resta",
        "sanità-digitale-che-cosa-resta-2",
    ]


def test_the_same_form_posted_again_after_the_publish_is_a_new_page(create, hub_site, client):
    """The Back button, then Publish again: the creation was over, so this is Wagtail's create
    view, never an edit of the page published since (by anyone)."""
    token = str(uuid.uuid4())
    assert create(token).status_code == 302
    first = WebinarPage.objects.get()
    first.title = "Cambiato da una collega"
    first.save_revision().publish()
    again = create(token, title="Secondo webinar", slug="secondo-webinar")
    assert again.status_code == 302
    assert sorted(WebinarPage.objects.values_list("title", flat=True)) == [
        "Cambiato da una collega",
        "Secondo webinar",
    ]
    # With the same address, it is refused as Wagtail refuses it.
    assert create(token).status_code == 200
    assert WebinarPage.objects.count() == 2


def test_a_published_page_keeps_its_address_when_the_slug_is_emptied(create, client):
    assert create(str(uuid.uuid4())).status_code == 302
    page = WebinarPage.objects.get()
    from .test_editors_forms import webinar_form

    topic = page.topics.first()
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", webinar_form(topic, slug="", title="Un titolo nuovo")
    )
    assert response.status_code == 200
    assert WebinarPage.objects.get().slug == "leadership-a-distanza"


def test_a_made_slug_never_ends_in_a_hyphen(create):
    title = "a" * 229 + " bbbb"
    assert create(str(uuid.uuid4()), slug="", title=title).status_code == 302
    assert create(str(uuid.uuid4()), slug="", title=title).status_code == 302
    slugs = sorted(WebinarPage.objects.values_list("slug", flat=True))
    assert slugs == ["a" * 229, "a" * 229 + "-2"]
