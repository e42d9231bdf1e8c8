"""What editors see when reopening information is due for review: an admin report per
language (sortable, exportable), a dashboard panel, and a way to record a review."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.filters import LocaleFilter, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BaseColumn, Column, LocaleColumn, StatusFlagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_languages
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .models import ReopeningInfoPage

REPORT_PERMISSIONS = ["add", "change", "publish"]


def page_policy():
    return policy_registry.get_by_type(Page)


def pages_due_for_review(user, today=None):
    """Live information pages the user may edit whose review has fallen due, each with
    `review_dates_differ`: whether another language's version was reviewed on another day."""
    today = today or timezone.localdate()
    editable = page_policy().instances_user_has_permission_for(user, "change")
    other_dates = ReopeningInfoPage.objects.filter(
        translation_key=OuterRef("translation_key")
    ).exclude(locale_id=OuterRef("locale_id"))
    return (
        ReopeningInfoPage.objects.live()
        .filter(review_due_on__lte=today, pk__in=editable.values("pk"))
        .select_related("locale")
        .annotate(
            review_dates_differ=Exists(
                other_dates.exclude(last_reviewed_on=OuterRef("last_reviewed_on"))
            )
        )
    )


def language_choices():
    return list(get_content_languages().items())


class ReviewDueFilterSet(WagtailFilterSet):
    locale = LocaleFilter(
        label=_("Language"),
        choices=language_choices,
        empty_label=None,
        null_label=_("All"),
        null_value=None,
    )

    class Meta:
        model = ReopeningInfoPage
        fields = ["locale"]


class MarkReviewedColumn(BaseColumn):
    """A button that records a review today; it posts back to the report as it is."""

    cell_template_name = "reopening/admin/mark_reviewed_cell.html"


class ReviewDueReportView(ReportView):
    """Information pages whose review is due, in every language or one."""

    page_title = _("Reopening information due for review")
    header_icon = "time"
    model = ReopeningInfoPage
    filterset_class = ReviewDueFilterSet
    index_url_name = "reopening_review:index"
    index_results_url_name = "reopening_review:results"
    any_permission_required = REPORT_PERMISSIONS
    default_ordering = "review_due_on"
    verbose_name = _("reopening information page")
    verbose_name_plural = _("reopening information pages due for review")
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            sort_key="title",
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        LocaleColumn(label=_("Language"), sort_key="locale__language_code"),
        Column("last_reviewed_on", label=_("Last reviewed on"), sort_key="last_reviewed_on"),
        Column(
            "review_interval_days",
            label=_("Review interval (days)"),
            sort_key="review_interval_days",
        ),
        Column("review_due_on", label=_("Due for review on"), sort_key="review_due_on"),
        Column("days_overdue", label=_("Days overdue")),
        Column("other_versions_display", label=_("Other languages reviewed on")),
        StatusFlagColumn(
            "review_dates_differ",
            label=_("Review dates"),
            true_label=_("Differ between languages"),
            sort_key="review_dates_differ",
        ),
        MarkReviewedColumn("mark_reviewed", label=_("Actions")),
    ]
    list_export = [
        "title",
        "locale.language_code",
        "last_reviewed_on",
        "review_interval_days",
        "review_due_on",
        "days_overdue",
        "other_versions_display",
        "review_dates_differ",
        "full_url",
    ]
    export_headings = {
        "title": _("Page"),
        "locale.language_code": _("Language"),
        "last_reviewed_on": _("Last reviewed on"),
        "review_interval_days": _("Review interval (days)"),
        "review_due_on": _("Due for review on"),
        "days_overdue": _("Days overdue"),
        "other_versions_display": _("Other languages reviewed on"),
        "review_dates_differ": _("Review dates differ between languages"),
        "full_url": _("Address"),
    }

    @cached_property
    def permission_policy(self):
        return page_policy()

    def get_filename(self):
        return f"reopening-review-due-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        return pages_due_for_review(self.request.user)

    def order_queryset(self, queryset):
        # Ties (same due date, same flag) always come out in the same order, on any database.
        return queryset.order_by(self.ordering, "title", "locale__language_code", "pk")

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        versions = defaultdict(list)
        others = (
            ReopeningInfoPage.objects.filter(translation_key__in={p.translation_key for p in pages})
            .select_related("locale")
            .order_by("locale__language_code")
        )
        for other in others:
            versions[other.translation_key].append(other)
        for page in pages:
            other_versions = [v for v in versions[page.translation_key] if v.pk != page.pk]
            page.other_versions_display = "; ".join(
                f"{v.locale.get_display_name()}: {v.last_reviewed_on.isoformat()}"
                for v in other_versions
            )
            page.can_mark_reviewed = page.permissions_for_user(self.request.user).can_publish()
        return pages


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return page_policy().user_has_any_permission(request.user, REPORT_PERMISSIONS)


class ReviewDuePanel(Component):
    """Dashboard panel: how many information pages are due for review, per language."""

    name = "reopening_review_due"
    template_name = "reopening/admin/review_due_panel.html"
    order = 150
    limit = 5

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        pages = pages_due_for_review(request.user).order_by("review_due_on", "pk")
        counts = defaultdict(int)
        for language_code in pages.values_list("locale__language_code", flat=True):
            counts[language_code] += 1
        languages = get_content_languages()
        return {
            "pages": pages[: self.limit],
            "total": sum(counts.values()),
            "per_language": [
                (name, counts[code]) for code, name in languages.items() if counts.get(code)
            ],
            "report_url": reverse("reopening_review:index"),
        }

    def render_html(self, parent_context=None):
        user = parent_context["request"].user
        if not page_policy().user_has_any_permission(user, REPORT_PERMISSIONS):
            return ""
        return super().render_html(parent_context)


@require_POST
def mark_reviewed(request, page_id):
    """Record that the page (in its own language) was reviewed today."""
    page = get_object_or_404(ReopeningInfoPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    lock = page.get_lock()
    if lock and lock.for_user(request.user):
        messages.error(request, lock.get_message(request.user))
    else:
        page.mark_reviewed(user=request.user)
        messages.success(
            request,
            _("“%(title)s” (%(language)s) marked as reviewed today.")
            % {"title": page.title, "language": page.locale.get_display_name()},
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("reopening_review:index")
    return redirect(next_url)
