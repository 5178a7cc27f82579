"""Text patterns that skip the regex when none of the literals it needs is in the text (most texts)."""

from __future__ import annotations

import importlib
import re

_ESCAPED_LITERALS = set(".-()[]{}|?*+^$\\/ @#'\"<>:;,=!&%~`")
_OPTIONAL = ("?", "*")


class Pattern:
    """A case-insensitive regex plus, per alternative, the literals one of which its matches contain.

    search() runs only the alternatives whose literals occur in the text, so it returns *a* match, not
    necessarily the leftmost one; use it to ask whether the pattern occurs.
    """

    __slots__ = (
        "_alt_words",
        "_compiled",
        "_compiled_low",
        "_first_alt",
        "_index",
        "_minimal",
        "_minimal_ascii",
        "_pattern",
        "_regex",
        "_regex_low",
        "_sources",
        "trigger_set",
        "triggers",
    )

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._regex: re.Pattern[str] | None = None  # compiled on first use: imports stay fast
        self._regex_low: re.Pattern[str] | None = None  # the same, for lower-case ASCII text (see _compile)
        self.triggers = triggers(pattern)
        self.trigger_set: frozenset[str] = frozenset(self.triggers or ())
        # a first, cheaper screen: the words no other word of the set contains ("not " for "not found")
        self._minimal = tuple(
            w for w in self.triggers or () if not any(o != w and o in w for o in self.trigger_set)
        )
        self._minimal_ascii = tuple(w for w in self._minimal if w.isascii())  # all ASCII text can hold
        self._sources = split_top(pattern) if self.triggers is not None else []
        self._compiled: dict[int, re.Pattern[str]] = {}
        self._compiled_low: dict[int, re.Pattern[str]] = {}
        self._index: dict[str, tuple[int, ...]] = {}
        self._alt_words: list[tuple[str, ...]] = []  # per alternative, the literals one of which it needs
        for n, alternative in enumerate(self._sources):
            self._alt_words.append(triggers(alternative) or ())
            for word in self._alt_words[-1]:
                self._index[word] = (*self._index.get(word, ()), n)
        # The screen stops at the first minimal word present: those before it (in the list the screen used)
        # are absent, so an alternative whose literals hold only those cannot match; per word, where to start
        # (worked out on first use: imports stay fast)
        self._first_alt: tuple[dict[str, int], dict[str, int]] | None = None

    def _first_alternatives(self, minimal: tuple[str, ...]) -> dict[str, int]:
        # per alternative, the last word of `minimal` that one of its literals holds (-1: none)
        last = [
            max((i for i, m in enumerate(minimal) if any(m in w for w in words)), default=-1)
            for words in self._alt_words
        ]
        return {
            word: next((n for n, j in enumerate(last) if j >= i), len(last)) for i, word in enumerate(minimal)
        }

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self._pattern, re.IGNORECASE)
        return self._regex

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """Like re.search; pass `lowered` (text.lower()) when checking many patterns against one text."""
        if self.triggers is None:
            return self.regex.search(text)
        low = lowered if lowered is not None else text.lower()
        ascii_low = low.isascii()
        for word in self._minimal_ascii if ascii_low else self._minimal:
            if word in low:
                break
        else:
            return None
        # as search_present(text, the trigger words in `low`), in one pass (a minimal word is present)
        lowered_ascii = text is low and ascii_low  # e.g. reasons: the text is lower-cased already
        if len(self._sources) == 1:
            if lowered_ascii:
                if self._regex_low is None:
                    self._regex_low = _compile(self._pattern, lowered_ascii=True)
                return self._regex_low.search(text)
            return self.regex.search(text)
        # the alternatives whose literals occur, in order, until one matches (what search_present does)
        cache = self._compiled_low if lowered_ascii else self._compiled
        if self._first_alt is None:
            self._first_alt = (
                self._first_alternatives(self._minimal_ascii),
                self._first_alternatives(self._minimal),
            )
        start = self._first_alt[0 if ascii_low else 1][word]
        for n in range(start, len(self._alt_words)):
            for word in self._alt_words[n]:
                if word in low:
                    break
            else:
                continue
            compiled = cache.get(n)
            if compiled is None:
                compiled = cache[n] = _compile(self._sources[n], lowered_ascii=lowered_ascii)
            m = compiled.search(text)
            if m:
                return m
        return None

    def search_present(self, text: str, present: set[str] | frozenset[str]) -> re.Match[str] | None:
        """search() when the caller already knows which literals occur in the text (see present_words)."""
        if self.triggers is None:
            return self.regex.search(text)
        common = self.trigger_set.intersection(present)
        if not common:
            return None
        if len(self._sources) == 1:
            return self.regex.search(text)
        return self._search_alternatives(text, {n for word in common for n in self._index[word]})

    def _search_alternatives(
        self, text: str, wanted: set[int], lowered_ascii: bool = False
    ) -> re.Match[str] | None:
        cache = self._compiled_low if lowered_ascii else self._compiled
        for n in sorted(wanted):
            compiled = cache.get(n)
            if compiled is None:  # compiled on first use: most alternatives are never needed
                compiled = cache[n] = _compile(self._sources[n], lowered_ascii=lowered_ascii)
            m = compiled.search(text)
            if m:
                return m
        return None

    def occurs(self, text: str) -> bool:
        """Whether the pattern occurs in `text`; ASCII text is searched lower-cased (same answer, faster)."""
        low = text.lower()
        return self.search(low if text.isascii() else text, low) is not None

    def hit(self, lowered: str, text: str | None = None) -> bool:
        return self.search(text if text is not None else lowered, lowered) is not None


def _compile(source: str, *, lowered_ascii: bool = False) -> re.Pattern[str]:
    """`source` case-insensitive; for lower-case ASCII text without the flag when that matches the same.

    A case-insensitive regex has no literal prefix to jump to and compares folded characters: it is
    several times slower. On text that is lower-case ASCII, the flag changes nothing when no character
    the pattern can match is upper-case or folds to ASCII (see _case_blind).
    """
    if lowered_ascii and _case_blind(source):
        return re.compile(source)
    return re.compile(source, re.IGNORECASE)


def _case_blind(source: str) -> bool:
    """Whether every literal, class member and range of `source` is uncased or lower-case ASCII."""
    parser = importlib.import_module("re._parser")
    try:
        tree = parser.parse(source)
    except re.error:
        return False
    return bool(_blind_items(list(tree)))


def _blind_char(code: int) -> bool:
    if code < 128:
        return not 65 <= code <= 90  # A-Z
    c = chr(code)
    return c.lower() == c == c.upper()


def _blind_items(items: list[tuple[object, object]]) -> bool:
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            if not _blind_char(int(av)):  # type: ignore[call-overload]
                return False
        elif name == "IN":
            for member_op, member in av:  # type: ignore[attr-defined]
                member_name = str(member_op)
                if member_name in ("LITERAL", "NOT_LITERAL"):
                    if not _blind_char(member):
                        return False
                elif member_name == "RANGE":
                    low, high = member
                    if high - low > 4096 or not all(_blind_char(c) for c in range(low, high + 1)):
                        return False
                elif member_name not in ("NEGATE", "CATEGORY"):
                    return False
        elif name in ("AT", "ANY", "CATEGORY", "GROUPREF"):
            continue
        elif name == "SUBPATTERN":
            if not _blind_items(list(av[3])):  # type: ignore[index]
                return False
        elif name == "BRANCH":
            if not all(_blind_items(list(branch)) for branch in av[1]):  # type: ignore[index]
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _blind_items(list(av[2])):  # type: ignore[index]
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _blind_items(list(av[1])):  # type: ignore[index]
                return False
        elif name == "ATOMIC_GROUP":
            if not _blind_items(list(av)):  # type: ignore[call-overload]
                return False
        else:  # GROUPREF_EXISTS and anything unknown: keep the flag
            return False
    return True


def present_words(lowered: str, words: frozenset[str]) -> set[str]:
    """Which of `words` occur in the (lower-cased) text: computed once, shared by many patterns."""
    return {w for w in words if w in lowered}


def compile_any(*parts: str) -> Pattern:
    """One Pattern matching any of `parts` (each a regex)."""
    return Pattern("|".join(f"(?:{p})" for p in parts))


def triggers(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals of which every match contains at least one; None when we cannot tell."""
    found: list[str] = []
    for alternative in split_top(pattern):
        alt = alternative
        while alt.startswith("(?:") and _group_end(alt, 0) == len(alt) - 1:
            inner = split_top(alt[3:-1])
            if len(inner) > 1:
                break
            alt = inner[0]
        if alt.startswith("(?:") and _group_end(alt, 0) == len(alt) - 1:
            sub = triggers(alt[3:-1])
            if sub is None:
                return None
            found.extend(sub)
            continue
        need = _required(alt)
        if need is None:
            return None
        found.extend(need)
    return tuple(dict.fromkeys(found))


def split_top(pattern: str) -> list[str]:
    """`pattern` split at its top-level | (not inside groups or classes)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _required(alt: str) -> list[str] | None:
    runs: list[str] = []
    groups: list[list[str]] = []
    cur = ""
    i = 0
    n = len(alt)
    while i < n:
        c = alt[i]
        if c == "\\":
            esc = alt[i + 1 : i + 2]
            i += 2
            if esc in _ESCAPED_LITERALS and esc:
                if alt[i : i + 1] in _OPTIONAL or alt[i : i + 2] == "{0":
                    runs.append(cur)
                    cur = ""
                    i = _skip_quantifier(alt, i)
                    continue
                cur += esc
                if alt[i : i + 1] in ("+", "{"):
                    runs.append(cur)
                    cur = ""
                    i = _skip_quantifier(alt, i)
                continue
            runs.append(cur)
            cur = ""
            i = _skip_quantifier(alt, i)
            continue
        if c == "(":
            end = _group_end(alt, i)
            group = alt[i : end + 1]
            i = end + 1
            optional = alt[i : i + 1] in _OPTIONAL or alt[i : i + 2] == "{0"
            i = _skip_quantifier(alt, i)
            runs.append(cur)
            cur = ""
            if optional or group.startswith(("(?=", "(?!", "(?<=", "(?<!")):
                continue
            inner = group[3:-1] if group.startswith("(?:") else group[1:-1]
            branches = split_top(inner)
            if all(b and not re.search(r"[\\\[\](){}?*+.^$|]", b) for b in branches):
                groups.append([b.lower() for b in branches])
            continue
        if c == "[":
            i = _skip_quantifier(alt, _class_end(alt, i) + 1)
            runs.append(cur)
            cur = ""
            continue
        if c in ".^$":
            i = _skip_quantifier(alt, i + 1)
            runs.append(cur)
            cur = ""
            continue
        nxt = alt[i + 1 : i + 2]
        if nxt in _OPTIONAL or alt[i + 1 : i + 3] == "{0":
            runs.append(cur)
            cur = ""
            i = _skip_quantifier(alt, i + 1)
            continue
        cur += c
        i += 1
        if nxt in ("+", "{"):
            runs.append(cur)
            cur = ""
            i = _skip_quantifier(alt, i)
    runs.append(cur)
    best = max(runs, key=len).lower()
    if len(best) >= 4:
        return [best]
    usable = [g for g in groups if min(len(b) for b in g) >= 3]
    if usable:
        return max(usable, key=lambda g: min(len(b) for b in g))
    if len(best) >= 2 and not best.isascii():
        return [best]  # two Japanese characters are as telling as four ASCII ones
    if len(best) >= 3:
        return [best]
    return None


def _skip_quantifier(p: str, i: int) -> int:
    if i < len(p) and p[i] in "?*+":
        i += 1
    elif i < len(p) and p[i] == "{":
        close = p.find("}", i)
        i = close + 1 if close > 0 else i + 1
    if i < len(p) and p[i] in "?+":  # lazy / possessive
        i += 1
    return i


def _class_end(p: str, i: int) -> int:
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    return j


def _group_end(p: str, i: int) -> int:
    depth, j = 0, i
    while j < len(p):
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(p, j) + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return len(p) - 1
