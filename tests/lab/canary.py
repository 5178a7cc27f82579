"""The canary scan: did any file a test run wrote keep a password, in plain text or base64?"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAX_FILE = 256 * 1024 * 1024  # larger files are read in windows


@dataclass(frozen=True)
class Finding:
    path: Path
    what: str  # which form was found, e.g. "base64 (offset 1) of the canary"

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def base64_forms(secret: bytes) -> list[bytes]:
    """The part of base64(secret) that does not depend on the bytes around it, at each of the 3 alignments.

    Whatever precedes the secret in an encoded stream shifts it by 0, 1 or 2 bytes inside a 3-byte group;
    the characters fully determined by the secret are the same wherever it sits at that alignment.
    """
    forms = []
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + secret)
        start = 0 if shift == 0 else 4  # the first group mixes in the unknown preceding bytes
        end = ((shift + len(secret)) // 3) * 4  # a last partial group mixes in what follows
        if end - start >= 8:
            forms.append(encoded[start:end])
    return forms


def needles(secrets: Iterable[str], logins: Iterable[tuple[str, str]] = ()) -> dict[bytes, str]:
    """Byte strings to look for: each secret raw and as base64, and SASL PLAIN payloads of each login."""
    out: dict[bytes, str] = {}
    for secret in secrets:
        raw = secret.encode()
        out[raw] = "a password in plain text"
        for shift, form in enumerate(base64_forms(raw)):
            out[form] = f"a password in base64 (alignment {shift})"
    for user, password in logins:
        for authz in ("", user):
            payload = f"{authz}\0{user}\0{password}".encode()
            out[base64.b64encode(payload)] = f"an AUTH PLAIN payload of {user}"
            out[payload] = f"a raw SASL PLAIN string of {user}"
    return out


def scan_file(path: Path, wanted: dict[bytes, str]) -> list[Finding]:
    longest = max((len(n) for n in wanted), default=0)
    found: dict[str, Finding] = {}
    try:
        with path.open("rb") as f:
            tail = b""
            while True:
                chunk = f.read(MAX_FILE)
                if not chunk:
                    break
                window = tail + chunk
                for needle, what in wanted.items():
                    if needle in window and what not in found:
                        found[what] = Finding(path, what)
                tail = window[-longest:] if longest else b""
    except OSError:
        return []
    return list(found.values())


def scan(
    roots: Iterable[Path],
    wanted: dict[bytes, str],
    *,
    since: float | None = None,
    skip_dirs: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every regular file below `roots` (symlinks not followed) that contains one of `wanted`.

    `since` (a time.time() value) limits the scan to files modified after it; `skip_dirs` names
    directories not to enter (".git", ".venv").
    """
    findings: list[Finding] = []
    seen: set[Path] = set()
    for root in roots:
        if not root.exists():
            continue
        paths = [root] if root.is_file() else []
        for dirpath, dirs, files in os.walk(root, followlinks=False):
            dirs[:] = [d for d in dirs if d not in skip_dirs]
            paths.extend(Path(dirpath) / name for name in files)
        for path in paths:
            if path in seen or path.is_symlink() or not path.is_file():
                continue
            seen.add(path)
            if since is not None and path.stat().st_mtime < since:
                continue
            findings.extend(scan_file(path, wanted))
    return findings
