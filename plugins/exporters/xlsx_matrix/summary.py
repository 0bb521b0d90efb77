"""The Summary sheet, for a head of division: what the statement is, where
follow-up stands against an as-of date (overdue, due soon, commitments without
a lead agency), commitments by area and status, how much the statement holds
per area and category, the dated milestones ahead, and what each status means.

The follow-up figures are live formulas over "All items" (the one place values
are typed), through the names of :mod:`.names`; the as-of date and the "due
soon" days are cells the reader may change to count again.  Each formula also
carries the value it has when the matrix is made (see :class:`Figures`), for
programs that show a workbook without calculating it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from jtreport import __version__
from jtreport.digest import area_label, category_counts, digest
from jtreport.followup import CLOSED_STATUSES, STATUS_MEANINGS, STATUSES, normalise_status
from jtreport.formats import ExportOptions
from jtreport.model import CATEGORIES, Person, Statement

from .cells import CellMaker, Formula
from .dates import iso_date, precision_note
from .milestonerows import milestone_rows
from .names import AS_OF, DUE_SOON_DAYS, column_name
from .records import as_date
from .styles import PRECISION_FORMATS, STATUS_STYLES, Styles
from .summaryrows import COUNT_WIDTH, LABEL_WIDTH, SummaryLayout, SummaryWriter

#: How many days ahead a due date counts as "due soon", until the reader changes it.
DUE_SOON = 30

_STATUS = column_name("Status")
_DUE = column_name("Due date")
_FLAG = column_name("Commitment")
_LEAD = column_name("Lead agency")
_AREA = column_name("Area")
_IDS = column_name("ID")
_OPEN = "".join(f'*({_STATUS}<>"{s}")' for s in CLOSED_STATUSES)


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
    writer = SummaryWriter(ws, styles, maker)
    title = statement.title or "Joint statement"
    writer.merged(title, "jt Title", "A")
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
    _counts(writer, statement)
    writer.skip()
    milestone_rows(writer, statement)
    writer.skip()
    _meanings(writer)
    writer.finish()
    ws.sheet_view.showGridLines = False
    return writer.layout


def _details(writer: SummaryWriter, statement: Statement, options: ExportOptions) -> None:
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


def _glance(writer: SummaryWriter, options: ExportOptions, typed: list[Typed], days: int) -> None:
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
    writer.merge(f"D{writer.row}:G{writer.row}")
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


def _grid(writer: SummaryWriter, statement: Statement, typed: list[Typed]) -> None:
    """Commitments by area and status, and the other items that have a status."""
    from openpyxl.utils import get_column_letter

    writer.cells([("Commitments by area and status", "jt Section")])
    headers = ["Area", *STATUSES, "No status", "Total"]
    writer.cells([(h, "jt Header") for h in headers])
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


def _meanings(writer: SummaryWriter) -> None:
    """The status vocabulary, one meaning each, in the colours the matrix uses."""
    writer.cells([("What each status means", "jt Section")])
    for status, meaning in STATUS_MEANINGS.items():
        fill, ink = STATUS_STYLES[status]
        label = writer.styles.painted("jt Label", fill, ink)
        writer.merged(
            meaning[:1].upper() + meaning[1:] + ".", "jt Value", "B", before=[(status, label)]
        )


def _counts(writer: SummaryWriter, statement: Statement) -> None:
    writer.cells([("Paragraphs, items and commitments by area and category", "jt Section")])
    headers = ["Area", "Paragraphs", "Items", "Commitments", *(c.capitalize() for c in CATEGORIES)]
    writer.cells([(h, "jt Header") for h in headers])
    for group in digest(statement):
        counts = [group.paragraphs, len(group.items), len(group.commitments)]
        counts += [group.by_category.get(c, 0) for c in CATEGORIES]
        writer.cells([(group.label, "jt Body"), *((n, "jt Number") for n in counts)])
    per_category = category_counts(statement)
    totals = [len(statement.paragraphs), len(statement.items), len(statement.commitments)]
    totals += [per_category[c] for c in CATEGORIES]
    writer.cells([("Whole statement", "jt Total label"), *((n, "jt Total") for n in totals)])


def _shown(value: Any) -> Any:
    return value.cached if isinstance(value, Formula) else value
