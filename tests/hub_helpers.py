"""Building blocks for hub tests: items made the way the admin makes them."""

from datetime import timedelta

from django.utils import timezone

from hub.models import (
    ArticlePage,
    Audience,
    CoursePage,
    DeepDivePage,
    HubIndexPage,
    ItemContributor,
    TalkPage,
    ToolPage,
    TopicPage,
    WebinarPage,
)

PARAGRAPH = [("paragraph", "<p>Un testo di prova sulla formazione continua.</p>")]


def kind_defaults(model):
    if model is WebinarPage:
        return {"starts_at": timezone.now() + timedelta(days=3), "description": PARAGRAPH}
    if model is CoursePage:
        return {
            "course_format": "live",
            "effort_hours": 10,
            "length_weeks": 2,
            "level": "beginner",
            "is_free": True,
            "body": PARAGRAPH,
        }
    if model is ToolPage:
        return {"introduction": "<p>Uno strumento.</p>", "downloads": []}
    if model in (ArticlePage, DeepDivePage, TalkPage):
        return {"body": PARAGRAPH}
    return {}


def make_item(parent, model=ArticlePage, topics=(), audiences=(), speakers=(), **fields):
    """A live item under `parent`, published through a revision like an editor's."""
    values = {"title": "Elemento", **kind_defaults(model), **fields}
    values.setdefault("slug", f"{model.item_kind}-{values['title'].lower().replace(' ', '-')}")
    page = model(
        topics=list(topics),
        audiences=list(Audience.objects.filter(code__in=audiences)),
        contributors=[ItemContributor(speaker=s) for s in speakers],
        **values,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_hub(home, **fields):
    hub = HubIndexPage(title="KeepONLearning", slug="keeponlearning", **fields)
    home.add_child(instance=hub)
    hub.save_revision().publish()
    return hub


def make_topic_page(hub, topic, **fields):
    page = TopicPage(
        title=topic.name, slug=topic.slug, topic=topic, introduction="<p>Intro.</p>", **fields
    )
    hub.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, locale, **changes):
    """The page's translation into `locale`, published with `changes` applied."""
    translated = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific
