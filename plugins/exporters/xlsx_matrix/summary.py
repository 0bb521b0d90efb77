"""The Summary sheet: what the statement is, how much it holds per area and per
category, how far follow-up has got (live formulas over "All items"), and the
dated milestones still ahead."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from jtreport import __version__
from jtreport.digest import category_counts, digest, milestones
from jtreport.followup import STATUSES
from jtreport.formats import ExportOptions
from jtreport.model import CATEGORIES, Person, Statement

from .cells import CellMaker, clean_text, needs_quote_prefix
from .layout import COLUMNS, ITEMS_SHEET, LINE_HEIGHT, ROW_PADDING, line_count, row_height
from .pages import print_setup
from .rowxml import SheetRows
from .styles import Styles

#: Width of column A, then of the ten count columns B to K.
LABEL_WIDTH = 30.0
COUNT_WIDTH = 12.5
LAST = "K"


def person(p: Person) -> str:
    """``Prime Minister TAKAICHI Sanae (Japan)``."""
    text = f"{p.title} {p.name}" if p.title else p.name
    return f"{text} ({p.party})" if p.party else text


def statement_date(statement: Statement) -> date | str | None:
    """The statement's date as a date when it is a full ISO date, else as written."""
    if not statement.date:
        return None
    try:
        return date.fromisoformat(statement.date)
    except ValueError:
        return statement.date


def write_summary(
    ws: Any, styles: Styles, statement: Statement, options: ExportOptions, maker: CellMaker
) -> SheetRows | None:
    """Fill the Summary sheet; return the milestone rows, to be put into the saved
    file (None when there are none)."""
    from openpyxl.utils import get_column_letter

    ws.column_dimensions["A"].width = LABEL_WIDTH
    for index in range(2, 12):
        ws.column_dimensions[get_column_letter(index)].width = COUNT_WIDTH
    writer = _Writer(ws, styles, maker)
    title = statement.title or "Joint statement"
    writer.merged(title, "jt Title", "A", line_height=20, chars_per_line=0.7)
    subtitle = "Implementation matrix"
    if options.meeting:
        subtitle += f" for {options.meeting}"
    subtitle += f" · generated {options.created:%Y-%m-%d} by jtreport {__version__}"
    writer.merged(subtitle, "jt Subtitle", "A")
    writer.skip()
    _details(writer, statement, options)
    writer.skip()
    _counts(writer, statement)
    writer.skip()
    _progress(writer, statement)
    writer.skip()
    rows = _milestones(writer, statement)
    writer.finish()
    ws.sheet_view.showGridLines = False
    print_setup(ws)
    return rows


class _Writer:
    """Appends rows to the Summary sheet, tracking the row number."""

    def __init__(self, ws: Any, styles: Styles, maker: CellMaker) -> None:
        self.ws = ws
        self.styles = styles
        self.maker = maker
        self.row = 0
        self.merges: list[str] = []

    def merge(self, ref: str) -> None:
        """Merge a range once the sheet is done (see :meth:`finish`)."""
        self.merges.append(ref)

    def finish(self) -> None:
        """Record the merged ranges in one go: openpyxl's ``merge_cells`` checks each
        new range against all earlier ones, which is slow for long milestone lists."""
        from openpyxl.worksheet.cell_range import MultiCellRange

        self.ws.merged_cells = MultiCellRange(" ".join(self.merges))

    def skip(self) -> None:
        self.ws.append([])
        self.row += 1

    def cells(self, values: Sequence[tuple[Any, str]]) -> None:
        """One row of (value, style) pairs from column A, as tall as its text."""
        row = [
            self.maker.blank(self.styles[s]) if v is None else self.maker.value(v, self.styles[s])
            for v, s in values
        ]
        self.ws.append(row)
        self.row += 1
        if values and isinstance(values[0][0], str) and values[0][1] in ("jt Body", "jt Value"):
            height = row_height([(values[0][0], LABEL_WIDTH)])
            if height > LINE_HEIGHT + ROW_PADDING:
                self.ws.row_dimensions[self.row].height = height

    def formula(self, column: int, formula: str, style: str) -> None:
        """Put a formula of jtreport's own in the current row."""
        cell = self.ws.cell(row=self.row, column=column, value=formula)
        cell._style = self.styles[style]

    def merged(
        self,
        text: str,
        style: str,
        start: str,
        *,
        before: Sequence[tuple[Any, str]] = (),
        line_height: float = LINE_HEIGHT,
        chars_per_line: float = 1.0,
    ) -> None:
        """A row whose text spans from column ``start`` to K, sized to its lines."""
        from openpyxl.utils import column_index_from_string

        first = column_index_from_string(start)
        self.cells([*before, (text, style)])
        self.merge(f"{start}{self.row}:{LAST}{self.row}")
        span = LABEL_WIDTH * (first == 1) + COUNT_WIDTH * (11 - max(first, 2) + 1)
        lines = line_count(text, span * chars_per_line)
        self.ws.row_dimensions[self.row].height = line_height * lines + ROW_PADDING


def _details(writer: _Writer, statement: Statement, options: ExportOptions) -> None:
    rows: list[tuple[str, Any]] = [
        ("Date", statement_date(statement)),
        ("Place", statement.place),
        ("Parties", "; ".join(p.name for p in statement.parties)),
        ("Leaders", "\n".join(person(p) for p in statement.leaders)),
        ("Signatories", "\n".join(person(p) for p in statement.signatories)),
        ("Classification", options.classification),
        ("Source", _source(statement)),
    ]
    for label, value in rows:
        if not value:
            continue
        if isinstance(value, date):
            writer.cells([(label, "jt Label"), (value, "jt Value date")])
            writer.merge(f"B{writer.row}:{LAST}{writer.row}")
        else:
            writer.merged(str(value), "jt Value", "B", before=[(label, "jt Label")])


def _source(statement: Statement) -> str | None:
    source = statement.source
    if source is None:
        return None
    name = source.path.replace("\\", "/").rsplit("/", 1)[-1] if source.path else "standard input"
    return f"{name} ({source.format}; SHA-256 {source.sha256[:16]}…)"


def _counts(writer: _Writer, statement: Statement) -> None:
    writer.cells([("Paragraphs, items and commitments by area and category", "jt Section")])
    headers = ["Area", "Paragraphs", "Items", "Commitments", *(c.capitalize() for c in CATEGORIES)]
    writer.cells([(h, "jt Header") for h in headers])
    writer.ws.row_dimensions[writer.row].height = 18
    for group in digest(statement):
        counts = [group.paragraphs, len(group.items), len(group.commitments)]
        counts += [group.by_category.get(c, 0) for c in CATEGORIES]
        writer.cells([(group.label, "jt Body"), *((n, "jt Number") for n in counts)])
    per_category = category_counts(statement)
    totals = [len(statement.paragraphs), len(statement.items), len(statement.commitments)]
    totals += [per_category[c] for c in CATEGORIES]
    writer.cells([("Whole statement", "jt Total label"), *((n, "jt Total") for n in totals)])


def _progress(writer: _Writer, statement: Statement) -> None:
    from openpyxl.utils import get_column_letter

    headers = [c.header for c in COLUMNS]
    status = get_column_letter(headers.index("Status") + 1)
    flag = get_column_letter(headers.index("Commitment") + 1)
    sheet = "'" + ITEMS_SHEET.replace("'", "''") + "'"
    status_range, flag_range = f"{sheet}!${status}:${status}", f"{sheet}!${flag}:${flag}"
    writer.cells([("Follow-up status (counted live from the All items sheet)", "jt Section")])
    writer.cells(
        [("Status", "jt Header"), ("Commitments", "jt Header"), ("All items", "jt Header")]
    )
    first = writer.row + 1
    for name in STATUSES:
        writer.cells([(name, "jt Body"), (None, "jt Number"), (None, "jt Number")])
        writer.formula(2, f'=COUNTIFS({status_range},"{name}",{flag_range},"Yes")', "jt Number")
        writer.formula(3, f'=COUNTIF({status_range},"{name}")', "jt Number")
    last = writer.row
    writer.cells([("No status yet", "jt Body"), (None, "jt Number"), (None, "jt Number")])
    writer.formula(2, f"={len(statement.commitments)}-SUM(B{first}:B{last})", "jt Number")
    writer.formula(3, f"={len(statement.items)}-SUM(C{first}:C{last})", "jt Number")
    writer.cells([("Total", "jt Total label"), (None, "jt Total"), (None, "jt Total")])
    writer.formula(2, f"=SUM(B{first}:B{last + 1})", "jt Total")
    writer.formula(3, f"=SUM(C{first}:C{last + 1})", "jt Total")


def _milestones(writer: _Writer, statement: Statement) -> SheetRows | None:
    writer.cells([("Upcoming milestones (dates after the statement's)", "jt Section")])
    found = milestones(statement)
    if not found:
        writer.cells([("No dated milestones after the statement's date.", "jt Value")])
        return None
    headers = ["When", "Date", "Item", "Area", None, "What the statement says"]
    writer.cells([(h, "jt Header") for h in [*headers, None, None, None, None, None]])
    writer.merge(f"D{writer.row}:E{writer.row}")
    writer.merge(f"F{writer.row}:{LAST}{writer.row}")
    # Rendered as XML like the data rows: a long statement has thousands.
    from openpyxl.utils import get_column_letter

    rows = SheetRows(writer.row + 1, [get_column_letter(i) for i in range(1, 12)])
    ids = writer.styles.id
    plain, centred = ids("jt Body"), ids("jt Body centred")
    for milestone in found:
        item = milestone.item
        text = item.text if len(item.text) <= 600 else item.text[:597] + "…"
        cells: list[tuple[Any, int]] = [
            (clean_text(milestone.date.text)[0], plain),
            (clean_text(milestone.date.value)[0], centred),
            (item.id, ids("jt Body centred", quoted=True)),
            (clean_text(milestone.area_label)[0], plain),
            (None, plain),
            (clean_text(text)[0], ids("jt Body", quoted=needs_quote_prefix(text))),
            *((None, plain) for _ in range(5)),
        ]
        height = row_height(
            [
                (text, COUNT_WIDTH * 6),
                (milestone.area_label, COUNT_WIDTH * 2),
                (milestone.date.text, LABEL_WIDTH),
            ]
        )
        rows.add(cells, height)
        writer.merge(f"D{rows.last_row}:E{rows.last_row}")
        writer.merge(f"F{rows.last_row}:{LAST}{rows.last_row}")
    return rows
