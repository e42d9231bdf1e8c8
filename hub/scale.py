"""Synthetic KeepONLearning items for benchmarks (`load_demo_data --scale N`).

Adds N items of every kind in each language, beyond the hand-written demo. They are made
live directly, without revisions or wagtail-localize segments, because only their number
matters; the English copy of each is a real translation (same translation key).
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import (
    ArticlePage,
    Audience,
    CoursePage,
    DeepDivePage,
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
            "stream_url": f"https://www.example.com/recordings/{n}" if past else "",
            "registration_url": "" if past else f"https://www.example.com/register/{n}",
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


def build_scale(hub, topics, speakers, scale):
    from wagtail.documents import get_document_model
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    english_hub = hub.get_translation(english)
    topic_list = list(topics.values())
    speaker_list = list(speakers.values())
    audiences = list(Audience.objects.all())
    documents = list(get_document_model().objects.all()[:1])
    models = [ArticlePage, WebinarPage, CoursePage, TalkPage, ToolPage, DeepDivePage]
    existing = set(
        hub.get_children().filter(slug__startswith="prova-").values_list("slug", flat=True)
    )
    for model in models:
        for n in range(scale):
            slug = f"prova-{model.item_kind}-{n}"
            if slug in existing:
                continue
            with transaction.atomic():
                page = model(
                    title=f"Elemento di prova {model.item_kind} {n}",
                    slug=slug,
                    summary=f"Contenuto sintetico numero {n} per i benchmark.",
                    published_at=timezone.now() - timedelta(hours=n),
                    live=True,
                    topics=[topic_list[n % len(topic_list)]],
                    audiences=[audiences[n % len(audiences)]],
                    contributors=[ItemContributor(speaker=speaker_list[n % len(speaker_list)])],
                    **kind_fields(model, n, documents),
                )
                hub.add_child(instance=page)
                translated = page.copy_for_translation(english)
                translated.title = f"Sample {model.item_kind} item {n}"
                translated.slug = f"sample-{model.item_kind}-{n}"
                translated.live = True
                translated.save()
    return english_hub
