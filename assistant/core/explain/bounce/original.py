"""Where a bounce's returned copy of the original message starts (nothing below it describes the failure)."""

from __future__ import annotations

import re

from assistant.core.explain.phrases_world import WORLD_ORIGINAL, WORLD_ORIGINAL_WORDS

# Where the returned original starts: nothing below it describes the failure.
_ORIGINAL = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*)?(?:"
    r"this is a copy of the message|below this line is a copy of the message|"
    r"original message (?:follows|headers)|"
    r"original message|unsent message follows|the header of the original message|original message headers:|"
    r"headers of the original message|returned message|a copy of the original message|"
    r"元のメッセージ|元のメール|以下、元のメッセージ|原文|送信したメール|" + WORLD_ORIGINAL + r")",
    re.IGNORECASE | re.MULTILINE,
)
_ORIGINAL_WORDS = (
    "copy of the message",
    "original message",
    "unsent message",
    "the header of the original",
    "returned message",
    "copy of the original",
    "元のメッセージ",
    "元のメール",
    "原文",
    "送信したメール",
)
_WORLD_ORIGINAL_ASCII = tuple(w for w in WORLD_ORIGINAL_WORDS if w.isascii())


def cut_original(text: str) -> str:
    """The bounce's own text, without the returned original message that follows it."""
    low = text.lower()
    best = _original_start(text, low, _ORIGINAL_WORDS, len(text))
    if best == len(text):  # no English (or Japanese) marker: a localised one ("Ursprüngliche Nachricht")
        best = _original_start(
            text, low, _WORLD_ORIGINAL_ASCII if low.isascii() else WORLD_ORIGINAL_WORDS, best
        )
    return text[:best]


def _original_start(text: str, low: str, words: tuple[str, ...], best: int) -> int:
    for word in words:
        at = low.find(word, 0, best + 40)  # only a line that starts before the best one so far
        while 0 <= at < best:
            start = text.rfind("\n", 0, at) + 1
            if _ORIGINAL.match(text, start):
                best = start
                break
            at = low.find(word, at + 1, best + 40)
    return best
