"""Which Qt plugins, libraries and translations a bundle keeps: the app's Widgets-only needs, per platform."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Plugin folder -> plugin names kept (file name without "lib"/"q" prefix variants and extension).
# Anything in a folder not listed here is dropped.
KEEP_PLUGINS: dict[str, set[str] | None] = {
    # offscreen for --self-test and CI; xcb for X11 and XWayland; the native ones elsewhere.
    # Wayland-native is left out: it needs four more plugin folders (shell, decorations, graphics)
    # and libQt6WaylandClient; every Wayland desktop runs the app through XWayland instead.
    "platforms": {"qoffscreen", "qxcb", "qwindows", "qcocoa"},
    "xcbglintegrations": None,  # None: keep the whole folder
    # Japanese input methods (IBus, and the compose key) reach Qt through these.
    "platforminputcontexts": {"ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"},
    # Dark mode and native dialogs. GTK3 itself is not bundled: the .deb only recommends it.
    "platformthemes": {"qxdgdesktopportal", "qgtk3"},
    "styles": None,  # qmodernwindowsstyle (Windows), qmacstyle (macOS)
    "imageformats": {"qsvg", "qico"},
    "iconengines": {"qsvgicon"},
}

# Qt modules the app never imports (PyInstaller would otherwise follow PySide6/__init__'s QtNetwork import).
EXCLUDED_MODULES = [
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtHelp",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "tkinter",
    "pydoc",
    "xmlrpc",
    "lib2to3",
    "readline",  # interactive line editing: the app has no prompt that needs it
    # Not for size: PyInstaller adds a runtime hook for each of these, and the hook imports the package at
    # every start, before our code runs. setuptools (~60 ms: distutils, packaging, jaraco.text, ssl,
    # email) only got in because keyring's jaraco.context names `backports.tarfile` for Python < 3.12,
    # which PyInstaller resolves to setuptools' vendored copy; nothing uses it at run time.
    # multiprocessing (~10 ms: socket, pickle, subprocess) comes with concurrent.futures, whose
    # ProcessPoolExecutor the app never uses (threads only).
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
    "multiprocessing",
]

# Qt libraries only the dropped plugins need (the Wayland plugin, EGLFS, the TLS and network plugins),
# and Windows' software OpenGL (20 MB), which widgets drawn by the raster engine never load.
DROPPED_LIBRARIES = re.compile(
    r"(^|/)(lib)?Qt6?(Network|WaylandClient|WaylandEgl\w*|WlShellIntegration|EglFS\w*|EglFsKmsSupport"
    r"|Qml\w*|Quick\w*|VirtualKeyboard\w*|Pdf\w*)(\.so|\.dll|\.dylib|\b)"
    r"|(^|/)opengl32sw\.dll$",
)

# Qt's own translations: only Japanese (English is Qt's source language).
KEPT_TRANSLATIONS = {"qtbase_ja.qm", "qt_ja.qm"}


def _plugin_name(file_name: str) -> str:
    stem = file_name.split(".")[0]
    return stem.removeprefix("lib")


def keep(dest: str) -> bool:
    """Whether a bundle entry (its destination path inside the bundle) stays."""
    path = dest.replace("\\", "/")
    parts = path.split("/")
    if "plugins" in parts:
        i = parts.index("plugins")
        if len(parts) <= i + 2:
            return True
        folder, name = parts[i + 1], _plugin_name(parts[-1])
        if folder not in KEEP_PLUGINS:
            return False
        wanted = KEEP_PLUGINS[folder]
        return wanted is None or name in wanted
    if "translations" in parts and path.endswith(".qm") and "PySide6" in parts:
        return parts[-1] in KEPT_TRANSLATIONS
    return not DROPPED_LIBRARIES.search(path)


def prune(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The TOC entries that `keep`."""
    return [entry for entry in entries if keep(entry[0])]
