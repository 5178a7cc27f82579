"""Passwords against a real Secret Service (gnome-keyring on a private D-Bus session bus)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail, null

from assistant.core.secrets import SERVICE, KeyringState, KeyringUnavailable, PasswordStore
from tests.lab.keyring import SecretServiceLab, keyring_with_a_prompt

PASSWORD = "canary-秘密-pässwörd-7731"


def _started(root: Path, monkeypatch: pytest.MonkeyPatch, **kwargs: object) -> SecretServiceLab:
    lab = SecretServiceLab(root, **kwargs)  # type: ignore[arg-type]
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", lab.bus_address)
    monkeypatch.delenv("DISPLAY", raising=False)
    return lab.start()


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceLab]:
    lab = _started(tmp_path, monkeypatch)
    try:
        yield lab
    finally:
        lab.stop()


def test_set_get_delete_round_trip(secret_service: SecretServiceLab) -> None:
    store = PasswordStore(secret_service.backend())  # type: ignore[arg-type]
    assert store.probe() is KeyringState.OK
    assert store.get("taro@example.jp") is None
    store.set("taro@example.jp", PASSWORD)
    store.set("hanako@example.jp", "another one")
    assert store.get("taro@example.jp") == PASSWORD
    # one service name for the app, the account address as the user name, nothing secret in the label
    entries = secret_service.items()
    assert {attrs["username"] for _, attrs in entries} == {"taro@example.jp", "hanako@example.jp"}
    assert {attrs["service"] for _, attrs in entries} == {SERVICE}
    assert all(PASSWORD not in label for label, _ in entries)
    store.set("taro@example.jp", "changed")
    assert store.get("taro@example.jp") == "changed"
    assert store.delete("taro@example.jp") is True
    assert store.get("taro@example.jp") is None
    assert store.delete("taro@example.jp") is False
    assert store.get("hanako@example.jp") == "another one"


def test_the_backend_name_can_be_asked_without_detecting_it(secret_service: SecretServiceLab) -> None:
    fresh = PasswordStore()
    assert fresh.backend_name(detect=False) == ""  # nothing detected yet, and nothing waited for
    assert fresh.backend_name().startswith("keyring.backends.SecretService")  # detection on the real bus
    assert fresh.backend_name(detect=False) == fresh.backend_name()  # known from now on
    assert PasswordStore(null.Keyring()).backend_name(detect=False) == "keyring.backends.null.Keyring"


def test_locked_keyring_is_reported_without_the_password(secret_service: SecretServiceLab) -> None:
    store = PasswordStore(secret_service.backend())  # type: ignore[arg-type]
    store.set("taro@example.jp", PASSWORD)
    secret_service.lock()
    assert store.probe() is KeyringState.LOCKED
    with pytest.raises(KeyringUnavailable) as caught:
        store.set("taro@example.jp", PASSWORD)
    assert caught.value.state is KeyringState.LOCKED
    assert PASSWORD not in str(caught.value) and PASSWORD not in repr(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_keyring_without_a_usable_collection_is_locked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the daemon runs but was never unlocked: creating the login keyring needs a prompt nobody can see
    lab = _started(tmp_path, monkeypatch, unlock_password=None)
    try:
        store = PasswordStore(lab.backend())  # type: ignore[arg-type]
        with pytest.raises(KeyringUnavailable) as caught:
            store.set("taro@example.jp", PASSWORD)
        assert caught.value.state is KeyringState.LOCKED
        assert "Prompt dismissed" in caught.value.detail
        assert PASSWORD not in caught.value.detail
    finally:
        lab.stop()


def test_no_session_bus_means_no_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import SecretService

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert PasswordStore(SecretService.Keyring()).probe() is KeyringState.NO_BACKEND
    for backend in (fail.Keyring(), null.Keyring()):
        store = PasswordStore(backend)
        assert store.probe() is KeyringState.NO_BACKEND
        with pytest.raises(KeyringUnavailable) as caught:
            store.set("taro@example.jp", PASSWORD)
        assert caught.value.state is KeyringState.NO_BACKEND


def test_keyring_chosen_by_keyring_itself_without_a_bus(tmp_path: Path) -> None:
    # what a user without any Secret Service gets: keyring's own detection lands on the fail backend
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
    env["HOME"] = str(tmp_path)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    code = (
        "from assistant.core.secrets import PasswordStore as P; s = P(); print(s.probe(), s.backend_name())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.split() == ["no_backend", "keyring.backends.fail.Keyring"]


def test_a_prompt_nobody_answers_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # with a display, unlocking a locked keyring opens gcr-prompter and waits for a person: forever
    with keyring_with_a_prompt(tmp_path / "prompt") as lab:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", lab.bus_address)
        monkeypatch.delenv("DISPLAY", raising=False)
        store = PasswordStore(lab.backend(), timeout=2.0)  # type: ignore[arg-type]
        store.set("taro@example.jp", PASSWORD)
        lab.lock()
        with pytest.raises(KeyringUnavailable) as caught:
            store.get("taro@example.jp")
        assert caught.value.state is KeyringState.LOCKED
        assert "did not answer" in caught.value.detail
