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
from .reading import Collected, Matrix, MatrixRow, collect, text_of


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


def place(matrix: Matrix, statement: Statement, columns: Sequence[str]) -> Placed:
    """The values of ``columns`` typed in ``matrix``, on ``statement``'s items."""
    placed = Placed(collected=collect(matrix, columns))
    placed.statement_changed = _statement_changed(matrix, statement)
    for sheet in matrix.ordered_sheets():
        for row in sheet.rows:
            if row.item_id is not None:
                placed.rows.setdefault(row.item_id, row)
    typed = placed.collected.values
    previous: list[Previous] = []
    by_id = {item.id: item for item in statement.items}
    blank: list[str] = []
    for position, item_id in enumerate(typed):
        row = placed.rows[item_id]
        text = text_of(row.values.get("Text"))
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


def _values(located: dict[str, Any]) -> dict[str, Any]:
    return {column: found.value for column, found in located.items()}


def _number(value: Any) -> int | None:
    text = text_of(value)
    return int(text) if text.isdigit() else None


def _statement_changed(matrix: Matrix, statement: Statement) -> bool:
    recorded = matrix.marker.get("statement_sha256", "")
    current = statement.source.sha256 if statement.source else ""
    return not recorded or not current or recorded != current
