"""Non-secret settings on disk (atomic JSON with a schema version), and a log that redacts secrets."""

from __future__ import annotations

import logging
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # at run time they come from __getattr__ below
    from assistant.core.settings import (  # noqa: F401
        Account,
        CheckSummary,
        Loaded,
        Settings,
        pin_key,
        settings_from_json,
        settings_to_json,
    )

# The values (dataclasses) live in assistant.core.settings and json is imported where it is used: a first
# start has no settings file, and the window's start-up time counts every import. The values can still be
# imported from here, as before.
_VALUES = {
    "Account", "CheckSummary", "Loaded", "Settings", "pin_key", "settings_from_json", "settings_to_json"
}


def __getattr__(name: str) -> Any:
    if name in _VALUES:
        from assistant.core import settings

        return getattr(settings, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

APP_DIR_NAME = "mail-setup-assistant"
CONFIG_DIR_ENV = "MAIL_ASSISTANT_CONFIG_DIR"
"""Tests (and careful users) point this at another folder; logs then go to its logs/ subfolder."""

SCHEMA_VERSION = 1
SETTINGS_FILE = "settings.json"
LOG_FILE = "mail-assistant.log"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # here, not at the top: the window's start-up time counts every import

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    if os.environ.get(CONFIG_DIR_ENV):
        return config_dir() / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_FILE


# --- the settings file -------------------------------------------------------------------------


class SettingsProblem(Exception):
    """The settings file could not be used; it was moved aside (never deleted) to `kept_as`."""

    def __init__(self, reason: str, kept_as: Path) -> None:
        super().__init__(f"{reason}: {kept_as}")
        self.reason = reason  # "corrupt" or "newer" (written by a newer version of the app)
        self.kept_as = kept_as


class SettingsStore:
    """settings.json in the config folder: read once at start, written whole and atomically."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else config_dir()
        self.path = self.directory / SETTINGS_FILE

    def load(self) -> Loaded:
        """The saved settings; a file we can't use is moved aside and reported in `Loaded.problem`."""
        from assistant.core.settings import Loaded, Settings, settings_from_json

        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Loaded(Settings())
        import json

        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return Loaded(Settings(), self._set_aside("corrupt"))
        if isinstance(data, dict) and isinstance(data.get("schema"), int) and data["schema"] > SCHEMA_VERSION:
            return Loaded(Settings(), self._set_aside("newer"))
        try:
            return Loaded(settings_from_json(data))
        except (ValueError, TypeError, KeyError, AttributeError):
            return Loaded(Settings(), self._set_aside("corrupt"))

    def save(self, settings: Settings) -> None:
        """Write a temp file in the same folder, fsync it, then rename it over the old one."""
        import json
        import tempfile

        from assistant.core.settings import settings_to_json

        self.directory.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings_to_json(settings), ensure_ascii=False, indent=2) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=f".{SETTINGS_FILE}.", suffix=".tmp", dir=self.directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_directory(self.directory)

    def _set_aside(self, reason: str) -> SettingsProblem:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{SETTINGS_FILE}.{reason}-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{SETTINGS_FILE}.{reason}-{stamp}-{n}")
        os.replace(self.path, target)
        logging.getLogger(__name__).warning("settings file unusable (%s), kept as %s", reason, target)
        return SettingsProblem(reason, target)


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows can't open a directory for fsync; os.replace is atomic there anyway
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- the log -----------------------------------------------------------------------------------


class SecretRedactor(logging.Filter):
    """Replaces every secret it has been told about, in messages, arguments and tracebacks."""

    MASK = "********"

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str) -> None:
        """Remember `secret` and the forms it takes on the wire (quoted, base64 at any alignment)."""
        from assistant.core.transcript import secret_forms

        if secret:
            with self._lock:
                self._secrets.update(secret_forms(secret))

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)  # longest first: no partial leftovers
        for secret in secrets:
            text = text.replace(secret, self.MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


REDACTOR = SecretRedactor()
"""The process-wide redactor: secrets.PasswordStore registers every password it handles."""


def remember_secret(secret: str) -> None:
    """Tell the log about a secret so it can never be written out."""
    REDACTOR.add(secret)


def setup_logging(path: Path | None = None, *, level: int = logging.INFO) -> Path:
    """Log to the app's log file (rotated, UTF-8) through the redactor; returns the file's path."""
    import logging.handlers

    path = path if path is not None else log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.addFilter(REDACTOR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_mail_assistant", False)]:
        root.removeHandler(old)
        old.close()
    handler._mail_assistant = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path
