"""Every request names its user to the guard; an admin request that changes something runs
in one transaction, so a refusal anywhere in it leaves the database as it was, and so does a
change the database itself refuses, which the person reads as a message, not a 500."""

import logging

from django.contrib import messages
from django.db import DataError, IntegrityError, transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .actors import acting_for_request
from .rule import ReviewRequired

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")

logger = logging.getLogger(__name__)


def wants_json(request):
    return (
        request.path_info.startswith("/admin/api/")
        or request.headers.get("x-requested-with") == "XMLHttpRequest"
        or "application/json" in request.headers.get("accept", "")
    )


def refusal_response(request, error):
    """The refusal, said to the person: a message over the page's place in the explorer,
    or JSON for the admin API and the editor's background requests."""
    if wants_json(request):
        return JsonResponse({"message": str(error.args[0])}, status=403)
    messages.error(request, error.args[0])
    parent = error.page.get_parent() if error.page.depth > 1 else None
    if parent is None:
        return redirect(reverse("wagtailadmin_home"))
    return redirect(reverse("wagtailadmin_explore", args=[parent.pk]))


class ReviewMiddleware:
    """After the authentication and message middleware. Wagtail's own views are not all
    atomic (copying a tree, unpublishing with descendants): the request is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_for_request(request) as acting:
            if request.method in SAFE_METHODS or not request.path_info.startswith("/admin/"):
                return self.get_response(request)
            try:
                with transaction.atomic():
                    response = self.get_response(request)
                    if acting.refusals:
                        transaction.set_rollback(True)
            except ReviewRequired:
                # Raised by work deferred to the commit (wagtail-localize publishes a
                # translation then); what committed before it was a draft.
                pass
            if acting.refusals:
                return refusal_response(request, acting.refusals[0])
            return response

    def process_exception(self, request, exception):
        """A value the database refuses (too long for its column, a duplicate) in an admin
        change: the whole change is rolled back and the person is told, on the page they
        were on. Forms check what they can first; this is for what reaches the database
        anyway, such as a translation saved by wagtail-localize."""
        if request.method in SAFE_METHODS or not request.path_info.startswith("/admin/"):
            return None
        if isinstance(exception, DataError):
            reason = _("a value is longer than its field allows, or not of its kind")
        elif isinstance(exception, IntegrityError):
            reason = _("it conflicts with something that already exists")
        else:
            return None
        logger.warning("Admin change refused by the database: %s", exception)
        transaction.set_rollback(True)
        message = _("This change could not be saved and nothing of it was kept: %(reason)s.") % {
            "reason": reason
        }
        if wants_json(request):
            return JsonResponse({"message": message}, status=400)
        messages.error(request, message)
        return redirect(request.get_full_path())
