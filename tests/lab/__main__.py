"""`python -m tests.lab start|stop|status`: the mail lab by hand, in the background, for the CLI and GUI."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from tests.lab import Lab, stop_pids
from tests.lab.process import pid_alive

STATE_DIR = Path(os.environ.get("MAIL_LAB_DIR", "/tmp/mail-assistant-lab"))
STATE_FILE = STATE_DIR / "state.json"
PASSWORD = "lab-password-1234"  # the hand-started lab only; tests use a per-run canary


def _load() -> dict[str, Any] | None:
    try:
        state: dict[str, Any] = json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return None
    return state


def _alive(state: dict[str, Any]) -> dict[str, bool]:
    return {name: pid_alive(pid) for name, pid in state["pids"].items()}


def _describe(state: dict[str, Any]) -> str:
    eps = state["endpoints"]
    dns = f"{state['dns_host']}:{state['dns_port']}"
    rows = [f"  {name:<28} {ep['url']:<40} {ep['ip']}" for name, ep in eps.items()]
    main = eps["imaps"]["url"], eps["submission"]["url"]
    accounts = "\n".join(f"  {a['address']:<22} password {a['password']}" for a in state["accounts"].values())
    return f"""Mail lab running (folder {state["root"]}, addresses {state["prefix"]}0/24)
Resolver (DNS):  {dns}   zone {state["domain"]}; point the app at it, e.g. --dns-server {dns}
CA file:         {state["ca_file"]}   (trust it with --ca-file)
Accounts (suspended@ is disabled):
{accounts}
Endpoints:
{chr(10).join(rows)}
Logs: {state["root"]}/logs/

Try:
  echo {PASSWORD} | mail-assistant check taro@{state["domain"]} --incoming {main[0]} --outgoing {main[1]} \\
      --dns-server {dns} --ca-file {state["ca_file"]} --password-stdin --send-test
Stop: python -m tests.lab stop   (or ./dev lab stop)"""


def start() -> int:
    state = _load()
    if state and any(_alive(state).values()):
        print(_describe(state))
        return 0
    if STATE_DIR.exists():
        shutil.rmtree(STATE_DIR)
    lab = Lab.start(STATE_DIR, password=PASSWORD, tied=False)
    state = {
        "root": str(lab.root),
        "prefix": lab.prefix,
        "domain": lab.domain,
        "dns_host": lab.dns_host,
        "dns_port": lab.dns_port,
        "ca_file": str(lab.ca_file),
        "pids": lab.pids(),
        "accounts": {
            n: {"address": a.address, "username": a.username, "password": a.password}
            for n, a in lab.accounts.items()
        },
        "endpoints": {n: {**ep.__dict__, "url": ep.url} for n, ep in lab.endpoints.items()},
    }
    STATE_FILE.write_text(json.dumps(state, indent=1))
    print(_describe(state))
    print(f"(started in {lab.started_in:.2f} s)")
    return 0


def stop() -> int:
    state = _load()
    if state is None:
        print("The mail lab is not running.")
        return 0
    stop_pids(state["pids"])
    left = [name for name, alive in _alive(state).items() if alive]
    STATE_FILE.unlink(missing_ok=True)
    if left:
        print(f"Could not stop: {', '.join(left)}", file=sys.stderr)
        return 1
    print(f"Mail lab stopped (logs kept in {state['root']}/logs/).")
    return 0


def status() -> int:
    state = _load()
    if state is None:
        print("The mail lab is not running.")
        return 3
    alive = _alive(state)
    if not all(alive.values()):
        dead = ", ".join(n for n, a in alive.items() if not a)
        print(f"The mail lab is partly down ({dead}); run stop, then start.")
        return 1
    print(_describe(state))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.lab", description=__doc__)
    parser.add_argument("command", choices=("start", "stop", "status"))
    args = parser.parse_args(argv)
    return {"start": start, "stop": stop, "status": status}[args.command]()


if __name__ == "__main__":
    sys.exit(main())
