"""Not collected by itself: test_canary.py runs it in a child pytest to prove a leak fails the session."""

from __future__ import annotations

import base64
from pathlib import Path

from tests.lab import Lab


def test_writes_an_auth_plain_payload_to_disk(lab: Lab, tmp_path: Path) -> None:
    taro = lab.accounts["taro"]
    payload = base64.b64encode(f"\0{taro.username}\0{lab.canary}".encode())
    (tmp_path / "leaked-transcript.txt").write_bytes(b"C: AUTH PLAIN " + payload + b"\r\n")
