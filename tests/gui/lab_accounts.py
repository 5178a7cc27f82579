"""Lab accounts as the main window stores them, and a check that a secret is in no file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.core.store import Account, Settings, SettingsStore


def lab_account(
    lab: Any, *, incoming: str = "imaps", outgoing: str = "submission", saved: bool = False
) -> Account:
    address = lab.accounts["taro"].address
    return Account(
        address=address,
        display_name="Taro Lab",
        incoming=lab.settings(incoming),
        outgoing=lab.settings(outgoing),
        password_saved=saved,
    )


def write_settings(config: Path, *accounts: Account) -> SettingsStore:
    store = SettingsStore(config)
    store.save(Settings(accounts=tuple(accounts)))
    return store


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def assert_not_in_files(folder: Path, secret: str) -> None:
    for path in files_under(folder):
        assert secret.encode() not in path.read_bytes(), path
