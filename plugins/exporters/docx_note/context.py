"""What every part of the note needs to know, computed once."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

import msgspec
from jtreport.digest import AreaDigest, Deadline, Milestone, Progress, digest
from jtreport.digest.briefing import LINE_BUDGET, Briefing, brief_for, with_line_budget
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Item, Paragraph, Statement

#: Lines to take the front sheet keeps however long the rest of it is.
MIN_LINES = 4
#: The note's reader when ``-O to=...`` does not name one.
DEFAULT_TO = "Head of delegation"


class NoteContext(msgspec.Struct, frozen=True, dict=True):
    """The statement with its derived views, the front sheet and the options."""

    statement: Statement
    options: ExportOptions
    areas: list[AreaDigest]
    briefing: Briefing

    @classmethod
    def build(cls, statement: Statement, options: ExportOptions) -> NoteContext:
        """Compute the shared views (counts per area, the front sheet, with as
        many lines to take as fit on two pages)."""
        from .front import fits

        budget = LINE_BUDGET
        front = brief_for(statement, options, budget)
        while budget > MIN_LINES and not fits(front, statement.title):
            budget -= 1
            front = with_line_budget(front, budget)
        return cls(statement=statement, options=options, areas=digest(statement), briefing=front)

    @property
    def milestones(self) -> list[Milestone]:
        """The statement's dated events after its own date, placed for the reader."""
        return self.briefing.milestones

    @property
    def deadlines(self) -> list[Deadline]:
        """The due dates recorded in the matrix, overdue ones flagged."""
        return self.briefing.deadlines

    @property
    def progress(self) -> Progress | None:
        """Status counts over the commitments, with a matrix."""
        return self.briefing.progress

    @property
    def followup(self) -> Mapping[str, FollowUp] | None:
        """The filled matrix's records by item ID, when one was given."""
        return self.options.followup

    @cached_property
    def tracking(self) -> bool:
        """True when the matrix given has anything typed in it: only then do the
        commitments and the annex carry status columns (asked per row: worked
        out once)."""
        records = self.options.followup
        return records is not None and any(not r.is_empty for r in records.values())

    def record(self, item: Item) -> FollowUp | None:
        """The ministry's record for ``item``, when there is a non-empty one."""
        if self.options.followup is None:
            return None
        found = self.options.followup.get(item.id)
        return None if found is None or found.is_empty else found

    def is_overdue(self, item: Item) -> bool:
        """True when the item's due date has passed and it is not closed."""
        return item.id in self.late

    def timed(self, item: Item) -> list[Milestone]:
        """The item's milestones, placed for the reader."""
        return self._timed.get(item.id, [])

    @cached_property
    def late(self) -> frozenset[str]:
        """The IDs of the overdue items (:func:`jtreport.followup.is_overdue`)."""
        return frozenset(d.item.id for d in self.deadlines if d.overdue)

    @cached_property
    def _timed(self) -> dict[str, list[Milestone]]:
        found: dict[str, list[Milestone]] = {}
        for milestone in self.milestones:
            found.setdefault(milestone.item.id, []).append(milestone)
        return found

    @property
    def meeting(self) -> str:
        """The meeting the note prepares for, as given or described from the statement."""
        return self.briefing.meeting

    @property
    def to(self) -> str:
        """Whom the note is for (``-O to=...``)."""
        return self.options.extra.get("to", "").strip() or DEFAULT_TO

    @property
    def copy(self) -> str:
        """Who receives a copy (``-O copy=...``), or a dash."""
        return self.options.extra.get("copy", "").strip() or "—"

    def paragraphs_of(self, area: AreaDigest) -> list[Paragraph]:
        """The paragraphs of one digest group."""
        return self.statement.paragraphs_in(area.area.id if area.area else None)
