"""Topics, speakers and audiences: what hub items are about, who takes part, whom they serve."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from hub.choices import AUDIENCES


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """One of the themes KeepONLearning is organised by (smart working, AI, ...).

    Each language has its own version with its own slug; items are matched to topics by
    translation key, so an item tagged with the Italian topic appears under the English one.
    """

    name = models.CharField(
        _("name"), max_length=120, help_text=_("As visitors read it in filters and headings.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, allow_unicode=False, help_text=_("Used in filter links.")
    )
    description = models.TextField(
        _("short description"),
        max_length=400,
        blank=True,
        help_text=_("One sentence under the topic's name."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the topic's card; landscape works best."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Topics are listed by this number.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class Speaker(TranslatableMixin, index.Indexed, models.Model):
    """Faculty, managers and guests who write, speak or teach in KeepONLearning."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("First name and surname, without titles.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, help_text=_("Used in the address of the person's page.")
    )
    role = models.CharField(
        _("role"), max_length=160, blank=True, help_text=_("e.g. Professor of Management.")
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=160,
        blank=True,
        help_text=_("Where the person works, if not MIP."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square portrait; set the focal point on the face."),
    )
    bio = models.TextField(
        _("short biography"),
        max_length=800,
        blank=True,
        help_text=_("Three or four sentences in the third person."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_speaker_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


class Audience(models.Model):
    """Who an item is for. A fixed list; the label comes from the UI catalogue."""

    code = models.CharField(_("code"), max_length=32, unique=True, choices=AUDIENCES)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["id"]

    def __str__(self):
        return str(self.get_code_display())
