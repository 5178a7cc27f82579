"""The wizard's calls into the core (discovery, checks, explanations, saving), run through workers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.core.model import Evidence, Protocol, ServerSettings

Report = Callable[[object], None]


@dataclass(frozen=True)
class ServerOutcome:
    """One server's check as the result page needs it."""

    role: str  # "incoming" / "outgoing" / "send-test"
    settings: ServerSettings | None
    ok: bool
    evidence: Evidence | None = None
    transcript: str = ""  # already redacted by the core
    certificate: Any = None  # CertificateInfo seen during the check, if any
    detail: str = ""


@dataclass(frozen=True)
class CheckOutcome:
    servers: list[ServerOutcome] = field(default_factory=list)
    round_trip_ms: float | None = None  # the send test, when it ran and passed

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.servers)

    def failed(self) -> list[ServerOutcome]:
        return [s for s in self.servers if not s.ok]


def discover_task(address: str, net: Any) -> Callable[[Report, Any], Any]:
    """Discovery without the password: nothing logs in before the user has seen and confirmed the result."""

    def task(report: Report, cancel: Any) -> Any:
        from assistant.core.discovery import discover

        return discover(address, net=net, password=None, on_progress=report, cancel=cancel)

    return task


def _transcript_text(result: Any) -> str:
    transcript = getattr(result, "transcript", None)
    if transcript is None:
        return ""
    render = getattr(transcript, "render", None)
    return str(render()) if callable(render) else str(transcript)


def server_outcome(role: str, settings: ServerSettings | None, result: Any) -> ServerOutcome:
    """A core ServerResult (or SendTestResult) as the pages need it."""
    if result is None:
        return ServerOutcome(role, settings, False)
    evidence = getattr(result, "failure", None)
    transcript = _transcript_text(result)
    if role == "send-test":  # the send test keeps its SMTP and IMAP/POP sessions apart
        transcript = "\n".join(
            t for t in (_transcript_text(result.submit), _transcript_text(result.receive)) if t
        )
    certificate = getattr(result, "certificate", None)
    if evidence is not None and evidence.certificate is not None:
        certificate = evidence.certificate
    return ServerOutcome(role, settings, bool(result.ok), evidence, transcript, certificate)


def check_task(
    address: str,
    incoming: ServerSettings | None,
    outgoing: ServerSettings | None,
    password: str,
    *,
    net: Any,
    pins: dict[tuple[str, int], str],
    allow_insecure: bool,
    send_test: bool,
) -> Callable[[Report, Any], CheckOutcome]:
    """Both servers at once (the core runs them concurrently), then the optional send test."""
    pins = dict(pins)

    def task(report: Report, cancel: Any) -> CheckOutcome:
        from assistant.core.check import check_account

        result = check_account(
            address,
            incoming,
            outgoing,
            password,
            net=net,
            on_event=report,
            cancel=cancel,
            pins=pins,
            allow_insecure=allow_insecure,
            send_test=send_test,
        )
        servers = []
        if incoming is not None:
            servers.append(server_outcome("incoming", incoming, result.incoming))
        if outgoing is not None:
            servers.append(server_outcome("outgoing", outgoing, result.outgoing))
        sent = result.send_test
        if sent is not None:
            servers.append(server_outcome("send-test", None, sent))
        round_trip = sent.round_trip_ms if sent is not None and sent.ok else None
        return CheckOutcome(servers, round_trip_ms=round_trip)

    return task


def explain(
    evidence: Evidence, notes: list[Any], lang: str, provider: str = "", related: list[Evidence] | None = None
) -> Any:
    """The catalog's explanation for this evidence, in the UI language (other failures give context)."""
    from assistant.core.explain import explain as core_explain

    ids = [str(getattr(n, "id", n)) for n in notes]
    return core_explain(
        evidence, lang=lang, provider=provider or None, provider_notes=ids, related=related or []
    )


def explain_code(explanation_id: str, lang: str, values: Mapping[str, Any] | None = None) -> Any:
    """A catalog entry by id (provider notes, address problems)."""
    from assistant.core.explain import explain_code as core_explain_code

    return core_explain_code(explanation_id, lang=lang, values=values)


def note_text(note: Any, lang: str) -> tuple[str, str]:
    """(title, text) of a provider note, worded by the catalog (with its example host and link)."""
    values = {"example": getattr(note, "example", ""), "url": getattr(note, "url", "")}
    found = explain_code(str(getattr(note, "id", note)), lang, {k: v for k, v in values.items() if v})
    return str(found.title), str(found.what)


def apply_fix(settings: ServerSettings, fix: Any) -> ServerSettings:
    """A new ServerSettings with an explanation's suggested_fix (a mapping or object of changed fields)."""
    from dataclasses import replace

    from assistant.core.model import Security

    if isinstance(fix, ServerSettings):
        return fix
    changes = (
        dict(fix)
        if isinstance(fix, Mapping)
        else {
            k: getattr(fix, k)
            for k in ("port", "security", "host", "protocol", "username")
            if getattr(fix, k, None) is not None
        }
    )
    allowed: dict[str, Any] = {}
    if "port" in changes:
        allowed["port"] = int(changes["port"])
    if "security" in changes:
        allowed["security"] = Security(str(changes["security"]))
    if "host" in changes:
        host = str(changes["host"]).strip().lower()
        host = host[4:] if host.startswith("dns:") else host  # a certificate's SAN, "DNS:name"
        if host and "." in host and not any(c.isspace() or c in "@/:=*" for c in host):
            allowed["host"] = host  # never a name the settings form itself would refuse
    if "protocol" in changes:
        allowed["protocol"] = Protocol(str(changes["protocol"]))
    if "username" in changes:
        allowed["username"] = str(changes["username"])
    return replace(settings, **allowed)


def keyring_state_task(passwords: Any = None) -> Callable[[Report, Any], str]:
    """Whether the password could be kept now: the core's keyring probe (a secrets.KeyringState value).
    On a worker: a locked keyring may show an unlock prompt and wait for it."""

    def task(report: Report, cancel: Any) -> str:
        from assistant.core.secrets import PasswordStore

        store = passwords or PasswordStore()
        return store.probe(cancel=cancel).value  # quitting does not wait for an unlock prompt

    return task


@dataclass(frozen=True)
class Saved:
    account: Any
    password_saved: bool
    keyring_problem: str = ""  # "", "no_backend" or "locked"
    settings_problem: str = ""  # where an unreadable old settings file was kept


def save_task(
    state: Any, save_password: bool, passwords: Any = None, store: Any = None
) -> Callable[[Report, Any], Saved]:
    """Write the account (settings file) and, when asked, its password (keyring), on a worker thread."""
    address = state.address.ascii
    display_name, password = state.display_name, state.password
    incoming, outgoing, pins = state.incoming, state.outgoing, dict(state.pins)
    from datetime import UTC, datetime

    tested = getattr(state, "result", None)  # the wizard's own test: the main window shows it as the last one
    tested_at = datetime.now(UTC).isoformat(timespec="seconds")

    def task(report: Report, cancel: Any) -> Saved:
        from assistant.core.secrets import KeyringUnavailable, PasswordStore
        from assistant.core.store import Account, SettingsStore

        problem = ""
        password_saved = False
        if save_password:
            try:  # quitting while an unlock prompt waits ends this as "locked": the account is still kept
                (passwords or PasswordStore()).set(address, password, cancel=cancel)
                password_saved = True
            except KeyringUnavailable as exc:
                problem = exc.state.value
        settings_store = store or SettingsStore()
        loaded = settings_store.load()
        settings = loaded.settings
        for (host, port), sha in pins.items():
            settings = settings.with_pin(host, port, sha)
        last_check = None
        if tested is not None:
            from assistant.core.store import CheckSummary

            roles = {s.role: s.ok for s in tested.servers}
            codes = tuple(str(s.evidence.code) for s in tested.failed() if s.evidence is not None)
            last_check = CheckSummary(tested_at, roles.get("incoming"), roles.get("outgoing"), codes)
        account = Account(
            address=address,
            display_name=display_name,
            incoming=incoming,
            outgoing=outgoing,
            password_saved=password_saved,
            last_check=last_check,
        )
        settings_store.save(settings.with_account(account))
        kept = str(loaded.problem.kept_as) if loaded.problem is not None else ""
        return Saved(account, password_saved, problem, kept)

    return task
