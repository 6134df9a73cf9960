"""The fetcher against fake sites on 127.0.0.1: proxies, CAs, limits, retries, walls and the private-address guard."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from footprint.catalogue import generic_verdict
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FailureKind, FetchFailure, FetchPolicy, Request
from footprint.model import Page, Status
from footprint.sampleworld.server import Reply, WorldRequest

FAST = FetchPolicy(connect_timeout=2, read_timeout=2, deadline=6, retries=1, backoff=0.05)


def fetch(policy: FetchPolicy, url: str):
    fetcher = HttpFetcher(policy)
    try:
        return fetcher.fetch(Request(url))
    finally:
        fetcher.close()


def proxied(world, **changes) -> FetchPolicy:
    import dataclasses

    return dataclasses.replace(FAST, proxy=world.url, ca_bundle=world.ca_path, **changes)


def direct(**changes) -> FetchPolicy:
    import dataclasses

    return dataclasses.replace(FAST, allow_private=True, **changes)


# --- proxies and certificates ------------------------------------------------------------------------------


def test_https_through_intercepting_proxy_with_ca_bundle(world, router):
    router.pages["https://www.instagram.com/maggieoduya/"] = Reply(
        200, b"<html>profile of maggieoduya</html>"
    )
    page = fetch(proxied(world), "https://www.instagram.com/maggieoduya/")
    assert isinstance(page, Page)
    assert page.status == 200 and b"maggieoduya" in page.body
    assert world.requests[-1].host == "www.instagram.com" and world.requests[-1].scheme == "https"


def test_untrusted_proxy_certificate_is_a_clear_tls_failure(world, router):
    router.pages["https://github.com/x"] = Reply(200, b"hi")
    import dataclasses

    result = fetch(dataclasses.replace(FAST, proxy=world.url), "https://github.com/x")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.TLS
    assert "--ca-bundle" in result.reason


def test_standard_proxy_environment_variables_and_ssl_cert_file(world, router, monkeypatch):
    router.pages["https://www.tiktok.com/@maggie"] = Reply(200, b"tiktok page")
    monkeypatch.setenv("HTTPS_PROXY", world.url)
    monkeypatch.setenv("SSL_CERT_FILE", world.ca_path)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    page = fetch(FAST, "https://www.tiktok.com/@maggie")
    assert isinstance(page, Page) and page.body == b"tiktok page"


def test_names_are_left_to_the_proxy_to_resolve(world, router, monkeypatch):
    """Where only the proxy can resolve names, the tool must not try (and fail) to resolve them itself."""
    router.pages["https://nowhere-resolvable.example/p"] = Reply(200, b"ok")

    def no_dns(*args, **kwargs):
        host = args[0] if args else kwargs.get("host")
        if host not in ("127.0.0.1", "localhost"):
            raise socket.gaierror(f"no local DNS for {host}")
        return real(*args, **kwargs)

    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    page = fetch(proxied(world), "https://nowhere-resolvable.example/p")
    assert isinstance(page, Page) and page.status == 200


# --- the private-address guard -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost/",
        "http://192.168.1.1/admin",
        "http://10.0.0.8/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://router/",
        "http://printer.local/",
    ],
)
def test_private_and_local_targets_are_refused_by_default(url):
    result = fetch(FAST, url)
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.REFUSED, result


def test_private_literal_refused_even_through_a_proxy(world):
    result = fetch(proxied(world), "http://192.168.0.1/")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.REFUSED
    assert world.requests == []


def test_a_public_name_that_resolves_to_loopback_is_refused_at_connect(world, router, monkeypatch):
    port = world.server_address[1]
    router.hosts["evil.example"] = lambda req: Reply(200, b"internal secrets")
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if host == "evil.example":
            return real("127.0.0.1", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    result = fetch(FAST, f"http://evil.example:{port}/")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.REFUSED, result
    assert "127.0.0.1" in result.reason
    assert world.requests == []  # refused before a byte of the request was sent


def test_redirect_to_a_private_address_is_refused(world, router):
    router.pages["https://linktr.ee/maggie"] = Reply(302, b"", (("Location", "http://127.0.0.1:8080/admin"),))
    result = fetch(proxied(world), "https://linktr.ee/maggie")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.REFUSED


# --- dead, slow, huge, looping ------------------------------------------------------------------------------


def test_dead_site_is_an_error_with_a_reason(dead_port):
    started = time.monotonic()
    result = fetch(direct(), f"http://127.0.0.1:{dead_port}/")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.CONNECTION
    assert "could not connect" in result.reason
    assert time.monotonic() - started < 5


def test_slow_site_times_out(world, router):
    router.pages["http://slow.example/"] = Reply(200, b"late", delay=5)
    started = time.monotonic()
    result = fetch(proxied(world, read_timeout=0.5, retries=0), "http://slow.example/")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.TIMEOUT
    assert time.monotonic() - started < 4


def test_trickling_site_stops_at_the_deadline(world, router):
    router.pages["http://drip.example/"] = Reply(200, b"x" * 200_000, drip=0.05)
    started = time.monotonic()
    result = fetch(proxied(world, deadline=1.0, retries=0), "http://drip.example/")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.TIMEOUT
    assert time.monotonic() - started < 3


def test_ten_megabyte_page_is_cut_at_the_limit(world, router):
    router.pages["http://huge.example/"] = Reply(200, chunk_body=b"<p>filler</p>" * 8192, repeat=100)
    result = fetch(proxied(world, max_bytes=1_000_000), "http://huge.example/")
    assert isinstance(result, Page)
    assert result.truncated and len(result.body) == 1_000_000


def test_redirect_loop_is_reported(world, router):
    router.pages["http://loop.example/a"] = Reply(302, b"", (("Location", "/b"),))
    router.pages["http://loop.example/b"] = Reply(302, b"", (("Location", "http://loop.example/a"),))
    result = fetch(proxied(world), "http://loop.example/a")
    assert isinstance(result, FetchFailure) and result.kind == FailureKind.REDIRECTS
    assert "loop" in result.reason


def test_too_many_redirects(world, router):
    for i in range(12):
        router.pages[f"http://chain.example/{i}"] = Reply(301, b"", (("Location", f"/{i + 1}"),))
    result = fetch(proxied(world, max_redirects=5), "http://chain.example/0")
    assert isinstance(result, FetchFailure) and "more than 5 redirects" in result.reason


def test_redirects_are_followed_and_recorded(world, router):
    router.pages["https://www.tumblr.com/maggie"] = Reply(
        301, b"", (("Location", "https://maggie.tumblr.com/"),)
    )
    router.pages["https://maggie.tumblr.com/"] = Reply(200, b"blog")
    page = fetch(proxied(world), "https://www.tumblr.com/maggie")
    assert isinstance(page, Page) and page.final_url == "https://maggie.tumblr.com/"
    assert page.redirects == ("https://maggie.tumblr.com/",)


# --- retries and walls --------------------------------------------------------------------------------------


class Flaky:
    def __init__(self, failures: list[Reply], final: Reply) -> None:
        self.failures = list(failures)
        self.final = final
        self.calls = 0

    def __call__(self, request: WorldRequest) -> Reply:
        self.calls += 1
        return self.failures.pop(0) if self.failures else self.final


def test_429_with_short_retry_after_is_retried(world, router):
    flaky = Flaky([Reply(429, b"slow down", (("Retry-After", "1"),))], Reply(200, b"fine"))
    router.hosts["api.example"] = flaky
    page = fetch(proxied(world), "http://api.example/u")
    assert isinstance(page, Page) and page.status == 200 and flaky.calls == 2


def test_429_with_long_retry_after_becomes_rate_limited(world, router):
    flaky = Flaky([], Reply(429, b"<h1>Too Many Requests</h1>", (("Retry-After", "600"),)))
    router.hosts["api.example"] = flaky
    page = fetch(proxied(world), "http://api.example/u")
    assert isinstance(page, Page) and page.status == 429 and flaky.calls == 1
    verdict = generic_verdict(page)
    assert (
        verdict is not None and verdict.status is Status.RATE_LIMITED and "retry after 600" in verdict.reason
    )


def test_503_then_success_is_retried(world, router):
    flaky = Flaky([Reply(503, b"busy")], Reply(200, b"ok"))
    router.hosts["api.example"] = flaky
    page = fetch(proxied(world), "http://api.example/u")
    assert isinstance(page, Page) and page.status == 200


def test_dropped_connection_is_an_error_not_a_crash(world, router):
    router.hosts["drop.example"] = lambda req: Reply(drop=True)
    result = fetch(proxied(world), "http://drop.example/")
    assert isinstance(result, FetchFailure) and result.kind in (FailureKind.CONNECTION, FailureKind.PROXY)


def test_user_agent_is_truthful(world, router):
    router.pages["http://ua.example/"] = Reply(200, b"ok")
    fetch(proxied(world), "http://ua.example/")
    agent = dict(world.requests[-1].headers)["User-Agent"]
    assert agent.startswith("footprint/")


# --- concurrency --------------------------------------------------------------------------------------------


def test_per_host_cap_and_parallel_hosts(world, router):
    lock = threading.Lock()
    active: dict[str, int] = {}
    peak: dict[str, int] = {}

    def slowish(request: WorldRequest) -> Reply:
        with lock:
            active[request.host] = active.get(request.host, 0) + 1
            peak[request.host] = max(peak.get(request.host, 0), active[request.host])
        time.sleep(0.15)
        with lock:
            active[request.host] -= 1
        return Reply(200, b"ok")

    router.hosts["a.example"] = slowish
    router.hosts["b.example"] = slowish
    fetcher = HttpFetcher(proxied(world, workers=8, per_host=1))
    items = [(i, Request(f"http://{'ab'[i % 2]}.example/{i}")) for i in range(8)]
    started = time.monotonic()
    results = list(fetcher.fetch_all(items))
    elapsed = time.monotonic() - started
    fetcher.close()
    assert len(results) == 8 and all(isinstance(r, Page) for _, r in results)
    assert peak == {"a.example": 1, "b.example": 1}
    assert elapsed < 8 * 0.15  # the two hosts ran side by side


def test_cancel_stops_waiting_fetches_quickly(world, router):
    router.hosts["slow.example"] = lambda req: Reply(200, b"late", delay=3)
    fetcher = HttpFetcher(proxied(world, workers=4, per_host=1, read_timeout=5, deadline=10))
    cancel = threading.Event()
    items = [(i, Request(f"http://slow.example/{i}")) for i in range(6)]
    stream = fetcher.fetch_all(items, cancel)
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    results = list(stream)
    fetcher.close()
    assert time.monotonic() - started < 5
    interrupted = [r for _, r in results if isinstance(r, FetchFailure) and r.kind == FailureKind.INTERRUPTED]
    assert interrupted, results
