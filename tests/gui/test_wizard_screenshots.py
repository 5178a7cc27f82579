"""`mail-assistant screenshots`: every wizard scene renders to a non-empty PNG in Japanese and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from assistant.cli.screenshots import render_all
from assistant.gui import app as gui_app
from assistant.gui.wizard.scenes import SCENES


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_every_wizard_scene_renders_in_both_languages(qapp: Any, tmp_path: Path) -> None:
    try:
        written = render_all(tmp_path, ["ja", "en"], only="-")  # every name has a dash
    finally:
        gui_app.language().set("en")
    names = {p.name for p in written}
    for lang in ("ja", "en"):
        for scene, _build in SCENES:
            assert f"{lang}-{scene}.png" in names
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 200 and image.height() >= 100, path.name
