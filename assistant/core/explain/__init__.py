"""Plain-language explanations (ja/en): pick a catalog entry by rules, fill it in with the evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.core.explain import catalog
from assistant.core.explain.context import Attempt, Context, provider_key
from assistant.core.explain.rules import GENERIC, choose
from assistant.core.model import DEFAULT_PORTS, Evidence, Protocol, Security

__all__ = ["Attempt", "Explanation", "catalog_ids", "explain", "explain_code", "explain_id", "provider_key"]


@dataclass(frozen=True)
class Explanation:
    """What to tell the person at the desk about one failure, in one language."""

    id: str
    lang: str
    title: str
    what: str
    causes: tuple[str, ...]
    steps: tuple[str, ...]
    who: str  # "you" / "provider" / "recipient"
    who_text: str  # the same, as a sentence in `lang`
    retry: bool  # whether trying again later can help
    link: str | None
    details: str  # technical detail for the "details" view
    suggested_fix: Mapping[str, Any] | None = None  # e.g. {"port": 587, "security": "starttls"}
    values: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "lang": self.lang, "title": self.title, "what": self.what,
            "causes": list(self.causes), "steps": list(self.steps),
            "who": self.who, "who_text": self.who_text,
            "retry": self.retry, "link": self.link, "details": self.details,
            "suggested_fix": dict(self.suggested_fix) if self.suggested_fix else None,
        }  # fmt: skip


Related = Iterable[Attempt | Evidence]


def explain_id(
    evidence: Evidence,
    *,
    provider: str | None = None,
    related: Related = (),
    provider_notes: Iterable[object] = (),
) -> str:
    """The catalog id that explains `evidence` best (the most specific matching rule).

    `provider_notes` are the note ids discovery found for the provider (ProviderNote.id or plain strings):
    a login refused by a provider that needs an app password is explained as exactly that.
    """
    if evidence.code in catalog.entries() and evidence.code.startswith(("address.", "provider.")):
        return evidence.code
    notes = frozenset(str(getattr(n, "id", n)) for n in provider_notes)
    ctx = Context.build(evidence, provider, _attempts(related), notes)
    return choose(ctx, _known)


def explain(
    evidence: Evidence,
    *,
    lang: str,
    provider: str | None = None,
    related: Related = (),
    provider_notes: Iterable[object] = (),
) -> Explanation:
    """The explanation of `evidence` in `lang` ('ja' or 'en'), filled in with what the evidence says."""
    attempts = _attempts(related)
    explanation_id = explain_id(evidence, provider=provider, related=attempts, provider_notes=provider_notes)
    values = evidence_values(evidence, lang, attempts)
    values["provider"] = provider_key(provider, evidence.host) or provider or ""
    return explain_code(explanation_id, lang=lang, values=values, evidence=evidence)


def explain_code(
    explanation_id: str,
    *,
    lang: str,
    values: Mapping[str, Any] | None = None,
    evidence: Evidence | None = None,
) -> Explanation:
    """The catalog entry `explanation_id` (e.g. "address.no_at", "bounce.userunknown") in `lang`."""
    lang = lang if lang in catalog.LANGUAGES else "en"
    entry = catalog.entry(explanation_id) or catalog.entry(GENERIC)
    if entry is None:  # only an incomplete install can get here
        raise LookupError(f"explanation catalog is missing {GENERIC!r}")
    values = dict(values or {})
    texts = entry.texts.get(lang) or entry.texts["en"]
    fill = catalog.fill
    details = fill(str(texts.get("details", "")), values, lang)
    if evidence is not None:
        said = (
            bool(evidence.text) and evidence.text[:300] in details
        )  # the catalog's details quoted it already
        details = "\n".join(
            part for part in (details, technical_summary(evidence, with_text=not said)) if part
        )
    return Explanation(
        id=entry.id,
        lang=lang,
        title=fill(str(texts.get("title", "")), values, lang),
        what=fill(str(texts.get("what", "")), values, lang),
        causes=tuple(fill(str(c), values, lang) for c in texts.get("causes", ())),
        steps=tuple(fill(str(s), values, lang) for s in texts.get("steps", ())),
        who=entry.who,
        who_text=catalog.who_text(entry.who, lang),
        retry=entry.retry,
        link=entry.link,
        details=details,
        suggested_fix=_fix(entry.suggested_fix, values),
        values=values,
    )


def catalog_ids() -> list[str]:
    return catalog.catalog_ids()


def _known(explanation_id: str) -> bool:
    return explanation_id in catalog.entries()


def _attempts(related: Related) -> tuple[Attempt, ...]:
    out: list[Attempt] = []
    for item in related:
        out.append(Attempt.from_evidence(item) if isinstance(item, Evidence) else item)
    return tuple(out)


_IMPLICIT_TLS_PORTS = (465, 993, 995)

_SECURITY_LABEL = {
    "ja": {Security.SSL: "SSL/TLS", Security.STARTTLS: "STARTTLS", Security.NONE: "なし"},
    "en": {Security.SSL: "SSL/TLS", Security.STARTTLS: "STARTTLS", Security.NONE: "None"},
}


def evidence_values(evidence: Evidence, lang: str, related: tuple[Attempt, ...] = ()) -> dict[str, Any]:
    """The placeholder values a catalog text may use, from one piece of evidence."""
    proto = evidence.protocol
    values: dict[str, Any] = {
        "host": evidence.host,
        "port": evidence.port or "",
        "code": evidence.reply_code or "",
        "enhanced": evidence.enhanced or "",
        "response_code": evidence.response_code or "",
        "text": (evidence.text or "")[:300],
        "protocol": proto.value.upper() if proto else "",
        "security": _SECURITY_LABEL.get(lang, _SECURITY_LABEL["en"]).get(evidence.security, "")
        if evidence.security
        else "",
    }
    if proto is not None:
        values["ssl_port"] = DEFAULT_PORTS[(proto, Security.SSL)]
        values["starttls_port"] = DEFAULT_PORTS[(proto, Security.STARTTLS)]
    cert = evidence.certificate
    if cert is not None:
        # SANs come as "DNS:mail.example.jp" / "IP:192.0.2.1": the reader (and a suggested fix) needs the name
        sans = [n.split(":", 1)[1] if n.startswith(("DNS:", "IP:")) else n for n in cert.sans]
        names = sans or ([cert.subject] if cert.subject else [])
        values["cert_names"] = ", ".join(names)
        values["cert_issuer"] = cert.issuer
        values["cert_expiry"] = cert.not_after[:10]
        values["cert_start"] = cert.not_before[:10]
        values["cert_host"] = next((n for n in names if n and "*" not in n and "=" not in n), "")
    host = evidence.host.lower()
    answering = [a.port for a in related if a.ok and a.port != evidence.port and a.host.lower() in ("", host)]
    if answering:
        alt = min(
            answering, key=lambda p: (p not in (587, 993, 995), p != 465, p)
        )  # the usual submission first
        values["alt_port"] = alt
        values["alt_security"] = Security.SSL.value if alt in _IMPLICIT_TLS_PORTS else Security.STARTTLS.value
    for key, value in evidence.extra.items():
        if isinstance(key, str) and key not in values and isinstance(value, str | int):
            values[key] = value
    return values


def technical_summary(evidence: Evidence, *, with_text: bool = True) -> str:
    """One or two lines of raw facts for the details view (never a password: texts are redacted at source)."""
    proto = evidence.protocol.value.upper() if evidence.protocol else ""
    where = f"{proto} {evidence.host}:{evidence.port}".strip()
    if evidence.security:
        where += f" ({evidence.security.value})"
    reply = " ".join(
        str(p)
        for p in (evidence.reply_code or "", evidence.enhanced or "",
                  f"[{evidence.response_code}]" if evidence.response_code else "",
                  evidence.text[:300] if with_text else "")
        if p
    )  # fmt: skip
    lines = [f"{evidence.stage.value} / {evidence.code} / {where}" + (f": {reply}" if reply else "")]
    cert = evidence.certificate
    if cert is not None:
        lines.append(
            f"certificate: {', '.join(cert.sans) or cert.subject}; issuer {cert.issuer}; "
            f"valid {cert.not_before[:10]} .. {cert.not_after[:10]}"
            + (f"; {cert.verify_error}" if cert.verify_error else "")
        )
    return "\n".join(lines)


def _fix(template: Mapping[str, Any] | None, values: Mapping[str, Any]) -> dict[str, Any] | None:
    """The suggested fix with {placeholders} filled; dropped entirely if a value is unknown."""
    if not template:
        return None
    out: dict[str, Any] = {}
    for key, value in template.items():
        if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
            filled = values.get(value[1:-1])
            if filled in (None, ""):
                return None
            value = filled
        out[key] = value
    return out


def protocol_of(value: str) -> Protocol | None:
    try:
        return Protocol(value)
    except ValueError:
        return None
