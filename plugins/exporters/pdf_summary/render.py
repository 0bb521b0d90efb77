"""Rendering one summary PDF: summary -> fonts -> styles -> story -> bytes.

The summary is a two-to-four page paper with no near-empty last page.  Its
one elastic part is the lines to take, at its end: when the laid-out PDF runs
past four pages, or its last page holds only a few lines, it is laid out again
with fewer lines to take (the rest are in the Word note and the matrix); a
short statement that still spills over is laid out compact (its status chart,
when no status is recorded, said in one sentence).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, BinaryIO

from jtreport.formats import ExportOptions
from jtreport.model import Statement

from .fonts import choose_fonts
from .summary import PDF_LINE_BUDGET, Summary, build_summary

#: The most pages the summary should take ...
MAX_PAGES = 4
#: ... and how full (a share of the text frame) its last page must be.
MIN_LAST_PAGE = 0.25
#: Lines to take dropped per attempt, and the fewest the summary keeps.
STEP, MIN_LINES = 2, 4
#: Attempts at most (each lays the whole PDF out).
MAX_ATTEMPTS = 8


@dataclass
class Layout:
    """What one layout pass gave: the pages and how full the last one is."""

    pages: int = 0
    last_fill: float = 1.0

    @property
    def acceptable(self) -> bool:
        """Four pages at most, and a last page that is not nearly empty."""
        return self.pages <= MAX_PAGES and (self.pages <= 1 or self.last_fill >= MIN_LAST_PAGE)


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
    attempts: list[tuple[bytes, Layout]] = []
    for _ in range(MAX_ATTEMPTS):
        data, layout = _lay_out(summary, fonts, options)
        attempts.append((data, layout))
        if layout.acceptable or budget <= MIN_LINES or not summary.lines:
            break
        budget = max(budget - STEP, MIN_LINES)
        summary = build_summary(statement, options, budget)
    chosen = next((a for a in attempts if a[1].acceptable), None)
    if chosen is None and attempts[-1][1].pages > 1:
        # a short statement spilling a few lines over: the compact layout
        attempts.append(_lay_out(summary, fonts, options, compact=True))
        chosen = attempts[-1] if attempts[-1][1].acceptable else None
    if chosen is None:  # none fits the rules: the one with the fewest pages
        chosen = min(attempts, key=lambda a: (a[1].pages, -a[1].last_fill))
    return chosen


def _lay_out(
    summary: Summary, fonts: Any, options: ExportOptions, *, compact: bool = False
) -> tuple[bytes, Layout]:
    # reportlab is loaded from here on, never when the plugin is registered
    from .page import Decor, EndMark, build, make_document
    from .story import StoryBuilder
    from .styles import make_styles

    layout = Layout()
    story = StoryBuilder(summary, make_styles(fonts), compact=compact).build()
    story.append(EndMark(layout))
    decor = Decor(
        running_title=summary.running_title,
        classification=summary.classification,
        fonts=fonts,
        as_of=summary.as_of,
    )
    out = io.BytesIO()
    build(make_document(out, summary.properties, decor), story, decor, options.created)
    return out.getvalue(), layout
