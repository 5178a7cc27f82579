"""Benchmark: our bundle's size and start-up to the first painted window, as ratios to a bare PySide6 bundle.

    .venv/bin/python tests/bench/bundle.py [--runs N] [--app PATH]

Builds, in this run, the app's one-folder bundle (packaging/build.py bundle) and a bare window's bundle
through the same spec and options (packaging/mail-assistant.spec --bare). Both programs are started
N times, interleaved, offscreen, with MAIL_ASSISTANT_EXIT_WHEN_SHOWN=1: they print the wall clock at
their first window's first paint and exit (assistant/gui/app.py, and the same probe in the bare
program, as tests/bench/startup.py does). Start-up is that time minus the time just before the process
was created; the fastest run of each counts (the one least disturbed by other work on the machine).
The last two lines are `bundle size/bare R` and `startup time/bare R`; the targets are below 1.3.
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


def tree_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bare(work: Path) -> Path:
    script = work / "hello.py"
    script.write_text(PROGRAM)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "packaging" / "mail-assistant.spec"), "--", "--bare", str(script),
         "--icons", str(work / "no-icons")],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return work / "dist" / "hello" / "hello"


def build_app() -> Path:
    build = [sys.executable, "packaging/build.py", "bundle"]
    subprocess.run(build, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return ROOT / "dist" / "mail-assistant" / "mail-assistant"


def time_to_shown(program: Path, home: Path) -> float:
    """Seconds from just before the process starts to its first window's first paint."""
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_RUNTIME_DIR": str(home), "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"), "MAIL_ASSISTANT_CONFIG_DIR": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen", "MAIL_ASSISTANT_EXIT_WHEN_SHOWN": "1",
    }  # fmt: skip
    start = time.time()
    done = subprocess.run([str(program)], env=env, capture_output=True, text=True, timeout=60)
    shown = [line for line in done.stdout.splitlines() if line.startswith("shown ")]
    if done.returncode != 0 or not shown:
        why = done.stderr[-2000:]
        raise SystemExit(f"{program} did not report a shown window (exit {done.returncode}):\n{why}")
    return float(shown[-1].split()[1]) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--app", type=Path, help="time this installed program instead of a fresh bundle")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        work = Path(tmp)
        print("building the bare bundle and the app bundle (same spec)...", flush=True)
        bare = build_bare(work)
        app = build_app()
        timed = args.app.resolve() if args.app else app
        (work / "home").mkdir()
        bare_size, app_size = tree_size(bare.parent), tree_size(app.parent)
        print(f"bare bundle  {bare_size / 1e6:7.1f} MB  {bare.parent}")
        print(f"our bundle   {app_size / 1e6:7.1f} MB  {app.parent}")
        # The first start of each reads its files from disk; later starts find them in the page cache.
        first = {"bare": time_to_shown(bare, work / "home"), "app": time_to_shown(timed, work / "home")}
        runs: dict[str, list[float]] = {"bare": [], "app": []}
        for _ in range(args.runs):
            runs["bare"].append(time_to_shown(bare, work / "home"))
            runs["app"].append(time_to_shown(timed, work / "home"))
        for name, values in runs.items():
            ms = ", ".join(f"{v * 1000:.0f}" for v in values)
            best, median = min(values) * 1000, statistics.median(values) * 1000
            print(
                f"{name:5} first start {first[name] * 1000:.0f} ms; "
                f"then best {best:.0f}, median {median:.0f} ms ({ms})"
            )
        print(f"timed program: {timed}")
        print(f"bundle size/bare {app_size / bare_size:.2f}")
        print(f"startup time/bare {min(runs['app']) / min(runs['bare']):.2f}")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
