"""Plain HTTP(S) fetching with requests: timeouts, retries, size and redirect caps, proxies, CA bundles, SSRF guard."""

from __future__ import annotations

import hashlib
import os
import random
import threading
import time
import weakref
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
import requests.adapters
import requests.utils

from footprint import __version__
from footprint.fetch.interface import FailureKind, Fetcher, FetchFailure, FetchPolicy, FetchResult, Request
from footprint.fetch.safety import (
    GuardedHTTPConnectionPool,
    GuardedHTTPSConnectionPool,
    PrivateAddressError,
    literal_or_local_refusal,
)
from footprint.model import Page, utcnow

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})
USER_AGENT = f"footprint/{__version__} (online-footprint health check run by the person it is about)"


class _GuardedAdapter(requests.adapters.HTTPAdapter):
    """Direct connections go through pools whose sockets are checked against private addresses."""

    def init_poolmanager(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": GuardedHTTPConnectionPool,
            "https": GuardedHTTPSConnectionPool,
        }


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - utcnow()).total_seconds())


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what it wraps, as requests and urllib3 nest them (args, .reason, cause, context)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        wrapped = [getattr(current, "reason", None), *(current.args[:1] if current.args else ())]
        inner = next((w for w in wrapped if isinstance(w, BaseException)), None)
        current = inner or current.__cause__ or current.__context__


def _root_cause(exc: BaseException) -> BaseException:
    *_, last = _causes(exc)
    return last


def _private_refusal(exc: BaseException) -> str | None:
    return next((str(e) for e in _causes(exc) if isinstance(e, PrivateAddressError)), None)


class HttpFetcher(Fetcher):
    """One requests.Session per worker thread; every redirect hop is checked like the first URL."""

    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__(policy)
        self._local = threading.local()
        # Weak: a session lives as long as its worker thread. Each scan round (and each candidate of an audit) has
        # its own pool of workers, so holding every session ever made would grow without bound.
        self._sessions: weakref.WeakSet[requests.Session] = weakref.WeakSet()
        self._lock = threading.Lock()
        self.verify: bool | str = policy.ca_bundle or os.environ.get("SSL_CERT_FILE") or True
        if policy.ca_bundle and not os.path.isfile(policy.ca_bundle):
            raise FileNotFoundError(f"CA bundle not found: {policy.ca_bundle}")

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = True
            if not self.policy.allow_private:
                session.mount("http://", _GuardedAdapter())
                session.mount("https://", _GuardedAdapter())
            session.headers.update(
                {
                    "User-Agent": self.policy.user_agent or USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
                    "Accept-Language": "en-GB,en;q=0.8",
                }
            )
            session.headers.update(dict(self.policy.extra_headers))
            self._local.session = session
            with self._lock:
                self._sessions.add(session)
        return session

    def close(self) -> None:
        with self._lock:
            for session in list(self._sessions):
                session.close()
            self._sessions.clear()

    def proxies_for(self, url: str) -> dict[str, str]:
        """The proxy this URL goes through: --proxy first, then the standard *_PROXY / NO_PROXY variables."""
        if self.policy.proxy:
            return {"http": self.policy.proxy, "https": self.policy.proxy}
        return requests.utils.get_environ_proxies(url)

    def refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return f"only http and https URLs are fetched, not '{parts.scheme}:'"
        if self.policy.allow_private:
            return None
        return literal_or_local_refusal(parts.hostname or "")

    def fetch(self, request: Request, cancel: threading.Event | None = None) -> FetchResult:
        policy = self.policy
        deadline = time.monotonic() + policy.deadline
        url = request.url
        redirects: list[str] = []
        seen = {url}
        attempt = 0
        session = self._session()
        headers = dict(request.headers)
        origin = urlsplit(url).hostname
        while True:
            if cancel is not None and cancel.is_set():
                return FetchFailure(request.url, FailureKind.INTERRUPTED, "the scan was interrupted")
            refusal = self.refusal(url)
            if refusal:
                return FetchFailure(request.url, FailureKind.REFUSED, f"refused: {refusal}")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return FetchFailure(request.url, FailureKind.TIMEOUT, f"timed out after {policy.deadline:g}s")
            started = time.monotonic()
            try:
                response = session.get(
                    url,
                    headers=headers,
                    timeout=(min(policy.connect_timeout, remaining), min(policy.read_timeout, remaining)),
                    allow_redirects=False,
                    stream=True,
                    verify=self.verify,
                    proxies=self.proxies_for(url),
                )
            except requests.exceptions.RequestException as exc:
                failure = self._failure(request.url, url, exc)
                if failure.kind in (FailureKind.CONNECTION, FailureKind.TIMEOUT) and attempt < policy.retries:
                    attempt += 1
                    if self._sleep(self._backoff(attempt), deadline, cancel):
                        continue
                return failure
            try:
                body, truncated, read_failure = self._read_body(response, request.url, deadline, cancel)
            finally:
                response.close()
            if read_failure is not None:
                return read_failure
            status = response.status_code
            if status in RETRY_STATUSES and attempt < policy.retries:
                wait = _retry_after(response.headers.get("Retry-After"))
                if wait is None:
                    wait = self._backoff(attempt + 1)
                if wait <= policy.max_retry_after:
                    attempt += 1
                    if self._sleep(wait, deadline, cancel):
                        continue
            location = response.headers.get("Location")
            if status in (301, 302, 303, 307, 308) and location:
                target = urljoin(url, location)
                redirects.append(target)
                if target in seen:
                    return FetchFailure(request.url, FailureKind.REDIRECTS, f"redirect loop at {target}")
                if len(redirects) > policy.max_redirects:
                    return FetchFailure(
                        request.url, FailureKind.REDIRECTS, f"more than {policy.max_redirects} redirects"
                    )
                seen.add(target)
                if urlsplit(target).hostname != origin:
                    # An API key goes to the host it was meant for, never to wherever that host redirects.
                    headers = {k: v for k, v in headers.items() if k.lower() not in SECRET_HEADERS}
                url = target
                attempt = 0
                continue
            return Page(
                url=request.url,
                final_url=url,
                status=status,
                headers=tuple((k, v) for k, v in response.headers.items()),
                body=body,
                fetched_at=utcnow(),
                sha256=hashlib.sha256(body).hexdigest(),
                elapsed=time.monotonic() - started,
                redirects=tuple(redirects),
                truncated=truncated,
            )

    def _backoff(self, attempt: int) -> float:
        return self.policy.backoff * (2 ** (attempt - 1)) * (1 + random.random() / 2)

    @staticmethod
    def _sleep(seconds: float, deadline: float, cancel: threading.Event | None) -> bool:
        """Sleep unless that would pass the deadline; False means give up now."""
        if time.monotonic() + seconds >= deadline:
            return False
        if cancel is not None:
            return not cancel.wait(seconds)
        time.sleep(seconds)
        return True

    def _read_body(
        self, response: requests.Response, url: str, deadline: float, cancel: threading.Event | None
    ) -> tuple[bytes, bool, FetchFailure | None]:
        limit = self.policy.max_bytes
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(chunk_size=8192):
                if cancel is not None and cancel.is_set():
                    return b"", False, FetchFailure(url, FailureKind.INTERRUPTED, "the scan was interrupted")
                if time.monotonic() > deadline:
                    return (
                        b"",
                        False,
                        FetchFailure(
                            url,
                            FailureKind.TIMEOUT,
                            f"timed out reading the page after {self.policy.deadline:g}s",
                        ),
                    )
                chunks.append(chunk)
                size += len(chunk)
                if size >= limit:
                    return b"".join(chunks)[:limit], True, None
        except requests.exceptions.RequestException as exc:
            return b"", False, self._failure(url, url, exc)
        return b"".join(chunks), False, None

    def _failure(self, original: str, url: str, exc: requests.exceptions.RequestException) -> FetchFailure:
        host = urlsplit(url).hostname or url
        refusal = _private_refusal(exc)
        if refusal:
            return FetchFailure(original, FailureKind.REFUSED, refusal)
        if isinstance(exc, requests.exceptions.ProxyError):
            return FetchFailure(
                original, FailureKind.PROXY, f"the proxy failed for {host}: {_root_cause(exc)}"
            )
        if isinstance(exc, requests.exceptions.SSLError):
            return FetchFailure(
                original,
                FailureKind.TLS,
                f"TLS certificate check failed for {host} (behind an intercepting proxy? pass its CA with "
                f"--ca-bundle): {_root_cause(exc)}",
            )
        if isinstance(exc, requests.exceptions.Timeout):
            return FetchFailure(original, FailureKind.TIMEOUT, f"{host} did not answer in time")
        if isinstance(exc, requests.exceptions.ConnectionError):
            cause = _root_cause(exc)
            if "Name or service not known" in str(cause) or "NameResolution" in type(cause).__name__:
                return FetchFailure(
                    original, FailureKind.CONNECTION, f"{host}: no such host (DNS lookup failed)"
                )
            return FetchFailure(original, FailureKind.CONNECTION, f"could not connect to {host}: {cause}")
        return FetchFailure(original, FailureKind.INVALID, f"{host}: {exc}")
