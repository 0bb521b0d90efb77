"""The Word note does its work once: its package is written in one pass (the
same bytes as saving with python-docx and rewriting the archive), its front
sheet tries fewer lines to take without working the briefing out again, and
whether a matrix is being tracked is worked out once, not per row.  Outcomes
only: no timing."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Statement
from jtreport.plugins.exporters.docx_note import DocxExporter, package
from jtreport.plugins.exporters.docx_note.context import NoteContext

CREATED = datetime(2026, 1, 15, 9, 30, 0)


def _note(statement: Statement, **kw: object) -> bytes:
    options = ExportOptions(
        destination=Path("note.docx"), created=CREATED, as_of=date(2026, 1, 15), **kw
    )  # type: ignore[arg-type]
    out = io.BytesIO()
    DocxExporter().export(statement, out, options)
    return out.getvalue()


def test_one_pass_package_is_what_saving_and_rewriting_gives(
    bundled: Statement, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_pass = _note(bundled)
    # python-docx's package writer unavailable: saved, then rewritten
    monkeypatch.setattr(package, "_write_package", lambda document, sink: False)
    assert _note(bundled) == one_pass
    with zipfile.ZipFile(io.BytesIO(one_pass)) as note:
        assert {i.date_time for i in note.infolist()} == {(2026, 1, 15, 9, 30, 0)}
        assert b"<?" not in note.read("word/document.xml").split(b"?>", 1)[1]


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
