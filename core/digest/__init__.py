"""Derived views of the model that every report needs: counts per area and per
category, the dated milestones and where they fall for the reader, follow-up
progress and deadlines, and the documents signed and launched.  Exporters use
these so that the Word note, the PDF and the matrix always agree on their
numbers, and on what is passed, ahead or overdue for the same as-of date.

Time is judged from the reader's day (``as_of``) and the day of the meeting the
reports prepare for, never from the statement's own date: a milestone named as
"May 2026" has *passed* once May 2026 is over, falls *before the meeting* when
it ends before the meeting's day, *around the meeting* when the meeting's day
lies within it, and is *later* otherwise (*ahead* when no meeting date is set).
Overdue follows :func:`jtreport.followup.is_overdue`, the one rule every
report (the matrix included) applies.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from ..followup import STATUSES, FollowUp, is_overdue
from ..model import CATEGORIES, Area, DateMention, Item, Statement
from .signed import SignedDocument, signed_documents

__all__ = [
    "GENERAL_LABEL",
    "PREAMBLE_LABEL",
    "AreaDigest",
    "Deadline",
    "Milestone",
    "Progress",
    "SignedDocument",
    "Timing",
    "actors_label",
    "area_label",
    "category_counts",
    "dates_label",
    "day_date",
    "deadlines",
    "digest",
    "document_date",
    "long_date",
    "loose_label",
    "milestones",
    "names",
    "partners",
    "period",
    "progress",
    "signed_documents",
    "timing",
]

#: Where a date falls for the reader (see the module's docstring).
Timing = Literal["passed", "before the meeting", "around the meeting", "later", "ahead"]

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
    """A dated event named by an item, after the statement's own date; with
    ``timing`` when :func:`milestones` was given the reader's day."""

    date: DateMention
    item: Item
    area_label: str
    timing: Timing | None = None


@dataclass(frozen=True)
class Deadline:
    """A due date the ministry recorded in the matrix for one item."""

    item: Item
    record: FollowUp
    area_label: str
    #: past its due date and not completed or cancelled (:func:`is_overdue`)
    overdue: bool
    timing: Timing

    @property
    def due(self) -> date:
        """The due date."""
        assert self.record.due_date is not None  # deadlines() keeps dated records only
        return self.record.due_date


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


def milestones(
    statement: Statement, as_of: date | None = None, meeting_date: date | None = None
) -> list[Milestone]:
    """Dated mentions after the statement's date, in date order, each with its
    item and area, and (given ``as_of``) where it falls for the reader."""
    return [
        Milestone(
            date=d,
            item=item,
            area_label=area_label(statement, item.area_id),
            timing=timing(d.value, as_of, meeting_date) if as_of is not None else None,
        )
        for d, item in statement.upcoming()
    ]


def period(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO date of any precision covers: ``2026-05``
    is 1-31 May 2026, ``2027`` the whole year; None for anything else."""
    match = _ISO.fullmatch(value.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def timing(when: str | date, as_of: date, meeting_date: date | None = None) -> Timing | None:
    """Where a date (ISO text of any precision, or a day) falls for a reader on
    ``as_of`` preparing a meeting on ``meeting_date``; None for text that is
    not a date."""
    span = (when, when) if isinstance(when, date) else period(when)
    if span is None:
        return None
    first, last = span
    if last < as_of:
        return "passed"
    if meeting_date is None:
        return "ahead"
    if last < meeting_date:
        return "before the meeting"
    if first <= meeting_date:
        return "around the meeting"
    return "later"


def deadlines(
    statement: Statement,
    followup: Mapping[str, FollowUp] | None,
    as_of: date,
    meeting_date: date | None = None,
) -> list[Deadline]:
    """The due dates recorded in the matrix for the statement's items, earliest
    first, each flagged overdue by :func:`jtreport.followup.is_overdue`."""
    if not followup:
        return []
    found: list[Deadline] = []
    for item in statement.items:
        record = followup.get(item.id)
        if record is None or record.due_date is None:
            continue
        found.append(
            Deadline(
                item=item,
                record=record,
                area_label=area_label(statement, item.area_id),
                overdue=is_overdue(record, as_of),
                timing=timing(record.due_date, as_of, meeting_date) or "ahead",
            )
        )
    order = {item.id: n for n, item in enumerate(statement.items)}
    found.sort(key=lambda d: (d.due, order[d.item.id]))
    return found


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


def names(item: Item) -> list[str]:
    """Every name an item holds (organisations, instruments, projects): the
    places where a shortened text may end (:func:`jtreport.digest.clauses.shorten`)."""
    return [*item.organizations, *item.instruments, *item.projects]


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
        if len(statement.parties) == 1:  # a group speaking as one ("the G7")
            return statement.parties[0].short_name or statement.parties[0].name
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


def document_date(statement: Statement, document: SignedDocument) -> str:
    """When a document was signed or launched, in words: the date the statement
    gives for it, else ``by`` the statement's date for an event recorded as done
    (it happened by then), else ``not set``."""
    if document.date is not None:
        return long_date(document.date.value) or document.date.text
    if document.done and statement.date:
        return f"by {long_date(statement.date)}"
    return "not set"
