"""Horizontal bar charts drawn with reportlab's own graphics (``reportlab.graphics``):
vector shapes, so they print sharply, and real text, so their labels extract.

Each chart is a list of :class:`Bar` rows (one or more coloured segments),
drawn with wrapped labels on the left, the total at the end of each bar and an
optional legend below.  Imported only when a PDF is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import styles as st
from .fonts import FontSet
from .summary import NO_STATUS, AreaSection

_ROW = 15.0
_BAR = 9.0
_LABEL_SIZE = 7.2
_TITLE_SIZE = 8.5
_LEGEND_ROW = 11.0
#: Bars beyond this are summed into one, so a chart always fits on a page.
MAX_BARS = 18
_PALE = frozenset({st.STATUS_COLOURS[NO_STATUS], st.CATEGORY_COLOURS["affirmation"]})


@dataclass(frozen=True)
class Bar:
    """One row: a label and its segments as ``(value, colour)``."""

    label: str
    segments: list[tuple[int, str]]
    note: str = ""

    @property
    def total(self) -> int:
        """The bar's length in units."""
        return sum(value for value, _ in self.segments)


@dataclass(frozen=True)
class Chart:
    """A titled bar chart with an optional legend of ``(name, colour)``."""

    title: str
    bars: list[Bar]
    legend: list[tuple[str, str]] = field(default_factory=list)


def _wrap(text: str, font: str, width: float, lines: int = 2) -> list[str]:
    wrapped = simpleSplit(text, font, _LABEL_SIZE, width) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], " ".join(wrapped[lines - 1 :])]
        last = wrapped[-1]
        while last and stringWidth(last + "…", font, _LABEL_SIZE) > width:
            last = last[:-1]
        wrapped[-1] = last.rstrip() + "…"
    return wrapped


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


def draw_chart(chart: Chart, fonts: FontSet, width: float) -> Any:
    """The chart as a reportlab ``Drawing`` ``width`` points wide."""
    label_width = min(width * 0.36, 130.0)
    bars_x = label_width + 6
    note_room = 26.0
    bar_room = max(width - bars_x - note_room, 20.0)
    largest = max((bar.total for bar in chart.bars), default=0) or 1
    legend = _legend_rows(chart.legend, fonts, width)
    title_h = _TITLE_SIZE + 8
    plot_h = _ROW * len(chart.bars)
    legend_h = _LEGEND_ROW * len(legend) + (4 if legend else 0)
    height = title_h + plot_h + legend_h + 2
    drawing = Drawing(width, height)
    # the renderer's initial state would otherwise select Helvetica, unembedded
    drawing.initialFontName = fonts.name("regular")

    title_font = fonts.font_for(chart.title, "bold")
    drawing.add(
        String(
            0,
            height - _TITLE_SIZE,
            chart.title,
            fontName=title_font,
            fontSize=_TITLE_SIZE,
            fillColor=colors.HexColor(st.ACCENT),
        )
    )
    top = height - title_h
    axis = colors.HexColor(st.RULE)
    drawing.add(Line(bars_x, top, bars_x, top - plot_h, strokeColor=axis, strokeWidth=0.6))
    for row, bar in enumerate(chart.bars):
        centre = top - _ROW * row - _ROW / 2
        font = fonts.font_for(bar.label)
        lines = _wrap(bar.label, font, label_width)
        first = centre + (len(lines) - 1) * (_LABEL_SIZE + 0.6) / 2 - _LABEL_SIZE * 0.35
        for n, line in enumerate(lines):
            drawing.add(
                String(
                    label_width,
                    first - n * (_LABEL_SIZE + 0.6),
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
                # white seams between segments; pale segments get a grey edge
                edge = "#b0b0b0" if colour in _PALE else "#ffffff"
                drawing.add(
                    Rect(
                        x,
                        centre - _BAR / 2,
                        length,
                        _BAR,
                        strokeColor=colors.HexColor(edge),
                        strokeWidth=0.4,
                        fillColor=colors.HexColor(colour),
                    )
                )
            x += length
        note = bar.note or str(bar.total)
        drawing.add(
            String(
                x + 3,
                centre - _LABEL_SIZE * 0.35,
                note,
                fontName=fonts.font_for(note),
                fontSize=_LABEL_SIZE,
                fillColor=colors.HexColor(st.MUTED),
            )
        )
    y = top - plot_h - 4 - _LEGEND_ROW + 3
    for legend_row in legend:
        for x, name, colour, font in legend_row:
            drawing.add(
                Rect(
                    x,
                    y,
                    8,
                    7,
                    strokeColor=colors.HexColor("#999999"),
                    strokeWidth=0.3,
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


def area_chart(areas: list[AreaSection]) -> Chart:
    """Items per area, split into commitments and other items."""
    commitments, other = st.ACCENT, "#b9c6d6"
    bars = [
        Bar(
            area.label,
            [(len(area.commitments), commitments), (area.items - len(area.commitments), other)],
            note=f"{len(area.commitments)} / {area.items}",
        )
        for area in areas
    ]
    return Chart(
        "Items per area (commitments / all items)",
        capped(bars),
        legend=[("Commitments", commitments), ("Other items", other)],
    )


def category_chart(categories: dict[str, int]) -> Chart:
    """Items per category, future-action categories first."""
    bars = [
        Bar(name.capitalize(), [(count, st.CATEGORY_COLOURS.get(name, st.MUTED))])
        for name, count in categories.items()
    ]
    return Chart("Items by category", bars)


def status_chart(areas: list[AreaSection], statuses: list[str]) -> Chart:
    """Commitments per area, split by follow-up status."""
    present = [s for s in statuses if any((a.by_status or {}).get(s) for a in areas)]
    extra = sorted({s for a in areas for s in (a.by_status or {}) if s not in statuses})
    order = [*[s for s in present if s != NO_STATUS], *extra]
    if NO_STATUS in present:
        order.append(NO_STATUS)
    bars = []
    for area in areas:
        if not area.commitments:
            continue
        counts = area.by_status or {}
        segments = [(counts.get(s, 0), st.status_colour(s)) for s in order]
        done = counts.get("Completed", 0)
        bars.append(Bar(area.label, segments, note=f"{done}/{len(area.commitments)} done"))
    legend = [(s, st.status_colour(s)) for s in order]
    return Chart("Follow-up status of the commitments, per area", capped(bars), legend=legend)
