"""A private Postfix instance: submission ports, an MX port, and rejections that give real SMTP replies."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.lab.dovecot import MAIL_GID, MAIL_UID
from tests.lab.pki import CertFiles
from tests.lab.process import Daemon, port_open, wait_until

SMALL_LIMIT = 20000  # bytes: the "small" listener rejects bigger messages with 552 5.3.4


@dataclass(frozen=True)
class SmtpListener:
    """One smtpd in master.cf; `kind` picks its policy (see KINDS)."""

    kind: str
    address: str
    port: int
    cert: CertFiles | None = None  # None: the main certificate


# The policy of each kind of listener, as smtpd -o overrides.
KINDS: dict[str, dict[str, str]] = {
    # Port 25 of an MX: no AUTH, mail for lab accounts only (554 5.7.1 relay access denied otherwise).
    "mx": {"smtpd_tls_security_level": "may", "smtpd_sasl_auth_enable": "no"},
    # Port 587: STARTTLS first (530 5.7.0), then AUTH (535 5.7.8), then only your own sender (553 5.7.1).
    "submission": {
        "smtpd_tls_security_level": "encrypt",
        "smtpd_sasl_auth_enable": "yes",
        "smtpd_tls_auth_only": "yes",
        "smtpd_client_restrictions": "permit_sasl_authenticated,reject",
        "smtpd_sender_restrictions": "reject_sender_login_mismatch",
    },
    # Port 465: TLS from the first byte (RFC 8314).
    "submissions": {
        "smtpd_tls_wrappermode": "yes",
        "smtpd_tls_security_level": "encrypt",
        "smtpd_sasl_auth_enable": "yes",
        "smtpd_client_restrictions": "permit_sasl_authenticated,reject",
        "smtpd_sender_restrictions": "reject_sender_login_mismatch",
    },
    # No STARTTLS offered at all (and no AUTH): a client set to STARTTLS must stop here.
    "notls": {"smtpd_tls_security_level": "none", "smtpd_sasl_auth_enable": "no"},
    # STARTTLS offered, but AUTH also works without it: for the explicit security "none" test.
    "plain": {
        "smtpd_tls_security_level": "may",
        "smtpd_sasl_auth_enable": "yes",
        "smtpd_tls_auth_only": "no",
        "smtpd_client_restrictions": "permit_sasl_authenticated,reject",
        "smtpd_sender_restrictions": "reject_sender_login_mismatch",
    },
    # Like submission, with a tiny message size limit (552 5.3.4).
    "small": {
        "smtpd_tls_security_level": "encrypt",
        "smtpd_sasl_auth_enable": "yes",
        "smtpd_tls_auth_only": "yes",
        "smtpd_client_restrictions": "permit_sasl_authenticated,reject",
        "smtpd_sender_restrictions": "reject_sender_login_mismatch",
        "message_size_limit": str(SMALL_LIMIT),
        "cleanup_service_name": "smallcleanup",
    },
    # Like submission, but every accepted message goes to the discard transport (a silent spam filter).
    "blackhole": {
        "smtpd_tls_security_level": "encrypt",
        "smtpd_sasl_auth_enable": "yes",
        "smtpd_tls_auth_only": "yes",
        "smtpd_client_restrictions": "permit_sasl_authenticated,reject",
        "smtpd_sender_restrictions": "reject_sender_login_mismatch",
        "content_filter": "discard:lab-blackhole",
    },
    # Internal: "the remote MX" our own queue relays to, so Postfix writes real bounces (DSNs).
    "remote-mx": {
        "myhostname": "mx.elsewhere.test",
        "smtpd_tls_security_level": "none",
        "smtpd_sasl_auth_enable": "no",
        "virtual_mailbox_maps": "$lab_remote_recipients",
    },
    "remote-small": {
        "myhostname": "mx-small.elsewhere.test",
        # Not advertising SIZE makes our client send anyway: the refusal comes after DATA, as it often does.
        "smtpd_discard_ehlo_keywords": "size",
        "smtpd_tls_security_level": "none",
        "smtpd_sasl_auth_enable": "no",
        "message_size_limit": str(SMALL_LIMIT),
        "cleanup_service_name": "smallcleanup",
    },
}


@dataclass
class PostfixPlan:
    """What the instance serves; the Lab fills this in."""

    root: Path
    mail_root: Path
    hostname: str
    domain: str
    mailboxes: dict[str, str]  # address -> Maildir relative to mail_root ("lab.test/taro/Maildir/")
    logins: dict[str, str]  # sender address -> SASL login that owns it
    cert: CertFiles
    sasl_path: Path
    source_address: str  # the address our SMTP client binds to (never a listener); .254: the only "trusted"
    listeners: list[SmtpListener]
    recipient_access: dict[str, str] = field(default_factory=dict)  # address -> "552 5.2.2 ..." reply
    transports: dict[str, str] = field(default_factory=dict)  # address or domain -> "smtp:[ip]:port"
    remote_unknown: list[str] = field(default_factory=list)  # lab addresses the remote MX says are unknown
    remote_access: dict[str, str] = field(default_factory=dict)  # address -> reply at the remote MX


def _texthash(path: Path, entries: dict[str, str]) -> str:
    path.write_text("".join(f"{k} {v}\n" for k, v in entries.items()) or "# empty\n")
    return f"texthash:{path}"


def _main_cf(plan: PostfixPlan, folder: Path) -> str:
    maps = folder / "maps"
    maps.mkdir(exist_ok=True)
    logs = plan.root / "logs"
    remote_rcpt = {a: m for a, m in plan.mailboxes.items() if a not in plan.remote_unknown}
    access = {**plan.recipient_access}
    params = {
        "compatibility_level": "3.6",
        "queue_directory": str(folder / "queue"),
        "data_directory": str(folder / "data"),
        "mail_owner": "postfix",
        "setgid_group": "postdrop",
        "myhostname": plan.hostname,
        "mydomain": plan.domain,
        "myorigin": plan.domain,
        "mydestination": "",
        # master.cf names each listener's address; this only sets what Postfix calls "myself".
        "inet_interfaces": "loopback-only",
        "smtp_bind_address": plan.source_address,
        "inet_protocols": "ipv4",
        # Nobody is trusted by address: every client must authenticate to relay.
        "mynetworks": f"{plan.source_address.rsplit('.', 1)[0]}.254/32",
        "maillog_file": str(logs / "postfix.log"),
        "maillog_file_prefixes": str(plan.root),
        "alias_maps": "",
        "alias_database": "",
        "local_recipient_maps": "",
        "local_transport": "error:5.1.1 local delivery is disabled in the lab",
        # Nothing ever leaves loopback: mail for any other domain bounces at once.
        "default_transport": "error:5.7.1 mail never leaves the lab",
        "relay_transport": "error:5.7.1 mail never leaves the lab",
        "smtp_dns_support_level": "disabled",
        "smtpd_peername_lookup": "no",
        "smtp_tls_security_level": "none",
        "virtual_mailbox_domains": plan.domain,
        "virtual_mailbox_base": str(plan.mail_root),
        "virtual_mailbox_maps": _texthash(maps / "mailboxes", plan.mailboxes),
        "virtual_uid_maps": f"static:{MAIL_UID}",
        "virtual_gid_maps": f"static:{MAIL_GID}",
        "virtual_minimum_uid": "100",
        "lab_remote_recipients": _texthash(maps / "remote-recipients", remote_rcpt),
        "transport_maps": _texthash(maps / "transport", plan.transports),
        "smtpd_sender_login_maps": _texthash(maps / "logins", plan.logins),
        "smtpd_relay_restrictions": "permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination",
        "lab_recipient_access": _texthash(maps / "recipient-access", access),
        "smtpd_recipient_restrictions": (
            "check_recipient_access $lab_recipient_access, reject_unlisted_recipient"
        ),
        "smtpd_sasl_type": "dovecot",
        "smtpd_sasl_path": str(plan.sasl_path),
        "smtpd_sasl_security_options": "noanonymous",
        "smtpd_sasl_tls_security_options": "noanonymous",
        "broken_sasl_auth_clients": "no",
        "smtpd_tls_cert_file": str(plan.cert.cert_file),
        "smtpd_tls_key_file": str(plan.cert.key_file),
        "smtpd_tls_security_level": "may",
        "smtpd_tls_loglevel": "0",
        "smtpd_error_sleep_time": "0",
        "smtpd_soft_error_limit": "1000",
        "smtpd_hard_error_limit": "1000",
        "smtpd_junk_command_limit": "1000",
        "smtpd_client_connection_rate_limit": "0",
        "smtpd_client_auth_rate_limit": "0",
        "smtpd_banner": "$myhostname ESMTP Mail lab",
        "biff": "no",
        "delay_warning_time": "0",
        "minimal_backoff_time": "5s",
        "maximal_backoff_time": "10s",
        "queue_run_delay": "5s",
        "maximal_queue_lifetime": "1h",
        "bounce_queue_lifetime": "1h",
        "in_flow_delay": "0",
        "smtputf8_enable": "no",
        "lab_remote_access": _texthash(maps / "remote-access", plan.remote_access),
    }
    return "".join(f"{k} = {v}\n" for k, v in params.items())


def _master_cf(plan: PostfixPlan) -> str:
    lines = []
    for lst in plan.listeners:
        opts = dict(KINDS[lst.kind])
        opts["syslog_name"] = f"postfix/{lst.kind}"
        if lst.kind.startswith("remote"):
            opts["smtpd_recipient_restrictions"] = (
                "check_recipient_access,$lab_remote_access,reject_unlisted_recipient"
            )
        if lst.cert is not None:
            opts["smtpd_tls_cert_file"] = str(lst.cert.cert_file)
            opts["smtpd_tls_key_file"] = str(lst.cert.key_file)
        args = "".join(f"\n  -o {k}={v}" for k, v in opts.items())
        lines.append(f"{lst.address}:{lst.port} inet n - n - - smtpd{args}")
    services = f"""\
cleanup   unix  n       -       n       -       0       cleanup
smallcleanup unix n     -       n       -       0       cleanup
  -o message_size_limit={SMALL_LIMIT}
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""
    return (
        "# Private Postfix of the mail lab: written by tests/lab/postfix.py for one run.\n"
        + "\n".join(lines)
        + "\n"
        + services
    )


_QUEUE_DIRS = {  # name -> (group, mode), as /etc/postfix/postfix-files has them; owner is postfix
    **{
        d: ("root", 0o700)
        for d in (
            "active",
            "bounce",
            "corrupt",
            "defer",
            "deferred",
            "flush",
            "hold",
            "incoming",
            "private",
            "saved",
            "trace",
        )
    },
    "maildrop": ("postdrop", 0o730),
    "public": ("postdrop", 0o710),
}
DAEMON_DIRECTORY = "/usr/lib/postfix/sbin"


def _make_queue(folder: Path) -> None:
    """The queue and data directories with the owners Postfix insists on (what `postfix set-permissions`
    would do, without its second of integrity checks)."""
    queue = folder / "queue"
    queue.mkdir(mode=0o755, exist_ok=True)
    for name, (group, mode) in _QUEUE_DIRS.items():
        path = queue / name
        path.mkdir(exist_ok=True)
        shutil.chown(path, "postfix", group)
        path.chmod(mode)
    (queue / "pid").mkdir(mode=0o755, exist_ok=True)
    data = folder / "data"
    data.mkdir(exist_ok=True)
    shutil.chown(data, "postfix", "root")
    data.chmod(0o700)


def start(plan: PostfixPlan, *, tied: bool = True, timeout: float = 8.0) -> Daemon:
    """Write main.cf/master.cf, create the queue, run the master in the foreground, wait for listeners."""
    folder = plan.root / "postfix"
    conf = folder / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    _make_queue(folder)
    (plan.root / "logs").mkdir(exist_ok=True)
    (conf / "main.cf").write_text(_main_cf(plan, folder))
    (conf / "master.cf").write_text(_master_cf(plan))
    # Postfix waits (up to ~2 s, in 300 ms naps) for a main.cf younger than a few seconds to settle.
    settled = time.time() - 60
    for name in ("main.cf", "master.cf"):
        os.utime(conf / name, (settled, settled))
    # The master itself, in the foreground (-s), like `postfix start-fg` runs it after its checks.
    master = Path(DAEMON_DIRECTORY) / "master"
    if not master.exists():
        found = subprocess.run(
            ["postconf", "-c", str(conf), "-h", "daemon_directory"],
            capture_output=True,
            text=True,
            check=True,
        )
        master = Path(found.stdout.strip()) / "master"
    daemon = Daemon.spawn(
        "postfix", [str(master), "-c", str(conf), "-s"], plan.root / "logs" / "postfix.out", tied=tied
    )

    def ready() -> bool:
        return all(port_open(x.address, x.port) for x in plan.listeners)

    wait_until(ready, timeout, "postfix listeners", daemon)
    return daemon
