"""Benchmark: analyzing a folder of bounces, as a ratio to only parsing the same files with the stdlib parser.

    .venv/bin/python tests/bench/bounce.py [DIR] [--runs N]

DIR defaults to the hand-written fixtures in tests/explain/bounces. Every file is read into memory first;
then, alternating, N rounds of `email.message_from_bytes` over all files (the baseline: what the standard
library's parser costs on its own) and N rounds of `analyze_bounce` (which parses too, then analyzes).
The median round of each is compared. The last line is `bounce time/parse R`; the target is below 2.
"""

from __future__ import annotations

import argparse
import email
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from assistant.core.explain.bounce import BounceInputError, analyze_bounce  # noqa: E402

DEFAULT_DIR = ROOT / "tests" / "explain" / "bounces"


def load(folder: Path) -> list[bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() not in (".json", ".py"))
    return [p.read_bytes() for p in files]


def parse_round(blobs: list[bytes]) -> float:
    t0 = time.perf_counter()
    for data in blobs:
        email.message_from_bytes(data)
    return time.perf_counter() - t0


def analyze_round(blobs: list[bytes]) -> tuple[float, int]:
    t0 = time.perf_counter()
    found = 0
    for data in blobs:
        try:
            found += len(analyze_bounce(data).recipients)
        except BounceInputError:
            continue
    return time.perf_counter() - t0, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--runs", type=int, default=0, help="rounds of each (default: enough for ~2 s)")
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"bench: {args.dir} is not a folder", file=sys.stderr)
        return 2
    blobs = load(args.dir)
    if not blobs:
        print(f"bench: no files in {args.dir}", file=sys.stderr)
        return 2
    analyze_round(blobs)  # warm up: the catalog, compiled patterns, codecs
    parse_round(blobs)
    runs = args.runs or max(5, min(200, int(1.0 / max(parse_round(blobs), 1e-4))))
    parse_times, analyze_times, found = [], [], 0
    for _ in range(runs):
        parse_times.append(parse_round(blobs))
        elapsed, found = analyze_round(blobs)
        analyze_times.append(elapsed)
    parse_s, analyze_s = statistics.median(parse_times), statistics.median(analyze_times)
    print(f"files {len(blobs)}, recipients found {found}, rounds {runs}")
    print(f"parse only   {parse_s * 1000:.2f} ms per round ({parse_s / len(blobs) * 1e6:.0f} us per file)")
    print(
        f"analyze      {analyze_s * 1000:.2f} ms per round ({analyze_s / len(blobs) * 1e6:.0f} us per file)"
    )
    print(f"bounce time/parse {analyze_s / parse_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
