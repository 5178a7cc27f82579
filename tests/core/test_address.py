"""Addresses as users type them: normalised when the intent is clear, refused with a code otherwise."""

from __future__ import annotations

import pytest

from assistant.core.address import InvalidAddress, parse_address


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("taro@example.jp", "taro@example.jp"),
        ("  taro@Example.JP  ", "taro@example.jp"),
        ("taro＠example.jp", "taro@example.jp"),  # full-width at sign from an IME
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),  # full-width letters and dot
        ("taro@example.jp.", "taro@example.jp"),  # trailing dot of a fully qualified name
        ("taro@example。jp", "taro@example.jp"),  # ideographic full stop
        ("mailto:taro@example.jp", "taro@example.jp"),
        ("山田 太郎 <taro@example.jp>", "taro@example.jp"),
        ("taro\u3000@example.jp".replace("\u3000", ""), "taro@example.jp"),
    ],
)
def test_normalises(typed: str, expected: str) -> None:
    assert parse_address(typed).ascii == expected


def test_idn_domain_keeps_both_forms() -> None:
    addr = parse_address("ユーザー@例え.jp")
    assert addr.domain == "xn--r8jz45g.jp"
    assert addr.domain_unicode == "例え.jp"
    assert addr.display == "ユーザー@例え.jp"
    assert addr.needs_smtputf8


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "address.empty"),
        ("   ", "address.empty"),
        ("taro example.jp", "address.space"),
        ("taro @example.jp", "address.space"),
        ("taro.example.jp", "address.no_at"),
        ("taro@@example.jp", "address.multiple_at"),
        ("@example.jp", "address.empty_local"),
        ("taro@", "address.empty_domain"),
        ("taro@localhost", "address.domain_no_dot"),
        ("taro@[192.0.2.1]", "address.ip_literal"),
        ("taro@exa_mple.jp", "address.bad_domain"),
        ("taro@-example.jp", "address.bad_domain"),
        ("taro@example.123", "address.bad_domain"),
        ("ta..ro@example.jp", "address.bad_local"),
        ("x" * 65 + "@example.jp", "address.too_long"),
    ],
)
def test_refuses_with_code(typed: str, code: str) -> None:
    with pytest.raises(InvalidAddress) as info:
        parse_address(typed)
    assert info.value.code == code
