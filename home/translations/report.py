"""The Translations report: every page and translatable snippet in every language, with
where its translation stands, so translators can find what is missing or out of date."""

from collections import Counter, defaultdict
from dataclasses import dataclass

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BaseColumn, Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from ..review.actors import current_actor
from .permissions import source_is_visible
from .reading import readable_pages_q

REPORT_PERMISSIONS = ["add", "change", "publish"]

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
IN_PROGRESS = "in_progress"
MISSING = "missing"
STATES = {
    UP_TO_DATE: _("Up to date"),
    OUTDATED: _("Outdated"),
    IN_PROGRESS: _("In progress"),
    MISSING: pgettext_lazy("translation state", "Missing"),
}


@dataclass
class Row:
    """One source object in one target language."""

    pk: str
    title: str
    kind: str
    section: str
    source_language: str
    language_code: str
    language: str
    state: str
    progress: int | None
    edit_url: str
    action_url: str
    action_label: str

    @property
    def state_label(self):
        label = str(STATES[self.state])
        if self.state == IN_PROGRESS and self.progress is not None:
            return f"{label} ({self.progress}%)"
        return label


def page_policy():
    return policy_registry.get_by_type(Page)


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def pick_source(versions, sources, default_locale_id):
    """The version translations are made from: the one wagtail-localize last synced from,
    else the one in the default language, else the oldest."""
    synced = [v for v in versions if (v.translation_key, v.locale_id) in sources]
    if synced:
        return max(synced, key=lambda v: sources[(v.translation_key, v.locale_id)].last_updated_at)
    default = [v for v in versions if v.locale_id == default_locale_id]
    return (default or sorted(versions, key=lambda v: v.pk))[0]


def text_changed_since_sync(instance, source):
    """Whether the text to translate differs from what was last synced: a source published
    again with only untranslatable changes (a date, a chosen item) needs no new translation."""
    current = {
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }
    synced = set(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )
    return current != synced


def page_state(source_page, target, source, translation):
    if not target.live:
        return IN_PROGRESS
    synced_at = source.last_updated_at if source and translation else target.last_published_at
    published_at = source_page.last_published_at
    republished = published_at and synced_at and published_at > synced_at
    if republished and (source is None or text_changed_since_sync(source_page, source)):
        return OUTDATED
    return UP_TO_DATE


def admin_edit_url(instance):
    """Wagtail's own finder of edit views (pages and registered snippets). Without a user:
    the report already holds only what the user may read, and a permission check per row
    would be a query per row."""
    return AdminURLFinder().get_edit_url(instance)


def submit_url(instance, language_code):
    if isinstance(instance, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    else:
        meta = instance._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, instance.pk],
        )
    return f"{url}?{urlencode({'select_locale': language_code})}"


def build_rows(user=None, with_progress=True):
    """Every (source, other language) pair with its state; with `user`, only the sources
    they may read (a draft's title is not shown to someone who cannot read the draft)."""
    locales = {locale.pk: locale for locale in Locale.objects.all()}
    languages = get_content_languages()
    default_locale = Locale.get_default()
    sources = {
        (source.object_id, source.locale_id): source for source in TranslationSource.objects.all()
    }
    translations = {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(enabled=True).select_related("source")
    }
    groups = []
    pages = Page.objects.filter(depth__gt=1).specific().order_by("path")
    sections = {page.path: page.title for page in pages if page.depth == 3}
    page_groups = defaultdict(list)
    for page in pages:
        page_groups[page.translation_key].append(page)
    groups.extend(page_groups.values())
    for model in translatable_snippet_models():
        snippet_groups = defaultdict(list)
        for snippet in model.objects.all():
            snippet_groups[snippet.translation_key].append(snippet)
        groups.extend(snippet_groups.values())

    rows = []
    for versions in groups:
        source_instance = pick_source(versions, sources, default_locale.pk)
        if user is not None and not source_is_visible(user, source_instance):
            continue
        by_locale = {v.locale_id: v for v in versions}
        source = sources.get((source_instance.translation_key, source_instance.locale_id))
        is_page = isinstance(source_instance, Page)
        if is_page:
            section_path = source_instance.path[: Page.steplen * 3]
            section = sections.get(section_path, source_instance.title)
            kind = source_instance.specific_class._meta.verbose_name
        else:
            section = kind = source_instance._meta.verbose_name_plural
        for locale_id, locale in locales.items():
            if locale_id == source_instance.locale_id or locale.language_code not in languages:
                continue
            target = by_locale.get(locale_id)
            translation = translations.get((source_instance.translation_key, locale_id))
            progress = None
            if target is None:
                state = MISSING
            elif is_page:
                state = page_state(source_instance, target, source, translation)
            elif source is not None and text_changed_since_sync(source_instance, source):
                state = OUTDATED
            else:
                state = UP_TO_DATE
            if state == IN_PROGRESS and translation is not None and with_progress:
                total, done = translation.get_progress()
                progress = round(100 * done / total) if total else 100
            if state == MISSING:
                action_url = submit_url(source_instance, locale.language_code)
                action_label = _("Translate")
            elif state == OUTDATED and source is not None and translation is not None:
                action_url = reverse("wagtail_localize:update_translations", args=[source.pk])
                action_label = _("Sync")
            else:
                action_url = admin_edit_url(target)
                action_label = _("Edit translation")
            rows.append(
                Row(
                    pk=f"{source_instance._meta.label_lower}-{source_instance.pk}-{locale_id}",
                    title=str(source_instance.title if is_page else source_instance),
                    kind=str(kind),
                    section=str(section),
                    source_language=languages.get(
                        locales[source_instance.locale_id].language_code, ""
                    ),
                    language_code=locale.language_code,
                    language=languages[locale.language_code],
                    state=state,
                    progress=progress,
                    edit_url=admin_edit_url(source_instance),
                    action_url=action_url,
                    action_label=str(action_label),
                )
            )
    return rows


def section_choices():
    """The sections of the default language: live ones, and drafts for whoever reads them."""
    sections = Page.objects.filter(depth=3, locale=Locale.get_default()).order_by("path")
    user = current_actor()
    if user is not None:
        sections = sections.filter(readable_pages_q(user))
    names = [page.title for page in sections]
    names += [str(model._meta.verbose_name_plural) for model in translatable_snippet_models()]
    return [(name, name) for name in names]


class TranslationFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=list(STATES.items()))
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=lambda: list(get_content_languages().items())
    )
    section = django_filters.ChoiceFilter(label=_("Section"), choices=section_choices)


class ActionColumn(BaseColumn):
    cell_template_name = "translations/action_cell.html"


class TranslationsReportView(ReportView):
    page_title = _("Translations")
    header_icon = "globe"
    filterset_class = TranslationFilterSet
    index_url_name = "translators_report:index"
    index_results_url_name = "translators_report:results"
    any_permission_required = REPORT_PERMISSIONS
    default_ordering = "section"
    paginate_by = 100
    columns = [
        TitleColumn("title", label=_("Title"), sort_key="title", get_url=lambda row: row.edit_url),
        Column("kind", label=_("Type"), sort_key="kind"),
        Column("section", label=_("Section"), sort_key="section"),
        Column("source_language", label=_("Source language")),
        Column("language", label=_("Language"), sort_key="language"),
        Column("state_label", label=_("State"), sort_key="state"),
        ActionColumn("action", label=_("Actions")),
    ]
    list_export = ["title", "kind", "section", "source_language", "language", "state", "progress"]
    export_headings = {
        "title": _("Title"),
        "kind": _("Type"),
        "section": _("Section"),
        "source_language": _("Source language"),
        "language": _("Language"),
        "state": _("State"),
        "progress": _("Segments translated (%)"),
    }

    @cached_property
    def permission_policy(self):
        return page_policy()

    def get_filename(self):
        return f"translations-{timezone.localdate():%Y-%m-%d}"

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": Locale.objects.none()}

    def get_base_queryset(self):
        return build_rows(self.request.user)

    def order_queryset(self, rows):
        ordering = self.ordering or self.default_ordering
        key = ordering.lstrip("-")
        return sorted(
            rows,
            key=lambda row: (getattr(row, key), row.section, row.title, row.language_code),
            reverse=ordering.startswith("-"),
        )

    def filter_queryset(self, rows):
        if not (self.filters and self.filters.is_valid()):
            return rows
        for field, value in self.filters.form.cleaned_data.items():
            if value:
                attribute = "language_code" if field == "language" else field
                rows = [row for row in rows if getattr(row, attribute) == value]
        return rows


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return page_policy().user_has_any_permission(request.user, REPORT_PERMISSIONS)


class TranslationsPanel(Component):
    """Dashboard panel: how many translations are missing, outdated or in progress."""

    name = "translations_status"
    template_name = "translations/panel.html"
    order = 140

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        counts = Counter(
            (row.language, row.state) for row in build_rows(request.user, with_progress=False)
        )
        languages = sorted({language for language, _state in counts})
        return {
            "states": list(STATES.items()),
            "per_language": [
                (language, [(state, counts[(language, state)]) for state in STATES])
                for language in languages
            ],
            "report_url": reverse("translators_report:index"),
        }

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        if not page_policy().user_has_any_permission(user, REPORT_PERMISSIONS):
            return ""
        return super().render_html(parent_context)
