"""One collection of images and documents per section, so that each section's files are
found together and its people can be given rights over them."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission

HUB = "KeepONLearning"
REOPENING = "Nice to MIP You"
FILE_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def section_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def grant(group, collection):
    for app_label, codenames in FILE_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )


def build_collections(editors: Group, reviewers: Group):
    """Editors manage the files of both sections; reviewers those of the reopening."""
    collections = {HUB: section_collection(HUB), REOPENING: section_collection(REOPENING)}
    for collection in collections.values():
        grant(editors, collection)
    grant(reviewers, collections[REOPENING])
    return collections
