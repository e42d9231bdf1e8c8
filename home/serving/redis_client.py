"""The shared cache's client: a Redis that is down, refusing or hung costs a page one short
timeout per few seconds, not one per cache call.

django-redis already turns a failed call into a miss (`IGNORE_EXCEPTIONS`), but each call
still waits for its own timeout, and a page makes several: with Redis hung, pages took
6 to 19 s. This client adds a circuit breaker, which django-redis does not have: after a
failure, every call of this process skips Redis for `BREAKER_SECONDS` (raising the same
`ConnectionInterrupted` a failed call raises, so callers get their default at once); then
one call tries again. Retries are off in the connection settings (`config/settings`).
"""

import logging
import threading
import time

from django.conf import settings
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)


class Breaker:
    """Open for a while after a failure; shared by the threads of one process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.open_until = 0.0
        self.failures = 0

    def is_open(self):
        return time.monotonic() < self.open_until

    def trip(self, error):
        with self.lock:
            self.failures += 1
            self.open_until = time.monotonic() + settings.CACHE_BREAKER_SECONDS
        logger.warning(
            "Shared cache unavailable (%s): skipped for %s s",
            error.__cause__ or error,
            settings.CACHE_BREAKER_SECONDS,
        )

    def reset(self):
        with self.lock:
            self.open_until = 0.0


breaker = Breaker()

# The calls the site's code and Wagtail make; each trips the breaker when Redis fails.
GUARDED = [
    "get",
    "get_many",
    "set",
    "set_many",
    "add",
    "delete",
    "delete_many",
    "incr",
    "decr",
    "has_key",
    "touch",
    "expire",
    "ttl",
    "persist",
    "clear",
    "keys",
    "iter_keys",
    "delete_pattern",
]


def guarded(name):
    method = getattr(DefaultClient, name)

    def call(self, *args, **kwargs):
        if breaker.is_open():
            raise ConnectionInterrupted(connection=None) from ConnectionError("breaker open")
        try:
            return method(self, *args, **kwargs)
        except ConnectionInterrupted as error:
            breaker.trip(error)
            raise

    call.__name__ = name
    call.__doc__ = method.__doc__
    return call


class BreakerClient(DefaultClient):
    """django-redis's client with the circuit breaker around every call."""


for _name in GUARDED:
    setattr(BreakerClient, _name, guarded(_name))
