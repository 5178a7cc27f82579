"""`mail-assistant bounce` as a user runs it: many files in one process, --json, stdin, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BOUNCES = Path(__file__).parent / "bounces"


def bounce(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "bounce", *args],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        cwd=REPO,
        timeout=60,
    )


def test_json_one_line_per_file_in_one_process() -> None:
    files = sorted(str(p) for p in BOUNCES.glob("*.eml") if p.name != "not-a-bounce.eml")
    done = bounce("--json", *files)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode().splitlines()
    assert len(lines) == len(files)
    for name, line in zip(files, lines, strict=True):
        obj = json.loads(line)
        assert obj["file"] == name
        for r in obj["recipients"]:
            assert {"address", "status", "reply_code", "reason", "hard", "diagnostic"} <= set(r)
    first = json.loads(lines[files.index(str(BOUNCES / "postfix-userunknown.eml"))])
    want = {"address": "nobody@example.net", "status": "5.1.1", "reply_code": 550, "reason": "userunknown"}
    assert {k: first["recipients"][0][k] for k in want} == want and first["recipients"][0]["hard"] is True


def test_human_output_in_japanese_and_english() -> None:
    path = str(BOUNCES / "docomo-filtered-after-data.eml")
    ja = bounce("--lang", "ja", path)
    assert ja.returncode == 0
    out = ja.stdout.decode()
    assert "hanako-1234@docomo.ne.jp" in out and "迷惑メールフィルター" in out and "1. " in out
    en = bounce("--lang", "en", path).stdout.decode()
    assert "spam filter" in en and "5.0.0" in en


def test_stdin_and_pasted_text() -> None:
    done = bounce("--json", "-", stdin=(BOUNCES / "pasted-postfix.txt").read_bytes())
    assert done.returncode == 0
    obj = json.loads(done.stdout)
    assert obj["file"] == "-" and obj["recipients"][0]["reason"] == "hostunknown"


def test_not_a_bounce_exits_1_with_a_message() -> None:
    done = bounce("--lang", "en", str(BOUNCES / "not-a-bounce.eml"))
    assert done.returncode == 1
    assert "not a bounce" in done.stdout.decode()


def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 64)
    words = tmp_path / "words.txt"
    words.write_text("hello there, nothing to see\n")
    good = str(BOUNCES / "postfix-userunknown.eml")
    for bad in (str(tmp_path / "missing.eml"), str(empty), str(junk), str(tmp_path), str(words)):
        done = bounce("--lang", "en", bad, good)
        assert done.returncode == 2, bad
        err = done.stderr.decode()
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
        assert "nobody@example.net" in done.stdout.decode()  # the good file is still analyzed
    as_json = bounce("--json", str(junk))
    assert as_json.returncode == 2
    assert json.loads(as_json.stdout)["error"] == "bounce.input.binary"


def test_no_files_is_a_usage_error() -> None:
    done = bounce()
    assert done.returncode == 2 and b"Traceback" not in done.stderr
