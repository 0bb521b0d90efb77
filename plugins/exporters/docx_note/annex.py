"""The annex: every item of the statement in one table."""

from __future__ import annotations

from collections.abc import Iterator

from jtreport.digest import area_label, day_date, long_date, partners
from jtreport.model import DateMention, Item

from . import styles as S
from .context import NoteContext
from .ooxml import Cell, Inline
from .text import count, with_subject
from .writer import NoteWriter

HEADING = "Annex: all statement items"
COLUMNS = ("ID", "Area", "Category", "Text", "Partners", "Dates")
FOLLOWUP_COLUMNS = ("Status", "Lead agency")
# Columns of short values get a fixed width in cm (enough for "appreciation" or
# "September 2025" in the table text style); the others share what is left.
FIXED_CM = {"ID": 1.2, "Category": 2.1, "Dates": 2.4, "Status": 2.3}
SHARES = {"Area": 0.13, "Text": 0.6, "Partners": 0.27}
FOLLOWUP_SHARES = {"Area": 0.15, "Text": 0.47, "Partners": 0.22, "Lead agency": 0.16}
_TWIPS_PER_CM = 567


def annex(out: NoteWriter, ctx: NoteContext, *, new_page: bool = False) -> None:
    """A heading, a line on how to read the table, and the table itself."""
    out.heading(1, HEADING, new_page=new_page)
    st = ctx.statement
    if not st.items:
        out.para(S.NORMAL, "The statement holds no items.")
        return
    review = sum(1 for i in st.items if i.review)
    flagged = (
        f" {count(review, 'item')} {'is' if review == 1 else 'are'} flagged for review: "
        "check them against the statement."
        if review
        else ""
    )
    out.para(
        S.AREA_NOTE,
        f"All {len(st.items)} items of the statement, in order. Commitments to future "
        f"action have their ID in bold; an arrow (→) marks a date after the statement's."
        f"{flagged}",
    )
    header = list(COLUMNS)
    flexible = SHARES
    if ctx.tracking:
        header += FOLLOWUP_COLUMNS
        flexible = FOLLOWUP_SHARES
    out.table(column_widths(header, flexible, out.text_width()), header, _rows(out, ctx))


def column_widths(header: list[str], flexible: dict[str, float], width: int) -> list[float]:
    """Widths in twips: fixed columns first, the rest of ``width`` shared out."""
    fixed = sum(FIXED_CM.get(name, 0) * _TWIPS_PER_CM for name in header)
    rest = max(width - fixed, width * 0.4)
    return [
        FIXED_CM[name] * _TWIPS_PER_CM if name in FIXED_CM else rest * flexible[name]
        for name in header
    ]


def _rows(out: NoteWriter, ctx: NoteContext) -> Iterator[list[Cell]]:
    st = ctx.statement
    labels: dict[str | None, str] = {}
    for item in st.items:
        if item.area_id not in labels:
            labels[item.area_id] = area_label(st, item.area_id)
        row: list[Cell] = [
            [[out.label(item.id) if item.is_commitment else item.id]],
            [[labels[item.area_id]]],
            _category(out, item),
            [[with_subject(st, item)]],
            [["; ".join(partners(item))]],
            [[_date(d)] for d in item.dates],
        ]
        if ctx.tracking:
            row.append(_status(out, ctx, item))
            record = ctx.record(item)
            row.append([[record.lead_agency or ""]] if record else [[]])
        yield row


def _status(out: NoteWriter, ctx: NoteContext, item: Item) -> Cell:
    """The status with its colour mark, the due date, and "overdue" when it is."""
    record = ctx.record(item)
    if record is None:
        return [[]]
    lines: list[list[Inline]] = []
    if record.status:
        lines.append([out.status_mark(record.status), record.status])
    if record.due_date:
        lines.append([f"due {day_date(record.due_date)}"])
    if ctx.is_overdue(item):
        lines.append([out.label("overdue")])
    return lines or [[]]


def _date(mention: DateMention) -> str:
    """``→ May 2026`` for a date after the statement's, ``14 February 2025`` before."""
    when = long_date(mention.value) or mention.text
    return f"→ {when}" if mention.future else when


def _category(out: NoteWriter, item: Item) -> Cell:
    lines: list[list[Inline]] = [[item.category]]
    if item.is_commitment:
        lines.append([out.label("commitment")])
    if item.corrected:
        lines.append([f"corrected: {', '.join(item.corrected)}"])
    if item.review:
        lines.append([out.label("check: flagged for review")])
    return lines
