"""Settings on disk: round trip, atomic replacement, corrupt files kept aside; the redacting log."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.core.model import Protocol, Security, ServerSettings
from assistant.core.store import (
    CONFIG_DIR_ENV,
    SCHEMA_VERSION,
    Account,
    CheckSummary,
    Settings,
    SettingsStore,
    config_dir,
    log_path,
    remember_secret,
    setup_logging,
)

ROOT = Path(__file__).resolve().parents[2]


def account(address: str = "taro@example.jp", **changes: object) -> Account:
    base = Account(
        address=address,
        display_name="山田 太郎",
        incoming=ServerSettings(Protocol.IMAP, "imap.example.jp", 993, Security.SSL, address),
        outgoing=ServerSettings(Protocol.SMTP, "smtp.example.jp", 587, Security.STARTTLS, address),
        password_saved=True,
        last_check=CheckSummary("2026-11-28T02:00:00+00:00", True, False, ("auth.failed",)),
    )
    return Account(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_round_trip_and_file_shape(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "cfg")
    assert store.load().settings == Settings()
    settings = (
        Settings(language="ja")
        .with_account(account())
        .with_account(account("hanako@example.jp", password_saved=False, last_check=None))
        .with_pin("IMAP.example.jp.", 993, "AB:CD:EF")
    )
    store.save(settings)
    loaded = store.load()
    assert loaded.problem is None
    assert loaded.settings == settings
    assert loaded.settings.pin("imap.example.jp", 993) == "abcdef"
    assert [a.address for a in loaded.settings.accounts] == ["taro@example.jp", "hanako@example.jp"]
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["schema"] == SCHEMA_VERSION
    assert "山田 太郎" in store.path.read_text(encoding="utf-8")  # readable UTF-8, not \\u escapes
    if os.name == "posix":
        assert store.path.stat().st_mode & 0o077 == 0
    assert sorted(p.name for p in store.directory.iterdir()) == ["settings.json"]  # no temp files left


def test_replace_and_remove_accounts_keep_order() -> None:
    settings = Settings().with_account(account("a@example.jp")).with_account(account("b@example.jp"))
    changed = settings.with_account(account("a@example.jp", display_name="A"))
    assert [a.display_name for a in changed.accounts] == ["A", "山田 太郎"]
    assert [a.address for a in changed.without_account("a@example.jp").accounts] == ["b@example.jp"]


def test_removing_an_account_drops_the_pins_no_remaining_account_uses(tmp_path: Path) -> None:
    shared = ServerSettings(Protocol.SMTP, "smtp.example.jp", 587, Security.STARTTLS, "")
    own_imap = ServerSettings(Protocol.IMAP, "sv1234.Hosting.example.net.", 993, Security.SSL, "")
    other_imap = ServerSettings(Protocol.IMAP, "sv1234.hosting.example.net", 143, Security.STARTTLS, "")
    taro = account("taro@example.jp", incoming=own_imap, outgoing=shared)
    hanako = account("hanako@example.jp", incoming=other_imap, outgoing=shared)
    v6_imap, v6_smtp = replace(own_imap, host="::1"), replace(shared, host="::1")
    ipv6 = account("v6@example.jp", incoming=v6_imap, outgoing=v6_smtp)
    settings = (
        Settings()
        .with_account(taro)
        .with_account(hanako)
        .with_account(ipv6)
        .with_pin("sv1234.hosting.example.net", 993, "11" * 32)  # only taro's (case and dot don't matter)
        .with_pin("sv1234.hosting.example.net", 143, "22" * 32)  # hanako's: same host, other port
        .with_pin("smtp.example.jp", 587, "33" * 32)  # both use it
        .with_pin("old.example.jp", 993, "44" * 32)  # left over from an account removed long ago
        .with_pin("::1", 993, "55" * 32)
    )
    after = settings.without_account("taro@example.jp")
    assert sorted(after.pins) == ["[::1]:993", "smtp.example.jp:587", "sv1234.hosting.example.net:143"]
    assert after.pin("sv1234.hosting.example.net", 993) is None
    assert after.pin("smtp.example.jp", 587) == "33" * 32
    store = SettingsStore(tmp_path)
    store.save(after.without_account("v6@example.jp"))
    assert sorted(store.load().settings.pins) == ["smtp.example.jp:587", "sv1234.hosting.example.net:143"]
    assert Settings(pins={"x.example.jp:993": "66" * 32}).without_account("nobody@example.jp").pins == {}
    assert settings.pins["old.example.jp:993"] == "44" * 32  # the original value is left as it was


def test_changing_an_accounts_server_drops_the_old_servers_pin() -> None:
    imap = ServerSettings(Protocol.IMAP, "mail.example.jp", 993, Security.SSL, "")
    smtp = ServerSettings(Protocol.SMTP, "mail.example.jp", 465, Security.SSL, "")
    taro = account("taro@example.jp", incoming=imap, outgoing=smtp)
    settings = Settings().with_account(taro).with_pin("mail.example.jp", 993, "11" * 32)
    settings = settings.with_pin("mail.example.jp", 465, "22" * 32)
    moved = replace(taro, incoming=replace(imap, port=143, security=Security.STARTTLS))
    edited = settings.with_account(moved)
    assert sorted(edited.pins) == ["mail.example.jp:465"]
    # The wizard pins a certificate and saves the account in one go: the pin of a server in use stays.
    again = edited.with_pin("mail.example.jp", 143, "33" * 32).with_account(moved)
    assert again.pin("mail.example.jp", 143) == "33" * 32


def test_save_replaces_the_file_instead_of_rewriting_it(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.save(Settings().with_account(account()))
    before = store.path.stat().st_ino
    store.save(Settings())
    assert store.path.stat().st_ino != before  # a new file renamed into place


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    # a real failure half-way through writing: the file size limit of a child process
    store = SettingsStore(tmp_path)
    store.save(Settings().with_account(account()))
    original = store.path.read_bytes()
    script = f"""
import resource, signal, sys
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from assistant.core.store import SettingsStore, Settings
from tests.core.test_store import account
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
settings = Settings()
for i in range(50):
    settings = settings.with_account(account(f"user{{i}}@example.jp"))
try:
    SettingsStore(Path({str(tmp_path)!r})).save(settings)
except OSError as exc:
    print("failed", exc.errno)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.startswith("failed"), out.stderr
    assert store.path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [
        b'{"schema": 1, "accounts": [',  # cut off mid-write by some other program
        b"\xff\xfe not utf-8",
        b'{"schema": 1, "accounts": [{"address": 5}]}',
        b'{"schema": 1, "accounts": [{"address": "a@b.jp", "incoming": {"protocol": "imap", '
        b'"host": "h", "port": 99999, "security": "ssl"}, "outgoing": {}}]}',
        b'["a list"]',
        b'{"accounts": []}',
    ],
)
def test_corrupt_file_is_kept_aside_and_reported(tmp_path: Path, content: bytes) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_bytes(content)
    loaded = store.load()
    assert loaded.settings == Settings()
    assert loaded.problem is not None and loaded.problem.reason == "corrupt"
    kept = loaded.problem.kept_as
    assert kept.parent == tmp_path and kept.name.startswith("settings.json.corrupt-")
    assert kept.read_bytes() == content
    assert not store.path.exists()
    # the next start is clean, and saving does not touch the kept copy
    assert store.load().problem is None
    store.save(Settings().with_account(account()))
    assert kept.read_bytes() == content


def test_two_corrupt_files_in_the_same_second_both_kept(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    kept = []
    for content in (b"{first", b"{second"):
        store.path.write_bytes(content)
        problem = store.load().problem
        assert problem is not None
        kept.append(problem.kept_as)
    assert kept[0] != kept[1]
    assert [k.read_bytes() for k in kept] == [b"{first", b"{second"]


def test_file_from_a_newer_version_is_not_overwritten(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    newer = json.dumps({"schema": SCHEMA_VERSION + 1, "accounts": [{"whatever": True}]}).encode()
    store.path.write_bytes(newer)
    loaded = store.load()
    assert loaded.problem is not None and loaded.problem.reason == "newer"
    assert loaded.problem.kept_as.read_bytes() == newer


def test_config_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "here"))
    assert config_dir() == tmp_path / "here"
    assert SettingsStore().path == tmp_path / "here" / "settings.json"
    assert log_path().parent == tmp_path / "here" / "logs"
    monkeypatch.delenv(CONFIG_DIR_ENV)
    assert "mail-setup-assistant" in str(config_dir())


def test_log_never_contains_a_known_secret(tmp_path: Path) -> None:
    secret = "log-canary-パスワード-5521"
    path = setup_logging(tmp_path / "logs" / "app.log")
    remember_secret(secret)
    log = logging.getLogger("assistant.test")
    log.warning("login with %s failed", secret)
    log.warning(f"formatted in: {secret}")
    try:
        raise RuntimeError(f"server said: bad password {secret}")
    except RuntimeError:
        log.exception("unexpected error")
    log.warning("stack", stack_info=True)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_mail_assistant", False)]:
        root.removeHandler(handler)
        handler.close()
    text = path.read_text(encoding="utf-8")
    assert secret not in text
    assert text.count("********") >= 3
    assert "RuntimeError: server said: bad password ********" in text
