"""The Word note does its work once: its front sheet tries fewer lines to take
without working the briefing out again, and whether a matrix is being tracked
is worked out once, not per row.  Outcomes only: no timing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Statement
from jtreport.plugins.exporters.docx_note.context import NoteContext

CREATED = datetime(2026, 1, 15, 9, 30, 0)


def test_tracking_is_worked_out_once(bundled: Statement) -> None:
    records = {bundled.items[0].id: FollowUp(item_id=bundled.items[0].id, status="Planned")}
    options = ExportOptions(
        destination=Path("note.docx"), created=CREATED, as_of=date(2026, 1, 15), followup=records
    )
    context = NoteContext.build(bundled, options)
    assert context.tracking
    records.clear()  # asked again, the answer is the one worked out
    assert context.tracking
    empty = ExportOptions(destination=Path("note.docx"), created=CREATED, followup={})
    assert not NoteContext.build(bundled, empty).tracking


def test_fewer_lines_to_take_are_what_a_new_briefing_gives(bundled: Statement) -> None:
    from jtreport.digest.briefing import brief, with_line_budget

    full = brief(bundled, as_of=date(2026, 1, 15), line_budget=16)
    for budget in (12, 6, 4, 1):
        fewer = with_line_budget(full, budget)
        assert fewer == brief(bundled, as_of=date(2026, 1, 15), line_budget=budget)
        assert sum(len(group.lines) for group in fewer.lines) <= max(budget, len(fewer.lines))
