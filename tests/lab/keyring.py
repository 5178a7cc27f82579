"""A private D-Bus session bus with gnome-keyring's Secret Service in it, for keyring tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.lab.process import Daemon, _die_with_parent, wait_until

SECRETS_BUS_NAME = "org.freedesktop.secrets"
LAB_KEYRING_PASSWORD = "lab-keyring-password"


class SecretServiceLab:
    """`dbus-daemon --session` on its own socket plus `gnome-keyring-daemon --components=secrets`.

    Everything (HOME, XDG dirs, the keyring files) lives under `root`. With `unlock_password` the login
    keyring is created and unlocked at start; without it there is no usable collection and every call
    ends in "Prompt dismissed" (no display, so no prompt can open). Both daemons are stopped by PID.
    """

    def __init__(
        self, root: Path, *, unlock_password: str | None = LAB_KEYRING_PASSWORD, display: str | None = None
    ) -> None:
        self.root = root
        self.display = display  # an X display for gcr-prompter: then an unlock prompt opens and waits
        self.unlock_password = unlock_password
        # a short folder of its own: a unix socket path must stay under ~108 bytes
        self.socket_dir = Path(tempfile.mkdtemp(prefix="lab-bus-"))
        self.socket = self.socket_dir / "bus"
        self.bus_address = f"unix:path={self.socket}"
        self.bus: Daemon | None = None
        self.keyring_daemon: Daemon | None = None

    def env(self) -> dict[str, str]:
        """Environment for a process that should use this Secret Service (and nothing of the real user)."""
        home = self.root / "home"
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(
            DBUS_SESSION_BUS_ADDRESS=self.bus_address,
            HOME=str(home),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_RUNTIME_DIR=str(self.root / "run"),
        )
        if self.display:
            env["DISPLAY"] = self.display
        return env

    def start(self) -> SecretServiceLab:
        env = self.env()
        for key in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            Path(env[key]).mkdir(parents=True, exist_ok=True)
        run = Path(env["XDG_RUNTIME_DIR"])
        run.mkdir(parents=True, exist_ok=True)
        run.chmod(0o700)
        self.bus = Daemon.spawn(
            "dbus-daemon",
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", f"--address={self.bus_address}"],
            self.root / "dbus.log",
            env=env,
        )
        wait_until(self.socket.exists, 10.0, "the D-Bus session socket", self.bus)
        argv = ["gnome-keyring-daemon", "--foreground", "--components=secrets"]
        if self.unlock_password is not None:
            argv.append("--unlock")
        log = self.root / "gnome-keyring.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                close_fds=True,
                env=env,
                preexec_fn=_die_with_parent,
            )
        assert popen.stdin is not None
        if self.unlock_password is not None:
            popen.stdin.write(self.unlock_password.encode())
        popen.stdin.close()
        self.keyring_daemon = Daemon("gnome-keyring-daemon", popen.pid, log, popen)
        wait_until(self._service_owned, 10.0, "the Secret Service on the bus", self.keyring_daemon)
        return self

    def _service_owned(self) -> bool:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(self.bus_address) as conn:
            reply = conn.send_and_get_reply(message_bus.NameHasOwner(SECRETS_BUS_NAME), timeout=2.0)
        return bool(reply.body[0])

    def backend(self) -> object:
        """A keyring SecretService backend (it talks to whatever DBUS_SESSION_BUS_ADDRESS names)."""
        from keyring.backends import SecretService

        return SecretService.Keyring()

    def lock(self) -> None:
        """Lock the default collection, as the desktop does after a timeout or on screen lock."""
        import secretstorage
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(self.bus_address) as conn:
            secretstorage.get_default_collection(conn).lock()

    def items(self) -> list[tuple[str, dict[str, str]]]:
        """(label, attributes) of every stored item, secrets left out: for checking what was saved."""
        import secretstorage
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(self.bus_address) as conn:
            collection = secretstorage.get_default_collection(conn)
            return [(item.get_label(), item.get_attributes()) for item in collection.get_all_items()]

    def stop(self) -> None:
        for daemon in (self.keyring_daemon, self.bus):
            if daemon is not None:
                daemon.stop()
        self.keyring_daemon = self.bus = None
        shutil.rmtree(self.socket_dir, ignore_errors=True)


@contextmanager
def keyring_with_a_prompt(root: Path) -> Iterator[SecretServiceLab]:
    """A started Secret Service whose unlock prompt (gcr-prompter) opens on a private Xvfb display that
    nobody looks at, so unlocking waits for a person: forever. The caller points the app at it
    (`bus_address`) and locks it when it wants the prompt."""
    # -displayfd: Xvfb picks a free display itself and writes its number (here: into its log file)
    log = root / "xvfb.log"
    root.mkdir(parents=True, exist_ok=True)
    xvfb = Daemon.spawn("Xvfb", ["Xvfb", "-displayfd", "1", "-nolisten", "tcp"], log)
    service: SecretServiceLab | None = None

    def number() -> str:
        return next((line.strip() for line in log.read_text().splitlines() if line.strip().isdigit()), "")

    try:
        wait_until(lambda: bool(number()), 10.0, "Xvfb's display number", xvfb)
        service = SecretServiceLab(root / "prompting", display=":" + number())
        yield service.start()
    finally:
        if service is not None:
            service.stop()
        xvfb.stop()

