"""The shared cache failing in every way it can — refusing connections, hung, flushed,
restarted — against a redis-server of the test's own on its own port: pages, the admin and
publishing keep answering, never with a 500, and a hung Redis costs a page one short
timeout per few seconds."""

import os
import shutil
import signal
import subprocess
import threading
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from home.serving.fragments import cached_many
from home.serving.redis_client import breaker

from .conftest import parse
from .servers import Editor, free_port, request


class OwnRedis:
    """A redis-server process of this test's own, which it may stop, hang and flush."""

    def __init__(self):
        binary = shutil.which("redis-server")
        if binary is None:
            if os.environ.get("CI"):
                pytest.fail("needs redis-server")
            pytest.skip("needs redis-server")
        self.binary = binary
        self.port = free_port()
        self.process = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=1)

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except Exception:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        """Connections are refused from now on."""
        self.process.send_signal(signal.SIGCONT)
        self.process.terminate()
        self.process.wait(timeout=10)

    def hang(self):
        """The socket stays open and the kernel accepts connections; nothing answers."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def flush(self):
        self.client().flushall()

    def restart(self):
        self.stop()
        self.start()


@pytest.fixture
def own_redis():
    server = OwnRedis()
    yield server
    server.stop()


def redis_caches(url):
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "faults",
            "OPTIONS": {
                "CLIENT_CLASS": "home.serving.redis_client.BreakerClient",
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 0)},
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }


@pytest.fixture
def redis_cache(own_redis):
    """The default cache in `own_redis`, with a breaker starting closed."""
    breaker.reset()
    with override_settings(CACHES=redis_caches(own_redis.url), CACHE_BREAKER_SECONDS=0.5):
        yield own_redis
    breaker.reset()


def test_a_failed_read_is_a_miss_and_shares_nothing(redis_cache):
    redis_cache.stop()
    built = cached_many("probe", [("a",), ("b",)], lambda positions: ["<p>A</p>", "<p>B</p>"])
    assert built == ["<p>A</p>", "<p>B</p>"]
    # What the client answered for the failed read is not what this code built.
    assert cache.get_many(["unrelated:rendition"]) == {}


def test_a_hung_cache_costs_one_timeout_then_is_skipped(redis_cache):
    cache.set("probe", "value")
    redis_cache.hang()
    started = time.monotonic()
    for _ in range(20):
        assert cache.get("probe") is None
    elapsed = time.monotonic() - started
    # Without the breaker: 20 calls of 0.25 s. With it: the first call's timeout only.
    assert elapsed < 1.0, elapsed
    redis_cache.resume()
    time.sleep(settings.CACHE_BREAKER_SECONDS + 0.1)
    assert cache.get("probe") == "value"


@pytest.mark.django_db
def test_pages_with_images_and_the_admin_answer_through_every_fault(
    client, redis_cache, demo, admin_user
):
    """The home page (cards with images), a listing, an article with its image and the
    admin's page editor, in each state of the cache."""
    from hub.models import ArticlePage

    article = ArticlePage.objects.live().filter(locale__language_code="it").first()
    urls = ["/it/", "/en/", article.url, article.get_parent().url + "?kind=webinar"]
    states = [
        ("up", lambda: None),
        ("refused", redis_cache.stop),
        ("restarted", redis_cache.start),
        ("flushed", redis_cache.flush),
        ("hung", redis_cache.hang),
        ("resumed", redis_cache.resume),
    ]
    with override_settings(PAGE_CACHE_ENABLED=True):
        for state, change in states:
            change()
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, (state, url)
                assert parse(response).select("main img") or url.endswith("?kind=webinar")
            client.force_login(admin_user)
            assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200, state
            client.logout()


def load(urls, stop, results, port):
    while not stop.is_set():
        for url in urls:
            started = time.monotonic()
            try:
                status = request(port, url, timeout=10)[0]
            except OSError as error:
                status = type(error).__name__
            results.append((status, time.monotonic() - started))


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL (set DATABASE_URL=postgres://...)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_under_load_a_failing_redis_never_gives_a_500_and_a_hung_one_stays_fast(
    own_redis, servers, demo, editor_account, postgresql
):
    from hub.models import ArticlePage

    server = servers(DATABASE_URL=postgresql, REDIS_URL=own_redis.url, workers=2)
    article = ArticlePage.objects.live().filter(locale__language_code="it").first()
    urls = [
        "/it/",
        "/en/",
        article.url,
        article.get_parent().url + "?kind=webinar",
        "/it/cerca/?q=smart",
    ]
    phases = [
        ("up", lambda: None),
        ("refused", own_redis.stop),
        ("restarted", own_redis.start),
        ("hung", own_redis.hang),
        ("resumed", own_redis.resume),
        ("flushed", own_redis.flush),
    ]
    failures, slow_while_hung = [], []
    editor = Editor(server.port)
    for phase, change in phases:
        change()
        stop, results = threading.Event(), []
        clients = [
            threading.Thread(target=load, args=(urls, stop, results, server.port)) for _ in range(2)
        ]
        for thread in clients:
            thread.start()
        # The editor's day goes on meanwhile: log in, open the editor, publish.
        editor.cookies.clear()
        editor.log_in("admin", "password")
        status, _, _ = editor.call(f"/admin/pages/{article.pk}/edit/")
        failures += [(phase, "editor", status)] if status != 200 else []
        status, _, _ = editor.call(
            f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}&next=/admin/", "POST", {}
        )
        failures += [(phase, "publish", status)] if status != 302 else []
        time.sleep(3)
        stop.set()
        for thread in clients:
            thread.join()
        failures += [(phase, status) for status, _ in results if status != 200]
        if phase == "hung":
            slow_while_hung = [round(elapsed, 2) for _, elapsed in results if elapsed >= 1.0]
        assert len(results) > 5, phase
    assert failures == []
    assert slow_while_hung == []
