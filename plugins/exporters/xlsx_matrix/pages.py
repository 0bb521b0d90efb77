"""Printing: pages a meeting can read, and the same page breaks everywhere.

Each sheet is printed landscape at a scale worked out here from its column
widths, never below :data:`MIN_SCALE` on the default columns (10 pt text at
80 % is 8 pt), with the header row repeated on every page.  The page breaks are
worked out here too, from the row heights the sheet sets, and written into the
sheet, so that Excel and LibreOffice break the same way, and no page ends with a
lone last row: when the last page would hold one row, the break before it moves
up one row.  (Excel ignores set page breaks when a sheet is "fitted" to a page
width, which is why the scale is given instead.)

The page header names the classification, the whole area (not the sheet's
shortened tab name) and the statement; the footer counts the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: ``-O paper=...`` values and Excel's paper-size codes.
PAPER_SIZES: dict[str, int] = {"a4": 9, "a3": 8, "letter": 1, "legal": 5}
#: ``-O print=...`` values: the columns "All items" prints.
PRINT_CHOICES = ("meeting", "all")
#: Portrait width and height of each paper, in points.
PAPER_POINTS: dict[int, tuple[float, float]] = {
    9: (595.3, 841.9),
    8: (841.9, 1190.6),
    1: (612.0, 792.0),
    5: (612.0, 1008.0),
}
#: Margins, in inches: sides, top and bottom, and the header and footer's.
SIDE_MARGIN = 0.4
TOP_MARGIN = 0.6
HEADER_MARGIN = 0.25
#: The smallest scale the default columns print at: 10 pt text stays 8 pt or more.
MIN_SCALE = 80
#: The scale the meeting's columns print at: the Text column widens to fill the
#: page at it (8.5 pt text, lines of about a hundred letters), so each item
#: takes fewer lines and each page holds more of them.
PRINT_SCALE = 85
#: The Text column's width between these (characters): wider lines read badly.
TEXT_WIDTHS = (58.0, 90.0)
#: Room kept free on each page: across, LibreOffice sets columns about 6 % wider
#: than Excel; down, the rows are as tall as the sheet says (whole pixels).
WIDTH_SAFETY = 0.93
HEIGHT_SAFETY = 0.98


@dataclass(frozen=True)
class PrintPlan:
    """How a sheet prints: its scale (percent) and the rows each page ends after."""

    scale: int
    breaks: list[int] = field(default_factory=list)

    @property
    def pages(self) -> int:
        """How many pages the sheet takes (one column of pages)."""
        return len(self.breaks) + 1


def column_points(width: float) -> float:
    """The printed width of a column ``width`` characters wide, in points
    (7 pixels a character of the default font, Arial 10, at 96 pixels an inch)."""
    return (int(width * 7 + 0.5) + 1) * 0.75


def text_width(paper: int, others: Sequence[float]) -> float:
    """The width (characters) of the Text column that fills a page of ``paper``
    at :data:`PRINT_SCALE`, beside printed columns ``others`` wide, within
    :data:`TEXT_WIDTHS`."""
    room_wide, _ = page_points(paper)
    left = room_wide * WIDTH_SAFETY * 100 / PRINT_SCALE - sum(column_points(w) for w in others)
    least, most = TEXT_WIDTHS
    return max(least, min(most, float(int((left / 0.75 - 1) / 7))))


def columns_at(paper: int, widths: Sequence[float], scale: int) -> int:
    """How many of the leading columns ``widths`` fit across a landscape page of
    ``paper`` at ``scale`` percent (one at least)."""
    room = page_points(paper)[0] * WIDTH_SAFETY * 100 / scale
    used, fitting = 0.0, 0
    for width in widths:
        used += column_points(width)
        if used > room:
            break
        fitting += 1
    return max(1, fitting)


def page_points(paper: int, *, landscape: bool = True) -> tuple[float, float]:
    """The printable width and height of a page, in points."""
    width, height = PAPER_POINTS.get(paper, PAPER_POINTS[9])
    if landscape:
        width, height = height, width
    return width - 2 * SIDE_MARGIN * 72, height - 2 * TOP_MARGIN * 72


def plan_pages(
    *,
    paper: int,
    widths: Sequence[float],
    heights: Sequence[float],
    first_row: int,
    top: Sequence[float] = (),
    header: float = 0.0,
    breakable: frozenset[int] | None = None,
    most: int = 100,
) -> PrintPlan:
    """The scale and page breaks of a sheet printed landscape on ``paper``.

    ``widths`` are the printed columns' widths (characters), ``heights`` the
    data rows' heights (points) from row ``first_row`` on, ``top`` the rows
    above the header printed on the first page only, ``header`` the height of
    the header row repeated on every page.  With ``breakable``, a page ends
    only after one of those rows (when one is on the page): a section is not
    cut from its heading.  The scale is at most ``most``.
    """
    room_wide, room_high = page_points(paper)
    needed = sum(column_points(w) for w in widths) or 1.0
    scale = max(10, min(most, 100, int(100 * room_wide * WIDTH_SAFETY / needed)))
    capacity = room_high * HEIGHT_SAFETY * 100 / scale
    breaks: list[int] = []
    used = sum(top) + header
    on_page = 0
    start = first_row
    row = first_row
    while row < first_row + len(heights):
        height = heights[row - first_row]
        if on_page and used + height > capacity:
            end = row - 1
            if breakable is not None:
                allowed = [r for r in breakable if start <= r <= end]
                end = max(allowed) if allowed else end
            breaks.append(end)
            start = row = end + 1
            used = header
            on_page = 0
            continue
        used += height
        on_page += 1
        row += 1
    if breaks and on_page == 1:
        start = breaks[-2] + 1 if len(breaks) > 1 else first_row
        if breaks[-1] - start + 1 >= 3:  # the page before keeps two rows or more
            breaks[-1] -= 1
    return PrintPlan(scale=scale, breaks=breaks)


def print_setup(
    ws: Any,
    plan: PrintPlan,
    *,
    paper: int,
    title_rows: str | None = None,
    print_area: str | None = None,
) -> None:
    """Landscape at the plan's scale, with its page breaks, the header row
    repeated and, when given, only ``print_area`` printed."""
    from openpyxl.worksheet.pagebreak import Break

    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = paper
    setup.scale = plan.scale
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top = margins.bottom = TOP_MARGIN
    margins.header = margins.footer = HEADER_MARGIN
    if title_rows:
        ws.print_title_rows = title_rows
    if print_area:
        ws.print_area = print_area
    for row in plan.breaks:
        ws.row_breaks.append(Break(id=row))


def _escape(text: str) -> str:
    # "&" starts a code in Excel's header and footer language.
    return text.replace("&", "&&")


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


#: The most letters on a line of the header's centre (the area's name).
CENTRE_LINE = 56


def page_texts(ws: Any, *, classification: str, title: str, name: str) -> None:
    """The page header (classification, ``name``: the whole area or the sheet's
    part, over two lines when long, and ``title``: the statement's short title,
    see :func:`.titles.short_title`) and footer (page N of M), at 8 pt whatever
    the sheet's scale."""
    from .titles import wrap

    centre = "\n".join(wrap(" ".join(name.split()), CENTRE_LINE, lines=2))
    for part in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        part.left.text = _escape(_cut(classification, 40))
        part.left.size = 8
        part.center.text = _escape(centre)
        part.center.size = 8
        part.right.text = _escape(title)
        part.right.size = 8
    for part in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        part.left.text = _escape(_cut(classification, 40))
        part.left.size = 8
        part.right.text = "Page &P of &N"
        part.right.size = 8
    ws.HeaderFooter.scaleWithDoc = False
