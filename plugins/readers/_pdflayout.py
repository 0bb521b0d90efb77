"""Rebuilding a statement's paragraphs from the positioned lines of its PDF
pages: running headers, footers and page numbers dropped, lines grouped into
paragraphs by vertical gaps, numbering and line lengths, paragraphs joined
across page breaks, and words hyphenated at a line end made whole again.

Pure functions over :class:`Line` s (column positions in characters, gaps in
tenths of a font height), so that every rule can be tested without a PDF.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from jtreport.blocks import Block

from ._shared import clean_line


@dataclass(frozen=True)
class Line:
    """One text line of a page."""

    text: str
    #: the column the line starts at
    indent: int
    #: the column after its last character
    end: int
    #: the vertical distance from the line above, in tenths of a font height
    #: (None for the first line of a page)
    gap: int | None = None


@dataclass(frozen=True)
class Page:
    """The lines of one page, top to bottom."""

    number: int
    lines: list[Line]


@dataclass
class Paragraph:
    """Lines that belong together."""

    lines: list[Line] = field(default_factory=list)


_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?$"
    r"|^[-–—]?\s*(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})\s*[-–—]?$",
    re.IGNORECASE,
)
_ITEM_START = re.compile(
    r"^(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,5}\)|[IVX]{1,5}\.|[•●▪◦‣∙*–-])\s+\S"
)
_SENTENCE_END = re.compile(r"[.;:!?。][\"'”’)]*$")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_WORD = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: how many lines at the top and at the bottom of a page may be running furniture
EDGE_LINES = 2
#: lines set one by one (signatures, addresses) are at most this many words long
MAX_WORDS_PER_SET_LINE = 8
#: a gap this much larger than the usual line spacing separates paragraphs
PARAGRAPH_GAP = 1.3


def is_page_number(text: str) -> bool:
    """True for "3", "- 3 -", "Page 3 of 5", "3/5", "iv"."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def strip_furniture(pages: Sequence[Page]) -> list[Page]:
    """Drop running headers and footers (lines repeated, digits aside, at the
    top or bottom of most pages) and page-number lines."""
    with_text = [p for p in pages if p.lines]
    threshold = max(2, math.ceil(len(with_text) / 2))
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for page in with_text:
        top.update({_furniture_key(line.text) for line in page.lines[:EDGE_LINES]})
        bottom.update({_furniture_key(line.text) for line in page.lines[-EDGE_LINES:]})
    result: list[Page] = []
    for page in pages:
        count = len(page.lines)
        kept: list[Line] = []
        for index, line in enumerate(page.lines):
            at_top = index < EDGE_LINES
            at_bottom = index >= count - EDGE_LINES
            key = _furniture_key(line.text)
            running = len(with_text) >= 2 and (
                (at_top and top[key] >= threshold) or (at_bottom and bottom[key] >= threshold)
            )
            if (at_top or at_bottom) and (running or is_page_number(line.text)):
                continue
            kept.append(line)
        if kept and kept[0].gap is not None:
            first = kept[0]
            kept[0] = Line(first.text, first.indent, first.end, None)
        result.append(Page(page.number, kept))
    return result


def _furniture_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


@dataclass(frozen=True)
class Geometry:
    """What the body text of a document looks like."""

    #: the column where full lines end
    right: int
    #: the usual gap between two lines of one paragraph (tenths of a font height)
    line_gap: float
    #: whether paragraphs are set apart by extra space
    spaced: bool

    @classmethod
    def measure(cls, pages: Sequence[Page]) -> Geometry:
        """Measure the body text of ``pages``."""
        lines = [line for page in pages for line in page.lines]
        if not lines:
            return cls(right=1, line_gap=1, spaced=False)
        ends = sorted(line.end for line in lines)
        right = ends[min(len(ends) - 1, int(len(ends) * 0.9))]
        gaps = [line.gap for line in lines if line.gap is not None and line.gap > 0]
        line_gap = float(statistics.median(gaps)) if gaps else 1.0
        big = sum(1 for gap in gaps if gap > line_gap * PARAGRAPH_GAP)
        return cls(right=max(right, 1), line_gap=line_gap, spaced=big >= 2)

    def new_paragraph_gap(self, line: Line) -> bool:
        """The line is set apart from the one above by paragraph spacing."""
        return self.spaced and line.gap is not None and line.gap > self.line_gap * PARAGRAPH_GAP

    def is_short(self, line: Line, following: Line) -> bool:
        """The first word of ``following`` would have fitted on ``line``: so
        ``line`` was ended on purpose (a paragraph's last line, a break)."""
        word = following.text.split(" ", 1)[0]
        return line.end + 1 + len(word) < self.right * 0.9

    def is_narrow(self, line: Line) -> bool:
        """The line stops well before the right margin (a title, a signature)."""
        return line.end < self.right * 0.75


def build_paragraphs(pages: Sequence[Page], geometry: Geometry) -> list[Paragraph]:
    """Group the lines of every page into paragraphs, joining the paragraph
    a page break cuts in two."""
    paragraphs: list[Paragraph] = []
    for page in pages:
        for index, line in enumerate(page.lines):
            if not paragraphs:
                paragraphs.append(Paragraph([line]))
                continue
            previous = paragraphs[-1].lines[-1]
            if index == 0:
                starts = not _continues_across_page(paragraphs[-1], line, geometry)
            else:
                starts = _starts_paragraph(previous, line, geometry)
            if starts:
                paragraphs.append(Paragraph([line]))
            else:
                paragraphs[-1].lines.append(line)
    return paragraphs


def _starts_paragraph(previous: Line, line: Line, geometry: Geometry) -> bool:
    if _runs_on(previous, line):
        return False
    if geometry.new_paragraph_gap(line):
        return True
    short = geometry.is_short(previous, line)
    sentence_end = bool(_SENTENCE_END.search(previous.text))
    if _ITEM_START.match(line.text) and (sentence_end or short):
        return True
    if short and sentence_end and not line.text[:1].islower():
        return True  # a paragraph's last line: it stops early, at a sentence end
    if sentence_end and _first_line_indent(previous, line):
        return True
    # paragraphs set solid: a line that stops early ends one
    return not geometry.spaced and short


def _runs_on(previous: Line, line: Line) -> bool:
    """``previous`` ends with a word cut at a hyphen ("imple-", "2018-") that
    ``line`` completes."""
    text = previous.text
    return text.endswith("-") and text[-2:-1].isalnum() and line.text[:1].isalnum()


def _first_line_indent(previous: Line, line: Line) -> bool:
    """``line`` is indented further than ``previous``, which does not start a
    numbered item (whose continuation lines hang indented)."""
    return line.indent > previous.indent + 1 and not _ITEM_START.match(previous.text)


def _continues_across_page(paragraph: Paragraph, first: Line, geometry: Geometry) -> bool:
    """Whether the first line of a page continues the paragraph the previous
    page ended with (a paragraph cut by a page break)."""
    last = paragraph.lines[-1]
    if _runs_on(last, first):
        return True
    if _ITEM_START.match(first.text):
        return False
    if all(geometry.is_narrow(line) for line in paragraph.lines):
        return False  # a title or signature line, not running text
    if geometry.is_short(last, first):
        return False
    return not (_SENTENCE_END.search(last.text) and _first_line_indent(last, first))


def vocabulary(lines: Iterable[Line]) -> tuple[set[str], set[str]]:
    """Lower-case words the document writes with a hyphen, and without."""
    hyphenated: set[str] = set()
    plain: set[str] = set()
    for line in lines:
        body = line.text[:-1] if line.text.endswith("-") else line.text
        hyphenated.update(w.lower() for w in _HYPHENATED.findall(body))
        plain.update(w.lower() for w in _WORD.findall(body))
    return hyphenated, plain


def join_lines(texts: Sequence[str], hyphenated: set[str], plain: set[str]) -> str:
    """Join the lines of one paragraph, rejoining words hyphenated at line ends.

    "strength-" + "ening" becomes "strengthening" (lower case on both sides of
    the hyphen), unless the document elsewhere writes the word with its hyphen
    ("net-zero"); "Japan-" + "Tajikistan" and "2018-" + "2028" keep theirs.
    """
    out = ""
    for text in texts:
        if not out:
            out = text
            continue
        out = _join_two(out, text, hyphenated, plain)
    return out


def _join_two(left: str, right: str, hyphenated: set[str], plain: set[str]) -> str:
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("-") and len(left) >= 2 and left[-2].isalnum() and right[:1].isalnum():
        token = left[:-1].rsplit(" ", 1)[-1]
        head = _WORD.findall(token)
        tail = _WORD.match(right)
        if left[-2].islower() and right[0].islower() and head and tail and "-" not in token:
            whole = (head[-1] + tail.group(0)).lower()
            split = f"{head[-1]}-{tail.group(0)}".lower()
            if split in hyphenated and whole not in plain:
                return left + right
            return left[:-1] + right
        # a capital or digit beside the hyphen, or a compound that already has
        # hyphens ("people-to-" + "people"): a real hyphen
        return left + right
    if left.endswith(("–", "—", "/")) and left[-2:-1].isalnum():
        return left + right  # "Japan–" + "Tajikistan", "neutrality/" + "net-zero"
    if _CJK.match(left[-1:]) and _CJK.match(right[:1]):
        return left + right
    return f"{left} {right}"


def to_blocks(paragraphs: Sequence[Paragraph], geometry: Geometry) -> list[Block]:
    """Blocks for the paragraphs: a ``paragraph`` block each, except groups of
    narrow lines (a title set on several lines, a signature), which keep their
    lines as ``line`` blocks closed by an empty line."""
    lines = [line for paragraph in paragraphs for line in paragraph.lines]
    hyphenated, plain = vocabulary(lines)
    blocks: list[Block] = []
    for paragraph in paragraphs:
        texts = [clean_line(line.text) for line in paragraph.lines]
        texts = [t for t in texts if t]
        if not texts:
            continue
        if len(texts) > 1 and _set_line_by_line(paragraph, texts, geometry):
            blocks.extend(Block(text=t) for t in texts)
            blocks.append(Block(text=""))
        else:
            blocks.append(Block(text=join_lines(texts, hyphenated, plain), kind="paragraph"))
    return blocks


def _set_line_by_line(paragraph: Paragraph, texts: Sequence[str], geometry: Geometry) -> bool:
    """Whether a group's lines were broken on purpose (a signature: "Prime
    Minister" / "TAKAICHI Sanae"): every line short of the margin and a few
    words long.  A wrapped title or heading has longer lines and is joined."""
    return (
        all(geometry.is_narrow(line) for line in paragraph.lines)
        and max(len(t.split()) for t in texts) <= MAX_WORDS_PER_SET_LINE
        and not any(t.endswith("-") for t in texts[:-1])
    )


def pages_to_blocks(pages: Sequence[Page]) -> list[Block]:
    """The whole pipeline: furniture off, paragraphs rebuilt, blocks out."""
    body = strip_furniture(pages)
    geometry = Geometry.measure(body)
    return to_blocks(build_paragraphs(body, geometry), geometry)
