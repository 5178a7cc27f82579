"""The canary scan finds a planted password in every form, and nothing in clean files."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.lab.canary import base64_forms, needles, scan

SECRET = "Planted-0123456789abcdef"  # never a lab password: this test must not trip the session scan


@pytest.mark.parametrize("prefix", [b"", b"x", b"xy", b"xyz", b"AUTH PLAIN \0user\0"])
def test_base64_at_any_alignment_is_found(tmp_path: Path, prefix: bytes) -> None:
    blob = base64.b64encode(prefix + SECRET.encode() + b"\r\ntrailer")
    # Planted with a reversible twist so the raw secret never sits in basetemp after the test.
    path = tmp_path / "transcript.log"
    path.write_bytes(b"C: " + blob + b"\n")
    try:
        findings = scan([tmp_path], needles([SECRET]))
        assert findings and findings[0].path == path
        assert "base64" in findings[0].what
    finally:
        path.unlink()


def test_plain_and_auth_plain_payload_are_found(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    plain = tmp_path / "deep" / "er" / "settings.json"
    plain.write_text('{"password": "' + SECRET + '"}')
    payload = tmp_path / "auth.txt"
    payload.write_bytes(base64.b64encode(b"\0someone@lab.test\0other-secret-pw"))
    try:
        findings = scan([tmp_path], needles([SECRET], [("someone@lab.test", "other-secret-pw")]))
        by_file = {f.path: f.what for f in findings}
        assert by_file[plain] == "a password in plain text"
        assert "AUTH PLAIN" in by_file[payload] or "base64" in by_file[payload]
    finally:
        plain.unlink()
        payload.unlink()


def test_clean_files_and_redacted_transcripts_pass(tmp_path: Path) -> None:
    (tmp_path / "t.log").write_text("C: AUTH PLAIN <redacted>\nS: 235 2.7.0 ok\n" + SECRET[:-1] + "\n")
    (tmp_path / "big.bin").write_bytes(bytes(range(256)) * 4096)
    assert scan([tmp_path], needles([SECRET])) == []


def test_every_alignment_has_a_long_enough_form() -> None:
    forms = base64_forms(SECRET.encode())
    assert len(forms) == 3
    assert all(len(f) >= 16 for f in forms)


def test_a_run_that_leaks_the_canary_fails_and_names_the_file(tmp_path: Path) -> None:
    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env.pop("PYTEST_ADDOPTS", None)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/lab/leak_probe.py",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--basetemp={tmp_path / 'inner'}",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 passed" in run.stdout  # the test itself passes ...
    assert run.returncode == 1  # ... but the session fails
    assert "CANARY LEAK" in run.stderr
    assert "leaked-transcript.txt" in run.stderr


def test_since_and_skip_dirs_limit_the_scan(tmp_path: Path) -> None:
    import time

    old = tmp_path / "old.txt"
    old.write_text(SECRET)
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    (tmp_path / ".git").mkdir()
    hidden = tmp_path / ".git" / "objects.txt"
    hidden.write_text(SECRET)
    new = tmp_path / "new.txt"
    new.write_text(SECRET)
    try:
        found = scan([tmp_path], needles([SECRET]), since=time.time() - 60, skip_dirs=frozenset({".git"}))
        assert [f.path for f in found] == [new]
    finally:
        for p in (old, hidden, new):
            p.unlink()
