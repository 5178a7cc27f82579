"""`mail-assistant check` as a user runs it: a subprocess against the lab, exit codes, output, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lab import Lab
from tests.lab.keyring import SecretServiceLab

REPO = Path(__file__).resolve().parents[2]


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # no keyring unless a test sets one up
    env.update(extra)
    return env


def mail_assistant(
    *args: str, password: str | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "check", *args],
        input=None if password is None else password + "\n",
        stdin=subprocess.DEVNULL if password is None else None,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env or cli_env(),
        timeout=timeout,
    )


def lab_args(lab: Lab) -> list[str]:
    return ["--dns-server", f"{lab.dns_host}:{lab.dns_port}", "--ca-file", str(lab.ca_file)]


def test_json_result_of_a_passing_account(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    proc = mail_assistant(
        taro.address,
        "--incoming",
        lab.endpoint("imaps").url,
        "--outgoing",
        lab.endpoint("submission").url,
        "--password-stdin",
        "--json",
        *lab_args(lab),
        password=taro.password,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert proc.stderr == ""
    data = json.loads(proc.stdout)
    assert data["ok"] is True and data["address"] == taro.address
    for role in ("incoming", "outgoing"):
        server = data[role]
        assert server["ok"] is True and server["failure"] is None
        assert [s["stage"] for s in server["stages"]][:2] == ["resolve", "connect"]
        assert all(s["status"] in ("passed", "skipped") for s in server["stages"])
        assert server["certificate"]["verified"] is True
        assert server["transcript"]
    assert data["incoming"]["facts"]["message_count"] >= 0
    assert data["send_test"] is None and data["explanations"] == []
    assert lab.canary not in proc.stdout + proc.stderr


def test_live_stages_in_japanese_and_the_send_test(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    proc = mail_assistant(
        taro.address,
        "--incoming",
        lab.endpoint("pop3").url,
        "--outgoing",
        lab.endpoint("smtps").url,
        "--password-stdin",
        "--send-test",
        "--lang",
        "ja",
        *lab_args(lab),
        password=taro.password,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    out = proc.stdout
    assert "[受信サーバー]" in out and "[送信サーバー]" in out and "[送信テスト]" in out
    assert "ログイン" in out and "成功" in out
    assert "テストメールは" in out and "すべての確認に成功しました。" in out
    assert lab.canary not in out + proc.stderr


def test_wrong_password_exits_1_with_the_code_and_an_explanation(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    proc = mail_assistant(
        taro.address,
        "--outgoing",
        lab.endpoint("submission").url,
        "--password-stdin",
        "--lang",
        "en",
        *lab_args(lab),
        password="Wrong-" + lab.canary,
    )
    assert proc.returncode == 1, proc.stderr
    assert "auth.failed" in proc.stdout and "535 5.7.8" in proc.stdout
    assert lab.canary not in proc.stdout + proc.stderr
    as_json = mail_assistant(
        taro.address,
        "--outgoing",
        lab.endpoint("submission").url,
        "--password-stdin",
        "--json",
        *lab_args(lab),
        password="Wrong-" + lab.canary,
    )
    assert as_json.returncode == 1
    data = json.loads(as_json.stdout)
    assert data["outgoing"]["failure"]["code"] == "auth.failed"
    assert data["incoming"] is None
    assert data["explanations"] and data["explanations"][0]["title"]
    assert lab.canary not in as_json.stdout


def test_dropped_port_ends_within_the_timeout(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    t0 = time.monotonic()
    proc = mail_assistant(
        taro.address,
        "--outgoing",
        lab.endpoint("drop-submission").url,
        "--password-stdin",
        "--timeout",
        "2",
        "--json",
        *lab_args(lab),
        password=taro.password,
    )
    assert proc.returncode == 1
    assert time.monotonic() - t0 < 2 + 3  # interpreter start-up included
    assert json.loads(proc.stdout)["outgoing"]["failure"]["code"] == "tcp.timeout"


def test_plain_login_needs_the_explicit_flag(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    url = lab.endpoint("plain-imap").url
    assert url.startswith("imap+plain://")
    blocked = mail_assistant(taro.address, "--incoming", url, "--password-stdin", "--json", *lab_args(lab),
                             password=taro.password)  # fmt: skip
    assert blocked.returncode == 1
    assert json.loads(blocked.stdout)["incoming"]["failure"]["code"] == "auth.insecure_blocked"
    allowed = mail_assistant(taro.address, "--incoming", url, "--password-stdin", "--insecure-allow-plain",
                             *lab_args(lab), password=taro.password)  # fmt: skip
    assert allowed.returncode == 0, allowed.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["not-an-address", "--incoming", "imaps://mail.lab.test"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test:0"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test:70000"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test:99x"],
        ["taro@lab.test", "--incoming", "gopher://mail.lab.test"],
        ["taro@lab.test", "--incoming", "mail.lab.test"],
        ["taro@lab.test", "--incoming", "imaps://mail lab.test"],
        ["taro@lab.test", "--incoming", "smtps://mail.lab.test"],
        ["taro@lab.test", "--outgoing", "imaps://mail.lab.test"],
        ["taro@lab.test"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--ca-file", "/nonexistent/ca.pem"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--ca-file", __file__],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--dns-server", "dns.example"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--dns-server", "127.0.0.1:0"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--timeout", "0"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--timeout", "soon"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--send-test"],
        ["taro@lab.test", "--incoming", "imaps://mail.lab.test", "--pin", "mail.lab.test:993=xyz"],
        ["taro@lab.test", "--incoming", "imaps://[::1"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str]) -> None:
    proc = mail_assistant(*args, "--lang", "en", password="unused")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr


def test_bad_input_in_japanese() -> None:
    proc = mail_assistant(
        "taro@lab.test", "--incoming", "imaps://mail.lab.test:0", "--lang", "ja", password="x"
    )
    assert proc.returncode == 2
    assert "ポート番号" in proc.stderr


def test_no_password_anywhere_is_bad_input() -> None:
    proc = mail_assistant("taro@lab.test", "--incoming", "imaps://mail.lab.test", "--lang", "en")
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "password" in proc.stderr


def test_there_is_no_password_argument() -> None:
    proc = mail_assistant("taro@lab.test", "--incoming", "imaps://mail.lab.test", "--password", "x")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


SET_PASSWORD = "\n".join(
    [
        "import sys, keyring",
        "keyring.set_password('mail-setup-assistant', sys.argv[1], sys.stdin.readline().strip())",
    ]
)


@pytest.fixture
def secret_service(tmp_path: Path) -> Iterator[SecretServiceLab]:
    service = SecretServiceLab(tmp_path / "keyring").start()
    try:
        yield service
    finally:
        service.stop()


def test_password_from_the_keyring(lab: Lab, secret_service: SecretServiceLab) -> None:
    hanako = lab.accounts["hanako"]
    env = {k: v for k, v in secret_service.env().items() if k != "PYTHON_KEYRING_BACKEND"}
    store = subprocess.run(
        [sys.executable, "-c", SET_PASSWORD, hanako.address],
        input=hanako.password + "\n", text=True, capture_output=True, env=env, cwd=REPO, timeout=30,
    )  # fmt: skip
    assert store.returncode == 0, store.stderr
    proc = mail_assistant(
        hanako.address,
        "--incoming",
        lab.endpoint("imaps").url,
        "--json",
        *lab_args(lab),
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["incoming"]["ok"] is True
