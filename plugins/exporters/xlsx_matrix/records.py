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
from .reading import Located, Matrix, collect, text_of

#: The FollowUp field each ministry column fills.
FIELDS: dict[str, str] = {
    "Lead agency": "lead_agency",
    "Supporting agencies": "supporting_agencies",
    "Status": "status",
    "Next step": "next_step",
    "Due date": "due_date",
    "Notes": "notes",
}


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
    """The ministry's record for every item of ``statement`` found in ``matrix``.

    Statuses are checked against :data:`STATUSES` (case and surrounding spaces
    do not matter); due dates that are not dates (free text such as
    "Q2 2026") are left out of ``due_date``.  Archived rows are not read.

    Raises :class:`InputError` naming the cell for a status outside the vocabulary.
    """
    _check_statuses(matrix)
    merged = collect(matrix, MINISTRY_COLUMNS)
    ids = {item.id for item in statement.items}
    records: dict[str, FollowUp] = {}
    for sheet in matrix.ordered_sheets():
        for row in sheet.rows:
            if row.item_id in ids and row.item_id not in records:
                records[row.item_id] = _followup(row.item_id, merged.values.get(row.item_id, {}))
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
            value = row.values.get("Status")
            if value is not None and normalise_status(value) is None:
                raise InputError(
                    f"{sheet.cell(row, 'Status')}: unknown status {text_of(value)!r} "
                    f"(use one of: {', '.join(STATUSES)})",
                    path=str(matrix.path),
                )


def _followup(item_id: str, values: dict[str, Located]) -> FollowUp:
    fields: dict[str, Any] = {}
    for column, located in values.items():
        name = FIELDS[column]
        if column == "Status":
            fields[name] = normalise_status(located.value)
        elif column == "Due date":
            fields[name] = as_date(located.value)
        else:
            fields[name] = text_of(located.value) or None
    return FollowUp(item_id=item_id, **fields)
