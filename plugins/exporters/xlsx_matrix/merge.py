"""The round trip: carry what the user typed in an existing matrix into the new one.

When the output file already holds a jtreport matrix (``options.previous``; the
core has checked with :meth:`XlsxExporter.recognizes`), it is read, never
written, and these rules decide what the regenerated workbook shows:

1. **Keyed by item ID.**  Every value in a ministry column (Lead agency,
   Supporting agencies, Status, Next step, Due date, Notes), and in any column
   the user added to a data sheet, goes back on the row with the same item ID,
   on every data sheet that shows that item.  Values are kept as they were typed:
   a due date that is text ("Q2 2026") stays text.
2. **Any data sheet counts.**  Values are read from the "All items" sheet and
   from every area sheet (any sheet whose header row names ``ID`` and a ministry
   column).  A value beats an empty cell, so typing on either sheet is enough.
   To clear a value, clear it on every sheet that shows the item.
3. **Conflicts.**  When two sheets hold different values for one item and
   column, the "All items" sheet wins (then the sheet that comes first).  The
   other value is not dropped: it goes to the Archived sheet with the reason,
   and the export prints a warning.
4. **Nothing is dropped.**  Rows whose item ID is no longer in the statement,
   and rows holding values but no ID, move to the "Archived" sheet with their
   values, the date they were archived and why.  Rows already on the Archived
   sheet stay there.  Sheets the user added are copied over as values.
5. **``--status`` as a seed.**  Items that have no value in the existing file
   take the follow-up records given with ``--status`` (``options.followup``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jtreport.errors import ExportError, InputError
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Statement

from .layout import ARCHIVED_ON, MINISTRY_COLUMNS, OWN_HEADERS
from .reading import (
    Matrix,
    MatrixRow,
    OtherSheet,
    collect,
    fingerprint,
    matrix_marker,
    read_matrix,
)
from .records import MatrixRecords


@dataclass(frozen=True)
class ArchivedRow:
    """A row of the Archived sheet: what the item was, what was typed, and why."""

    item_id: str | None
    #: every other cell of the row, by header (statement and ministry columns, extras)
    values: dict[str, Any]
    archived_on: Any
    reason: str


@dataclass
class Carried:
    """What the new workbook takes over from the old one."""

    #: ministry and extra-column values by item ID, then by header
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: headers of the columns the user added to data sheets, in order
    extra_columns: list[str] = field(default_factory=list)
    archived: list[ArchivedRow] = field(default_factory=list)
    other_sheets: list[OtherSheet] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def carry_over(
    statement: Statement,
    previous: Matrix | None,
    followup: Mapping[str, FollowUp] | None,
    today: date,
) -> Carried:
    """Apply the module's rules: the values the new matrix must show."""
    carried = Carried()
    if previous is not None:
        _from_previous(statement, previous, today, carried)
    if followup:
        _from_followup(statement, followup, carried)
    return carried


def load_previous(options: ExportOptions) -> Matrix | None:
    """The matrix at ``options.previous`` (None when there is none, or when the
    file there is not a matrix: the user forced its replacement).

    The matrix read earlier in this run for the reports' statuses
    (``options.followup``) is used when it is this same, unchanged file.  A
    read failure is an ``ExportError``: never overwrite a file whose values
    could not be carried over.
    """
    path = options.previous
    if path is None or matrix_marker(path) is None:
        return None
    known = options.followup
    if (
        isinstance(known, MatrixRecords)
        and _same_file(known.matrix.path, path)
        and known.matrix.fingerprint == fingerprint(path)
    ):
        return known.matrix
    try:
        return read_matrix(path)
    except InputError as exc:
        raise ExportError(
            f"cannot read the existing matrix to carry its values over ({exc.message}); "
            "move it away or repair it, then run again",
            path=str(path),
        ) from exc


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _extra_columns(previous: Matrix) -> list[str]:
    seen: dict[str, None] = {}
    for sheet in previous.ordered_sheets():
        for header in sheet.headers:
            if header and header not in OWN_HEADERS:
                seen.setdefault(header, None)
        for row in sheet.rows:
            for header in row.values:
                if header not in OWN_HEADERS:
                    seen.setdefault(header, None)
    return list(seen)


def _from_previous(statement: Statement, previous: Matrix, today: date, out: Carried) -> None:
    out.extra_columns = _extra_columns(previous)
    kept = (*MINISTRY_COLUMNS, *out.extra_columns)
    merged = collect(previous, kept)
    current = {item.id for item in statement.items}
    first_rows: dict[str, MatrixRow] = {}
    for sheet in previous.ordered_sheets():
        for row in sheet.rows:
            if row.item_id is not None:
                first_rows.setdefault(row.item_id, row)

    for sheet in previous.archive_sheets:
        for row in sheet.rows:
            values = dict(row.values)
            archived_on = values.pop(ARCHIVED_ON, None)
            reason = str(values.pop("Reason", "") or "")
            out.archived.append(ArchivedRow(row.item_id, values, archived_on, reason))

    for item_id, located in merged.values.items():
        values = {column: found.value for column, found in located.items()}
        if item_id in current:
            out.values[item_id] = values
            continue
        row = first_rows[item_id]
        context = {k: v for k, v in row.values.items() if k not in kept}
        out.archived.append(
            ArchivedRow(item_id, {**context, **values}, today, "Item no longer in the statement")
        )
        out.warnings.append(
            f"item {item_id} is no longer in the statement; its values moved to the Archived sheet"
        )

    for conflict in merged.conflicts:
        kept_at = conflict.kept
        context = {k: v for k, v in conflict.row.values.items() if k not in kept}
        out.archived.append(
            ArchivedRow(
                conflict.item_id,
                {**context, conflict.column: conflict.lost.value},
                today,
                f"Conflicting {conflict.column}: {conflict.lost.cell} held this value; "
                f"the value in {kept_at.cell} was kept",
            )
        )
        out.warnings.append(
            f"item {conflict.item_id}: {conflict.column} differs between {kept_at.cell} "
            f"and {conflict.lost.cell}; kept the first, archived the other"
        )

    for row in merged.orphans:
        out.archived.append(
            ArchivedRow(
                None,
                dict(row.values),
                today,
                f"Row without an item ID ('{row.sheet}' row {row.row})",
            )
        )
        out.warnings.append(
            f"'{row.sheet}' row {row.row} holds values but no item ID; moved to the Archived sheet"
        )
    out.other_sheets = list(previous.other_sheets)


def _from_followup(statement: Statement, followup: Mapping[str, FollowUp], out: Carried) -> None:
    for item in statement.items:
        record = followup.get(item.id)
        if record is None or record.is_empty or out.values.get(item.id):
            continue
        values = {
            "Lead agency": record.lead_agency,
            "Supporting agencies": record.supporting_agencies,
            "Status": record.status,
            "Next step": record.next_step,
            "Due date": record.due_date,
            "Notes": record.notes,
        }
        out.values[item.id] = {k: v for k, v in values.items() if v}
