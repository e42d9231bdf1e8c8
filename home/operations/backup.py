"""Backups of a PostgreSQL site: a consistent dump of the database (`pg_dump -Fc`, one
snapshot however long it takes) and an archive of the media folder, named by the moment
they were taken; and their restore into an empty database and an empty media folder.

PostgreSQL's own tools do the database (nothing in Django or Wagtail dumps a database
consistently); the archive is the standard library's `tarfile`. What is uploaded between
the database dump and the media archive is in the second only: the dump comes first, so a
restored page never names an image file the archive lacks.
"""

import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection


class BackupError(Exception):
    pass


def database_url():
    database = connection.settings_dict
    if connection.vendor != "postgresql":
        raise BackupError(
            "Backups are of PostgreSQL, the production database: set DATABASE_URL=postgres://…"
        )
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    user = database["USER"] or "postgres"
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    return f"postgresql://{user}{password}@{host}:{port}/{database['NAME']}"


def tool(name):
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: postgresql-client)")
    return found


def run(*command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-2000:]}")
    return result


def take_backup(folder, now=None):
    """The database dump and the media archive in `folder`; their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    dump = folder / f"mip-{stamp}.dump"
    media = folder / f"mip-{stamp}-media.tar.gz"
    run(tool("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", database_url())
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(media, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    return dump, media


def is_empty_database():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        return cursor.fetchone()[0] == 0


def restore_backup(dump, media):
    """`dump` into the configured database and `media` into `MEDIA_ROOT`, both empty."""
    dump, media = Path(dump), Path(media)
    for path in (dump, media):
        if not path.is_file():
            raise BackupError(f"{path} does not exist")
    url = database_url()
    if not is_empty_database():
        raise BackupError("The database is not empty: restore into a new one (createdb).")
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"The media folder {media_root} is not empty.")
    connection.close()
    run(tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={url}", str(dump))
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(media, "r:gz") as archive:
        archive.extractall(media_root, filter="data")
    os.utime(media_root)
