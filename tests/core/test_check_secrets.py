"""The password never shows up: not in transcripts, evidence, exceptions, reprs or JSON, in any encoding."""

from __future__ import annotations

import base64
import json

import pytest

from assistant.core.check import ServerResult, check_account, check_server
from assistant.core.net import Deadline
from assistant.core.probe.session import Credentials
from assistant.core.transcript import REDACTED, Transcript, secret_forms
from tests.lab import Lab
from tests.lab.canary import needles


def leaks(text: str, lab: Lab) -> list[str]:
    """Every form of every lab password (plain, base64 at each alignment, AUTH PLAIN payloads) in `text`."""
    data = text.encode("utf-8")
    logins = [(a.username, a.password) for a in lab.accounts.values()]
    return [what for needle, what in needles([lab.canary], logins).items() if needle in data]


def everything(result: ServerResult) -> str:
    """All the text a result can show: JSON, transcript, reprs, evidence."""
    return "\n".join(
        [
            json.dumps(result.to_dict(), ensure_ascii=False),
            result.transcript.render(),
            repr(result),
            str(result.failure),
        ]
    )


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("imaps", False),
        ("imap", False),
        ("pop3s", False),
        ("pop3", False),
        ("submission", False),
        ("smtps", False),
        ("imaps", True),
        ("pop3s", True),
        ("smtps", True),
        ("smtp-534-app-password-ssl", False),
        ("imap-unavailable", False),
        ("pop3-in-use-ssl", False),
    ],
)
def test_canary_absent_everywhere(lab: Lab, name: str, wrong: bool) -> None:
    taro = lab.accounts["taro"]
    settings = lab.settings(name, account="hanako") if wrong else lab.settings(name)
    # wrong=True: the canary is sent as someone else's (wrong) password
    result = check_server(
        settings, lab.canary, address=taro.address, net=lab.net_config(), deadline=Deadline(8)
    )
    assert leaks(everything(result), lab) == []
    assert any(REDACTED in line.text for line in result.transcript.lines) or name.startswith("pop3-in-use")


def test_canary_absent_when_logging_in_without_tls(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    for name in ("plain-imap", "plain-pop3", "plain-submission"):
        result = check_server(
            lab.settings(name), taro.password, address=taro.address, net=lab.net_config(), allow_insecure=True
        )
        assert result.ok, result.failure
        assert leaks(everything(result), lab) == []


def test_canary_absent_from_account_results_and_the_send_test(lab: Lab) -> None:
    taro = lab.accounts["taro"]
    result = check_account(
        taro.address,
        lab.settings("imaps"),
        lab.settings("submission"),
        taro.password,
        net=lab.net_config(),
        deadline=Deadline(15),
        send_test=True,
    )
    assert result.ok, result.failures
    assert leaks(json.dumps(result.to_dict(), ensure_ascii=False) + repr(result), lab) == []


def test_credentials_repr_hides_the_password(lab: Lab) -> None:
    assert lab.canary not in repr(Credentials("taro", lab.canary))


@pytest.mark.parametrize("prefix", ["", "x", "xy", "\0taro@lab.test\0"])
def test_base64_of_the_password_is_redacted_at_any_alignment(lab: Lab, prefix: str) -> None:
    transcript = Transcript(secrets=[lab.canary])
    payload = base64.b64encode((prefix + lab.canary + "tail").encode()).decode()
    transcript.received(f"334 {payload}")
    transcript.sent(f'a1 LOGIN "taro" "{lab.canary}"')
    text = transcript.render()
    assert leaks(text, lab) == []
    assert text.count(REDACTED) == 2


def test_imap_quoted_form_is_redacted() -> None:
    secret = 'pa"ss\\word'
    transcript = Transcript(secrets=[secret])
    transcript.sent('a1 LOGIN "u" "pa\\"ss\\\\word"')
    assert "ss" not in transcript.render().split("LOGIN", 1)[1].replace(REDACTED, "")


def test_short_secrets_do_not_blank_the_transcript() -> None:
    assert secret_forms("") == []
    transcript = Transcript(secrets=["ab"])
    transcript.received("* OK ready")
    assert transcript.lines[0].text == "* OK ready"
