"""Browser tests: Debian's Chromium driven by Playwright (sync API) against the live server.

One browser per run, a fresh context (cookies, storage, downloads) per test. Every page a
test visits is checked with axe-core through the ``assert_accessible`` fixture.

Without Chromium the tests skip, unless ONTMOET_REQUIRE_BROWSER=1 is set: then they fail, so
that CI never passes by silently skipping them.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from django.templatetags.static import static

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A test waits at most this long for an element or a navigation: the pages are small and local,
# so a failing test fails quickly instead of using up Playwright's 30 s default.
TIMEOUT_MS = 5_000
# How long a test's teardown waits for the live server to finish the requests still in flight.
SERVER_DRAIN_SECONDS = 10

AXE_STATIC_PATH = "vendor/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}


def _chromium() -> str | None:
    if Path(CHROMIUM_PATH).is_file() and os.access(CHROMIUM_PATH, os.X_OK):
        return CHROMIUM_PATH
    return shutil.which("chromium")


def _unavailable(reason: str):
    """Skip, or fail when the environment promises a browser (CI)."""
    if os.environ.get("ONTMOET_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (ONTMOET_REQUIRE_BROWSER=1, so this is an error)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all browser tests (they all live in this package).

    Package scope rather than session scope: pytest closes the browser, and so stops
    Playwright's event loop and restores DJANGO_ALLOW_ASYNC_UNSAFE (below), as soon as the
    browser tests are done, instead of at the very end of a full run. Tests collected after
    this package (and the processes they start, such as `manage.py check --deploy`) then run
    with Django's async-safety guard on again.
    """
    executable = _chromium()
    if executable is None:
        _unavailable("Chromium not found: install it with `apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright not installed: install the dev extras with `make install-dev`")

    # Playwright's sync API runs an asyncio event loop in this (the main) thread and keeps it
    # marked as running between calls, for as long as Playwright is started. Django then takes
    # every ORM call from this thread (the fixtures that create data, the assertions that read
    # it, the database flush after each test) for a call from async code and raises
    # SynchronousOnlyOperation. Those calls are plain synchronous ones: no coroutine ever uses
    # the connection, and the live server answers the browser from its own thread with its own
    # connection. So the guard is switched off, but only while Playwright runs (set here rather
    # than at import time, so that runs which deselect the browser tests keep the guard).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        # Chromium present but failing to start is a broken set-up: an error, never a skip.
        instance = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class RequestsInFlight:
    """The live server's WSGI application, counting the requests it has not finished yet.

    A closed browser context can leave a request running in the server (the favicon Chromium
    asks for after a page loads, a late fetch). Its queries then meet the flush that follows the
    test: on PostgreSQL the TRUNCATE and the request's SELECT each hold a lock the other waits
    for, a deadlock, and the test errors at teardown. So teardown waits until every request has
    been answered. A request counts as finished when its response is closed, which is when
    Django sends request_finished (and touches the database once more).
    """

    def __init__(self, app):
        self.app = app
        self.count = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.count += 1
        try:
            response = self.app(environ, start_response)
        except BaseException:
            self._finished()
            raise
        return _ClosedThen(response, self._finished)

    def _finished(self):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_until_idle(self, seconds: float) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.count == 0, timeout=seconds)


class _ClosedThen:
    """A response's body that calls ``then`` once the server has closed it."""

    def __init__(self, response, then):
        self.response = response
        self.then = then

    def __iter__(self):
        return iter(self.response)

    def close(self):
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.then()


@pytest.fixture(scope="session")
def requests_in_flight(live_server) -> RequestsInFlight:
    server = live_server.thread.httpd
    counter = RequestsInFlight(server.get_app())
    server.set_app(counter)
    return counter


def _new_context(browser, live_server):
    ctx = browser.new_context(
        base_url=live_server.url,
        accept_downloads=True,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
    )
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.set_default_navigation_timeout(TIMEOUT_MS)
    return ctx


@pytest.fixture
def browser_contexts(browser, live_server, requests_in_flight):
    """Opens browser contexts for a test and closes every one of them when it ends, then
    waits for the live server to answer what they asked. A context left open would go on
    asking (the big screen polls every 2 s) while later tests empty the database."""
    opened = []

    def open_context():
        opened.append(_new_context(browser, live_server))
        return opened[-1]

    yield open_context
    for ctx in opened:
        ctx.close()
    requests_in_flight.wait_until_idle(SERVER_DRAIN_SECONDS)


@pytest.fixture
def context(browser_contexts):
    """A fresh browser context per test; relative URLs resolve against the live server.

    live_server makes the database of the test transactional: the data the fixtures create is
    committed, so the server thread sees it.
    """
    return browser_contexts()


@pytest.fixture
def fresh_page(browser_contexts):
    """``fresh_page()``: a page in a context of its own (another phone, another screen)."""
    return lambda: browser_contexts().new_page()


@pytest.fixture
def page(context):
    return context.new_page()


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; its violations of WCAG 2.2 A and AA.

    axe is loaded as a same-origin static file (/static/vendor/axe-core/axe.min.js, served by
    the live server's static handler), which the site's Content-Security-Policy
    ("script-src 'self'") allows, so the page is tested under its real policy; inline
    injection (add_script_tag(content=...)) would be blocked by it.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=static(AXE_STATIC_PATH))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
                summary: v.nodes.length ? v.nodes[0].failureSummary : '',
            }));
        }""",
        AXE_TAGS,
    )


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe: {len(violations)} serious/critical violation(s) on {url}"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for target in v["targets"]:
            lines.append(f"    at {target}")
        if v["summary"]:
            lines.append("    " + v["summary"].replace("\n", "\n    "))
    return "\n".join(lines)


@pytest.fixture
def assert_accessible():
    """``assert_accessible(page)``: no serious or critical axe violation on the page."""

    def check(page):
        blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, format_violations(page.url, blocking)

    return check
