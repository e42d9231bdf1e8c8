"""Every UI string, in templates and Python, has an Italian and an English entry."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

SOURCES = ["manage.py", "config", "home", "hub", "reopening", "site/templates", "locale"]


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="gettext is not installed")
def test_catalogues_have_every_message_translated(tmp_path):
    """makemessages runs on a copy of the project, so the real catalogues stay untouched."""
    for source in SOURCES:
        origin = Path(settings.BASE_DIR) / source
        target = tmp_path / source
        if origin.is_dir():
            shutil.copytree(origin, target, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(origin, target)
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "it", "-l", "en", "--no-location"],
        cwd=tmp_path,
        env=environment,
        check=True,
        capture_output=True,
    )
    problems = []
    for language in ("it", "en"):
        catalogue = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        for entry in catalogue.untranslated_entries() + catalogue.fuzzy_entries():
            state = "fuzzy" if entry.fuzzy else "missing"
            problems.append(f"{language}: {state}: {entry.msgctxt or ''} {entry.msgid!r}")
    assert problems == []
