"""Admin wiring of the translators' workflow: guarded wagtail-localize views, snippets
limited to the languages a user may edit, the Translations report and its dashboard panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, TranslatableMixin

from . import guards
from .permissions import check_snippet_language
from .report import TranslationsMenuItem, TranslationsPanel, TranslationsReportView
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
    ]


@hooks.register("register_reports_menu_item")
def register_translations_report_menu_item():
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translators_report:index"),
        name="translation-status",
        icon_name="globe",
        order=1100,
    )


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
    if issubclass(model, TranslatableMixin):
        code = request.GET.get("locale")
        locale = Locale.objects.filter(language_code=code).first() if code else None
        check_snippet_language(request.user, locale or Locale.get_default())
