"""The admin's searches get a query they can run: its words and quoted phrases, at most
`MAX_WORDS` of them.

Wagtail's database search backends build one nested expression per word, and a few hundred
words exceed Python's recursion limit (the page search, the explorer, images, documents,
choosers and form submissions answered 500); PostgreSQL refuses a NUL byte in any string,
and SQLite's full-text search answers a lone quote or bracket with a syntax error.
Every admin listing reads its query from `q`, so this middleware caps that one parameter
for all of them, and says so on the page, rather than patching each view.
"""

import re

from django.contrib import messages
from django.utils.translation import gettext as _

MAX_WORDS = 20
MAX_LENGTH = 255
# A phrase in double quotes, or a word.
TERMS = re.compile(r'"([^"]*)"|(\w+)')
WORDS = re.compile(r"\w+")


def capped(query):
    """The query's words and quoted phrases, the first `MAX_WORDS`; and whether it had more."""
    terms = []
    for phrase, word in TERMS.findall(query):
        if word:
            terms.append(word)
        elif words := WORDS.findall(phrase):
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms[:MAX_WORDS])[:MAX_LENGTH], len(terms) > MAX_WORDS


def is_background(request):
    """Requests whose answer shows no messages: the choosers' modals, scripts, the API."""
    return (
        "/choose" in request.path_info
        or request.headers.get("x-requested-with") == "XMLHttpRequest"
        or "application/json" in request.headers.get("accept", "")
        or request.path_info.startswith("/admin/api/")
    )


class AdminSearchQueryMiddleware:
    """After the message middleware, for `/admin/` only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") and "q" in request.GET:
            queries = request.GET.getlist("q")
            results = [capped(query) for query in queries]
            if [query for query, _cut in results] != queries:
                parameters = request.GET.copy()
                parameters.setlist("q", [query for query, _cut in results])
                request.GET = parameters
                if any(cut for _query, cut in results) and not is_background(request):
                    messages.info(
                        request,
                        _("Only the first %(count)d words of your search were searched for.")
                        % {"count": MAX_WORDS},
                    )
        return self.get_response(request)
