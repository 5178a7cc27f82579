"""Misbehaving servers on real sockets, for what Postfix and Dovecot can't do on demand."""

# Run as a process: `python -m tests.lab.fakes SPEC.json` (the Lab does this). The spec lists servers
# {"name", "behaviour", "host", "port", "tls": "ssl"|"starttls"|"none"} plus "cert", "key", "ready_file".
# Behaviours (see BEHAVIOURS): SMTP ones speak enough SMTP for a client to reach the interesting reply;
# IMAP/POP3 ones give one scripted refusal; "drop" is a listener whose full accept queue makes the kernel
# drop SYNs (a connect times out, like a port filtered by OP25B).

from __future__ import annotations

import asyncio
import base64
import json
import socket
import ssl
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

Reader = asyncio.StreamReader
Writer = asyncio.StreamWriter

BEHAVIOURS = {
    # name: (protocol, what it does)
    "smtp-421": ("smtp", "greets with 421 4.3.2 Service not available, closing channel"),
    "smtp-silent": ("smtp", "accepts TCP, never sends a byte"),
    "smtp-drip": ("smtp", "sends an endless multi-line 220 greeting, one byte per second"),
    "smtp-eof-after-ehlo": ("smtp", "greets, then closes the connection when EHLO arrives"),
    "smtp-534-app-password": (
        "smtp",
        "Gmail-style multi-line 534-5.7.9 Application-specific password required",
    ),
    "smtp-454-auth": ("smtp", "454 4.7.0 Temporary authentication failure"),
    "smtp-535-tenant": (
        "smtp",
        "Microsoft-style 535 5.7.139 SmtpClientAuthentication is disabled for the Tenant",
    ),
    "smtp-451-greylist": ("smtp", "AUTH succeeds, RCPT gets 451 4.7.1 greylisted"),
    "imap-bye": ("imap", "greets with * BYE"),
    "imap-unavailable": ("imap", "LOGIN gets NO [UNAVAILABLE]"),
    "pop3-in-use": ("pop3", "PASS gets -ERR [IN-USE]"),
    "pop3-sys-temp": ("pop3", "PASS gets -ERR [SYS/TEMP]"),
    "imap-old-tls": ("imap", "implicit TLS that offers only TLS 1.0/1.1, then a normal greeting"),
    "drop": ("any", "SYNs are dropped: connect times out"),
}
ONLY_SSL = {"imap-old-tls"}  # behaviours that exist only with implicit TLS (no -ssl suffix)

HOSTNAME = "fake.lab.test"


async def _line(reader: Reader) -> str:
    data = await reader.readline()
    if not data:
        raise ConnectionResetError
    return data.decode("utf-8", "replace").rstrip("\r\n")


async def _send(writer: Writer, text: str) -> None:
    writer.write(text.encode() + b"\r\n")
    await writer.drain()


class Session:
    """One client connection; `writer` may be swapped by STARTTLS."""

    def __init__(self, reader: Reader, writer: Writer, spec: dict[str, Any], tls: ssl.SSLContext | None):
        self.reader, self.writer, self.spec, self.tls = reader, writer, spec, tls
        self.secure = spec.get("tls") == "ssl"

    async def starttls(self) -> None:
        assert self.tls is not None
        await self.writer.start_tls(self.tls)
        self.secure = True

    async def send(self, text: str) -> None:
        await _send(self.writer, text)

    async def line(self) -> str:
        return await _line(self.reader)


# ---- SMTP -----------------------------------------------------------------------------------------

_AUTH_REPLIES = {
    "smtp-534-app-password": (
        "534-5.7.9 Application-specific password required. For more information, go to\r\n"
        "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor fake.lab.test - gsmtp"
    ),
    "smtp-454-auth": "454 4.7.0 Temporary authentication failure",
    "smtp-535-tenant": (
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
        "Visit https://aka.ms/smtp_auth_disabled for more information. [FAKE.lab.test]"
    ),
}


async def smtp(s: Session) -> None:
    behaviour = s.spec["behaviour"]
    if behaviour == "smtp-421":
        await s.send(f"421 4.3.2 {HOSTNAME} Service not available, closing transmission channel")
        return
    if behaviour == "smtp-silent":
        await asyncio.Event().wait()
    if behaviour == "smtp-drip":
        text = b"220-fake.lab.test slow greeting\r\n"
        while True:
            for byte in text:
                s.writer.write(bytes([byte]))
                await s.writer.drain()
                await asyncio.sleep(1.0)
    await s.send(f"220 {HOSTNAME} ESMTP fake")
    authed = False
    while True:
        line = await s.line()
        verb = line.split(" ", 1)[0].upper()
        if verb in ("EHLO", "HELO"):
            if behaviour == "smtp-eof-after-ehlo":
                s.writer.close()
                return
            caps = [HOSTNAME, "PIPELINING", "SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES"]
            if s.spec.get("tls") == "starttls" and not s.secure:
                caps.append("STARTTLS")
            else:
                caps.append("AUTH PLAIN LOGIN")
            await s.send(
                "\r\n".join(f"250{'-' if i < len(caps) - 1 else ' '}{c}" for i, c in enumerate(caps))
            )
        elif verb == "STARTTLS" and s.tls is not None and not s.secure:
            await s.send("220 2.0.0 Ready to start TLS")
            await s.starttls()
        elif verb == "AUTH":
            await _smtp_auth(s, line)
            authed = behaviour not in _AUTH_REPLIES
        elif verb == "MAIL":
            await s.send("250 2.1.0 Ok" if authed else "530 5.7.0 Authentication required")
        elif verb == "RCPT":
            if behaviour == "smtp-451-greylist":
                await s.send(
                    "451 4.7.1 <rcpt>: Recipient address rejected: Greylisted, try again in 300 seconds"
                )
            else:
                await s.send("250 2.1.5 Ok")
        elif verb in ("RSET", "NOOP"):
            await s.send("250 2.0.0 Ok")
        elif verb == "QUIT":
            await s.send("221 2.0.0 Bye")
            return
        else:
            await s.send("502 5.5.2 Error: command not recognized")


async def _smtp_auth(s: Session, line: str) -> None:
    # Read the whole exchange (never log it: it carries the password), then give the scripted answer.
    parts = line.split()
    mech = parts[1].upper() if len(parts) > 1 else ""
    if mech == "PLAIN" and len(parts) < 3:
        await s.send("334 ")
        await s.line()
    elif mech == "LOGIN":
        if len(parts) < 3:
            await s.send("334 " + base64.b64encode(b"Username:").decode())
            await s.line()
        await s.send("334 " + base64.b64encode(b"Password:").decode())
        await s.line()
    reply = _AUTH_REPLIES.get(s.spec["behaviour"], "235 2.7.0 Authentication successful")
    await s.send(reply)


# ---- IMAP and POP3 --------------------------------------------------------------------------------


async def imap(s: Session) -> None:
    if s.spec["behaviour"] == "imap-bye":
        await s.send("* BYE [UNAVAILABLE] Server shutting down for maintenance, try again later")
        return

    def caps() -> str:
        if s.spec.get("tls") == "starttls" and not s.secure:
            return "IMAP4rev1 STARTTLS LOGINDISABLED"
        return "IMAP4rev1 AUTH=PLAIN"

    await s.send(f"* OK [CAPABILITY {caps()}] fake IMAP ready")
    while True:
        line = await s.line()
        tag, _, rest = line.partition(" ")
        cmd = rest.split(" ", 1)[0].upper()
        if cmd == "CAPABILITY":
            await s.send(f"* CAPABILITY {caps()}")
            await s.send(f"{tag} OK CAPABILITY completed")
        elif cmd == "STARTTLS" and s.tls is not None and not s.secure:
            await s.send(f"{tag} OK Begin TLS negotiation now")
            await s.starttls()
        elif cmd in ("LOGIN", "AUTHENTICATE"):
            if cmd == "AUTHENTICATE" and len(rest.split()) < 3:
                await s.send("+ ")
                await s.line()
            await s.send(f"{tag} NO [UNAVAILABLE] Temporary authentication failure, try again later")
        elif cmd == "LOGOUT":
            await s.send("* BYE Logging out")
            await s.send(f"{tag} OK LOGOUT completed")
            return
        elif cmd == "NOOP":
            await s.send(f"{tag} OK NOOP completed")
        else:
            await s.send(f"{tag} BAD Unknown command")


_POP3_REPLIES = {
    "pop3-in-use": "-ERR [IN-USE] Unable to lock maildrop: mailbox is in use by another session",
    "pop3-sys-temp": "-ERR [SYS/TEMP] Temporary system error, try again later",
}


async def pop3(s: Session) -> None:
    await s.send("+OK fake POP3 ready")
    while True:
        line = await s.line()
        cmd = line.split(" ", 1)[0].upper()
        if cmd == "CAPA":
            caps = ["USER", "SASL PLAIN", "RESP-CODES", "UIDL"]
            if s.spec.get("tls") == "starttls" and not s.secure:
                caps.append("STLS")
            await s.send("+OK\r\n" + "\r\n".join(caps) + "\r\n.")
        elif cmd == "STLS" and s.tls is not None and not s.secure:
            await s.send("+OK Begin TLS negotiation")
            await s.starttls()
        elif cmd == "USER":
            await s.send("+OK")
        elif cmd in ("PASS", "AUTH"):
            if cmd == "AUTH" and len(line.split()) < 3:
                await s.send("+ ")
                await s.line()
            await s.send(_POP3_REPLIES[s.spec["behaviour"]])
        elif cmd == "QUIT":
            await s.send("+OK Bye")
            return
        else:
            await s.send("-ERR Unknown command")


# ---- the process ----------------------------------------------------------------------------------

_PROTOCOLS: dict[str, Callable[[Session], Awaitable[None]]] = {"smtp": smtp, "imap": imap, "pop3": pop3}


def _drop_listener(host: str, port: int) -> list[socket.socket]:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind((host, port))
    listener.listen(0)
    # Fill the accept queue with one connection nobody accepts: the kernel then drops further SYNs.
    filler = socket.socket(family, socket.SOCK_STREAM)
    filler.settimeout(2.0)
    filler.connect((host, port))  # completes at once: the queue has room for exactly this one
    return [listener, filler]


def _old_tls(spec: dict[str, Any]) -> ssl.SSLContext:
    old = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    old.set_ciphers("ALL:@SECLEVEL=0")
    old.minimum_version = ssl.TLSVersion.TLSv1
    old.maximum_version = ssl.TLSVersion.TLSv1_1
    old.load_cert_chain(spec["cert"], spec["key"])
    return old


def _old_tls_server(server: dict[str, Any], ctx: ssl.SSLContext) -> socket.socket:
    # Blocking handshakes in a thread: asyncio closes without sending OpenSSL's protocol_version alert.
    listener = socket.create_server((server["host"], server["port"]))

    def serve_forever() -> None:
        while True:
            conn, _ = listener.accept()
            with conn:
                conn.settimeout(5)
                try:
                    with ctx.wrap_socket(conn, server_side=True) as tls:
                        tls.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] old server ready\r\n")
                        tls.recv(1000)
                except OSError:
                    pass

    threading.Thread(target=serve_forever, daemon=True).start()
    return listener


async def serve(spec: dict[str, Any]) -> None:
    tls: ssl.SSLContext | None = None
    if spec.get("cert"):
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(spec["cert"], spec["key"])
    keep: list[Any] = []
    for server in spec["servers"]:
        if server["behaviour"] == "drop":
            keep.extend(_drop_listener(server["host"], server["port"]))
            continue
        protocol = BEHAVIOURS[server["behaviour"]][0]

        def handler(
            srv: dict[str, Any] = server, proto: str = protocol
        ) -> Callable[[Reader, Writer], Awaitable[None]]:
            async def handle(reader: Reader, writer: Writer) -> None:
                session = Session(reader, writer, srv, tls)
                try:
                    await _PROTOCOLS[proto](session)
                except (ConnectionError, ssl.SSLError, asyncio.IncompleteReadError, OSError):
                    pass
                finally:
                    session.writer.close()

            return handle

        if server["behaviour"] == "imap-old-tls":
            keep.append(_old_tls_server(server, _old_tls(spec)))
            continue
        keep.append(
            await asyncio.start_server(
                handler(),
                server["host"],
                server["port"],
                ssl=tls if server.get("tls") == "ssl" else None,
                reuse_address=True,
            )
        )
    Path(spec["ready_file"]).write_text("ready\n")
    await asyncio.Event().wait()


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text())
    asyncio.run(serve(spec))


if __name__ == "__main__":
    main()
