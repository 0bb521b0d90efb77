"""What lies ahead: upcoming milestones, points to raise and next steps."""

from __future__ import annotations

from datetime import date

from jtreport.digest import day_date, long_date
from jtreport.followup import FollowUp
from jtreport.model import Item

from . import styles as S
from .context import NoteContext
from .ooxml import Cell
from .text import check, count, join_words, paragraph_ref, shorten, undertaking
from .writer import NoteWriter

#: item IDs a next-step bullet lists before "and N more"
LISTED_IDS = 20
#: statuses whose next step is no longer the meeting's business
_CLOSED = ("Completed", "Cancelled")


def upcoming_milestones(out: NoteWriter, ctx: NoteContext) -> None:
    """The dated future events, in date order, as a table."""
    out.heading(1, "Upcoming milestones")
    if not ctx.milestones:
        out.para(S.NORMAL, "The statement names no dated events after its own date.")
        return
    out.para(
        S.NORMAL,
        f"The statement names {count(len(ctx.milestones), 'dated event')} after its own date:",
    )
    rows: list[list[Cell]] = [
        [
            [[long_date(m.date.value) or m.date.text]],
            [[shorten(undertaking(ctx.statement, m.item), 40)]],
            [[m.area_label]],
            [[f"{m.item.id} ({paragraph_ref(m.item)})"]],
        ]
        for m in ctx.milestones
    ]
    out.table([2.2, 8.4, 3.4, 1.8], ["Date", "Event", "Area", "Item"], rows)


def points_to_raise(out: NoteWriter, ctx: NoteContext) -> None:
    """One check per commitment (and per open invitation), grouped by who undertook it."""
    out.heading(1, "Points to raise")
    groups = _groups(ctx)
    if not groups:
        out.para(S.NORMAL, "The statement holds no commitments or invitations to follow up.")
        return
    out.para(
        S.NORMAL,
        "What each side undertook, and what the meeting should check. "
        "References are to the statement's paragraphs.",
    )
    for title, items in groups:
        out.heading(3, title)
        for item in items:
            record = ctx.record(item)
            question = check(item, record, ctx.statement.date)
            notes = _point_notes(ctx, item)
            out.bullet(
                shorten(undertaking(ctx.statement, item), 20) + " ",
                out.ref(f"({paragraph_ref(item)})"),
                f": {question}" + (f" ({notes})" if notes else "") + ".",
            )


def _point_notes(ctx: NoteContext, item: Item) -> str:
    """Status, lead and dates from the matrix (the question already names the
    item's own date when there is no status)."""
    record = ctx.record(item)
    notes: list[str] = []
    if record is not None and record.status:
        notes.append(record.status.lower())
        notes += [f"milestone {long_date(d.value) or d.text}" for d in item.dates if d.future]
    if record is not None:
        if record.lead_agency:
            notes.append(f"lead: {record.lead_agency}")
        if record.due_date:
            notes.append(f"due {day_date(record.due_date)}")
    return "; ".join(notes)


def _groups(ctx: NoteContext) -> list[tuple[str, list[Item]]]:
    """Commitments by who acts: both sides first, then each party, then others;
    open invitations last."""
    st = ctx.statement
    joint = "All parties" if len(st.parties) > 2 else "Both sides"
    by_actor: dict[str, list[Item]] = {}
    for item in st.commitments:
        if "both" in item.actors or len(item.actors) > 1:
            key = joint
        else:
            key = item.actors[0] if item.actors else ""
        by_actor.setdefault(key, []).append(item)
    order = [joint, *(p.short_name for p in st.parties)]
    keys = [k for k in order if k in by_actor]
    keys += sorted(k for k in by_actor if k not in order and k)
    keys += [""] if "" in by_actor else []
    titles = {joint: f"{joint} (joint undertakings)", "": "Others"}
    groups = [(titles.get(k, f"{k} undertook"), by_actor[k]) for k in keys]
    if ctx.invitations:
        groups.append(("Invitations to answer", ctx.invitations))
    return groups


def next_steps(out: NoteWriter, ctx: NoteContext) -> None:
    """What officials should do next, from the commitments and the matrix."""
    out.heading(1, "Next steps")
    st = ctx.statement
    commitments = st.commitments
    wrote = False
    if ctx.followup is None and commitments:
        out.bullet(
            f"Assign a lead agency and a first step to each of the "
            f"{count(len(commitments), 'commitment')}, and record them in the "
            "implementation matrix so that the next note can report progress."
        )
        wrote = True
    if ctx.followup is not None:
        wrote = _recorded_steps(out, ctx, commitments) or wrote
    if ctx.milestones:
        first = ctx.milestones[0]
        out.bullet(
            f"Prepare for the {count(len(ctx.milestones), 'dated event')} ahead, starting "
            f"with {long_date(first.date.value) or first.date.text} ",
            out.ref(f"({paragraph_ref(first.item)})"),
            ".",
        )
        wrote = True
    if ctx.invitations:
        refs = join_words([paragraph_ref(i) for i in ctx.invitations])
        out.bullet(f"Agree the reply to the {_invitation_word(ctx)} ", out.ref(f"({refs})"), ".")
        wrote = True
    if not wrote:
        out.para(S.NORMAL, "No follow-up action arises from the statement.")


def _invitation_word(ctx: NoteContext) -> str:
    return "invitation" if len(ctx.invitations) == 1 else "invitations"


def _recorded_steps(out: NoteWriter, ctx: NoteContext, commitments: list[Item]) -> bool:
    wrote = False
    steps: list[tuple[FollowUp | None, Item]] = [(ctx.record(i), i) for i in commitments]
    planned: list[tuple[FollowUp, Item]] = []
    for record, item in steps:
        if record is not None and record.next_step and record.status not in _CLOSED:
            planned.append((record, item))
    planned.sort(key=lambda pair: pair[0].due_date or date.max)
    for record, item in planned:
        who = f"{record.lead_agency}, " if record.lead_agency else ""
        due = f"due {day_date(record.due_date)}" if record.due_date else "no due date"
        out.bullet(
            out.label(f"{item.id}: "),
            (record.next_step or "").rstrip(".") + " ",
            out.ref(f"({who}{due})"),
            f" — {_sentence(shorten(undertaking(ctx.statement, item), 12))}",
        )
        wrote = True
    unrecorded = [i.id for r, i in steps if r is None or not r.status]
    if unrecorded:
        listed = ", ".join(unrecorded[:LISTED_IDS])
        more = len(unrecorded) - LISTED_IDS
        listed += f" and {more} more" if more > 0 else ""
        out.bullet(
            f"Obtain a status for the {count(len(unrecorded), 'commitment')} the matrix "
            f"leaves blank: {listed}."
        )
        wrote = True
    return wrote


def _sentence(text: str) -> str:
    return text if text.endswith(("…", ".", "?", "!")) else text + "."
