"""Rules: precedence (most specific wins, enhanced beats basic), providers, OP25B, TLS, certificates."""

import pytest

from assistant.core.explain import Attempt, explain, explain_id
from assistant.core.model import CertificateInfo, Evidence, Protocol, Security, Stage

SMTP, IMAP, POP3 = Protocol.SMTP, Protocol.IMAP, Protocol.POP3


def smtp(
    code: str, reply: int | None, enhanced: str | None, text: str, host: str = "smtp.example.jp", **kw
) -> Evidence:  # type: ignore[no-untyped-def]
    stage = Stage.LOGIN if code.startswith("auth") else Stage.ACTION
    return Evidence(
        stage=stage,
        code=code,
        reply_code=reply,
        enhanced=enhanced,
        text=text,
        host=host,
        port=587,
        protocol=SMTP,
        security=Security.STARTTLS,
        **kw,
    )


def cert(*names: str, issuer: str = "Example CA", not_after: str = "2025-01-31T00:00:00Z") -> CertificateInfo:
    return CertificateInfo(f"CN={names[0]}", issuer, names, "2024-01-01T00:00:00Z", not_after, "00", False)


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        # Google
        (
            smtp(
                "auth.failed",
                534,
                "5.7.9",
                "Application-specific password required. ...InvalidSecondFactor",
                "smtp.gmail.com",
            ),
            "auth.app_password.google",
        ),
        (
            smtp(
                "auth.failed",
                534,
                "5.7.14",
                "<https://accounts.google.com/signin/continue?...> Please log in via "
                "your web browser and then try again.",
                "smtp.gmail.com",
            ),
            "auth.web_login.google",
        ),
        (
            smtp(
                "auth.failed",
                535,
                "5.7.8",
                "Username and Password not accepted. For more information, go to "
                "https://support.google.com/mail/?p=BadCredentials - gsmtp",
                "smtp.gmail.com",
            ),
            "auth.failed.google",
        ),
        (
            smtp("auth.temporary", 454, "4.7.0", "Too many login attempts, please try again later."),
            "auth.too_many_attempts",
        ),
        # Microsoft
        (
            smtp(
                "auth.failed",
                535,
                "5.7.139",
                "Authentication unsuccessful, SmtpClientAuthentication is disabled "
                "for the Tenant. Visit https://aka.ms/smtp_auth_disabled",
                "smtp.office365.com",
            ),
            "auth.smtp_auth_disabled.microsoft",
        ),
        (
            smtp(
                "auth.failed",
                535,
                "5.7.139",
                "Authentication unsuccessful, basic authentication is disabled.",
                "smtp-mail.outlook.com",
            ),
            "auth.basic_disabled.microsoft",
        ),
        (
            smtp(
                "smtp.message_rejected",
                550,
                "5.7.30",
                "Basic authentication is not supported for Client Submission",
                "smtp.office365.com",
            ),
            "auth.basic_disabled.microsoft",
        ),
        (
            smtp(
                "auth.failed",
                535,
                "5.7.3",
                "Authentication unsuccessful [TYAPR01CA0001.jpnprd01.prod.outlook.com]",
                "smtp.office365.com",
            ),
            "auth.failed.microsoft",
        ),
        (
            smtp(
                "smtp.sender_rejected",
                550,
                "5.7.60",
                "SMTP; Client does not have permissions to send as this sender",
            ),
            "smtp.sender_not_owner",
        ),
        (
            smtp(
                "smtp.auth_required", 530, "5.7.57", "Client not authenticated to send mail during MAIL FROM"
            ),
            "smtp.auth_required",
        ),
        # RFC 4954 replies
        (smtp("auth.failed", 535, "5.7.8", "Error: authentication failed"), "auth.failed"),
        (
            smtp("auth.failed", 538, "5.7.11", "Encryption required for requested authentication mechanism"),
            "auth.tls_required",
        ),
        (
            smtp("auth.failed", 534, "5.7.9", "Authentication mechanism is too weak"),
            "auth.mechanism_too_weak",
        ),
        (smtp("auth.failed", 525, "5.7.13", "User account disabled"), "auth.disabled"),
        (
            smtp("smtp.auth_required", 530, "5.7.0", "Must issue a STARTTLS command first"),
            "smtp.starttls_first",
        ),
        (smtp("smtp.auth_required", 530, "5.7.0", "Authentication required"), "smtp.auth_required"),
        (
            smtp("greeting.rejected", 421, "4.3.2", "Service not available, closing transmission channel"),
            "server.unavailable",
        ),
        # 450/451/452 and 550-554 by their enhanced codes and text, never by the basic code alone
        (
            smtp("smtp.temporary", 451, "4.7.1", "Please try again later: greylisted for 300 seconds"),
            "smtp.greylisted",
        ),
        (smtp("smtp.temporary", 452, "4.5.3", "Too many recipients"), "smtp.too_many_recipients"),
        (smtp("smtp.temporary", 452, "4.3.1", "Insufficient system storage"), "smtp.system_storage"),
        (
            smtp(
                "smtp.recipient_rejected",
                550,
                "5.1.1",
                "<x@example.jp>: Recipient address rejected: User unknown",
            ),
            "smtp.recipient_unknown",
        ),
        (
            smtp(
                "smtp.recipient_rejected",
                550,
                None,
                "<x@example.jp>: Recipient address rejected: User unknown",
            ),
            "smtp.recipient_unknown",
        ),
        (
            smtp("smtp.recipient_rejected", 553, "5.1.2", "We weren't able to find the recipient domain"),
            "smtp.recipient_domain",
        ),
        (smtp("smtp.recipient_rejected", 552, "5.2.2", "Mailbox full"), "smtp.mailbox_full"),
        (
            smtp("smtp.message_rejected", 552, "5.3.4", "Message size exceeds fixed limit"),
            "smtp.message_too_big",
        ),
        (
            smtp("smtp.relay_denied", 554, "5.7.1", "<a@example.com>: Relay access denied"),
            "smtp.relay_denied",
        ),
        (
            smtp(
                "smtp.recipient_rejected",
                554,
                "5.7.1",
                "Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
            ),
            "smtp.blocked",
        ),
        (
            smtp("smtp.message_rejected", 550, "5.7.1", "Message rejected as spam by Content Filtering"),
            "smtp.spam",
        ),
        (
            smtp(
                "smtp.message_rejected",
                550,
                "5.7.26",
                "Unauthenticated email from example.jp is not accepted due to domain's DMARC policy",
            ),
            "smtp.sender_auth",
        ),
        (
            smtp("smtp.message_rejected", 554, "5.6.0", "Message headers are not RFC 5322 compliant"),
            "smtp.content",
        ),
        (
            smtp(
                "smtp.sender_rejected",
                553,
                "5.1.8",
                "<a@nodomain.example>: Sender address rejected: Domain not found",
            ),
            "smtp.sender_rejected",
        ),
        (
            smtp("smtp.message_rejected", 550, "5.4.5", "Daily user sending limit exceeded."),
            "smtp.rate_limited",
        ),
        # unknown detail codes fall back to class and subject
        (smtp("smtp.message_rejected", 550, "5.7.999", "computer says no"), "smtp.policy"),
        (smtp("smtp.recipient_rejected", 550, "5.2.99", "nope"), "smtp.recipient_filtered"),
        (smtp("smtp.message_rejected", 554, "5.6.99", "nope"), "smtp.content"),
    ],
)
def test_smtp_rules(evidence: Evidence, expected: str) -> None:
    assert explain_id(evidence) == expected


def test_bare_550_is_not_classified_by_the_basic_code() -> None:
    bare = smtp("smtp.recipient_rejected", 550, None, "")
    assert explain_id(bare) == "smtp.recipient_rejected"  # the failure itself, not a guess from "550"


def test_enhanced_code_beats_basic_code() -> None:
    # 550 alone says little; 5.2.2 says mailbox full
    assert (
        explain_id(smtp("smtp.recipient_rejected", 550, "5.2.2", "Requested action not taken"))
        == "smtp.mailbox_full"
    )
    # the enhanced code is found in the text when the tester did not split it out
    assert (
        explain_id(smtp("smtp.recipient_rejected", 550, None, "5.1.1 mailbox unavailable"))
        == "smtp.recipient_unknown"
    )


@pytest.mark.parametrize(
    ("protocol", "response", "text", "host", "expected"),
    [
        (
            IMAP,
            "AUTHENTICATIONFAILED",
            "Invalid credentials (Failure)",
            "imap.gmail.com",
            "auth.failed.google",
        ),
        (
            IMAP,
            "ALERT",
            "Application-specific password required: https://support.google.com/accounts/answer/185833",
            "imap.gmail.com",
            "auth.app_password.google",
        ),
        (IMAP, "WEBALERT", "Web login required.", "imap.gmail.com", "auth.web_login.google"),
        (IMAP, "AUTHENTICATIONFAILED", "Authentication failed.", "imap.example.jp", "auth.failed"),
        (
            IMAP,
            "PRIVACYREQUIRED",
            "Plaintext authentication disallowed",
            "imap.example.jp",
            "auth.tls_required",
        ),
        (IMAP, "CONTACTADMIN", "Contact your administrator", "imap.example.jp", "auth.contact_admin"),
        (IMAP, "UNAVAILABLE", "Authentication backend down", "imap.example.jp", "auth.temporary"),
        (IMAP, "EXPIRED", "Password expired", "imap.example.jp", "auth.password_expired"),
        (IMAP, "ALERT", "Your account will be closed tomorrow", "imap.example.jp", "server.alert"),
        (
            IMAP,
            "",
            "NO Basic authentication is disabled.",
            "outlook.office365.com",
            "auth.basic_disabled.microsoft",
        ),
        (IMAP, "", "LOGIN failed.", "outlook.office365.com", "auth.failed.microsoft"),
        (
            IMAP,
            "AUTHENTICATIONFAILED",
            "LOGIN Invalid credentials",
            "imap.mail.yahoo.com",
            "auth.failed.yahoo",
        ),
        (IMAP, "AUTHENTICATIONFAILED", "Authentication failed", "imap.mail.me.com", "auth.failed.icloud"),
        (IMAP, "", "LOGIN failed", "imap.spmode.ne.jp", "auth.failed.docomo"),
        (IMAP, "", "LOGIN failed", "imap.mail.yahoo.co.jp", "auth.failed.yahoo_jp"),
        (IMAP, "", "LOGIN failed", "imap.softbank.jp", "auth.failed.softbank"),
        (POP3, "AUTH", "Username and password not accepted.", "pop.example.jp", "auth.failed"),
        (POP3, "IN-USE", "Mailbox locked", "pop.example.jp", "auth.in_use"),
        (POP3, "SYS/TEMP", "Try later", "pop.example.jp", "server.unavailable"),
        (POP3, "SYS/PERM", "Broken", "pop.example.jp", "server.error"),
        (POP3, "LOGIN-DELAY", "Wait", "pop.example.jp", "pop3.login_delay"),
        (
            POP3,
            "",
            "-ERR Logon failure: unknown user name or bad password.",
            "pop.corp.example",
            "auth.failed.microsoft",
        ),
    ],
)
def test_login_rules(protocol: Protocol, response: str, text: str, host: str, expected: str) -> None:
    code = {
        "UNAVAILABLE": "auth.temporary",
        "SYS/TEMP": "server.unavailable",
        "SYS/PERM": "protocol.error",
        "IN-USE": "auth.in_use",
        "LOGIN-DELAY": "auth.failed",
    }.get(response, "auth.failed")
    e = Evidence(
        stage=Stage.LOGIN,
        code=code,
        response_code=response or None,
        text=text,
        host=host,
        port=993,
        protocol=protocol,
        security=Security.SSL,
    )
    assert explain_id(e) == expected


def test_provider_given_by_caller_beats_host_guess() -> None:
    e = Evidence(stage=Stage.LOGIN, code="auth.failed", host="mail.example.jp", port=993, protocol=IMAP)
    assert explain_id(e) == "auth.failed"
    assert explain_id(e, provider="docomo.ne.jp") == "auth.failed.docomo"
    assert explain_id(e, provider="googlemail.com") == "auth.failed.google"


def test_op25b_needs_port_25_silent_and_587_answering() -> None:
    e = Evidence(
        stage=Stage.CONNECT,
        code="tcp.timeout",
        host="smtp.example.jp",
        port=25,
        protocol=SMTP,
        security=Security.NONE,
    )
    ok_587 = Attempt("smtp.example.jp", 587, ok=True)
    x = explain(e, lang="ja", related=[ok_587])
    assert x.id == "connect.op25b"
    assert x.suggested_fix == {"port": 587, "security": "starttls"}
    assert "587" in x.what and "OP25B" in x.title
    # a later stage failing on 465 still proves 465 answers
    tls_fail = Evidence(
        stage=Stage.LOGIN, code="auth.failed", host="smtp.example.jp", port=465, protocol=SMTP
    )
    assert explain_id(e, related=[tls_fail]) == "connect.op25b"
    # another host answering says nothing about this one
    assert explain_id(e, related=[Attempt("other.example.jp", 587, ok=True)]) == "connect.port25_blocked"
    # without context: port 25 silent is still most likely OP25B
    assert explain_id(e) == "connect.port25_blocked"
    # every port silent: a firewall, not OP25B
    silent = Evidence(
        stage=Stage.CONNECT, code="tcp.timeout", host="smtp.example.jp", port=587, protocol=SMTP
    )
    e465 = Evidence(stage=Stage.CONNECT, code="tcp.timeout", host="smtp.example.jp", port=465, protocol=SMTP)
    assert explain_id(silent, related=[e465, e]) == "connect.firewall"


@pytest.mark.parametrize(
    ("code", "port", "security", "fix"),
    [
        ("tls.plain_port", 587, Security.SSL, {"security": "starttls"}),
        ("tls.expects_tls", 465, Security.STARTTLS, {"security": "ssl"}),
    ],
)
def test_tls_mode_mismatch_says_which_setting_to_flip(
    code: str, port: int, security: Security, fix: dict
) -> None:  # type: ignore[type-arg]
    e = Evidence(
        stage=Stage.TLS, code=code, host="smtp.example.jp", port=port, protocol=SMTP, security=security
    )
    en = explain(e, lang="en")
    assert en.id == code and en.suggested_fix == fix
    words = en.title + en.what + " ".join(en.steps)
    assert "STARTTLS" in words and "SSL/TLS" in words and str(port) in words


def test_certificate_names_issuer_and_expiry_are_shown_and_verification_stays_on() -> None:
    c = cert("sv1234.xserver.jp", "*.xserver.jp", issuer="Let's Encrypt R11")
    e = Evidence(
        stage=Stage.TLS,
        code="tls.cert_hostname",
        host="mail.mycompany.jp",
        port=993,
        protocol=IMAP,
        certificate=c,
    )
    for lang in ("ja", "en"):
        x = explain(e, lang=lang)
        assert x.id == "tls.cert_hostname.hosting"  # the certificate names the hosting company
        assert "sv1234.xserver.jp" in x.what and x.suggested_fix == {"host": "sv1234.xserver.jp"}
        assert "Let's Encrypt R11" in x.details and "2025-01-31" in x.details
    generic = Evidence(
        stage=Stage.TLS,
        code="tls.cert_hostname",
        host="mail.a.example",
        port=993,
        protocol=IMAP,
        certificate=cert("mail.b.example"),
    )
    x = explain(generic, lang="en")
    assert x.id == "tls.cert_hostname" and "mail.b.example" in x.what
    assert "turn off" not in x.steps[0].lower()
    expired = Evidence(
        stage=Stage.TLS,
        code="tls.cert_expired",
        host="mail.a.example",
        port=993,
        protocol=IMAP,
        certificate=cert("mail.a.example"),
    )
    x = explain(expired, lang="ja")
    assert "2025-01-31" in x.what and "時刻" in x.steps[0]
    untrusted = Evidence(
        stage=Stage.TLS,
        code="tls.cert_untrusted",
        host="mail.a.example",
        port=993,
        protocol=IMAP,
        certificate=cert("mail.a.example", issuer="Kaspersky Anti-Virus"),
    )
    x = explain(untrusted, lang="en")
    assert "Kaspersky Anti-Virus" in x.what
    for step in x.steps[:2]:
        assert "verification" not in step.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate",
            "tls.cert_self_signed",
        ),
        ("certificate verify failed: unable to get local issuer certificate", "tls.cert_untrusted"),
        ("certificate verify failed: Missing Authority Key Identifier", "tls.cert_strict"),
    ],
)
def test_certificate_failure_texts(text: str, expected: str) -> None:
    e = Evidence(
        stage=Stage.TLS, code="tls.cert_untrusted", text=text, host="mail.example.jp", port=993, protocol=IMAP
    )
    assert explain_id(e) == expected


def test_tls_handshake_texts_and_softbank() -> None:
    e = Evidence(
        stage=Stage.TLS,
        code="tls.handshake",
        text="[SSL: DH_KEY_TOO_SMALL] dh key too small",
        host="mail.example.jp",
        port=993,
        protocol=IMAP,
    )
    assert explain_id(e) == "tls.old_cipher"
    sb = Evidence(
        stage=Stage.TLS,
        code="tls.handshake",
        text="EOF occurred",
        host="imap.softbank.jp",
        port=993,
        protocol=IMAP,
    )
    assert explain_id(sb) == "tls.softbank"


def test_explanation_carries_evidence_in_details_and_no_password() -> None:
    e = smtp("auth.failed", 535, "5.7.8", "Error: authentication failed: UGFzc3dvcmQ6")
    x = explain(e, lang="en")
    assert "535 5.7.8" in x.details and "smtp.example.jp:587" in x.details
    assert x.as_dict()["id"] == "auth.failed" and isinstance(x.as_dict()["steps"], list)


def test_unknown_codes_and_missing_values_never_crash() -> None:
    e = Evidence(stage=Stage.ACTION, code="something.new")
    for lang in ("ja", "en", "fr"):
        x = explain(e, lang=lang)
        assert x.id == "generic.failure" and x.title


def test_suggested_port_fix_brings_its_security() -> None:
    e = Evidence(stage=Stage.CONNECT, code="tcp.timeout", host="smtp.example.jp", port=25, protocol=SMTP)
    only_465 = explain(e, lang="en", related=[Attempt("smtp.example.jp", 465, ok=True)])
    assert only_465.id == "connect.op25b" and only_465.suggested_fix == {"port": 465, "security": "ssl"}
    refused = Evidence(
        stage=Stage.CONNECT, code="tcp.refused", host="imap.example.jp", port=1993, protocol=IMAP
    )
    x = explain(refused, lang="ja", related=[Attempt("imap.example.jp", 993, ok=True)])
    assert x.id == "connect.wrong_port" and x.suggested_fix == {"port": 993, "security": "ssl"}
    assert "993" in x.title


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (["provider.app_password"], "auth.failed.app_password"),
        (["provider.oauth_only"], "auth.failed.oauth_only"),
        (["provider.imap_password", "provider.username_account_id"], "auth.failed.docomo"),
        (["provider.enable_imap"], "auth.failed.enable_access"),
        (["provider.username_account_id"], "auth.failed.account_id"),
        (["provider.op25b"], "auth.failed"),
        ([], "auth.failed"),
    ],
)
def test_provider_notes_from_discovery_explain_a_refused_login(notes: list[str], expected: str) -> None:
    e = Evidence(stage=Stage.LOGIN, code="auth.failed", response_code="AUTHENTICATIONFAILED",
                 host="imap.example-isp.jp", port=993, protocol=IMAP)  # fmt: skip
    assert explain_id(e, provider_notes=notes) == expected
    assert explain(e, lang="ja", provider_notes=notes).id == expected


def test_a_known_provider_beats_its_notes() -> None:
    e = Evidence(stage=Stage.LOGIN, code="auth.failed", host="imap.gmail.com", port=993, protocol=IMAP)
    assert explain_id(e, provider_notes=["provider.app_password"]) == "auth.failed.google"
