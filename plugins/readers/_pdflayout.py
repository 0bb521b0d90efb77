"""Rebuilding a statement's paragraphs from the positioned lines of its PDF
pages: running headers, footers and page numbers dropped, lines grouped into
paragraphs by vertical gaps, numbering and line lengths, paragraphs joined
across page breaks, and words hyphenated at a line end made whole again.

Pure functions over :class:`Line` s (column positions in characters, gaps in
tenths of a font height), so that every rule can be tested without a PDF.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import msgspec
from jtreport.blocks import Block

from ._shared import attach_descriptions, clean_line, settle_headings


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
    #: how the line is set, when the PDF's fonts say (None: unknown)
    style: LineStyle | None = None
    #: how far down the page the line is, from its first line (tenths of a font height)
    depth: int = 0
    #: where the line lies across the page, when the PDF's font widths say (None: unknown)
    box: LineBox | None = None


@dataclass(frozen=True)
class LineStyle:
    """The font of a line: bold or italic throughout, and its size in points."""

    bold: bool = False
    italic: bool = False
    size: float = 0.0

    def differs(self, other: LineStyle) -> bool:
        """Set differently enough to be another paragraph (a heading and its
        description, a heading and the text under it)."""
        if self.bold != other.bold or self.italic != other.italic:
            return True
        return abs(self.size - other.size) > max(self.size, other.size) * 0.12


@dataclass(frozen=True)
class LineBox:
    """Where a line's text lies across the page and how wide its edge words
    are, in points, measured with the PDF's own font widths."""

    left: float
    right: float
    #: the width of the line's first word and of its last word
    first_word: float
    last_word: float
    #: the width of a space in the line's font
    space: float


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
    r"^(?:\(?\d{1,3}[.)](?=[^\W\d_]|[“\"‘'(])"  # "10.Both sides": a list label set tight
    r"|(?:\(?\d{1,3} ?[.)]|\(?[a-z][.)]|\([ivx]{1,5}\)|[IVX]{1,5}\.|[•●▪◦‣∙*–-])\s+\S)"
)
_SENTENCE_END = re.compile(r"[.;:!?。][\"'”’)]*$")
_LOWER_BREAK = re.compile(r"[a-z]-$")
#: a document hyphenates when at least one line in this many ends in a broken word
HYPHENATION_RATE = 60
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_WORD = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: how many lines at the top and at the bottom of a page may be running furniture
EDGE_LINES = 2
#: lines set one by one (signatures, addresses) are at most this many words long
MAX_WORDS_PER_SET_LINE = 8
#: a line this close to the right margin (as a share of it) is a full line
FULL_LINE = 0.95
#: a heading is at most this many words long, on this many lines
MAX_HEADING_WORDS = 25
MAX_HEADING_LINES = 3
#: a line this much larger than the body text is set as a heading
LARGER = 1.15
#: a gap this much larger than the usual line spacing separates paragraphs
PARAGRAPH_GAP = 1.3
#: font widths are trusted for line fullness when at least this many lines have them
MIN_MEASURED_LINES = 8
#: a line is full when it leaves no more room than this share of the lines
#: inside paragraphs do
FULL_ROOM_SHARE = 0.9


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
            kept[0] = replace(kept[0], gap=None)
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
    #: the right margin and the width of a full line, in points, when the
    #: PDF's font widths are known (None: only character columns are)
    margin: float | None = None
    measure_width: float | None = None
    #: the room (points) most lines inside a paragraph leave at the margin
    full_room: float | None = None

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
        boxes = [line.box for line in lines if line.box is not None]
        margin = measure_width = None
        if len(boxes) * 2 >= len(lines) and len(boxes) >= MIN_MEASURED_LINES:
            # full lines end just short of the margin; the furthest right a
            # few of them reach is the margin (an odd overhanging line aside)
            rights = sorted(box.right for box in boxes)
            margin = rights[max(0, len(rights) - 1 - len(rights) // 50)]
            measure_width = margin - min(box.left for box in boxes)
        geometry = cls(
            right=max(right, 1),
            line_gap=line_gap,
            spaced=big >= 2,
            margin=margin,
            measure_width=measure_width,
        )
        return replace(geometry, full_room=geometry._full_room(pages))

    def _full_room(self, pages: Sequence[Page]) -> float | None:
        """How much room a line inside a paragraph leaves at the margin (most
        leave less), measured on lines followed, at the usual line spacing of
        a spaced document, by a word that did not fit."""
        if self.margin is None or not self.spaced:
            return None
        rooms = sorted(
            self.margin - line.box.right
            for page in pages
            for line, following in itertools.pairwise(page.lines)
            if line.box is not None
            and following.gap is not None
            and following.gap <= self.line_gap
            and self.next_word_fits(line, following) is False
        )
        if len(rooms) < MIN_MEASURED_LINES:
            return None
        return rooms[int((len(rooms) - 1) * FULL_ROOM_SHARE)]

    def next_word_fits(self, line: Line, following: Line) -> bool | None:
        """Whether the first word of ``following`` would have fitted at the end
        of ``line`` (so ``line`` was ended on purpose), from the PDF's font
        widths; None when they are unknown.  Word, LibreOffice and reportlab
        fill a line greedily: a line inside a paragraph ends only where the next
        word does not fit."""
        if self.margin is None or line.box is None or following.box is None:
            return None
        # the margin is the furthest a line was seen to reach: a word that
        # ends short of it certainly fitted; no tolerance, as the words that
        # did not fit often overshoot it by a fraction of a space only
        box = line.box
        return box.right + box.space + following.box.first_word <= self.margin

    def is_full(self, line: Line) -> bool:
        """The line reaches (nearly) to the margin: it leaves no more room than
        most lines inside this document's paragraphs do, measured in points
        when the font widths are known; else in characters (which differ in
        width, so that a line of wide letters may look short)."""
        if self.margin is not None and self.measure_width is not None and line.box is not None:
            room = self.margin - line.box.right
            if self.full_room is not None:
                return room <= self.full_room
            return room <= self.measure_width * (1 - FULL_LINE)
        return line.end >= self.right * FULL_LINE

    def breaks_token(self, line: Line, following: Line) -> bool:
        """``line`` ends at the margin inside a token too long for a line (a
        long web address), which goes on at the start of ``following``: the two
        pieces join without a space.  Two words broken at a space never
        together exceed a line's width."""
        if self.margin is None or self.measure_width is None:
            return False
        if line.box is None or following.box is None or line.text.endswith("-"):
            return False
        at_margin = line.box.right >= self.margin - line.box.space * 3
        too_long = line.box.last_word + following.box.first_word > self.measure_width
        return at_margin and too_long

    def new_paragraph_gap(self, line: Line) -> bool:
        """The line is set apart from the one above by paragraph spacing."""
        return self.spaced and line.gap is not None and line.gap > self.line_gap * PARAGRAPH_GAP

    def is_short(self, line: Line, following: Line) -> bool:
        """The first word of ``following`` would have fitted on ``line``: so
        ``line`` was ended on purpose (a paragraph's last line, a break).
        Measured with the PDF's font widths when known, else in characters
        (with room to spare, as characters differ in width)."""
        fits = self.next_word_fits(line, following)
        if fits is not None:
            return fits
        word = following.text.split(" ", 1)[0]
        return line.end + 1 + len(word) < self.right * 0.9

    def is_narrow(self, line: Line) -> bool:
        """The line stops well before the right margin (a title, a signature)."""
        return line.end < self.right * 0.75


def build_paragraphs(
    pages: Sequence[Page], geometry: Geometry, guesses: list[PageBreak] | None = None
) -> list[Paragraph]:
    """Group the lines of every page into paragraphs, joining the paragraph
    a page break cuts in two.  Page breaks where only a guess decided whether
    a paragraph goes on are added to ``guesses``."""
    paragraphs: list[Paragraph] = []
    previous_page: Page | None = None
    full_depth = max((p.lines[-1].depth for p in pages[:-1] if p.lines), default=0)
    for page in pages:
        for index, line in enumerate(page.lines):
            if not paragraphs:
                paragraphs.append(Paragraph([line]))
                continue
            previous = paragraphs[-1].lines[-1]
            if index == 0:
                early = previous.depth < full_depth - geometry.line_gap * 1.5
                continues, guessed = _across_page(paragraphs[-1], line, geometry, early)
                starts = not continues
                if guessed and guesses is not None and previous_page is not None:
                    guesses.append(PageBreak(previous_page.number, continues))
            else:
                starts = _starts_paragraph(previous, line, geometry)
            if starts:
                paragraphs.append(Paragraph([line]))
            else:
                paragraphs[-1].lines.append(line)
        if page.lines:
            previous_page = page
    return paragraphs


def _starts_paragraph(previous: Line, line: Line, geometry: Geometry) -> bool:
    if _restyled(previous, line):
        return True
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


def _restyled(previous: Line, line: Line) -> bool:
    """The font changes between the two lines (a bold heading, then an italic
    description, then body text)."""
    return (
        previous.style is not None and line.style is not None and previous.style.differs(line.style)
    )


def _runs_on(previous: Line, line: Line) -> bool:
    """``previous`` ends with a word cut at a hyphen ("imple-", "2018-") that
    ``line`` completes."""
    text = previous.text
    return text.endswith("-") and text[-2:-1].isalnum() and line.text[:1].isalnum()


def _first_line_indent(previous: Line, line: Line) -> bool:
    """``line`` is indented further than ``previous``, which does not start a
    numbered item (whose continuation lines hang indented)."""
    return line.indent > previous.indent + 1 and not _ITEM_START.match(previous.text)


@dataclass(frozen=True)
class PageBreak:
    """A page break where a paragraph may or may not go on, and the guess made."""

    after_page: int
    continues: bool


def _across_page(
    paragraph: Paragraph, first: Line, geometry: Geometry, ended_early: bool
) -> tuple[bool, bool]:
    """Whether the first line of a page continues the paragraph the previous
    page ended with (a paragraph cut by a page break), and whether that is a
    guess.

    In a document that sets paragraphs apart by space, the space is lost at a
    page break.  A page that ends with a sentence higher than full pages end
    ends a paragraph.  On a full page whose last line ends a sentence, the
    last line's length decides (:meth:`Geometry.is_full`, in points when the
    font widths are known): a paragraph's last line seldom reaches the
    margin, a line inside a paragraph nearly always does; but that is a
    guess.  (Where the next page's first word would have fitted on the line,
    :meth:`Geometry.is_short` has already said that the paragraph ended.)
    """
    last = paragraph.lines[-1]
    if _restyled(last, first):
        return False, False
    if _runs_on(last, first):
        return True, False
    if _ITEM_START.match(first.text):
        return False, False
    if all(geometry.is_narrow(line) for line in paragraph.lines):
        return False, False  # a title or signature line, not running text
    if geometry.is_short(last, first):
        return False, False
    sentence_end = bool(_SENTENCE_END.search(last.text))
    if sentence_end and (_first_line_indent(last, first) or ended_early):
        return False, False
    if geometry.spaced and sentence_end and not first.text[:1].islower():
        return geometry.is_full(last), True
    return True, False


def vocabulary(lines: Iterable[Line]) -> tuple[set[str], set[str]]:
    """Lower-case words the document writes with a hyphen, and without."""
    hyphenated: set[str] = set()
    plain: set[str] = set()
    for line in lines:
        body = line.text[:-1] if line.text.endswith("-") else line.text
        hyphenated.update(w.lower() for w in _HYPHENATED.findall(body))
        plain.update(w.lower() for w in _WORD.findall(body))
    return hyphenated, plain


def hyphenates(lines: Sequence[Line]) -> bool:
    """Whether the document's typesetter hyphenates words at line ends.

    A document set with hyphenation breaks words at many line ends; one set
    without it (Word's and LibreOffice's default) ends a line with a hyphen
    only where a compound word ("large-scale") has one, which is rare.
    """
    broken = sum(
        1
        for a, b in itertools.pairwise(lines)
        if _LOWER_BREAK.search(a.text) and b.text[:1].islower()
    )
    return broken * HYPHENATION_RATE >= len(lines)


def join_lines(
    texts: Sequence[str],
    hyphenated: set[str],
    plain: set[str],
    *,
    hyphenating: bool = True,
    unbroken: Sequence[bool] = (),
) -> str:
    """Join the lines of one paragraph, rejoining words hyphenated at line ends.

    "strength-" + "ening" becomes "strengthening" (lower case on both sides of
    the hyphen), unless the document elsewhere writes the word with its hyphen
    ("net-zero"); "Japan-" + "Tajikistan" and "2018-" + "2028" keep theirs.  In
    a document set without hyphenation (``hyphenating`` False) a hyphen at a
    line end is kept, unless the document elsewhere writes the word whole.
    ``unbroken[i]`` True says that line ``i`` ends inside a token that line
    ``i + 1`` completes (a web address cut at the margin): no space between.
    """
    out = ""
    for index, text in enumerate(texts):
        if not out:
            out = text
        elif index - 1 < len(unbroken) and unbroken[index - 1]:
            out += text
        else:
            out = _join_two(out, text, hyphenated, plain, hyphenating)
    return out


def _join_two(
    left: str, right: str, hyphenated: set[str], plain: set[str], hyphenating: bool = True
) -> str:
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
            if not hyphenating and whole not in plain:
                return left + right  # no hyphenation here: the compound keeps its hyphen
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
    narrow lines (a signature), which keep their lines as ``line`` blocks
    closed by an empty line.  When the PDF's fonts are known, a short
    paragraph set in bold or larger than the body text is a ``heading``
    (levels by size, the largest first; the title is settled as in other
    formats), and a line in italics under it is its description."""
    lines = [line for paragraph in paragraphs for line in paragraph.lines]
    hyphenated, plain = vocabulary(lines)
    hyphenating = hyphenates(lines)
    body_size = _body_size(lines)
    blocks: list[Block] = []
    sizes: dict[int, float] = {}
    italic: set[int] = set()
    for paragraph in paragraphs:
        kept = [(line, text) for line in paragraph.lines if (text := clean_line(line.text))]
        if not kept:
            continue
        texts = [text for _, text in kept]
        unbroken = [geometry.breaks_token(a, b) for (a, _), (b, _) in itertools.pairwise(kept)]
        styles = [line.style for line in paragraph.lines]
        known = [style for style in styles if style is not None]
        bold = len(known) == len(styles) and all(style.bold for style in known)
        slanted = len(known) == len(styles) and all(s.italic and not s.bold for s in known)
        size = min((style.size for style in known), default=0.0)
        larger = len(known) == len(styles) and body_size > 0 and size >= body_size * LARGER
        if slanted and blocks and blocks[-1].kind == "heading":
            italic.add(len(blocks))  # under a heading: its description, never a signature
        elif not larger and len(texts) > 1 and _set_line_by_line(paragraph, texts, geometry):
            blocks.extend(Block(text=t, bold=bold) for t in texts)
            blocks.append(Block(text=""))
            continue
        text = join_lines(texts, hyphenated, plain, hyphenating=hyphenating, unbroken=unbroken)
        if (bold or larger) and len(texts) <= MAX_HEADING_LINES and _heading_like(text):
            sizes[len(blocks)] = round(size * 2) / 2
            blocks.append(Block(text=text, kind="heading", bold=bold))
        else:
            blocks.append(Block(text=text, kind="paragraph", bold=bold))
    levels = {size: rank + 1 for rank, size in enumerate(sorted(set(sizes.values()), reverse=True))}
    for index, size in sizes.items():
        blocks[index] = msgspec.structs.replace(blocks[index], level=levels[size])
    return attach_descriptions(settle_headings(blocks), italic)


def _body_size(lines: Sequence[Line]) -> float:
    """The font size most of the text is set in (0 when the fonts are unknown)."""
    weight: Counter[float] = Counter()
    for line in lines:
        if line.style is not None and line.style.size > 0:
            weight[round(line.style.size * 2) / 2] += len(line.text)
    return weight.most_common(1)[0][0] if weight else 0.0


def _heading_like(text: str) -> bool:
    """Short, not a numbered paragraph, and not a sentence (but for a word or
    three: "Ends.", "Annex.")."""
    words = len(text.split())
    if not 0 < words <= MAX_HEADING_WORDS or _ITEM_START.match(text):
        return False
    return words <= 3 or not _SENTENCE_END.search(text)


def _set_line_by_line(paragraph: Paragraph, texts: Sequence[str], geometry: Geometry) -> bool:
    """Whether a group's lines were broken on purpose (a signature: "Prime
    Minister" / "TAKAICHI Sanae"): every line short of the margin and a few
    words long.  A wrapped title or heading has longer lines and is joined."""
    return (
        all(geometry.is_narrow(line) for line in paragraph.lines)
        and max(len(t.split()) for t in texts) <= MAX_WORDS_PER_SET_LINE
        and not any(t.endswith("-") for t in texts[:-1])
    )


def pages_to_blocks(pages: Sequence[Page], notes: list[str] | None = None) -> list[Block]:
    """The whole pipeline: furniture off, paragraphs rebuilt, blocks out; what
    could not be settled is added to ``notes``."""
    body = strip_furniture(pages)
    geometry = Geometry.measure(body)
    guesses: list[PageBreak] = []
    blocks = to_blocks(build_paragraphs(body, geometry, guesses), geometry)
    if notes is not None:
        if guesses:
            notes.append(_page_break_note(guesses))
        lines = [line for page in body for line in page.lines]
        if lines and all(line.style is None for line in lines):
            notes.append(
                "the PDF's fonts could not be read: headings and areas were found from the "
                "shape of the lines only (no bold, no sizes); check the areas"
            )
    return blocks


def _page_break_note(guesses: Sequence[PageBreak]) -> str:
    """One warning naming the page breaks where a paragraph may be cut or joined."""
    parts = []
    for continues in (False, True):
        pages = [str(g.after_page) for g in guesses if g.continues == continues]
        if pages:
            taken = "going on" if continues else "ending"
            parts.append(f"after page(s) {', '.join(pages)} as {taken}")
    return (
        "a sentence ends at the foot of a page, where the space that sets paragraphs apart "
        f"is lost: the paragraph there was read {' and '.join(parts)}; check those paragraphs"
    )
