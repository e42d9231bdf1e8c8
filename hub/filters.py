"""The hub's filters as visitors send them in the address: a Django form, so that a value
outside a filter's vocabulary — an old link, a typo, a NUL byte, ten thousand characters —
is dropped before any query is built, and the page says which filter it did not apply."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import choices

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
