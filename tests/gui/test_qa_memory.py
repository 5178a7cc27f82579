"""Long sessions: a run that has ended leaves nothing behind (memory must not grow run after run)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import null
from PySide6.QtCore import SIGNAL
from PySide6.QtWidgets import QDialogButtonBox

from assistant.core.secrets import PasswordStore
from assistant.core.store import SettingsStore
from assistant.gui.windows.main import MainWindow
from tests.gui.lab_accounts import lab_account, write_settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RUN_TIMEOUT = 30_000


def test_repeated_test_now_runs_keep_nothing_of_the_runs_that_ended(
    qtbot: Any, app: Any, lab: Any, config: Path
) -> None:
    write_settings(config, lab_account(lab))
    w = MainWindow(store=SettingsStore(config), passwords=PasswordStore(null.Keyring()), net=lab.net_config())
    qtbot.addWidget(w)
    destroyed = SIGNAL("destroyed(QObject*)")
    tokens: list[weakref.ref[Any]] = []
    listeners: list[int] = []
    for _ in range(3):
        with qtbot.waitSignal(w.run_finished, timeout=RUN_TIMEOUT) as finished:
            w.panel.test_button.click()
            qtbot.waitUntil(
                lambda: (
                    w.password_flow.password_dialog is not None
                    and w.password_flow.password_dialog.isVisible()
                )
            )
            dialog = w.password_flow.password_dialog
            assert dialog is not None
            dialog.password.setText(lab.canary)
            dialog.save.setChecked(False)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            assert w.runs.job is not None  # started by the click, ended by the GUI thread's timer
            tokens.append(weakref.ref(w.runs.job.token))
        assert finished.args == ["done"] and w.panel.outcome is not None and w.panel.outcome.ok
        listeners.append(w.runs.receivers(destroyed) + w.password_flow.receivers(destroyed))
    gc.collect()
    # each run's cancel token (and what came with it) went with its run; nothing piles up on the window
    assert [ref() is None for ref in tokens] == [True, True, True]
    assert listeners[0] == listeners[1] == listeners[2]
