"""The send test: submit a labelled message to ourselves, find it in the mailbox, time it, delete it."""

from __future__ import annotations

import dataclasses
import re
import threading
import time
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from typing import Any

from assistant.core.failures import FailureCode
from assistant.core.messages import tr
from assistant.core.model import (
    EventCallback,
    Evidence,
    Protocol,
    ServerSettings,
    Stage,
    StageEvent,
    StageStatus,
)
from assistant.core.net import CancelToken, CheckFailure, Deadline, NetConfig
from assistant.core.pins import Pins
from assistant.core.probe.imap import ImapDialect
from assistant.core.probe.pop3 import Pop3Dialect
from assistant.core.probe.smtp import SmtpDialect
from assistant.core.probe.wire import Silent, Wire

POLL_INTERVAL = 0.2
IDLE_WAIT = 2.0  # IDLE is ended this often to search again anyway
ROLE = "send-test"
_SEARCH = re.compile(r"^\* SEARCH\b(.*)$", re.IGNORECASE)


@dataclass
class SendTestResult:
    ok: bool
    message_id: str
    round_trip_ms: float | None = None
    deleted: str = ""  # "expunged", "flagged", "deleted" (POP3 DELE) or "" if not found
    failure: Evidence | None = None
    submit: Any = None  # ServerResult of the SMTP session
    receive: Any = None  # ServerResult of the (last) IMAP/POP3 session

    def to_dict(self) -> dict[str, Any]:
        from assistant.core.check import to_jsonable

        return {
            "ok": self.ok,
            "message_id": self.message_id,
            "round_trip_ms": None if self.round_trip_ms is None else round(self.round_trip_ms, 1),
            "deleted": self.deleted,
            "failure": to_jsonable(self.failure),
            "submit": self.submit.to_dict() if self.submit is not None else None,
            "receive": self.receive.to_dict() if self.receive is not None else None,
        }


def build_message(address: str, message_id: str) -> bytes:
    """A short, clearly labelled message in both languages, saying it may be deleted."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = address
    msg["To"] = address
    msg["Subject"] = f"{tr('check.sendtest.subject', 'en')} / {tr('check.sendtest.subject', 'ja')}"
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = message_id
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Mail-Setup-Assistant"] = "send-test"
    msg.set_content(
        f"{tr('check.sendtest.body', 'en')}\n\n{tr('check.sendtest.body', 'ja')}\n", charset="utf-8"
    )
    return msg.as_bytes()


class _Shared:
    """What the sending and the receiving side tell each other."""

    def __init__(self) -> None:
        self.submitted = threading.Event()
        self.given_up = threading.Event()
        self.submit_started = 0.0
        self.found_at = 0.0
        self.deleted = ""


class _Submitter(SmtpDialect):
    shared: _Shared

    def action(self, wire: Wire) -> str:
        self.shared.submit_started = time.monotonic()
        detail = super().action(wire)
        self.shared.submitted.set()
        return detail


def _wait_submitted(shared: _Shared, wire: Wire) -> None:
    while not shared.submitted.is_set():
        if shared.given_up.is_set():
            raise CheckFailure(FailureCode.CHECK_CANCELLED, "the message was not sent")
        if wire.cancel is not None and wire.cancel.cancelled:
            raise CheckFailure(FailureCode.CHECK_CANCELLED)
        if wire.deadline.remaining() < 0.3:
            raise CheckFailure(FailureCode.CHECK_DEADLINE, "the message was not sent before the deadline")
        shared.submitted.wait(wire.deadline.poll(0.05))


def _pause(wire: Wire) -> None:
    if wire.deadline.remaining() < POLL_INTERVAL + 0.3:
        raise CheckFailure(FailureCode.SENDTEST_NOT_RECEIVED, "not in the mailbox before the deadline")
    if wire.cancel is not None and wire.cancel.wait(POLL_INTERVAL):
        raise CheckFailure(FailureCode.CHECK_CANCELLED)
    if wire.cancel is None:
        time.sleep(POLL_INTERVAL)


class _ImapFinder(ImapDialect):
    shared: _Shared
    message_id: str

    def action(self, wire: Wire) -> str:
        reply = self.response(wire, self.command(wire, "SELECT INBOX"))
        if reply.status != "OK":
            raise reply.failure(FailureCode.IMAP_SELECT_FAILED)
        _wait_submitted(self.shared, wire)
        while True:
            noop = self.command(wire, "NOOP")  # lets the server report new mail before the search
            search = self.command(wire, f'UID SEARCH HEADER Message-ID "{self.message_id}"')
            untagged = self.response(wire, noop).untagged  # pipelined: untagged lines may come before either
            reply = self.response(wire, search)
            untagged += reply.untagged
            uids = [w for line in untagged if (m := _SEARCH.match(line)) for w in m.group(1).split()]
            if reply.status == "OK" and uids:
                self.shared.found_at = time.monotonic()
                break
            self._wait_for_news(wire)
        uid_set = ",".join(uids)
        store = self.command(wire, f"UID STORE {uid_set} +FLAGS.SILENT (\\Deleted)")
        expunge = self.command(wire, f"UID EXPUNGE {uid_set}") if self.has("UIDPLUS") else None
        self.shared.deleted = "flagged" if self.response(wire, store).status == "OK" else ""
        if expunge is not None and self.response(wire, expunge).status == "OK":
            self.shared.deleted = "expunged"
        return f"found UID {uid_set}"

    def _wait_for_news(self, wire: Wire) -> None:
        """IDLE until the server reports new mail (RFC 2177), or a short poll pause without IDLE."""
        if not self.has("IDLE"):
            _pause(wire)
            return
        if wire.deadline.remaining() < 0.5:
            raise CheckFailure(FailureCode.SENDTEST_NOT_RECEIVED, "not in the mailbox before the deadline")
        tag = self.command(wire, "IDLE")
        if not self.read_line(wire).startswith("+"):
            _pause(wire)
            return
        until = time.monotonic() + min(IDLE_WAIT, wire.deadline.remaining() - 0.4)
        try:
            while "EXISTS" not in self.read_line(wire, silence_until=until).upper():
                pass
        except Silent:
            pass
        wire.send("DONE")
        self.response(wire, tag)


class _Pop3Finder(Pop3Dialect):
    shared: _Shared
    message_id: str

    def action(self, wire: Wire) -> str:
        wire.send("STAT")
        ok, code, text = self.reply(wire)
        if not ok:
            raise CheckFailure(FailureCode.POP3_STAT_FAILED, text, response_code=code)
        count = int(text.split()[0]) if text.split() and text.split()[0].isdigit() else 0
        for number in range(count, max(0, count - 20), -1):  # the newest messages are last
            wire.send(f"TOP {number} 0")
            ok, _, _ = self.reply(wire)
            headers = self.multiline(wire) if ok else []
            if any(h.lower().startswith("message-id:") and self.message_id in h for h in headers):
                self.shared.found_at = time.monotonic()
                wire.send(f"DELE {number}")
                ok, _, _ = self.reply(wire)
                self.shared.deleted = "deleted" if ok else ""
                return f"found message {number}"
        raise CheckFailure(FailureCode.SENDTEST_NOT_RECEIVED, "not in the mailbox yet")


def send_test(
    address: str,
    incoming: ServerSettings,
    outgoing: ServerSettings,
    password: str,
    *,
    net: NetConfig | None = None,
    on_event: EventCallback | None = None,
    cancel: CancelToken | None = None,
    deadline: Deadline | None = None,
    pins: Pins | None = None,
    allow_insecure: bool = False,
) -> SendTestResult:
    """Submit over `outgoing` while logging in to `incoming`, then poll until the message shows up."""
    from assistant.core.check import ServerResult, check_server

    deadline = deadline or Deadline(30.0)
    cancel = cancel or CancelToken()
    domain = address.rpartition("@")[2] or "localhost"
    message_id = f"<{uuid.uuid4().hex}.mail-setup-assistant@{domain}>"
    shared = _Shared()
    options: dict[str, Any] = dict(
        address=address,
        net=net,
        cancel=cancel,
        deadline=deadline,
        pins=pins,
        allow_insecure=allow_insecure,
        role=ROLE,
    )

    def emit(
        stage: Stage,
        status: StageStatus,
        elapsed: float = 0.0,
        detail: str = "",
        evidence: Evidence | None = None,
    ) -> None:
        if on_event is not None:
            try:
                on_event(StageEvent(ROLE, stage, status, elapsed, detail, evidence))
            except Exception:  # noqa: S110 - a face's callback must never break the test
                pass

    received: dict[str, ServerResult] = {}

    def receive() -> None:
        if incoming.protocol is Protocol.IMAP:
            finder = _ImapFinder(incoming, address)
            finder.shared, finder.message_id = shared, message_id
            received["result"] = check_server(incoming, password, dialect=finder, **options)
            return
        while True:  # POP3 shows a fixed snapshot per session: log in again until the message is there
            shared.submitted.wait(deadline.poll(0.05))
            if not shared.submitted.is_set():
                if shared.given_up.is_set() or cancel.cancelled or deadline.expired:
                    return
                continue
            pop = _Pop3Finder(incoming, address)
            pop.shared, pop.message_id = shared, message_id
            received["result"] = result = check_server(incoming, password, dialect=pop, **options)
            code = result.failure.code if result.failure else ""
            if code != FailureCode.SENDTEST_NOT_RECEIVED or deadline.remaining() < POLL_INTERVAL + 0.5:
                return
            if cancel.wait(POLL_INTERVAL):
                return

    started = time.monotonic()
    emit(Stage.SUBMIT, StageStatus.STARTED)
    receiver = threading.Thread(target=receive, name="send-test-receive", daemon=True)
    receiver.start()
    submitter = _Submitter(outgoing, address)
    submitter.shared, submitter.message = shared, build_message(address, message_id)
    submitted = check_server(outgoing, password, dialect=submitter, **options)
    result = SendTestResult(ok=False, message_id=message_id, submit=submitted)
    if submitted.failure is not None:
        shared.given_up.set()
        result.failure = dataclasses.replace(
            submitted.failure,
            stage=Stage.SUBMIT,
            extra={**submitted.failure.extra, "session_stage": submitted.failure.stage},
        )
        emit(Stage.SUBMIT, StageStatus.FAILED, _ms(started), result.failure.code, result.failure)
        receiver.join()
        result.receive = received.get("result")
        return result
    emit(Stage.SUBMIT, StageStatus.PASSED, _ms(started), str(submitted.facts.get("queued", ""))[:120])
    received_started = time.monotonic()
    emit(Stage.RECEIVE, StageStatus.STARTED)
    receiver.join()
    result.receive = got = received.get("result")
    if shared.found_at:
        result.ok = True
        result.round_trip_ms = (shared.found_at - shared.submit_started) * 1000.0
        result.deleted = shared.deleted
        emit(Stage.RECEIVE, StageStatus.PASSED, _ms(received_started), f"{result.round_trip_ms:.0f} ms")
        return result
    inner = got.failure if got is not None else None
    if inner is None or inner.code in (FailureCode.CHECK_DEADLINE, FailureCode.SERVER_TIMEOUT):
        inner = Evidence(
            stage=Stage.RECEIVE,
            code=FailureCode.SENDTEST_NOT_RECEIVED.value,
            host=incoming.host,
            port=incoming.port,
            protocol=incoming.protocol,
            security=incoming.security,
            text="not in the mailbox before the deadline",
        )
    result.failure = dataclasses.replace(
        inner, stage=Stage.RECEIVE, extra={**inner.extra, "session_stage": inner.stage}
    )
    emit(Stage.RECEIVE, StageStatus.FAILED, _ms(received_started), result.failure.code, result.failure)
    return result


def _ms(since: float) -> float:
    return (time.monotonic() - since) * 1000.0
