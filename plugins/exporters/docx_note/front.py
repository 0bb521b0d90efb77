"""The front of the note: heading block, purpose, summary and background."""

from __future__ import annotations

from collections import Counter

import msgspec
from jtreport.digest import AreaDigest, Progress, day_date, long_date, progress
from jtreport.model import CATEGORIES

from . import styles as S
from .context import NoteContext
from .ooxml import Cell
from .text import (
    count,
    join_words,
    paragraph_ref,
    paragraph_span,
    parties_phrase,
    person_phrase,
    shorten,
    topic,
    undertaking,
)
from .writer import NoteWriter

#: how many commitments the summary names per area before "and N more"
SUMMARY_GISTS = 4


def heading_block(out: NoteWriter, ctx: NoteContext) -> None:
    """The title, the meeting, the statement's particulars and the classification."""
    st, opts = ctx.statement, ctx.options
    out.para(S.TITLE, "Briefing note")
    out.para(S.SUBTITLE, ctx.meeting)
    rows = [
        ("Statement", st.title or "Untitled joint statement"),
        ("Date", ", ".join(x for x in (long_date(st.date), st.place or "") if x) or "Not stated"),
        ("Parties", "; ".join(p.name for p in st.parties) or "Not identified"),
    ]
    prepared = day_date(opts.created.date())
    rows.append(("Prepared", f"{prepared} by {opts.author}" if opts.author else prepared))
    if ctx.progress is not None:
        source = "the ministry's implementation matrix"
        rows.append(("Progress", f"from {source}" if ctx.tracking else f"{source} is still blank"))
    if opts.classification.strip():
        rows.append(("Classification", opts.classification.strip()))
    for label, value in rows:
        out.para(S.NOTE_META, out.label(label), "\t", value)


def purpose(out: NoteWriter, ctx: NoteContext) -> None:
    """Why the reader has this note."""
    st = ctx.statement
    out.heading(1, "Purpose")
    when = long_date(st.date)
    issued = f"issued on {when}" if when else "issued"
    since = (
        "where each commitment stands according to the implementation matrix"
        if ctx.tracking
        else "the milestones ahead"
    )
    if ctx.options.meeting and ctx.options.meeting.strip():
        opening = f"To prepare for the meeting “{ctx.meeting}”."
    else:
        opening = "To prepare for the follow-up of the joint statement."
    out.para(
        S.NORMAL,
        f"{opening} This note sets out what {parties_phrase(st.parties)} agreed in the joint "
        f"statement they {issued}, {since}, and the points to raise.",
    )


def summary(out: NoteWriter, ctx: NoteContext) -> None:
    """The bottom line first: counts, progress, what the commitments are about."""
    st = ctx.statement
    out.heading(1, "Summary")
    out.para(S.NORMAL, _bottom_line(ctx))
    if ctx.progress is not None:
        out.para(S.NORMAL, out.label("Progress: "), ctx.progress.sentence() + ".")
    if not st.items:
        return
    _glance_table(out, ctx)
    out.heading(3, "By area")
    for area in ctx.areas:
        if area.items:
            out.bullet(out.label(f"{area.label}: "), _area_gist(ctx, area))
    if ctx.milestones or ctx.invitations:
        out.heading(3, "Ahead")
    if ctx.milestones:
        first = ctx.milestones[0]
        more = len(ctx.milestones) - 1
        tail = f" ({count(more, 'further dated event')} below)" if more else ""
        out.bullet(
            out.label("Next milestone: "),
            f"{long_date(first.date.value)}: {shorten(undertaking(st, first.item), 18)} ",
            out.ref(f"({paragraph_ref(first.item)})"),
            tail + ".",
        )
    for item in ctx.invitations:
        out.bullet(
            out.label("Open invitation: "),
            shorten(undertaking(st, item), 24) + " ",
            out.ref(f"({paragraph_ref(item)})"),
            ".",
        )


def _bottom_line(ctx: NoteContext) -> str:
    st = ctx.statement
    commitments = st.commitments
    text = (
        f"The joint statement has {count(len(st.paragraphs), 'paragraph')} and "
        f"{count(len(st.items), 'item')}"
    )
    if ctx.areas and any(a.area for a in ctx.areas):
        text += f" in {count(sum(1 for a in ctx.areas if a.area), 'area')} of cooperation"
    if not commitments:
        return text + "; none of the items commits either side to future action."
    kinds = Counter(i.category for i in commitments)
    kinds_text = join_words([count(kinds[c], c) for c in CATEGORIES if kinds[c]])
    verb = "is a commitment" if len(commitments) == 1 else "are commitments"
    return f"{text}. Of these, {len(commitments)} {verb} to future action: {kinds_text}."


def _area_gist(ctx: NoteContext, area: AreaDigest) -> str:
    others = len(area.items) - len(area.commitments)
    if not area.commitments:
        kinds = [count(n, c) for c, n in area.by_category.items()]
        return f"no commitments; {join_words(kinds)}."
    gists = [shorten(topic(ctx.statement, i), 9) for i in area.commitments]
    shown = [_lower_subject(g) for g in gists[:SUMMARY_GISTS]]
    more = len(gists) - len(shown)
    listed = "; ".join(shown) + (f"; and {more} more" if more else "")
    extra = f" ({count(others, 'other item')})" if others else ""
    stop = "" if listed.endswith("…") else "."
    return f"{count(len(area.commitments), 'commitment')}{extra}: {listed}{stop}"


def _lower_subject(text: str) -> str:
    for subject in ("Both sides", "All parties"):
        if text.startswith(subject):
            return subject.lower() + text[len(subject) :]
    return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _glance_table(out: NoteWriter, ctx: NoteContext) -> None:
    header = ["Area", "Paragraphs", "Items", "Commitments"]
    shares = [4.6, 1.6, 1.1, 2.1]
    progress_column = ctx.progress is not None and ctx.tracking
    if progress_column:
        header.append("Progress")
        shares = [3.2, 1.7, 1.0, 2.1, 4.4]
    rows: list[list[Cell]] = []
    for area in ctx.areas:
        row: list[Cell] = [
            [[area.label]],
            [[str(area.paragraphs)]],
            [[str(len(area.items))]],
            [[str(len(area.commitments))]],
        ]
        if progress_column:
            row.append([[_area_progress(ctx, area)]])
        rows.append(row)
    st = ctx.statement
    total: list[Cell] = [
        [[out.label("Total")]],
        [[out.label(str(len(st.paragraphs)))]],
        [[out.label(str(len(st.items)))]],
        [[out.label(str(len(st.commitments)))]],
    ]
    if ctx.progress is not None and progress_column:
        total.append([[out.label(_status_counts(ctx.progress))]])
    rows.append(total)
    out.table(shares, header, rows)


def _area_progress(ctx: NoteContext, area: AreaDigest) -> str:
    if not area.commitments:
        return "—"
    # the shared progress view, over this area's items only
    part = msgspec.structs.replace(ctx.statement, items=area.items)
    found = progress(part, ctx.options.followup)
    return _status_counts(found) if found else "—"


def _status_counts(found: Progress) -> str:
    """``1 completed, 1 delayed, 2 without a status``: a table cell's worth."""
    parts = [f"{n} {status.lower()}" for status, n in found.by_status.items()]
    missing = found.commitments - found.recorded
    if missing:
        parts.append(f"{missing} without a status")
    return ", ".join(parts) or "—"


def background(out: NoteWriter, ctx: NoteContext) -> None:
    """The meeting, the leaders, and the areas of cooperation."""
    st = ctx.statement
    out.heading(1, "Background")
    when = long_date(st.date)
    setting = ", ".join(
        x for x in (f"On {when}" if when else "", f"in {st.place}" if st.place else "") if x
    )
    title = f"the joint statement “{st.title}”" if st.title else "a joint statement"
    if st.leaders:
        who = join_words([person_phrase(p) for p in st.leaders])
        sentence = f"{who} met and issued {title}."
    else:
        sentence = f"{_capitalise(parties_phrase(st.parties))} issued {title}."
    out.para(S.NORMAL, f"{setting}, {sentence}" if setting else sentence)
    if st.preamble:
        out.para(S.AREA_NOTE, "The statement opens: ", f"“{shorten(st.preamble[0], 70)}”")
    signed = [p for p in st.signatories if p.name not in {x.name for x in st.leaders}]
    if signed:
        out.para(S.NORMAL, f"Signed by {join_words([person_phrase(p) for p in signed])}.")
    if st.parts and len(st.parts) > 1:
        parts = [f"{p.label} {p.heading}" if p.label else p.heading for p in st.parts]
        out.para(S.NORMAL, f"It has {count(len(st.parts), 'part')}: {'; '.join(parts)}.")
    named = [a for a in ctx.areas if a.area is not None]
    if not named:
        return
    out.para(S.NORMAL, f"It organises cooperation under {count(len(named), 'area')}:")
    for area in named:
        description = area.area.description if area.area else None
        span = paragraph_span(ctx.paragraphs_of(area))
        out.bullet(
            out.label(area.label),
            f" — {description}" if description else "",
            f" ({span})" if span else "",
        )
