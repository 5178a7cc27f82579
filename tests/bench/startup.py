"""Start-up benchmark: process start → our first window painted, against a bare PySide6 window.

Run with the project's Python: `.venv/bin/python tests/bench/startup.py [--runs N]`.
The last line is `startup time/bare R` (target: under 1.3).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bare_window import PROGRAM  # a sibling module: the benchmarks run as scripts

ROOT = Path(__file__).resolve().parents[2]



def one_run(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from just before the process is created to its first window's first paint."""
    started = time.time()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("shown "):
            return float(line.split()[1]) - started
    raise SystemExit(f"no window was shown by {argv[1:]}: {done.stderr.strip()[-800:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs of each (default 7; the best counts)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="startup-bench-")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update({
        "MAIL_ASSISTANT_EXIT_WHEN_SHOWN": "1",
        "MAIL_ASSISTANT_CONFIG_DIR": str(Path(home) / "config"),  # a first start: no accounts yet
        "HOME": home,
        "XDG_CONFIG_HOME": str(Path(home) / ".config"),
        "XDG_DATA_HOME": str(Path(home) / ".local/share"),
        "PYTHONDONTWRITEBYTECODE": "",
    })
    ours_cmd = [sys.executable, "-m", "assistant"]
    bare_cmd = [sys.executable, "-c", PROGRAM]
    one_run(ours_cmd, env)  # warm the disk cache and the .pyc files for both
    one_run(bare_cmd, env)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(args.runs):  # interleaved, so a busy moment on the machine hits both alike
        ours.append(one_run(ours_cmd, env))
        bare.append(one_run(bare_cmd, env))
    # The fastest run of each is the one least disturbed by other work on the machine (as timeit does).
    o, b = min(ours), min(bare)
    for name, runs in (("ours", ours), ("bare", bare)):
        listed = ", ".join(f"{t * 1000:.0f}" for t in runs)
        best, median = min(runs) * 1000, statistics.median(runs) * 1000
        print(f"{name}: best {best:.0f} ms, median {median:.0f} ms ({listed})")
    print(f"startup time/bare {o / b:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
