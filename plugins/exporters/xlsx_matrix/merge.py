"""The round trip: carry what the user typed in an existing matrix into the new one.

When the output file already holds a jtreport matrix (``options.previous``; the
core has checked with :meth:`XlsxExporter.recognizes`), it is read, never
written, and these rules decide what the regenerated workbook shows:

1. **Kept with its item.**  Every value in a ministry column, and in any column
   the user added to a data sheet (one without a header too), goes back on the
   row of the item it was typed against, on every sheet that shows that item.
   Rows are matched to items by their text (see :mod:`.identity`), so a
   redrafted statement whose items were renumbered keeps each value on its
   item under the item's new ID, and the export says which moved.  Values are
   kept as they were typed: a due date that is text ("Q2 2026") stays text, a
   formula stays a formula.
2. **Any data sheet counts.**  Values are read from the "All items" sheet and
   from every area sheet (any sheet whose header row names ``ID`` and a ministry
   column).  A value beats an empty cell.
3. **Conflicts.**  When two sheets hold different values for one item and
   column, the "All items" sheet wins (then the sheet that comes first).  The
   other value is not dropped: it goes to the Archived sheet with the reason,
   and the export prints a warning.
4. **Nothing is dropped.**  Rows whose item is no longer in the statement, and
   rows holding values but no ID, move to the "Archived" sheet with their
   values, the date they were archived and why.  Rows already on the Archived
   sheet stay there.  Sheets the user added are copied over, formulas included.
5. **``--status`` as a seed.**  Items that have no value in the existing file
   take the follow-up records given with ``--status`` (``options.followup``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jtreport.errors import ExportError, InputError
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Statement

from .layout import (
    ARCHIVED_ON,
    CORRECTABLE_COLUMNS,
    LISTS_SHEET,
)
from .records import FIELDS, MatrixRecords, invalid_correction
from .values import NO_HEADER

if TYPE_CHECKING:
    from .matrix import Matrix, OtherSheet
    from .typed import Placed

#: How many moved items a warning names before it says "and N more".
MOVED_NAMED = 20


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
    #: the previous "Lists" sheet, kept as the ministry left it (None: none yet)
    lists: OtherSheet | None = None
    #: the "due soon" days set on the previous Summary (None: the default)
    due_soon: int | None = None
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
        known = followup.placed if isinstance(followup, MatrixRecords) else None
        _from_previous(statement, previous, today, carried, known)
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
    if path is None:
        return None
    from .reading import fingerprint, matrix_marker, read_matrix, recognised_by_layout

    known = options.followup
    if (
        isinstance(known, MatrixRecords)
        and _same_file(known.matrix.path, path)
        and known.matrix.fingerprint == fingerprint(path)
    ):
        return known.matrix
    if matrix_marker(path) is None and not recognised_by_layout(path):
        return None
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


def _from_previous(
    statement: Statement, previous: Matrix, today: date, out: Carried, known: Placed | None
) -> None:
    from .typed import extra_columns, kept_columns, place

    out.extra_columns = extra_columns(previous)
    kept = kept_columns(previous)
    # the reading of the reports' statuses placed the same values already
    placed = known if known and known.placed(previous, statement, kept) else None
    placed = placed or place(previous, statement, kept)
    out.values = {item_id: dict(values) for item_id, values in placed.values.items()}
    _drop_invalid_corrections(statement, placed, today, out)

    if not previous.has_marker:
        out.warnings.append(
            "its hidden _jtreport sheet was deleted; recognised it as a jtreport matrix "
            "by its columns and kept every value (a new _jtreport sheet is written)"
        )
    for sheet in previous.archive_sheets:
        for row in sheet.rows:
            values = dict(row.values)
            if row.item_id is None and not values:
                continue
            archived_on = values.pop(ARCHIVED_ON, None)
            reason = str(values.pop("Reason", "") or "")
            out.archived.append(ArchivedRow(row.item_id, values, archived_on, reason))

    for gone in placed.gone:
        context = {k: v for k, v in gone.row.values.items() if k not in kept}
        out.archived.append(
            ArchivedRow(gone.row.item_id, {**context, **gone.values}, today, gone.reason)
        )
        out.warnings.append(
            f"item {gone.row.item_id}: {gone.reason.lower()}; its values moved to the "
            "Archived sheet"
        )
    _report_moves(placed, out)

    for conflict in placed.collected.conflicts:
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

    for row in placed.collected.orphans:
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
    for sheet in previous.data_sheets:
        unnamed = {h for r in sheet.rows for h in r.values if h.endswith(NO_HEADER)}
        for header in sorted(unnamed):
            out.warnings.append(
                f"'{sheet.name}' has values in a column without a header; kept them "
                f"under the header {header!r}"
            )
    days = previous.settings.get("due_soon")
    if isinstance(days, int | float) and not isinstance(days, bool) and 0 <= days <= 3660:
        out.due_soon = int(days)
    lists = previous.marker.get("sheet.lists", LISTS_SHEET)
    out.lists = next((s for s in previous.other_sheets if s.name == lists), None)
    out.other_sheets = [s for s in previous.other_sheets if s is not out.lists]


def _drop_invalid_corrections(
    statement: Statement, placed: Placed, today: date, out: Carried
) -> None:
    """A correction the model cannot take (a category that is none) goes to the
    Archived sheet; the cell shows jtreport's reading again."""
    texts = {item.id: item.text for item in statement.items}
    for item_id, values in out.values.items():
        for column in CORRECTABLE_COLUMNS:
            if column in values and invalid_correction(column, values[column]):
                value = values.pop(column)
                out.archived.append(
                    ArchivedRow(
                        item_id,
                        {"Text": texts.get(item_id), column: value},
                        today,
                        f"Not a {column.lower()} jtreport knows; the item shows its own "
                        "reading again",
                    )
                )
                out.warnings.append(
                    f"item {item_id}: {column} {value!r} is not one jtreport knows; moved it "
                    "to the Archived sheet"
                )


def _report_moves(placed: Placed, out: Carried) -> None:
    """Say what moved to another ID, and sum up when the statement changed."""
    renumbered = [m for m in placed.moved if m.similarity == 1]
    reworded = [m for m in placed.moved if m.similarity < 1]
    if placed.statement_changed and (placed.moved or placed.gone):
        out.warnings.append(
            "the statement is not the one this matrix was made from: "
            f"{len(renumbered)} row(s) moved with their items to new IDs, "
            f"{len(reworded)} followed a reworded item, "
            f"{len(placed.gone)} archived (their items are no longer in the statement)"
        )
    if renumbered:
        named = ", ".join(f"{m.previous.item_id} → {m.item.id}" for m in renumbered[:MOVED_NAMED])
        more = len(renumbered) - MOVED_NAMED
        out.warnings.append(
            f"values moved with their items to new IDs: {named}"
            + (f" and {more} more" if more > 0 else "")
        )
    for found in reworded:
        was = f" (was {found.previous.item_id})" if found.moved else ""
        out.warnings.append(
            f"item {found.item.id}{was}: its text was reworded ({found.similarity:.0%} of "
            "its words kept); the values typed against it moved with it: check they still apply"
        )


def _from_followup(statement: Statement, followup: Mapping[str, FollowUp], out: Carried) -> None:
    for item in statement.items:
        record = followup.get(item.id)
        if record is None or record.is_empty or out.values.get(item.id):
            continue
        values = {column: getattr(record, name) for column, name in FIELDS.items()}
        out.values[item.id] = {k: v for k, v in values.items() if v}
