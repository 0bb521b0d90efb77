"""Stage 1 of the parser: blocks -> units.

A *unit* is one candidate paragraph, heading or list item.  Line blocks from a
plain text are grouped here (lines separated by blank lines, hard-wrapped lines,
one-paragraph-per-line texts); blocks from structured readers map one to one.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Literal

import msgspec

from ..blocks import Block
from .lazy import LazyPattern

UnitKind = Literal["text", "heading", "bullet"]

TERMINAL = (*'.!?;:"”’)»', "…")
_NUMBERED = re.compile(r"^(\d{1,3}(?=\s*[.,)])|\d{4}(?=\s*[.)]))\s*[.,)]\s*(?=\S)(?!\d)")
_PAREN_NUMBER = re.compile(r"^\((\d{1,3})\)\s+(?=\S)")
_ROMAN = re.compile(r"^(?P<label>[IVX]{1,6})(?:\s*[.)]\s*|\s+)(?P<rest>\S.*)$")
_LETTER = re.compile(r"^(?P<label>[A-H])[.)]\s+(?P<rest>[A-Z].*)$")
_BULLET = re.compile(
    r"^(?:[-•*▪●◦·►■○∥]\s+|[•▪●◦►■∥]|\((?:[a-z]|[ivx]{1,4})\)\s+|[a-z]\)\s+)(?=\S)"
)
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}
CONNECTORS = frozenset(
    [
        "and",
        "or",
        "of",
        "the",
        "for",
        "to",
        "in",
        "with",
        "a",
        "an",
        "on",
        "by",
        "at",
        "from",
        "as",
        "nor",
        "but",
        "that",
        "which",
        "their",
        "its",
        "his",
        "her",
    ]
)


class Unit(msgspec.Struct):
    """A candidate paragraph, heading or list item, with layout hints."""

    text: str
    kind: UnitKind = "text"
    number: int | None = None
    label: str | None = None  # "I" for part headings, "A" for lettered ones
    bold: bool = False
    standalone: bool = False  # blank lines (or a block boundary) on both sides
    forced_heading: int | None = None  # heading level given by a structured reader
    description: str | None = None  # a heading's description line, given by the reader
    chunk: int = 0  # which run of lines (between blank lines) the unit came from
    lines: list[str] = msgspec.field(default_factory=list)

    @property
    def words(self) -> int:
        """How many words the unit holds."""
        return len(self.text.split())

    @property
    def ends_sentence(self) -> bool:
        """True when the text ends like a finished sentence."""
        return self.text.rstrip().endswith(TERMINAL)


def roman_value(label: str) -> int | None:
    """The value of a Roman numeral up to 39, or None when ``label`` is not one."""
    if not re.fullmatch(r"X{0,3}(IX|IV|V?I{0,3})", label) or not label:
        return None
    total = 0
    for i, ch in enumerate(label):
        value = _ROMAN_VALUE[ch]
        nxt = _ROMAN_VALUE[label[i + 1]] if i + 1 < len(label) else 0
        total += -value if value < nxt else value
    return total


def is_hard_wrapped(lines: list[str]) -> tuple[bool, int]:
    """Whether the text is hard-wrapped (most lines broken near one width), and that width."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 30)
    if len(lengths) < 6:
        return False, 0
    width = lengths[int(len(lengths) * 0.9) - 1]
    if width > 110:
        return False, 0
    near = sum(1 for n in lengths if n >= width * 0.6)
    return near >= len(lengths) * 0.6, width


def line_marker(line: str) -> str | None:
    """The kind of marker a line starts with: 'number', 'paren', 'bullet' or None."""
    stripped = line.strip()
    if _NUMBERED.match(stripped):
        return "number"
    if _PAREN_NUMBER.match(stripped):
        return "paren"
    if _BULLET.match(stripped):
        return "bullet"
    return None


def blocks_to_units(blocks: list[Block]) -> list[Unit]:
    """Group line blocks into units; map structured blocks one to one.

    Refuses (:class:`jtreport.errors.ParseError`) text or paragraphs beyond
    the limits of :mod:`.limits`.
    """
    from .limits import check_paragraphs, check_text

    check_text(blocks)
    plain = [b.text for b in blocks if b.kind == "line"]
    wrapped, width = is_hard_wrapped(plain)
    breaks_join = _breaks_are_exceptions(blocks)
    units: list[Unit] = []
    chunk: list[Block] = []

    def flush() -> None:
        if chunk:
            for unit in _split_chunk(chunk, wrapped, width, breaks_join):
                unit.chunk = chunk_no
                units.append(unit)
            chunk.clear()

    chunk_no = 0
    for block in blocks:
        chunk_no += 1 if not chunk else 0
        if block.kind == "line":
            if _CONTENT.search(block.text):
                chunk.append(_without_cell_borders(_without_watermark(block)))
            else:
                flush()  # a blank line, or one of rules and table borders only ("|", "***")
            continue
        flush()
        unit = _structured_unit(block)
        if unit is not None:
            unit.chunk = chunk_no
            units.append(unit)
    flush()
    units = _markers_joined(units)
    check_paragraphs(len(units))
    return units


#: a line this many times the wrap width or longer was not wrapped
_UNWRAPPED = 1.25
_LONE_MARKER = re.compile(r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|[IVX]{1,6}\.)$")


def _markers_joined(units: list[Unit]) -> list[Unit]:
    """A paragraph number on a line of its own ("1." / "The Prime Minister ...")
    numbers the text that follows it."""
    joined: list[Unit] = []
    pending: Unit | None = None
    for unit in units:
        if pending is not None and unit.kind == "text" and not _LONE_MARKER.match(unit.text):
            unit.text = f"{pending.text} {unit.text}"
            unit.lines = [*pending.lines, *unit.lines]
            pending = None
        elif pending is not None:
            joined.append(pending)
            pending = None
        if unit.kind == "text" and _LONE_MARKER.match(unit.text.strip()):
            pending = unit
            continue
        joined.append(unit)
    if pending is not None:
        joined.append(pending)
    return joined


_CONTENT = re.compile(r"\w")
#: characters of the CJK scripts (and their full-width punctuation)
_CJK = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
#: a mirror's tag glued to the end of a line of a Latin-script text: a run of CJK
#: characters, often with the mirror's address ("...2016文章源自英文巴士-https://...")
_TRAILING_WATERMARK = LazyPattern(
    rf"(?<=[^\s{_CJK}])\s*[{_CJK}][{_CJK}\w]*(?:[-–—:]\s*)?(?:https?://\S*)?\s*$"
)
#: a site's caption glued before a Latin-script line ("摘要Joint Statement ...")
_LEADING_CAPTION = LazyPattern(rf"^\s*[{_CJK}]{{1,12}}\s*(?=[A-Z])")
#: Latin words a line keeps around a watermark, at least
_WATERMARKED_WORDS = 2
_CELL_BORDERS = re.compile(r"^\s*\|\s+|\s+\|\s*$")


def _without_watermark(block: Block) -> Block:
    """A line of a Latin-script text without the tag a mirror glued to its end or
    the caption glued before it, both in another script (CJK): the site's words,
    not the statement's."""
    if block.text.isascii():
        return block
    text = _LEADING_CAPTION.sub("", _TRAILING_WATERMARK.sub("", block.text))
    if text == block.text or len(re.findall(r"[A-Za-z]{2,}", text)) < _WATERMARKED_WORDS:
        return block
    return msgspec.structs.replace(block, text=text)


def _without_cell_borders(block: Block) -> Block:
    """A line without the table borders a web page's layout left around it
    ("Joint Communique on ... |")."""
    text = _CELL_BORDERS.sub("", block.text)
    if text == block.text:
        return block
    return msgspec.structs.replace(block, text=text)


def _structured_unit(block: Block) -> Unit | None:
    text = re.sub(r"\s+", " ", block.text).strip()
    if not text:
        return None
    if block.kind == "heading":
        return Unit(
            text=text,
            kind="heading",
            bold=True,
            standalone=True,
            forced_heading=block.level if block.level is not None else 1,
            description=_one_line(block.description),
            lines=[text],
        )
    if block.kind == "list_item":
        if block.number and block.number.isdigit() and not block.level:
            return Unit(
                text=f"{block.number}. {text}", bold=block.bold, standalone=True, lines=[text]
            )
        prefix = f"({block.number}) " if block.number else "- "
        return Unit(text=prefix + text, bold=block.bold, standalone=True, lines=[text])
    return Unit(text=text, bold=block.bold, standalone=True, lines=[text])


def _one_line(text: str | None) -> str | None:
    return re.sub(r"\s+", " ", text).strip() or None if text else None


def _breaks_are_exceptions(blocks: list[Block]) -> bool:
    """Whether the text separates its paragraphs by blank lines, forced line breaks
    between sentences being the exception: fewer of them than blank lines after a
    finished sentence.  Where the writer broke every line so (each line a
    paragraph), a break between two sentences still ends a paragraph."""
    between = ends = 0
    for block, after in pairwise(blocks):
        if block.kind != "line" or not block.text.strip():
            continue
        if after.kind != "line" or not after.text.strip():
            ends += _SENTENCE_END.search(block.text.strip()) is not None
        elif block.line_break and _between_sentences(block, after):
            between += 1
    return 0 < between < ends


#: both sides of a forced line break between sentences hold this many words, at
#: least, when the break does not end the paragraph
_BREAK_PROSE_WORDS = 6


def _split_chunk(
    chunk: list[Block], wrapped: bool, width: int, breaks_join: bool = False
) -> list[Unit]:
    """Split one run of non-blank lines into units."""
    groups: list[list[Block]] = []
    soft: set[int] = set()  # groups ended by a forced break between two sentences
    for block in chunk:
        if groups and groups[-1][-1].line_break and _between_sentences(groups[-1][-1], block):
            if breaks_join:
                soft.add(len(groups) - 1)
            groups.append([block])
        elif not groups or _starts_new_unit(groups[-1][-1], block, wrapped, width):
            groups.append([block])
        else:
            groups[-1].append(block)
    groups = _join_broken_prose(groups, soft)
    standalone = len(groups) == 1
    units = []
    for group in groups:
        text = _join_lines([b.text for b in group])
        units.append(
            Unit(
                text=text,
                bold=all(b.bold for b in group),
                standalone=standalone,
                lines=[b.text.strip() for b in group],
            )
        )
    return units


_SENTENCE_END = re.compile(r"[.!?…][\"”’)»]*$")


def _between_sentences(prev: Block, block: Block) -> bool:
    """A forced line break after a finished sentence, before a new one in the same
    type (no marker, no change of bold)."""
    line = block.text.strip()
    return (
        _SENTENCE_END.search(prev.text.strip()) is not None
        and line[:1].isupper()
        and line_marker(line) is None
        and prev.bold == block.bold
    )


def _join_broken_prose(groups: list[list[Block]], soft: set[int]) -> list[list[Block]]:
    """Join the two sides of a forced line break between sentences when both are
    prose (a line break alone does not end a paragraph): sentences of some length,
    the second finished too.  A short line on either side (a dateline, "Done at
    ...", a signature) keeps its own unit."""
    if not soft:
        return groups
    joined: list[list[Block]] = []
    for i, group in enumerate(groups):
        if joined and i - 1 in soft and _prose(joined[-1]) and _prose(group):
            joined[-1] = [*joined[-1], *group]
        else:
            joined.append(group)
    return joined


def _prose(group: list[Block]) -> bool:
    text = " ".join(b.text.strip() for b in group)
    return len(text.split()) >= _BREAK_PROSE_WORDS and _SENTENCE_END.search(text) is not None


#: a line ending so goes on with a number: a month, or a word of a sentence that a
#: number completes ("on June / 12, 2023", "resolution / 2231,", "the / 3rd ...")
_LEADS_A_NUMBER = re.compile(
    r"(?:\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)"
    r"|\b(?:the|of|on|in|by|to|at|and|or|from|No\.|no\.|resolution|Resolution))$"
)


def _starts_new_unit(prev: Block, block: Block, wrapped: bool, width: int) -> bool:
    line = block.text.strip()
    before = prev.text.strip()
    marker = line_marker(line)
    ends_open = not before.endswith((*TERMINAL, ":"))
    if marker == "number" and wrapped and ends_open and len(before) >= width * 0.6:
        # "... by\n2030, reducing poverty": a number that merely starts a wrapped line
        return False
    if marker == "number" and _LEADS_A_NUMBER.search(before):
        # "... on June\n12, 2023": a date or a count runs on, whatever the line's length
        return False
    if marker or (_ROMAN.match(line) and not wrapped):
        return True
    if prev.bold != block.bold:
        return True
    if before.endswith("-") and not before.endswith(" -"):
        return False
    starts_lower = line[:1].islower()
    if prev.line_break:
        # a forced line break: the line before is a line of its own (a heading, a
        # dateline, a signature) unless the sentence runs on across the break
        last_word = before.rsplit(" ", 1)[-1].lower()
        return not (starts_lower or last_word in CONNECTORS or before.endswith(","))
    if wrapped:
        # in hard-wrapped text a line well short of the width ends its paragraph
        # (or is a line of its own: a heading, a signature), and so does one well
        # over it (a paragraph on one line, not wrapped); not one that stops on a
        # word a sentence cannot end with ("... on June" / "12, 2023"), shortened
        # by markup the reader took out (a link's address)
        long_line = len(before) > width * _UNWRAPPED
        last_word = before.rsplit(" ", 1)[-1].lower()
        if last_word in CONNECTORS or (_LEADS_A_NUMBER.search(before) and line[:1].isdigit()):
            return False
        return (len(before) < width * 0.6 or long_line) and not starts_lower
    if starts_lower:
        return False
    if prev.bold and block.bold and not before.endswith(TERMINAL):
        return False
    last_word = before.rsplit(" ", 1)[-1].lower()
    return not (last_word in CONNECTORS or before.endswith(","))


def _join_lines(lines: list[str]) -> str:
    text = ""
    for raw in lines:
        line = raw.strip()
        if not text:
            text = line
        elif text.endswith("-") and not text.endswith(" -"):
            text += line  # "Japan-" + "Tajikistan": a compound broken at its hyphen
        else:
            text = f"{text} {line}"
    return text


def classify_marker(unit: Unit) -> None:
    """Read a unit's leading marker: numbers, Roman/lettered heading labels, bullets."""
    text = unit.text = unit.text.strip()
    numbered = _NUMBERED.match(text)
    if numbered:
        unit.number = int(numbered.group(1))
        unit.text = text[numbered.end() :].strip()
        return
    paren = _PAREN_NUMBER.match(text)
    if paren:
        unit.kind = "bullet"
        unit.label = f"({paren.group(1)})"
        return
    roman = _ROMAN.match(text)
    if roman and roman_value(roman.group("label")) and _heading_like(roman.group("rest")):
        unit.kind = "heading"
        unit.label = roman.group("label")
        unit.text = roman.group("rest").strip()
        return
    letter = _LETTER.match(text)
    if letter and _heading_like(letter.group("rest")) and unit.standalone:
        unit.kind = "heading"
        unit.label = letter.group("label")
        unit.text = letter.group("rest").strip()
        return
    if _BULLET.match(text):
        unit.kind = "bullet"


def _heading_like(text: str) -> bool:
    text = text.strip()
    return 0 < len(text.split()) <= 25 and not text.endswith((".", ";", ","))
