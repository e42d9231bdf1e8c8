"""Synthetic KeepONLearning items for benchmarks (`load_demo_data --scale N`).

Adds N items of every kind in each language, beyond the hand-written demo. They are
inserted in bulk and made live directly, without revisions or wagtail-localize segments,
because only their number matters; the English copy of each is a real translation (same
translation key), with the English topics and speakers.
"""

import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import (
    ArticlePage,
    Audience,
    CoursePage,
    DeepDivePage,
    HubItemPage,
    ItemContributor,
    TalkPage,
    ToolPage,
    WebinarPage,
)


def kind_fields(model, n, documents):
    now = timezone.now()
    paragraph = [("paragraph", f"<p>Testo di prova numero {n} per misurare le prestazioni.</p>")]
    if model is WebinarPage:
        past = n % 2 == 0
        return {
            "starts_at": now + timedelta(days=(-n if past else n), hours=1),
            "duration_minutes": 60,
            "participant_count": 100 + n if past else None,
            "stream_url": f"https://www.som.polimi.it/keeponlearning/registrazioni/{n}/"
            if past
            else "",
            "registration_url": ""
            if past
            else f"https://www.som.polimi.it/keeponlearning/iscrizione/{n}/",
            "delivery_language": "it",
            "description": paragraph,
        }
    if model is CoursePage:
        return {
            "course_format": "self-paced",
            "effort_hours": 5,
            "length_weeks": 2,
            "level": "beginner",
            "is_free": True,
            "delivery_language": "en",
            "body": paragraph,
        }
    if model is TalkPage:
        return {"takeaways": [("takeaway", f"Punto chiave {n}")], "body": paragraph}
    if model is ToolPage:
        return {
            "introduction": f"<p>Strumento di prova {n}.</p>",
            "downloads": [
                (
                    "download",
                    {
                        "document": documents[0],
                        "title": f"File {n}",
                        "description": "",
                        "language": "it",
                    },
                )
            ]
            if documents
            else [],
        }
    return {"body": paragraph}


BATCH = 500


def fill_page_fields(page, parent, index, slug, title, locale, translation_key, published):
    """Tree and publishing fields that `add_child` and `publish` would set."""
    page.path = parent._get_path(parent.path, parent.depth + 1, index)
    page.depth = parent.depth + 1
    page.numchild = 0
    page.slug = slug
    page.title = page.draft_title = title
    page.url_path = f"{parent.url_path}{slug}/"
    page.locale = locale
    page.translation_key = translation_key
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = published
    page.content_type = ContentType.objects.get_for_model(page)


def insert_pages(model, pages):
    """Insert pages of a multi-table model in three statements per batch: the page rows
    (which give the ids), then the hub item rows, then the kind's own rows."""
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        created = Page.objects.bulk_create([Page(**page_row(page)) for page in batch])
        for page, row in zip(batch, created, strict=True):
            page.pk = page.id = page.page_ptr_id = page.hubitempage_ptr_id = row.pk
        for table in (HubItemPage, model):
            fields = [f for f in table._meta.local_concrete_fields if not f.primary_key]
            fields.insert(0, table._meta.pk)
            table.objects.all()._insert(batch, fields=fields)


def page_row(page):
    return {f.attname: getattr(page, f.attname) for f in Page._meta.local_concrete_fields}


def build_scale(hub, topics, speakers, scale):
    """N live items of each kind under `hub` and its English translation, inserted in bulk
    (a few statements per hundred items, not a few per item) and added to the search index.
    Running it again with the same N adds nothing."""
    from wagtail.documents import get_document_model
    from wagtail.search.backends import get_search_backend

    english = Locale.objects.get(language_code="en")
    english_hub = hub.get_translation(english)
    hubs = [(hub, "prova", "Elemento di prova"), (english_hub, "sample", "Sample item")]
    topic_list = list(topics.values())
    speaker_list = list(speakers.values())
    audiences = list(Audience.objects.all())
    documents = list(get_document_model().objects.all()[:1])
    models = [ArticlePage, WebinarPage, CoursePage, TalkPage, ToolPage, DeepDivePage]
    existing = set(
        Page.objects.child_of(hub).filter(slug__startswith="prova-").values_list("slug", flat=True)
    )
    wanted = [
        (model, n)
        for model in models
        for n in range(scale)
        if f"prova-{model.item_kind}-{n}" not in existing
    ]
    if not wanted:
        return english_hub
    now = timezone.now()
    keys = {item: uuid.uuid4() for item in wanted}
    backend = get_search_backend()
    with transaction.atomic():
        for parent, slug_prefix, title_prefix in hubs:
            parent = Page.objects.select_for_update().get(pk=parent.pk)
            last = parent.get_last_child()
            next_index = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1
            local_topics = [t.get_translation_or_none(parent.locale) or t for t in topic_list]
            local_speakers = [s.get_translation_or_none(parent.locale) or s for s in speaker_list]
            by_model = {}
            for offset, (model, n) in enumerate(wanted):
                page = model(
                    summary=f"Contenuto sintetico numero {n} per i benchmark.",
                    published_at=now - timedelta(hours=n),
                    **kind_fields(model, n, documents),
                )
                fill_page_fields(
                    page,
                    parent,
                    next_index + offset,
                    f"{slug_prefix}-{model.item_kind}-{n}",
                    f"{title_prefix} {model.item_kind} {n}",
                    parent.locale,
                    keys[(model, n)],
                    now,
                )
                page.kind = model.item_kind
                if model is WebinarPage and page.starts_at <= now:
                    page.published_at = page.starts_at  # as WebinarPage.save dates it
                page._scale_n = n
                by_model.setdefault(model, []).append(page)
            for model, pages in by_model.items():
                insert_pages(model, pages)
                relate(pages, local_topics, audiences, local_speakers, parent.locale)
                backend.add_bulk(model, pages)
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(wanted))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, for the tables just filled
    return english_hub


def relate(pages, topics, audiences, speakers, locale):
    """Topics, audiences and one contributor per item, in one statement each."""
    HubItemPage.topics.through.objects.bulk_create(
        HubItemPage.topics.through(
            hubitempage_id=p.pk, topic_id=topics[p._scale_n % len(topics)].pk
        )
        for p in pages
    )
    HubItemPage.audiences.through.objects.bulk_create(
        HubItemPage.audiences.through(
            hubitempage_id=p.pk, audience_id=audiences[p._scale_n % len(audiences)].pk
        )
        for p in pages
    )
    ItemContributor.objects.bulk_create(
        ItemContributor(
            page_id=p.pk,
            speaker=speakers[p._scale_n % len(speakers)],
            sort_order=0,
            locale=locale,
            translation_key=uuid.uuid5(p.translation_key, "contributor"),
        )
        for p in pages
    )
