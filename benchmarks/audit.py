"""Benchmark: an audit of N synthetic candidates against a fake web on loopback (its own process) answering
every request after a set latency. Reports wall time and the peak memory of the auditing process.

Run on demand: `python benchmarks/audit.py [--sizes 10 100 1000] [--latency 0.05] [--sites 10]`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

from footprint.audit import AuditSettings, Candidate, run_audit
from footprint.catalogue import load_catalogue
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchPolicy
from footprint.guidance import load_guidance
from footprint.profile import parse_profile
from footprint.resources import checks_dir
from footprint.sampleworld.replay import CatalogueWorld
from footprint.sampleworld.server import WorldRequest, serve


def _world(latency: float, ready, done) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    guidance = load_guidance()
    replay = CatalogueWorld(load_catalogue(remediation_ids=guidance.remediation.keys()), checks_dir())

    def slow(request: WorldRequest):  # type: ignore[no-untyped-def]
        return dataclasses.replace(replay(request), delay=latency)

    with serve(slow) as server:
        ready.put((server.url, server.ca_path))
        done.wait()


def candidate(n: int) -> Candidate:
    profile = parse_profile(
        f'id = "bench-{n}"\nname = "Candidate Number{n}"\nlocality = ["Brackenfield"]\n'
        f'usernames = ["cand{n}x", "cllrcand{n}"]\n[[phones]]\nnumber = "07700 900{n % 1000:03d}"\n'
        f'[consent]\nby = "Candidate Number{n}"\nat = "2026-11-01"\n'
    )
    return Candidate(f"row {n}", profile)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--sites", type=int, default=10)
    args = parser.parse_args()
    guidance = load_guidance()
    catalogue = load_catalogue(remediation_ids=guidance.remediation.keys())
    only = tuple(c.id for c in catalogue.sites if not c.needs_browser)[: args.sites]
    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    done = multiprocessing.Event()
    world = multiprocessing.Process(target=_world, args=(args.latency, ready, done), daemon=True)
    world.start()
    proxy, ca_path = ready.get(timeout=300)
    print(
        f"{args.sites} sites x 2 usernames per candidate, {args.latency * 1000:.0f} ms latency, 4 candidates at once"
    )
    print("| candidates | probes | time | per candidate | peak RSS |")
    print("|---|---|---|---|---|")
    try:
        for size in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                fetcher = HttpFetcher(FetchPolicy(proxy=proxy, ca_bundle=ca_path, workers=8, retries=0))
                settings = AuditSettings(
                    out=Path(tmp) / "out",
                    db=Path(tmp) / "audit.db",
                    catalogue=catalogue,
                    guidance=guidance,
                    fetcher=fetcher,
                    concurrency=4,
                    only=only,
                )
                started = time.perf_counter()
                rows = run_audit([candidate(n) for n in range(size)], settings)
                elapsed = time.perf_counter() - started
                fetcher.close()
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                failed = [r.status for r in rows if not r.scan_id]
                assert not failed, failed[:3]
                print(
                    f"| {size} | {size * len(only) * 2} | {elapsed:.1f} s | {elapsed / size * 1000:.0f} ms | {peak:.0f} MB |"
                )
    finally:
        done.set()
        world.join(timeout=10)


if __name__ == "__main__":
    main()
