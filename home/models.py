"""The root of the site: the base every page type shares, the home page, plain pages,
and the translatable snippets that frame every page (navigation and footer)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from .blocks import LinkBlock, StoryBlock
from .editors.page_form import PageForm
from .extensions import HOME_PAGE_SECTIONS


class BasePage(Page):
    """What every page of the site has: how it appears in listings and in search engines.

    Editors fill the listing fields once and every listing, card, feed and social preview
    uses them; the SEO title and description are Wagtail's own `seo_title` and
    `search_description`, shown on the Promote tab.
    """

    base_form_class = PageForm

    listing_title = models.CharField(
        _("listing title"),
        max_length=120,
        blank=True,
        help_text=_("Shorter title for cards and listings. Leave empty to use the page title."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and in social previews."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for cards, feeds and search results."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.AutocompleteField("listing_title"),
    ]

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_image"), FieldPanel("summary")],
            heading=_("Listings and social previews"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    help_text=_(
                        "The clickable headline in search results: up to 60 characters. "
                        "Leave empty to use the page title."
                    ),
                ),
                FieldPanel(
                    "search_description",
                    help_text=_(
                        "The text under the headline in search results: 120 to 160 "
                        "characters. Leave empty to use the summary."
                    ),
                ),
            ],
            heading=_("For search engines"),
        ),
        FieldPanel("show_in_menus"),
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title

    @property
    def language_code(self):
        """The language of this page's locale, without a query for each page that asks."""
        from .serving.fragments import language_code

        return language_code(self.locale_id)

    @property
    def meta_description(self):
        return self.search_description or self.summary

    def get_admin_display_title(self):
        """The draft's title, or what someone who may not read the drafts may see instead
        (`home.translations.reading`)."""
        from .translations.reading import shown_title

        return shown_title(self, super().get_admin_display_title())

    def permissions_for_user(self, user):
        """Wagtail's permissions, narrowed where pages require review (`home.review`)."""
        from .review.permissions import ReviewPermissionTester

        return ReviewPermissionTester(user, self)

    def get_context(self, request, *args, subpage=None, **kwargs):
        """The frame of the page; a routable page's view passes `subpage`
        (`home.seo.addresses.SubPage`) for an address of its own."""
        from .chrome import site_chrome

        context = super().get_context(request, *args, **kwargs)
        context.update(site_chrome(request, page=self, subpage=subpage))
        return context

    def purge_also(self):
        """The pages that list this one, which a CDN must forget with it
        (`home.serving.purge`): its parent section and its language's home page."""
        return list(self.get_ancestors().filter(depth__gte=2).order_by("-depth")[:1]) + (
            list(self.get_ancestors().filter(depth=2)) if self.depth > 3 else []
        )

    def addresses(self, request, versions):
        """The public HTML addresses this page answers at, for the sitemap: the page itself;
        a routable page adds its sub-pages. `versions`: the page's live, public versions by
        language code."""
        from .seo.addresses import page_address

        return [page_address(request, self, versions)]

    def get_sitemap_urls(self, request=None, versions=None):
        """Wagtail's sitemap entries, each with its language versions and `x-default`."""
        if versions is None:
            from .seo.sitemap import public_versions

            versions = public_versions(self)
        return [address.sitemap_entry(request) for address in self.addresses(request, versions)]


class HomePage(BasePage):
    """The home page of one language: the way into KeepONLearning and the reopening."""

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=120,
        help_text=_("The big line at the top of the home page. Keep it under 60 characters."),
    )
    hero_intro = models.TextField(
        _("hero introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the heading."),
    )
    body = StreamField(
        StoryBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Anything else the home page says, below the featured items."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_intro")], heading=_("Hero")),
        InlinePanel("featured_items", label=_("Featured KeepONLearning items"), max_num=6),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "hub.HubIndexPage", "reopening.ReopeningPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def structured_data(self, request):
        """Who publishes the site and how to search it: schema.org `CollegeOrUniversity`
        (from the Site's organisation details) and `WebSite` with its `SearchAction`. The
        same for every visitor until something is published."""
        from .seo.structured_data import home_structured_data
        from .seo.urls import public_base_url
        from .serving.fragments import cached

        if getattr(request, "is_preview", False):
            return home_structured_data(self, request)
        return cached(
            "structured-data",
            lambda: home_structured_data(self, request),
            self.pk,
            public_base_url(request),
        )

    def get_context(self, request, *args, **kwargs):
        """The frame, and what each section shows on the home page: every function
        registered as a `home_page_sections` hook adds its part of the context."""
        context = super().get_context(request, *args, **kwargs)
        for section in hooks.get_hooks(HOME_PAGE_SECTIONS):
            context.update(section(self, request))
        return context


class HomeFeaturedItem(Orderable):
    """A KeepONLearning item an editor puts on the home page."""

    page = ParentalKey(HomePage, related_name="featured_items", on_delete=models.CASCADE)
    item = models.ForeignKey(
        "hub.HubItemPage",
        verbose_name=_("item"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A KeepONLearning item in the same language as this page."),
    )

    panels = [FieldPanel("item")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")


class StandardPage(BasePage):
    """A plain page of text and media: about, accessibility statement, privacy, and the like."""

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A short opening paragraph, shown in larger type."),
    )
    body = StreamField(
        StoryBlock(),
        verbose_name=_("body"),
        help_text=_("Text, images, quotes and links, in the order readers see them."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NavigationMenu(TranslatableMixin, models.Model):
    """The main menu in the header. One per language; translators translate its labels."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_("For editors only, e.g. 'Main menu'.")
    )
    items = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("items"),
        help_text=_("The links of the menu, in order. Five or six at most."),
    )

    panels = [FieldPanel("name"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.name


class FooterContent(TranslatableMixin, models.Model):
    """The footer of every page: who we are, how to reach us, and the legal links."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_("For editors only, e.g. 'Site footer'.")
    )
    about = RichTextField(
        _("about"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Who we are, in two or three sentences."),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("The postal address, one line per row.")
    )
    email = models.EmailField(
        _("contact email"), blank=True, help_text=_("A shared address, not a person's.")
    )
    links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("links"),
        help_text=_("Legal and service links: privacy, cookies, accessibility."),
    )
    copyright = models.CharField(
        _("copyright notice"),
        max_length=200,
        blank=True,
        help_text=_("e.g. © 2020 MIP Politecnico di Milano."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("about"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("links"),
        FieldPanel("copyright"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return self.name


def web_addresses(value):
    """One http(s) address per line."""
    check = URLValidator(schemes=["http", "https"])
    for line in value.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError as error:
                raise ValidationError(
                    _("“%(line)s” is not a web address starting with http:// or https://."),
                    params={"line": line.strip()[:100]},
                ) from error


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who publishes the site, as search engines read it on the home page (schema.org
    `CollegeOrUniversity`): the same in both languages, so one setting per Site."""

    name = models.CharField(_("name"), max_length=120, default="MIP Politecnico di Milano")
    website = models.URLField(
        _("main website"),
        blank=True,
        help_text=_("The school's main website, if it is not this one."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square, at least 112 × 112 pixels; search engines show it beside results."),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("town or city"), max_length=100, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="IT", help_text=_("Two letters, e.g. IT.")
    )
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    same_as = models.TextField(
        _("profiles elsewhere"),
        blank=True,
        validators=[web_addresses],
        help_text=_(
            "The school's pages on other sites (encyclopaedias, social networks), one address "
            "per line."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("country"),
            ],
            heading=_("Address"),
        ),
        FieldPanel("telephone"),
        FieldPanel("email"),
        FieldPanel("same_as"),
    ]

    class Meta:
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")

    @property
    def same_as_list(self):
        return [line.strip() for line in self.same_as.splitlines() if line.strip()]
