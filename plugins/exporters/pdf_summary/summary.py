"""What the PDF summary says, as plain data: built from the model, the shared
views (:mod:`jtreport.digest.briefing`, :mod:`jtreport.digest`) and the follow-up
records, before any layout.  Keeping the words apart from the drawing lets the
fonts be chosen for exactly the characters that will print, and lets tests read
the summary without a PDF.

The summary is for a reader in a hurry: the issue, recommendations and timing
(the same as the Word note's front sheet), the documents signed and launched,
the commitments by area and status, what is overdue and what comes next, and
the lines to take."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

import msgspec
from jtreport import __version__
from jtreport.digest import day_date, digest, document_date, long_date, names
from jtreport.digest.briefing import Briefing, brief_for, event_name, with_line_budget
from jtreport.digest.clauses import shorten
from jtreport.digest.wording import capitalise, paragraph_ref, undertaking
from jtreport.followup import STATUSES
from jtreport.formats import ExportOptions
from jtreport.model import Statement

#: The status chart's segment for commitments the matrix leaves blank.
NO_STATUS = "No status"
#: Symbols the layout adds around the statement's words (dashes for empty
#: cells, separators, status squares); checked against the fonts too.
LAYOUT_SYMBOLS = "→–·■□"
#: Lines to take the PDF gives at most (the Word note and the matrix have all).
PDF_LINE_BUDGET = 30
#: Words of an item a timeline row keeps (cut at a clause boundary).
ROW_WORDS = 26

_SPACES = re.compile(r"\s+")


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


class DocumentRow(msgspec.Struct, frozen=True):
    """One document signed or launched."""

    name: str
    event: str
    parties: str
    where: str
    date: str


class AreaStatus(msgspec.Struct, frozen=True):
    """One area's commitments, counted by follow-up status."""

    key: str
    label: str
    commitments: int
    by_status: dict[str, int]
    overdue: int


class TimelineRow(msgspec.Struct, frozen=True):
    """A dated event the statement names, or a due date from the matrix."""

    when: str
    what: str
    #: where the date falls for the reader, or the recorded status
    state: str
    item: str
    status: str | None = None
    overdue: bool = False
    is_deadline: bool = False


class LineRow(msgspec.Struct, frozen=True):
    """One line to take."""

    text: str
    status: str | None
    overdue: bool


class LineGroup(msgspec.Struct, frozen=True):
    """The lines to take of one area."""

    key: str
    label: str
    lines: list[LineRow]
    more: int = 0


class Properties(msgspec.Struct, frozen=True):
    """The PDF's document properties."""

    title: str
    author: str
    subject: str
    keywords: list[str]
    language: str
    creator: str


class RunningTitle(msgspec.Struct, frozen=True):
    """The page header's title, in two parts so that the date is never the part
    that gives way: ``Japan – Tajikistan joint statement`` and ``20 December 2025``."""

    head: str
    date: str


class Summary(msgspec.Struct, frozen=True):
    """Everything the PDF prints, in reading order."""

    title: str
    facts: list[tuple[str, str]]
    classification: str
    running_title: RunningTitle
    as_of: str
    issue: list[str]
    recommendations: list[str]
    timing: str
    documents: list[DocumentRow]
    areas: list[AreaStatus]
    tracking: bool
    timeline: list[TimelineRow]
    lines_intro: str
    lines: list[LineGroup]
    closing: str
    properties: Properties
    statuses: list[str] = msgspec.field(default_factory=lambda: [*STATUSES, NO_STATUS])
    #: the briefing the summary was made from (for :func:`with_fewer_lines`)
    _briefing: Briefing | None = None

    @property
    def more_lines(self) -> int:
        """Commitments left out of the lines to take."""
        return sum(g.more for g in self.lines)

    @property
    def overdue(self) -> list[TimelineRow]:
        """The overdue rows of the timeline."""
        return [row for row in self.timeline if row.overdue]

    def texts(self) -> Iterator[str]:
        """Every string the PDF prints, for checking the fonts' glyphs."""
        yield from (LAYOUT_SYMBOLS, self.title, self.classification, self.as_of)
        yield from (self.running_title.head, self.running_title.date, self.closing)
        yield from (self.timing, self.lines_intro)
        yield from self.issue
        yield from self.recommendations
        for label, value in self.facts:
            yield from (label, value)
        yield from self.statuses
        for document in self.documents:
            yield from (document.name, document.event, document.parties, document.date)
        for area in self.areas:
            yield area.label
        for row in self.timeline:
            yield from (row.when, row.what, row.state, row.item)
        for group in self.lines:
            yield group.label
            yield from (line.text for line in group.lines)


def _leaders(statement: Statement) -> str:
    people = []
    for person in statement.leaders:
        role = ", ".join(clean(p) for p in (person.title, person.party) if p)
        people.append(f"{clean(person.name)} ({role})" if role else clean(person.name))
    return "; ".join(people)


def _facts(
    statement: Statement, options: ExportOptions, briefing: Briefing
) -> list[tuple[str, str]]:
    meeting = clean(briefing.meeting)
    if briefing.meeting_date:
        meeting += f", {day_date(briefing.meeting_date)}"
    statement_date = ", ".join(x for x in (nice_date(statement.date), clean(statement.place)) if x)
    facts = [
        ("Meeting", meeting),
        ("Statement", statement_date or "date not stated"),
        ("Parties", " – ".join(clean(p.name) for p in statement.parties)),
        ("Leaders", _leaders(statement)),
        ("As of", day_date(options.as_of)),
        ("Prepared by", clean(options.author)),
    ]
    return [(label, value) for label, value in facts if value]


def _documents(statement: Statement, briefing: Briefing) -> list[DocumentRow]:
    return [
        DocumentRow(
            name=clean(d.name),
            event=d.event,
            parties="; ".join(clean(p) for p in d.parties) or "not named",
            where=paragraph_ref(d.item),
            date=clean(document_date(statement, d)),
        )
        for d in briefing.documents
    ]


def _areas(statement: Statement, briefing: Briefing, options: ExportOptions) -> list[AreaStatus]:
    records = options.followup or {}
    late = {d.item.id for d in briefing.overdue}
    rows: list[AreaStatus] = []
    for index, group in enumerate(digest(statement)):
        if not group.commitments:
            continue
        counted: Counter[str] = Counter()
        for item in group.commitments:
            record = records.get(item.id)
            counted[record.status if record and record.status else NO_STATUS] += 1
        rows.append(
            AreaStatus(
                key=f"area-{index}",
                label=clean(group.label),
                commitments=len(group.commitments),
                by_status={s: counted[s] for s in (*STATUSES, NO_STATUS) if counted[s]},
                overdue=sum(1 for i in group.commitments if i.id in late),
            )
        )
    return rows


def _timeline(statement: Statement, briefing: Briefing) -> list[TimelineRow]:
    """Overdue due dates first, then every other date in order."""
    rows: list[tuple[tuple[int, str, int], TimelineRow]] = []
    for n, m in enumerate(briefing.milestones):
        rows.append(
            (
                (1, m.date.value, n),
                TimelineRow(
                    when=nice_date(m.date.value) or clean(m.date.text),
                    what=capitalise(clean(event_name(statement, m))),
                    state=m.timing or "",
                    item=f"{m.item.id} ({paragraph_ref(m.item)})",
                ),
            )
        )
    for n, d in enumerate(briefing.deadlines):
        record = d.record
        what = record.next_step or shorten(
            undertaking(statement, d.item), ROW_WORDS, names=names(d.item)
        )
        state = record.status or NO_STATUS
        rows.append(
            (
                (0 if d.overdue else 1, d.due.isoformat(), n),
                TimelineRow(
                    when=f"due {day_date(d.due)}",
                    what=clean(what)
                    + (f" (lead {clean(record.lead_agency)})" if record.lead_agency else ""),
                    state=f"{state}, overdue" if d.overdue else state,
                    item=f"{d.item.id} ({paragraph_ref(d.item)})",
                    status=record.status,
                    overdue=d.overdue,
                    is_deadline=True,
                ),
            )
        )
    rows.sort(key=lambda pair: pair[0])
    return [row for _, row in rows]


def _lines(briefing: Briefing) -> list[LineGroup]:
    return [
        LineGroup(
            key=f"lines-{n}",
            label=clean(group.label),
            lines=[LineRow(clean(line.text), line.status, line.overdue) for line in group.lines],
            more=group.more,
        )
        for n, group in enumerate(briefing.lines)
    ]


def _running_title(statement: Statement) -> RunningTitle:
    parties = " – ".join(clean(p.short_name or p.name) for p in statement.parties)
    head = f"{parties} joint statement" if parties else "Joint statement"
    return RunningTitle(head=head, date=nice_date(statement.date))


def _properties(statement: Statement, options: ExportOptions, title: str) -> Properties:
    when = nice_date(statement.date)
    subject = "Briefing summary of the joint statement" + (f" of {when}" if when else "")
    subject += ": recommendations, documents signed, commitments by status, lines to take"
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


def build_summary(
    statement: Statement, options: ExportOptions, line_budget: int = PDF_LINE_BUDGET
) -> Summary:
    """The summary of ``statement`` for the options given, with at most
    ``line_budget`` lines to take."""
    briefing = brief_for(statement, options, line_budget)
    title = clean(statement.title) or "Joint statement"
    source = statement.source
    closing = f"Prepared with jtreport {__version__} from the parsed statement"
    if source is not None:
        name = source.path.replace("\\", "/").rsplit("/", 1)[-1] if source.path else "input"
        closing += f" ({clean(name)}, SHA-256 {source.sha256[:12]})"
    closing += (
        f" on {nice_date(options.created.date().isoformat())}. The Word note has every "
        "commitment in full; the implementation matrix has every item."
    )
    tracking = bool(options.followup) and any(
        not r.is_empty for r in (options.followup or {}).values()
    )
    return Summary(
        title=title,
        facts=_facts(statement, options, briefing),
        classification=clean(options.classification).upper(),
        running_title=_running_title(statement),
        as_of=f"As of {day_date(options.as_of)}",
        issue=[clean(p) for p in briefing.issue],
        recommendations=[clean(r) for r in briefing.recommendations],
        timing=clean(briefing.timing),
        documents=_documents(statement, briefing),
        areas=_areas(statement, briefing, options),
        tracking=tracking,
        timeline=_timeline(statement, briefing),
        lines_intro=clean(briefing.lines_intro),
        lines=_lines(briefing),
        closing=closing,
        properties=_properties(statement, options, title),
        _briefing=briefing,
    )


def with_fewer_lines(summary: Summary, line_budget: int) -> Summary:
    """``summary`` with at most ``line_budget`` lines to take, as
    :func:`build_summary` would make it, without working out the rest again."""
    if summary._briefing is None:
        raise ValueError("the summary was not made by build_summary()")
    briefing = with_line_budget(summary._briefing, line_budget)
    return msgspec.structs.replace(summary, lines=_lines(briefing), _briefing=briefing)
