"""The front sheet of a briefing: what the reader must decide and by when.

The Word note and the PDF summary both open with this content, built here once
from the model, the follow-up records and the reader's dates, so that they say
the same thing: the issue (the meeting, its date and purpose, the statement in
its own words), recommendations, timing, the key deliverables (documents signed
and launched) and lines to take grouped by area, one per commitment, each
specific to it (who, what, by when, status) and none repeated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from ..formats import ExportOptions

from ..followup import CLOSED_STATUSES, FollowUp
from ..model import Item, Statement
from . import (
    AreaDigest,
    Deadline,
    Milestone,
    Progress,
    SignedDocument,
    area_label,
    day_date,
    deadlines,
    digest,
    long_date,
    milestones,
    names,
    period,
    progress,
    signed_documents,
)
from .clauses import shorten
from .wording import (
    count,
    join_words,
    paragraph_ref,
    parties_phrase,
    topic,
    undertaking,
    with_article,
)

#: Lines to take the front sheet holds at most; the rest are in the body.
LINE_BUDGET = 16
#: Words of a commitment a line to take keeps (cut at a clause boundary).
LINE_WORDS = 24
#: Recommendations at most, most urgent first.
MAX_RECOMMENDATIONS = 6
#: Leaders named in the issue at most (a summit of many is named by its parties).
MAX_LEADERS = 3
#: Events named one by one in a recommendation or the timing.
NAMED_EVENTS = 3
#: With no meeting date, a dated event is "ahead" for the front sheet when it
#: starts within this many days (a 2030 goal is a horizon, not a preparation).
AHEAD_DAYS = 366
#: The kinds of document a title names, most specific first; the note calls the
#: statement by the first one its title holds ("joint statement" when none).
DOCUMENT_KINDS = (
    "joint press statement",
    "joint press release",
    "joint statement",
    "joint declaration",
    "joint communiqué",
    "joint communique",
    "leaders’ declaration",
    "leaders' declaration",
    "communiqué",
    "communique",
    "declaration",
    "readout",
    "chairman’s statement",
    "chairman's statement",
    "co-chairs’ statement",
    "co-chairs' statement",
    "chair’s statement",
    "chair's statement",
    "vision statement",
    "action plan",
    "plan of action",
    "accord",
    "press release",
    "fact sheet",
    "statement",
)

#: What to ask about a commitment, by its recorded status ({lead}: the lead
#: agency, or the other side when none is recorded).
_ASK_BY_STATUS = {
    "Not started": "ask {lead} when work will start",
    "Planned": "confirm the start date with {lead}",
    "In progress": "ask {lead} for the expected completion date",
    "Ongoing": "ask {lead} for the latest results",
    "Completed": "acknowledge completion and agree any follow-on",
    "Delayed": "ask {lead} what holds it up and agree a revised date",
    "Suspended": "ask {lead} whether and when it will resume",
    "Cancelled": "confirm whether anything replaces it",
}
#: What to ask about a commitment with no status, by where its date falls.
_ASK_BY_TIMING = {
    "passed": "ask whether it took place and what followed",
    "before the meeting": "confirm preparations are on track",
    "around the meeting": "confirm preparations are on track",
    "later": "confirm it is on track",
    "ahead": "confirm it is on track",
}
_OVERDUE_ASK = "ask {lead} why it is late and agree a new date"
#: Whom to ask when the matrix names no lead agency.
_NO_LEAD = "who leads it"
#: Words of a part's heading that may be written in lower case in a sentence
#: ("Three Priority Areas of Cooperation" -> "three priority areas of cooperation").
_COMMON_HEADING_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "priority",
        "priorities",
        "area",
        "areas",
        "field",
        "fields",
        "pillar",
        "pillars",
        "sector",
        "sectors",
        "cooperation",
        "co-operation",
        "collaboration",
        "partnership",
        "relations",
        "relationship",
        "other",
        "issues",
        "matters",
        "key",
        "main",
        "major",
        "general",
        "common",
        "shared",
        "strategic",
        "political",
        "economic",
        "security",
        "regional",
        "global",
        "international",
        "bilateral",
        "multilateral",
        "cultural",
        "exchanges",
        "exchange",
        "affairs",
        "further",
        "new",
        "future",
        "specific",
        "concrete",
        "and",
        "of",
        "in",
        "on",
        "for",
        "the",
        "with",
        "to",
        "a",
        "an",
    ]
)


class Line(msgspec.Struct, frozen=True):
    """One line to take: a single sentence about one commitment."""

    item: Item
    text: str
    status: str | None
    overdue: bool


class AreaLines(msgspec.Struct, frozen=True):
    """The lines to take of one area, and how many of its commitments had no
    room on the front sheet."""

    label: str
    lines: list[Line]
    more: int = 0


class Briefing(msgspec.Struct, frozen=True):
    """Everything the front sheet says, in order.

    The records of the briefing are msgspec Structs, not dataclasses: a Struct
    class is made in microseconds, a dataclass's methods are compiled on every
    import (about 1 ms a class, on every run)."""

    meeting: str
    meeting_date: date | None
    as_of: date
    issue: list[str]
    recommendations: list[str]
    timing: str
    documents: list[SignedDocument]
    lines_intro: str
    lines: list[AreaLines]
    milestones: list[Milestone]
    deadlines: list[Deadline]
    progress: Progress | None
    #: items the parser flagged for a careful reader to check
    review: int
    #: what the lines to take are chosen from (for :func:`with_line_budget`)
    _context: _Context | None = None

    def __eq__(self, other: object) -> bool:
        """The same content (what the lines were chosen from is not compared)."""
        if not isinstance(other, Briefing):
            return NotImplemented
        return all(
            getattr(self, name) == getattr(other, name)
            for name in self.__struct_fields__
            if name != "_context"
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def overdue(self) -> list[Deadline]:
        """The deadlines past due (:func:`jtreport.followup.is_overdue`)."""
        return [d for d in self.deadlines if d.overdue]


def brief_for(statement: Statement, options: ExportOptions, line_budget: int) -> Briefing:
    """:func:`brief` for an export: the reader's day, the follow-up records and
    the meeting taken from the exporter's ``options``."""
    return brief(
        statement,
        as_of=options.as_of,
        followup=options.followup,
        meeting=options.meeting,
        meeting_date=options.meeting_date,
        line_budget=line_budget,
    )


def brief(
    statement: Statement,
    *,
    as_of: date,
    followup: Mapping[str, FollowUp] | None = None,
    meeting: str | None = None,
    meeting_date: date | None = None,
    line_budget: int = LINE_BUDGET,
) -> Briefing:
    """The front sheet for ``statement`` read on ``as_of`` for a meeting."""
    records = {k: r for k, r in (followup or {}).items() if not r.is_empty}
    timed = milestones(statement, as_of, meeting_date)
    due = deadlines(statement, records, as_of, meeting_date)
    done = progress(statement, followup)
    documents = signed_documents(statement)
    name = (meeting or "").strip() or _default_meeting(statement)
    context = _Context.of(statement, records, as_of, meeting_date, timed, due)
    return Briefing(
        meeting=name,
        meeting_date=meeting_date,
        as_of=as_of,
        issue=_issue(statement, name, meeting_date, documents, done, due),
        recommendations=_recommendations(context, documents, followup is not None and records),
        timing=_timing(context),
        documents=documents,
        lines_intro=_lines_intro(statement, records),
        lines=_lines(context, line_budget),
        milestones=timed,
        deadlines=due,
        progress=done,
        review=sum(1 for i in statement.items if i.review),
        _context=context,
    )


def with_line_budget(briefing: Briefing, line_budget: int) -> Briefing:
    """``briefing`` with at most ``line_budget`` lines to take: what
    :func:`brief` gives with that budget, without working out the rest again
    (only the lines to take depend on the budget; each line is written once).
    The Word note and the PDF summary try smaller budgets until they fit."""
    if briefing._context is None:
        raise ValueError("the briefing was not made by brief()")
    return msgspec.structs.replace(briefing, lines=_lines(briefing._context, line_budget))


class _Context(msgspec.Struct, frozen=True, eq=False):
    statement: Statement
    records: Mapping[str, FollowUp]
    as_of: date
    meeting_date: date | None
    milestones: list[Milestone]
    deadlines: list[Deadline]
    #: item IDs past their due date, and each item's milestones (looked up per line)
    late: frozenset[str] = frozenset()
    timed: Mapping[str, list[Milestone]] = msgspec.field(default_factory=dict)
    #: the areas and their commitments, and each commitment's line once written
    groups: list[AreaDigest] = msgspec.field(default_factory=list)
    written: dict[int, Line] = msgspec.field(default_factory=dict)

    @classmethod
    def of(
        cls,
        statement: Statement,
        records: Mapping[str, FollowUp],
        as_of: date,
        meeting_date: date | None,
        timed: list[Milestone],
        due: list[Deadline],
    ) -> _Context:
        by_item: dict[str, list[Milestone]] = {}
        for milestone in timed:
            by_item.setdefault(milestone.item.id, []).append(milestone)
        late = frozenset(d.item.id for d in due if d.overdue)
        groups = digest(statement)
        return cls(statement, records, as_of, meeting_date, timed, due, late, by_item, groups)


def _default_meeting(statement: Statement) -> str:
    when = long_date(statement.date)
    kind = document_kind(statement)
    return f"Follow-up to the {kind} of {when}" if when else f"Follow-up to the {kind}"


def document_kind(statement: Statement) -> str:
    """What the statement calls itself, in lower case: "communiqué" for a
    leaders' communiqué, "readout", "joint declaration"; "joint statement" when
    its title names no kind of document."""
    title = (statement.title or "").casefold()
    for kind in DOCUMENT_KINDS:
        if re.search(rf"(?<!\w){re.escape(kind)}(?!\w)", title):
            return kind.replace("’", "'").replace("'", "’")
    return "joint statement"


def _soon_enough(milestone: Milestone, as_of: date) -> bool:
    """Whether an "ahead" event (no meeting date) starts within :data:`AHEAD_DAYS`."""
    span = period(milestone.date.value)
    return span is not None and (span[0] - as_of).days <= AHEAD_DAYS


# The issue --------------------------------------------------------------------------


def structure(statement: Statement) -> str:
    """How the statement organises its areas, in its own words: ``three priority
    areas of cooperation (Green Economy and Resilience; Connectivity; ...) and
    cooperation in other fields``; empty when it has no areas."""
    phrases: list[str] = []
    placed: set[str] = set()
    for part in statement.parts:
        areas = [a for a in statement.areas if a.part_id == part.id]
        placed.update(a.id for a in areas)
        if not areas:
            continue
        heading = in_sentence(part.heading)
        if len(areas) == 1 and _same(areas[0].heading, part.heading):
            phrases.append(heading)
        else:
            phrases.append(f"{heading} ({'; '.join(a.heading for a in areas)})")
    loose = [a.heading for a in statement.areas if a.id not in placed]
    if loose and phrases:
        phrases.append(join_words(loose))
    elif loose:
        phrases.append(f"{'sections' if len(loose) > 1 else 'a section'} on {'; '.join(loose)}")
    return join_words(phrases)


def in_sentence(heading: str) -> str:
    """A heading as it reads inside a sentence: lower case when every word is a
    common word ("Cooperation in other fields"), as written when it holds a
    name ("Cooperation with Central Asia")."""
    words = heading.split()
    if words and all(w.casefold() in _COMMON_HEADING_WORDS for w in words):
        return heading.lower()
    return heading


def _issuers(statement: Statement) -> str:
    """Who issued the statement: its leaders with their parties ("Prime Minister
    X of Japan and President Y of Tajikistan") when they speak for every party,
    else the parties ("Japan and the Republic of Tajikistan")."""
    leaders = statement.leaders
    speaking = {p.party for p in leaders}
    parties = {p.short_name for p in statement.parties}
    if leaders and len(leaders) <= MAX_LEADERS and parties and speaking == parties:
        return join_words(
            [
                " ".join(x for x in (p.title, p.name, f"of {with_article(p.party or '')}") if x)
                for p in leaders
            ]
        )
    return parties_phrase(statement.parties)


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _issue(
    statement: Statement,
    meeting: str,
    meeting_date: date | None,
    documents: list[SignedDocument],
    done: Progress | None,
    due: list[Deadline],
) -> list[str]:
    when = long_date(statement.date)
    issued = f"issued on {when}" if when else "issued"
    where = f" in {statement.place}" if statement.place else ""
    on = f", on {day_date(meeting_date)}" if meeting_date else ""
    first = (
        f"{meeting}{on}: to take stock of the {document_kind(statement)} that "
        f"{_issuers(statement)} {issued}{where}, and to agree what comes next."
    )
    shape = structure(statement)
    second = f"The statement sets out {shape}. " if shape else ""
    commitments = statement.commitments
    signed = [d for d in documents if d.done and d.action not in ("launched", "established")]
    launched = [d for d in documents if d not in signed]
    records = [f"{count(len(commitments), 'commitment')} to future action"]
    if signed:
        records.append(count(len(signed), "document") + " signed")
    if launched:
        records.append(count(len(launched), "new mechanism") + " launched or agreed")
    second += f"It records {join_words(records)}."
    paragraphs = [first, second]
    if done is not None and done.recorded:
        late = sum(1 for d in due if d.overdue)
        tail = f"; {late} overdue" if late else ""
        paragraphs.append(f"The implementation matrix records {done.sentence()}{tail}.")
    return paragraphs


# Recommendations ------------------------------------------------------------------------


def _recommendations(
    context: _Context, documents: list[SignedDocument], tracking: object
) -> list[str]:
    st = context.statement
    found: list[str] = []
    late = [d for d in context.deadlines if d.overdue]
    if late:
        found.append(
            f"Press for revised dates on the {count(len(late), 'item')} overdue on "
            f"{day_date(context.as_of)}: {_ids([d.item for d in late])}."
        )
    ahead = [
        m
        for m in context.milestones
        if m.timing in ("before the meeting", "around the meeting")
        or (m.timing == "ahead" and _soon_enough(m, context.as_of))
    ]
    for milestone in ahead[:2]:
        found.append(
            f"Confirm preparations for {event_name(st, milestone)} "
            f"({long_date(milestone.date.value)}, {milestone.timing}; "
            f"{paragraph_ref(milestone.item)})."
        )
    passed = [m for m in context.milestones if m.timing == "passed"]
    for milestone in passed[:1]:
        found.append(
            f"Ask for the outcome of {event_name(st, milestone)} "
            f"({long_date(milestone.date.value)}, now passed; {paragraph_ref(milestone.item)})."
        )
    commitments = st.commitments
    blank = [
        i for i in commitments if not (context.records.get(i.id) and context.records[i.id].status)
    ]
    if commitments and not tracking:
        found.append(
            f"Agree a lead agency, a first step and a due date for each of the "
            f"{count(len(commitments), 'commitment')}, and record them in the implementation "
            "matrix."
        )
    elif blank:
        found.append(
            f"Obtain a status for the {count(len(blank), 'commitment')} the matrix leaves "
            f"blank ({_ids(blank)})."
        )
    for item in invitations(st):
        found.append(
            f"Agree the reply to the invitation ({paragraph_ref(item)}): "
            f"{shorten(undertaking(st, item), LINE_WORDS, names=names(item))}."
        )
    signed = [d for d in documents if d.done]
    if signed:
        found.append(
            f"Ask each lead ministry for a first report on the "
            f"{count(len(signed), 'document')} signed or launched (listed below)."
        )
    review = [i for i in st.items if i.review]
    if review:
        found.append(
            f"Check the {count(len(review), 'item')} the parser flagged for review "
            f"({_ids(review)}) before the pack is cleared."
        )
    return found[:MAX_RECOMMENDATIONS]


def invitations(statement: Statement) -> list[Item]:
    """Invitations that are not commitments: they still need an answer."""
    return [i for i in statement.items if i.category == "invitation" and not i.is_commitment]


def _ids(items: list[Item], listed: int = 8) -> str:
    ids = [i.id for i in items]
    noun = "item" if len(ids) == 1 else "items"
    if len(ids) > listed:
        return f"{noun} {', '.join(ids[:listed])} and {len(ids) - listed} more"
    return f"{noun} {join_words(ids)}"


def event_name(statement: Statement, milestone: Milestone) -> str:
    """What happens on a milestone's date: the project or instrument the item
    names just before (or around) the date's words, else the named event just
    before them ("the Summit organized in Paris on June 22-23"), else the
    item's topic cut at a clause boundary."""
    item = milestone.item
    text = " ".join(item.text.split())
    at = text.find(milestone.date.text) if milestone.date.text else -1
    best: tuple[int, str] | None = None
    if at >= 0:
        # projects and instruments are events and documents; organisations are not
        for name in (*item.projects, *item.instruments):
            start = text.find(name)
            if start < 0:
                continue
            end = start + len(name)
            contains = start <= at < end
            gap = at - end
            if contains or 0 <= gap <= 12:
                distance = 0 if contains else gap
                if best is None or distance < best[0]:
                    best = (distance, name)
    if best is not None:
        name = best[1]
        return name if re.match(r"(?i)the\s", name) else f"the {name}"
    if at > 0:
        named = _named_before(text[:at])
        if named:
            return named
    return shorten(topic(statement, item), 14, names=names(item))


_THE_NAME = re.compile(
    r"\bthe\s+[A-Z0-9][\w’'-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z0-9][\w’'-]*)*"
)
_TRAILING_PREPOSITION = re.compile(r"\s+(?:on|in|at|by|from|of|for|during)\s*$")


def _named_before(before: str) -> str | None:
    """The event a date belongs to when the item names it just before the
    date, within the same clause: "... starting with the Summit organized in
    Paris on [June 22-23]" -> "the Summit organized in Paris"."""
    clause = re.split(r"[,;:(]\s", before)[-1]
    found = list(_THE_NAME.finditer(clause))
    if not found:
        return None
    phrase = _TRAILING_PREPOSITION.sub("", clause[found[-1].start() :].rstrip())
    return phrase if 2 <= len(phrase.split()) <= 12 else None


# Timing ---------------------------------------------------------------------------------


def _timing(context: _Context) -> str:
    st, as_of, meeting = context.statement, context.as_of, context.meeting_date
    today = day_date(as_of)
    if meeting is None:
        opening = f"No date is set for the meeting. As of {today}:"
    else:
        days = (meeting - as_of).days
        if days > 0:
            opening = f"The meeting is on {day_date(meeting)}, {count(days, 'day')} from {today}"
        elif days == 0:
            opening = f"The meeting is today, {today}"
        else:
            opening = f"The meeting was on {day_date(meeting)}; as of {today}"
    soon_kinds = ("before the meeting", "around the meeting") if meeting else ("ahead",)
    soon = [
        m
        for m in context.milestones
        if m.timing in soon_kinds and (meeting or _soon_enough(m, as_of))
    ]
    due_soon = [
        d
        for d in context.deadlines
        if not d.overdue and d.timing in soon_kinds and d.record.status not in CLOSED_STATUSES
    ]
    late = [d for d in context.deadlines if d.overdue]
    clauses: list[str] = []
    if soon:
        named = [f"{event_name(st, m)} ({long_date(m.date.value)})" for m in soon[:NAMED_EVENTS]]
        more = len(soon) - len(named)
        lead = "before or around it" if meeting else "ahead"
        clauses.append(
            f"{lead}: {join_words(named)}"
            + (f" and {count(more, 'other dated event')}" if more else "")
        )
    if due_soon:
        clauses.append(
            f"{count(len(due_soon), 'due date')} in the matrix fall"
            f"{'s' if len(due_soon) == 1 else ''} {'before the meeting' if meeting else 'ahead'}"
        )
    if late:
        clauses.append(f"{count(len(late), 'item')} {'is' if len(late) == 1 else 'are'} overdue")
    passed = [m for m in context.milestones if m.timing == "passed"]
    if passed:
        verb = "has" if len(passed) == 1 else "have"
        clauses.append(f"{count(len(passed), 'dated event')} named in the statement {verb} passed")
    if not clauses:
        clauses.append("the statement names no dated event still ahead")
    joint = " " if opening.endswith(":") else "; "
    return f"{opening}{joint}{'; '.join(clauses)}."


# Lines to take ----------------------------------------------------------------------------


def _lines_intro(statement: Statement, records: Mapping[str, FollowUp]) -> str:
    if not statement.commitments:
        return "The statement holds no commitments to future action."
    if not records:
        return (
            "What each side undertook, by area. No lead agency, status or due date is "
            "recorded yet; dates are those the statement names."
        )
    return (
        "What each side undertook, by area, with the status, lead agency and due date "
        "recorded in the implementation matrix, and what to ask."
    )


def _priority(context: _Context, item: Item) -> int:
    record = context.records.get(item.id)
    if item.id in context.late:
        return 0
    if record is not None and record.status == "Delayed":
        return 1
    timings = {m.timing for m in context.timed.get(item.id, [])}
    if timings & {"before the meeting", "around the meeting", "passed"}:
        return 2
    if record is not None and record.status in CLOSED_STATUSES:
        return 5
    if timings or (record is not None and record.due_date):
        return 3
    return 4


def _lines(context: _Context, budget: int) -> list[AreaLines]:
    st = context.statement
    commitments = st.commitments
    order = {id(item): n for n, item in enumerate(commitments)}
    rank = {id(i): (_priority(context, i), order[id(i)]) for i in commitments}
    # every area that has commitments gets its most pressing one first, then
    # the most pressing of the rest fill the budget
    groups = context.groups
    firsts = [min(g.commitments, key=lambda i: rank[id(i)]) for g in groups if g.commitments]
    firsts.sort(key=lambda i: rank[id(i)])
    chosen = {id(i) for i in firsts[:budget]}
    for item in sorted(commitments, key=lambda i: rank[id(i)]):
        if len(chosen) >= budget:
            break
        chosen.add(id(item))
    result: list[AreaLines] = []
    for group in groups:
        kept = [i for i in group.commitments if id(i) in chosen]
        if not group.commitments:
            continue
        result.append(
            AreaLines(
                label=group.label,
                lines=[_written(context, item) for item in kept],
                more=len(group.commitments) - len(kept),
            )
        )
    return result


def _written(context: _Context, item: Item) -> Line:
    """:func:`line`, written once per item and context."""
    found = context.written.get(id(item))
    if found is None:
        found = context.written[id(item)] = line(context, item)
    return found


def line(context: _Context, item: Item) -> Line:
    """The line to take on one commitment: who undertook what (a whole clause),
    where, and what the record and the dates say, with what to ask."""
    st = context.statement
    record = context.records.get(item.id)
    late = item.id in context.late
    facts: list[str] = []
    status = record.status if record is not None else None
    if record is not None:
        facts.append(status or "no status")
        if record.lead_agency:
            facts.append(f"lead {record.lead_agency}")
        if record.due_date:
            word = "overdue since" if late else "due"
            facts.append(f"{word} {day_date(record.due_date)}")
    timed = context.timed.get(item.id, [])
    for milestone in timed:
        facts.append(f"{long_date(milestone.date.value)} {_timing_words(milestone.timing)}")
    ask = _ask(record, late, timed)
    what = shorten(undertaking(st, item), LINE_WORDS, names=names(item))
    text = f"{what} ({paragraph_ref(item)})"
    if facts:
        text += f" — {', '.join(facts)}"
    text += f": {ask}." if ask else "."
    return Line(item=item, text=text, status=status, overdue=late)


def _timing_words(timing: str | None) -> str:
    return {
        "passed": "(passed)",
        "before the meeting": "(before the meeting)",
        "around the meeting": "(around the meeting)",
        "later": "(after the meeting)",
        "ahead": "(ahead)",
    }.get(timing or "", "")


def _ask(record: FollowUp | None, late: bool, timed: list[Milestone]) -> str | None:
    lead = record.lead_agency if record is not None and record.lead_agency else None
    if late and (record is None or record.status != "Delayed"):
        return _with_lead(_OVERDUE_ASK, lead)
    if record is not None and record.status in _ASK_BY_STATUS:
        return _with_lead(_ASK_BY_STATUS[record.status], lead)
    if timed:
        return _ASK_BY_TIMING.get(timed[0].timing or "")
    return None


def _with_lead(ask: str, lead: str | None) -> str:
    """``ask METI why ...``; without a lead, ``ask who leads it and why ...``."""
    if lead:
        return ask.format(lead=lead)
    if ask.startswith("ask {lead} "):
        return f"ask {_NO_LEAD} and {ask.removeprefix('ask {lead} ')}"
    return ask.replace(" with {lead}", "").format(lead=_NO_LEAD)


def area_of(statement: Statement, item: Item) -> str:
    """The label of the area an item belongs to."""
    return area_label(statement, item.area_id)
