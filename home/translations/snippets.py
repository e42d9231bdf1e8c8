"""Translatable snippets open in the translator's own language.

A translator may edit one language only, yet a snippet listing shows every language and the
add and copy views start in the default language (Italian), which an English translator is
refused. Here someone who may edit exactly one content language is sent to that language
when they give none; administrators and editors, who may edit every language, are left as
they are.

The listings' own paths are answered here first (this app's admin URLs come before the
snippets' own), to redirect before handing over to the viewset's index view.
"""

from django.http import QueryDict
from django.shortcuts import redirect
from django.urls import path
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from .permissions import can_edit_language


def editable_languages(user):
    """The content locales whose snippets `user` may create and edit."""
    locales = Locale.objects.filter(language_code__in=list(get_content_languages()))
    return [locale for locale in locales.order_by("pk") if can_edit_language(user, locale)]


def own_language(user):
    """The one locale `user` may edit, or None for those who may edit several (or none)."""
    locales = editable_languages(user)
    return locales[0] if len(locales) == 1 else None


def redirect_to_own_language(request):
    """A redirect adding `locale=<the user's language>` to a GET without `locale`, for a
    user who may edit exactly one language; None otherwise."""
    if request.method != "GET" or "locale" in request.GET:
        return None
    locale = own_language(request.user)
    if locale is None:
        return None
    query = QueryDict(mutable=True)
    query.update(request.GET)
    query["locale"] = locale.language_code
    return redirect(f"{request.path}?{query.urlencode()}")


def translatable_snippet_viewsets():
    for model in get_snippet_models():
        viewset = getattr(model, "snippet_viewset", None)
        if issubclass(model, TranslatableMixin) and viewset is not None:
            yield viewset


def listing(viewset):
    def view(request, *args, **kwargs):
        return redirect_to_own_language(request) or viewset.index_view(request, *args, **kwargs)

    return view


def listing_urlpatterns():
    return [
        path(f"{viewset.url_prefix}/", listing(viewset))
        for viewset in translatable_snippet_viewsets()
    ]
