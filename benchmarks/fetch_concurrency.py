"""Benchmark: is a thread pool of requests sessions fast enough, or would an async client measurably win?

Serves a fake web on 127.0.0.1 with a fixed latency per response (the real web's cost is waiting, not CPU),
then fetches the same set of URLs with footprint's HttpFetcher at several pool sizes and, when aiohttp is
installed (`pip install aiohttp`; it is not a footprint dependency), with an asyncio + aiohttp client under the
same per-host limit. Run on demand: `python benchmarks/fetch_concurrency.py`. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import time

from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchPolicy, Request
from footprint.model import Page
from footprint.sampleworld.server import Reply, WorldRequest, serve


def world(latency: float):
    body = b"<html><body>" + b"<p>profile text</p>" * 200 + b"</body></html>"

    def answer(request: WorldRequest) -> Reply:
        return Reply(200, body, delay=latency)

    return answer


def urls(hosts: int, per_host: int) -> list[str]:
    return [f"http://site{h}.example/user{i}" for h in range(hosts) for i in range(per_host)]


def run_threads(proxy: str, targets: list[str], workers: int, per_host: int) -> float:
    fetcher = HttpFetcher(FetchPolicy(proxy=proxy, workers=workers, per_host=per_host, retries=0))
    started = time.perf_counter()
    results = list(fetcher.fetch_all((u, Request(u)) for u in targets))
    elapsed = time.perf_counter() - started
    fetcher.close()
    assert all(isinstance(r, Page) and r.status == 200 for _, r in results), "a fetch failed"
    return elapsed


def run_aiohttp(proxy: str, targets: list[str], workers: int, per_host: int) -> float | None:
    try:
        import aiohttp
    except ImportError:
        return None

    async def main() -> float:
        limit = asyncio.Semaphore(workers)
        hosts: dict[str, asyncio.Semaphore] = {}
        async with aiohttp.ClientSession() as session:

            async def one(url: str) -> int:
                host = url.split("/")[2]
                lock = hosts.setdefault(host, asyncio.Semaphore(per_host))
                async with limit, lock, session.get(url, proxy=proxy) as response:
                    await response.read()
                    return response.status

            started = time.perf_counter()
            statuses = await asyncio.gather(*(one(u) for u in targets))
            assert all(s == 200 for s in statuses)
            return time.perf_counter() - started

    return asyncio.run(main())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=60)
    parser.add_argument("--per-host-urls", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.15)
    args = parser.parse_args()
    targets = urls(args.hosts, args.per_host_urls)
    floor = args.per_host_urls * args.latency
    print(
        f"{len(targets)} URLs on {args.hosts} hosts, {args.latency * 1000:.0f} ms latency, one in flight per host"
    )
    print(f"lower bound with unlimited workers: {floor:.2f} s (each host's URLs one after another)")
    print(f"{'client':<22}{'workers':>8}{'seconds':>10}{'URLs/s':>9}")
    with serve(world(args.latency)) as server:
        for workers in (4, 8, 16, 32, 64):
            t = run_threads(server.url, targets, workers, 1)
            print(f"{'threads + requests':<22}{workers:>8}{t:>10.2f}{len(targets) / t:>9.1f}")
        for workers in (8, 64):
            t2 = run_aiohttp(server.url, targets, workers, 1)
            if t2 is None:
                print("aiohttp not installed: skipped the async comparison")
                break
            print(f"{'asyncio + aiohttp':<22}{workers:>8}{t2:>10.2f}{len(targets) / t2:>9.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
