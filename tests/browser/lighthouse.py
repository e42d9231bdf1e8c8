"""`make audit`: Lighthouse on the main pages in both languages, against a development
server started here on the demo content. Prints the four scores of each page; not a test,
because the scores depend on the machine that runs it."""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parents[2]
LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def audited_paths():
    """Home, hub, an article, an upcoming webinar and the reopening page, in each language."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(BASE_DIR))
    django.setup()
    from django.utils import timezone

    from hub.models import ArticlePage, HubIndexPage, WebinarPage
    from reopening.models import ReopeningPage

    paths = []
    for language in ("it", "en"):
        pages = [
            HubIndexPage.objects.live().filter(locale__language_code=language).first(),
            ArticlePage.objects.live().filter(locale__language_code=language).first(),
            WebinarPage.objects.live()
            .filter(locale__language_code=language, starts_at__gt=timezone.now())
            .first(),
            ReopeningPage.objects.live().filter(locale__language_code=language).first(),
        ]
        paths += [f"/{language}/", *(page.url for page in pages)]
    return paths


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer at {url}")


def scores(url):
    command = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    environment = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    # Lighthouse now and then loses its connection to Chromium: one more try, then the
    # page is reported as not audited rather than ending the whole audit.
    for _attempt in range(2):
        report = subprocess.run(command, capture_output=True, text=True, env=environment)
        if report.returncode == 0:
            categories = json.loads(report.stdout)["categories"]
            return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}
    last_line = (report.stderr.strip().splitlines() or ["no output"])[-1]
    print(f"Lighthouse failed on {url}: {last_line}", file=sys.stderr)
    return dict.fromkeys(CATEGORIES, "-")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8090)
    arguments = parser.parse_args()
    base = f"http://127.0.0.1:{arguments.port}"
    paths = audited_paths()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{arguments.port}", "--noreload"],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base}/it/")
        print(f"{'page':<60} " + " ".join(f"{name:>14}" for name in CATEGORIES))
        for path in paths:
            result = scores(base + path)
            print(f"{path:<60} " + " ".join(f"{result[name]:>14}" for name in CATEGORIES))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
