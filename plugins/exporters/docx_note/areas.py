"""One section per area: its commitments in full, then its other items in brief."""

from __future__ import annotations

import re

from jtreport.digest import (
    AreaDigest,
    Milestone,
    actors_label,
    day_date,
    long_date,
    names,
    partners,
)
from jtreport.followup import FollowUp
from jtreport.model import CATEGORIES, Item

from . import styles as S
from .context import NoteContext
from .ooxml import Inline
from .text import count, paragraph_ref, paragraph_span, shorten, topic, with_subject
from .writer import NoteWriter

HEADING = "Commitments by area"
#: words of an item's topic the "other items" list keeps (cut at a clause boundary)
BRIEF_WORDS = 9
_SEPARATOR = "  ·  "
#: how the "other items" list introduces each category
CATEGORY_VERBS = {
    "pledge": "Pledged",
    "agreement": "Agreed",
    "intention": "Intended",
    "invitation": "Invited",
    "welcome": "Welcomed",
    "appreciation": "Appreciated",
    "affirmation": "Affirmed",
}


def area_sections(out: NoteWriter, ctx: NoteContext) -> None:
    """A heading per area (and for the items outside any area)."""
    out.heading(1, HEADING)
    if not ctx.areas:
        out.para(S.NORMAL, "The statement has no areas and no items to list.")
    for area in ctx.areas:
        out.heading(2, area.label)
        out.para(S.AREA_NOTE, _area_note(ctx, area))
        if area.commitments:
            out.heading(3, "Commitments")
            for item in area.commitments:
                commitment(out, ctx, item)
        else:
            out.para(S.NORMAL, "No commitments to future action in this area.")
        if area.others:
            out.heading(3, "Other items in brief")
            other_items(out, ctx, area.others)


def other_items(out: NoteWriter, ctx: NoteContext, items: list[Item]) -> None:
    """One bullet per category: what was welcomed, appreciated, affirmed...,
    each topic with its paragraph (and who, when only one side spoke)."""
    by_category: dict[str, list[Item]] = {}
    for item in items:
        by_category.setdefault(item.category, []).append(item)
    for category in CATEGORIES:
        group = by_category.get(category)
        if not group:
            continue
        content: list[Inline] = [out.label(f"{CATEGORY_VERBS[category]} ({len(group)}): ")]
        for n, item in enumerate(group):
            who = actors_label(ctx.statement, item)
            side = "" if who in ("Both sides", "All parties", "—") else f"{who}, "
            content += [
                "; " if n else "",
                _brief(ctx, item) + " ",
                out.ref(f"({side}{paragraph_ref(item)})"),
            ]
        content.append(".")
        out.bullet(*content)


def _brief(ctx: NoteContext, item: Item) -> str:
    """What an item is about, cut at a clause boundary, to follow its category's
    verb ("Appreciated: Japan for its participation ...")."""
    text = shorten(topic(ctx.statement, item), BRIEF_WORDS, minimum=3, names=names(item))
    return re.sub(r"^to\s+", "", text)


def _area_note(ctx: NoteContext, area: AreaDigest) -> str:
    parts = []
    if area.area is not None and area.area.description:
        parts.append(area.area.description.rstrip(".") + ".")
    elif area.area is None:
        parts.append("Items outside the statement's areas of cooperation.")
    span = paragraph_span(ctx.paragraphs_of(area))
    numbers = f"{count(len(area.items), 'item')}, {count(len(area.commitments), 'commitment')}"
    parts.append(f"{span[:1].upper() + span[1:]}; {numbers}." if span else f"{numbers}.")
    return " ".join(parts)


def commitment(out: NoteWriter, ctx: NoteContext, item: Item) -> None:
    """A commitment in full, read with its subject: its text, then one line of
    who, partners and dates and, when a filled matrix was given, the ministry's
    status, lead agency, due date (flagged when overdue) and next step."""
    out.para(
        S.COMMITMENT,
        out.label(item.id),
        "\t",
        with_subject(ctx.statement, item),
        " ",
        out.ref(f"({paragraph_ref(item)})"),
    )
    details: list[tuple[str, str]] = [
        ("Who", actors_label(ctx.statement, item)),
        ("Kind", item.category),
    ]
    if partners(item):
        details.append(("Partners", ", ".join(partners(item))))
    timed = {m.date.value: m for m in ctx.timed(item)}
    if item.dates:
        details.append(
            ("Dates", "; ".join(_date_phrase(d.value, d.text, timed) for d in item.dates))
        )
    content = _labelled(out, details)
    if ctx.tracking:
        record = ctx.record(item)
        content += [
            _SEPARATOR,
            out.label("Status: "),
            out.status_mark(record.status if record else None),
            (record.status if record and record.status else "not recorded"),
        ]
        if ctx.is_overdue(item):
            content += [" (", out.label("overdue"), ")"]
        pairs = status_details(record)
        if pairs:
            content += [_SEPARATOR, *_labelled(out, pairs)]
    out.para(S.COMMITMENT_DETAIL, *content)


def status_details(record: FollowUp | None) -> list[tuple[str, str]]:
    """The ministry's columns for one commitment besides its status, as
    label/value pairs."""
    if record is None:
        return []
    pairs = []
    if record.lead_agency:
        pairs.append(("Lead agency", record.lead_agency))
    if record.supporting_agencies:
        pairs.append(("Supporting", record.supporting_agencies))
    if record.due_date:
        pairs.append(("Due", day_date(record.due_date)))
    if record.next_step:
        pairs.append(("Next step", record.next_step))
    if record.notes:
        pairs.append(("Notes", record.notes))
    return pairs


def _date_phrase(value: str, text: str, timed: dict[str, Milestone]) -> str:
    when = long_date(value) or text
    milestone = timed.get(value)
    return f"{when} ({milestone.timing})" if milestone and milestone.timing else when


def _labelled(out: NoteWriter, pairs: list[tuple[str, str]]) -> list[Inline]:
    content: list[Inline] = []
    for n, (label, value) in enumerate(pairs):
        if n:
            content.append(_SEPARATOR)
        content.extend([out.label(f"{label}: "), value])
    return content
