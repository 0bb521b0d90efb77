"""From a read matrix to the follow-up records every report shows.

:class:`MatrixRecords` is what :meth:`XlsxExporter.read_followup` returns: a
mapping of item ID to :class:`~jtreport.followup.FollowUp` that also carries
the matrix it was read from, so that regenerating that same, unchanged file
later in the run does not read it again.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from jtreport.errors import InputError
from jtreport.followup import STATUSES, FollowUp, normalise_status
from jtreport.model import Statement

from .layout import MINISTRY_COLUMNS
from .reading import Matrix, is_blank, shown_value, text_of

#: The FollowUp field each ministry column fills.
FIELDS: dict[str, str] = {
    "Lead agency": "lead_agency",
    "Supporting agencies": "supporting_agencies",
    "Status": "status",
    "Next step": "next_step",
    "Due date": "due_date",
    "Notes": "notes",
}
#: The columns read as dates.
DATE_COLUMNS = ("Due date",)


class MatrixRecords(Mapping[str, FollowUp]):
    """Follow-up records by item ID, with the matrix they were read from."""

    def __init__(self, records: dict[str, FollowUp], matrix: Matrix) -> None:
        self._records = records
        #: the matrix as read (its ``fingerprint`` says whether the file changed since)
        self.matrix = matrix

    def __getitem__(self, item_id: str) -> FollowUp:
        return self._records[item_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


def followup_records(matrix: Matrix, statement: Statement, warnings: list[str]) -> MatrixRecords:
    """The ministry's record for every item of ``statement``, from what was
    typed in ``matrix`` against it (rows matched to items by their text, see
    :mod:`.typed`); archived rows are not read.

    Statuses are checked against :data:`STATUSES` (case and surrounding spaces
    do not matter); due dates that are not dates (free text such as
    "Q2 2026") are left out of ``due_date``; a formula counts with its last
    calculated value.  Raises :class:`InputError` naming the cell for a status
    outside the vocabulary.
    """
    from .typed import place

    _check_statuses(matrix)
    placed = place(matrix, statement, MINISTRY_COLUMNS)
    for found in placed.moved:
        warnings.append(
            f"the values typed against item {found.previous.item_id} now belong to item "
            f"{found.item.id}" + (" (its text was reworded)" if found.similarity < 1 else "")
        )
    for gone in placed.gone:
        warnings.append(f"item {gone.row.item_id}: {gone.reason.lower()}; its values are not shown")
    records = {
        item.id: _followup(item.id, placed.values.get(item.id, {})) for item in statement.items
    }
    return MatrixRecords(records, matrix)


def as_date(value: Any) -> date | None:
    """A due-date cell as a date: Excel dates, or text in ISO form (``2026-05-31``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _check_statuses(matrix: Matrix) -> None:
    for sheet in matrix.data_sheets:
        for row in sheet.rows:
            value = shown_value(row.values.get("Status"))
            if not is_blank(value) and normalise_status(value) is None:
                raise InputError(
                    f"{sheet.cell(row, 'Status')}: unknown status {text_of(value)!r} "
                    f"(use one of: {', '.join(STATUSES)})",
                    path=str(matrix.path),
                )


def _followup(item_id: str, values: dict[str, Any]) -> FollowUp:
    fields: dict[str, Any] = {}
    for column, value in values.items():
        name = FIELDS.get(column)
        if name is None:
            continue
        if column == "Status":
            fields[name] = normalise_status(shown_value(value))
        elif column in DATE_COLUMNS:
            fields[name] = as_date(shown_value(value))
        else:
            fields[name] = text_of(value) or None
    return FollowUp(item_id=item_id, **fields)
