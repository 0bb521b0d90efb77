"""Follow-up status: what a ministry records against each item in the matrix.

The Excel matrix (the ``xlsx`` plugin) writes the ministry columns named here and
:func:`read_followup` reads a filled matrix back, keyed by item ID, so that the
Word and PDF reports can show progress.  The column names and the status
vocabulary are part of the matrix's contract: the round trip keys on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The status drop-down, in the order a tracker lists them.
STATUSES: tuple[str, ...] = (
    "Not started",
    "Planned",
    "In progress",
    "Ongoing",
    "Completed",
    "Delayed",
    "Suspended",
    "Cancelled",
)

#: The columns the ministry fills, in the matrix's order.
MINISTRY_COLUMNS: tuple[str, ...] = (
    "Lead agency",
    "Supporting agencies",
    "Status",
    "Next step",
    "Due date",
    "Notes",
)


@dataclass(frozen=True, kw_only=True)
class FollowUp:
    """The ministry's record for one item ID."""

    item_id: str
    lead_agency: str | None = None
    supporting_agencies: str | None = None
    status: str | None = None
    next_step: str | None = None
    due_date: date | None = None
    notes: str | None = None

    @property
    def is_empty(self) -> bool:
        """True when the ministry has typed nothing for this item."""
        return not any(
            (
                self.lead_agency,
                self.supporting_agencies,
                self.status,
                self.next_step,
                self.due_date,
                self.notes,
            )
        )
