"""What a load balancer asks, and what a visitor sees while the database is away."""

import sys

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache

from .views import server_error as generic_server_error

RETRY_AFTER_SECONDS = 30
HEALTH_KEY = "healthz"


def database_is_up():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def cache_is_up():
    cache.set(HEALTH_KEY, "ok", 10)
    return cache.get(HEALTH_KEY) == "ok"


@never_cache
def healthz(request):
    """200 while the database answers; the cache is reported but a cache outage only makes
    pages slower, so it does not take the server out of the load balancer."""
    database = database_is_up()
    report = {
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache_is_up() else "unavailable",
    }
    return JsonResponse(report, status=200 if database else 503)


def maintenance_response():
    """The static bilingual page: no database, no context processors."""
    html = loader.get_template("503.html").render({})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """A lost database is an outage to wait out (503), not a bug (500)."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        return maintenance_response()
    return generic_server_error(request)
