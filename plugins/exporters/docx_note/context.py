"""What every part of the note needs to know, computed once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jtreport.digest import AreaDigest, Milestone, Progress, digest, long_date, milestones, progress
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Item, Paragraph, Statement


@dataclass(frozen=True)
class NoteContext:
    """The statement with its derived views and the export options."""

    statement: Statement
    options: ExportOptions
    areas: list[AreaDigest]
    milestones: list[Milestone]
    progress: Progress | None

    @classmethod
    def build(cls, statement: Statement, options: ExportOptions) -> NoteContext:
        """Compute the shared views (counts per area, milestones, progress)."""
        return cls(
            statement=statement,
            options=options,
            areas=digest(statement),
            milestones=milestones(statement),
            progress=progress(statement, options.followup),
        )

    @property
    def followup(self) -> Mapping[str, FollowUp] | None:
        """The filled matrix's records by item ID, when one was given."""
        return self.options.followup

    @property
    def tracking(self) -> bool:
        """True when the matrix given has anything typed in it: only then do the
        commitments and the annex carry status columns."""
        records = self.options.followup
        return records is not None and any(not r.is_empty for r in records.values())

    def record(self, item: Item) -> FollowUp | None:
        """The ministry's record for ``item``, when there is a non-empty one."""
        if self.options.followup is None:
            return None
        found = self.options.followup.get(item.id)
        return None if found is None or found.is_empty else found

    @property
    def invitations(self) -> list[Item]:
        """Invitations that are not already commitments: they still need an answer."""
        return [
            i for i in self.statement.items if i.category == "invitation" and not i.is_commitment
        ]

    @property
    def meeting(self) -> str:
        """The meeting the note prepares for, as given or described from the statement."""
        if self.options.meeting and self.options.meeting.strip():
            return self.options.meeting.strip()
        when = long_date(self.statement.date)
        return (
            f"Follow-up to the joint statement of {when}"
            if when
            else ("Follow-up to the joint statement")
        )

    def paragraphs_of(self, area: AreaDigest) -> list[Paragraph]:
        """The paragraphs of one digest group."""
        return self.statement.paragraphs_in(area.area.id if area.area else None)
