"""The root redirect and the error pages."""

from django.conf import settings
from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_vary_headers

from ..chrome import site_chrome


def language_redirect(request):
    """`/` leads to the visitor's language by Accept-Language; Italian when none matches."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def page_not_found(request, exception=None):
    context = site_chrome(request)
    return render(request, "404.html", context, status=404)


def server_error(request):
    """Rendered without the database or context processors: it must work when they fail."""
    template = loader.get_template("500.html")
    html = template.render({"LANGUAGE_CODE": translation.get_language() or settings.LANGUAGE_CODE})
    return HttpResponseServerError(html)
