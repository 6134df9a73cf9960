"""Benchmark: the whole catalogue probed for one person, against a fake web that waits a set latency per answer.

Every catalogue site answers from its own fixtures on its real hostname (HTTPS through the sample world's
intercepting proxy, as in the tests), delayed by --latency seconds. The fake web runs in its own process, so its
TLS work is not counted as footprint's. footprint probes every site for the
person's usernames, judges and reads each page, exactly as a scan does (without writing reports). The bound
is what the concurrency limits allow at that latency: with W workers and one request in flight per host,
no run can beat max(ceil(probes / W), most probes on one host) x latency. The target is to stay within 1.3x
of that bound, with no false `found` (the known-unclaimed username is probed too: it must never be found).

Run on demand: `python benchmarks/probe.py [--latency 0.15] [--workers 16] [--usernames 2]`.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import multiprocessing
import time
from collections import Counter
from urllib.parse import urlsplit

from footprint.api import ScanContext, judge_result, safe_detect
from footprint.catalogue import load_catalogue
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchPolicy, Request
from footprint.guidance import load_guidance
from footprint.model import Probe, Status
from footprint.profile import parse_profile
from footprint.resources import checks_dir
from footprint.sampleworld.replay import CatalogueWorld
from footprint.sampleworld.server import WorldRequest, serve
from footprint.store import Store

PROFILE = """
name = "Margaret Oduya"
usernames = ["maggieoduya", "cllrmaggie", "maggie.oduya", "oduyam"]
locality = ["Brackenfield"]
[[phones]]
number = "07700 900461"
"""


def _world(latency: float, ready, done) -> None:  # type: ignore[no-untyped-def]
    """The fake web, in its own process, so its TLS and HTTP work does not share footprint's CPU."""
    guidance = load_guidance()
    catalogue = load_catalogue(remediation_ids=guidance.remediation.keys())
    replay = CatalogueWorld(catalogue, checks_dir())

    def slow(request: WorldRequest):  # type: ignore[no-untyped-def]
        return dataclasses.replace(replay(request), delay=latency)

    with serve(slow) as server:
        for check in catalogue.sites:
            for username in (check.known_claimed, check.known_unclaimed):
                server.tls_context(urlsplit(check.fetch_url(username)).hostname or "")
        ready.put((server.url, server.ca_path))
        done.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.15)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--usernames", type=int, default=2)
    args = parser.parse_args()

    guidance = load_guidance()
    catalogue = load_catalogue(remediation_ids=guidance.remediation.keys())
    sites = [c for c in catalogue.sites if not c.needs_browser]
    profile = parse_profile(PROFILE)
    profile = dataclasses.replace(profile, usernames=profile.usernames[: args.usernames])
    items: list[tuple[Probe, Request]] = []
    for check in sites:
        # The site's known-claimed name (its found page, with a profile to read), the person's usernames and
        # the known-unclaimed name (not-found pages): the unclaimed one must never come back found.
        for username in (check.known_claimed, *profile.usernames, check.known_unclaimed):
            if check.accepts(username):
                probe = Probe(check.id, check.profile_url(username), "usernames", check.ownership, username)
                items.append((probe, Request(check.fetch_url(username), check.headers)))

    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    done = multiprocessing.Event()
    world = multiprocessing.Process(target=_world, args=(args.latency, ready, done), daemon=True)
    world.start()
    proxy, ca_path = ready.get(timeout=300)
    statuses: Counter[str] = Counter()
    false_found: list[str] = []
    try:
        policy = FetchPolicy(proxy=proxy, ca_bundle=ca_path, workers=args.workers, retries=0)
        fetcher = HttpFetcher(policy)
        ctx = ScanContext(catalogue, guidance, fetcher, Store(":memory:"))  # type: ignore[arg-type]
        started = time.perf_counter()
        for probe, result in fetcher.fetch_all(items):
            outcome = judge_result(ctx, probe, result)
            read = safe_detect(ctx, outcome, profile)
            statuses[read.outcome.status.value] += 1
            check = catalogue.get(probe.check_id)
            if probe.username == check.known_unclaimed and outcome.status is Status.FOUND:
                false_found.append(probe.check_id)
        elapsed = time.perf_counter() - started
        fetcher.close()
    finally:
        done.set()
        world.join(timeout=10)
    per_host = Counter(urlsplit(request.url).hostname for _, request in items)
    bound = max(math.ceil(len(items) / args.workers), max(per_host.values())) * args.latency
    print(
        f"{len(sites)} sites, {len(items)} probes (known-claimed + {args.usernames} usernames + known-unclaimed), "
        f"{args.workers} workers, 1 per host, {args.latency * 1000:.0f} ms latency"
    )
    print(f"time {elapsed:.2f} s; bound {bound:.2f} s; ratio {elapsed / bound:.2f}x (target <= 1.3x)")
    print(f"{len(sites) / elapsed:.1f} sites/s, {len(items) / elapsed:.1f} probes/s")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
    print(f"false found on a known-unclaimed username: {len(false_found)} {false_found or ''}")


if __name__ == "__main__":
    main()
