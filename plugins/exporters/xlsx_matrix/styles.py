"""The matrix's look: named styles, the status colours and the conditional formats.

The status colours are the ones every report shares
(:data:`jtreport.followup.STATUS_COLOURS`), with white or near-black ink,
whichever reads better on each.

Named styles show up in Excel's Cell Styles gallery (prefixed ``jt``), so a user
who adds rows can format them the same way.  :class:`Styles` keeps one style
array per style, copied onto each new cell.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from jtreport.followup import STATUS_COLOURS

#: Arial, which Windows and macOS have and Linux has as its metric twin
#: (Liberation Sans): columns, wrapping and page breaks come out the same in
#: Excel and LibreOffice.  (Calibri's twin, Carlito, is often missing, and the
#: wider font put in its place pushes columns off the page.)
FONT = "Arial"
INK = "1F2937"
NAVY = "1F3864"
GREEN = "375623"
GREY = "595959"
RULE = "BFBFBF"
#: Fill of the statement columns on commitment rows.
COMMITMENT_FILL = "DDEBF7"
#: Fill of the cells the ministry types in.
INPUT_FILL = "FFFBEA"
OVERDUE_FILL = "F8CBAD"
#: Fill of a due date within the Summary's "due soon" days of the as-of date.
DUE_SOON_FILL = "FFD966"
OVERDUE_INK = "9C0006"

#: Fill of the statement cells an officer may correct, and of corrected ones.
CORRECTABLE_FILL = "F3F6FA"
CORRECTED_FILL = "FCE4D6"
#: Fill of the cells that show what is typed on "All items".
VIEW_FILL = "F7F7F2"


def ink_on(fill: str) -> str:
    """White or near-black, whichever contrasts more with the hex colour ``fill``."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4))

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # contrast with white vs with black (WCAG): pick the larger
    return "FFFFFF" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "111111"


#: Fill and ink of each status in the Status column.
STATUS_STYLES: dict[str, tuple[str, str]] = {
    name: (colour, ink_on(colour)) for name, colour in STATUS_COLOURS.items()
}

DATE_FORMAT = "yyyy-mm-dd"
LONG_DATE_FORMAT = "d mmmm yyyy"
#: How a statement date shows, by its precision.
PRECISION_FORMATS: dict[str, str] = {"day": "d mmm yyyy", "month": "mmm yyyy", "year": "yyyy"}

STYLE_NAMES = (
    "jt Title",
    "jt Subtitle",
    "jt Header",
    "jt Ministry header",
    "jt Body",
    "jt Body centred",
    "jt Body future",
    "jt Input",
    "jt Input date",
    "jt Correctable",
    "jt Corrected",
    "jt View",
    "jt View date",
    "jt Section",
    "jt Label",
    "jt Value",
    "jt Value date",
    "jt Number",
    "jt Total label",
    "jt Total",
    "jt Hidden",
)


def _named_styles() -> list[Any]:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin", color=RULE)
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(vertical="top", wrap_text=True)
    centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
    body = Font(name=FONT, size=10, color=INK)

    def style(name: str, **kwargs: Any) -> Any:
        return NamedStyle(name=name, **kwargs)

    def fill(colour: str) -> Any:
        return PatternFill("solid", start_color=colour, end_color=colour)

    header = {
        "font": Font(name=FONT, size=10, bold=True, color="FFFFFF"),
        "alignment": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "border": grid,
    }
    return [
        style(
            "jt Title",
            font=Font(name=FONT, size=14, bold=True, color=NAVY),
            alignment=Alignment(vertical="center", wrap_text=True),
        ),
        style(
            "jt Subtitle",
            font=Font(name=FONT, size=10, italic=True, color=GREY),
            alignment=Alignment(vertical="top", wrap_text=True),
        ),
        style("jt Header", fill=fill(NAVY), **header),
        style("jt Ministry header", fill=fill(GREEN), **header),
        style("jt Body", font=body, alignment=top, border=grid),
        style("jt Body centred", font=body, alignment=centred, border=grid),
        style(
            "jt Body future",
            font=Font(name=FONT, size=10, bold=True, color=NAVY),
            alignment=top,
            border=grid,
        ),
        style("jt Input", font=body, alignment=top, border=grid, fill=fill(INPUT_FILL)),
        style(
            "jt Input date",
            font=body,
            alignment=centred,
            border=grid,
            fill=fill(INPUT_FILL),
            number_format=DATE_FORMAT,
        ),
        style(
            "jt Correctable",
            font=body,
            alignment=top,
            border=grid,
            fill=fill(CORRECTABLE_FILL),
        ),
        style(
            "jt Corrected",
            font=Font(name=FONT, size=10, italic=True, color=INK),
            alignment=top,
            border=grid,
            fill=fill(CORRECTED_FILL),
        ),
        style("jt View", font=body, alignment=top, border=grid, fill=fill(VIEW_FILL)),
        style(
            "jt View date",
            font=body,
            alignment=centred,
            border=grid,
            fill=fill(VIEW_FILL),
            number_format=DATE_FORMAT,
        ),
        style(
            "jt Section",
            font=Font(name=FONT, size=12, bold=True, color=NAVY),
            border=Border(bottom=Side(style="medium", color=NAVY)),
        ),
        style(
            "jt Label",
            font=Font(name=FONT, size=10, bold=True, color=INK),
            alignment=Alignment(vertical="top"),
        ),
        style("jt Value", font=body, alignment=Alignment(vertical="top", wrap_text=True)),
        style(
            "jt Value date",
            font=body,
            alignment=Alignment(horizontal="left", vertical="top"),
            number_format=LONG_DATE_FORMAT,
        ),
        style(
            "jt Number",
            font=body,
            alignment=Alignment(horizontal="center", vertical="top"),
            border=grid,
        ),
        style(
            "jt Total label",
            font=Font(name=FONT, size=10, bold=True, color=INK),
            border=Border(
                top=Side(style="thin", color=INK), bottom=Side(style="double", color=INK)
            ),
        ),
        style(
            "jt Total",
            font=Font(name=FONT, size=10, bold=True, color=INK),
            alignment=Alignment(horizontal="center"),
            border=Border(
                top=Side(style="thin", color=INK), bottom=Side(style="double", color=INK)
            ),
        ),
        style("jt Hidden", font=Font(name=FONT, size=10, color=GREY)),
    ]


class Styles:
    """The workbook's named styles, as style arrays to copy onto openpyxl cells
    and as style ids for rows written as XML (:mod:`.rowxml`)."""

    def __init__(self, workbook: Any) -> None:
        from openpyxl.cell import Cell
        from openpyxl.styles import Font
        from openpyxl.utils.indexed_list import IndexedList

        # The workbook's first font is its default, and sets the unit of column
        # widths: Arial 10, as the matrix is set (openpyxl's default is Calibri 11).
        workbook._fonts = IndexedList([Font(name=FONT, size=10, family=2)])
        workbook._named_styles["Normal"].font = Font(name=FONT, size=10, family=2)
        self._cell = Cell
        self._scratch = workbook.worksheets[0]
        self._workbook = workbook
        self._arrays: dict[str, Any] = {}
        self._ids: dict[tuple[str, bool, str], int] = {}
        self._dxfs: dict[tuple[str, str | None, bool], int] = {}
        for named in _named_styles():
            workbook.add_named_style(named)
            cell = Cell(self._scratch)
            cell.style = named.name
            self._arrays[named.name] = cell._style

    def __getitem__(self, name: str) -> Any:
        """The style array of a named style (``"jt Body"``), to copy onto a cell."""
        return self._arrays[name]

    def quoted(self, name: str) -> Any:
        """The same style with Excel's quote prefix: typed entries stay text."""
        cell = self._cell(self._scratch, style_array=copy(self._arrays[name]))
        cell.quotePrefix = True
        return cell._style

    def dxf(self, fill: str, ink: str | None = None, *, bold: bool = False) -> int:
        """The index of the differential style (what a conditional format
        changes) of a ``fill``, with ``ink`` or bold letters: each is added to
        the workbook once, however many rules and sheets show it (openpyxl
        would compare every rule's style with all the others when saving)."""
        key = (fill, ink, bold)
        if key not in self._dxfs:
            from openpyxl.styles import Font, PatternFill
            from openpyxl.styles.differential import DifferentialStyle

            font = Font(color=ink, bold=bold) if ink or bold else None
            paint = PatternFill("solid", start_color=fill, end_color=fill, bgColor=fill)
            styles = self._workbook._differential_styles
            styles.styles.append(DifferentialStyle(font=font, fill=paint))
            self._dxfs[key] = len(styles.styles) - 1
        return self._dxfs[key]

    def painted(self, name: str, fill: str, ink: str) -> int:
        """The style index of a named style on a ``fill`` background in bold
        ``ink`` (the status colours)."""
        from openpyxl.styles import Font, PatternFill

        key = (name, False, f"painted {fill} {ink}")
        if key not in self._ids:
            cell = self._cell(self._scratch, style_array=copy(self._arrays[name]))
            cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
            cell.font = Font(name=FONT, size=10, bold=True, color=ink)
            self._ids[key] = cell.style_id
        return self._ids[key]

    def array(self, style_id: int) -> Any:
        """The style array of a style index, to copy onto a cell."""
        return copy(self._scratch.parent._cell_styles[style_id])

    def id(
        self, name: str, *, quoted: bool = False, dated: bool = False, number_format: str = ""
    ) -> int:
        """The workbook's style index for a named style, optionally with the quote
        prefix, the date format, or another number format."""
        fmt = number_format or (DATE_FORMAT if dated else "")
        key = (name, quoted, fmt)
        if key not in self._ids:
            cell = self._cell(self._scratch, style_array=copy(self._arrays[name]))
            if quoted:
                cell.quotePrefix = True
            if fmt:
                cell.number_format = fmt
            self._ids[key] = cell.style_id
        return self._ids[key]
