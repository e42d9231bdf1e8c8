"""`make bench`: how fast the production setup serves each kind of page, and how cost grows.

Loads `load_demo_data --scale` into a PostgreSQL database of its own, times the search as
the hub grows (about 100, 1,000 and 10,000 items per language), then serves the production
settings with gunicorn (two workers) and Redis on loopback and measures every page kind
with wrk, cached and uncached, against one static file as the ceiling. Then the publish
storm: the cached pages in turn on every connection, steady and again while an article is
published every `BENCH_PUBLISH_EVERY` seconds, so every cached page goes stale that often.
Prints one table and writes it as JSON to `var/bench/`.

Environment: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/mip_bench),
BENCH_REDIS_URL (redis://127.0.0.1:6379/2), BENCH_SCALE (2000), BENCH_DURATION (seconds
per wrk run, 10), BENCH_CONNECTIONS (32), BENCH_PORT (8300), BENCH_SEARCH_SIZES
(100,1000,10000), BENCH_STORM_DURATION (30), BENCH_PUBLISH_EVERY (5).
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mip_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
SCALE = int(os.environ.get("BENCH_SCALE", "2000"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
PORT = int(os.environ.get("BENCH_PORT", "8300"))
KINDS_PER_SCALE = 6  # load_demo_data --scale N adds N items of each of six kinds
STORM_DURATION = int(os.environ.get("BENCH_STORM_DURATION", "30"))
PUBLISH_EVERY = float(os.environ.get("BENCH_PUBLISH_EVERY", "5"))
SEARCH_SIZES = [
    int(size) for size in os.environ.get("BENCH_SEARCH_SIZES", "100,1000,10000").split(",")
]
# A word of the hand-written demo: the same few results at every size, so the growth measured
# is that of the index searched, not of the number of results ranked.
SEARCH_URL = "/it/cerca/?q=cottarelli"


def environment(**overrides):
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-secret-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "false",
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "ERROR",
        "CACHE_KEY_PREFIX": "bench",
    }
    env.update(overrides)
    return env


def manage(*args, **env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=environment(**env), check=True)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk through apt")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        check=True,
    )


def fresh_database():
    """The benchmark's own database, emptied first so that growth is measured from zero."""
    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(
        ["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True
    )
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


class Server:
    """gunicorn with the production settings on loopback; two workers, as on two cores."""

    def __init__(self, cached):
        env = environment(
            REDIS_URL=REDIS_URL,
            PAGE_CACHE="on" if cached else "off",
            GUNICORN_BIND=f"127.0.0.1:{PORT}",
            GUNICORN_WORKERS="2",
            GUNICORN_THREADS="4",
            GUNICORN_MAX_REQUESTS="0",
        )
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        self.process = subprocess.Popen([gunicorn, "-c", "gunicorn.conf.py"], cwd=ROOT, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch("/healthz")
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def fetch(path):
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=30) as response:
        return response.read()


def search_seconds():
    """Median of 20 uncached search requests."""
    fetch(SEARCH_URL)
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        fetch(SEARCH_URL)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def page_urls():
    """One URL of each page kind, found in the loaded demo."""
    code = """
from hub.models import *
from reopening.models import ReopeningPage, ReopeningInfoPage
import json
it = {"locale__language_code": "it"}
def url(model):
    return model.objects.live().filter(**it).order_by("pk").first().url
hub = HubIndexPage.objects.live().filter(**it).first()
topic = TopicPage.objects.live().filter(**it).first()
print(json.dumps({
    "home": "/it/",
    "hub index": hub.url,
    "hub filtered": hub.url + "?kind=webinar&topic=" + topic.topic.slug,
    "topic": topic.url,
    "article": url(ArticlePage), "webinar": url(WebinarPage), "course": url(CoursePage),
    "talk": url(TalkPage), "tool": url(ToolPage), "deep dive": url(DeepDivePage),
    "reopening": url(ReopeningPage), "information": url(ReopeningInfoPage),
}))
"""
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    urls = json.loads(result.stdout.strip().splitlines()[-1])
    css = re.search(rb'href="(/static/css/main\.[0-9a-f]+\.css)"', fetch("/it/")).group(1)
    return {**urls, "search": SEARCH_URL, "static file": css.decode()}


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def wrk(path, duration=DURATION, script=None):
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{duration}s",
            "--timeout",
            "5s",
            "--latency",
            *(["-s", str(script)] if script else []),
            f"http://127.0.0.1:{PORT}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    )
    out = result.stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1)),
        "p99_ms": to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


def measure(urls, cached):
    flush_redis()
    server = Server(cached)
    try:
        for path in urls.values():
            fetch(path)  # warm: renditions, the page cache when it is on
        return {kind: wrk(path) for kind, path in urls.items()}
    finally:
        server.stop()


# Every connection asks for the cached pages in turn.
ROTATION = """
paths = {%s}
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""

# Publishes one demo article every PUBLISH_EVERY seconds for DURATION seconds, as an editor
# would during the peak; each publish makes every cached page stale.
PUBLISHER = """
import time
from hub.models import ArticlePage
page = ArticlePage.objects.live().filter(locale__language_code="it").order_by("pk").first()
published, started = 0, time.monotonic()
while time.monotonic() - started < DURATION:
    page.title = page.title.split(" \u00b7 ")[0] + " \u00b7 " + str(published)
    page.save_revision().publish()
    published += 1
    time.sleep(max(0, started + published * EVERY - time.monotonic()))
print(published)
"""


def publish_storm(urls):
    """Cached pages under load, steady and then while an article is published every few
    seconds: with one render per page after each publish, p99 stays near the steady one."""
    pages = [path for kind, path in urls.items() if kind not in ("static file", "search")]
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "rotation.lua"
    script.write_text(ROTATION % ", ".join(json.dumps(path) for path in pages))
    flush_redis()
    server = Server(cached=True)
    try:
        for path in pages:
            fetch(path)
        steady = wrk("/", duration=STORM_DURATION, script=script)
        code = PUBLISHER.replace("DURATION", str(STORM_DURATION)).replace(
            "EVERY", str(PUBLISH_EVERY)
        )
        publisher = subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=environment(REDIS_URL=REDIS_URL),
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)  # the shell's start-up, so the storm covers the whole wrk run
        storm = wrk("/", duration=STORM_DURATION, script=script)
        out, _ = publisher.communicate(timeout=STORM_DURATION + 60)
        storm["publishes"] = int(out.strip().splitlines()[-1])
    finally:
        server.stop()
    return {"steady": steady, "publishing": storm}


def main():
    ensure_wrk()
    fresh_database()
    manage("migrate", "--noinput", "-v", "0")
    manage("collectstatic", "--noinput", "-v", "0")

    growth = []
    for size in [*SEARCH_SIZES, SCALE * KINDS_PER_SCALE]:
        scale = max(1, round(size / KINDS_PER_SCALE))
        started = time.perf_counter()
        manage("load_demo_data", "--scale", str(scale))
        loaded = time.perf_counter() - started
        if size not in SEARCH_SIZES:
            growth.append({"items": scale * KINDS_PER_SCALE, "load_s": round(loaded, 1)})
            continue
        server = Server(cached=False)
        try:
            search = search_seconds()
        finally:
            server.stop()
        growth.append(
            {
                "items": scale * KINDS_PER_SCALE,
                "load_s": round(loaded, 1),
                "search_ms": round(search * 1000, 1),
            }
        )

    server = Server(cached=True)
    try:
        urls = page_urls()
    finally:
        server.stop()
    cached = measure(urls, cached=True)
    uncached = measure(urls, cached=False)
    storm = publish_storm(urls)

    static_rps = cached["static file"]["rps"]
    searches = [row["search_ms"] for row in growth if "search_ms" in row]
    targets = {
        "cached page >= 70% of static": min(
            row["rps"] for kind, row in cached.items() if kind != "static file"
        )
        >= 0.7 * static_rps,
        "uncached >= 100 rps": min(row["rps"] for row in uncached.values()) >= 100,
        "p99 < 250 ms": max(row["p99_ms"] for row in [*cached.values(), *uncached.values()]) < 250,
        "search 10k <= 3x search 100": searches[-1] <= 3 * searches[0],
        "publish storm p99 <= 2x steady": storm["publishing"]["p99_ms"]
        <= 2 * storm["steady"]["p99_ms"],
        "publish storm without errors": storm["publishing"]["non_2xx"]
        + storm["publishing"]["socket_errors"]
        == 0,
    }
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "connections": CONNECTIONS,
        "duration_s": DURATION,
        "workers": 2,
        "pages": {"cached": cached, "uncached": uncached},
        "publish_storm": storm,
        "growth": growth,
        "targets": targets,
    }
    print_table(report)
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {path.relative_to(ROOT)}")


def print_table(report):
    header = f"{'page':<14} {'cache':<9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}"
    print(header)
    print("-" * len(header))
    for mode, rows in report["pages"].items():
        for kind, row in rows.items():
            print(
                f"{kind:<14} {mode:<9} {row['rps']:>9.0f} {row['p50_ms']:>8.1f} "
                f"{row['p99_ms']:>8.1f} {row['non_2xx'] + row['socket_errors']:>8}"
            )
    print()
    every = f"a publish every {PUBLISH_EVERY:g} s"
    for mode, row in report["publish_storm"].items():
        label = f"{every} ({row['publishes']} in all)" if mode == "publishing" else "steady"
        print(
            f"{'cached pages':<14} {mode:<10} {row['rps']:>8.0f} {row['p50_ms']:>8.1f} "
            f"{row['p99_ms']:>8.1f} {row['non_2xx'] + row['socket_errors']:>8}  {label}"
        )
    print()
    for row in report["growth"]:
        search = f", search {row['search_ms']} ms" if "search_ms" in row else ""
        print(f"{row['items']:>6} items per language: loaded in {row['load_s']} s{search}")
    print()
    for target, met in report["targets"].items():
        print(f"{'met' if met else 'NOT met'}: {target}")


if __name__ == "__main__":
    main()
