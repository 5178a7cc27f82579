"""Test-wide set-up: Qt offscreen, a private HOME, the mail lab fixture, and the canary scan at the end."""

import os

# Before anything imports Qt: without a display the whole run would abort and no fixture would tear down.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lab import Lab, pki
from tests.lab.canary import needles, scan

# The app's own files (settings, logs, caches) land in a throw-away home, scanned at the end.
_HOME = Path(tempfile.mkdtemp(prefix="mail-assistant-test-home-"))
for _var, _sub in (
    ("HOME", ""),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_STATE_HOME", ".local/state"),
    ("XDG_CACHE_HOME", ".cache"),
):
    (_HOME / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(_HOME / _sub)

_LABS: list[Lab] = []
_STARTED = time.time()
_REPO = Path(__file__).resolve().parents[1]
_NOT_OURS = frozenset({".git", ".venv", "__pycache__", ".mypy_cache", ".ruff_cache", "node_modules"})


@pytest.fixture(scope="session")
def lab() -> Iterator[Lab]:
    """The running mail lab (see tests/lab/README.md for its endpoints and accounts)."""
    started = Lab.start()
    _LABS.append(started)
    pki.set_default(started.ca)  # tests.lab.pki.issue() now signs with the CA lab.ca_file holds
    try:
        yield started
    finally:
        started.stop()


def _scan_roots(session: pytest.Session) -> list[Path]:
    roots = [_HOME, *(lab.root for lab in _LABS)]
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is not None:
        try:
            roots.append(factory.getbasetemp())
        except (OSError, ValueError):
            pass
    return roots


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if any file it wrote holds a lab password (plain or base64) or an AUTH PLAIN payload."""
    for started in _LABS:
        started.stop()  # flush the servers' logs before reading them
    secrets = [lab.canary for lab in _LABS]
    logins = [(a.username, a.password) for lab in _LABS for a in lab.accounts.values()]
    findings = []
    if secrets:
        wanted = needles(secrets, logins)
        findings = scan(_scan_roots(session), wanted)
        # Files the run wrote into the checkout (screenshots, builds, caches) count too.
        findings += scan([_REPO], wanted, since=_STARTED - 1, skip_dirs=_NOT_OURS)
    if findings:
        lines = "\n".join(f"  {f}" for f in findings)
        sys.stderr.write(f"\nCANARY LEAK: a lab password was written to disk by this run:\n{lines}\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if os.environ.get("MAIL_LAB_KEEP"):
        return
    # Folders with a finding stay for inspection; the rest goes.
    hit = [f.path for f in findings]
    for started in _LABS:
        if not any(started.root in p.parents for p in hit):
            started.cleanup()
    if not any(_HOME in p.parents for p in hit):
        shutil.rmtree(_HOME, ignore_errors=True)
