"""Request handling that Django's defaults get wrong for a site with language prefixes."""

from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without its guessing redirect.

    Django sends any unknown unprefixed path to a prefixed one, so `/fr/` would become
    `/it/fr/`. Here an unknown path is a 404 in the visitor's language, and only `/`
    itself is redirected (see `config.urls.language_redirect`).
    """

    def process_response(self, request, response):
        if not translation.get_language_from_path(request.path_info):
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class RejectControlCharactersMiddleware:
    """A path with a NUL or another control character can name no page: 404, before any
    query (PostgreSQL refuses NUL bytes in strings with an error)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(ord(char) < 32 or ord(char) == 127 for char in request.path):
            raise Http404("Invalid characters in path")
        return self.get_response(request)
