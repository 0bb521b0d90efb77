"""Follow-up: what a ministry records against each statement item, as every
report understands it.

This module is the contract, not a file format.  A filled file (the Excel
matrix, or any format whose exporter can read one back, see
:meth:`jtreport.formats.Exporter.read_followup`) yields one :class:`FollowUp`
per item; the reports show them with the status vocabulary below
(:data:`STATUS_MEANINGS`, :data:`STATUS_COLOURS`) and judge lateness with the
one rule :func:`is_overdue`.  An officer's corrections of the parser's reading
(category, commitment flag, actors) travel in the same records and are put on
the model by :func:`apply_corrections`.  Which file holds the records, and how
it is laid out, is the business of the exporter that wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Item, Statement

#: The status drop-down, in the order a tracker lists them, each with its one meaning.
STATUS_MEANINGS: dict[str, str] = {
    "Not started": "nothing has been done yet and nothing is scheduled",
    "Planned": "a first step or a date is agreed, but work has not begun",
    "In progress": "work towards a result that can be completed is under way",
    "Ongoing": 'a continuing commitment with no end point ("will continue to ...") '
    "is being honoured",
    "Completed": "done: the result exists or the event took place",
    "Delayed": "behind its due date or its plan",
    "Suspended": "paused by a decision, expected to resume",
    "Cancelled": "dropped: it will not be done",
}
STATUSES: tuple[str, ...] = tuple(STATUS_MEANINGS)

#: One colour per status, shared by every report so that the matrix, the note
#: and the PDF agree (Okabe-Ito colours, told apart with the common forms of
#: colour blindness; hex RGB without "#").
STATUS_COLOURS: dict[str, str] = {
    "Not started": "999999",
    "Planned": "56B4E9",
    "In progress": "0072B2",
    "Ongoing": "CC79A7",
    "Completed": "009E73",
    "Delayed": "D55E00",
    "Suspended": "E69F00",
    "Cancelled": "444444",
}
#: The colour of an item with no status recorded (never white: it must show).
NO_STATUS_COLOUR = "E6E6E6"

#: Statuses after which a due date can no longer be overdue.
CLOSED_STATUSES: tuple[str, ...] = ("Completed", "Cancelled")


@dataclass(frozen=True, kw_only=True)
class FollowUp:
    """The ministry's record for one item ID."""

    item_id: str
    lead_agency: str | None = None
    supporting_agencies: str | None = None
    counterpart_agency: str | None = None
    status: str | None = None
    priority: str | None = None
    next_step: str | None = None
    due_date: date | None = None
    evidence: str | None = None
    last_updated: date | None = None
    notes: str | None = None
    #: an officer's correction of the parser's reading (None: not corrected)
    category: str | None = None
    is_commitment: bool | None = None
    actors: tuple[str, ...] | None = None

    @property
    def is_empty(self) -> bool:
        """True when the ministry has typed nothing for this item."""
        return all(
            getattr(self, name) in (None, "", ())
            for name in self.__dataclass_fields__
            if name != "item_id"
        )


def is_overdue(record: FollowUp | None, as_of: date) -> bool:
    """True when ``record`` has a due date before ``as_of`` and is not closed
    (:data:`CLOSED_STATUSES`): the one overdue rule every report applies."""
    return (
        record is not None
        and record.due_date is not None
        and record.due_date < as_of
        and record.status not in CLOSED_STATUSES
    )


def normalise_status(value: Any) -> str | None:
    """The vocabulary's spelling of a typed status (case and spacing do not
    matter: ``" in  PROGRESS"`` is ``"In progress"``), or None when it is not one."""
    if not isinstance(value, str):
        return None
    wanted = " ".join(value.split()).casefold()
    return next((s for s in STATUSES if s.casefold() == wanted), None)


#: The categories that commit the speakers to future action: a corrected
#: category sets the commitment flag to match (see docs/model.md).
COMMITTING_CATEGORIES: tuple[str, ...] = ("pledge", "agreement", "intention")


def apply_corrections(statement: Statement, records: Mapping[str, FollowUp]) -> Statement:
    """``statement`` with the officer's corrections in ``records`` (their
    ``category``, ``is_commitment`` and ``actors``, when not None) put on the
    items of the same ID, each corrected field named in ``Item.corrected``.

    A corrected category sets ``is_commitment`` to match it
    (:data:`COMMITTING_CATEGORIES`) unless the flag itself was corrected.  A
    category outside the model's is ignored.  A correction that restates the
    item's own value changes nothing; one already applied stays (applying the
    same records twice gives the same statement).
    """
    import msgspec

    items = [_corrected(item, records.get(item.id)) for item in statement.items]
    if all(new is old for new, old in zip(items, statement.items, strict=True)):
        return statement
    return msgspec.structs.replace(statement, items=items)


def _corrected(item: Item, record: FollowUp | None) -> Item:
    import msgspec

    from .model import CATEGORIES

    if record is None:
        return item
    fields: dict[str, Any] = {}
    corrected = list(item.corrected)
    implied = item.is_commitment
    if record.category in CATEGORIES and record.category != item.category:
        fields["category"] = record.category
        corrected.append("category")
        implied = record.category in COMMITTING_CATEGORIES
    flag = record.is_commitment
    if flag is not None and (flag != item.is_commitment or flag != implied):
        fields["is_commitment"] = flag
        corrected.append("is_commitment")
    elif flag is None and implied != item.is_commitment:
        fields["is_commitment"] = implied
    if record.actors is not None and list(record.actors) != item.actors:
        fields["actors"] = list(record.actors)
        corrected.append("actors")
    if not fields:
        return item
    return msgspec.structs.replace(item, **fields, corrected=list(dict.fromkeys(corrected)))
