"""Guessing against the lab's real Dovecot and Postfix: greeting and capabilities only, in parallel."""

from __future__ import annotations

import time

from assistant.core.discovery import SourceName, discover
from assistant.core.discovery.guess import GuessSource
from assistant.core.net import NetConfig
from tests.lab import Lab


def test_guessing_finds_the_lab_servers_with_tls_first(net: NetConfig, lab: Lab) -> None:
    result = discover("taro@lab.test", net=net, timeout=10, sources=[GuessSource()])
    assert result.winner is SourceName.GUESS
    best_in, best_out = result.incoming[0], result.outgoing[0]
    assert (best_in.protocol.value, best_in.host, best_in.port, best_in.security.value) == (
        "imap", "imap.lab.test", 993, "ssl")
    assert (best_out.host, best_out.port, best_out.security.value) == ("smtp.lab.test", 465, "ssl")
    assert (best_in.username, best_in.alternatives) == ("taro@lab.test", ("taro",))
    assert not best_in.provenance.needs_confirmation and best_in.provenance.confidence.value == "low"
    assert {c.security.value for c in result.incoming} <= {"ssl", "starttls"}
    # no login was attempted: Dovecot's log would show it; the transcript-free probe never sends one
    assert all(c.provenance.origin.startswith("probe ") for c in result.incoming + result.outgoing)


def test_a_port_that_drops_packets_does_not_hold_up_the_verdict(net: NetConfig) -> None:
    # imap.dropguess.test drops every SYN (OP25B, a firewall); mail.dropguess.test answers in plain text.
    start = time.monotonic()
    result = discover("taro@dropguess.test", net=net, timeout=15, sources=[GuessSource()])
    elapsed = time.monotonic() - start
    assert elapsed < 3, elapsed  # not the 15 s a dropped probe would take to time out
    best = result.incoming[0]
    assert (best.host, best.port, best.security.value) == ("mail.dropguess.test", 143, "none")
    assert "plaintext" in best.provenance.why and best.provenance.needs_confirmation
    assert all(c.host != "imap.dropguess.test" for c in result.incoming)
