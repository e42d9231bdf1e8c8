"""Admin wiring of the translators' workflow: guarded wagtail-localize views, snippets
limited to the languages a user may edit (and opened in the translator's language), the
Translations report and its dashboard panel, and the previous translations of changed texts
offered in the translation editor."""

import json

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, TranslatableMixin

from . import guards, reading, suggestions
from .permissions import check_snippet_language
from .report import TranslationsMenuItem, TranslationsPanel, TranslationsReportView
from .snippets import listing_urlpatterns, redirect_to_own_language
from .sync import sync_section

report_urls = [
    path("", TranslationsReportView.as_view(), name="index"),
    path("results/", TranslationsReportView.as_view(results_only=True), name="results"),
    path("sync/<int:page_id>/", sync_section, name="sync_section"),
]


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("localize/", include(guards.urlpatterns)),
        path("reports/translation-status/", include((report_urls, "translators_report"))),
        path(
            "localize/suggestions/",
            include((suggestions.urlpatterns, "translators_suggestions")),
        ),
        *listing_urlpatterns(),
    ]


def suggestion_labels():
    return {
        "title": gettext("Previous translations of changed texts"),
        "help": gettext(
            "These texts changed after they were translated. Their previous translation is "
            "shown as a suggestion: it is not saved until you use it."
        ),
        "newText": gettext("New text"),
        "previousText": gettext("Previous text"),
        "previousTranslation": gettext("Previous translation"),
        "use": gettext("Use this translation"),
        "copy": gettext("Copy"),
        "copied": gettext("Copied"),
        "loadError": gettext("The previous translations could not be loaded."),
        "saveError": gettext("The translation could not be saved."),
    }


@hooks.register("insert_editor_js")
def translation_suggestions_js():
    """The script that shows, in the translation editor, the previous translation of each
    changed text (it does nothing in other editors)."""
    return format_html(
        '<script src="{}" data-suggestions-url="{}" data-labels="{}" defer></script>',
        static("home/translations/suggestions.js"),
        reverse("translators_suggestions:list", args=[0]),
        json.dumps(suggestion_labels()),
    )


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translators_report:index"),
        name="translation-status",
        icon_name="globe",
        order=1100,
    )


@hooks.register("construct_reports_menu")
def one_translations_report(request, menu_items):
    """wagtail-localize adds a report of its own, shown to everyone: only the project's stays."""
    theirs = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != theirs]


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    panels.append(TranslationsPanel())


@hooks.register("register_page_listing_more_buttons")
def sync_section_button(page, user, view_name=None, next_url=None):
    if page.depth > 1 and user.has_perm("wagtail_localize.submit_translation"):
        yield ListingButton(
            _("Sync translations of this section"),
            reverse("translators_report:sync_section", args=[page.pk]),
            icon_name="rotate",
            priority=65,
        )


@hooks.register("before_edit_snippet")
def limit_snippet_edit_to_own_language(request, instance):
    if isinstance(instance, TranslatableMixin):
        check_snippet_language(request.user, instance)


@hooks.register("before_delete_snippet")
def limit_snippet_delete_to_own_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin):
            check_snippet_language(request.user, instance)


@hooks.register("before_create_snippet")
def limit_snippet_create_to_own_language(request, model):
    """Creating (or copying) a snippet in a language the user may not edit is refused; a
    translator who names no language starts in their own."""
    if issubclass(model, TranslatableMixin):
        response = redirect_to_own_language(request)
        if response is not None:
            return response
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        check_snippet_language(request.user, locale or Locale.get_default())


hooks.register("construct_page_chooser_queryset", reading.limit_page_chooser)
hooks.register("before_move_page", reading.check_move)
