"""Where everything in the lab lives: hosts on this run's 127.A.B.0/24 block, endpoints, accounts, records."""

from __future__ import annotations

import random
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.lab.dovecot import DovecotPlan, Listener, MailUser
from tests.lab.fakes import BEHAVIOURS, ONLY_SSL
from tests.lab.pki import CertFiles
from tests.lab.postfix import PostfixPlan, SmtpListener
from tests.lab.process import free_port

if TYPE_CHECKING:
    from tests.lab import Account, Lab

# Last octet of each lab host; the names under lab.test that resolve to it.
HOSTS: dict[str, tuple[int, tuple[str, ...]]] = {
    "source": (1, ()),  # Postfix's own client address (bounce relaying); never a listener
    "mail": (10, ("mail", "imap", "pop", "pop3", "smtp")),
    "expired": (20, ("expired",)),
    "wronghost": (21, ("wronghost",)),
    "untrusted": (22, ("untrusted",)),
    "selfsigned": (23, ("selfsigned",)),
    "notls": (30, ("notls",)),
    "plain": (31, ("plain",)),
    "small": (32, ("small",)),
    "blackhole": (33, ("blackhole",)),
    "drop": (40, ("drop",)),
    "closed": (41, ("closed",)),
    "fake": (50, ("fake",)),
    "dual": (60, ("dual",)),
    "dualbroken": (61, ("dualbroken",)),
}

STANDARD = {"imap": 143, "imaps": 993, "pop3": 110, "pop3s": 995, "submission": 587, "smtps": 465, "mx": 25}
# service -> (protocol, security)
SERVICES = {
    "imap": ("imap", "starttls"),
    "imaps": ("imap", "ssl"),
    "pop3": ("pop3", "starttls"),
    "pop3s": ("pop3", "ssl"),
    "submission": ("smtp", "starttls"),
    "smtps": ("smtp", "ssl"),
    "mx": ("smtp", "starttls"),
}
FAKE_BASE_PORT = 10100  # fake.lab.test ports: FAKE_BASE_PORT + i (checked free with the block)
FAKE_PORTS = 2 * len(BEHAVIOURS)
REMOTE_MX_PORT = 10025
REMOTE_SMALL_PORT = 10026


@dataclass(frozen=True)
class Endpoint:
    """One server a client can be pointed at."""

    name: str
    protocol: str  # "imap" / "pop3" / "smtp" (assistant.core.model.Protocol values)
    host: str  # the DNS name in the lab zone
    ip: str
    port: int
    security: str  # "ssl" / "starttls" / "none" (assistant.core.model.Security values)

    @property
    def url(self) -> str:
        """As the CLI writes a server: imaps://host:port, smtp://..., pop3+plain://..."""
        scheme = self.protocol + {"ssl": "s", "starttls": "", "none": "+plain"}[self.security]
        return f"{scheme}://{self.host}:{self.port}"


@dataclass
class Plan:
    hosts: dict[str, str]
    endpoints: dict[str, Endpoint]
    accounts: dict[str, Account]
    records: list[tuple[str, str, str]]
    fakes: list[dict[str, Any]]
    fake_cert: CertFiles
    postfix: PostfixPlan
    dovecot_users: list[MailUser]
    dovecot_disabled: list[str]
    dovecot_listeners: list[Listener]
    certs: dict[str, CertFiles]
    root: Path

    def dovecot(self, mail_root: Path) -> DovecotPlan:
        h = self.hosts
        return DovecotPlan(
            root=self.root,
            mail_root=mail_root,
            users=self.dovecot_users,
            disabled=self.dovecot_disabled,
            cert=self.certs["good"],
            listeners=self.dovecot_listeners,
            local_certs={h[k]: self.certs[k] for k in ("expired", "wronghost", "untrusted", "selfsigned")},
            local_no_ssl=[h["notls"]],
            local_plaintext=[h["plain"]],
            instance=f"mail-lab-{self.root.name}",
        )


def _bindable(ip: str, ports: list[int]) -> bool:
    for port in ports:
        with socket.socket() as s:
            try:
                s.bind((ip, port))
            except OSError:
                return False
    return True


def pick_block() -> str:
    """A random 127.A.B. prefix whose standard ports are free (so two labs can run side by side)."""
    rng = random.SystemRandom()
    for _ in range(50):
        prefix = f"127.{rng.randrange(16, 255)}.{rng.randrange(1, 255)}."
        mail_ports = [*STANDARD.values(), REMOTE_MX_PORT, REMOTE_SMALL_PORT]
        fake_ports = list(range(FAKE_BASE_PORT, FAKE_BASE_PORT + FAKE_PORTS))
        if _bindable(prefix + "10", mail_ports) and _bindable(prefix + "50", fake_ports):
            return prefix
    raise RuntimeError("no free 127.x.y.0/24 block with the mail ports free (is something bound to 0.0.0.0?)")


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True


def build(lab: Lab, password: str | None) -> Plan:
    from tests.lab import Account

    domain = lab.domain
    hosts = {short: lab.prefix + str(octet) for short, (octet, _) in HOSTS.items()}
    fqdn = {short: f"{names[0]}.{domain}" if names else "" for short, (_, names) in HOSTS.items()}

    # Certificates: one good one for every good name, and the broken ones on their own hosts.
    ca = lab.ca
    good_names = [
        f"{n}.{domain}"
        for short, (_, names) in HOSTS.items()
        for n in names
        if short not in ("expired", "wronghost", "untrusted", "selfsigned")
    ]
    certs = {
        "good": ca.issue(good_names, name="good"),
        "expired": ca.expired([fqdn["expired"]]),
        "wronghost": ca.issue(["other-host.example.test"], name="wronghost"),
        "untrusted": ca.issue([fqdn["untrusted"]], name="untrusted", untrusted=True),
        "selfsigned": ca.self_signed(fqdn["selfsigned"]),
    }

    # Accounts: taro is the main one (the canary password in tests), hanako a second, suspended is disabled.
    def pw(name: str) -> str:
        if password:
            return password
        return lab.canary if name == "taro" else f"{name.capitalize()}-{secrets.token_hex(6)}"

    accounts = {
        name: Account(f"{name}@{domain}", f"{name}@{domain}", pw(name))
        for name in ("taro", "hanako", "suspended", "bouncer")
    }
    users = [MailUser(a.username, a.password, f"{domain}/{n}/Maildir") for n, a in accounts.items()]
    disabled = [accounts["suspended"].username]

    endpoints: dict[str, Endpoint] = {}

    def add(
        name: str, short: str, service: str, port: int | None = None, security: str | None = None
    ) -> None:
        proto, sec = SERVICES[service]
        endpoints[name] = Endpoint(
            name, proto, fqdn[short], hosts[short], port or STANDARD[service], security or sec
        )

    listeners: list[Listener] = []
    smtp: list[SmtpListener] = []

    def dovecot_on(short: str, services: tuple[str, ...], prefix: str = "") -> None:
        for service in services:
            proto, sec = SERVICES[service]
            listeners.append(Listener(proto, hosts[short], STANDARD[service], sec == "ssl"))
            add(f"{prefix}{service}", short, service)

    # mail.lab.test: the healthy server.
    dovecot_on("mail", ("imap", "imaps", "pop3", "pop3s"))
    for service, kind in (("submission", "submission"), ("smtps", "submissions"), ("mx", "mx")):
        smtp.append(SmtpListener(kind, hosts["mail"], STANDARD[service]))
        add(service, "mail", service)
    # Broken certificates: every TLS service on its own host.
    for short in ("expired", "wronghost", "untrusted", "selfsigned"):
        dovecot_on(short, ("imap", "imaps", "pop3", "pop3s"), f"{short}-")
        for service, kind in (("submission", "submission"), ("smtps", "submissions")):
            smtp.append(SmtpListener(kind, hosts[short], STANDARD[service], certs[short]))
            add(f"{short}-{service}", short, service)
    # No STARTTLS offered.
    dovecot_on("notls", ("imap", "pop3"), "notls-")
    smtp.append(SmtpListener("notls", hosts["notls"], STANDARD["submission"]))
    add("notls-submission", "notls", "submission")
    # Login without TLS allowed (security "none"); STARTTLS is offered too.
    for service in ("imap", "pop3"):
        proto, _ = SERVICES[service]
        listeners.append(Listener(proto, hosts["plain"], STANDARD[service], False))
        add(f"plain-{service}", "plain", service, security="none")
    smtp.append(SmtpListener("plain", hosts["plain"], STANDARD["submission"]))
    add("plain-submission", "plain", "submission", security="none")
    # Tiny message size limit.
    smtp.append(SmtpListener("small", hosts["small"], STANDARD["submission"]))
    add("small-submission", "small", "submission")
    # Accepts like submission, then silently discards: the send test never finds the message.
    smtp.append(SmtpListener("blackhole", hosts["blackhole"], STANDARD["submission"]))
    add("blackhole-submission", "blackhole", "submission")
    # The "remote MX" the lab's own queue relays to, so that bounces are real (internal).
    smtp.append(SmtpListener("remote-mx", hosts["mail"], REMOTE_MX_PORT))
    smtp.append(SmtpListener("remote-small", hosts["mail"], REMOTE_SMALL_PORT))

    # Packets dropped / connection refused, on every standard port.
    fakes: list[dict[str, Any]] = []
    for service in ("imap", "imaps", "pop3", "pop3s", "submission", "smtps"):
        fakes.append(
            {"name": f"drop-{service}", "behaviour": "drop", "host": hosts["drop"], "port": STANDARD[service]}
        )
        add(f"drop-{service}", "drop", service)
        add(f"closed-{service}", "closed", service)
    # Scripted misbehaviour on fake.lab.test, one port each.
    port = FAKE_BASE_PORT
    for behaviour, (proto, _) in BEHAVIOURS.items():
        if behaviour == "drop":
            continue
        for sec in ("ssl",) if behaviour in ONLY_SSL else ("starttls", "ssl"):
            name = behaviour if sec == "starttls" or behaviour in ONLY_SSL else f"{behaviour}-ssl"
            fakes.append(
                {"name": name, "behaviour": behaviour, "host": hosts["fake"], "port": port, "tls": sec}
            )
            endpoints[name] = Endpoint(name, proto, fqdn["fake"], hosts["fake"], port, sec)
            port += 1

    # Dual stack: A + AAAA ::1 (same port on both); "dualbroken" drops on ::1 but works on IPv4.
    records: list[tuple[str, str, str]] = []
    if _ipv6_loopback():
        p_dual = free_port("::1")
        listeners.append(Listener("imap", hosts["dual"], p_dual, True))
        listeners.append(Listener("imap", "::1", p_dual, True))
        endpoints["dual-imaps"] = Endpoint("dual-imaps", "imap", fqdn["dual"], hosts["dual"], p_dual, "ssl")
        records.append((fqdn["dual"], "AAAA", "::1"))
        p_broken = free_port("::1")
        listeners.append(Listener("imap", hosts["dualbroken"], p_broken, True))
        fakes.append({"name": "dualbroken-v6", "behaviour": "drop", "host": "::1", "port": p_broken})
        endpoints["dualbroken-imaps"] = Endpoint(
            "dualbroken-imaps", "imap", fqdn["dualbroken"], hosts["dualbroken"], p_broken, "ssl"
        )
        records.append((fqdn["dualbroken"], "AAAA", "::1"))

    for short, (_, names) in HOSTS.items():
        for n in names:
            records.append((f"{n}.{domain}", "A", hosts[short]))
    records += [
        (domain, "MX", f"10 mail.{domain}"),
        (domain, "TXT", f"v=spf1 ip4:{lab.prefix}0/24 -all"),
        (f"_dmarc.{domain}", "TXT", "v=DMARC1; p=reject"),
        (f"noaddr.{domain}", "TXT", "this name exists but has no address"),
        (f"nullmx.{domain}", "MX", "0 ."),
        (f"nullmx.{domain}", "A", hosts["closed"]),
        (f"www.{domain}", "CNAME", f"mail.{domain}"),
        (f"_imaps._tcp.{domain}", "SRV", f"0 1 993 mail.{domain}"),
        (f"_imap._tcp.{domain}", "SRV", f"0 1 143 mail.{domain}"),
        (f"_pop3s._tcp.{domain}", "SRV", f"0 1 995 mail.{domain}"),
        (f"_pop3._tcp.{domain}", "SRV", f"0 1 110 mail.{domain}"),
        (f"_submissions._tcp.{domain}", "SRV", f"0 1 465 mail.{domain}"),
        (f"_submission._tcp.{domain}", "SRV", f"0 1 587 mail.{domain}"),
    ]

    remote = f"smtp:[{hosts['mail']}]:{REMOTE_MX_PORT}"
    remote_small = f"smtp:[{hosts['mail']}]:{REMOTE_SMALL_PORT}"
    mailboxes = {a.address: f"{domain}/{n}/Maildir/" for n, a in accounts.items()}
    # Valid at submission, routed through the "remote MX" that refuses them: the bounce sources.
    for local in ("ghost", "quota", "big"):
        mailboxes[f"{local}@{domain}"] = f"{domain}/{local}/Maildir/"
    pf = PostfixPlan(
        root=lab.root,
        mail_root=lab.root / "mail",
        hostname=f"mail.{domain}",
        domain=domain,
        mailboxes={**mailboxes, f"full@{domain}": f"{domain}/full/Maildir/"},
        logins={a.address: a.username for a in accounts.values()},
        cert=certs["good"],
        sasl_path=Path("/nonexistent"),
        source_address=hosts["source"],
        listeners=smtp,
        recipient_access={f"full@{domain}": "552 5.2.2 Mailbox full"},
        transports={
            f"ghost@{domain}": remote,
            f"quota@{domain}": remote,
            f"big@{domain}": remote_small,
            "elsewhere.test": remote,
        },
        remote_unknown=[f"ghost@{domain}"],
        remote_access={f"quota@{domain}": "552 5.2.2 Mailbox full: user is over quota"},
    )
    return Plan(
        hosts=hosts,
        endpoints=endpoints,
        accounts=accounts,
        records=records,
        fakes=fakes,
        fake_cert=certs["good"],
        postfix=pf,
        dovecot_users=users,
        dovecot_disabled=disabled,
        dovecot_listeners=listeners,
        certs=certs,
        root=lab.root,
    )
