"""Nice to MIP You: the reopening landing page, its information pages, the FAQ that gathers
their questions, and the alert banners that announce what changes."""

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from home.models import BasePage
from home.review.rule import RequiresReview
from home.serving.fragments import public_q

from .blocks import KeyMessageBlock, ReopeningStoryBlock
from .faq import faq_items, faq_structured_data

DEFAULT_REVIEW_INTERVAL_DAYS = 30
REVIEW_INTERVAL_ERROR = _("The review interval must be at least one day.")


class KeptPerLanguage(BaseTranslatableField):
    """A field each language keeps for itself: the translation starts with the source's
    value, and wagtail-localize neither offers it for translation nor copies it again
    when the translation is synchronised."""


@dataclass(frozen=True)
class ReopeningState:
    """Where the campus stands on a given day: still closed (with the days left) or open."""

    reopening_date: date
    today: date

    @property
    def is_open(self):
        return self.today >= self.reopening_date

    @property
    def name(self):
        return "open" if self.is_open else "upcoming"

    @property
    def days_left(self):
        return max((self.reopening_date - self.today).days, 0)

    @property
    def reopens_tomorrow(self):
        return self.days_left == 1


class ReopeningPage(RequiresReview, RoutablePageMixin, BasePage):
    """The "Nice to MIP You" landing page of one language.

    Until the reopening date it counts the days and says what to prepare; from that day it
    says what is open. It leads to every information page and publishes their change log
    as an RSS feed at `feed/`.
    """

    reopening_date = models.DateField(
        _("reopening date"), help_text=_("The first day the campus is open again.")
    )
    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A short opening paragraph, shown in larger type."),
    )
    key_messages = StreamField(
        [("key_message", KeyMessageBlock())],
        blank=True,
        verbose_name=_("key messages"),
        help_text=_("Three or four things every student must know, shown as cards."),
    )
    before_reopening = StreamField(
        ReopeningStoryBlock(),
        blank=True,
        verbose_name=_("before the reopening"),
        help_text=_("What to prepare. Shown until the reopening date."),
    )
    after_reopening = StreamField(
        ReopeningStoryBlock(),
        blank=True,
        verbose_name=_("after the reopening"),
        help_text=_("What is open now. Shown from the reopening date."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("reopening_date"), FieldPanel("introduction")], heading=_("Reopening")
        ),
        FieldPanel("key_messages"),
        FieldPanel("before_reopening"),
        FieldPanel("after_reopening"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("key_messages"),
        index.SearchField("before_reopening"),
        index.SearchField("after_reopening"),
    ]

    # Which alert banners show (see `views.page_banners`, reached through the `site_alerts` hook).
    alert_section = "reopening"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["reopening.ReopeningInfoPage", "reopening.ReopeningFaqPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("reopening page")
        verbose_name_plural = _("reopening pages")

    def state(self, today=None):
        return ReopeningState(self.reopening_date, today or timezone.localdate())

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            reopening=self.state(),
            information_pages=ReopeningInfoPage.objects.child_of(self).live().filter(public_q()),
            faq_page=ReopeningFaqPage.objects.child_of(self).live().filter(public_q()).first(),
            feed_url=self.feed_url(request),
        )
        return context

    def get_cached_paths(self):
        return ["/", "feed/"]

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import ReopeningChangesFeed

        return ReopeningChangesFeed(self)(request)


class ReopeningInfoPage(RequiresReview, BasePage):
    """One topic of practical information: safety rules, seat booking, classes, services,
    international arrivals, contacts.

    Each language records when someone last checked the page (`last_reviewed_on`); when
    the review interval has passed, the page shows up in the admin report and on the
    dashboard. A short dated change log lets students follow what changed.
    """

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A short opening paragraph, shown in larger type."),
    )
    body = StreamField(
        ReopeningStoryBlock(),
        verbose_name=_("body"),
        help_text=_(
            "Rules, checklists, contacts and questions; the FAQ page gathers the questions."
        ),
    )
    last_reviewed_on = models.DateField(
        _("last reviewed on"),
        default=timezone.localdate,
        help_text=_(
            "The day someone last checked that this information is still right. "
            "Each language keeps its own date."
        ),
    )
    review_interval_days = models.SmallIntegerField(
        _("review interval (days)"),
        default=DEFAULT_REVIEW_INTERVAL_DAYS,
        validators=[MinValueValidator(1, message=REVIEW_INTERVAL_ERROR)],
        help_text=_("How many days after the last review the page is due for review again."),
    )
    review_due_on = models.DateField(_("due for review on"), editable=False, db_index=True)

    override_translatable_fields = [KeptPerLanguage("last_reviewed_on")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed_on"), FieldPanel("review_interval_days")])],
            heading=_("Review"),
        ),
        FieldPanel("body"),
        InlinePanel("changes", heading=_("What changed"), label=_("Change")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    # Which alert banners show (see `views.page_banners`, reached through the `site_alerts` hook).
    alert_section = "reopening"
    parent_page_types = ["reopening.ReopeningPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("reopening information page")
        verbose_name_plural = _("reopening information pages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_interval_days__gte=1),
                name="reopening_info_review_interval_positive",
                violation_error_message=REVIEW_INTERVAL_ERROR,
            )
        ]

    def save(self, *args, **kwargs):
        if self.last_reviewed_on and self.review_interval_days:
            self.review_due_on = self.last_reviewed_on + timedelta(days=self.review_interval_days)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"last_reviewed_on", "review_interval_days"} & set(
            update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "review_due_on"}
        return super().save(*args, **kwargs)

    def days_overdue(self, today=None):
        """Days since the review fell due: 0 on the due date, negative before it."""
        return ((today or timezone.localdate()) - self.review_due_on).days

    def is_due_for_review(self, today=None):
        return self.days_overdue(today) >= 0

    def mark_reviewed(self, user=None, today=None):
        """Record a review today. The live version takes the new date at once; a pending
        draft keeps its changes and takes the date too."""
        today = today or timezone.localdate()
        was_published = self.live and not self.has_unpublished_changes
        latest = self.get_latest_revision_as_object()
        latest.last_reviewed_on = today
        revision = latest.save_revision(user=user, log_action=True)
        if was_published:
            revision.publish(user=user)
        else:
            self.last_reviewed_on = today
            self.save(update_fields=["last_reviewed_on"], clean=False)

    def structured_data(self, request):
        """The page's questions as a schema.org FAQPage, in its language."""
        return faq_structured_data(self, request, faq_items(self.body))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            changes=sorted(self.changes.all(), key=lambda c: (c.changed_on, c.pk), reverse=True),
            feed_url=self.get_parent().specific.feed_url(request),
        )
        return context


class ReopeningChange(TranslatableMixin, Orderable):
    """One line of an information page's change log: when, and what changed in a sentence."""

    page = ParentalKey(ReopeningInfoPage, on_delete=models.CASCADE, related_name="changes")
    changed_on = models.DateField(_("date"), help_text=_("The day the change takes effect."))
    description = models.CharField(
        _("what changed"),
        max_length=250,
        help_text=_("One sentence, e.g. 'Library hours extended to 8 pm.'"),
    )

    panels = [FieldPanel("changed_on"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self):
        return self.description


class ReopeningFaqPage(RequiresReview, BasePage):
    """Every question of the section in one place, gathered from the FAQ blocks of the
    information pages in the page's language, so editors write each answer once."""

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("Shown above the questions, which come from the information pages."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    # Which alert banners show (see `views.page_banners`, reached through the `site_alerts` hook).
    alert_section = "reopening"
    parent_page_types = ["reopening.ReopeningPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("reopening FAQ page")
        verbose_name_plural = _("reopening FAQ pages")

    @cached_property
    def sections(self):
        """(information page, its questions) for each live information page with an FAQ."""
        parent = self.get_parent()
        pages = ReopeningInfoPage.objects.child_of(parent).live().filter(public_q())
        return [(page, items) for page in pages if (items := faq_items(page.body))]

    def structured_data(self, request):
        """Every question of the section as one schema.org FAQPage, in the page's language."""
        items = [item for _page, page_items in self.sections for item in page_items]
        return faq_structured_data(self, request, items)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            sections=self.sections,
            feed_url=self.get_parent().specific.feed_url(request),
        )
        return context


class AlertBanner(TranslatableMixin, models.Model):
    """A short notice above every page (or only the reopening section) for a set time.

    Visitors see active banners in their language, most severe first, and can dismiss
    one; a changed banner shows again. A warning or an urgent banner that has no version in
    a language yet shows on that language's pages in its own language, marked as not yet
    translated: safety reaches everyone. Information waits for its translation. Pages
    carry their banners (see `views.page_banners`) and are cached no longer than until the
    next banner starts or ends; the same banners are also offered as
    `/alerts/<language>.json`.
    """

    class Severity(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        URGENT = "urgent", _("Urgent")

    class Scope(models.TextChoices):
        SITE = "site", _("Whole site")
        REOPENING = "reopening", _("Reopening section only")

    SEVERITY_RANK = {Severity.URGENT: 0, Severity.WARNING: 1, Severity.INFO: 2}
    # Shown in every language, in their own one until translated.
    CROSSING = (Severity.WARNING, Severity.URGENT)

    message = models.CharField(
        _("message"), max_length=280, help_text=_("One short sentence; say what changes and when.")
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("link to a page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where to read more. Choose a page or an external link, not both."),
    )
    link_url = models.URLField(
        _("external link"), blank=True, help_text=_("Only for pages outside this site.")
    )
    link_label = models.CharField(
        _("link label"),
        max_length=80,
        blank=True,
        help_text=_("Leave empty to use the page title."),
    )
    severity = models.CharField(
        _("severity"),
        max_length=10,
        choices=Severity.choices,
        default=Severity.INFO,
        help_text=_("Urgent only for safety; urgent banners show first."),
    )
    scope = models.CharField(
        _("where it shows"),
        max_length=10,
        choices=Scope.choices,
        default=Scope.SITE,
        help_text=_("On every page, or only in the reopening section."),
    )
    starts_at = models.DateTimeField(
        _("starts at"), help_text=_("The banner appears at this time (Italian time).")
    )
    ends_at = models.DateTimeField(
        _("ends at"), help_text=_("The banner disappears at this time; must be after the start.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("message"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_label")],
            heading=_("Link"),
        ),
        FieldRowPanel([FieldPanel("severity"), FieldPanel("scope")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")
        ordering = ["-starts_at"]

    def __str__(self):
        return Truncator(self.message).chars(80)

    def purge_paths(self):
        """Besides the pages of its language, a CDN must forget the banners' JSON."""
        from django.urls import reverse

        languages = [self.locale.language_code]
        if self.purge_locale_id is None:
            languages = [code for code, _name in settings.LANGUAGES]
        return [reverse("alert_banners", args=[code]) for code in languages]

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.stored_severity = instance.__dict__.get("severity")
        return instance

    @property
    def purge_locale_id(self):
        """The language whose pages a change of this banner changes; None for all, as a
        warning or an urgent banner also shows (or showed, before this change) where it is
        not translated yet."""
        severities = {self.severity, getattr(self, "stored_severity", None)}
        return None if severities & set(self.CROSSING) else self.locale_id

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.link_page_id and self.link_url:
            message = _("Choose either a page or an external link.")
            errors["link_page"] = errors["link_url"] = message
        if self.link_url and not self.link_label:
            errors["link_label"] = _("An external link needs a label.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def scheduled(cls, language_code, now=None):
        """The banners of a language showing now or later, most severe first, then the
        newest: what pages keep between two saves and filter by the time of each request."""
        now = now or timezone.now()
        own = Q(locale__language_code=language_code)
        untranslated = Q(severity__in=cls.CROSSING) & ~Q(
            translation_key__in=cls.objects.filter(own).values("translation_key")
        )
        banners = cls.objects.filter(own | untranslated, ends_at__gt=now)
        return sorted(
            banners.select_related("link_page", "locale").order_by("-starts_at", "-pk"),
            key=lambda banner: cls.SEVERITY_RANK[banner.severity],
        )

    @classmethod
    def active(cls, locale, now=None):
        """The banners showing now in `locale`, most severe first, then the newest."""
        now = now or timezone.now()
        return [
            banner for banner in cls.scheduled(locale.language_code, now) if banner.starts_at <= now
        ]

    @property
    def version(self):
        """Changes whenever the banner does, so a dismissed banner shows again once edited."""
        content = (
            f"{self.pk}|{self.message}|{self.link_page_id}|{self.link_url}|{self.link_label}|"
            f"{self.severity}|{self.scope}|{self.updated_at.isoformat()}"
        )
        return hashlib.sha256(content.encode()).hexdigest()[:12]

    def link(self, request=None):
        """(URL, label) of the banner's link in the active language, or None."""
        if self.link_url:
            return self.link_url, self.link_label
        if self.link_page_id:
            page = self.link_page.localized
            url = page.get_url(request) if page.live else None
            if url:
                return url, self.link_label or page.title
        return None
