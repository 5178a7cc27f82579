"""The core must stay free of Qt: import all of it in a fresh interpreter and look at sys.modules."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import assistant.core

PROBE = """
import importlib, json, pkgutil, sys
import assistant.core
names = [m.name for m in pkgutil.walk_packages(assistant.core.__path__, "assistant.core.")]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_core_imports_no_qt() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    expected = [m.name for m in pkgutil.walk_packages(assistant.core.__path__, "assistant.core.")]
    assert sorted(report["imported"]) == sorted(expected)
    assert "assistant.core.model" in report["imported"]
    assert report["qt"] == []


def test_probe_would_notice_qt() -> None:
    """The probe itself can fail: importing a Qt module shows up in its report."""
    code = "import PySide6.QtCore\n" + PROBE
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "PySide6.QtCore" in json.loads(out.stdout)["qt"]
