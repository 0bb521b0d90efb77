"""What the PDF summary says, as plain data: built from the model, the shared
digest views and the follow-up records, before any layout.  Keeping the words
apart from the drawing lets the fonts be chosen for exactly the characters
that will print, and lets tests read the summary without a PDF."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from jtreport import __version__
from jtreport.digest import (
    AreaDigest,
    actors_label,
    category_counts,
    digest,
    long_date,
    milestones,
    partners,
    progress,
)
from jtreport.followup import STATUSES, FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Item, Statement

#: What the group of items outside any area holds.
GENERAL_NOTE = "Items of the preamble and of any text outside the areas."
#: The status chart's segment for commitments the matrix leaves blank.
NO_STATUS = "No status"
#: Symbols the layout adds around the statement's words (future dates, dashes
#: for empty cells, separators, ellipses); checked against the fonts too.
LAYOUT_SYMBOLS = "→–·…"

_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def _visible(char: str) -> str:
    if char in "\t\n\r\x0b\x0c":
        return " "
    return "" if unicodedata.category(char) in ("Cc", "Cf") else char


def clean(text: str | None) -> str:
    """One line of printable text: whitespace collapsed, control and format
    characters (zero-width spaces, bidi marks) dropped."""
    if not text:
        return ""
    if not text.isprintable():
        text = "".join(map(_visible, text))
    return _SPACES.sub(" ", text).strip()


def nice_date(value: str | None) -> str:
    """``2025-12-20`` -> ``20 December 2025``; ``2026-05`` -> ``May 2026``."""
    return clean(long_date(value))


def plural(count: int, noun: str) -> str:
    """``1 item``, ``2 items``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def sentence_with(text: str, words: str) -> str:
    """The sentence of ``text`` that contains ``words`` (all of it when none does)."""
    if not words:
        return text
    for sentence in _SENTENCE_END.split(text):
        if words.lower() in sentence.lower():
            return sentence.strip()
    return text


@dataclass(frozen=True)
class Figure:
    """One key figure: a number and what it counts."""

    value: int
    label: str


@dataclass(frozen=True)
class StatusCell:
    """What the ministry recorded for one commitment."""

    status: str
    lead: str = ""
    due: str = ""
    next_step: str = ""


@dataclass(frozen=True)
class DateCell:
    """A date an item names, formatted, and whether it lies ahead."""

    text: str
    future: bool


@dataclass(frozen=True)
class CommitmentRow:
    """One commitment, in full."""

    id: str
    category: str
    who: str
    text: str
    verb: str
    partners: list[str]
    dates: list[DateCell]
    status: StatusCell | None = None


@dataclass(frozen=True)
class AreaSection:
    """One area (or the items outside any area) with its commitments."""

    key: str
    label: str
    description: str
    paragraphs: int
    items: int
    commitments: list[CommitmentRow]
    others: str
    upcoming: int = 0
    by_status: dict[str, int] | None = None


@dataclass(frozen=True)
class MilestoneRow:
    """One future date named by an item: when, the sentence that names it."""

    when: str
    sentence: str
    words: str
    area: str
    item_id: str
    is_commitment: bool


@dataclass(frozen=True)
class Properties:
    """The PDF's document properties."""

    title: str
    author: str
    subject: str
    keywords: list[str]
    language: str
    creator: str


@dataclass(frozen=True)
class Summary:
    """Everything the PDF prints, in reading order."""

    title: str
    facts: list[tuple[str, str]]
    classification: str
    running_title: str
    figures: list[Figure]
    areas: list[AreaSection]
    categories: dict[str, int]
    milestones: list[MilestoneRow]
    progress: str | None
    statuses: list[str]
    closing: str
    properties: Properties

    @property
    def has_followup(self) -> bool:
        """True when a filled matrix was given."""
        return self.progress is not None

    def texts(self) -> Iterator[str]:
        """Every string the PDF prints, for checking the fonts' glyphs."""
        yield from (LAYOUT_SYMBOLS, self.title, self.classification, self.running_title)
        yield self.closing
        yield self.progress or ""
        for label, value in self.facts:
            yield from (label, value)
        yield from (f.label for f in self.figures)
        yield from self.categories
        yield from self.statuses
        for area in self.areas:
            yield from (area.label, area.description, area.others)
            for row in area.commitments:
                yield from (row.id, row.category, row.who, row.text)
                yield from row.partners
                yield from (d.text for d in row.dates)
                if row.status:
                    yield from (row.status.status, row.status.lead, row.status.due)
                    yield row.status.next_step
        for m in self.milestones:
            yield from (m.when, m.sentence, m.area, m.item_id)


def _leaders(statement: Statement) -> str:
    people = []
    for person in statement.leaders:
        role = ", ".join(clean(p) for p in (person.title, person.party) if p)
        people.append(f"{clean(person.name)} ({role})" if role else clean(person.name))
    return "; ".join(people)


def _parties(statement: Statement) -> str:
    return " – ".join(clean(p.name) for p in statement.parties)


def _facts(statement: Statement, options: ExportOptions) -> list[tuple[str, str]]:
    facts = [
        ("Date", nice_date(statement.date) or "not stated"),
        ("Place", clean(statement.place)),
        ("Parties", _parties(statement)),
        ("Leaders", _leaders(statement)),
        ("Prepared for", clean(options.meeting)),
    ]
    return [(label, value) for label, value in facts if value]


def _status(item: Item, followup: Mapping[str, FollowUp] | None) -> StatusCell | None:
    if followup is None:
        return None
    record = followup.get(item.id)
    if record is None:
        return StatusCell(status=NO_STATUS)
    due = record.due_date.isoformat() if record.due_date else ""
    return StatusCell(
        status=clean(record.status) or NO_STATUS,
        lead=clean(record.lead_agency),
        due=nice_date(due),
        next_step=clean(record.next_step),
    )


def _row(
    statement: Statement, item: Item, followup: Mapping[str, FollowUp] | None
) -> CommitmentRow:
    return CommitmentRow(
        id=item.id,
        category=item.category,
        who=clean(actors_label(statement, item)),
        text=clean(item.text),
        verb=clean(item.verb),
        partners=[clean(p) for p in partners(item)],
        dates=[DateCell(nice_date(d.value) or clean(d.text), bool(d.future)) for d in item.dates],
        status=_status(item, followup),
    )


def _others_line(group: AreaDigest) -> str:
    others = group.others
    if not group.items:
        return "No items in this area."
    if not others:
        return "Every item in this area is a commitment."
    counts = Counter(i.category for i in others)
    kinds = ", ".join(plural(n, c) for c, n in counts.most_common())
    return f"Other items ({len(others)}): {kinds}."


def _area_key(index: int) -> str:
    return f"area-{index}"


def _sections(statement: Statement, followup: Mapping[str, FollowUp] | None) -> list[AreaSection]:
    sections: list[AreaSection] = []
    upcoming = Counter(item.area_id for _, item in statement.upcoming())
    for index, group in enumerate(digest(statement)):
        rows = [_row(statement, item, followup) for item in group.commitments]
        by_status: dict[str, int] | None = None
        if followup is not None:
            counted = Counter(row.status.status for row in rows if row.status)
            by_status = {s: counted[s] for s in (*STATUSES, NO_STATUS) if counted[s]}
            # statuses typed outside the drop-down still count
            by_status.update({s: n for s, n in counted.items() if s not in by_status})
        sections.append(
            AreaSection(
                key=_area_key(index),
                label=clean(group.label),
                description=clean(group.area.description) if group.area else GENERAL_NOTE,
                paragraphs=group.paragraphs,
                items=len(group.items),
                commitments=rows,
                others=_others_line(group),
                upcoming=upcoming[group.area.id if group.area else None],
                by_status=by_status,
            )
        )
    return sections


def _milestones(statement: Statement) -> list[MilestoneRow]:
    rows = []
    for m in milestones(statement):
        words = clean(m.date.text)
        rows.append(
            MilestoneRow(
                when=nice_date(m.date.value) or words,
                sentence=sentence_with(clean(m.item.text), words),
                words=words,
                area=clean(m.area_label),
                item_id=m.item.id,
                is_commitment=m.item.is_commitment,
            )
        )
    return rows


def _running_title(statement: Statement) -> str:
    parties = " – ".join(clean(p.short_name or p.name) for p in statement.parties)
    when = nice_date(statement.date)
    head = f"{parties} joint statement" if parties else "Joint statement"
    return f"{head}, {when}" if when else head


def _properties(statement: Statement, options: ExportOptions, title: str) -> Properties:
    when = nice_date(statement.date)
    subject = "Summary of the joint statement" + (f" of {when}" if when else "")
    subject += ": key figures, commitments by area and upcoming milestones"
    keywords = ["joint statement", "commitments", "briefing"]
    keywords += [clean(p.name) for p in statement.parties]
    keywords += [clean(a.heading) for a in statement.areas]
    return Properties(
        title=title,
        author=clean(options.author) or "jtreport",
        subject=subject,
        keywords=list(dict.fromkeys(k for k in keywords if k)),
        language=options.language or "en",
        creator=f"jtreport {__version__} (pdf summary)",
    )


def build_summary(statement: Statement, options: ExportOptions) -> Summary:
    """The summary of ``statement`` for the options given."""
    followup = options.followup
    title = clean(statement.title) or "Joint statement"
    sections = _sections(statement, followup)
    counts = category_counts(statement)
    done = progress(statement, followup)
    figures = [
        Figure(len(statement.paragraphs), "paragraphs"),
        Figure(len(statement.items), "statement items"),
        Figure(len(statement.commitments), "commitments"),
        Figure(len(statement.areas), "areas"),
        Figure(len(statement.upcoming()), "upcoming dates"),
    ]
    source = statement.source
    closing = f"Prepared with jtreport {__version__} from the parsed statement"
    if source is not None:
        name = source.path.replace("\\", "/").rsplit("/", 1)[-1] if source.path else "input"
        closing += f" ({clean(name)}, SHA-256 {source.sha256[:12]}…)"
    closing += (
        ". A commitment is an item that commits a party to future action; other items "
        "(welcomes, appreciations, affirmations) are counted, not listed. "
        f"Generated on {nice_date(options.created.date().isoformat())}."
    )
    return Summary(
        title=title,
        facts=_facts(statement, options),
        classification=clean(options.classification).upper(),
        running_title=_running_title(statement),
        figures=figures,
        areas=sections,
        categories={c: n for c, n in counts.items()},
        milestones=_milestones(statement),
        progress=done.sentence() if done is not None else None,
        statuses=[*STATUSES, NO_STATUS],
        closing=closing,
        properties=_properties(statement, options, title),
    )
