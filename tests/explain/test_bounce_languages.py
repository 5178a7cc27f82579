"""Bounce notices in other languages (phrases_world.py): the reason from the local wording alone."""

from __future__ import annotations

from email.header import Header

import pytest

from assistant.core.explain.bounce import analyze_bounce, analyze_text
from assistant.core.explain.phrases import WORLD
from assistant.core.explain.reasons import classify

# (text of a notice without an SMTP reply, the reason)
PROSE = [
    ("Die Nachricht konnte nicht zugestellt werden: Empfänger unbekannt.", "userunknown"),
    ("Das Postfach des Empfängers ist voll.", "mailboxfull"),
    ("Die Domain beispiel.example existiert nicht.", "hostunknown"),
    ("Die Nachricht ist zu groß für das Zielsystem.", "mesgtoobig"),
    ("Ihre Nachricht wurde als Spam eingestuft.", "spamdetected"),
    ("L'adresse e-mail est introuvable.", "userunknown"),
    ("La boite aux lettres du destinataire est pleine.", "mailboxfull"),
    ("Le domaine exemple.example est introuvable.", "hostunknown"),
    ("Le délai de distribution est dépassé.", "expired"),
    ("Votre message est trop volumineux.", "mesgtoobig"),
    ("El usuario no existe.", "userunknown"),
    ("El buzón del destinatario está lleno.", "mailboxfull"),
    ("O usuário é desconhecido.", "userunknown"),
    ("A caixa postal do destinatário está cheia.", "mailboxfull"),
    ("Il destinatario è sconosciuto.", "userunknown"),
    ("La casella di posta del destinatario è piena.", "mailboxfull"),
    ("Het e-mailadres is niet gevonden.", "userunknown"),
    ("De postbus van de ontvanger is vol.", "mailboxfull"),
    ("Adresat nie istnieje.", "userunknown"),
    ("Skrzynka odbiorcy jest przepełniona.", "mailboxfull"),
    ("Příjemce neexistuje.", "userunknown"),
    ("Schránka příjemce je plná.", "mailboxfull"),
    ("Kullanıcı bulunamadı.", "userunknown"),
    ("Alıcının posta kutusu dolu.", "mailboxfull"),
    ("Пользователь не найден.", "userunknown"),
    ("Почтовый ящик получателя переполнен.", "mailboxfull"),
    ("Домен получателя не существует.", "hostunknown"),
    ("收件人不存在", "userunknown"),
    ("对方邮箱已满", "mailboxfull"),
    ("收件人域名不存在", "hostunknown"),
    ("郵件過大，無法傳送", "mesgtoobig"),
    ("받는 사람이 존재하지 않습니다.", "userunknown"),
    ("받는 사람의 메일함 용량이 초과되었습니다.", "mailboxfull"),
    ("수신자 도메인을 찾을 수 없습니다.", "hostunknown"),
    ("Das Konto des Empfängers wurde deaktiviert.", "suspend"),
    ("Le compte de votre correspondant est désactivé.", "suspend"),
    ("Учётная запись получателя заблокирована.", "suspend"),
    ("该账户已被停用", "suspend"),
    ("Relaying nicht erlaubt für fremde Domänen", "norelaying"),
    ("Nie znaleziono adresu odbiorcy.", "userunknown"),
    ("找不到该收件人", "userunknown"),
    ("Wiadomość zawiera wirusa.", "virusdetected"),
    ("邮件中检测到病毒", "virusdetected"),
    # written without accents, as plain-text tools leave them
    ("La boite aux lettres de votre correspondant est pleine.", "mailboxfull"),
    ("De mailbox is vol.", "mailboxfull"),
    ("El dominio indicado no existe", "hostunknown"),
]


@pytest.mark.parametrize(("text", "reason"), PROSE)
def test_local_wording_names_the_reason(text: str, reason: str) -> None:
    assert classify(text=text) == reason


def test_every_world_pattern_has_a_screen() -> None:
    assert [reason for reason, p in WORLD.items() if p.triggers is None] == []


def test_english_reply_texts_keep_their_reason() -> None:
    # a word that also occurs in English ("account", "conta" in "contact") does not change a reply's reason
    assert classify(text="550 5.1.1 contact your account administrator", status="5.1.1") == "userunknown"
    assert classify(text="552 Requested mail action aborted: exceeded mailsize limit") == "mesgtoobig"


def test_a_mailbox_full_said_in_chinese_beside_a_size_reply() -> None:
    # 163.com / QQ word a full mailbox as "exceeded mailsize limit"; the notice's own words decide
    text = "对方邮箱空间已满。 (552 Requested mail action aborted: exceeded mailsize limit)"
    assert classify(text=text, reply=552) == "mailboxfull"


def _notice(subject: str, body: str, charset: str = "utf-8") -> bytes:
    head = (
        "From: Mail System <postmaster@mail.example.net>\nTo: sender@example.org\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\nMIME-Version: 1.0\n"
        f"Content-Type: text/plain; charset={charset}\n"
        "Content-Transfer-Encoding: 8bit\n\n"
    )
    return head.encode("ascii") + body.encode(charset)


def test_a_german_prose_notice() -> None:
    data = _notice(
        "Unzustellbar",
        "Ihre Nachricht an kunde@firma.example konnte nicht zugestellt werden.\n"
        "Grund: Der Empfänger ist unbekannt.\n",
        "iso-8859-1",
    )
    (r,) = analyze_bounce(data).recipients
    assert (r.address, r.reason, r.status, r.hard) == ("kunde@firma.example", "userunknown", "5.0.911", True)


def test_a_russian_koi8_notice() -> None:
    data = _notice(
        "Сообщение не доставлено",
        "Ваше сообщение не удалось доставить.\nПолучатель: ivan@zavod.example\n"
        "Причина: почтовый ящик получателя переполнен.\n",
        "koi8-r",
    )
    (r,) = analyze_bounce(data).recipients
    assert (r.address, r.reason) == ("ivan@zavod.example", "mailboxfull")


def test_each_recipient_of_a_chinese_notice_gets_its_own_reply() -> None:
    data = _notice(
        "退信",
        "无法发送到 a@one.example\n退信原因：收件人不存在\n对方服务器返回：550 User not found\n\n"
        "无法发送到 b@two.example\n退信原因：对方邮箱已满\n对方服务器返回：552 5.2.2 Mailbox full\n",
        "gb18030",
    )
    found = {r.address: r for r in analyze_bounce(data).recipients}
    assert (found["a@one.example"].reason, found["a@one.example"].reply_code) == ("userunknown", 550)
    assert (found["b@two.example"].reason, found["b@two.example"].status) == ("mailboxfull", "5.2.2")


@pytest.mark.parametrize(
    ("text", "address", "reason", "action"),
    [
        ("Uw bericht aan piet@bedrijf.example kon niet worden bezorgd.\nReden: de mailbox is vol",
         "piet@bedrijf.example", "mailboxfull", "failed"),
        ("Die Zustellung Ihrer Nachricht an max@firma.example wurde verzögert.\nZeitüberschreitung",
         "max@firma.example", "expired", "delayed"),
        ("Письмо не доставлено адресату olga@firma.example. Причина: адрес не существует.",
         "olga@firma.example", "userunknown", "failed"),
        ("无法投递到 li@gongsi.example 原因：该邮箱地址不存在", "li@gongsi.example", "userunknown", "failed"),
    ],
)  # fmt: skip
def test_pasted_notice_text(text: str, address: str, reason: str, action: str) -> None:
    (r,) = analyze_text(text).recipients
    assert (r.address, r.reason, r.action) == (address, reason, action)


def test_a_korean_notice_labelled_euc_kr_written_in_cp949() -> None:
    # Korean mailers label CP949 text (syllables outside EUC-KR, like "똠") as euc-kr
    body = "받는 사람 : ddom@hanguk.example\n실패 사유 : 받는 사람이 존재하지 않습니다. (똠방)\n"
    data = _notice("메일 발송 실패", body.encode("cp949").decode("latin-1"), "latin-1")
    data = data.replace(b"charset=latin-1", b"charset=euc-kr")
    (r,) = analyze_bounce(data).recipients
    assert (r.address, r.reason) == ("ddom@hanguk.example", "userunknown")
