"""A new page is created once, however its form reaches the server.

Wagtail 8 autosaves a new page as soon as its form is valid: the autosave posts the form to
the create view, which creates a draft, and the browser then moves the form over to the
page's edit view. A Publish pressed before that move (during the autosave, or just after
it) posts the same form to the create view again, which refuses it: "The page could not be
created due to validation errors", the slug being the draft's own. No Wagtail setting
covers it (`WAGTAIL_AUTOSAVE_INTERVAL = 0` only switches autosave off everywhere).

So the create form carries a token for its whole life (`creation-token.js`, added by the
`insert_editor_js` hook), and the create view is made idempotent for it through Wagtail's
own `before_create_page` and `after_create_page` hooks:

- the first request with a token claims it (`cache.add`, atomic on Redis), runs Wagtail's
  create view, and records the page it created once the request's transaction commits
  (an admin request is one transaction: `home/review/middleware.py`);
- a later request with the same token (the Publish, or another autosave) waits for that
  record, then goes to Wagtail's edit view of the page, which saves or publishes the very
  same form there, with its own permission checks;
- once the page has been published the creation is over: a late autosave saves nothing,
  and the same form posted again (the Back button) is Wagtail's create view again, so it
  never overwrites what was published since.

The token belongs to the user who holds it; a page created by anyone else, elsewhere in the
tree or of another type is never taken over. With the cache unavailable, Wagtail's create
view runs as it always has.
"""

import json
import re
import time

from django.core.cache import cache
from django.db import transaction
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

FIELD = "creation_token"
TOKEN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PENDING = "pending"
KEEP = 24 * 60 * 60
# A claim whose creation never committed (refused, rolled back) lapses after this.
CLAIM_SECONDS = 60
# How long a second request waits for the first to finish creating the page.
WAIT_SECONDS = 20
POLL_SECONDS = 0.1


def token_key(request):
    if request.method != "POST" or not request.user.is_authenticated:
        return None
    token = request.POST.get(FIELD, "")
    if not TOKEN.fullmatch(token):
        return None
    return f"page-creation:{request.user.pk}:{token}"


def created_page(value, request, parent_page, page_class):
    if not isinstance(value, int):
        return None
    page = Page.objects.filter(pk=value, owner=request.user).first()
    if page is None or page.get_parent().pk != parent_page.pk:
        return None
    page = page.specific
    return page if type(page) is page_class else None


def published_once(page):
    return page.live or page.first_published_at is not None


def nothing_left_to_save():
    """An autosave of the form after its Publish went through: nothing left to save."""
    return JsonResponse(
        {
            "success": False,
            "error_code": "invalid_revision",
            "error_message": _("Saving will overwrite a newer version."),
        },
        status=400,
    )


def edit_instead(request, page):
    """Wagtail's edit view of `page`, answering the form that was posted to create it."""
    from wagtail.admin.views.pages.edit import EditView

    response = EditView.as_view()(request, page_id=page.pk)
    if isinstance(response, JsonResponse) and response.status_code == 200:
        # An autosave: tell the browser, as the create view does, where the form lives now.
        data = json.loads(response.content)
        if data.get("success"):
            edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
            data.setdefault("url", edit_url)
            response = JsonResponse(data)
    return response


@hooks.register("before_create_page")
def create_once(request, parent_page, page_class):
    key = token_key(request)
    if key is None or getattr(request, "creating_once", False):
        return None
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        claimed = cache.add(key, PENDING, CLAIM_SECONDS)
        if claimed is None:
            # The cache is down (its client answers None): Wagtail's own create view.
            return None
        if claimed:
            break
        value = cache.get(key)
        page = created_page(value, request, parent_page, page_class)
        if page is not None and not published_once(page):
            return edit_instead(request, page)
        if page is not None and "application/json" in request.headers.get("accept", ""):
            return nothing_left_to_save()
        if page is not None:
            # Published since: the creation is over. The same form posted again (the Back
            # button) asks for a new page, as Wagtail's create view understands it.
            return None
        if value != PENDING or time.monotonic() > deadline:
            # Another page, or a creation that never finished: create as usual.
            return None
        time.sleep(POLL_SECONDS)
    from wagtail.admin.views.pages.create import CreateView

    request.creating_once = True
    try:
        return CreateView.as_view()(request, **request.resolver_match.kwargs)
    finally:
        if getattr(request, "created_page_pk", None) is None:
            # Nothing was created (the form was refused): the next post may create.
            cache.delete(key)


@hooks.register("after_create_page")
def remember_creation(request, page):
    key = token_key(request)
    if key is not None:
        request.created_page_pk = page.pk
        transaction.on_commit(lambda: cache.set(key, page.pk, KEEP))


@hooks.register("insert_editor_js")
def creation_token_script():
    return format_html('<script src="{}"></script>', static("home/editors/creation-token.js"))
