"""Derived views of the model that every report needs: counts per area and per
category, the dated milestones, and follow-up progress.  Exporters use these so
that the Word note, the PDF and the matrix always agree on their numbers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from .followup import STATUSES, FollowUp
from .model import CATEGORIES, Area, DateMention, Item, Statement

#: The label reports use for items outside any area (unsectioned text) ...
GENERAL_LABEL = "General"
#: ... and for them when they all come from the preamble.
PREAMBLE_LABEL = "Preamble"


@dataclass(frozen=True)
class AreaDigest:
    """One area (or the items outside any area) with its counts."""

    area: Area | None
    label: str
    paragraphs: int
    items: list[Item]
    commitments: list[Item]
    by_category: dict[str, int]

    @property
    def others(self) -> list[Item]:
        """The items of this area that are not commitments."""
        return [i for i in self.items if not i.is_commitment]


@dataclass(frozen=True)
class Milestone:
    """A future dated event named by an item."""

    date: DateMention
    item: Item
    area_label: str


@dataclass(frozen=True)
class Progress:
    """Follow-up progress over the commitments, from a filled matrix."""

    commitments: int
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def recorded(self) -> int:
        """How many commitments have a status."""
        return sum(self.by_status.values())

    def sentence(self) -> str:
        """E.g. ``5 of 13 commitments completed, 2 delayed, 6 without a status``."""
        done = self.by_status.get("Completed", 0)
        noun = "commitment" if self.commitments == 1 else "commitments"
        parts = [f"{done} of {self.commitments} {noun} completed"]
        for status in STATUSES:
            if status != "Completed" and self.by_status.get(status):
                parts.append(f"{self.by_status[status]} {status.lower()}")
        missing = self.commitments - self.recorded
        if missing:
            parts.append(f"{missing} without a status")
        return ", ".join(parts)


def loose_label(statement: Statement) -> str:
    """What reports call the items outside any area (``area_id`` None), one name
    per statement so that every report agrees: :data:`PREAMBLE_LABEL` when the
    statement has such items and every one comes from the preamble (its
    ``paragraph`` is None), else :data:`GENERAL_LABEL` (also when it has none)."""
    loose = statement.items_in(None)
    return PREAMBLE_LABEL if loose and all(i.paragraph is None for i in loose) else GENERAL_LABEL


def area_label(statement: Statement, area_id: str | None) -> str:
    """The heading of the statement's area ``area_id``; for None, or an id that
    names none of its areas, :func:`loose_label` (the same for every item of the
    statement, whichever item asks)."""
    area = statement.area(area_id)
    return area.heading if area else loose_label(statement)


def digest(statement: Statement) -> list[AreaDigest]:
    """One digest per group of :meth:`Statement.sections`, in the statement's order."""
    result: list[AreaDigest] = []
    for area, items in statement.sections():
        area_id = area.id if area else None
        counts = Counter(i.category for i in items)
        result.append(
            AreaDigest(
                area=area,
                label=area.heading if area else loose_label(statement),
                paragraphs=len(statement.paragraphs_in(area_id)),
                items=items,
                commitments=[i for i in items if i.is_commitment],
                by_category={c: counts[c] for c in CATEGORIES if counts[c]},
            )
        )
    return result


def category_counts(statement: Statement) -> dict[str, int]:
    """Items per category over the whole statement, in :data:`CATEGORIES` order."""
    counts = Counter(i.category for i in statement.items)
    return {c: counts[c] for c in CATEGORIES}


def milestones(statement: Statement) -> list[Milestone]:
    """Future dated mentions, in date order, each with its item and area."""
    return [
        Milestone(date=d, item=item, area_label=area_label(statement, item.area_id))
        for d, item in statement.upcoming()
    ]


def progress(statement: Statement, followup: Mapping[str, FollowUp] | None) -> Progress | None:
    """Status counts over the commitments, or None without a filled matrix."""
    if followup is None:
        return None
    counts: Counter[str] = Counter()
    for item in statement.commitments:
        record = followup.get(item.id)
        if record and record.status:
            counts[record.status] += 1
    return Progress(
        commitments=len(statement.commitments),
        by_status={s: counts[s] for s in STATUSES if counts[s]},
    )


def partners(item: Item) -> list[str]:
    """Organisations, instruments and projects an item names, without repeats."""
    seen: dict[str, None] = {}
    for name in (*item.organizations, *item.instruments, *item.projects):
        seen.setdefault(name, None)
    return list(seen)


def actors_label(statement: Statement, item: Item) -> str:
    """Who acts, for people: ``Both sides`` or the parties' short names."""
    if not item.actors:
        return "—"
    if "both" in item.actors:
        return "Both sides" if len(statement.parties) <= 2 else "All parties"
    return ", ".join(item.actors)


def dates_label(item: Item) -> str:
    """The item's dates, future ones marked with an arrow (``→ 2026-05``)."""
    return "; ".join(f"{'→ ' if d.future else ''}{d.text} ({d.value})" for d in item.dates)


MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def long_date(value: str | None) -> str:
    """An ISO date to the precision given, in words: ``20 December 2025``,
    ``May 2026``, ``2027``; anything else is returned as it is."""
    if not value:
        return ""
    match = _ISO.fullmatch(value.strip())
    if not match:
        return value
    year, month, day = match.groups()
    if month and 1 <= int(month) <= 12:
        name = MONTHS[int(month) - 1]
        if day and 1 <= int(day) <= 31:
            return f"{int(day)} {name} {year}"
        return f"{name} {year}"
    return year


def day_date(value: date) -> str:
    """A date in words: ``31 March 2026``."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
