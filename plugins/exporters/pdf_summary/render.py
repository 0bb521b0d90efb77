"""Rendering one summary PDF: summary -> fonts -> styles -> story -> bytes.

The summary is a two-to-four page paper with no near-empty last page.  Its
one elastic part is the lines to take, at its end: when the laid-out PDF runs
past four pages, or its last page holds only a few lines, it is laid out again
with fewer lines to take (the rest are in the Word note and the matrix); a
short statement that still spills over is laid out compact (its status chart,
when no status is recorded, said in one sentence).

Only the lines to take change from one try to the next, so a try does not lay
the whole PDF out again: the first layout records where the lines to take
begin (:class:`~.page.Checkpoint`), and each try lays out only the lines to
take from there (:func:`_predict`).  The PDF of the chosen try is then laid out
in full, once; should its layout differ from the prediction, every try is laid
out in full instead, as before.
"""

from __future__ import annotations

import io
from typing import Any, BinaryIO

import msgspec
from jtreport.formats import ExportOptions
from jtreport.model import Statement

from .fonts import FontSet, choose_fonts
from .summary import PDF_LINE_BUDGET, Summary, build_summary, with_fewer_lines

#: The most pages the summary should take ...
MAX_PAGES = 4
#: ... and how full (a share of the text frame) its last page must be.
MIN_LAST_PAGE = 0.25
#: Lines to take dropped per attempt, and the fewest the summary keeps.
STEP, MIN_LINES = 2, 4
#: Attempts at most (each a layout of the lines to take, or of the whole PDF).
MAX_ATTEMPTS = 8


class Layout(msgspec.Struct):
    """What one layout pass gave: the pages and how full the last one is."""

    pages: int = 0
    last_fill: float = 1.0

    @property
    def acceptable(self) -> bool:
        """Four pages at most, and a last page that is not nearly empty."""
        return self.pages <= MAX_PAGES and (self.pages <= 1 or self.last_fill >= MIN_LAST_PAGE)

    def same(self, other: Layout) -> bool:
        """The same page count and last-page fill (to rounding)."""
        return self.pages == other.pages and abs(self.last_fill - other.last_fill) < 1e-9


class Attempt(msgspec.Struct):
    """One way to lay the summary out: its layout, and its bytes once laid out
    in full (None while only predicted)."""

    summary: Summary
    layout: Layout
    data: bytes | None = None
    compact: bool = False


def render(statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
    """Write the PDF summary of ``statement`` to ``stream``.

    Font warnings (characters no installed font can print) go to
    ``options.warnings``; an unusable ``--font`` raises ``ExportError``.
    """
    data, _ = lay_out(statement, options)
    stream.write(data)


def lay_out(statement: Statement, options: ExportOptions) -> tuple[bytes, Layout]:
    """The PDF's bytes and its layout, with as many lines to take as keep it
    within :data:`MAX_PAGES` and its last page at least :data:`MIN_LAST_PAGE` full."""
    budget = min(PDF_LINE_BUDGET, max(len(statement.commitments), MIN_LINES))
    summary = build_summary(statement, options, budget)
    # the fullest summary prints every character a shorter one can
    fonts, warnings = choose_fonts(summary.texts(), options.font)
    options.warnings.extend(warnings)
    data, layout, start = _lay_out(summary, fonts, options)
    attempts = [Attempt(summary, layout, data)]
    summary = _fewer_lines(attempts, budget, lambda s: _predict(s, fonts, start))
    chosen = _choose(attempts, summary, lambda s: _full(s, fonts, options, compact=True))
    if chosen.data is None:
        data, layout, _ = _lay_out(chosen.summary, fonts, options)
        if not layout.same(chosen.layout):  # the prediction missed: try each in full
            return _exhaustive(statement, options, fonts)
        chosen.data = data
    assert chosen.data is not None
    return chosen.data, chosen.layout


def _fewer_lines(attempts: list[Attempt], budget: int, try_one: Any) -> Summary:
    """Add attempts with fewer lines to take until one is acceptable, or the
    lines or the attempts run out; return the last summary made (the compact
    layout uses it, whether it was tried or not)."""
    summary = attempts[-1].summary
    while True:
        if attempts[-1].layout.acceptable or budget <= MIN_LINES or not summary.lines:
            return summary
        budget = max(budget - STEP, MIN_LINES)
        summary = with_fewer_lines(summary, budget)
        if len(attempts) == MAX_ATTEMPTS:
            return summary
        attempts.append(try_one(summary))


def _choose(attempts: list[Attempt], summary: Summary, compact: Any) -> Attempt:
    """The first acceptable attempt; else the compact layout of ``summary`` when
    it is acceptable; else the attempt with the fewest pages and the fullest
    last page."""
    chosen = next((a for a in attempts if a.layout.acceptable), None)
    if chosen is None and attempts[-1].layout.pages > 1:
        # a short statement spilling a few lines over: the compact layout
        attempts.append(compact(summary))
        chosen = attempts[-1] if attempts[-1].layout.acceptable else None
    if chosen is None:  # none fits the rules: the one with the fewest pages
        chosen = min(attempts, key=lambda a: (a.layout.pages, -a.layout.last_fill))
    return chosen


def _exhaustive(
    statement: Statement, options: ExportOptions, fonts: FontSet
) -> tuple[bytes, Layout]:
    """Every attempt laid out in full (when a prediction missed)."""
    budget = min(PDF_LINE_BUDGET, max(len(statement.commitments), MIN_LINES))
    summary = build_summary(statement, options, budget)
    attempts = [_full(summary, fonts, options)]
    summary = _fewer_lines(attempts, budget, lambda s: _full(s, fonts, options))
    chosen = _choose(attempts, summary, lambda s: _full(s, fonts, options, compact=True))
    assert chosen.data is not None
    return chosen.data, chosen.layout


def _full(summary: Summary, fonts: FontSet, options: ExportOptions, **kw: Any) -> Attempt:
    data, layout, _ = _lay_out(summary, fonts, options, **kw)
    return Attempt(summary, layout, data, compact=bool(kw.get("compact")))


def _lay_out(
    summary: Summary, fonts: FontSet, options: ExportOptions, *, compact: bool = False
) -> tuple[bytes, Layout, Any]:
    """The whole PDF: its bytes, its layout, and where the lines to take began."""
    # reportlab is loaded from here on, never when the plugin is registered
    from .page import Checkpoint, Decor, EndMark, build, make_document
    from .story import StoryBuilder
    from .styles import make_styles

    layout = Layout()
    builder = StoryBuilder(summary, make_styles(fonts), compact=compact)
    start = Checkpoint()
    story = [*builder.prefix(), start, *builder.lines(), EndMark(layout)]
    decor = Decor(
        running_title=summary.running_title,
        classification=summary.classification,
        fonts=fonts,
        as_of=summary.as_of,
    )
    out = io.BytesIO()
    build(make_document(out, summary.properties, decor), story, decor, options.created)
    return out.getvalue(), layout, start


def _predict(summary: Summary, fonts: FontSet, start: Any) -> Attempt:
    """The layout ``summary`` would have, from laying out only its lines to take
    where the first layout's began (the rest of the PDF is the same)."""
    from .page import EndMark, lay_out_from
    from .story import StoryBuilder
    from .styles import make_styles

    layout = Layout()
    story = [*StoryBuilder(summary, make_styles(fonts)).lines(), EndMark(layout)]
    lay_out_from(start, story)
    layout.pages += start.page - 1
    return Attempt(summary, layout)
