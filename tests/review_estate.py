"""The estate the review tests work on: a reviewed page and a hub page in each language,
the site's groups and workflow, one user per role, and what visitors see of it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home.demo import roles
from home.review.actors import setting_up_site
from reopening import workflow as workflows
from reopening.models import ReopeningInfoPage, ReopeningPage

from .conftest import add_reopening_info_page, localize
from .factories import HomePageFactory
from .hub_helpers import make_hub, make_topic_page

ROLES = ["admin", "editor", "reviewer", "translator-en", "translator-it"]
TARGETS = ["info-it", "info-en", "topic-it", "topic-en"]
PUBLIC_ACTIONS = [
    "wagtail.publish",
    "wagtail.publish.schedule",
    "wagtail.unpublish",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.copy",
    "wagtail.create_alias",
    "wagtail.convert_alias",
    "wagtail_localize.convert_to_alias",
    "wagtail.view_restriction.create",
]


def may_change(role, kind, language):
    """The README's roles: who may change what visitors see."""
    if role == "admin":
        return True
    if role == "reviewer":
        return kind == "info"
    if role == "editor":
        return kind == "topic"
    return kind == "topic" and role == f"translator-{language}"


@pytest.fixture
def estate(reopening, hub_site, locales, django_user_model, admin_user):
    """A safety page and a topic page in Italian, their English translations made through
    wagtail-localize, the site's groups and workflow, and one user per role."""
    with setting_up_site():
        info_it = add_reopening_info_page(
            reopening["it"], title="Sicurezza", slug="sicurezza", introduction="Mascherina."
        )
        info_en = localize(info_it, locales["en"], {"Sicurezza": "Safety", "sicurezza": "safety"})
        topic_it = make_topic_page(hub_site["it"], hub_site["topics_it"]["health"])
        topic_en = localize(topic_it, locales["en"], {"Sanità": "Healthcare", "sanita": "health"})
        # Siblings, so that reordering has something to reorder.
        add_reopening_info_page(reopening["it"], title="Orari", slug="orari")
        make_topic_page(hub_site["it"], hub_site["topics_it"]["ai"])
    groups = roles.build_roles()
    workflows.build_workflows()
    users = {"admin": admin_user}
    for role, group in [
        ("editor", roles.EDITORS),
        ("reviewer", workflows.REVIEWERS),
        ("translator-en", roles.TRANSLATORS["en"]),
        ("translator-it", roles.TRANSLATORS["it"]),
    ]:
        user = django_user_model.objects.create_user(role, password="password")
        user.groups.add(groups.get(group) or Group.objects.get(name=group))
        # The admin in each one's language, as `create_roles --demo-users` sets it.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en" if role == "translator-en" else "it"
        profile.save()
        users[role] = user
    with setting_up_site():
        # A second Italian tree, where the moves go.
        archive = HomePageFactory(
            parent=Page.get_first_root_node(), title="Archivio", slug="archivio"
        )
        archive_reopening = ReopeningPage(
            title="Riapertura 2021",
            slug="riapertura-2021",
            reopening_date=datetime.date(2021, 9, 13),
        )
        archive.add_child(instance=archive_reopening)
        archive_reopening.save_revision().publish()
        archive_hub = make_hub(archive)
    workflows.build_workflows()
    return {
        "elsewhere": {"info-it": archive_reopening, "topic-it": archive_hub},
        "spare_topics": {"it": hub_site["topics_it"]["ai"], "en": hub_site["topics_en"]["ai"]},
        "users": users,
        "pages": {
            "info-it": info_it,
            "info-en": info_en,
            "topic-it": topic_it,
            "topic-en": topic_en,
        },
        "parents": {
            "info-it": reopening["it"],
            "info-en": reopening["en"],
            "topic-it": hub_site["it"],
            "topic-en": hub_site["en"],
        },
    }


def kind_and_language(name):
    kind, language = name.split("-")
    return kind, language


def other(name):
    kind, language = kind_and_language(name)
    return f"{kind}-{'it' if language == 'en' else 'en'}"


def public_state():
    """What visitors can see, row by row, and the record of public actions."""
    return {
        "pages": {
            row["id"]: row
            for row in Page.objects.values(
                "id", "live", "live_revision_id", "url_path", "alias_of_id", "title", "path"
            )
        },
        "restrictions": set(PageViewRestriction.objects.values_list("page_id", flat=True)),
        "scheduled": set(
            Revision.objects.filter(approved_go_live_at__isnull=False).values_list("pk", flat=True)
        ),
        "logged": PageLogEntry.objects.filter(action__in=PUBLIC_ACTIONS).count(),
    }


def visible(state):
    """What visitors see of a state: drafts and new unpublished pages are nobody's."""
    return {**state, "pages": {pk: row for pk, row in state["pages"].items() if row["live"]}}


def edit_form(page, **overrides):
    """The page editor's form for the two page types of these tests, as the browser posts it."""
    page = page.specific
    data = {
        "title": page.title,
        "slug": page.slug,
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "listing_title": "",
        "summary": "",
    }
    if isinstance(page, ReopeningInfoPage):
        data.update(
            introduction=page.introduction,
            last_reviewed_on=page.last_reviewed_on.isoformat(),
            review_interval_days=str(page.review_interval_days),
            body=streamfield([("paragraph", rich_text("<p>Regole del campus.</p>"))]),
            changes=inline_formset([]),
        )
    else:
        data.update(
            topic=str(page.topic_id),
            introduction=rich_text(page.introduction),
            featured_items=inline_formset([]),
        )
    data.update(overrides)
    return nested_form_data(data)


def draft_with_title(page, title):
    """A pending draft of `page` with another title, as its writer left it."""
    draft = page.specific.get_latest_revision_as_object()
    draft.title = title
    with setting_up_site():
        return draft.save_revision()
