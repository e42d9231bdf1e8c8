"""Real-browser tests: Playwright driving Debian's Chromium against a live server that
serves the demo content. The demo is loaded once for the whole browser suite (it takes
about twenty seconds); the database is put back as the migrations left it afterwards, so
tests that run later see what they expect."""

import io
import mimetypes
import os
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
# Lazy images load only near the viewport: scroll through the page before a full-page shot.
SCROLL_THROUGH = """async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    window.scrollTo(0, 0);
}"""


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium. Missing: skipped with how to install it, or a failure in CI."""
    missing = None
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing = "the playwright package is not installed (pip install -r requirements.txt)"
    if missing is None and not os.access(CHROMIUM, os.X_OK):
        missing = f"{CHROMIUM} not found: install it with `apt-get install chromium`"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"Browser tests need Chromium: {missing}", pytrace=False)
        pytest.skip(f"Browser tests need Chromium: {missing}")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium):
    """Chromium, headless, for one module.

    Playwright's sync API keeps an event loop running in the test thread, so Django's ORM,
    called from that thread for set-up and checks, needs async-unsafe calls allowed; only
    while the browser runs, so that later tests and their subprocesses do not inherit it."""
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        launched = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


def other_tests_use_the_database(session):
    """Whether pytest-django sets up the test database: only when a collected test asks."""
    names = {"db", "transactional_db", "live_server"}
    return any(
        item.get_closest_marker("django_db") or names & set(item.fixturenames)
        for item in session.items
    )


@pytest.fixture(scope="session")
def test_database(request, django_db_setup, django_db_blocker):
    """The test database, created here when only browser tests were collected."""
    if other_tests_use_the_database(request.session):
        yield
        return
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
    yield
    with django_db_blocker.unblock():
        try:
            teardown_databases(config, verbosity=0)
        except Exception as error:
            # As pytest-django does: a server thread may still hold a PostgreSQL session,
            # and the next run recreates the test database anyway.
            request.node.warn(pytest.PytestWarning(f"Test database not dropped: {error!r}"))


@pytest.fixture(scope="session")
def site_server(chromium, test_database, django_db_blocker):
    """pytest-django's live server over the bilingual demo content.

    Not the `live_server` fixture: that one empties the database after every test, and the
    demo is too slow to load for each of them. The database stays open while the server
    runs, for its thread and for the tests' own set-up and checks; afterwards it is put back
    as the migrations left it."""
    from pytest_django.live_server_helper import LiveServer
    from wagtail.models import Page

    with django_db_blocker.unblock():
        if not Page.objects.exists():
            # Transactional tests with serialized_rollback run before these and leave the
            # database empty; put back what the migrations made (root page, locale, site).
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
        snapshot = connection.creation.serialize_db_to_string()
        call_command("load_demo_data", stdout=io.StringIO())
        server = LiveServer("localhost", start=False)
        if server.thread.connections_override:
            server.thread.server_class = OneRequestAtATimeServer
        server.start()
        server._live_server_modified_settings.enable()
        try:
            yield server
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(snapshot)
            cache.clear()


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, calling Django for one request at a time.

    On SQLite the test database lives in memory and every server thread shares its single
    connection; two requests at once (a preview refreshing while the editor publishes, the
    alert banner fetched while a page loads) then interleave on that connection and fail with
    errors such as "another row available". Sockets are still served by threads, so a browser's
    idle keep-alive connections do not hold anyone up."""

    def set_app(self, application):
        lock = threading.Lock()

        def serialized(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(serialized)


def serve_media(route):
    """Uploaded images, which the live server (DEBUG off) does not serve."""
    relative = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?", 1)[0]
    path = Path(settings.MEDIA_ROOT) / relative
    if path.is_file():
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        route.fulfill(status=200, body=path.read_bytes(), content_type=content_type)
    else:
        route.fulfill(status=404, body="")


@pytest.fixture
def new_page(browser, site_server):
    """Opens a page in a fresh browser context (no cookies, no storage) of a given size."""
    contexts = []

    def open_page(viewport=DESKTOP, locale="it-IT"):
        context = browser.new_context(
            base_url=site_server.url, viewport=viewport, locale=locale, accept_downloads=True
        )
        context.set_default_timeout(15_000)
        context.route(f"**{settings.MEDIA_URL}**", serve_media)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def screenshot(page, name):
    """A full-page picture in var/screenshots/ (ignored by git) for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.evaluate(SCROLL_THROUGH)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
