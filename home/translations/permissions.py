"""Who may translate what.

wagtail-localize checks only its global "submit translation" permission, so a translator
with rights on one language's tree could create pages in another language, or copy a draft
they cannot read into their own tree. Here a language belongs to whoever may edit its home
page: page rights come from the tree, and snippets (which belong to no tree) follow the
rights on their language's home page.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import DraftStateMixin, Locale, Page, Site, TranslatableMixin


def language_home(locale):
    """The home page of `locale`: the default Site's root or its translation."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale)


def can_edit_language(user, locale):
    """Whether `user` may create and edit snippets in `locale`."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    home = language_home(locale)
    return home is not None and home.permissions_for_user(user).can_edit()


def can_edit_instance(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return can_edit_language(user, instance.locale)


def source_is_visible(user, instance):
    """The source may be translated by `user` only if what is stored is what they may read:
    the live version, or any version when they may edit the source and so read its drafts."""
    if can_edit_instance(user, instance):
        return True
    if isinstance(instance, DraftStateMixin):
        return instance.live and not instance.has_unpublished_changes
    return True


def translated_parent(page, locale):
    """The nearest ancestor of `page` that exists in `locale`, where its translation goes."""
    ancestors = page.get_ancestors().filter(depth__gt=1).order_by("-depth")
    for ancestor in ancestors:
        translation = ancestor.get_translation_or_none(locale)
        if translation is not None:
            return translation
    return None


def can_translate_into(user, instance, locale):
    """Whether `user` may create or update the translation of `instance` into `locale`."""
    if locale.pk == instance.locale_id:
        return False
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return can_edit_instance(user, existing)
    if isinstance(instance, Page):
        parent = translated_parent(instance, locale)
        return parent is not None and parent.permissions_for_user(user).can_add_subpage()
    return can_edit_language(user, locale)


def check_translation(user, instance, locales, *, subtree=False):
    """Raise PermissionDenied unless `user` may translate `instance` (and, with `subtree`,
    every page below it) into each of `locales`."""
    instances = [instance]
    if subtree and isinstance(instance, Page):
        instances += [page.specific for page in instance.get_descendants()]
    for item in instances:
        if not source_is_visible(user, item):
            raise PermissionDenied
        for locale in locales:
            if not can_translate_into(user, item, locale):
                raise PermissionDenied


def posted_locales(request):
    ids = [value for value in request.POST.getlist("locales") if value.isdigit()]
    return list(Locale.objects.filter(pk__in=ids))


def check_snippet_language(user, instance_or_locale):
    locale = instance_or_locale
    if isinstance(instance_or_locale, TranslatableMixin):
        locale = instance_or_locale.locale
    if not can_edit_language(user, locale):
        raise PermissionDenied
