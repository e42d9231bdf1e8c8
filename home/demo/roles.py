"""The three roles of the site, as groups with their permissions.

Editors write and publish the source content in any language. Translators work in one
language: their page rights sit on that language's home page, so they cannot touch the other
tree, and the snippets of a language follow the rights on its home page
(`home.translations.permissions`). Administrators are superusers and need no group.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    TranslatableMixin,
)
from wagtail.snippets.models import get_snippet_models

from home.translations.permissions import language_home

EDITORS = "Editors"
TRANSLATORS = {"en": "English translators", "it": "Italian translators"}
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_PAGE_PERMISSIONS = [*PAGE_PERMISSIONS, "bulk_delete_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "choose_image"],
    "wagtaildocs": ["add_document", "choose_document"],
}


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def snippet_permissions():
    """Add, change and delete on every translatable snippet: which instances a user may
    touch is decided by language, not by model."""
    found = []
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            content_type = ContentType.objects.get_for_model(model)
            found += Permission.objects.filter(
                content_type=content_type,
                codename__in=[
                    f"{action}_{model._meta.model_name}" for action in ("add", "change", "delete")
                ],
            )
    return found


def build_group(name, pages, page_permissions):
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        permission("wagtailadmin", "access_admin"),
        permission("wagtail_localize", "submit_translation"),
        *snippet_permissions(),
    )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(app_label, codename)
            )
    for page in pages:
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission("wagtailcore", codename)
            )
    return group


def build_roles():
    """Editors over the whole tree (and the redirects changed slugs leave), and one
    translators' group per language over that language's home page (left without page
    rights until the home page exists)."""
    groups = {EDITORS: build_group(EDITORS, [Page.get_first_root_node()], EDITOR_PAGE_PERMISSIONS)}
    groups[EDITORS].permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtailredirects",
            codename__in=["add_redirect", "change_redirect", "delete_redirect"],
        )
    )
    for code, name in TRANSLATORS.items():
        locale = Locale.objects.filter(language_code=code).first()
        home = language_home(locale) if locale is not None else None
        groups[name] = build_group(name, [home] if home else [], PAGE_PERMISSIONS)
    return groups
