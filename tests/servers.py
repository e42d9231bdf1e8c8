"""Real servers on loopback for the production tests: gunicorn with the production
settings, an editor's browser that keeps its cookies by hand, and the fixtures that start
them (registered for every test module in conftest.py)."""

import http.client
import os
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


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
                **{
                    "STATIC_ROOT": str(static_root),
                    # The test's own uploads: the images the demo fixture made.
                    "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                    "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                    "GUNICORN_WORKERS": str(workers),
                    "GUNICORN_THREADS": "4",
                    **env,
                }
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


@pytest.fixture
def scratch_database(db):
    """The URL of a new, empty PostgreSQL database on the test server, dropped afterwards:
    for commands that need a whole database of their own (migrations, restores)."""
    import uuid

    import psycopg2

    settings_dict = connection.settings_dict
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    user = settings_dict["USER"] or "postgres"
    made = []
    admin = psycopg2.connect(host=host, port=port, user=user, dbname="postgres")
    admin.autocommit = True

    def make():
        name = f"mip_scratch_{uuid.uuid4().hex[:8]}"
        admin.cursor().execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"postgres://{user}@{host}:{port}/{name}"

    yield make
    for name in made:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def manage(database_url, media_root, *args, check=True):
    """`manage.py` in a process of its own on `database_url`, with its own media folder."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "MEDIA_ROOT": str(media_root),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}"
    return result
