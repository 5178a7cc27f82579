"""The self-test from a source checkout, a broken installation it must reject, and the bundle's Qt pruning."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import qtparts  # noqa: E402


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keyring prompt: the self-test only reports the backend
    command = [sys.executable, *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_self_test_passes_from_source() -> None:
    done = run_python("-m", "assistant", "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "from source" in done.stdout


def test_self_test_json_names_every_check() -> None:
    done = run_python("-m", "assistant", "self-test", "--json")
    report = json.loads(done.stdout)
    names = {c["name"] for c in report["checks"]}
    assert {"qt", "translations", "providers", "keyring", "discovery", "explain"} <= names
    assert report["frozen"] is False and report["ok"] is (done.returncode == 0)


def test_self_test_reports_what_an_empty_bundle_lacks(tmp_path: Path) -> None:
    """A 'bundle' without resources: exit 1, each missing part named (by key: the catalog is gone too)."""
    script = (
        "import sys; sys._MEIPASS = sys.argv[1]\n"
        "from assistant.cli.selftest import run_self_test\n"
        "raise SystemExit(run_self_test('en'))\n"
    )
    done = run_python("-c", script, str(tmp_path))
    assert done.returncode == 1, done.stdout + done.stderr
    missing = [line for line in done.stdout.splitlines() if "selftest.failed" in line]
    for part in ("resources", "messages", "translations", "icons", "providers"):
        assert any(part in line for line in missing), f"{part} not reported:\n{done.stdout}"
    assert "Traceback" not in done.stdout + done.stderr


def test_bundle_keeps_what_the_app_needs_and_drops_the_rest() -> None:
    kept = [
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/translations/qtbase_ja.qm",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "resources/i18n/wizard_ja.qm",
    ]
    dropped = [
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\opengl32sw.dll",
        "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
    ]
    assert [d for d in kept if not qtparts.keep(d)] == []
    assert [d for d in dropped if qtparts.keep(d)] == []
