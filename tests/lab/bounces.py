"""Real Postfix bounces (DSNs): send through the lab so its queue fails delivery and reports back."""

from __future__ import annotations

import smtplib
import ssl
import time
from email.message import EmailMessage
from email.utils import make_msgid
from typing import TYPE_CHECKING

from tests.lab.postfix import SMALL_LIMIT

if TYPE_CHECKING:
    from tests.lab import Lab

# kind -> recipient local part or address; the lab routes each to a "remote MX" that refuses it.
KINDS = {
    "unknown_user": "ghost@{domain}",  # remote says 550 5.1.1 user unknown
    "mailbox_full": "quota@{domain}",  # remote says 552 5.2.2 over quota
    "too_large": "big@{domain}",  # remote says 552 5.3.4 message size exceeds fixed limit
    "relay_denied": "someone@elsewhere.test",  # remote says 554 5.7.1 relay access denied
}


class BounceMaker:
    """Sends as bouncer@<domain> and waits for the DSN in bouncer's Maildir."""

    def __init__(self, lab: Lab) -> None:
        self.lab = lab

    def make(self, kind: str, timeout: float = 10.0) -> bytes:
        if kind not in KINDS:
            raise ValueError(f"unknown bounce kind {kind!r}; one of {', '.join(KINDS)}")
        lab = self.lab
        account = lab.accounts["bouncer"]
        rcpt = KINDS[kind].format(domain=lab.domain)
        msgid = make_msgid(domain=lab.domain)
        msg = EmailMessage()
        msg["From"] = account.address
        msg["To"] = rcpt
        msg["Subject"] = f"Mail lab test message ({kind})"
        msg["Message-ID"] = msgid
        body = "This message was sent by the mail lab to produce a bounce.\n"
        if kind == "too_large":
            body += ("x" * 76 + "\n") * (SMALL_LIMIT // 70 + 10)
        msg.set_content(body)
        ep = lab.endpoint("smtps")
        ctx = ssl.create_default_context(cafile=str(lab.ca_file))
        new = lab.maildir("bouncer") / "new"
        before = set(new.iterdir())
        with smtplib.SMTP_SSL(ep.ip, ep.port, context=_hostname_free(ctx), timeout=timeout) as smtp:
            smtp.login(account.username, account.password)
            smtp.send_message(msg)
        deadline = time.monotonic() + timeout
        needle = msgid.encode()
        while time.monotonic() < deadline:
            for path in set(new.iterdir()) - before:
                data = path.read_bytes()
                if needle in data:
                    path.unlink()
                    return data
                before.add(path)
            time.sleep(0.05)
        raise TimeoutError(
            f"no bounce for {kind} within {timeout} s; see {lab.root / 'logs' / 'postfix.log'}"
        )


def _hostname_free(ctx: ssl.SSLContext) -> ssl.SSLContext:
    # We connect by IP address; the chain is still verified against the lab CA.
    ctx.check_hostname = False
    return ctx
