"""The data sheets: "All items" (where values are typed), one sheet per area
(showing them), and the Archived sheet.

Each is laid out the same way: a title and a subtitle, a bold frozen header row,
then one row per item inside an Excel table, so that it filters and sorts.

"All items" holds every column (:data:`.layout.COLUMNS`): the meeting's, the
tracker's, and the statement's analysis (grouped).  Drop-downs offer the status
vocabulary, the priorities, the agencies of the "Lists" sheet, the categories
and Yes/No for the commitment flag; dates are validated; colours show each
status, what is overdue or due soon against the as-of date on the Summary, and
the commitments.  An area sheet shows the meeting columns of its items: its
ministry cells are formulas that read "All items" (through the defined names of
:mod:`.names`), so the two never disagree, and typing there is refused with a
message pointing to "All items".

The rows below the header are rendered by :mod:`.rowxml` (fast); everything
else goes through openpyxl.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from jtreport.digest import actors_label, area_label, dates_label
from jtreport.model import Item, Statement

from .cells import CellMaker, Formula, clean_text, needs_quote_prefix, plain
from .dates import iso_date, key_mention, precision_note
from .layout import (
    ARCHIVE_STATEMENT,
    ARCHIVE_TAIL,
    COLUMNS,
    CORRECTABLE_COLUMNS,
    EXTRA_WIDTH,
    FIRST_DATA_ROW,
    FLAG_VALUES,
    HEADER_ROW,
    MEETING,
    MINISTRY,
    ROW_HEADER,
    Column,
    with_text_width,
)
from .metrics import height_of, lines_in
from .names import column_name
from .rowxml import SheetRows
from .rules import items_rules, letter_of, view_rules
from .sizing import ColumnTexts, size_sheet
from .styles import (
    PRECISION_FORMATS,
    Styles,
)

if TYPE_CHECKING:
    from .merge import ArchivedRow

#: How many empty rows below the data the drop-downs and the colours still cover.
SPARE_ROWS = 500

#: A cell to render: its value, its named style, and a number format ("" for none).
Cell = tuple[Any, str, str]

_BODY_STYLE: dict[str, str] = {
    "id": "jt Body centred",
    "number": "jt Body centred",
    "date": "jt Body centred",
    "statement date": "jt Body centred",
}
_INPUT_STYLE: dict[str, str] = {"date": "jt Input date"}
_REVIEW_HINT = "Clear a corrected cell to go back to jtreport's reading."


@dataclass
class Rendered:
    """A sheet's data rows, ready to be put into the saved file, and their sizes."""

    rows: SheetRows
    #: the height of each data row, in points
    heights: list[float] = field(default_factory=list)
    #: the width of each column, in characters
    widths: list[float] = field(default_factory=list)


@dataclass
class ItemsSpec:
    """What the "All items" sheet shows."""

    title: str
    subtitle: str
    items: Sequence[Item]
    extra_columns: Sequence[str] = ()
    #: ministry and extra values by item ID, then by header
    values: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: how many columns print (the first ones)
    printed: int = len(MEETING)
    #: the width of the Text column (None: its usual width)
    text_width: float | None = None


def items_columns(extra: Sequence[str], text_width: float | None = None) -> list[Column]:
    """The columns of "All items": the matrix's own (the Text column
    ``text_width`` wide when given), then the user's."""
    return [
        *with_text_width(COLUMNS, text_width),
        *(Column(h, EXTRA_WIDTH, ministry=True, group="tracker") for h in extra),
    ]


def statement_cells(statement: Statement, item: Item) -> dict[str, Cell]:
    """The statement columns of one item, as cells (corrected ones stand out)."""
    corrected = set(item.corrected)
    cells: dict[str, Cell] = {
        "ID": (item.id, "jt Body centred", ""),
        "Text": (item.text, "jt Body", ""),
        "Paragraph": (item.paragraph, "jt Body centred", ""),
        "Area": (area_label(statement, item.area_id), "jt Body", ""),
        "Category": (item.category.capitalize(), _correctable("category", corrected), ""),
        "Commitment": (FLAG_VALUES[0] if item.is_commitment else FLAG_VALUES[1],
                       _correctable("is_commitment", corrected), ""),
        "Actors": (actors_label(statement, item), _correctable("actors", corrected), ""),
        "Review": (review_text(item), "jt Body", ""),
        "Dates": (dates_label(item), "jt Body", ""),
        "Organisations": ("; ".join(item.organizations), "jt Body", ""),
        "Instruments": ("; ".join(item.instruments), "jt Body", ""),
        "Projects": ("; ".join(item.projects), "jt Body", ""),
    }  # fmt: skip
    mention = key_mention(item)
    found = iso_date(mention.value) if mention else None
    if found is not None:
        day, precision = found
        style = "jt Body future" if mention is not None and mention.future else "jt Body centred"
        cells["Date"] = (day, style, PRECISION_FORMATS[precision])
        cells["Date precision"] = (precision_note(precision), "jt Body centred", "")
    else:
        cells["Date"] = (None, "jt Body centred", "")
        cells["Date precision"] = (None, "jt Body centred", "")
    return cells


def review_text(item: Item) -> str:
    """What the Review column says: why the parser was unsure, and what an
    officer corrected."""
    parts = list(item.review)
    if item.corrected:
        names = ", ".join(
            {"is_commitment": "commitment"}.get(name, name) for name in item.corrected
        )
        parts.append(f"Corrected here: {names}. {_REVIEW_HINT}")
    return " ".join(p if p.endswith(".") else p + "." for p in parts)


def _correctable(name: str, corrected: set[str]) -> str:
    return "jt Corrected" if name in corrected else "jt Correctable"


def write_items_sheet(
    ws: Any, styles: Styles, statement: Statement, spec: ItemsSpec, maker: CellMaker
) -> Rendered:
    """Lay out "All items" for ``spec`` and return its rows, to be put into the
    saved file."""
    columns = items_columns(spec.extra_columns, spec.text_width)
    _titles(ws, styles, maker, spec.title, spec.subtitle, columns[: len(MEETING)])
    _header(ws, styles, maker, columns)
    rows: list[list[Cell]] = []
    for item in spec.items:
        own = statement_cells(statement, item)
        typed = spec.values.get(item.id, {})
        row: list[Cell] = []
        for column in columns:
            if column.header in own and column.header not in _MINISTRY_HEADERS:
                row.append(own[column.header])
            else:
                style = _INPUT_STYLE.get(column.kind, "jt Input")
                row.append((typed.get(column.header), style, ""))
        rows.append(row)
    rendered = _render(ws, styles, columns, rows, maker.warnings, spec.printed)
    last = max(FIRST_DATA_ROW, rendered.rows.last_row)
    _table(ws, "Items", len(columns), last)
    items_rules(ws, styles, columns, last + SPARE_ROWS)
    _group_analysis(ws, columns)
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    return rendered


_MINISTRY_HEADERS = frozenset(c.header for c in MINISTRY)


def write_area_sheet(
    ws: Any,
    styles: Styles,
    title: str,
    subtitle: str,
    items: Sequence[Item],
    values: Mapping[str, Mapping[str, Any]],
    table_name: str,
    maker: CellMaker,
    text_width: float | None = None,
) -> Rendered:
    """An area's sheet: the meeting columns of its items (the Text column
    ``text_width`` wide when given), the ministry's cells showing what is typed
    on "All items" (formulas, with today's values)."""
    meeting = with_text_width(MEETING, text_width)
    columns = [*meeting, Column(ROW_HEADER, 6, "number")]
    _titles(ws, styles, maker, title, subtitle, meeting)
    _header(ws, styles, maker, columns)
    helper = letter_of(columns, ROW_HEADER)
    shows = [(c.header, column_name(c.header), c.kind) for c in MEETING[2:]]
    ids = column_name("ID")
    rows: list[list[Cell]] = []
    for number, item in enumerate(items, FIRST_DATA_ROW):
        typed = values.get(item.id, {})
        row: list[Cell] = [(item.id, "jt Body centred", ""), (item.text, "jt Body", "")]
        for header, name, kind in shows:
            shown = f"INDEX({name},${helper}{number})"
            formula = Formula(
                f'=IF(ISNUMBER(${helper}{number}),IF({shown}="","",{shown}),"")',
                cached=_cached(typed.get(header)),
            )
            row.append((formula, "jt View date" if kind == "date" else "jt View", ""))
        match = Formula(f"=MATCH($A{number},{ids},0)")
        row.append((match, "jt Body centred", ""))
        rows.append(row)
    rendered = _render(ws, styles, columns, rows, maker.warnings, len(meeting))
    last = max(FIRST_DATA_ROW, rendered.rows.last_row)
    _table(ws, table_name, len(columns), last)
    view_rules(ws, styles, columns, last)
    ws.column_dimensions[helper].hidden = True
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    return rendered


def write_archive_sheet(
    ws: Any, styles: Styles, archived: Sequence[ArchivedRow], maker: CellMaker
) -> Rendered:
    """The Archived sheet: rows whose item left the statement, with their values."""
    own = {c.header for c in (*ARCHIVE_STATEMENT, *MINISTRY, *ARCHIVE_TAIL)}
    extra: dict[str, None] = {}
    for record in archived:
        for header in record.values:
            if header not in own:
                extra.setdefault(header, None)
    # why a row is here comes right after what it was, on the first printed page
    columns = [
        *ARCHIVE_STATEMENT,
        *ARCHIVE_TAIL,
        *MINISTRY,
        *(c for c in COLUMNS if c.header in CORRECTABLE_COLUMNS and c.header in extra),
        *(Column(h, EXTRA_WIDTH, ministry=True) for h in extra if h not in CORRECTABLE_COLUMNS),
    ]
    _titles(
        ws,
        styles,
        maker,
        "Archived rows",
        "Rows whose item is no longer in the statement (or that had no item ID, or lost a "
        "conflict with another sheet), kept with every value typed in them.",
        columns[:6],
    )
    _header(ws, styles, maker, columns)
    rows: list[list[Cell]] = []
    for record in archived:
        values = {
            **record.values,
            "ID": record.item_id,
            "Archived on": record.archived_on,
            "Reason": record.reason,
        }
        rows.append(
            [(values.get(c.header), _BODY_STYLE.get(c.kind, "jt Body"), "") for c in columns]
        )
    rendered = _render(ws, styles, columns, rows, maker.warnings, len(columns))
    _table(ws, "Archive", len(columns), max(FIRST_DATA_ROW, rendered.rows.last_row))
    ws.freeze_panes = f"B{FIRST_DATA_ROW}"
    return rendered


def _cached(value: Any) -> Any:
    """What a view formula showed when the matrix was made: the typed value."""
    if isinstance(value, Formula):
        return value.cached
    return "" if value is None else plain(value)


def _render(
    ws: Any,
    styles: Styles,
    columns: Sequence[Column],
    rows: list[list[Cell]],
    warnings: list[str],
    printed: int,
) -> Rendered:
    """Size the columns and rows to their content (see :mod:`.sizing`: the first
    ``printed`` columns and the typed ones set the heights), then render the
    rows (LibreOffice does not grow rows by itself)."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    texts: list[ColumnTexts] = [[] for _ in columns]
    ids = styles.id
    cells: list[list[tuple[Any, int]]] = []
    for number, row in enumerate(rows):
        out: list[tuple[Any, int]] = []
        for index, (raw, style, fmt) in enumerate(row):
            value = raw if raw is None or type(raw) is str else plain(raw)
            if value is None or value == "":  # an empty cell, not an empty text
                out.append((None, ids(style, number_format=fmt)))
            elif type(value) is str:
                value, cut = clean_text(value)
                if cut:
                    warnings.append(
                        f"item {row[0][0]}: {columns[index].header} has {len(raw):,} "
                        "characters; cut to Excel's limit of 32,767"
                    )
                texts[index].append((number, value))
                quoted = index == 0 or needs_quote_prefix(value)
                out.append((value, ids(style, quoted=quoted, number_format=fmt)))
            else:
                shown = value.cached if isinstance(value, Formula) else value
                if isinstance(shown, str) and shown:
                    texts[index].append((number, shown))
                dated = isinstance(shown, date) and not fmt
                out.append((value, ids(style, dated=dated, number_format=fmt)))
        cells.append(out)
    sizing = [index < printed or column.ministry for index, column in enumerate(columns)]
    sizes = size_sheet(columns, texts, len(cells), sizing)
    for letter, width in zip(letters, sizes.widths, strict=True):
        ws.column_dimensions[letter].width = width
    rendered = Rendered(SheetRows(FIRST_DATA_ROW, letters), sizes.heights, sizes.widths)
    for row_cells, height in zip(cells, sizes.heights, strict=True):
        rendered.rows.add(row_cells, height)
    return rendered


def _titles(
    ws: Any, styles: Styles, maker: CellMaker, title: str, subtitle: str, span: Sequence[Column]
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import MultiCellRange

    last = get_column_letter(len(span))
    ws.append([maker.text(title, styles["jt Title"])])
    ws.append([maker.text(subtitle, styles["jt Subtitle"])])
    # Recorded directly: ws.merge_cells() also restyles the edge cells of each
    # range (borders), which these unbordered rows do not need, at a cost.
    ws.merged_cells = MultiCellRange(f"A1:{last}1 A2:{last}2")
    widths = [c.width for c in span]
    # Merged cells do not grow with their text: size the rows here.
    ws.row_dimensions[1].height = height_of(lines_in(title, *widths, size=14, bold=True), 18)
    ws.row_dimensions[2].height = height_of(lines_in(subtitle, *widths))


def _header(ws: Any, styles: Styles, maker: CellMaker, columns: Sequence[Column]) -> None:
    ws.append(
        [
            maker.text(c.header, styles["jt Ministry header" if c.ministry else "jt Header"])
            for c in columns
        ]
    )
    ws.row_dimensions[HEADER_ROW].height = 30


def _table(ws: Any, name: str, width: int, last: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    table = Table(displayName=name, ref=f"A{HEADER_ROW}:{get_column_letter(width)}{last}")
    # Named from the header row here: openpyxl would look for the header cells
    # among its own, and the data rows are not there.
    headers = [ws.cell(row=HEADER_ROW, column=i).value for i in range(1, width + 1)]
    table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, 1)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(table)


def _group_analysis(ws: Any, columns: Sequence[Column]) -> None:
    """Group the analysis columns (one click hides them); they stay shown."""
    from openpyxl.utils import get_column_letter

    analysis = [i for i, c in enumerate(columns, 1) if c.group == "analysis"]
    if not analysis:
        return

    for index in analysis:
        ws.column_dimensions[get_column_letter(index)].outlineLevel = 1
    ws.sheet_properties.outlinePr.summaryRight = False
