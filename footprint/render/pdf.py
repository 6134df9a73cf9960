"""The HTML report printed to PDF by the system Chromium (Playwright), with the network cut off: the report is
self-contained, so nothing may load while it prints."""

from __future__ import annotations

from footprint.fetch.browser import CHROMIUM_ARGS


class PdfError(Exception):
    pass


def render(html: str, executable: str, timeout_s: float = 30.0) -> bytes:
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a dependency
        raise PdfError(f"Playwright is not installed ({exc})") from None
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS), headless=True)
            try:
                context = browser.new_context(java_script_enabled=False, offline=True)
                page = context.new_page()
                page.route("**/*", lambda route: route.abort())
                page.set_content(html, wait_until="load", timeout=timeout_s * 1000)
                return page.pdf(
                    format="A4",
                    print_background=True,
                    margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"},
                )
            finally:
                browser.close()
    except PlaywrightError as exc:
        raise PdfError(str(exc).splitlines()[0][:300]) from None
