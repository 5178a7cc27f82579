"""A throw-away certificate authority per lab run: good, expired, wrong-host and untrusted certificates."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class CertFiles:
    """A server certificate chain and its private key, as PEM files."""

    cert_file: Path
    key_file: Path


class LabCA:
    """The lab's certificate authority; everything it issues is written below `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._ca = trustme.CA(organization_name="Mail Lab Test CA")
        self.ca_file = folder / "lab-ca.pem"
        self._ca.cert_pem.write_to_path(str(self.ca_file))
        # A second CA nobody trusts: its certificates look fine but do not chain to lab-ca.pem.
        self._rogue = trustme.CA(organization_name="Untrusted Rogue CA")

    def issue(
        self,
        hostnames: list[str] | tuple[str, ...],
        *,
        name: str | None = None,
        not_before: datetime.datetime | None = None,
        not_after: datetime.datetime | None = None,
        untrusted: bool = False,
    ) -> CertFiles:
        """Issue a certificate for `hostnames` (DNS names or IP addresses) and write chain + key."""
        ca = self._rogue if untrusted else self._ca
        leaf = ca.issue_cert(*hostnames, common_name=hostnames[0], not_before=not_before, not_after=not_after)
        stem = _safe(name or hostnames[0])
        cert_file = self.folder / f"{stem}.crt"
        key_file = self.folder / f"{stem}.key"
        with cert_file.open("wb") as out:
            for blob in leaf.cert_chain_pems:
                out.write(blob.bytes())
        leaf.private_key_pem.write_to_path(str(key_file))
        return CertFiles(cert_file, key_file)

    def expired(self, hostnames: list[str], *, name: str = "expired") -> CertFiles:
        """A certificate from the lab CA whose validity ended yesterday."""
        now = datetime.datetime.now(datetime.UTC)
        return self.issue(
            hostnames,
            name=name,
            not_before=now - datetime.timedelta(days=400),
            not_after=now - datetime.timedelta(days=1),
        )

    def self_signed(self, hostname: str, *, name: str = "selfsigned") -> CertFiles:
        """A self-signed certificate (issuer == subject), like an appliance's factory default."""
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
        now = datetime.datetime.now(datetime.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
            .sign(key, hashes.SHA256())
        )
        stem = _safe(name)
        cert_file = self.folder / f"{stem}.crt"
        key_file = self.folder / f"{stem}.key"
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.TraditionalOpenSSL,
                serialization.NoEncryption(),
            )
        )
        return CertFiles(cert_file, key_file)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name).strip(".") or "cert"


_default: LabCA | None = None


def issue(hostnames: list[str] | tuple[str, ...], folder: Path | None = None) -> tuple[Path, Path]:
    """Issue a lab-CA certificate for `hostnames`; returns (cert_file, key_file).

    Uses the CA of the running lab fixture when one exists (so its ca_file trusts the result),
    otherwise a CA in `folder`.
    """
    global _default
    if _default is None:
        if folder is None:
            raise RuntimeError("no lab CA yet: start a Lab or pass a folder")
        _default = LabCA(folder)
    files = _default.issue(list(hostnames))
    return files.cert_file, files.key_file


def set_default(ca: LabCA) -> None:
    """Make `ca` the one `issue()` uses (the Lab does this when it starts)."""
    global _default
    _default = ca
