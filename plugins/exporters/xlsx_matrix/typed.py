"""What was typed in a previous matrix, placed on the items of the new statement.

Values are gathered per row's item ID over every data sheet (:func:`.reading.collect`),
then each row is matched to the item it was typed against by its text
(:mod:`.identity`), so that a redrafted, renumbered statement keeps every value on
its own item.  A row whose item is gone is reported, never guessed onto another.
A row with no text to match (the user typed an ID by hand) keeps its ID only
when the statement is the very one the matrix was made from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from jtreport.model import Statement

from .cells import clean_text
from .identity import Match, Previous, match
from .layout import CORRECTABLE_COLUMNS, MINISTRY_COLUMNS, OWN_HEADERS
from .matrix import Collected, Matrix, MatrixRow, collect
from .values import NO_HEADER, text_of


@dataclass(frozen=True)
class Gone:
    """Values typed against an item the new statement no longer has."""

    row: MatrixRow
    values: dict[str, Any]
    reason: str


@dataclass
class Placed:
    """Typed values by the new statement's item IDs, and what did not fit."""

    #: header -> value, by new item ID
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: rows whose item now has another ID, or a reworded text
    moved: list[Match] = field(default_factory=list)
    gone: list[Gone] = field(default_factory=list)
    collected: Collected = field(default_factory=Collected)
    #: True when the statement's bytes differ from those the matrix was made from
    statement_changed: bool = False
    #: the row each previous item ID was read from (the items sheet's first)
    rows: dict[str, MatrixRow] = field(default_factory=dict)
    #: what was placed: the columns, from which matrix, on which statement
    columns: tuple[str, ...] = ()
    matrix: Matrix | None = field(default=None, repr=False, compare=False)
    statement: Statement | None = field(default=None, repr=False, compare=False)

    def placed(self, matrix: Matrix, statement: Statement, columns: Sequence[str]) -> bool:
        """True when this is the placement of ``columns`` of ``matrix`` on
        ``statement`` (the very objects)."""
        return (
            self.matrix is matrix
            and self.statement is statement
            and (self.columns == tuple(columns))
        )


def kept_columns(matrix: Matrix) -> tuple[str, ...]:
    """The columns whose values a regeneration keeps: the ministry's, the
    corrections, and the columns the user added (in the order first seen)."""
    return (*MINISTRY_COLUMNS, *CORRECTABLE_COLUMNS, *extra_columns(matrix))


def extra_columns(matrix: Matrix) -> list[str]:
    """The headers of the columns the user added to the data sheets, and of
    columns without a header that hold values."""
    seen: dict[str, None] = {}
    for sheet in matrix.ordered_sheets():
        for header in sheet.headers:
            if header and header not in OWN_HEADERS and not header.endswith(NO_HEADER):
                seen.setdefault(header, None)
        for row in sheet.rows:
            for header in row.values:
                if header not in OWN_HEADERS:
                    seen.setdefault(header, None)
    return list(seen)


def place(matrix: Matrix, statement: Statement, columns: Sequence[str]) -> Placed:
    """The values of ``columns`` typed in ``matrix``, on ``statement``'s items.

    The correctable statement columns (category, commitment, actors) count only
    where an officer corrected them (see :func:`is_correction`).
    """
    placed = Placed(
        collected=collect(matrix, columns),
        columns=tuple(columns),
        matrix=matrix,
        statement=statement,
    )
    _keep_corrections(matrix, statement, placed.collected, columns)
    placed.statement_changed = _statement_changed(matrix, statement)
    texts: dict[str, str] = {}
    for sheet in matrix.ordered_sheets():
        for row in sheet.rows:
            if row.item_id is not None:
                placed.rows.setdefault(row.item_id, row)
                # the text it was typed against: the items sheet's, else an area sheet's
                texts.setdefault(row.item_id, text_of(row.values.get("Text")) or "")
                if not texts[row.item_id]:
                    texts[row.item_id] = text_of(row.values.get("Text"))
    typed = placed.collected.values
    previous: list[Previous] = []
    by_id = {item.id: item for item in statement.items}
    blank: list[str] = []
    for position, item_id in enumerate(typed):
        row = placed.rows[item_id]
        text = texts.get(item_id, "")
        if not text:
            blank.append(item_id)
            continue
        paragraph = _number(row.values.get("Paragraph"))
        previous.append(Previous(item_id, text, paragraph, position))
    matching = match(previous, statement.items, lambda t: clean_text(t)[0])
    taken = {m.item.id for m in matching.matches.values()}
    for item_id in blank:
        row = placed.rows[item_id]
        values = _values(typed[item_id])
        if item_id in by_id and item_id not in taken and not placed.statement_changed:
            placed.values[item_id] = values
            taken.add(item_id)
        else:
            reason = "Row without the statement's text, so its item cannot be told"
            placed.gone.append(Gone(row, values, reason))
    for item_id, found in matching.matches.items():
        placed.values[found.item.id] = _values(typed[item_id])
        if found.moved or found.similarity < 1:
            placed.moved.append(found)
    for row_match, closest, score in matching.unmatched:
        row = placed.rows[row_match.item_id]
        reason = "Item no longer in the statement"
        if closest is not None and score >= 0.5:
            reason += f" (the closest, {closest.id}, keeps {score:.0%} of its words)"
        placed.gone.append(Gone(row, _values(typed[row_match.item_id]), reason))
    placed.moved.sort(key=lambda m: m.previous.position)
    return placed


#: The model field each correctable column shows.
CORRECTED_FIELDS: dict[str, str] = {
    "Category": "category",
    "Commitment": "is_commitment",
    "Actors": "actors",
}


def is_correction(
    matrix: Matrix, item_id: str, column: str, value: Any, reading: str | None
) -> bool:
    """True when ``value``, in a correctable ``column`` of item ``item_id``'s row,
    is an officer's correction rather than jtreport's reading.

    Against the marker's record of what was written: a value that differs from
    it, or one that was a correction already.  An empty cell is none (clearing
    it goes back to jtreport's reading).  Without a record: never in a matrix
    made before corrections existed (layout 1); in a matrix whose marker was
    deleted, a value that differs from ``reading`` (the statement's own).
    """
    text = _folded(value)
    if not text:
        return False
    field = CORRECTED_FIELDS[column]
    written = matrix.written.get(item_id)
    if written is not None:
        return field in written.corrected or text != _folded(written.shown(field))
    if matrix.has_marker or reading is None:
        return False
    return text != _folded(reading)


def _keep_corrections(
    matrix: Matrix, statement: Statement, collected: Collected, columns: Sequence[str]
) -> None:
    """Drop the correctable columns' values that are jtreport's own reading."""
    from jtreport.digest import actors_label

    by_id = {item.id: item for item in statement.items}
    for item_id in list(collected.values):
        located = collected.values[item_id]
        item = by_id.get(item_id)
        readings = {
            "Category": item.category if item else None,
            "Commitment": ("Yes" if item.is_commitment else "No") if item else None,
            "Actors": actors_label(statement, item) if item else None,
        }
        for column in CORRECTED_FIELDS:
            found = located.get(column)
            if found is not None and not is_correction(
                matrix, item_id, column, found.value, readings[column]
            ):
                del located[column]
        if not located:
            del collected.values[item_id]
    typed = set(columns) - set(CORRECTED_FIELDS)
    collected.orphans = [r for r in collected.orphans if typed & set(r.values)]


def _folded(value: Any) -> str:
    return " ".join(text_of(value).split()).casefold()


def _values(located: dict[str, Any]) -> dict[str, Any]:
    return {column: found.value for column, found in located.items()}


def _number(value: Any) -> int | None:
    text = text_of(value)
    return int(text) if text.isdigit() else None


def _statement_changed(matrix: Matrix, statement: Statement) -> bool:
    recorded = matrix.marker.get("statement_sha256", "")
    current = statement.source.sha256 if statement.source else ""
    return not recorded or not current or recorded != current
