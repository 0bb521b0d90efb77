"""The front sheet: at most two pages that say what the reader must decide and
by when.  Heading block (To / From / Date / Copy), Issue, Recommendations,
Timing, Key deliverables and Lines to take, all from :mod:`jtreport.digest.briefing`
(the PDF summary opens with the same content)."""

from __future__ import annotations

from jtreport.digest import SignedDocument, day_date
from jtreport.digest.briefing import Briefing

from . import styles as S
from .context import NoteContext
from .ooxml import Inline
from .text import capitalise, join_words, paragraph_ref
from .writer import NoteWriter

#: Front-sheet section headings, in order (the tests and the PDF use them too).
ISSUE, RECOMMENDATIONS, TIMING, DELIVERABLES, LINES = (
    "Issue",
    "Recommendations",
    "Timing",
    "Key deliverables",
    "Lines to take",
)
#: Where the full table of documents is, for the front sheet to point at.
DOCUMENTS_HEADING = "Documents signed and launched"


def heading_block(out: NoteWriter, ctx: NoteContext) -> None:
    """The title, the meeting, and the To / From / Date / Copy block."""
    opts = ctx.options
    out.para(S.TITLE, "Briefing note")
    out.para(S.SUBTITLE, ctx.meeting)
    rows = [
        ("To", ctx.to),
        ("From", (opts.author or "").strip() or "—"),
        ("Date", day_date(opts.as_of)),
        ("Copy", ctx.copy),
        ("Subject", ctx.statement.title or "Untitled joint statement"),
    ]
    for label, value in rows:
        out.para(S.NOTE_META, out.label(label), "\t", value)


def front_sheet(out: NoteWriter, ctx: NoteContext) -> None:
    """Issue, recommendations, timing, key deliverables and lines to take."""
    briefing = ctx.briefing
    out.heading(1, ISSUE)
    for text in briefing.issue:
        out.para(S.NORMAL, text)
    out.heading(1, RECOMMENDATIONS)
    if briefing.recommendations:
        for text in briefing.recommendations:
            out.bullet(text)
    else:
        out.para(S.NORMAL, "No decision is needed: the statement holds nothing to follow up.")
    out.heading(1, TIMING)
    out.para(S.NORMAL, briefing.timing)
    key_deliverables(out, briefing)
    lines_to_take(out, ctx)


def key_deliverables(out: NoteWriter, briefing: Briefing) -> None:
    """The documents signed and launched, by what happened to them, names whole."""
    out.heading(1, DELIVERABLES)
    if not briefing.documents:
        out.para(S.NORMAL, "The statement records no document signed and no mechanism launched.")
        return
    groups: dict[str, list[SignedDocument]] = {}
    for document in briefing.documents:
        groups.setdefault(document.event, []).append(document)
    for event, documents in groups.items():
        content: list[Inline] = [out.label(f"{capitalise(event)}: ")]
        for n, document in enumerate(documents):
            content += ["; " if n else "", document.name, " ", out.ref(f"({_where(document)})")]
        content.append(".")
        out.bullet(*content)
    out.para(
        S.AREA_NOTE,
        f"Parties and dates are in “{DOCUMENTS_HEADING}” after this front sheet.",
    )


def _where(document: SignedDocument) -> str:
    return paragraph_ref(document.item)


def lines_to_take(out: NoteWriter, ctx: NoteContext) -> None:
    """One line per commitment, grouped by area (the area headings are left out
    when the statement has none)."""
    briefing = ctx.briefing
    out.heading(1, LINES)
    out.para(S.AREA_NOTE, briefing.lines_intro)
    named = len(briefing.lines) > 1 or any(a.area is not None for a in ctx.areas)
    more: list[str] = []
    for group in briefing.lines:
        if named and group.lines:
            out.heading(3, group.label)
        for line in group.lines:
            content: list[Inline] = []
            if line.status is not None or ctx.tracking:
                content += [out.status_mark(line.status)]
            content.append(line.text)
            out.bullet(*content)
        if group.more:
            more.append(f"{group.more} in {group.label}")
    if more:
        out.para(
            S.AREA_NOTE,
            f"Further commitments, listed under “Commitments by area”: {join_words(more)}.",
        )


# Fitting the front sheet on two pages ------------------------------------------------

#: Characters a line of body text holds, and lines a page holds, in the default
#: template (10.5 pt Arial on a 15.6 cm line, 1.1 line spacing): the front sheet
#: is fitted to two pages by giving fewer lines to take when it would run over.
LINE_CHARS = 92
PAGE_LINES = 54
#: Lines the title, the To / From / Date / Copy block and a heading take.
_TITLE_LINES, _HEADING_LINES, _SUBHEADING_LINES = 8.5, 2.6, 1.8
#: The space after a paragraph, in lines.
_GAP = 0.45


def estimated_lines(briefing: Briefing, title: str) -> float:
    """About how many lines the front sheet takes (a safe overestimate)."""

    def text(chars: int, indent: int = 0) -> float:
        return -(-chars // (LINE_CHARS - indent)) + _GAP

    total = _TITLE_LINES + text(len(title), 18) + 5 * _HEADING_LINES
    total += sum(text(len(p)) for p in briefing.issue)
    total += sum(text(len(r), 4) for r in briefing.recommendations) or 1
    total += text(len(briefing.timing))
    events: dict[str, int] = {}
    for document in briefing.documents:
        events[document.event] = events.get(document.event, 0) + len(document.name) + 12
    total += sum(text(n + 14, 4) for n in events.values()) + (1.5 if events else 1)
    total += text(len(briefing.lines_intro))
    for group in briefing.lines:
        total += _SUBHEADING_LINES if group.lines else 0
        total += sum(text(len(line.text) + 2, 4) for line in group.lines)
    more = sum(1 for g in briefing.lines if g.more)
    return total + (1.5 if more else 0)


def fits(briefing: Briefing, title: str) -> bool:
    """True when the front sheet should fit on two pages."""
    return estimated_lines(briefing, title) <= 2 * PAGE_LINES
