"""The Summary sheet, for a head of division: what the statement is, where
follow-up stands against an as-of date (overdue, due soon, commitments without
a lead agency), commitments by area and status, what each status means, how
much the statement holds per area and category, and the dated milestones ahead.

The follow-up figures are live formulas over "All items" (the one place values
are typed), through the names of :mod:`.names`; the as-of date and the "due
soon" days are cells the reader may change to count again.  Each formula also
carries the value it has when the matrix is made (see :class:`Figures`), for
programs that show a workbook without calculating it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from jtreport import __version__
from jtreport.digest import area_label, category_counts, digest, long_date, milestones
from jtreport.followup import CLOSED_STATUSES, STATUS_MEANINGS, STATUSES, normalise_status
from jtreport.formats import ExportOptions
from jtreport.model import CATEGORIES, Person, Statement

from .cells import CellMaker, Formula, clean_text, needs_quote_prefix
from .dates import iso_date, precision_note
from .layout import LINE_HEIGHT, ROW_PADDING, line_count, row_height
from .names import AS_OF, DUE_SOON_DAYS, column_name
from .records import as_date
from .rowxml import SheetRows
from .styles import FONT, PRECISION_FORMATS, STATUS_STYLES, Styles

#: Width of column A, then of the ten count columns B to K.
LABEL_WIDTH = 30.0
COUNT_WIDTH = 12.5
LAST = "K"
#: How many days ahead a due date counts as "due soon", until the reader changes it.
DUE_SOON = 30

_STATUS = column_name("Status")
_DUE = column_name("Due date")
_FLAG = column_name("Commitment")
_LEAD = column_name("Lead agency")
_AREA = column_name("Area")
_IDS = column_name("ID")
_OPEN = "".join(f'*({_STATUS}<>"{s}")' for s in CLOSED_STATUSES)


@dataclass
class SummaryLayout:
    """Where the Summary put what other sheets refer to, and its rows."""

    #: the cells of the as-of date and of the "due soon" days (``$B$9``)
    as_of: str = ""
    due_soon: str = ""
    #: the milestone rows, to be put into the saved file (None without milestones)
    milestones: SheetRows | None = None
    #: the calculated value of each formula, by cell reference
    cached: dict[str, Any] = field(default_factory=dict)
    #: the height of every row, in points (for the page breaks)
    heights: list[float] = field(default_factory=list)
    #: the rows a page may end after: between sections, between milestones
    breakable: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Typed:
    """What was typed for one item, as the Summary counts it."""

    area: str
    commitment: bool
    status: str | None
    due: date | None
    lead: bool


def person(p: Person) -> str:
    """``Prime Minister TAKAICHI Sanae (Japan)``."""
    text = f"{p.title} {p.name}" if p.title else p.name
    return f"{text} ({p.party})" if p.party else text


def typed_items(statement: Statement, values: Mapping[str, Mapping[str, Any]]) -> list[Typed]:
    """Each item with what was typed for it, as the Summary's formulas read it."""
    found: list[Typed] = []
    for item in statement.items:
        typed = values.get(item.id, {})
        found.append(
            Typed(
                area=area_label(statement, item.area_id),
                commitment=item.is_commitment,
                status=normalise_status(_shown(typed.get("Status"))),
                due=as_date(_shown(typed.get("Due date"))),
                lead=bool(str(_shown(typed.get("Lead agency")) or "").strip()),
            )
        )
    return found


def write_summary(
    ws: Any,
    styles: Styles,
    statement: Statement,
    options: ExportOptions,
    maker: CellMaker,
    values: Mapping[str, Mapping[str, Any]],
    due_soon: int = DUE_SOON,
) -> SummaryLayout:
    """Fill the Summary sheet; return where its as-of cells are and its rows.
    ``due_soon`` is the number of days that count as "due soon"."""
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
    typed = typed_items(statement, values)
    _glance(writer, options, typed, due_soon)
    writer.skip()
    _grid(writer, statement, typed)
    writer.skip()
    _meanings(writer)
    writer.skip()
    _counts(writer, statement)
    writer.skip()
    writer.layout.milestones = _milestones(writer, statement)
    writer.finish()
    ws.sheet_view.showGridLines = False
    return writer.layout


class _Writer:
    """Appends rows to the Summary sheet, tracking the row number."""

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

    def skip(self) -> None:
        """A blank row between sections: a page may end there."""
        self.ws.append([])
        self.row += 1
        self.layout.heights.append(LINE_HEIGHT + ROW_PADDING)
        self.layout.breakable.add(self.row)

    def cells(self, values: Sequence[tuple[Any, str]], *, number_format: str = "") -> None:
        """One row of (value, style) pairs from column A, as tall as its text."""
        row = []
        for value, style in values:
            cell = (
                self.maker.blank(self.styles[style])
                if value is None
                else self.maker.value(value, self.styles[style])
            )
            if number_format and isinstance(value, date):
                cell.number_format = number_format
            row.append(cell)
        self.ws.append(row)
        self.row += 1
        height = LINE_HEIGHT + ROW_PADDING
        if values and isinstance(values[0][0], str) and values[0][1] in ("jt Body", "jt Value"):
            height = max(height, row_height([(values[0][0], LABEL_WIDTH)]))
            if height > LINE_HEIGHT + ROW_PADDING:
                self.ws.row_dimensions[self.row].height = height
        self.layout.heights.append(height)

    def height(self, points: float) -> None:
        """Set the height of the current row."""
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
        self.height(line_height * lines + ROW_PADDING)


def _details(writer: _Writer, statement: Statement, options: ExportOptions) -> None:
    found = iso_date(statement.date)
    if found is not None:
        day, precision = found
        writer.cells(
            [("Date", "jt Label"), (day, "jt Value date")],
            number_format=PRECISION_FORMATS[precision].replace("mmm", "mmmm"),
        )
        writer.merge(f"B{writer.row}:D{writer.row}")
        note = precision_note(precision)
        if note:
            writer.ws.cell(row=writer.row, column=5, value=f"({note} only)")
    elif statement.date:
        writer.merged(statement.date, "jt Value", "B", before=[("Date", "jt Label")])
    rows: list[tuple[str, Any]] = [
        ("Place", statement.place),
        ("Parties", "; ".join(p.name for p in statement.parties)),
        ("Leaders", "\n".join(person(p) for p in statement.leaders)),
        ("Signatories", "\n".join(person(p) for p in statement.signatories)),
        ("Classification", options.classification),
        ("Source", _source(statement)),
    ]
    for label, value in rows:
        if value:
            writer.merged(str(value), "jt Value", "B", before=[(label, "jt Label")])


def _source(statement: Statement) -> str | None:
    source = statement.source
    if source is None:
        return None
    name = source.path.replace("\\", "/").rsplit("/", 1)[-1] if source.path else "standard input"
    return f"{name} ({source.format}; SHA-256 {source.sha256[:16]}…)"


def _glance(writer: _Writer, options: ExportOptions, typed: list[Typed], days: int) -> None:
    """Where follow-up stands against the as-of date."""
    as_of = options.as_of
    writer.cells([("Follow-up at a glance (counted live from the All items sheet)", "jt Section")])
    writer.cells(
        [("As of", "jt Label"), (as_of, "jt Input date"), (None, "jt Input date")],
        number_format="d mmmm yyyy",
    )
    writer.merge(f"B{writer.row}:C{writer.row}")
    hint = writer.ws.cell(row=writer.row, column=4, value="change this date to count again")
    hint.style = "jt Subtitle"
    writer.layout.as_of = f"$B${writer.row}"
    writer.cells([("Due soon: within (days)", "jt Label"), (days, "jt Input")])
    writer.layout.due_soon = f"$B${writer.row}"
    soon = as_of + timedelta(days=days)

    def still_open(t: Typed) -> bool:
        return t.status not in CLOSED_STATUSES

    figures: list[tuple[str, str, int]] = [
        (
            "Overdue (due before the as-of date, not completed or cancelled)",
            f"=SUMPRODUCT(ISNUMBER({_DUE})*({_DUE}<{AS_OF}){_OPEN})",
            sum(1 for t in typed if t.due and t.due < as_of and still_open(t)),
        ),
        (
            "Due soon (within the days above, not completed or cancelled)",
            f"=SUMPRODUCT(ISNUMBER({_DUE})*({_DUE}>={AS_OF})*({_DUE}<={AS_OF}+{DUE_SOON_DAYS})"
            f"{_OPEN})",
            sum(1 for t in typed if t.due and as_of <= t.due <= soon and still_open(t)),
        ),
        (
            "Commitments without a lead agency",
            f'=SUMPRODUCT(({_FLAG}="Yes")*(TRIM({_LEAD})=""))',
            sum(1 for t in typed if t.commitment and not t.lead),
        ),
        (
            "Items with a status (of all items)",
            f'=SUMPRODUCT(({_IDS}<>"")*({_STATUS}<>""))',
            sum(1 for t in typed if t.status),
        ),
    ]
    for label, formula, value in figures:
        writer.cells([(label, "jt Body"), (None, "jt Number")])
        writer.formula(2, formula, "jt Number", value)


def _grid(writer: _Writer, statement: Statement, typed: list[Typed]) -> None:
    """Commitments by area and status, and the other items that have a status."""
    from openpyxl.utils import get_column_letter

    writer.cells([("Commitments by area and status", "jt Section")])
    headers = ["Area", *STATUSES, "No status", "Total"]
    writer.cells([(h, "jt Header") for h in headers])
    writer.height(30)
    head = writer.row
    first = head + 1
    labels = [group.label for group in digest(statement)]
    for label in labels:
        mine = [t for t in typed if t.area == label and t.commitment]
        writer.cells([(label, "jt Body"), *((None, "jt Number") for _ in headers[1:])])
        row = writer.row
        where = f'({_AREA}=$A{row})*({_FLAG}="Yes")'
        for index, status in enumerate(STATUSES, 2):
            letter = get_column_letter(index)
            writer.formula(
                index,
                f"=SUMPRODUCT({where}*({_STATUS}={letter}${head}))",
                "jt Number",
                sum(1 for t in mine if t.status == status),
            )
        writer.formula(
            len(STATUSES) + 2,
            f'=SUMPRODUCT({where}*({_STATUS}=""))',
            "jt Number",
            sum(1 for t in mine if not t.status),
        )
        writer.formula(len(STATUSES) + 3, f"=SUMPRODUCT({where})", "jt Number", len(mine))
    last = writer.row
    writer.cells(
        [("All commitments", "jt Total label"), *((None, "jt Total") for _ in headers[1:])]
    )
    commitments = [t for t in typed if t.commitment]
    totals = [sum(1 for t in commitments if t.status == s) for s in STATUSES]
    totals += [sum(1 for t in commitments if not t.status), len(commitments)]
    for index, value in enumerate(totals, 2):
        letter = get_column_letter(index)
        writer.formula(index, f"=SUM({letter}{first}:{letter}{last})", "jt Total", value)
    others = [t for t in typed if not t.commitment]
    writer.cells(
        [("Other items with a status", "jt Body"), *((None, "jt Number") for _ in headers[1:])]
    )
    where = f'({_IDS}<>"")*({_FLAG}<>"Yes")'
    for index, status in enumerate(STATUSES, 2):
        letter = get_column_letter(index)
        writer.formula(
            index,
            f"=SUMPRODUCT({where}*({_STATUS}={letter}${head}))",
            "jt Number",
            sum(1 for t in others if t.status == status),
        )


def _meanings(writer: _Writer) -> None:
    """The status vocabulary, one meaning each, in the colours the matrix uses."""
    writer.cells([("What each status means", "jt Section")])
    for status, meaning in STATUS_MEANINGS.items():
        fill, ink = STATUS_STYLES[status]
        writer.merged(
            meaning[:1].upper() + meaning[1:] + ".", "jt Value", "B", before=[(status, "jt Label")]
        )
        _paint(writer.ws.cell(row=writer.row, column=1), fill, ink)


def _paint(cell: Any, fill: str, ink: str) -> None:
    from openpyxl.styles import Font, PatternFill

    cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    cell.font = Font(name=FONT, size=10, bold=True, color=ink)


def _counts(writer: _Writer, statement: Statement) -> None:
    writer.cells([("Paragraphs, items and commitments by area and category", "jt Section")])
    headers = ["Area", "Paragraphs", "Items", "Commitments", *(c.capitalize() for c in CATEGORIES)]
    writer.cells([(h, "jt Header") for h in headers])
    writer.height(18)
    for group in digest(statement):
        counts = [group.paragraphs, len(group.items), len(group.commitments)]
        counts += [group.by_category.get(c, 0) for c in CATEGORIES]
        writer.cells([(group.label, "jt Body"), *((n, "jt Number") for n in counts)])
    per_category = category_counts(statement)
    totals = [len(statement.paragraphs), len(statement.items), len(statement.commitments)]
    totals += [per_category[c] for c in CATEGORIES]
    writer.cells([("Whole statement", "jt Total label"), *((n, "jt Total") for n in totals)])


def _milestones(writer: _Writer, statement: Statement) -> SheetRows | None:
    writer.cells([("Upcoming milestones (dates after the statement's)", "jt Section")])
    found = milestones(statement)
    if not found:
        writer.cells([("No dated milestones after the statement's date.", "jt Value")])
        return None
    headers = ["As written", "Date", "Precision", "Item", "Area", None, "What the statement says"]
    writer.cells([(h, "jt Header") for h in [*headers, None, None, None, None]])
    writer.merge(f"E{writer.row}:F{writer.row}")
    writer.merge(f"G{writer.row}:{LAST}{writer.row}")
    # Rendered as XML like the data rows: a long statement has thousands.
    from openpyxl.utils import get_column_letter

    rows = SheetRows(writer.row + 1, [get_column_letter(i) for i in range(1, 12)])
    ids = writer.styles.id
    plain, centred = ids("jt Body"), ids("jt Body centred")
    for milestone in found:
        item = milestone.item
        text = item.text if len(item.text) <= 600 else item.text[:597] + "…"
        when = iso_date(milestone.date.value)
        day: Any = when[0] if when else clean_text(long_date(milestone.date.value))[0]
        fmt = PRECISION_FORMATS[when[1]] if when else ""
        cells: list[tuple[Any, int]] = [
            (clean_text(milestone.date.text)[0], plain),
            (day, ids("jt Body centred", number_format=fmt) if fmt else centred),
            (precision_note(when[1]) if when else None, centred),
            (item.id, ids("jt Body centred", quoted=True)),
            (clean_text(milestone.area_label)[0], plain),
            (None, plain),
            (clean_text(text)[0], ids("jt Body", quoted=needs_quote_prefix(text))),
            *((None, plain) for _ in range(4)),
        ]
        height = row_height(
            [
                (text, COUNT_WIDTH * 5),
                (milestone.area_label, COUNT_WIDTH * 2),
                (milestone.date.text, LABEL_WIDTH),
            ]
        )
        if rows.last_row > writer.row:  # not between the header and the first milestone
            writer.layout.breakable.add(rows.last_row)
        rows.add(cells, height)
        writer.layout.heights.append(height)
        writer.merge(f"E{rows.last_row}:F{rows.last_row}")
        writer.merge(f"G{rows.last_row}:{LAST}{rows.last_row}")
    return rows


def _shown(value: Any) -> Any:
    return value.cached if isinstance(value, Formula) else value
