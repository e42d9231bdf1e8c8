"""An app taken to zero takes its content with it: `migrate <app> zero` leaves no page of a
type that no longer exists in Wagtail's tree.

Dropping an app's tables is not enough: its pages are also rows of Wagtail's page tree, and
their revisions, workflow states, references, search entries and wagtail-localize sources
live in other apps' tables. Left there, they are pages with no type behind them: everything
below them answers 500 and the site cannot be built again over them (slug in use).

A `pre_migrate` receiver reads the plan before the first table is dropped (and does
nothing for `migrate --fake`, which drops nothing). For each
project app whose first migration the plan unapplies, it deletes the app's pages (with
their subtrees, through Wagtail's own delete action, which logs each deletion) and then
every other row of the app's models, with the project's current models on the complete
schema, so that Wagtail's own delete handlers clean up what points at them; and it
removes their wagtail-localize sources and translations, which the site otherwise keeps
when a page is deleted. A Site whose root goes is kept, pointed at the tree's root.

Why not a reverse function in each app's first migration: a migration's reverse runs on
historical models of a schema already half unapplied, which know neither Wagtail's delete
handlers nor the apps that come later in the plan; and on PostgreSQL, deleting rows in the
transaction that then drops their table fails ("pending trigger events").
"""

from contextlib import contextmanager
from contextvars import ContextVar
from types import SimpleNamespace

from django.apps import apps
from django.core.management.base import CommandError
from django.db import DatabaseError, transaction

PROJECT_APPS = ("home", "hub", "reopening")
# `migrate --fake` records migrations without touching a table: it must not touch content
# either. The signal does not say, so the project's `migrate` command tells (see below).
_faking = ContextVar("migrate_faking", default=False)


@contextmanager
def faking(fake):
    token = _faking.set(bool(fake))
    try:
        yield
    finally:
        _faking.reset(token)


class Operator:
    """Whoever runs `migrate` on the database as a whole: taking an app to zero removes
    its reviewed pages too, and that is the operator's decision, not an editor's."""

    is_active = True
    is_superuser = True
    is_authenticated = True
    pk = None

    def __repr__(self):
        return "<operator>"


OPERATOR = Operator()


def apps_going_to_zero(plan):
    return sorted(
        {
            migration.app_label
            for migration, backwards in plan or ()
            if backwards and migration.app_label in PROJECT_APPS and migration.initial
        }
    )


def remove_content_of(app_labels, using="default"):
    """Delete every page of the apps' page types (with its subtree) and every row of their
    other models. Returns the number of pages deleted."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Site, TranslatableMixin
    from wagtail_localize.models import cleanup_translation_on_delete

    from ..review.actors import acting_as

    models = [model for label in app_labels for model in apps.get_app_config(label).get_models()]
    page_models = [model for model in models if issubclass(model, Page)]
    content_types = ContentType.objects.db_manager(using).get_for_models(*page_models).values()
    deleted = 0
    with transaction.atomic(using=using), acting_as(OPERATOR):
        tops = []
        for page in (
            Page.objects.using(using).filter(content_type__in=content_types).order_by("path")
        ):
            if not any(page.path.startswith(top.path) for top in tops):
                tops.append(page)
        # The site keeps a deleted page's translation data (WAGTAILLOCALIZE_DISABLE_ON_DELETE),
        # for a page deleted by an editor may come back; an app gone takes its data along.
        translated = set()
        for top in tops:
            translated |= set(
                Page.objects.using(using)
                .filter(path__startswith=top.path)
                .values_list("translation_key", "locale_id")
            )
        for model in models:
            if issubclass(model, TranslatableMixin) and model not in page_models:
                rows = model._base_manager.using(using).values_list("translation_key", "locale_id")
                translated |= set(rows)
        if tops:
            root = Page.get_first_root_node()
            for top in tops:
                Site.objects.using(using).filter(root_page__path__startswith=top.path).update(
                    root_page=root
                )
        for top in tops:
            deleted += 1 + top.get_descendant_count()
            # Fresh from the database: an earlier deletion changed the tree's counts.
            Page.objects.using(using).get(pk=top.pk).delete()
        for model in models:
            if model not in page_models and not model._meta.auto_created:
                model._base_manager.using(using).all().delete()
        for translation_key, locale_id in sorted(translated):
            cleanup_translation_on_delete(
                SimpleNamespace(translation_key=translation_key, locale_id=locale_id)
            )
    return deleted


def before_migrate(sender, plan=None, using="default", verbosity=1, stdout=None, **kwargs):
    labels = apps_going_to_zero(plan)
    if not labels:
        return
    if _faking.get():
        if verbosity and stdout is not None:
            stdout.write(f"  Faked: the content of {', '.join(labels)} is left as it is.")
        return
    try:
        deleted = remove_content_of(labels, using=using)
    except DatabaseError as error:
        raise CommandError(
            f"The content of {', '.join(labels)} could not be removed before its tables are "
            f"dropped ({error}). Take the app to zero from a fully migrated database."
        ) from error
    if verbosity and stdout is not None:
        stdout.write(f"  Removed {deleted} pages of {', '.join(labels)} and the app's rows.")
