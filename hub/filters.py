"""The hub's filters as visitors send them in the address: a Django form, so that a value
outside a filter's vocabulary — an old link, a typo, a NUL byte, ten thousand characters —
is dropped before any query is built, and the page says which filter it did not apply."""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from home.serving.caching import mark_read, mark_uncacheable, requested_page
from home.serving.fragments import cached

from . import choices
from .cards import PAGE_SIZE, make_cards
from .queries import card_queryset, live_items, topics_by_key, with_audience, with_topic

FACET_LABELS = {
    "kind": _("Kind"),
    "topic": _("Topic"),
    "audience": _("Audience"),
    "language": _("Language"),
}


class ListingFilters(forms.Form):
    """`topics` are the topics of the page's language; a topic page has no topic filter."""

    kind = forms.ChoiceField(required=False, choices=choices.KINDS)
    topic = forms.ChoiceField(required=False)
    audience = forms.ChoiceField(required=False, choices=choices.AUDIENCES)
    language = forms.ChoiceField(required=False, choices=choices.DELIVERY_LANGUAGES)

    def __init__(self, data, topics, with_topic_filter=True):
        super().__init__(data)
        if with_topic_filter:
            self.fields["topic"].choices = [(topic.slug, topic.name) for topic in topics]
        else:
            del self.fields["topic"]
        for name, field in self.fields.items():
            field.label = FACET_LABELS[name]
            field.choices = [("", _("All")), *field.choices]

    @property
    def facet_names(self):
        return list(self.fields)

    def vocabulary(self, name):
        return {value: label for value, label in self.fields[name].choices if value}

    def selected(self):
        """The filters applied: valid, non-empty values only."""
        self.is_valid()
        return {
            name: value
            for name in self.fields
            if name not in self.errors and (value := self.cleaned_data.get(name))
        }

    def ignored(self):
        """The labels of the filters whose value was not one of their choices."""
        self.is_valid()
        return [str(self.fields[name].label) for name in self.errors]


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list
    selected: str


# The field each facet filters on (topics and audiences through their link tables).
FACET_FIELDS = {
    "kind": "kind",
    "audience": "audiences__code",
    "language": "delivery_language",
    "topic": "topics__translation_key",
}


def facet_condition(name, value, topic_by_slug):
    if name == "topic":
        return with_topic(topic_by_slug[value].translation_key)
    if name == "audience":
        return with_audience(value)
    return Q(**{FACET_FIELDS[name]: value})


def apply_filters(base, selected, topic_by_slug, exclude=None):
    for name, value in selected.items():
        if name != exclude:
            base = base.filter(facet_condition(name, value, topic_by_slug))
    return base


def count_facets(base, names, selected, topic_by_slug):
    """Per facet, how many items each value would give with the other filters: one query
    per facet."""
    key_to_slug = {topic.translation_key: slug for slug, topic in topic_by_slug.items()}
    counts = {}
    for name in names:
        field = FACET_FIELDS[name]
        rows = (
            apply_filters(base, selected, topic_by_slug, exclude=name)
            .order_by()
            .values(field)
            .annotate(n=Count("pk", distinct=True))
        )
        values = {}
        for row in rows:
            value = key_to_slug.get(row[field]) if name == "topic" else row[field]
            if value:
                values[value] = row["n"]
        counts[name] = values
    return counts


def build_listing(page, request, topic=None):
    """The filtered, paginated list of items for a hub index or topic page."""
    locale_id = page.locale_id
    local_topics = list(topics_by_key(locale_id).values())
    topic_by_slug = {t.slug: t for t in local_topics}
    form = ListingFilters(request.GET, local_topics, with_topic_filter=topic is None)
    mark_read(request, *form.facet_names)
    selected, ignored = form.selected(), form.ignored()
    if ignored:
        mark_uncacheable(request)

    base = live_items(locale_id)
    if topic is not None:
        base = base.filter(with_topic(topic.translation_key))
    # The same counts serve every visitor until the next publish; the filter values are
    # known words by now, so there are only so many combinations.
    counts = cached(
        "facets",
        lambda: count_facets(base, form.facet_names, selected, topic_by_slug),
        locale_id,
        topic.translation_key if topic is not None else "-",
        urlencode(sorted(selected.items())),
    )
    facets = [
        Facet(
            name,
            form.fields[name].label,
            [
                Option(value, label, counts[name].get(value, 0), selected.get(name) == value)
                for value, label in form.vocabulary(name).items()
            ],
            selected.get(name, ""),
        )
        for name in form.facet_names
    ]

    results = apply_filters(base, selected, topic_by_slug)
    paginator = Paginator(card_queryset(results.order_by("-published_at", "-pk")), PAGE_SIZE)
    # Every item has exactly one kind, and the kind facet counts every filter but its own:
    # the results number what it gives the selected kind, or all kinds together.
    kinds = next(facet.options for facet in facets if facet.name == "kind")
    paginator.count = sum(o.count for o in kinds if o.selected or "kind" not in selected)
    page_obj = requested_page(request, paginator)
    return {
        "cards": make_cards(page_obj.object_list, request),
        "page_obj": page_obj,
        "paginator": paginator,
        "facets": facets,
        "selected_filters": selected,
        "ignored_filters": ignored,
        "filter_query": urlencode(selected),
        "result_count": paginator.count,
    }
