"""Real gunicorn servers on loopback, with the production settings: two of them share one
PostgreSQL and one Redis, and the site survives a lost database, a lost Redis and a killed
worker. These run where PostgreSQL and Redis are reachable (always in CI) and skip elsewhere."""

import glob
import http.client
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import image_urls
from .factories import StandardPageFactory
from .servers import Editor, free_port, request, title, unavailable

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_servers_share_the_cache_and_its_invalidation(
    postgresql, redis_url, servers, home_pages, editor_account
):
    page = StandardPageFactory(parent=home_pages["it"], title="Versione uno", slug="condivisa")
    first = servers(DATABASE_URL=postgresql, REDIS_URL=redis_url)
    second = servers(DATABASE_URL=postgresql, REDIS_URL=redis_url)

    status, headers, body = request(second.port, "/it/condivisa/")
    assert (status, headers["X-Cache"], title(body)) == (200, "miss", "Versione uno")
    # The first server is served from what the second one cached: the cache is shared.
    status, headers, body = request(first.port, "/it/condivisa/")
    assert (status, headers["X-Cache"], title(body)) == (200, "hit", "Versione uno")

    page.title = "Versione due"
    page.save_revision()
    editor = Editor(first.port)
    editor.log_in("admin", "password")
    status, _, _ = editor.call(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/", "POST", {}
    )
    assert status == 302

    status, headers, body = request(second.port, "/it/condivisa/")
    assert (status, headers["X-Cache"], title(body)) == (200, "miss", "Versione due")


def test_pages_and_publishing_survive_a_redis_outage(
    postgresql, servers, home_pages, editor_account
):
    page = StandardPageFactory(parent=home_pages["it"], title="Senza Redis", slug="senza-redis")
    # Nothing listens on port 9 (discard) on loopback: every cache call fails at once.
    server = servers(DATABASE_URL=postgresql, REDIS_URL="redis://127.0.0.1:9/0")
    status, _, body = request(server.port, "/it/senza-redis/")
    assert (status, title(body)) == (200, "Senza Redis")
    status, _, body = request(server.port, "/healthz")
    assert status == 200
    assert b'"cache": "unavailable"' in body

    page.title = "Pubblicata senza Redis"
    page.save_revision()
    editor = Editor(server.port)
    editor.log_in("admin", "password")
    status, _, _ = editor.call(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/", "POST", {}
    )
    assert status == 302
    status, _, body = request(server.port, "/it/senza-redis/")
    assert (status, title(body)) == (200, "Pubblicata senza Redis")


def hammer(port, path, stop, results):
    while not stop.is_set():
        try:
            status, _, _ = request(port, path, timeout=10)
            results.append(status)
        except (OSError, http.client.HTTPException) as error:
            results.append(type(error).__name__)


def test_a_killed_worker_loses_only_its_own_requests(postgresql, servers, home_pages):
    server = servers(DATABASE_URL=postgresql, PAGE_CACHE="off", workers=2)
    stop, results = threading.Event(), []
    clients = [
        threading.Thread(target=hammer, args=(server.port, "/it/", stop, results)) for _ in range(4)
    ]
    for client in clients:
        client.start()
    time.sleep(1.5)
    os.kill(server.workers()[0], signal.SIGKILL)
    time.sleep(3)
    stop.set()
    for client in clients:
        client.join()

    failures = [result for result in results if result != 200]
    assert results.count(200) > 20
    # At most what the killed worker held: one request per connection, four connections.
    assert len(failures) <= 4, failures
    # gunicorn has replaced the worker.
    assert len(server.workers()) == 2
    assert request(server.port, "/it/")[0] == 200


@pytest.fixture
def throwaway_postgresql(postgresql):
    """A PostgreSQL cluster of this test's own, holding a copy of the test database, so the
    server everyone else uses is never stopped."""
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        unavailable("needs PostgreSQL server binaries (initdb, pg_ctl)")
    bindir = Path(bins[-1])
    datadir = Path(tempfile.mkdtemp(prefix="mip-outage-"))
    datadir.chmod(0o755)
    as_postgres = []
    if os.geteuid() == 0:
        shutil.chown(datadir, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    pg_ctl = [*as_postgres, str(bindir / "pg_ctl"), "-D", str(datadir / "data"), "-w"]
    options = f"-p {port} -k {datadir} -c listen_addresses=127.0.0.1 -c fsync=off"

    def run(*args, **kwargs):
        return subprocess.run(args, check=True, capture_output=True, timeout=120, **kwargs)

    run(
        *as_postgres,
        str(bindir / "initdb"),
        "-D",
        str(datadir / "data"),
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
    )
    start = [*pg_ctl, "-o", options, "-l", str(datadir / "log"), "start"]
    run(*start)
    try:
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "mip")
        dump = run(str(bindir / "pg_dump"), "--no-owner", postgresql).stdout
        run(
            str(bindir / "psql"),
            "-q",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "mip",
            input=dump,
        )
        yield {
            "url": f"postgres://postgres@127.0.0.1:{port}/mip",
            "stop": lambda: run(*pg_ctl, "-m", "fast", "stop"),
            "start": lambda: run(*start),
        }
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(datadir, ignore_errors=True)


def test_database_outage_is_a_503_and_recovers_without_restart(
    throwaway_postgresql, servers, home_pages
):
    server = servers(DATABASE_URL=throwaway_postgresql["url"], PAGE_CACHE="off")
    assert request(server.port, "/it/")[0] == 200

    stop, results = threading.Event(), []
    clients = [
        threading.Thread(target=hammer, args=(server.port, "/it/", stop, results)) for _ in range(4)
    ]
    for client in clients:
        client.start()
    try:
        throwaway_postgresql["stop"]()
        time.sleep(1)
        status, headers, body = request(server.port, "/it/")
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "Torniamo subito" in body.decode() and "We will be right back" in body.decode()
        assert request(server.port, "/healthz")[0] == 503

        throwaway_postgresql["start"]()
        deadline = time.monotonic() + 10
        while request(server.port, "/it/")[0] != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert request(server.port, "/it/")[0] == 200
        assert request(server.port, "/healthz")[0] == 200
    finally:
        stop.set()
        for client in clients:
            client.join()
    # Under load, every visitor got the page or the maintenance page: never a 500.
    assert set(results) <= {200, 503}, set(results)
    assert 503 in results


def test_every_image_of_the_demo_answers_under_the_production_server(postgresql, servers):
    """What `make serve` serves: every page of the sitemap, every image they name (img,
    srcset, og:image, JSON-LD), nothing missing; originals stay private."""
    import io
    import re
    import xml.etree.ElementTree as ET
    from urllib.parse import urlsplit

    from bs4 import BeautifulSoup
    from django.core.management import call_command

    call_command("load_demo_data", stdout=io.StringIO())
    server = servers(DATABASE_URL=postgresql)
    status, _headers, body = request(server.port, "/sitemap.xml")
    assert status == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    pages = [
        urlsplit(loc.text).path for loc in ET.fromstring(body).findall("s:url/s:loc", namespace)
    ]
    images = set()
    for path in pages:
        status, _headers, body = request(server.port, path)
        assert status == 200, path
        images |= image_urls(BeautifulSoup(body, "html.parser"))
        images.update(re.findall(r'"(https?://[^"]+\.(?:jpg|png|webp|avif))"', body.decode()))
    local = {urlsplit(url).path for url in images if urlsplit(url).path.startswith("/media/")}
    assert len(local) > 20
    missing = [path for path in sorted(local) if request(server.port, path)[0] != 200]
    assert missing == []
    status, headers, _body = request(server.port, sorted(local)[0])
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    originals = Path(settings.MEDIA_ROOT) / "original_images"
    original = next(originals.iterdir()).name
    assert request(server.port, f"/media/original_images/{original}")[0] == 404


def test_the_same_pages_work_from_s3_storage_without_local_files(
    scratch_database, servers, tmp_path
):
    """Media on S3-compatible storage (a moto server of the test's own on loopback): the
    demo is loaded into the bucket, the production server has no media folder, and every
    image a page names answers from the bucket."""
    import json
    import urllib.error
    import urllib.request
    from urllib.parse import urlsplit

    import boto3
    from bs4 import BeautifulSoup
    from moto.server import ThreadedMotoServer

    from .servers import production_env

    port = free_port()
    s3 = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    s3.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        storage = {
            "AWS_STORAGE_BUCKET_NAME": "mip-media",
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        )
        client.create_bucket(Bucket="mip-media")
        # As README says: renditions public, originals and documents private.
        public_renditions = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::mip-media/images/*",
                }
            ],
        }
        client.put_bucket_policy(Bucket="mip-media", Policy=json.dumps(public_renditions))
        database, no_media = scratch_database(), tmp_path / "no-media"
        loader = production_env(DATABASE_URL=database, MEDIA_ROOT=str(no_media), **storage)
        for command in (["migrate", "--noinput"], ["load_demo_data"]):
            subprocess_run(command, loader)
        server = servers(DATABASE_URL=database, MEDIA_ROOT=str(no_media), **storage)
        images = set()
        for path in ("/it/", "/en/", "/en/keeponlearning/smart-working-five-habits/"):
            status, _headers, body = request(server.port, path)
            assert status == 200, path
            images |= image_urls(BeautifulSoup(body, "html.parser"))
        assert images and all(url.startswith(f"{endpoint}/mip-media/") for url in images)
        for url in sorted(images):
            with urllib.request.urlopen(url, timeout=10) as answer:
                assert answer.status == 200, url
                assert answer.read(2) in (b"\xff\xd8", b"\x89P", b"RI", b"\x00\x00")
        assert not no_media.exists()
        original = next(
            obj["Key"]
            for obj in client.list_objects(Bucket="mip-media")["Contents"]
            if obj["Key"].startswith("original_images/")
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{endpoint}/mip-media/{original}", timeout=10)
        assert refused.value.code == 403
        assert urlsplit(sorted(images)[0]).hostname == "127.0.0.1"
    finally:
        s3.stop()


def subprocess_run(command, environment):
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
