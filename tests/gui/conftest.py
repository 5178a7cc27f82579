"""GUI test fixtures: the app with its language, a private config folder, a real Secret Service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.core.store import CONFIG_DIR_ENV
from tests.lab.keyring import SecretServiceLab, keyring_with_a_prompt


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: Any) -> None:
    """As in the app: reference cycles (dead widgets among them) are collected on the GUI thread only,
    never on a lab server's or a worker's thread (see assistant/gui/workers.py)."""
    from assistant.gui.workers import collect_garbage_on_gui_thread

    collect_garbage_on_gui_thread()


@pytest.fixture
def app(qapp: Any) -> Any:
    from assistant.gui.app import create_app

    return create_app(lang="en")


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceLab]:
    """gnome-keyring on a private session bus, unlocked, reached through DBUS_SESSION_BUS_ADDRESS."""
    service = SecretServiceLab(tmp_path / "secret-service")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.bus_address)
    monkeypatch.delenv("DISPLAY", raising=False)
    service.start()
    try:
        yield service
    finally:
        service.stop()


@pytest.fixture
def unanswered_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceLab]:
    """A locked keyring whose unlock prompt opens on a display nobody looks at, and waits."""
    with keyring_with_a_prompt(tmp_path / "prompt") as service:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.bus_address)
        monkeypatch.delenv("DISPLAY", raising=False)  # only gnome-keyring sees that display
        service.lock()
        yield service

