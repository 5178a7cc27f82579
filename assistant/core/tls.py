"""TLS for a check: contexts (system trust + extra CA), a cancellable handshake, pins, error codes."""

from __future__ import annotations

import functools
import os
import select
import socket
import ssl
import sys
from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.certificate import certificate_info, fingerprint
from assistant.core.failures import FailureCode
from assistant.core.model import CertificateInfo
from assistant.core.net import CancelToken, CheckFailure, Deadline, NetConfig, quick_ack
from assistant.core.pins import Pins, pin_for

_PLAIN_PORT_REASONS = {
    "WRONG_VERSION_NUMBER",
    "HTTP_REQUEST",
    "HTTPS_PROXY_REQUEST",
    "UNKNOWN_PROTOCOL",
    "PACKET_LENGTH_TOO_LONG",
    "RECORD_LAYER_FAILURE",
    "RECORD_LENGTH_MISMATCH",
}
_VERSION_REASONS = {
    "UNSUPPORTED_PROTOCOL",
    "TLSV1_ALERT_PROTOCOL_VERSION",
    "NO_PROTOCOLS_AVAILABLE",
    "VERSION_TOO_LOW",
    "VERSION_TOO_HIGH",
    "WRONG_SSL_VERSION",
    "TLSV1_ALERT_INAPPROPRIATE_FALLBACK",
}
# OpenSSL X509_V_ERR_* numbers
_EXPIRED = {9, 10}  # not yet valid, expired
_HOSTNAME = {62, 63, 64}  # hostname / email / IP mismatch


@dataclass(frozen=True)
class TlsSession:
    sock: ssl.SSLSocket
    certificate: CertificateInfo

    @property
    def summary(self) -> str:
        return f"{self.certificate.tls_version} {self.certificate.cipher}".strip()


def client_context(net: NetConfig, *, verify: bool = True) -> ssl.SSLContext:
    """System trust store plus the optional extra CA file; TLS 1.2 or newer; host names checked.

    Contexts are shared (loading the system store costs ~15 ms); a changed CA file makes a new one."""
    stamp = 0.0
    if net.extra_ca_file:
        try:
            stamp = os.stat(net.extra_ca_file).st_mtime
        except OSError:
            raise CheckFailure(
                FailureCode.INPUT_INVALID, "extra CA file unusable", "FileNotFoundError"
            ) from None
    return _context(net.extra_ca_file, stamp, verify)


def _system_context() -> ssl.SSLContext:
    """A client context that trusts what the operating system trusts.

    On macOS and Windows the OS verifies (via truststore): a bundled Python on macOS has no CA file of
    its own, so OpenSSL alone would call every server untrusted. Linux uses OpenSSL and the system store."""
    if sys.platform in ("darwin", "win32"):
        try:
            import truststore
        except ImportError:
            pass
        else:
            native: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            return native
    return ssl.create_default_context()


@functools.lru_cache(maxsize=16)
def _context(extra_ca_file: str | None, stamp: float, verify: bool) -> ssl.SSLContext:
    del stamp  # part of the cache key only
    ctx = _system_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if extra_ca_file:
        try:
            ctx.load_verify_locations(cafile=extra_ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise CheckFailure(
                FailureCode.INPUT_INVALID, "extra CA file unusable", type(exc).__name__
            ) from None
    if not verify:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def handshake(
    sock: socket.socket,
    host: str,
    port: int,
    *,
    net: NetConfig,
    deadline: Deadline,
    cancel: CancelToken | None,
    pins: Pins | None = None,
    refetch: Callable[[], socket.socket] | None = None,
) -> TlsSession:
    """Wrap `sock` in TLS. On a certificate failure, `refetch` opens a new connection (ready for a
    ClientHello) so the certificate can still be read, unverified, for the evidence."""
    pin = pin_for(pins, host, port)
    ctx = client_context(net, verify=pin is None)
    try:
        tls = _wrap(ctx, sock, host, deadline, cancel)
    except ssl.SSLCertVerificationError as exc:
        code = _verify_code(exc)
        text = str(exc.verify_message or exc.reason or "certificate verify failed")
        cert = _fetch_unverified(refetch, host, net, deadline, cancel, text)
        raise CheckFailure(code, text, type(exc).__name__, certificate=cert) from None
    except ssl.SSLError as exc:
        raise _ssl_failure(exc) from None
    except OSError as exc:  # reset or closed mid-handshake
        raise CheckFailure(
            FailureCode.TLS_HANDSHAKE, "connection lost during handshake", type(exc).__name__
        ) from None
    der = tls.getpeercert(binary_form=True) or b""
    version, cipher = tls.version() or "", (tls.cipher() or ("",))[0]
    if pin is not None:
        info = certificate_info(
            der,
            verified=False,
            verify_error="not verified: pinned",
            tls_version=version,
            cipher=cipher,
            pinned=fingerprint(der) == pin,
        )
        if not info.pinned:
            tls.close()
            raise CheckFailure(
                FailureCode.TLS_PIN_MISMATCH,
                f"certificate {info.sha256} is not the pinned one",
                certificate=info,
                extra={"pin": pin},
            )
        return TlsSession(tls, info)
    return TlsSession(tls, certificate_info(der, verified=True, tls_version=version, cipher=cipher))


def _wrap(
    ctx: ssl.SSLContext, sock: socket.socket, host: str, deadline: Deadline, cancel: CancelToken | None
) -> ssl.SSLSocket:
    """Handshake in small steps so the deadline and the cancel token are honoured; closes on failure."""
    sock.setblocking(False)
    tls = ctx.wrap_socket(sock, server_hostname=host.strip("[]"), do_handshake_on_connect=False)
    try:
        while True:
            if cancel is not None and cancel.cancelled:
                raise CheckFailure(FailureCode.CHECK_CANCELLED)
            if deadline.expired:
                raise CheckFailure(FailureCode.SERVER_TIMEOUT, "no TLS handshake before the deadline")
            try:
                tls.do_handshake()
                quick_ack(tls)
                return tls
            except ssl.SSLWantReadError:
                quick_ack(tls)
                select.select([tls], [], [], deadline.poll())
            except ssl.SSLWantWriteError:
                select.select([], [tls], [], deadline.poll())
    except BaseException:
        tls.close()  # wrap_socket took the file descriptor over from `sock`
        raise


def _verify_code(exc: ssl.SSLCertVerificationError) -> FailureCode:
    if exc.verify_code in _EXPIRED:
        return FailureCode.TLS_CERT_EXPIRED
    if exc.verify_code in _HOSTNAME:
        return FailureCode.TLS_CERT_HOSTNAME
    return FailureCode.TLS_CERT_UNTRUSTED


def _ssl_failure(exc: ssl.SSLError) -> CheckFailure:
    reason = str(exc.reason or "")
    if reason in _PLAIN_PORT_REASONS:
        code = FailureCode.TLS_PLAIN_PORT
    elif reason in _VERSION_REASONS:
        code = FailureCode.TLS_PROTOCOL_VERSION
    else:
        code = FailureCode.TLS_HANDSHAKE
    return CheckFailure(code, reason or type(exc).__name__, type(exc).__name__, extra={"ssl_reason": reason})


def _fetch_unverified(
    refetch: Callable[[], socket.socket] | None,
    host: str,
    net: NetConfig,
    deadline: Deadline,
    cancel: CancelToken | None,
    verify_error: str,
) -> CertificateInfo | None:
    """Best effort: a second handshake without verification, only to read the certificate."""
    if refetch is None:
        return None
    try:
        sock = refetch()
    except (CheckFailure, OSError):
        return None
    try:
        tls = _wrap(client_context(net, verify=False), sock, host, deadline, cancel)
    except (CheckFailure, OSError):
        return None
    try:
        der = tls.getpeercert(binary_form=True) or b""
        return certificate_info(
            der,
            verified=False,
            verify_error=verify_error,
            tls_version=tls.version() or "",
            cipher=(tls.cipher() or ("",))[0],
        )
    finally:
        tls.close()
