"""The README's launch command: app options (--lang, --dns-server, --ca-file) open the window, not the CLI."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(args: list[str], **kw):
    argv = [sys.executable, "-m", "assistant", *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, **kw)


def test_app_options_open_the_window(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MAIL_ASSISTANT_EXIT_WHEN_SHOWN="1")
    env["MAIL_ASSISTANT_CONFIG_DIR"] = str(tmp_path)
    ca_file = str(tmp_path / "ca.pem")
    done = _run(["--dns-server", "127.0.0.1:53", "--ca-file", ca_file, "--lang", "en"], env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("shown "), done.stdout + done.stderr


def test_subcommands_and_version_stay_on_the_command_line():
    done = _run(["--version"])
    assert done.returncode == 0 and "mail-assistant" in done.stdout
    done = _run(["chek"])
    assert done.returncode == 2 and "invalid choice" in done.stderr
