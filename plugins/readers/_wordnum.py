"""Word's automatic list numbering, computed the way Word prints it.

python-docx has no API for list numbers: a numbered paragraph only says
``<w:numPr><w:numId w:val="3"/><w:ilvl w:val="0"/></w:numPr>``.  This module
reads ``numbering.xml`` (``w:num`` -> ``w:abstractNum`` -> ``w:lvl`` with its
start, format and text, ``w:lvlOverride`` restarts, ``w:numStyleLink``) and
counts paragraph by paragraph: numbers that share an abstract list continue one
another, a ``w:startOverride`` restarts the count on the first paragraph of its
list, and using a level resets the levels below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ._wordstyles import NumRef, StyleSheet, W, child_val, toggle, w_attr

_PLACEHOLDER = re.compile(r"%([1-9])")
#: list values beyond Word's own range (0-32767) are clamped: a hostile file
#: cannot make a label of millions of Roman numerals or letters
MAX_LIST_VALUE = 32767
#: the longest number format (``w:lvlText``) and printed label kept
MAX_LABEL_CHARS = 64
#: letters repeat ("AA", "AAA") up to this many times; later values print as digits
MAX_LETTER_REPEAT = 10
_KANJI_DIGITS = "〇一二三四五六七八九"
_AIUEO = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)
_IROHA = (
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
)
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    #: restart after this (1-based) level is used; 0 = never; None = after any higher level
    restart: int | None = None
    #: "legal" numbering: every placeholder printed as a decimal
    legal: bool = False
    #: the paragraph style this level is tied to (Word's "link level to style")
    style: str | None = None


@dataclass(frozen=True)
class ListLabel:
    """What Word prints before a numbered paragraph."""

    text: str
    fmt: str

    @property
    def visible(self) -> bool:
        """False for ``none`` numbering and empty labels."""
        return bool(self.text.strip()) and self.fmt != "none"

    @property
    def is_bullet(self) -> bool:
        """True for bullet lists (no number)."""
        return self.fmt == "bullet"


def format_number(value: int, fmt: str) -> str:
    """``value`` printed in Word's number format ``fmt`` (unknown formats: decimal).

    Values are clamped to ``-MAX_LIST_VALUE..MAX_LIST_VALUE``; Roman numerals
    past 3999 and letters repeated more than ``MAX_LETTER_REPEAT`` times print
    as digits, so no label is longer than a few dozen characters.
    """
    value = max(-MAX_LIST_VALUE, min(value, MAX_LIST_VALUE))
    if fmt in ("bullet", "none"):
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < value <= 26 * MAX_LETTER_REPEAT:
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "ordinal":
        return _ordinal(value)
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    if fmt == "decimalEnclosedCircle" and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt.startswith("decimalFullWidth"):
        return str(value).translate({ord(d): 0xFF10 + ord(d) - 48 for d in "0123456789"})
    if fmt in ("japaneseCounting", "chineseCounting", "chineseCountingThousand"):
        return _kanji(value)
    if fmt.startswith("aiueo") and value > 0:
        return _AIUEO[(value - 1) % len(_AIUEO)]
    if fmt.startswith("iroha") and value > 0:
        return _IROHA[(value - 1) % len(_IROHA)]
    if fmt == "ideographTraditional" and value > 0:
        return _STEMS[(value - 1) % len(_STEMS)]
    return str(value)


def _roman(value: int) -> str:
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _ordinal(value: int) -> str:
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _kanji(value: int) -> str:
    if value <= 0 or value >= 10000:
        return str(value)
    out = []
    for unit, mark in ((1000, "千"), (100, "百"), (10, "十")):
        digit, value = divmod(value, unit)
        if digit:
            out.append(("" if digit == 1 else _KANJI_DIGITS[digit]) + mark)
    if value:
        out.append(_KANJI_DIGITS[value])
    return "".join(out)


def _level(lvl: Any, base: Level | None = None) -> Level:
    """A level read from a ``w:lvl`` element, over ``base`` for partial overrides.

    A level that gives no ``w:start`` starts at 0, as ECMA-376 says and Word does.
    """
    level = base or Level(start=0)
    start = child_val(lvl, "start")
    fmt = child_val(lvl, "numFmt")
    text = child_val(lvl, "lvlText")
    restart = child_val(lvl, "lvlRestart")
    legal = toggle(lvl.find(W + "isLgl"))
    style = child_val(lvl, "pStyle")
    return replace(
        level,
        start=_int(start, level.start),
        fmt=fmt or level.fmt,
        text=text[:MAX_LABEL_CHARS] if text is not None else level.text,
        restart=_int(restart, level.restart) if restart is not None else level.restart,
        legal=legal if legal is not None else level.legal,
        style=style or level.style,
    )


def _int(value: str | None, default: int | None) -> Any:
    """``value`` as an int clamped to Word's range, or ``default``."""
    if value is None or len(value) > 12:
        return default
    try:
        return max(-MAX_LIST_VALUE, min(int(value), MAX_LIST_VALUE))
    except ValueError:
        return default


class Numbering:
    """The list definitions of one document and the running counts."""

    def __init__(self, numbering_element: Any | None, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_links: dict[str, str] = {}
        self._nums: dict[str, str] = {}
        self._overrides: dict[str, dict[int, tuple[int | None, Any]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._restarted: set[tuple[str, int]] = set()
        if numbering_element is not None:
            self._load(numbering_element)

    def _load(self, root: Any) -> None:
        for abstract in root.iter(W + "abstractNum"):
            abstract_id = w_attr(abstract, "abstractNumId")
            if abstract_id is None:
                continue
            levels: dict[int, Level] = {}
            for lvl in abstract.findall(W + "lvl"):
                ilvl = _int(w_attr(lvl, "ilvl"), None)
                if ilvl is not None:
                    levels[ilvl] = _level(lvl)
            self._abstract[abstract_id] = levels
            link = child_val(abstract, "numStyleLink")
            if link:
                self._style_links[abstract_id] = link
        for num in root.iter(W + "num"):
            num_id = w_attr(num, "numId")
            abstract_id = child_val(num, "abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            self._nums[num_id] = abstract_id
            overrides: dict[int, tuple[int | None, Any]] = {}
            for override in num.findall(W + "lvlOverride"):
                ilvl = _int(w_attr(override, "ilvl"), None)
                if ilvl is None:
                    continue
                start = _int(child_val(override, "startOverride"), None)
                overrides[ilvl] = (start, override.find(W + "lvl"))
            self._overrides[num_id] = overrides

    def resolve(self, ref: NumRef, style_id: str | None) -> tuple[str, int] | None:
        """The (numId, level) a paragraph is numbered with, or None for none."""
        num_id = ref.num_id
        if not num_id or num_id == "0" or num_id not in self._nums:
            return None
        ilvl = ref.ilvl
        if ilvl is None:
            ilvl = self._level_for_style(num_id, style_id)
        return num_id, max(0, min(ilvl, 8))

    def _level_for_style(self, num_id: str, style_id: str | None) -> int:
        levels = self._levels(self._abstract_id(num_id))
        for ilvl, level in sorted(levels.items()):
            if style_id and level.style == style_id:
                return ilvl
        return 0

    def _abstract_id(self, num_id: str) -> str:
        abstract_id = self._nums[num_id]
        link = self._style_links.get(abstract_id)
        if link:
            target_num = self._styles.numbering_style_num(link)
            if target_num and target_num in self._nums and self._nums[target_num] != abstract_id:
                return self._nums[target_num]
        return abstract_id

    def _levels(self, abstract_id: str) -> dict[int, Level]:
        return self._abstract.get(abstract_id, {})

    def _level(self, num_id: str, ilvl: int) -> Level:
        base = self._levels(self._abstract_id(num_id)).get(ilvl, Level(text=f"%{ilvl + 1}."))
        override = self._overrides.get(num_id, {}).get(ilvl)
        if override is not None and override[1] is not None:
            return _level(override[1], base)
        return base

    def next_label(self, num_id: str, ilvl: int) -> ListLabel:
        """Count one paragraph of list ``num_id`` at level ``ilvl``; its label."""
        abstract_id = self._abstract_id(num_id)
        counters = self._counters.setdefault(abstract_id, {})
        level = self._level(num_id, ilvl)
        override = self._overrides.get(num_id, {}).get(ilvl)
        restart_at = override[0] if override is not None else None
        if restart_at is not None and (num_id, ilvl) not in self._restarted:
            self._restarted.add((num_id, ilvl))
            counters[ilvl] = restart_at
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = level.start
        for deeper in [d for d in counters if d > ilvl]:
            restart = self._level(num_id, deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ListLabel(text=level.text if level.fmt == "bullet" else "", fmt=level.fmt)
        return ListLabel(text=self._render(num_id, ilvl, level, counters), fmt=level.fmt)

    def _render(self, num_id: str, ilvl: int, level: Level, counters: dict[int, int]) -> str:
        def value(match: re.Match[str]) -> str:
            target = int(match.group(1)) - 1
            target_level = self._level(num_id, target)
            count = counters.get(target, target_level.start)
            fmt = "decimal" if level.legal and target < ilvl else target_level.fmt
            return format_number(count, fmt)

        return _PLACEHOLDER.sub(value, level.text)[:MAX_LABEL_CHARS]


def label_number(label: str) -> str:
    """The number of a printed label, without its punctuation: "3." -> "3",
    "(a)" -> "a", "1.2." -> "1.2"."""
    return label.strip().strip("()[]（）").rstrip(".)、．").strip()
