"""A private Dovecot instance: IMAP and POP3 on lab addresses, Maildir users, and SASL auth for Postfix."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.lab.pki import CertFiles
from tests.lab.process import Daemon, port_open, wait_until

MAIL_UID = 65534  # "nobody": owns the Maildirs that Postfix writes and Dovecot reads
MAIL_GID = 65534
_DISABLED = "nologin=y"


@dataclass(frozen=True)
class MailUser:
    """A login Dovecot knows; `maildir` is relative to the mail root."""

    username: str
    password: str
    maildir: str


@dataclass(frozen=True)
class Listener:
    protocol: str  # "imap" / "pop3"
    address: str
    port: int
    ssl: bool  # implicit TLS


@dataclass
class DovecotPlan:
    """What the instance serves; the Lab fills this in."""

    root: Path  # config, runtime and logs go below root / "dovecot"
    mail_root: Path
    users: list[MailUser]
    disabled: list[str]
    cert: CertFiles
    listeners: list[Listener]
    local_certs: dict[str, CertFiles] = field(default_factory=dict)  # address -> certificate served there
    local_no_ssl: list[str] = field(default_factory=list)  # addresses that never offer STARTTLS
    local_plaintext: list[str] = field(default_factory=list)  # addresses that allow login without TLS
    instance: str = "mail-lab"


def password_hash(password: str) -> str:
    """Dovecot {SSHA512}: the lab never writes a plain password to disk."""
    salt = secrets.token_bytes(8)
    digest = hashlib.sha512(password.encode() + salt).digest()
    return "{SSHA512}" + base64.b64encode(digest + salt).decode()


def maildir_create(mail_root: Path, maildir: str) -> Path:
    """Create a Maildir owned by the mail uid; Postfix delivers into it, Dovecot reads it."""
    path = mail_root / maildir
    for sub in ("cur", "new", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    for p in [path, *(path / s for s in ("cur", "new", "tmp")), *path.parents]:
        if p == mail_root.parent:
            break
        os.chown(p, MAIL_UID, MAIL_GID)
    return path


def _config(plan: DovecotPlan, base: Path) -> str:
    logs = plan.root / "logs"
    listeners: dict[tuple[str, int, bool], list[str]] = {}
    for lst in plan.listeners:
        listeners.setdefault((lst.protocol, lst.port, lst.ssl), []).append(lst.address)
    # Dovecot has built-in listeners (imap, imaps, pop3, pop3s): switch them off, ours are named by port.
    services: dict[str, list[str]] = {
        proto: [f"  inet_listener {n} {{\n    port = 0\n  }}" for n in (proto, proto + "s")]
        for proto in ("imap", "pop3")
    }
    for (proto, port, ssl), addrs in listeners.items():
        name = f"{proto}{'s' if ssl else ''}_{port}"
        services[proto].append(
            f"  inet_listener {name} {{\n    address = {', '.join(addrs)}\n    port = {port}\n"
            f"    ssl = {'yes' if ssl else 'no'}\n  }}"
        )
    locals_ = []
    for addr, cert in plan.local_certs.items():
        locals_.append(f"local {addr} {{\n  ssl_cert = <{cert.cert_file}\n  ssl_key = <{cert.key_file}\n}}")
    for addr in plan.local_no_ssl:
        locals_.append(f"local {addr} {{\n  ssl = no\n}}")
    for addr in plan.local_plaintext:
        locals_.append(f"local {addr} {{\n  disable_plaintext_auth = no\n}}")
    return f"""# Private Dovecot of the mail lab: written by tests/lab/dovecot.py for one run.
instance_name = {plan.instance}
base_dir = {base}
state_dir = {plan.root / "dovecot" / "state"}
protocols = imap pop3
listen = {plan.listeners[0].address}
shutdown_clients = yes
log_path = {logs / "dovecot.log"}
info_log_path = {logs / "dovecot.log"}
debug_log_path = {logs / "dovecot.log"}
auth_verbose = yes
auth_verbose_passwords = no
auth_debug_passwords = no
auth_failure_delay = 0
auth_mechanisms = plain login
disable_plaintext_auth = yes
ssl = yes
ssl_cert = <{plan.cert.cert_file}
ssl_key = <{plan.cert.key_file}
ssl_min_protocol = TLSv1.2
mail_location = maildir:{plan.mail_root}/%d/%n/Maildir
mail_uid = {MAIL_UID}
mail_gid = {MAIL_GID}
first_valid_uid = 100
default_login_user = dovenull
default_internal_user = dovecot
login_greeting = Mail lab ready.
pop3_uidl_format = %08Xu%08Xv
verbose_proctitle = yes

passdb {{
  driver = passwd-file
  deny = yes
  # Per service (%s): Postfix SASL ("smtp") is refused here; IMAP/POP3 see nologin (CONTACTADMIN).
  args = {plan.root / "dovecot" / "denied"}-%s
}}
passdb {{
  driver = passwd-file
  args = scheme=SSHA512 {plan.root / "dovecot" / "users"}
}}
userdb {{
  driver = static
  args = uid={MAIL_UID} gid={MAIL_GID} home={plan.mail_root}/%d/%n
}}

service imap-login {{
{chr(10).join(services["imap"])}
}}
service pop3-login {{
{chr(10).join(services["pop3"])}
}}
service lmtp {{
  unix_listener lmtp {{
    mode = 0
  }}
}}
service auth {{
  unix_listener auth-postfix {{
    mode = 0666
  }}
}}
service anvil {{
  # No growing delay after failed logins: failure tests stay fast and independent.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
{chr(10).join(locals_)}
"""


def start(plan: DovecotPlan, *, tied: bool = True, timeout: float = 5.0) -> tuple[Daemon, Path]:
    """Write the configuration, start `dovecot -F`, wait until every listener accepts.

    Returns the daemon and the path of the SASL auth socket for Postfix.
    """
    folder = plan.root / "dovecot"
    # Unix socket paths are limited to 108 bytes: below a long root, the sockets live in a short folder
    # that root/dovecot/run links to (Lab.cleanup removes both).
    base = folder / "run"
    folder.mkdir(parents=True, exist_ok=True)
    if len(str(base / "login" / "imap-urlauth-worker")) > 100 and not base.exists():
        base.symlink_to(tempfile.mkdtemp(prefix="mail-lab-run-", dir="/tmp"))
    base.mkdir(parents=True, exist_ok=True)
    base = base.resolve()
    (plan.root / "logs").mkdir(parents=True, exist_ok=True)
    (folder / "state").mkdir(parents=True, exist_ok=True)
    users = folder / "users"
    lines = []
    for u in plan.users:
        extra = _DISABLED if u.username in plan.disabled else ""
        lines.append(f"{u.username}:{password_hash(u.password)}::::::{extra}\n")
    users.write_text("".join(lines))
    for service in ("imap", "pop3"):
        (folder / f"denied-{service}").write_text("")
    (folder / "denied-smtp").write_text("".join(f"{name}\n" for name in plan.disabled))
    for u in plan.users:
        maildir_create(plan.mail_root, u.maildir)
    conf = folder / "dovecot.conf"
    conf.write_text(_config(plan, base))
    daemon = Daemon.spawn(
        "dovecot", ["dovecot", "-F", "-c", str(conf)], plan.root / "logs" / "dovecot.out", tied=tied
    )
    socket_path = base / "auth-postfix"

    def ready() -> bool:
        return socket_path.exists() and all(port_open(x.address, x.port) for x in plan.listeners)

    wait_until(ready, timeout, "dovecot listeners", daemon)
    return daemon, socket_path
