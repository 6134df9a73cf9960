"""Benchmark: how long `footprint --help` and `footprint checks list` take to start (lazy imports keep --help light).

Run on demand: `python benchmarks/startup.py`. Prints the median of several runs of each command.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

COMMANDS = {
    "footprint --help": [sys.executable, "-m", "footprint", "--help"],
    "footprint checks list": [sys.executable, "-m", "footprint", "checks", "list"],
    "python -c pass (floor)": [sys.executable, "-c", "pass"],
}


def main(runs: int = 9) -> None:
    for label, command in COMMANDS.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        print(
            f"{label:<26} median {statistics.median(times) * 1000:6.0f} ms  (min {min(times) * 1000:.0f} ms)"
        )


if __name__ == "__main__":
    main()
