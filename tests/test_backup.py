"""Backups that restore: the demo with a few edits is backed up (`manage.py backup`, what
`make backup` runs), restored into a new database and an empty media folder, and the same
pages, revisions, translations and images come back."""

import json
import os
from pathlib import Path

import pytest

from .servers import manage

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
)

EDITS = """
from wagtail.models import Page
from home.review.actors import setting_up_site
with setting_up_site():
    page = Page.objects.get(url_path__endswith='/chi-siamo/', locale__language_code='it').specific
    page.title = 'Chi siamo, dal 1979'
    page.save_revision().publish()
    draft = Page.objects.get(url_path__endswith='/privacy/', locale__language_code='en').specific
    draft.title = 'Privacy (draft)'
    draft.save_revision()
"""

SNAPSHOT = """
import json
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation
print(json.dumps({
    'pages': sorted(Page.objects.values_list('url_path', 'title', 'live', 'has_unpublished_changes')),
    'revisions': Revision.objects.count(),
    'translations': sorted(Translation.objects.values_list('source__object_id', 'target_locale__language_code')),
    'strings': StringTranslation.objects.count(),
    'images': sorted(get_image_model().objects.values_list('title', 'file')),
}, default=str))
"""


def snapshot(database, media):
    output = manage(database, media, "shell", "-c", SNAPSHOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_a_backup_restores_the_same_site(scratch_database, tmp_path):
    original, restored = scratch_database(), scratch_database()
    media, new_media, backups = tmp_path / "media", tmp_path / "restored-media", tmp_path / "b"
    manage(original, media, "migrate", "--noinput")
    manage(original, media, "load_demo_data")
    manage(original, media, "shell", "-c", EDITS)
    before = snapshot(original, media)
    assert ["/home/chi-siamo/", "Chi siamo, dal 1979", True, False] in before["pages"]
    assert before["revisions"] and before["translations"] and before["images"]

    written = manage(original, media, "backup", "--to", str(backups)).stdout
    dump = next(backups.glob("mip-*.dump"))
    assert dump.name[4:19].replace("-", "").isdigit()  # mip-YYYYmmdd-HHMMSS.dump
    assert str(dump) in written
    assert (backups / dump.name.replace(".dump", "-media.tar.gz")).is_file()

    manage(restored, new_media, "restore", str(dump))
    assert snapshot(restored, new_media) == before
    for _title, name in before["images"]:
        assert (new_media / name).is_file(), name
    assert (
        manage(restored, new_media, "migrate", "--plan")
        .stdout.strip()
        .endswith("No planned migration operations.")
    )

    # Never over a site that is there.
    again = manage(restored, new_media, "restore", str(dump), check=False)
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_a_backup_of_sqlite_says_what_it_needs(tmp_path):
    result = manage(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path, "backup", check=False)
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr
    assert not list(Path(tmp_path).glob("*.dump"))
