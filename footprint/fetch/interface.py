"""The fetcher seam: one abstract method to fetch a URL, and a batch method that owns all concurrency."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Generator, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from footprint.model import Page


class FailureKind:
    """Why a fetch produced no page. Plain strings so they store and print as they are."""

    TIMEOUT = "timeout"
    CONNECTION = "connection"
    TLS = "tls"
    PROXY = "proxy"
    REFUSED = "refused"  # the safety policy would not fetch it
    REDIRECTS = "redirects"
    INVALID = "invalid"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class FetchFailure:
    url: str
    kind: str
    reason: str


@dataclass(frozen=True)
class Request:
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    render: bool = False  # the page only exists after JavaScript runs: use the browser when there is one


@dataclass(frozen=True)
class FetchPolicy:
    """Timeouts, limits, politeness and network settings. The defaults suit the real internet."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 45.0  # a whole fetch, retries included, never takes longer than this
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 8
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 15.0
    workers: int = 16
    per_host: int = 1
    proxy: str | None = None
    ca_bundle: str | None = None
    allow_private: bool = False
    user_agent: str = ""
    extra_headers: tuple[tuple[str, str], ...] = field(default=())


FetchResult = Page | FetchFailure


class Fetcher(ABC):
    """Fetches URLs under a FetchPolicy. Subclasses implement `fetch`; `fetch_all` runs them concurrently."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    @abstractmethod
    def fetch(self, request: Request, cancel: threading.Event | None = None) -> FetchResult:
        """Fetch one URL, following redirects, never raising for network trouble."""

    def close(self) -> None:  # noqa: B027 (optional hook: most fetchers hold nothing)
        """Release connections and processes."""

    def fetch_all(
        self,
        items: Iterable[tuple[object, Request]],
        cancel: threading.Event | None = None,
    ) -> Generator[tuple[object, FetchResult], None, None]:
        """Yield (tag, result) as each fetch completes: a bounded pool, at most `per_host` in flight per host."""
        cancel = cancel or threading.Event()
        # Held by the fetcher, not the call: concurrent scans sharing one fetcher (an audit of a whole slate)
        # share one politeness budget per host.
        locks: dict[str, threading.Semaphore] = self.__dict__.setdefault("_host_locks", {})
        guard: threading.Lock = self.__dict__.setdefault("_host_guard", threading.Lock())

        def host_lock(url: str) -> threading.Semaphore:
            key = host_key(url)
            with guard:
                return locks.setdefault(key, threading.BoundedSemaphore(max(1, self.policy.per_host)))

        def run(request: Request) -> FetchResult:
            lock = host_lock(request.url)
            while not lock.acquire(timeout=0.2):
                if cancel.is_set():
                    return FetchFailure(request.url, FailureKind.INTERRUPTED, "the scan was interrupted")
            try:
                if cancel.is_set():
                    return FetchFailure(request.url, FailureKind.INTERRUPTED, "the scan was interrupted")
                return self.fetch(request, cancel)
            finally:
                lock.release()

        pending: dict[Future[FetchResult], object] = {}
        pool = ThreadPoolExecutor(max_workers=max(1, self.policy.workers), thread_name_prefix="fetch")
        finished = False
        try:
            for tag, request in interleave_hosts(items):
                pending[pool.submit(run, request)] = tag
            while pending:
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), future.result()
            finished = True
        finally:
            if not finished:
                cancel.set()  # an interrupted scan must not wait for slow sites: workers see this and stop
            pool.shutdown(wait=finished, cancel_futures=True)


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or ''}"


def interleave_hosts(items: Iterable[tuple[object, Request]]) -> list[tuple[object, Request]]:
    """Round-robin across hosts, so a worker rarely sits waiting for a host another worker is using."""
    by_host: dict[str, list[tuple[object, Request]]] = {}
    for item in items:
        by_host.setdefault(host_key(item[1].url), []).append(item)
    queues = list(by_host.values())
    ordered: list[tuple[object, Request]] = []
    for round_ in range(max((len(q) for q in queues), default=0)):
        ordered.extend(q[round_] for q in queues if round_ < len(q))
    return ordered
