"""The settings' values (accounts, their last check, accepted certificates) and their JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from assistant.core.store import SCHEMA_VERSION

if TYPE_CHECKING:
    from assistant.core.model import ServerSettings
    from assistant.core.store import SettingsProblem


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
        """Add `account`, or replace the one with the same address (keeping its place in the list).

        Pins of servers no account uses any more (the edited account's old host or port) are dropped."""
        accounts = list(self.accounts)
        for i, existing in enumerate(accounts):
            if existing.address == account.address:
                accounts[i] = account
                break
        else:
            accounts.append(account)
        return replace(self, accounts=tuple(accounts)).without_unused_pins()

    def without_account(self, address: str) -> Settings:
        """Remove the account, and with it the pins of every server that no remaining account uses
        (an accepted certificate must not outlive the accounts it was accepted for)."""
        rest = replace(self, accounts=tuple(a for a in self.accounts if a.address != address))
        return rest.without_unused_pins()

    def without_unused_pins(self) -> Settings:
        """Keep only the pins of a host:port that some account's incoming or outgoing server uses."""
        used = {pin_key(s.host, s.port) for a in self.accounts for s in (a.incoming, a.outgoing)}
        return replace(self, pins={key: sha for key, sha in self.pins.items() if key in used})

    def pin(self, host: str, port: int) -> str | None:
        return self.pins.get(pin_key(host, port))

    def with_pin(self, host: str, port: int, sha256: str) -> Settings:
        pins = dict(self.pins)
        pins[pin_key(host, port)] = sha256.replace(":", "").lower()
        return replace(self, pins=pins)


def pin_key(host: str, port: int) -> str:
    host = host.lower().rstrip(".")
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


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
