"""From a read matrix to the follow-up records every report shows.

:class:`MatrixRecords` is what :meth:`XlsxExporter.read_followup` returns: a
mapping of item ID to :class:`~jtreport.followup.FollowUp` that also carries
the matrix it was read from, so that regenerating that same, unchanged file
later in the run does not read it again.

An officer's corrections of the category, the commitment flag and the actors
come in the same records (``category``, ``is_commitment``, ``actors``), for
:func:`jtreport.followup.apply_corrections`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from jtreport.errors import InputError
from jtreport.followup import STATUSES, FollowUp, normalise_status
from jtreport.model import CATEGORIES, Statement

from .layout import FLAG_VALUES
from .values import is_blank, shown_value, text_of

if TYPE_CHECKING:
    from .matrix import Matrix, MatrixRow
    from .typed import Placed

#: The FollowUp field each ministry column fills.
FIELDS: dict[str, str] = {
    "Lead agency": "lead_agency",
    "Supporting agencies": "supporting_agencies",
    "Counterpart agency": "counterpart_agency",
    "Status": "status",
    "Priority": "priority",
    "Next step": "next_step",
    "Due date": "due_date",
    "Evidence / source": "evidence",
    "Last updated": "last_updated",
    "Notes": "notes",
}
#: The columns read as dates.
DATE_COLUMNS = ("Due date", "Last updated")
#: What the actors column says for "both sides" (or every party).
BOTH_LABELS = ("both sides", "all parties", "both")


class MatrixRecords(Mapping[str, FollowUp]):
    """Follow-up records by item ID, with the matrix they were read from and
    what was typed in it placed on the statement's items (which the
    regeneration of that same matrix reuses)."""

    def __init__(
        self, records: dict[str, FollowUp], matrix: Matrix, placed: Placed | None = None
    ) -> None:
        self._records = records
        #: the matrix as read (its ``fingerprint`` says whether the file changed since)
        self.matrix = matrix
        #: every kept column's values placed on the statement (see :func:`.typed.kept`)
        self.placed = placed

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
    do not matter), corrected categories against the model's; due dates that
    are not dates (free text such as "Q2 2026") are left out of ``due_date``; a
    formula counts with its last calculated value.  Raises :class:`InputError`
    naming the cell for a status, category or commitment flag outside its
    vocabulary.
    """
    from .typed import kept_columns, place

    _check_vocabularies(matrix)
    placed = place(matrix, statement, kept_columns(matrix))
    for found in placed.moved:
        warnings.append(
            f"the values typed against item {found.previous.item_id} now belong to item "
            f"{found.item.id}" + (" (its text was reworded)" if found.similarity < 1 else "")
        )
    for gone in placed.gone:
        warnings.append(f"item {gone.row.item_id}: {gone.reason.lower()}; its values are not shown")
    records = {
        item.id: followup_of(item.id, placed.values.get(item.id, {})) for item in statement.items
    }
    return MatrixRecords(records, matrix, placed)


def followup_of(item_id: str, values: Mapping[str, Any]) -> FollowUp:
    """The record of one item from its typed values by header (other headers,
    and corrections outside the vocabularies, are left out)."""
    fields: dict[str, Any] = {}
    for column, value in values.items():
        shown = shown_value(value)
        if column == "Status":
            fields["status"] = normalise_status(shown)
        elif column in DATE_COLUMNS:
            fields[FIELDS[column]] = as_date(shown)
        elif column == "Priority":
            fields["priority"] = text_of(value).capitalize() or None
        elif column in FIELDS:
            fields[FIELDS[column]] = text_of(value) or None
        elif column == "Category":
            fields["category"] = category_of(shown)
        elif column == "Commitment":
            fields["is_commitment"] = flag_of(shown)
        elif column == "Actors":
            fields["actors"] = actors_of(shown)
    return FollowUp(item_id=item_id, **fields)


def category_of(value: Any) -> str | None:
    """A typed category in the model's spelling (``"Pledge "`` -> ``"pledge"``)."""
    wanted = " ".join(text_of(value).split()).casefold()
    return wanted if wanted in CATEGORIES else None


def flag_of(value: Any) -> bool | None:
    """A typed commitment flag: Yes/No (any case), or a spreadsheet's TRUE/FALSE."""
    if isinstance(value, bool):
        return value
    wanted = text_of(value).casefold()
    if wanted in ("yes", "true"):
        return True
    if wanted in ("no", "false"):
        return False
    return None


def actors_of(value: Any) -> tuple[str, ...] | None:
    """Typed actors: names separated by ``;`` or ``,``; "Both sides" is ``both``;
    "—" or nothing is no actor."""
    text = text_of(value)
    if not text:
        return None
    names = [n.strip() for n in re.split(r"[;,\n]", text) if n.strip() and n.strip() != "—"]
    if len(names) == 1 and names[0].casefold() in BOTH_LABELS:
        return ("both",)
    return tuple(names)


def invalid_correction(column: str, value: Any) -> bool:
    """True when a correction typed in ``column`` means nothing to the model."""
    if column == "Category":
        return category_of(shown_value(value)) is None
    if column == "Commitment":
        return flag_of(shown_value(value)) is None
    return False


def as_date(value: Any) -> date | None:
    """A date cell as a date: Excel dates, or text in ISO form (``2026-05-31``)."""
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


def _check_vocabularies(matrix: Matrix) -> None:
    categories = ", ".join(c.capitalize() for c in CATEGORIES)
    checks: tuple[tuple[str, Any, str], ...] = (
        ("Status", lambda v: normalise_status(v) is not None, ", ".join(STATUSES)),
        ("Category", lambda v: category_of(v) is not None, categories),
        ("Commitment", lambda v: flag_of(v) is not None, ", ".join(FLAG_VALUES)),
    )
    for sheet in matrix.data_sheets:
        for row in sheet.rows:
            for column, valid, vocabulary in checks:
                value = shown_value(row.values.get(column))
                if not is_blank(value) and not valid(value):
                    raise InputError(
                        _unknown(row, column, value, vocabulary), path=str(matrix.path)
                    )


def _unknown(row: MatrixRow, column: str, value: Any, vocabulary: str) -> str:
    return (
        f"{row.cell(column)}: unknown {column.lower()} {text_of(value)!r} "
        f"(use one of: {vocabulary})"
    )
