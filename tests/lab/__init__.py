"""The mail lab: real Dovecot, Postfix and DNS (plus scripted fakes) on a private loopback block per run."""

# Start it with `Lab.start()` (the `lab` fixture in tests/conftest.py does) or by hand with
# `python -m tests.lab start`. Every endpoint name is listed in tests/lab/README.md; `lab.endpoint(name)`
# gives its address, `lab.settings(name)` a ready ServerSettings, `lab.net_config()` the resolver and CA
# the core must use.

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.lab import dovecot, postfix, topology
from tests.lab.bounces import BounceMaker
from tests.lab.dns import DnsServer
from tests.lab.pki import CertFiles, LabCA
from tests.lab.process import Daemon, stop_group, wait_until
from tests.lab.topology import Endpoint

__all__ = ["Account", "Endpoint", "Lab"]


@dataclass(frozen=True)
class Account:
    address: str
    username: str
    password: str = field(repr=False)


class Lab:
    """A running lab. Create with Lab.start(); stop with lab.stop()."""

    def __init__(self, root: Path, prefix: str, canary: str, ca: LabCA, domain: str = "lab.test"):
        self.root = root
        self.prefix = prefix  # "127.A.B." : this run's private block
        self.domain = domain
        self.canary = canary
        self.ca = ca
        self.ca_file = ca.ca_file
        self.daemons: list[Daemon] = []
        self.dns_server: DnsServer | None = None
        self.endpoints: dict[str, Endpoint] = {}
        self.hosts: dict[str, str] = {}
        self.accounts: dict[str, Account] = {}
        self.records: list[tuple[str, str, str]] = []
        self.started_in = 0.0
        self._stopped = False

    # ---- what tests use ---------------------------------------------------------------------------

    @property
    def dns_host(self) -> str:
        assert self.dns_server is not None
        return self.dns_server.host

    @property
    def dns_port(self) -> int:
        assert self.dns_server is not None
        return self.dns_server.port

    @property
    def dns(self) -> tuple[str, int]:
        return (self.dns_host, self.dns_port)

    def endpoint(self, name: str) -> Endpoint:
        try:
            return self.endpoints[name]
        except KeyError:
            raise KeyError(f"no lab endpoint {name!r}; see tests/lab/README.md") from None

    def settings(self, name: str, username: str | None = None, account: str = "taro") -> Any:
        """assistant.core.model.ServerSettings for endpoint `name`, logging in as `account`."""
        from assistant.core.model import Protocol, Security, ServerSettings

        ep = self.endpoint(name)
        user = username if username is not None else self.accounts[account].username
        return ServerSettings(
            protocol=Protocol(ep.protocol),
            host=ep.host,
            port=ep.port,
            security=Security(ep.security),
            username=user,
        )

    def net_config(self, **overrides: Any) -> Any:
        """assistant.core.net.NetConfig pointing at the lab resolver and trusting the lab CA."""
        values: dict[str, Any] = {
            "dns_server": self.dns_host,
            "dns_port": self.dns_port,
            "extra_ca_file": str(self.ca_file),
        }
        values.update(overrides)
        try:
            from assistant.core.net import NetConfig
        except ImportError:
            from types import SimpleNamespace

            return SimpleNamespace(source_address=None, **values)
        return NetConfig(**values)

    def host(self, short: str) -> str:
        """IP address of lab host `short` ("mail", "expired", ...)."""
        return self.hosts[short]

    def make_bounce(self, kind: str, timeout: float = 10.0) -> bytes:
        """A real Postfix bounce (DSN) for `kind`: unknown_user, mailbox_full, too_large, relay_denied."""
        return BounceMaker(self).make(kind, timeout)

    def maildir(self, account: str = "taro") -> Path:
        """The Maildir of a lab account (Postfix delivers into it, Dovecot serves it)."""
        local, _, domain = self.accounts[account].address.partition("@")
        return self.root / "mail" / domain / local / "Maildir"

    # ---- life cycle -------------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        root: Path | None = None,
        *,
        password: str | None = None,
        tied: bool = True,
        timeout: float = 15.0,
        prefix: str | None = None,
        dns_host: str = "127.0.0.1",
    ) -> Lab:
        """Start everything; `password` fixes every account's password (the hand-started lab).

        `prefix` ("10.77.1.") and `dns_host` place the lab on other local addresses than a random
        127.A.B.0/24 block (tests.lab.latency uses this inside its server namespace). Call it from the
        main thread: the daemons die with the thread that started them.
        """
        t0 = time.monotonic()
        _preflight()
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="mail-lab-", dir="/tmp"))  # short: unix socket paths
        root.mkdir(parents=True, exist_ok=True)
        _open_path(root)
        canary = password or "Canary-" + secrets.token_hex(8)
        prefix = prefix or topology.pick_block()
        lab = cls(root, prefix, canary, LabCA(root / "pki"))
        if tied:  # a hand-started lab outlives this process
            atexit.register(lab.stop)
        try:
            lab._start_all(password, tied, timeout, dns_host)
        except BaseException:
            lab.stop()
            raise
        lab.started_in = time.monotonic() - t0
        return lab

    def _start_all(self, password: str | None, tied: bool, timeout: float, dns_host: str) -> None:
        plan = topology.build(self, password)
        self.hosts, self.endpoints, self.accounts, self.records = (
            plan.hosts,
            plan.endpoints,
            plan.accounts,
            plan.records,
        )
        dns = DnsServer(self.records, root=self.root / "dns", host=dns_host, tied=tied)
        self.dns_server = dns.start(timeout)
        fakes = self._start_fakes(plan.fakes, plan.fake_cert, tied)
        self.daemons.append(fakes)
        d, sasl = dovecot.start(plan.dovecot(self.root / "mail"), tied=tied, timeout=timeout)
        self.daemons.append(d)
        plan.postfix.sasl_path = sasl
        self.daemons.append(postfix.start(plan.postfix, tied=tied, timeout=timeout))
        ready = self.root / "fakes.ready"
        wait_until(ready.exists, timeout, "fake servers", fakes)

    def _start_fakes(self, servers: list[dict[str, Any]], cert: CertFiles, tied: bool) -> Daemon:
        import json

        ready = self.root / "fakes.ready"
        spec = {
            "servers": servers,
            "cert": str(cert.cert_file),
            "key": str(cert.key_file),
            "ready_file": str(ready),
        }
        path = self.root / "fakes.json"
        path.write_text(json.dumps(spec, indent=1))
        repo = Path(__file__).resolve().parents[2]
        env = dict(os.environ, PYTHONPATH=str(repo))
        return Daemon.spawn(
            "fakes",
            [sys.executable, "-m", "tests.lab.fakes", str(path)],
            self.root / "logs" / "fakes.log",
            tied=tied,
            env=env,
        )

    def stop(self) -> None:
        """Stop every daemon by PID (files stay for the canary scan; cleanup() removes them)."""
        if self._stopped:
            return
        self._stopped = True
        for daemon in reversed(self.daemons):
            daemon.stop()
        if self.dns_server is not None:
            self.dns_server.stop()
        atexit.unregister(self.stop)

    def cleanup(self) -> None:
        """Stop, then remove the lab folder (and Dovecot's socket folder when it lives elsewhere)."""
        self.stop()
        run = self.root / "dovecot" / "run"
        if run.is_symlink():
            shutil.rmtree(run.resolve(), ignore_errors=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def pids(self) -> dict[str, int]:
        out = {d.name: d.pid for d in self.daemons}
        if self.dns_server is not None and self.dns_server.daemon is not None:
            out["dnsmasq"] = self.dns_server.daemon.pid
        return out

    def __enter__(self) -> Lab:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _preflight() -> None:
    """A clear message instead of a traceback deep in a daemon start when something is missing."""
    missing = [name for name in ("dovecot", "dnsmasq", "postconf") if shutil.which(name) is None]
    if missing:
        raise RuntimeError(
            f"the mail lab needs {', '.join(missing)}: run ./dev test (it installs dovecot-imapd, "
            "dovecot-pop3d, postfix and dnsmasq-base)"
        )
    if os.geteuid() != 0:
        raise RuntimeError("the mail lab runs Dovecot and Postfix as private instances and needs root")


def _open_path(root: Path) -> None:
    """The mail uid and Postfix must be able to walk down to the Maildirs and the queue."""
    for p in [root, *root.parents]:
        if p == Path("/"):
            break
        mode = p.stat().st_mode
        if mode & 0o011 != 0o011:
            os.chmod(p, mode | 0o011)  # noqa: S103 (search permission only, no read)


def stop_pids(pids: dict[str, int]) -> None:
    """Stop daemons recorded by a hand-started lab (each leads its own process group)."""
    for pid in pids.values():
        stop_group(pid)
