"""Real failures from the lab's servers reach the right explanation, filled in with the real evidence."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from assistant.core.check import check_server
from assistant.core.explain import explain
from assistant.core.model import Security, ServerSettings
from assistant.core.net import Deadline
from tests.lab import Lab


def failure(lab: Lab, settings: ServerSettings, *, account: str = "taro", **options: Any) -> Any:
    acct = lab.accounts[account]
    password = options.pop("password", acct.password)
    address = options.pop("address", acct.address)
    result = check_server(
        settings, password, address=address, net=lab.net_config(), deadline=Deadline(8.0), **options
    )
    assert not result.ok and result.failure is not None
    return result.failure


def moved(lab: Lab, name: str, **changes: Any) -> ServerSettings:
    return dataclasses.replace(lab.settings(name), **changes)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda lab: (moved(lab, "imaps", host="nx.lab.test"), {}), "dns.nxdomain"),
        (lambda lab: (moved(lab, "imaps", host="noaddr.lab.test"), {}), "dns.no_address"),
        (lambda lab: (lab.settings("closed-imaps"), {}), "tcp.refused"),
        (lambda lab: (moved(lab, "imap", port=143, security=Security.SSL), {}), "tls.plain_port"),
        (lambda lab: (lab.settings("expired-imaps"), {}), "tls.cert_expired"),
        (lambda lab: (lab.settings("wronghost-pop3s"), {}), "tls.cert_hostname"),
        (lambda lab: (lab.settings("untrusted-smtps"), {}), "tls.cert_untrusted"),
        (lambda lab: (lab.settings("selfsigned-pop3"), {}), "tls.cert_self_signed"),
        (lambda lab: (lab.settings("notls-submission"), {}), "starttls.not_offered"),
        (lambda lab: (lab.settings("imaps"), {"password": "Wrong-password-1"}), "auth.failed"),
        (lambda lab: (lab.settings("pop3s"), {"password": "Wrong-password-1"}), "auth.failed"),
        (lambda lab: (lab.settings("submission"), {"password": "Wrong-password-1"}), "auth.failed"),
        (
            lambda lab: (lab.settings("imaps", account="suspended"), {"account": "suspended"}),
            "auth.contact_admin",
        ),
        (lambda lab: (lab.settings("pop3s", account="suspended"), {"account": "suspended"}), "auth.disabled"),
        (lambda lab: (lab.settings("smtp-534-app-password"), {}), "auth.app_password.google"),
        (lambda lab: (lab.settings("smtp-535-tenant-ssl"), {}), "auth.smtp_auth_disabled.microsoft"),
        (lambda lab: (lab.settings("smtp-454-auth"), {}), "auth.temporary"),
        (lambda lab: (lab.settings("imap-unavailable-ssl"), {}), "auth.temporary"),
        (lambda lab: (lab.settings("pop3-in-use"), {}), "auth.in_use"),
        (lambda lab: (lab.settings("pop3-sys-temp-ssl"), {}), "auth.temporary"),
        (lambda lab: (lab.settings("smtp-421"), {}), "server.unavailable"),
        (lambda lab: (lab.settings("imap-bye"), {}), "server.unavailable"),
        (lambda lab: (lab.settings("smtp-eof-after-ehlo"), {}), "server.closed"),
        (lambda lab: (moved(lab, "imap", port=587), {}), "greeting.unexpected"),
        (lambda lab: (lab.settings("smtp-451-greylist-ssl"), {}), "smtp.greylisted"),
        (lambda lab: (lab.settings("mx"), {"address": "someone@elsewhere.test"}), "smtp.relay_denied"),
        (lambda lab: (lab.settings("mx"), {"address": "nobody@lab.test"}), "smtp.recipient_unknown"),
        (lambda lab: (lab.settings("mx"), {"address": "full@lab.test"}), "smtp.mailbox_full"),
        (lambda lab: (lab.settings("mx"), {}), "auth.not_offered"),
        (
            lambda lab: (lab.settings("submission"), {"address": lab.accounts["hanako"].address}),
            "smtp.sender_not_owner",
        ),
        (lambda lab: (lab.settings("plain-imap"), {}), "auth.insecure_blocked"),
    ],
)
def test_real_failure_gets_its_explanation(lab: Lab, make: Any, expected: str) -> None:
    settings, options = make(lab)
    evidence = failure(lab, settings, **options)
    for lang in ("ja", "en"):
        x = explain(evidence, lang=lang)
        assert x.id == expected, (evidence, x.id)
        assert x.title and x.steps and "{" not in x.what + "".join(x.steps)
        assert settings.host in x.details


def test_certificate_evidence_fills_the_text(lab: Lab) -> None:
    evidence = failure(lab, lab.settings("wronghost-pop3s"))
    x = explain(evidence, lang="ja")
    assert "other-host.example.test" in x.what
    expired = explain(failure(lab, lab.settings("expired-imaps")), lang="en")
    assert expired.values["cert_expiry"] in expired.what


def test_tls_on_a_plain_port_offers_the_fix(lab: Lab) -> None:
    evidence = failure(lab, moved(lab, "submission", security=Security.SSL))
    x = explain(evidence, lang="en")
    assert x.id == "tls.plain_port" and x.suggested_fix == {"security": "starttls"}
