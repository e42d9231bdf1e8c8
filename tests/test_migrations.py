"""Migrations go both ways on PostgreSQL, on a database of the test's own holding the demo:
each app to zero and forward again, with nothing left unapplied, models matching their
tables, and the data migrations' rows made again."""

import os

import pytest

from .servers import manage

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
)


def test_every_app_migrates_to_zero_and_back_with_the_demo(scratch_database, tmp_path):
    database = scratch_database()
    manage(database, tmp_path, "migrate", "--noinput")
    manage(database, tmp_path, "load_demo_data")
    for app in ("reopening", "hub", "home"):
        manage(database, tmp_path, "migrate", app, "zero", "--noinput")
        manage(database, tmp_path, "migrate", "--noinput")
    # Nothing is left unapplied, and the models match the tables they made.
    plan = manage(database, tmp_path, "migrate", "--plan").stdout
    assert "No planned migration operations." in plan
    manage(database, tmp_path, "makemigrations", "--check", "--dry-run")
    # The hub's audiences came back with hub.0002, whose reverse removed them.
    check = (
        "from hub.models import Audience; "
        "assert Audience.objects.count() == 4, Audience.objects.count()"
    )
    manage(database, tmp_path, "shell", "-c", check)
