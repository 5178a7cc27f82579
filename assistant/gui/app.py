"""QApplication start-up: translators, language switch, JP-first fonts, error hook, lab settings."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from assistant.core.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

# Start-up time counts every Qt class and enum touched before the first paint (PySide builds them on
# first use; the `Qt` namespace alone costs ~10 ms), so this module and the main window's start path
# import the rarer ones where they are used.

log = logging.getLogger("assistant")

APP_NAME = "Mail Setup Assistant"
ORG_NAME = "mail-setup-assistant"

# Japanese fonts first so kanji get Japanese glyph shapes (Han unification), then Latin UI fonts.
_JA_FAMILIES = ["Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "Meiryo", "Hiragino Sans", "IPAexGothic"]
_LATIN_FAMILIES = ["Segoe UI", ".AppleSystemUIFont", "Noto Sans", "DejaVu Sans", "Cantarell"]


class Language(QObject):
    """The UI language and its translators (kept alive here: a dropped translator stops working)."""

    changed = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.code = ""

    def set(self, code: str) -> None:
        code = "ja" if code == "ja" else "en"
        if code == self.code:
            return
        for old in self._translators:
            self._app.removeTranslator(old)
        self._translators = []
        if code != "en":
            from PySide6.QtCore import QLibraryInfo

            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._load(Path(qt_dir) / f"qtbase_{code}.qm")
            for qm in sorted(resource_path("i18n").glob(f"*_{code}.qm")):
                self._load(qm)
        self.code = code
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if code == "ja" else QLocale.Language.English))
        self._app.setFont(ui_font(code, self._app.font()))
        self.changed.emit(code)

    def _load(self, path: Path) -> None:
        from PySide6.QtCore import QTranslator

        translator = QTranslator(self._app)  # parent keeps it alive; the list keeps it ours to remove
        if translator.load(str(path)):
            self._app.installTranslator(translator)
            self._translators.append(translator)
        else:
            log.warning("translation not loaded: %s", path.name)


def ui_font(code: str, base: QFont) -> QFont:
    font = QFont(base)
    families = _JA_FAMILIES + _LATIN_FAMILIES if code == "ja" else _LATIN_FAMILIES + _JA_FAMILIES
    font.setFamilies(families)
    return font


def detect_language() -> str:
    """MAIL_ASSISTANT_LANG, else Japanese when the system locale is Japanese, else English."""
    forced = os.environ.get("MAIL_ASSISTANT_LANG", "")
    if forced in ("ja", "en"):
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):  # as assistant.core.messages does
        value = os.environ.get(var, "")
        if value and not value.startswith(("C", "POSIX")):
            return "ja" if value.lower().startswith("ja") else "en"
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


_language: Language | None = None  # not app.findChild(Language): that builds the whole `Qt` namespace


def language() -> Language:
    """The application's Language object (after create_app)."""
    app = QApplication.instance()
    if app is None or _language is None or _language.parent() is not app:
        raise RuntimeError("create_app() has not run")
    return _language


def net_config() -> Any:
    """NetConfig for the core; the test lab is reached with MAIL_ASSISTANT_DNS=host:port and _CA_FILE."""
    from assistant.core.net import NetConfig

    kwargs: dict[str, Any] = {}
    dns = os.environ.get("MAIL_ASSISTANT_DNS", "").strip()
    if dns:
        host, _, port = dns.rpartition(":") if dns.count(":") == 1 or dns.startswith("[") else (dns, "", "")
        kwargs["dns_server"] = (host or dns).strip("[]")
        if port.isdigit():
            kwargs["dns_port"] = int(port)
    ca_file = os.environ.get("MAIL_ASSISTANT_CA_FILE", "").strip()
    if ca_file:
        kwargs["extra_ca_file"] = ca_file
    return NetConfig(**kwargs)


def _setup_logging() -> None:
    from assistant.core.store import setup_logging  # the app's log file, with secrets redacted

    try:
        setup_logging()
    except OSError:
        logging.basicConfig(level=logging.INFO)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
    """Unexpected errors: logged (no secrets: we log the exception, never field contents) and shown kindly."""
    import traceback

    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("unexpected error\n%s", details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    from assistant.gui.widgets.error_dialog import show_unexpected_error

    show_unexpected_error(details)


def create_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The QApplication with our name, fonts, language and error hook; reuses an existing one (tests)."""
    existing = QApplication.instance()
    if existing is None:
        # Qt 6 scales by the exact factor (PassThrough) and follows the system colour scheme by itself.
        QApplication.setApplicationName(APP_NAME)
        QApplication.setOrganizationName(ORG_NAME)
        app = QApplication(sys.argv[:1] + list(argv or []))
        sys.excepthook = _excepthook
    else:
        assert isinstance(existing, QApplication)
        app = existing
    global _language
    try:
        language()
    except RuntimeError:
        _language = Language(app)
    language().set(lang or detect_language())
    return app


def first_window() -> QWidget:
    """The main window (accounts) when it exists, else the setup wizard on its own."""
    try:
        from assistant.gui.windows.main import MainWindow  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        from assistant.gui.wizard import SetupWizard

        return SetupWizard(net=None)
    window: QWidget = MainWindow()
    return window


def run_gui(argv: list[str]) -> int:
    """`mail-assistant [--gui] [--lang ja|en] [--dns-server HOST:PORT] [--ca-file PEM]` (the last two
    point the app at a test lab, like MAIL_ASSISTANT_DNS / MAIL_ASSISTANT_CA_FILE)."""
    lang, qt_args = None, []
    args = iter(argv)
    for arg in args:
        name, _, value = arg.partition("=")
        if name in ("--lang", "--gui-lang", "--dns-server", "--ca-file") and not value:
            value = next(args, "")
        if name in ("--lang", "--gui-lang"):
            lang = value
        elif name == "--dns-server":
            os.environ["MAIL_ASSISTANT_DNS"] = value
        elif name == "--ca-file":
            os.environ["MAIL_ASSISTANT_CA_FILE"] = value
        elif name != "--gui":
            qt_args.append(arg)  # Qt's own options (-style, -platform …)
    app = create_app(qt_args, lang)
    app.aboutToQuit.connect(_join_workers)
    window = first_window()
    # The log file (logging.handlers, socket, pickle: ~10 ms of imports) is opened once the window has
    # been painted; until then warnings and errors reach stderr through logging's last resort.
    window.installEventFilter(_AfterFirstPaint(app, _setup_logging))
    if os.environ.get("MAIL_ASSISTANT_EXIT_WHEN_SHOWN"):  # tests/bench/startup.py
        window.installEventFilter(_ShownProbe(app))
    window.show()
    return int(app.exec())


def _join_workers() -> None:
    workers = sys.modules.get("assistant.gui.workers")  # imported with the first job, if any ran
    if workers is not None:
        workers.shutdown()


class _AfterFirstPaint(QObject):
    """Runs `then` once, as soon as the window it watches has been painted for the first time (or after
    two seconds, should it never be: started minimised, say)."""

    def __init__(self, parent: QObject, then: Any) -> None:
        super().__init__(parent)
        self._then: Any = then
        QTimer.singleShot(2000, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


class _ShownProbe(QObject):
    """For the start-up benchmark: print the wall clock at the first paint of the first window, then exit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._done)
            watched.removeEventFilter(self)
        return False

    def _done(self) -> None:
        import time

        print(f"shown {time.time():.6f}", flush=True)
        os._exit(0)
