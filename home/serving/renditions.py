"""Each rendition made once, however many requests ask for it at the same moment.

Wagtail makes a missing rendition in every request that asks for it: each writes its own
file (the storage gives the later ones new names), then one row wins the unique constraint
and the other files stay on disk, named by nothing (six concurrent first requests left one
row and six files). Wagtail offers no hook around the making, and a custom image model
(the documented way to change `create_rendition`) means swapping
`WAGTAILIMAGES_IMAGE_MODEL` on a live database. So Wagtail's own two methods are wrapped:
a request takes a lock for the image, looks again for what another request may have
made meanwhile, and makes only what is still missing.

The lock is PostgreSQL's advisory lock (every app server shares it); on another database
(SQLite, one machine) it is a lock of the process.
"""

import threading
import zlib
from contextlib import contextmanager

from django.db import connection
from wagtail.images.models import AbstractImage

_process_locks = {}
_process_locks_guard = threading.Lock()
NAMESPACE = 0x52454E44  # "REND": the first key of the advisory lock


@contextmanager
def image_lock(image):
    if connection.vendor == "postgresql":
        key = zlib.crc32(f"{image._meta.label}:{image.pk}".encode()) - 2**31
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [NAMESPACE, key])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [NAMESPACE, key])
        return
    with _process_locks_guard:
        lock = _process_locks.setdefault((image._meta.label, image.pk), threading.RLock())
    with lock:
        yield


def install():
    make_one = AbstractImage.create_rendition
    make_many = AbstractImage.create_renditions

    def create_rendition(self, filter):
        with image_lock(self):
            existing = self.renditions.filter(
                filter_spec=filter.spec, focal_point_key=filter.get_cache_key(self)
            ).first()
            return existing if existing is not None else make_one(self, filter)

    def create_renditions(self, *filters):
        if not filters:  # Wagtail asks with none when every rendition was found
            return {}
        with image_lock(self):
            found = {}
            for rendition in self.renditions.filter(filter_spec__in=[f.spec for f in filters]):
                for f in filters:
                    if (f.spec, f.get_cache_key(self)) == (
                        rendition.filter_spec,
                        rendition.focal_point_key,
                    ):
                        found[f] = rendition
            missing = [f for f in filters if f not in found]
            return {**found, **(make_many(self, *missing) if missing else {})}

    create_rendition.wagtail_original = make_one
    create_renditions.wagtail_original = make_many
    if not hasattr(AbstractImage.create_rendition, "wagtail_original"):
        AbstractImage.create_rendition = create_rendition
        AbstractImage.create_renditions = create_renditions
