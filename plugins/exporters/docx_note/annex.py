"""The annex: every item of the statement in one table."""

from __future__ import annotations

from collections.abc import Iterator

from jtreport.digest import area_label, partners
from jtreport.model import DateMention, Item

from . import styles as S
from .context import NoteContext
from .ooxml import Cell
from .text import long_date
from .writer import NoteWriter

COLUMNS = ("ID", "Area", "Category", "Text", "Partners", "Dates")
SHARES = (1.2, 2.8, 2.2, 11.0, 5.0, 2.2)
FOLLOWUP_COLUMNS = ("Status", "Lead agency")
FOLLOWUP_SHARES = (1.2, 2.4, 2.2, 8.6, 4.0, 2.0, 1.9, 2.3)


def annex(out: NoteWriter, ctx: NoteContext) -> None:
    """A heading, a line on how to read the table, and the table itself."""
    out.heading(1, "Annex: all statement items")
    st = ctx.statement
    if not st.items:
        out.para(S.NORMAL, "The statement holds no items.")
        return
    out.para(
        S.AREA_NOTE,
        f"All {len(st.items)} items of the statement, in order. Commitments to future "
        "action have their ID in bold; an arrow (→) marks a date after the statement's.",
    )
    header = list(COLUMNS)
    shares = list(SHARES)
    if ctx.followup is not None:
        header += FOLLOWUP_COLUMNS
        shares = list(FOLLOWUP_SHARES)
    out.table(shares, header, _rows(out, ctx))


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
            [[item.text.strip()]],
            [["; ".join(partners(item))]],
            [[_date(d)] for d in item.dates],
        ]
        if ctx.followup is not None:
            record = ctx.record(item)
            row.append([[record.status or ""]] if record else [[]])
            row.append([[record.lead_agency or ""]] if record else [[]])
        yield row


def _date(mention: DateMention) -> str:
    """``→ May 2026`` for a date after the statement's, ``14 February 2025`` before."""
    when = long_date(mention.value) or mention.text
    return f"→ {when}" if mention.future else when


def _category(out: NoteWriter, item: Item) -> Cell:
    if item.is_commitment:
        return [[item.category], [out.label("commitment")]]
    return [[item.category]]
