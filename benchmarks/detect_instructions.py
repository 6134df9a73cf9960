"""Benchmark: machine instructions the detectors run per page about the person, counted by valgrind.

Timings on a shared machine drift by 10 to 20% from one minute to the next; an instruction count does not. This
runs the pages about the corpus's Margaret Oduya (the dense case) under callgrind once and six times, with a
fixed hash seed, and prints the difference per page read: the start-up and the first pass cancel out. Compare
two versions of the code with it (`PYTHONPATH=/path/to/other/checkout python benchmarks/detect_instructions.py`).
Needs valgrind (Debian: `apt-get install valgrind`); takes about a minute.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
PASSES = (1, 6)


def read_pages(passes: int) -> int:
    """Read the pages about her `passes` times (each under fresh URLs, so no cache carries over)."""
    from footprint.accuracy import load_cases, page_for
    from footprint.detect.reading import read
    from footprint.detect.registry import all_detectors
    from footprint.extract import page_to_document
    from footprint.profile import load_profile

    cases = [c for c in load_cases(CORPUS) if c.profile == "maggie"]
    docs = [d for d in (page_to_document(page_for(c.page)) for c in cases) if d.text]
    profile, detectors = load_profile(CORPUS / "profiles" / "maggie.toml"), all_detectors()
    for run in range(passes):
        for doc in docs:
            read(dataclasses.replace(doc, url=f"{doc.url}?pass={run}"), profile, detectors)
    return len(docs)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--passes":
        read_pages(int(sys.argv[2]))
        return 0
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 1
    counts = []
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory() as scratch:
        for passes in PASSES:
            out = subprocess.run(
                [
                    valgrind,
                    "--tool=callgrind",
                    f"--callgrind-out-file={scratch}/callgrind.out",
                    sys.executable,
                    __file__,
                    "--passes",
                    str(passes),
                ],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            )
            found = re.search(r"Collected : (\d+)", out.stderr)
            if found is None:
                print(out.stderr[-2000:], file=sys.stderr)
                return 1
            counts.append(int(found.group(1)))
    pages = read_pages(0) or 1
    per_page = (counts[1] - counts[0]) / ((PASSES[1] - PASSES[0]) * pages)
    print(f"pages about her: {per_page / 1e6:.2f} million instructions a page ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
