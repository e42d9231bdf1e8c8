"""Migrations go both ways on PostgreSQL, on a database of the test's own holding the demo:
each app to zero and forward again, with nothing left unapplied, models matching their
tables, and the data migrations' rows made again."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
)


@pytest.fixture
def scratch_database(db):
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    user = settings["USER"] or "postgres"
    name = f"mip_migrations_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(host=host, port=port, user=user, dbname="postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{user}@{host}:{port}/{name}"
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def manage(database_url, tmp_path, *args):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "MEDIA_ROOT": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}"
    return result.stdout


def test_every_app_migrates_to_zero_and_back_with_the_demo(scratch_database, tmp_path):
    manage(scratch_database, tmp_path, "migrate", "--noinput")
    manage(scratch_database, tmp_path, "load_demo_data")
    for app in ("reopening", "hub", "home"):
        manage(scratch_database, tmp_path, "migrate", app, "zero", "--noinput")
        manage(scratch_database, tmp_path, "migrate", "--noinput")
    # Nothing is left unapplied, and the models match the tables they made.
    plan = manage(scratch_database, tmp_path, "migrate", "--plan")
    assert "No planned migration operations." in plan
    manage(scratch_database, tmp_path, "makemigrations", "--check", "--dry-run")
    # The hub's audiences came back with hub.0002, whose reverse removed them.
    check = (
        "from hub.models import Audience; "
        "assert Audience.objects.count() == 4, Audience.objects.count()"
    )
    manage(scratch_database, tmp_path, "shell", "-c", check)
