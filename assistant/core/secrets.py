"""Account passwords in the OS keyring, and a plain verdict when the keyring can't be used."""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable
from typing import Protocol, TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from assistant.core.store import remember_secret

SERVICE = "mail-setup-assistant"
"""The one keyring service name the app stores every password under (the user name is the address)."""

DEFAULT_TIMEOUT = 45.0
"""Seconds to wait for the keyring. A locked keyring shows an unlock prompt: long enough for a person to
type their keyring password, but a prompt nobody can answer (no one there, a hidden display) ends."""

_PROBE_USER = "keyring-probe@mail-setup-assistant.invalid"
_POLL = 0.05  # how often a wait on the keyring looks at the cancel token

T = TypeVar("T")


class Cancel(Protocol):
    """What a call may be stopped by (the core's CancelToken, a GUI job's token)."""

    @property
    def cancelled(self) -> bool: ...


class KeyringState(enum.StrEnum):
    """Whether passwords can be kept, in the few cases the user has to hear about."""

    OK = "ok"
    NO_BACKEND = "no_backend"  # nothing to store passwords in (no Secret Service, fail/null backend)
    LOCKED = "locked"  # a keyring exists but is locked, refused, or did not answer


class KeyringUnavailable(Exception):
    """The keyring could not do what was asked. Never carries the password."""

    def __init__(self, state: KeyringState, detail: str) -> None:
        super().__init__(f"{state.value}: {detail}")
        self.state = state
        self.detail = detail  # exception type and its (redacted) text, for the details view and the log


def _is_unusable_backend(backend: KeyringBackend) -> bool:
    # fail.Keyring raises on every call; null.Keyring silently keeps nothing: neither may be trusted.
    module = type(backend).__module__
    return module in ("keyring.backends.fail", "keyring.backends.null")


def classify(exc: BaseException) -> KeyringState:
    """Map an exception raised by keyring (or the D-Bus layers below it) to a state."""
    if isinstance(exc, keyring.errors.NoKeyringError):
        return KeyringState.NO_BACKEND
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringState.LOCKED
    name = type(exc).__name__
    if name == "SecretServiceNotAvailableException":
        return KeyringState.NO_BACKEND
    if isinstance(exc, (FileNotFoundError, ConnectionRefusedError)):
        # the session bus address points at nothing: there is no Secret Service to talk to
        return KeyringState.NO_BACKEND
    # InitError("Prompt dismissed"), PasswordSetError, D-Bus error replies, timeouts: the keyring is
    # there but would not do it. For the user these are the same: it's locked or it said no.
    return KeyringState.LOCKED


def _detail(exc: BaseException, secret: str | None) -> str:
    text = str(exc)
    if secret:
        text = text.replace(secret, "********")
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


class PasswordStore:
    """get/set/delete a password per account address, under one service name.

    Every call runs on a helper thread with a deadline, so a keyring prompt nobody can answer turns into
    KeyringUnavailable(LOCKED) instead of a hang. A backend instance can be injected (tests, or a
    specific keyring); otherwise keyring's own choice for this system is used.
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        service: str = SERVICE,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._backend = backend
        self.service = service
        self.timeout = timeout

    def backend(self) -> KeyringBackend:
        """The keyring backend in use (detected on first use when none was injected)."""
        if self._backend is None:
            self._backend = self._guarded(keyring.get_keyring, None)
        return self._backend

    def backend_name(self, *, detect: bool = True) -> str:
        """The backend's class name; "none" when there is none, "" when not detected and `detect` is False
        (detecting can wait on a keyring service that does not answer: never do that on a GUI thread)."""
        if not detect and self._backend is None:
            return ""
        try:
            backend = self.backend()
        except KeyringUnavailable:
            return "none"
        kind = type(backend)
        return f"{kind.__module__}.{kind.__qualname__}"

    def probe(self, *, cancel: Cancel | None = None) -> KeyringState:
        """Check that passwords can be read (and so, in practice, stored) right now."""
        try:
            self.get(_PROBE_USER, cancel=cancel)
        except KeyringUnavailable as exc:
            return exc.state
        return KeyringState.OK

    def get(self, address: str, *, cancel: Cancel | None = None) -> str | None:
        """The saved password for `address`, or None when none is saved."""
        backend = self._usable_backend()
        password = self._guarded(lambda: backend.get_password(self.service, address), None, cancel)
        if password:
            remember_secret(password)
        return password

    def set(self, address: str, password: str, *, cancel: Cancel | None = None) -> None:
        """Save (or replace) the password for `address`. Raises KeyringUnavailable."""
        remember_secret(password)
        backend = self._usable_backend()
        self._guarded(lambda: backend.set_password(self.service, address, password), password, cancel)

    def delete(self, address: str, *, cancel: Cancel | None = None) -> bool:
        """Remove the saved password for `address`; False when there was none."""
        backend = self._usable_backend()

        def call() -> bool:
            try:
                backend.delete_password(self.service, address)
            except keyring.errors.PasswordDeleteError:
                return False  # nothing saved under that name
            return True

        return self._guarded(call, None, cancel)

    def _usable_backend(self) -> KeyringBackend:
        backend = self.backend()
        if _is_unusable_backend(backend):
            raise KeyringUnavailable(KeyringState.NO_BACKEND, f"backend {type(backend).__module__}")
        return backend

    def _guarded(self, call: Callable[[], T], secret: str | None, cancel: Cancel | None = None) -> T:
        """Run `call` on a daemon thread; give up after the timeout, or as soon as `cancel` is set (a stuck
        prompt stays stuck alone: quitting the app must not wait for a prompt nobody answers)."""
        outcome: list[T] = []
        failure: list[BaseException] = []
        done = threading.Event()

        def run() -> None:
            try:
                outcome.append(call())
            except BaseException as exc:  # handed back to the caller's thread
                failure.append(exc)
            finally:
                done.set()

        threading.Thread(target=run, name="keyring-call", daemon=True).start()
        deadline = time.monotonic() + self.timeout
        while not done.wait(min(_POLL, max(0.0, deadline - time.monotonic()))):
            if cancel is not None and cancel.cancelled:
                raise KeyringUnavailable(KeyringState.LOCKED, "stopped waiting for the keyring")
            if time.monotonic() >= deadline:
                raise KeyringUnavailable(
                    KeyringState.LOCKED, f"the keyring did not answer within {self.timeout:g} s"
                )
        if failure:
            exc = failure[0]
            if not isinstance(exc, Exception):
                raise exc
            # `from None`: the original exception and its frames stay out of logs and reports
            raise KeyringUnavailable(classify(exc), _detail(exc, secret)) from None
        return outcome[0]
