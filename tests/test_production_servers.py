"""Real gunicorn servers on loopback, with the production settings: two of them share one
PostgreSQL and one Redis, and the site survives a lost database, a lost Redis and a killed
worker. These run where PostgreSQL and Redis are reachable (always in CI) and skip elsewhere."""

import glob
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from .factories import StandardPageFactory

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def unavailable(reason):
    """Skip on a developer's machine; in CI these services are part of the contract."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def redis_is_up():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=0.5).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def postgresql(db):
    """The URL of the test database, for servers in other processes."""
    database = connection.settings_dict
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    user = database["USER"] or "postgres"
    return f"postgres://{user}@{host}:{port}/{database['NAME']}"


@pytest.fixture
def redis_url():
    if not redis_is_up():
        unavailable(f"needs Redis at {REDIS_URL}")
    return REDIS_URL


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, path, method="GET", body=None, headers=None, timeout=10):
    """(status, headers, body) of one request to 127.0.0.1:port, redirects not followed.

    Every server is asked for the same host name, as a load balancer in front of them would."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Host": "localhost", **(headers or {})})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    env = production_env(STATIC_ROOT=str(root))
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    return root


def production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in ("REDIS_URL", "DATABASE_URL", "PYTEST_CURRENT_TEST", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="production-test-secret-" + "x" * 40,
        SECURE_SSL_REDIRECT="false",
        GUNICORN_ACCESS_LOG="",
        LOG_LEVEL="CRITICAL",
        CACHE_KEY_PREFIX=f"test-production-{os.getpid()}",
    )
    env.update(overrides)
    return env


class Server:
    def __init__(self, static_root, workers=1, **env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=production_env(
                STATIC_ROOT=str(static_root),
                GUNICORN_BIND=f"127.0.0.1:{self.port}",
                GUNICORN_WORKERS=str(workers),
                GUNICORN_THREADS="4",
                **env,
            ),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                request(self.port, "/healthz", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def workers(self):
        result = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in result.stdout.split()]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def servers(collected_static):
    started = []

    def start(**env):
        server = Server(collected_static, **env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
    if redis_is_up():
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"test-production-{os.getpid()}:*"):
            client.delete(key)


def title(body):
    return BeautifulSoup(body, "html.parser").select_one("h1").get_text(strip=True)


class Editor:
    """An editor's browser: cookies kept by hand, since the production cookies are Secure and
    these servers speak plain HTTP on loopback."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def call(self, path, method="GET", data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode({**data, "csrfmiddlewaretoken": self.cookies["csrftoken"]})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, response_headers, content = request(self.port, path, method, body, headers)
        for header in response_headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return status, response_headers, content

    def log_in(self, username, password):
        self.call("/admin/login/")
        status, _, _ = self.call(
            "/admin/login/", "POST", {"username": username, "password": password}
        )
        assert status == 302


@pytest.fixture
def editor_account(admin_user):
    """The admin with a password hash the production settings can check (tests hash with MD5)."""
    admin_user.password = PBKDF2PasswordHasher().encode("password", "productiontestsalt")
    admin_user.save(update_fields=["password"])
    return admin_user


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
