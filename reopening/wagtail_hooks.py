from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.extensions import DEMO_CONTENT, HOME_PAGE_SECTIONS, SITE_ALERTS, SITE_SETUP
from home.review.rule import REVIEWERS
from home.serving.fragments import public_q

from .models import AlertBanner, ReopeningPage
from .reports import ReviewDueMenuItem, ReviewDuePanel, ReviewDueReportView, mark_reviewed
from .views import page_banners

review_urls = [
    path("", ReviewDueReportView.as_view(), name="index"),
    path("results/", ReviewDueReportView.as_view(results_only=True), name="results"),
    path("<int:page_id>/reviewed/", mark_reviewed, name="mark_reviewed"),
]


@hooks.register(SITE_ALERTS)
def alert_banners(request, section):
    """The alert banners every page shows, with those of its section (see `home.chrome`)."""
    return page_banners(request, section)


@hooks.register(HOME_PAGE_SECTIONS)
def reopening_on_the_home_page(home, request):
    """The section's card on the home page, with where the reopening stands."""
    reopening = ReopeningPage.objects.child_of(home).live().filter(public_q()).first()
    return {"reopening_page": reopening, "reopening": reopening.state() if reopening else None}


@hooks.register(SITE_SETUP)
def reopening_review(groups):
    """The reviewers, the review workflow on the section and its collections."""
    from .workflow import build_workflows

    return {REVIEWERS: build_workflows()["reviewers"]}


@hooks.register(DEMO_CONTENT, order=20)
def reopening_demo(home, scale):
    from . import demo

    return demo.build(home)


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("reports/reopening-review/", include((review_urls, "reopening_review")))]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewDueMenuItem(
        _("Reopening information due for review"),
        reverse("reopening_review:index"),
        name="reopening-review",
        icon_name="time",
        order=1150,
    )


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(ReviewDuePanel())


def banner_status(banner):
    now = timezone.now()
    if now < banner.starts_at:
        return _("Scheduled")
    if now >= banner.ends_at:
        return _("Expired")
    return _("Active")


class AlertBannerViewSet(SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = _("Alert banners")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "__str__",
        "severity",
        "scope",
        "starts_at",
        "ends_at",
        Column("status", label=_("Status"), accessor=banner_status),
        "locale",
    ]
    list_filter = ["severity", "scope"]


register_snippet(AlertBannerViewSet)
