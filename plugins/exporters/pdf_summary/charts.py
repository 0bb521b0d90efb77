"""The status chart, drawn with reportlab's own graphics (``reportlab.graphics``):
vector shapes, so it prints sharply, and real text, so its labels extract.

One horizontal bar per area, split by follow-up status in the colours every
report shares (colour-blind safe; "No status" pale grey with an outline).
Labels wrap onto as many lines as they need and are never cut; each bar ends
with its count, and a legend names every colour shown.  Imported only when a
PDF is written.
"""

from __future__ import annotations

from typing import Any

import msgspec
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import styles as st
from .fonts import FontSet
from .summary import NO_STATUS, AreaStatus

_BAR = 9.0
_LABEL_SIZE = 7.5
_LINE = _LABEL_SIZE + 1.2
_ROW_GAP = 6.0
_TITLE_SIZE = 8.5
_LEGEND_ROW = 11.0
#: Bars beyond this are summed into one, so a chart always fits on a page.
MAX_BARS = 18


class Bar(msgspec.Struct, frozen=True):
    """One row: a label and its segments as ``(value, colour)``."""

    label: str
    segments: list[tuple[int, str]]
    note: str = ""

    @property
    def total(self) -> int:
        """The bar's length in units."""
        return sum(value for value, _ in self.segments)


class Chart(msgspec.Struct, frozen=True):
    """A bar chart with an optional title (empty: none) and an optional legend
    of ``(name, colour)``."""

    title: str
    bars: list[Bar]
    legend: list[tuple[str, str]] = msgspec.field(default_factory=list)


def wrap_label(text: str, font: str, width: float) -> list[str]:
    """``text`` broken into lines at most ``width`` wide; a word wider than the
    line is broken at characters rather than cut."""
    return simpleSplit(text, font, _LABEL_SIZE, width) or [""]


def _legend_rows(legend: list[tuple[str, str]], fonts: FontSet, width: float) -> list[list[Any]]:
    rows: list[list[Any]] = [[]]
    x = 0.0
    for name, colour in legend:
        font = fonts.font_for(name)
        step = 12 + stringWidth(name, font, _LABEL_SIZE) + 10
        if rows[-1] and x + step > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, name, colour, font))
        x += step
    return rows if rows[0] else []


def _edge(colour: str) -> str:
    return st.NO_STATUS_EDGE if colour == st.status_colour(NO_STATUS) else "#ffffff"


def draw_chart(chart: Chart, fonts: FontSet, width: float) -> Any:
    """The chart as a reportlab ``Drawing`` ``width`` points wide."""
    label_width = min(width * 0.38, 180.0)
    bars_x = label_width + 6
    note_room = 60.0
    bar_room = max(width - bars_x - note_room, 20.0)
    largest = max((bar.total for bar in chart.bars), default=0) or 1
    legend = _legend_rows(chart.legend, fonts, width)
    wrapped = [wrap_label(bar.label, fonts.font_for(bar.label), label_width) for bar in chart.bars]
    heights = [max(_BAR, _LINE * len(lines)) + _ROW_GAP for lines in wrapped]
    title_h = _TITLE_SIZE + 8 if chart.title else 4.0
    plot_h = sum(heights)
    legend_h = _LEGEND_ROW * len(legend) + (4 if legend else 0)
    height = title_h + plot_h + legend_h + 2
    drawing = Drawing(width, height)
    # the renderer's initial state would otherwise select Helvetica, unembedded
    drawing.initialFontName = fonts.name("regular")
    if chart.title:
        drawing.add(
            String(
                0,
                height - _TITLE_SIZE,
                chart.title,
                fontName=fonts.font_for(chart.title, "bold"),
                fontSize=_TITLE_SIZE,
                fillColor=colors.HexColor(st.ACCENT),
            )
        )
    top = height - title_h
    axis = colors.HexColor(st.RULE)
    drawing.add(Line(bars_x, top, bars_x, top - plot_h, strokeColor=axis, strokeWidth=0.6))
    y = top
    for bar, lines, row_h in zip(chart.bars, wrapped, heights, strict=True):
        centre = y - row_h / 2
        font = fonts.font_for(bar.label)
        first = centre + (len(lines) - 1) * _LINE / 2 - _LABEL_SIZE * 0.35
        for n, line in enumerate(lines):
            drawing.add(
                String(
                    label_width,
                    first - n * _LINE,
                    line,
                    fontName=font,
                    fontSize=_LABEL_SIZE,
                    textAnchor="end",
                    fillColor=colors.HexColor(st.INK),
                )
            )
        x = bars_x
        for value, colour in bar.segments:
            length = bar_room * value / largest
            if length > 0:
                drawing.add(
                    Rect(
                        x,
                        centre - _BAR / 2,
                        length,
                        _BAR,
                        strokeColor=colors.HexColor(_edge(colour)),
                        strokeWidth=0.5,
                        fillColor=colors.HexColor(colour),
                    )
                )
            x += length
        note = bar.note or str(bar.total)
        drawing.add(
            String(
                x + 4,
                centre - _LABEL_SIZE * 0.35,
                note,
                fontName=fonts.font_for(note),
                fontSize=_LABEL_SIZE,
                fillColor=colors.HexColor(st.MUTED),
            )
        )
        y -= row_h
    y = top - plot_h - 4 - _LEGEND_ROW + 3
    for legend_row in legend:
        for x, name, colour, font in legend_row:
            drawing.add(
                Rect(
                    x,
                    y,
                    8,
                    7,
                    strokeColor=colors.HexColor(_edge(colour) if colour else "#999999"),
                    strokeWidth=0.4,
                    fillColor=colors.HexColor(colour),
                )
            )
            drawing.add(
                String(
                    x + 11,
                    y + 0.8,
                    name,
                    fontName=font,
                    fontSize=_LABEL_SIZE,
                    fillColor=colors.HexColor(st.INK),
                )
            )
        y -= _LEGEND_ROW
    return drawing


def capped(bars: list[Bar], limit: int = MAX_BARS) -> list[Bar]:
    """``bars``, the ones past ``limit - 1`` summed into a last "N more areas" bar
    (their segments line up: same order, same colours)."""
    if len(bars) <= limit:
        return bars
    kept, rest = bars[: limit - 1], bars[limit - 1 :]
    width = max(len(bar.segments) for bar in rest)
    segments = []
    for index in range(width):
        colour = next(b.segments[index][1] for b in rest if len(b.segments) > index)
        total = sum(b.segments[index][0] for b in rest if len(b.segments) > index)
        segments.append((total, colour))
    return [*kept, Bar(f"{len(rest)} more areas", segments)]


def status_chart(areas: list[AreaStatus], statuses: list[str], *, tracking: bool = True) -> Chart:
    """Commitments per area, split by follow-up status ("No status" last), each
    bar noting how many are done and overdue (without a filled matrix: how many
    commitments there are)."""
    shown = [s for s in statuses if any(a.by_status.get(s) for a in areas)]
    extra = sorted({s for a in areas for s in a.by_status if s not in statuses})
    order = [*[s for s in shown if s != NO_STATUS], *extra]
    if NO_STATUS in shown:
        order.append(NO_STATUS)
    bars = []
    for area in areas:
        segments = [(area.by_status.get(s, 0), st.status_colour(s)) for s in order]
        done = area.by_status.get("Completed", 0)
        note = f"{done}/{area.commitments} done" if tracking else str(area.commitments)
        if area.overdue:
            note += f", {area.overdue} overdue"
        bars.append(Bar(area.label, segments, note=note))
    legend = [(s, st.status_colour(s)) for s in order]
    # the section's heading says what the chart shows
    return Chart("", capped(bars), legend=legend)
