"""Writing the Summary sheet row by row: each row as tall as its text, the
merged ranges recorded in one go, and what the page plan needs (each row's
height, the rows a page may end after).

The rows from the milestones on are rendered as XML (:mod:`.rowxml`), like the
data rows, and put into the saved sheet after the rows openpyxl writes: a long
statement has thousands of milestones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .cells import CellMaker, clean_text, needs_quote_prefix
from .metrics import height_of, lines_in
from .rowxml import SheetRows
from .styles import Styles

#: Width of column A, then of the ten count columns B to K.
LABEL_WIDTH = 34.0
COUNT_WIDTH = 12.5
LAST = "K"
WIDTHS: tuple[float, ...] = (LABEL_WIDTH, *(COUNT_WIDTH,) * 10)

#: Styles whose text wraps in its cell; the others stay on one line.
_WRAPPING = frozenset(
    ("jt Title", "jt Subtitle", "jt Header", "jt Body", "jt Body centred", "jt Value")
)
#: Size and weight of the styles not in 10 pt regular.
_FONTS: dict[str, tuple[float, bool]] = {
    "jt Title": (14.0, True),
    "jt Section": (12.0, True),
    "jt Header": (10.0, True),
    "jt Label": (10.0, True),
    "jt Total label": (10.0, True),
    "jt Total": (10.0, True),
}
#: A cell's style: a named style, or a style id of the workbook.
Style = str | int

#: Points per line by type size (Excel's row height for one line of Arial).
LINE_HEIGHTS: dict[float, float] = {10.0: 12.75, 12.0: 15.75, 14.0: 18.0}


@dataclass
class SummaryLayout:
    """Where the Summary put what other sheets refer to, and its rows."""

    #: the cells of the as-of date and of the "due soon" days (``$B$9``)
    as_of: str = ""
    due_soon: str = ""
    #: the rows from the milestones on, to be put into the saved file
    tail: SheetRows | None = None
    #: the calculated value of each formula, by cell reference
    cached: dict[str, Any] = field(default_factory=dict)
    #: the height of every row, in points (for the page breaks)
    heights: list[float] = field(default_factory=list)
    #: the rows a page may end after: between sections, between milestones
    breakable: set[int] = field(default_factory=set)


def text_lines(text: str, style: str, *widths: float) -> tuple[int, float]:
    """The lines ``text`` in ``style`` takes in a cell spanning ``widths``, and
    the points of each line."""
    size, bold = _FONTS.get(style, (10.0, False))
    lines = lines_in(text, *widths, size=size, bold=bold) if style in _WRAPPING else 1
    return lines, LINE_HEIGHTS[size]


class SummaryWriter:
    """Appends rows to the Summary sheet, tracking the row number; every row is
    given the height of its text."""

    def __init__(self, ws: Any, styles: Styles, maker: CellMaker) -> None:
        self.ws = ws
        self.styles = styles
        self.maker = maker
        self.row = 0
        self.merges: list[str] = []
        self.layout = SummaryLayout()

    def merge(self, ref: str) -> None:
        """Merge a range once the sheet is done (see :meth:`finish`)."""
        self.merges.append(ref)

    def finish(self) -> None:
        """Record the merged ranges in one go: openpyxl's ``merge_cells`` checks each
        new range against all earlier ones, which is slow for long milestone lists."""
        from openpyxl.worksheet.cell_range import MultiCellRange

        self.ws.merged_cells = MultiCellRange(" ".join(self.merges))

    def skip(self, points: float = 9.0) -> None:
        """A short blank row between sections: a page may end there."""
        if self.layout.tail is not None:
            self.layout.tail.add([], points)
            self.row = self.layout.tail.last_row
            self.layout.heights.append(points)
        else:
            self.ws.append([])
            self.row += 1
            self.layout.heights.append(0.0)
            self.height(points)
        self.layout.breakable.add(self.row)

    def start_tail(self) -> SheetRows:
        """Render the rows from here on as XML (see the module's description)."""
        from openpyxl.utils import get_column_letter

        self.layout.tail = SheetRows(self.row + 1, [get_column_letter(i) for i in range(1, 12)])
        return self.layout.tail

    def cells(
        self,
        values: Sequence[tuple[Any, Style]],
        *,
        number_format: str = "",
        spans: Sequence[Sequence[float]] = (),
        text_style: str = "",
    ) -> None:
        """One row of (value, style) pairs from column A, as tall as its text;
        ``spans`` gives the widths each cell spans when it is merged, and
        ``text_style`` the named style a cell given by its id wraps as."""
        lines, line = 1, LINE_HEIGHTS[10.0]
        for index, (value, style) in enumerate(values):
            if isinstance(value, str):
                widths = spans[index] if index < len(spans) else (WIDTHS[index],)
                named = style if isinstance(style, str) else text_style
                found, points = text_lines(value, named, *widths)
                lines, line = max(lines, found), max(line, points)
        height = height_of(lines, line)
        tail = self.layout.tail
        if tail is not None:
            tail.add([self._xml_cell(v, s, number_format) for v, s in values], height)
            self.row = tail.last_row
        else:
            self.ws.append([self._cell(v, s, number_format) for v, s in values])
            self.row += 1
            self.ws.row_dimensions[self.row].height = height
        self.layout.heights.append(height)

    def _cell(self, value: Any, style: Style, number_format: str) -> Any:
        array = self.styles[style] if isinstance(style, str) else self.styles.array(style)
        cell = self.maker.blank(array) if value is None else self.maker.value(value, array)
        if number_format and isinstance(value, date):
            cell.number_format = number_format
        return cell

    def _xml_cell(self, value: Any, style: Style, number_format: str) -> tuple[Any, int]:
        if isinstance(style, int):
            return (clean_text(value)[0] if isinstance(value, str) else value), style
        if isinstance(value, str):
            return clean_text(value)[0], self.styles.id(style, quoted=needs_quote_prefix(value))
        fmt = number_format if isinstance(value, date) else ""
        return value, self.styles.id(style, number_format=fmt)

    def height(self, points: float) -> None:
        """Set the height of the current row (written by openpyxl)."""
        self.ws.row_dimensions[self.row].height = points
        self.layout.heights[-1] = points

    def formula(self, column: int, formula: str, style: str, value: Any) -> None:
        """Put a formula of jtreport's own in the current row, with the value it
        has now."""
        from openpyxl.utils import get_column_letter

        cell = self.ws.cell(row=self.row, column=column, value=formula)
        cell._style = self.styles[style]
        self.layout.cached[f"{get_column_letter(column)}{self.row}"] = value

    def merged(
        self, text: str, style: str, start: str, *, before: Sequence[tuple[Any, Style]] = ()
    ) -> None:
        """A row whose text spans from column ``start`` to K, sized to its lines."""
        from openpyxl.utils import column_index_from_string

        first = column_index_from_string(start)
        span = WIDTHS[first - 1 :]
        self.cells([*before, (text, style)], spans=[*((w,) for w in WIDTHS[: len(before)]), span])
        self.merge(f"{start}{self.row}:{LAST}{self.row}")
