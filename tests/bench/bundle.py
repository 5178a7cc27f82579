"""Benchmark: our bundle's size and start-up to the first shown window, as ratios to a bare PySide6 bundle.

    .venv/bin/python tests/bench/bundle.py [--runs N] [--app PATH]

Builds, in this run, the app's one-folder bundle (packaging/build.py bundle) and a bare "hello window"
bundle through the same spec and options (packaging/mail-assistant.spec --bare). Each program is started
N times, alternating, offscreen, with MAIL_ASSISTANT_EXIT_ON_SHOWN=1: the bundle's entry prints the time
when its first window is visible and the event loop runs, then quits (packaging/firstshow.py). Start-up is
the median of (that time - the time just before the process was started). The last two lines are
`bundle size/bare R` and `startup time/bare R`; the targets are below 1.3.
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

ROOT = Path(__file__).resolve().parents[2]
HELLO = '''"""A bare PySide6 window: the baseline for tests/bench/bundle.py."""
import sys

import firstshow
from PySide6.QtWidgets import QApplication, QLabel

firstshow.install()
app = QApplication(sys.argv)
window = QLabel("hello")
window.resize(480, 320)
window.show()
sys.exit(app.exec())
'''


def tree_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bare(work: Path) -> Path:
    script = work / "hello.py"
    script.write_text(HELLO)
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
    """Seconds from just before the process starts to its first shown window."""
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_RUNTIME_DIR": str(home), "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen", "MAIL_ASSISTANT_EXIT_ON_SHOWN": "1",
    }  # fmt: skip
    start = time.time_ns()
    done = subprocess.run([str(program)], env=env, capture_output=True, text=True, timeout=60)
    shown = [line for line in done.stdout.splitlines() if line.startswith("shown ")]
    if done.returncode != 0 or not shown:
        why = done.stderr[-2000:]
        raise SystemExit(f"{program} did not report a shown window (exit {done.returncode}):\n{why}")
    return (int(shown[-1].split()[1]) - start) / 1e9


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
            print(f"{name:5} first start {first[name] * 1000:.0f} ms; then median "
                  f"{statistics.median(values) * 1000:.0f} ms ({ms})")  # fmt: skip
        print(f"timed program: {timed}")
        print(f"bundle size/bare {app_size / bare_size:.2f}")
        print(f"startup time/bare {statistics.median(runs['app']) / statistics.median(runs['bare']):.2f}")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
