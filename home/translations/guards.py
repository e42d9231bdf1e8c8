"""wagtail-localize's admin views, each behind a check of the object it acts on.

These URLs are registered before wagtail-localize's own (the `home` app comes first in
INSTALLED_APPS), under the same paths, so `reverse("wagtail_localize:…")` still leads here.
"""

import contextlib
import os
import tempfile
from functools import wraps

import polib
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from ..review.submit import may_publish, report_submitted, submit_for_review
from .drafts import save_translation_draft
from .permissions import (
    can_edit_instance,
    can_translate_into,
    check_translation,
    posted_locales,
    source_is_visible,
)
from .strings import po_problems


def submit_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if request.method == "POST":
        check_translation(
            request.user, page, posted_locales(request), subtree="include_subtree" in request.POST
        )
    elif not source_is_visible(request.user, page):
        raise PermissionDenied
    return submit_translations.SubmitPageTranslationView.as_view()(request, page_id=page_id)


def submit_snippet(request, app_label, model_name, pk):
    model = next(
        (
            m
            for m in get_snippet_models()
            if (m._meta.app_label, m._meta.model_name) == (app_label, model_name)
        ),
        None,
    )
    if model is not None:
        instance = get_object_or_404(model, pk=pk)
        if request.method == "POST":
            check_translation(request.user, instance, posted_locales(request))
        elif not source_is_visible(request.user, instance):
            raise PermissionDenied
    return submit_translations.SubmitSnippetTranslationView.as_view()(
        request, app_label=app_label, model_name=model_name, pk=pk
    )


def update(request, translation_source_id):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    instance = source.get_source_instance()
    if not source_is_visible(request.user, instance):
        raise PermissionDenied
    translations = source.translations.filter(enabled=True).select_related("target_locale")
    for translation in translations:
        if not can_translate_into(request.user, instance, translation.target_locale):
            raise PermissionDenied
    held = []
    if request.method == "POST" and "publish_translations" in request.POST:
        held = [
            translation
            for translation in translations
            if (target := target_or_none(translation)) is not None
            and not may_publish(request.user, target)
        ]
        if held:
            # Sync without publishing; the reviewed translations are saved as drafts and
            # submitted below.
            request.POST = request.POST.copy()
            del request.POST["publish_translations"]
    response = update_translations.UpdateTranslationsView.as_view()(
        request, translation_source_id=translation_source_id
    )
    if held and response.status_code == 302:
        submitted = []
        with transaction.atomic():
            for translation in held:
                # Fresh from the database: the view has just updated the source's content
                # (new blocks among it), and the draft is built from that content.
                translation = Translation.objects.select_related("source", "target_locale").get(
                    pk=translation.pk
                )
                target = save_translation_draft(translation, request.user)
                if submit_for_review(target, request.user):
                    submitted.append(target)
        report_submitted(request, submitted)
    return response


def target_or_none(translation):
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def target_editor_only(view):
    """The view acts on a translation: only someone who may edit its target may use it."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not can_edit_instance(request.user, target):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


def read_po(upload):
    """The uploaded PO file, or None when it cannot be parsed. It goes through a file on
    disk because polib reads a string that names an existing file as that file."""
    with tempfile.NamedTemporaryFile(delete=False, suffix=".po") as handle:
        handle.write(upload.read())
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def po_problem(translation, po):
    """Why `po` cannot be imported into `translation`, or None when it can."""
    if po is None or not po.metadata:
        return _("Please upload a valid PO file.")
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        return _("This PO file was made for another translation; nothing was imported.")
    known = {(entry.msgid, entry.msgctxt) for entry in polib.pofile(str(translation.export_po()))}
    unknown = [entry.msgid for entry in po if (entry.msgid, entry.msgctxt) not in known]
    if unknown:
        return _(
            "This PO file has messages the page does not contain (%(first)s); nothing was "
            "imported. Download the PO file again and fill in that one."
        ) % {"first": unknown[0][:80]}
    unfit = po_problems(translation, po)
    if unfit:
        return ngettext(
            "%(first)s Nothing was imported: correct it in the file and upload it again.",
            "%(first)s %(count)d strings in all cannot be saved; nothing was imported: "
            "correct them in the file and upload it again.",
            len(unfit),
        ) % {"first": unfit[0], "count": len(unfit)}
    return None


@require_POST
@target_editor_only
def upload_pofile(request, translation_id):
    """wagtail-localize's upload, made all-or-nothing: a file for another translation, a
    malformed file or one with unknown messages is refused with a message and saves nothing."""
    translation = get_object_or_404(Translation, pk=translation_id)
    upload = request.FILES.get("file")
    po = read_po(upload) if upload is not None else None
    problem = po_problem(translation, po)
    if problem:
        messages.error(request, problem)
    else:
        with transaction.atomic():
            translation.import_po(po, user=request.user, tool_name="PO File")
        messages.success(request, _("Successfully imported translations from PO File."))
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id=page_id)


urlpatterns = [
    path("submit/page/<int:page_id>/", submit_page),
    path("submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/", submit_snippet),
    path("update/<int:translation_source_id>/", update),
    path(
        "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        target_editor_only(edit_translation.edit_string_translation),
    ),
    path(
        "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        target_editor_only(edit_translation.edit_override),
    ),
    path(
        "translate/<int:translation_id>/pofile/download/",
        target_editor_only(edit_translation.download_pofile),
    ),
    path("translate/<int:translation_id>/pofile/upload/", upload_pofile),
    path(
        "translate/<int:translation_id>/machine_translate/",
        target_editor_only(edit_translation.machine_translate),
    ),
    path(
        "translate/<int:translation_id>/preview/",
        target_editor_only(edit_translation.preview_translation),
    ),
    path(
        "translate/<int:translation_id>/preview/<str:mode>/",
        target_editor_only(edit_translation.preview_translation),
    ),
    path(
        "translate/<int:translation_id>/disable/",
        target_editor_only(edit_translation.stop_translation),
    ),
    path("page/<int:page_id>/convert_to_alias/", convert_to_alias),
    # wagtail-localize's own report of translations, superseded by the project's (one
    # report, guarded, with the states translators need).
    path("reports/translations/", lambda request: redirect("translators_report:index")),
    path("reports/translations/results/", lambda request: redirect("translators_report:index")),
]
