"""Pages that only exist after JavaScript: the system Chromium, driven by Playwright, with every request it makes
fetched by the plain HTTP fetcher. The browser opens no connection of its own, so proxy, CA bundle, private-address
guard, timeouts and size limits are exactly those of a plain fetch."""

from __future__ import annotations

import contextlib
import hashlib
import os
import queue
import shutil
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FailureKind, Fetcher, FetchFailure, FetchPolicy, FetchResult, Request
from footprint.model import Page, utcnow

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-features=NetworkPrediction,OptimizationHints,MediaRouter",
)
# Anything the routing below does not catch goes to this dead proxy and fails, rather than reaching the network.
DEAD_PROXY = "http://127.0.0.1:9"
SKIPPED_RESOURCES = frozenset({"image", "media", "font", "stylesheet"})
MAX_SCREENSHOT_HEIGHT = 8000  # taller pages are captured as the first screenful
_HOP_HEADERS = frozenset({"content-length", "content-encoding", "transfer-encoding", "connection"})


def find_browser(explicit: str | None = None) -> str | None:
    """The Chromium to drive: --browser, then FOOTPRINT_BROWSER, then chromium on PATH."""
    for candidate in (explicit, os.environ.get("FOOTPRINT_BROWSER")):
        if candidate:
            return candidate if os.path.isfile(candidate) and os.access(candidate, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass(frozen=True)
class _Job:
    request: Request
    future: Future[Any]  # a FetchResult, or the PNG bytes of a screenshot
    screenshot: bool = False


class BrowserFetcher(Fetcher):
    """One browser, owned by one thread (Playwright's sync API is single-threaded); pages render one at a time."""

    def __init__(self, policy: FetchPolicy, executable: str, http: HttpFetcher | None = None) -> None:
        super().__init__(policy)
        self.executable = executable
        self.http = http or HttpFetcher(policy)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start_error: str | None = None
        self._lock = threading.Lock()

    def fetch(self, request: Request, cancel: threading.Event | None = None) -> FetchResult:
        refusal = self.http.refusal(request.url)
        if refusal:
            return FetchFailure(request.url, FailureKind.REFUSED, f"refused: {refusal}")
        self._ensure_started()
        future: Future[FetchResult] = Future()
        self._jobs.put(_Job(request, future))
        deadline = time.monotonic() + self.policy.deadline * 2 + 30
        while time.monotonic() < deadline:
            try:
                return future.result(timeout=0.2)
            except TimeoutError:
                if cancel is not None and cancel.is_set():
                    return FetchFailure(request.url, FailureKind.INTERRUPTED, "the scan was interrupted")
        return FetchFailure(request.url, FailureKind.TIMEOUT, "the browser did not finish the page in time")

    def screenshot(self, url: str, cancel: threading.Event | None = None) -> bytes | FetchFailure:
        """A PNG of the page as a person sees it (images and styles included, each fetched by the HTTP fetcher):
        evidence beside the saved page."""
        refusal = self.http.refusal(url)
        if refusal:
            return FetchFailure(url, FailureKind.REFUSED, f"refused: {refusal}")
        self._ensure_started()
        future: Future[Any] = Future()
        self._jobs.put(_Job(Request(url), future, screenshot=True))
        try:
            result = future.result(timeout=self.policy.deadline * 2 + 30)
        except TimeoutError:
            return FetchFailure(url, FailureKind.TIMEOUT, "the browser did not finish the page in time")
        return (
            result
            if isinstance(result, (bytes, FetchFailure))
            else FetchFailure(url, FailureKind.CONNECTION, "no screenshot")
        )

    def close(self) -> None:
        with self._lock:
            if self._thread is not None:
                self._jobs.put(None)
                self._thread.join(timeout=30)
                self._thread = None
        self.http.close()

    def _ensure_started(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="browser", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as exc:  # pragma: no cover - playwright is a declared dependency
            self._drain(f"Playwright is not installed ({exc})")
            return
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=self.executable,
                    headless=True,
                    args=list(CHROMIUM_ARGS),
                    proxy={"server": DEAD_PROXY},
                    timeout=30_000,
                )
                try:
                    while True:
                        job = self._jobs.get()
                        if job is None:
                            break
                        job.future.set_result(self._render(browser, job.request, job.screenshot))
                finally:
                    browser.close()
        except Exception as exc:  # the browser failing to start must not stop the scan
            self._drain(f"the browser at {self.executable} could not be started: {str(exc).splitlines()[0]}")

    def _drain(self, reason: str) -> None:
        self._start_error = reason
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job.future.set_result(FetchFailure(job.request.url, FailureKind.CONNECTION, reason))

    def _render(self, browser: Any, request: Request, screenshot: bool = False) -> Any:
        from playwright.sync_api import Error as PlaywrightError

        started = time.monotonic()
        main: dict[str, Any] = {}
        context = browser.new_context(
            user_agent=self.http.policy.user_agent or None,
            service_workers="block",
            java_script_enabled=True,
            accept_downloads=False,
        )
        context.set_extra_http_headers(dict(request.headers))
        page = context.new_page()
        page.set_default_timeout(self.policy.read_timeout * 1000)

        def route(route: Any) -> None:
            req = route.request
            skipped = SKIPPED_RESOURCES if not screenshot else frozenset({"media"})
            if req.resource_type in skipped or req.method not in ("GET", "HEAD"):
                route.abort()
                return
            headers = tuple((k, v) for k, v in req.headers.items() if k.lower() not in ("user-agent",))
            result = self.http.fetch(Request(req.url, headers))
            if isinstance(result, FetchFailure):
                if req.is_navigation_request() and req.frame == page.main_frame and "failure" not in main:
                    main["failure"] = result
                route.abort()
                return
            if req.is_navigation_request() and req.frame == page.main_frame and "page" not in main:
                main["page"] = result
            route.fulfill(
                status=result.status,
                headers={k: v for k, v in result.headers if k.lower() not in _HOP_HEADERS},
                body=result.body,
            )

        page.route("**/*", route)
        try:
            page.goto(request.url, wait_until="load", timeout=self.policy.deadline * 1000)
            if not screenshot:  # a screenshot shows the page as loaded; a read waits for late content
                with contextlib.suppress(PlaywrightError):  # a page that keeps polling is read as it stands
                    page.wait_for_load_state(
                        "networkidle", timeout=min(5_000, self.policy.read_timeout * 1000)
                    )
            if screenshot:
                height = page.evaluate("document.documentElement.scrollHeight") or 0
                return page.screenshot(full_page=height <= MAX_SCREENSHOT_HEIGHT, type="png")
            html = page.content()
        except PlaywrightError as exc:
            if "failure" in main:
                return main["failure"]  # type: ignore[no-any-return]
            first = str(exc).splitlines()[0]
            return FetchFailure(
                request.url, FailureKind.CONNECTION, f"the browser could not load the page: {first}"
            )
        finally:
            context.close()
        if "failure" in main:
            return main["failure"]  # type: ignore[no-any-return]
        fetched: Page | None = main.get("page")
        body = html.encode("utf-8")
        truncated = len(body) > self.policy.max_bytes
        body = body[: self.policy.max_bytes]
        return Page(
            url=request.url,
            final_url=fetched.final_url if fetched else request.url,
            status=fetched.status if fetched else 200,
            headers=(("Content-Type", "text/html; charset=utf-8"), ("X-Footprint-Rendered", "chromium")),
            body=body,
            fetched_at=utcnow(),
            sha256=hashlib.sha256(body).hexdigest(),
            elapsed=time.monotonic() - started,
            redirects=fetched.redirects if fetched else (),
            truncated=truncated or bool(fetched and fetched.truncated),
        )


class RoutingFetcher(Fetcher):
    """Plain HTTP for most requests; the browser for those marked `render`, when there is one."""

    def __init__(self, policy: FetchPolicy, http: HttpFetcher, browser: BrowserFetcher | None) -> None:
        super().__init__(policy)
        self.http = http
        self.browser = browser

    def fetch(self, request: Request, cancel: threading.Event | None = None) -> FetchResult:
        if request.render and self.browser is not None:
            return self.browser.fetch(request, cancel)
        return self.http.fetch(request, cancel)

    def close(self) -> None:
        if self.browser is not None:
            self.browser.close()
        self.http.close()
