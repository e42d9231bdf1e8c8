"""Who is acting: the user of the admin request being served, a user named by code, the
site's own setup, or nobody (a command or a scheduled job).

The database writes that `guard.py` checks happen deep inside Wagtail and wagtail-localize,
where no user is passed along (wagtail-localize publishes a translation when the
transaction commits, with no user at all), so the acting user travels in a context
variable instead of through every call.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser


class SiteSetup:
    """The site's own setup code: the demo builder, which writes the reviewed demo content
    as its author. Nothing an admin user can reach runs as it."""

    is_active = True
    is_superuser = True
    is_authenticated = True
    pk = None

    def __repr__(self):
        return "<site setup>"


SITE_SETUP = SiteSetup()


@dataclass
class Acting:
    """What one request or block of code acts as, and the refusals met on the way."""

    request: object = None
    user: object = None
    refusals: list = field(default_factory=list)

    @property
    def actor(self):
        if self.user is not None:
            return self.user
        if self.request is not None:
            return getattr(self.request, "user", None) or AnonymousUser()
        return None


_acting = ContextVar("review_acting", default=None)


def current_acting():
    return _acting.get()


def current_actor():
    """The acting user, `SITE_SETUP`, an anonymous user, or None for a command or job."""
    acting = _acting.get()
    return acting.actor if acting is not None else None


@contextmanager
def acting_for_request(request):
    token = _acting.set(Acting(request=request))
    try:
        yield _acting.get()
    finally:
        _acting.reset(token)


@contextmanager
def acting_as(user):
    """Run a block as `user` (or `SITE_SETUP`), whatever request is being served."""
    outer = _acting.get()
    token = _acting.set(
        Acting(
            request=outer.request if outer else None,
            user=user,
            refusals=outer.refusals if outer else [],
        )
    )
    try:
        yield
    finally:
        _acting.reset(token)


def setting_up_site():
    """The demo builder's block: it publishes reviewed content as the site's author."""
    return acting_as(SITE_SETUP)
