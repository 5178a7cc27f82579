"""Non-secret settings on disk (atomic JSON with a schema version), and a log that redacts secrets."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core.model import ServerSettings

# json and the model's enums are imported where they are used: a first start has no settings file, and
# the window's start-up time counts every import.

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


# --- the settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckSummary:
    """The outcome of the last check of an account, to show in the list without re-testing."""

    when: str  # ISO 8601, UTC
    incoming_ok: bool | None  # None: not tested
    outgoing_ok: bool | None
    codes: tuple[str, ...] = ()  # failure codes, e.g. ("auth.failed",)


@dataclass(frozen=True)
class Account:
    """One mail account. The password is not here: it lives in the keyring (assistant.core.secrets)."""

    address: str
    display_name: str
    incoming: ServerSettings
    outgoing: ServerSettings
    password_saved: bool = False  # False: the user chose (or had) to type it each time
    last_check: CheckSummary | None = None


@dataclass(frozen=True)
class Settings:
    accounts: tuple[Account, ...] = ()
    language: str | None = None  # "ja" / "en"; None follows the system
    pins: dict[str, str] = field(default_factory=dict)  # "host:port" -> SHA-256 of the accepted cert

    def account(self, address: str) -> Account | None:
        for account in self.accounts:
            if account.address == address:
                return account
        return None

    def with_account(self, account: Account) -> Settings:
        """Add `account`, or replace the one with the same address (keeping its place in the list)."""
        accounts = list(self.accounts)
        for i, existing in enumerate(accounts):
            if existing.address == account.address:
                accounts[i] = account
                break
        else:
            accounts.append(account)
        return replace(self, accounts=tuple(accounts))

    def without_account(self, address: str) -> Settings:
        return replace(self, accounts=tuple(a for a in self.accounts if a.address != address))

    def pin(self, host: str, port: int) -> str | None:
        return self.pins.get(pin_key(host, port))

    def with_pin(self, host: str, port: int, sha256: str) -> Settings:
        pins = dict(self.pins)
        pins[pin_key(host, port)] = sha256.replace(":", "").lower()
        return replace(self, pins=pins)


def pin_key(host: str, port: int) -> str:
    host = host.lower().rstrip(".")
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class SettingsProblem(Exception):
    """The settings file could not be used; it was moved aside (never deleted) to `kept_as`."""

    def __init__(self, reason: str, kept_as: Path) -> None:
        super().__init__(f"{reason}: {kept_as}")
        self.reason = reason  # "corrupt" or "newer" (written by a newer version of the app)
        self.kept_as = kept_as


@dataclass(frozen=True)
class Loaded:
    settings: Settings
    problem: SettingsProblem | None = None  # set when the file was unusable and set aside


def _server_to_json(server: ServerSettings) -> dict[str, Any]:
    return {
        "protocol": server.protocol.value,
        "host": server.host,
        "port": server.port,
        "security": server.security.value,
        "username": server.username,
        "auth": server.auth.value,
    }


def _server_from_json(data: Any) -> ServerSettings:
    from assistant.core.model import Auth, Protocol, Security, ServerSettings

    port = data["port"]
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise ValueError("port")
    return ServerSettings(
        protocol=Protocol(data["protocol"]),
        host=_text(data["host"]),
        port=port,
        security=Security(data["security"]),
        username=_text(data.get("username", "")),
        auth=Auth(data.get("auth", Auth.PASSWORD.value)),
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _optional_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise TypeError("expected true/false/null")


def settings_to_json(settings: Settings) -> dict[str, Any]:
    accounts = []
    for a in settings.accounts:
        item: dict[str, Any] = {
            "address": a.address,
            "display_name": a.display_name,
            "incoming": _server_to_json(a.incoming),
            "outgoing": _server_to_json(a.outgoing),
            "password_saved": a.password_saved,
        }
        if a.last_check is not None:
            item["last_check"] = {
                "when": a.last_check.when,
                "incoming_ok": a.last_check.incoming_ok,
                "outgoing_ok": a.last_check.outgoing_ok,
                "codes": list(a.last_check.codes),
            }
        accounts.append(item)
    return {
        "schema": SCHEMA_VERSION,
        "language": settings.language,
        "accounts": accounts,
        "pins": dict(sorted(settings.pins.items())),
    }


def settings_from_json(data: Any) -> Settings:
    """Parse the file's JSON; ValueError/TypeError/KeyError for anything that isn't ours."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_VERSION:
        raise ValueError("not a settings document of this version")
    language = data.get("language")
    if language not in (None, "ja", "en"):
        raise ValueError("language")
    accounts = []
    for item in data.get("accounts", []):
        check = item.get("last_check")
        summary = None
        if check is not None:
            summary = CheckSummary(
                when=_text(check["when"]),
                incoming_ok=_optional_bool(check.get("incoming_ok")),
                outgoing_ok=_optional_bool(check.get("outgoing_ok")),
                codes=tuple(_text(c) for c in check.get("codes", [])),
            )
        accounts.append(
            Account(
                address=_text(item["address"]),
                display_name=_text(item.get("display_name", "")),
                incoming=_server_from_json(item["incoming"]),
                outgoing=_server_from_json(item["outgoing"]),
                password_saved=bool(_optional_bool(item.get("password_saved", False))),
                last_check=summary,
            )
        )
    pins = data.get("pins", {})
    if not isinstance(pins, dict):
        raise TypeError("pins")
    return Settings(
        accounts=tuple(accounts),
        language=language,
        pins={_text(k): _text(v) for k, v in pins.items()},
    )


class SettingsStore:
    """settings.json in the config folder: read once at start, written whole and atomically."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else config_dir()
        self.path = self.directory / SETTINGS_FILE

    def load(self) -> Loaded:
        """The saved settings; a file we can't use is moved aside and reported in `Loaded.problem`."""
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
