"""A reader that stops early (`mail-assistant … | head`) must not make the command print a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BOUNCES = sorted((Path(__file__).parents[1] / "explain" / "bounces_independent").glob("*.eml"))


def test_closed_pipe_ends_quietly() -> None:
    files = [str(p) for p in BOUNCES] * 3  # far more JSON than a pipe buffer holds
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "bounce", "--json", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()  # like `head -c 100`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert len(files) > 300
    assert "Traceback" not in err
