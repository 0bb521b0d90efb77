"""Milestones and deadlines: the dated events the statement names after its own
date and the due dates recorded in the matrix, in date order, each placed for
the reader (passed, before the meeting, later) and overdue ones flagged."""

from __future__ import annotations

from datetime import date

from jtreport.digest import day_date, long_date, period
from jtreport.digest.briefing import event_name

from . import styles as S
from .context import NoteContext
from .ooxml import Cell, Inline
from .text import paragraph_ref, shorten, undertaking
from .writer import NoteWriter

HEADING = "Milestones and deadlines"
#: Words of an item a row keeps (cut at a clause boundary).
ROW_WORDS = 30


def milestones_and_deadlines(out: NoteWriter, ctx: NoteContext) -> None:
    """A table of every dated event and due date, earliest first."""
    out.heading(1, HEADING)
    briefing = ctx.briefing
    meeting = briefing.meeting_date
    reader = f"As of {day_date(briefing.as_of)}"
    reader += (
        f", for the meeting on {day_date(meeting)}" if meeting else ", with no meeting date set"
    )
    rows: list[tuple[date, int, list[Cell]]] = []
    for n, milestone in enumerate(ctx.milestones):
        span = period(milestone.date.value)
        rows.append(
            (
                span[0] if span else date.max,
                n,
                [
                    [[long_date(milestone.date.value) or milestone.date.text]],
                    [[_capital(event_name(ctx.statement, milestone))]],
                    [[milestone.timing or ""]],
                    [[f"{milestone.item.id} ({paragraph_ref(milestone.item)})"]],
                ],
            )
        )
    for n, deadline in enumerate(ctx.deadlines, len(rows)):
        record = deadline.record
        what = record.next_step or shorten(undertaking(ctx.statement, deadline.item), ROW_WORDS)
        state: list[Inline] = [out.status_mark(record.status), record.status or "no status"]
        if deadline.overdue:
            state += [", ", out.label("overdue")]
        rows.append(
            (
                deadline.due,
                n,
                [
                    [[f"Due {day_date(deadline.due)}"]],
                    [[what]],
                    [state],
                    [[f"{deadline.item.id} ({paragraph_ref(deadline.item)})"]],
                ],
            )
        )
    if not rows:
        out.para(
            S.NORMAL,
            f"{reader}: the statement names no dated event after its own date, and the "
            "matrix records no due date.",
        )
        return
    out.para(S.AREA_NOTE, f"{reader}. Events the statement names, and due dates from the matrix.")
    rows.sort(key=lambda row: (row[0], row[1]))
    out.table(
        [2.6, 8.6, 3.4, 2.2], ["When", "What", "Where it falls", "Item"], [r[2] for r in rows]
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
