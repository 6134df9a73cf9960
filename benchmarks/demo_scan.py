"""Benchmark: wall time and peak memory of the whole demo pipeline (plan, fetch through the proxy, detect, store,
render), run in-process several times. Run on demand: `python benchmarks/demo_scan.py`."""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from footprint.cli import app


def main(runs: int = 5) -> None:
    runner = CliRunner()
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            result = runner.invoke(app, ["demo", "--out", str(Path(tmp) / "out")])
            times.append(time.perf_counter() - started)
            assert result.exit_code == 0, result.output
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"demo scan: median {statistics.median(times):.2f} s over {runs} runs (min {min(times):.2f} s)")
    print(f"peak RSS: {peak:.0f} MB")


if __name__ == "__main__":
    main()
