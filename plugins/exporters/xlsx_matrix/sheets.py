"""The data sheets (one per area, "All items") and the Archived sheet.

Each is laid out the same way: a title and a subtitle, a bold frozen header row,
then one row per item inside an Excel table, so that it filters and sorts.  The
ministry columns carry a drop-down for Status, colours by status, a highlight on
overdue due dates, and commitments stand out from the other items.

The rows below the header are rendered by :mod:`.rowxml` (fast); everything
else goes through openpyxl.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jtreport.digest import actors_label, area_label, dates_label
from jtreport.followup import CLOSED_STATUSES, STATUSES
from jtreport.model import Item, Statement

from .cells import CellMaker, Formula, clean_text, needs_quote_prefix, plain
from .layout import (
    ARCHIVE_STATEMENT,
    ARCHIVE_TAIL,
    COLUMNS,
    EXTRA_WIDTH,
    FIRST_DATA_ROW,
    HEADER_ROW,
    MINISTRY,
    Column,
    fit_width,
    line_count,
    row_height,
)
from .merge import ArchivedRow
from .pages import print_setup
from .rowxml import SheetRows
from .styles import COMMITMENT_FILL, OVERDUE_FILL, OVERDUE_INK, STATUS_COLOURS, Styles

#: How many empty rows below the data the drop-down and the colours still cover.
SPARE_ROWS = 500
#: Columns of the statement (the rest are the ministry's and the user's).
N_STATEMENT = len(COLUMNS) - len(MINISTRY)

_BODY_STYLE: dict[str, str] = {
    "id": "jt Body centred",
    "number": "jt Body centred",
    "flag": "jt Body centred",
    "date": "jt Body centred",
}
_INPUT_STYLE: dict[str, str] = {"date": "jt Input date"}


@dataclass
class SheetSpec:
    """What one data sheet shows."""

    title: str
    subtitle: str
    items: Sequence[Item]
    table_name: str
    extra_columns: Sequence[str] = ()
    #: ministry and extra values by item ID, then by header
    values: dict[str, dict[str, Any]] = field(default_factory=dict)


def columns_for(extra: Sequence[str]) -> list[Column]:
    """The columns of a data sheet: the matrix's own, then the user's."""
    return [*COLUMNS, *(Column(h, EXTRA_WIDTH, ministry=True) for h in extra)]


def item_values(statement: Statement, item: Item) -> list[Any]:
    """The statement columns of one item, as cell values."""
    return [
        item.id,
        item.paragraph,
        area_label(statement, item.area_id),
        item.text,
        actors_label(statement, item),
        item.category.capitalize(),
        "Yes" if item.is_commitment else "No",
        "; ".join(item.organizations),
        "; ".join(item.instruments),
        "; ".join(item.projects),
        dates_label(item),
    ]


def write_data_sheet(
    ws: Any, styles: Styles, statement: Statement, spec: SheetSpec, maker: CellMaker
) -> SheetRows:
    """Lay out ``ws`` for the items of ``spec`` and return its rows, to be put
    into the saved file."""
    columns = columns_for(spec.extra_columns)
    _titles(ws, styles, maker, spec.title, spec.subtitle, len(columns))
    _header(ws, styles, maker, columns)
    body = [_BODY_STYLE.get(c.kind, "jt Body") for c in columns[:N_STATEMENT]]
    inputs = [_INPUT_STYLE.get(c.kind, "jt Input") for c in columns[N_STATEMENT:]]
    rows: list[list[tuple[Any, str]]] = []
    for item in spec.items:
        row = list(zip(item_values(statement, item), body, strict=True))
        if any(d.future for d in item.dates):
            row[N_STATEMENT - 1] = (row[N_STATEMENT - 1][0], "jt Body future")
        typed = spec.values.get(item.id, {})
        row += [
            (typed.get(c.header), s) for c, s in zip(columns[N_STATEMENT:], inputs, strict=True)
        ]
        rows.append(row)
    rendered = _render(ws, styles, columns, rows, maker.warnings, id_column=True)
    last = max(FIRST_DATA_ROW, rendered.last_row)
    _table(ws, spec.table_name, len(columns), last)
    _rules(ws, columns, last + SPARE_ROWS)
    ws.freeze_panes = f"B{FIRST_DATA_ROW}"
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    return rendered


def write_archive_sheet(
    ws: Any, styles: Styles, archived: Sequence[ArchivedRow], maker: CellMaker
) -> SheetRows:
    """The Archived sheet: rows whose item left the statement, with their values."""
    own = {c.header for c in COLUMNS}
    extra: dict[str, None] = {}
    for record in archived:
        for header in record.values:
            if header not in own:
                extra.setdefault(header, None)
    columns = [
        *ARCHIVE_STATEMENT,
        *MINISTRY,
        *(Column(h, EXTRA_WIDTH, ministry=True) for h in extra),
        *ARCHIVE_TAIL,
    ]
    _titles(
        ws,
        styles,
        maker,
        "Archived rows",
        "Rows whose item is no longer in the statement (or that had no item ID, or lost a "
        "conflict with another sheet), kept with every value typed in them.",
        len(columns),
    )
    _header(ws, styles, maker, columns)
    names = [_BODY_STYLE.get(c.kind, "jt Body") for c in columns]
    rows: list[list[tuple[Any, str]]] = []
    for record in archived:
        values = {
            **record.values,
            "ID": record.item_id,
            "Archived on": record.archived_on,
            "Reason": record.reason,
        }
        rows.append([(values.get(c.header), n) for c, n in zip(columns, names, strict=True)])
    rendered = _render(ws, styles, columns, rows, maker.warnings, id_column=True)
    _table(ws, "Archive", len(columns), max(FIRST_DATA_ROW, rendered.last_row))
    ws.freeze_panes = f"B{FIRST_DATA_ROW}"
    print_setup(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    return rendered


def _render(
    ws: Any,
    styles: Styles,
    columns: Sequence[Column],
    rows: list[list[tuple[Any, str]]],
    warnings: list[str],
    *,
    id_column: bool,
) -> SheetRows:
    """Size the columns to their content, then render the rows, each as tall as
    its longest wrapped cell (LibreOffice does not grow rows by itself)."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    cleaned: list[list[tuple[Any, str]]] = []
    for row in rows:
        values: list[tuple[Any, str]] = []
        for index, (raw, style) in enumerate(row):
            value = plain(raw)
            if isinstance(value, str):
                value, cut = clean_text(value)
                if cut:
                    warnings.append(
                        f"item {row[0][0]}: {columns[index].header} has {len(raw):,} "
                        "characters; cut to Excel's limit of 32,767"
                    )
            values.append((value, style))
        cleaned.append(values)
    widths: list[float] = []
    for index, column in enumerate(columns):
        texts = [r[index][0] for r in cleaned if isinstance(r[index][0], str)]
        widths.append(fit_width(column, texts))
        ws.column_dimensions[letters[index]].width = widths[-1]
    out = SheetRows(FIRST_DATA_ROW, letters)
    ids = styles.id
    for row in cleaned:
        cells: list[tuple[Any, int]] = []
        wrapped: list[tuple[str, float]] = []
        for index, (value, style) in enumerate(row):
            if isinstance(value, str):
                quoted = (id_column and index == 0) or needs_quote_prefix(value)
                cells.append((value, ids(style, quoted=quoted)))
                wrapped.append((value, widths[index]))
            elif isinstance(value, date) or (
                isinstance(value, Formula) and isinstance(value.cached, date)
            ):
                cells.append((value, ids(style, dated=True)))
            else:
                cells.append((value, ids(style)))
        out.add(cells, row_height(wrapped))
    return out


def _titles(
    ws: Any, styles: Styles, maker: CellMaker, title: str, subtitle: str, width: int
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import MultiCellRange

    last = get_column_letter(min(width, 12))
    ws.append([maker.text(title, styles["jt Title"])])
    ws.append([maker.text(subtitle, styles["jt Subtitle"])])
    # Recorded directly: ws.merge_cells() also restyles the edge cells of each
    # range (borders), which these unbordered rows do not need, at a cost.
    ws.merged_cells = MultiCellRange(f"A1:{last}1 A2:{last}2")
    span = sum(c.width for c in COLUMNS[: min(width, 12)])
    # Merged cells do not grow with their text: size the rows here.
    ws.row_dimensions[1].height = 20 * line_count(title, span * 0.7) + 4
    ws.row_dimensions[2].height = row_height([(subtitle, span)])


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


def _letter(columns: Sequence[Column], header: str) -> str:
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter([c.header for c in columns].index(header) + 1)
    return letter


def _rules(ws: Any, columns: Sequence[Column], last: int) -> None:
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    first = FIRST_DATA_ROW
    status, due, flag = (_letter(columns, h) for h in ("Status", "Due date", "Commitment"))
    last_statement = _letter(columns, "Dates")

    def fill(colour: str) -> Any:
        return PatternFill("solid", start_color=colour, end_color=colour, bgColor=colour)

    choices = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Status",
        error="Choose a status from the list: " + ", ".join(STATUSES) + ".",
    )
    choices.add(f"{status}{first}:{status}{last}")
    ws.add_data_validation(choices)
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Due date",
        error="A date (e.g. 2026-05-31) lets the matrix flag overdue items. Keep this text?",
    )
    dates.add(f"{due}{first}:{due}{last}")
    ws.add_data_validation(dates)

    cf = ws.conditional_formatting
    cf.add(
        f"A{first}:{last_statement}{last}",
        FormulaRule(formula=[f'${flag}{first}="Yes"'], fill=fill(COMMITMENT_FILL)),
    )
    cf.add(
        f"A{first}:A{last}",
        FormulaRule(formula=[f'${flag}{first}="Yes"'], font=Font(bold=True)),
    )
    for name, (background, ink) in STATUS_COLOURS.items():
        cf.add(
            f"{status}{first}:{status}{last}",
            CellIsRule(
                operator="equal",
                formula=[f'"{name}"'],
                fill=fill(background),
                font=Font(color=ink, bold=name in ("Delayed", "Completed")),
            ),
        )
    still_open = ",".join(f'${status}{first}<>"{s}"' for s in CLOSED_STATUSES)
    cf.add(
        f"{due}{first}:{due}{last}",
        FormulaRule(
            formula=[f"AND(ISNUMBER(${due}{first}),${due}{first}<TODAY(),{still_open})"],
            fill=fill(OVERDUE_FILL),
            font=Font(color=OVERDUE_INK, bold=True),
            stopIfTrue=True,
        ),
    )
