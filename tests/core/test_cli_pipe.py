"""A reader that goes away (`mail-assistant … | head`) must not make the command print a traceback."""

from __future__ import annotations

import subprocess
import sys


def test_closed_pipe_ends_quietly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "discover", "--offline", "--json", "taro@gmail.com"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves before the first byte is written (start-up takes far longer)
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err, err
    assert proc.returncode in (0, 1)
