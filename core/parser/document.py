"""The parser's entry: blocks -> units -> layout -> metadata and items -> model."""

from __future__ import annotations

import datetime as dt

from ..blocks import ReadResult
from ..errors import ParseError
from ..model import Area, DateMention, Item, Paragraph, Part, Person, Source, Statement
from . import patterncache  # noqa: F401  (stored patterns first: the rules compile theirs at import)
from .actors import group_names, read_agencies
from .items import ActReader, ItemDraft, LeadIn, completes, lead_in, point_item, read_items
from .layout import Layout, build_layout
from .limits import check_items
from .metadata import find_date_and_place
from .parties import choose_leaders, find_parties, leaders_or_signatories
from .people import find_people, find_signatories
from .title import clean_title
from .units import TERMINAL, blocks_to_units

#: Text longer than this is still parsed, in linear time; the limit on input size
#: lives in :mod:`jtreport.reading`.


def build_statement(result: ReadResult, *, source: Source | None = None) -> Statement:
    """Build the commitment model from a reader's result."""
    units = blocks_to_units(result.blocks)
    if not units:
        raise ParseError("holds no text to parse", path=source.path if source else None)
    layout = build_layout(units, result.metadata.get("title"))
    warnings = [*result.warnings, *layout.warnings]

    title = clean_title(layout.header.title or result.metadata.get("title") or "")
    if not title:
        warnings.append("no title was found")
    opening = layout.preamble[:3] or [p.text for p in layout.paragraphs[:1]]
    people = find_people([title, *opening])
    meeting = _meeting_texts(layout, opening)
    if len(meeting) > len(opening):
        people += find_people(meeting[len(opening) :])
    if not people and layout.header.page_notes:
        # the statement names nobody: the page's summary or caption above it may
        people = find_people(layout.header.page_notes)
        meeting = [*meeting, *layout.header.page_notes]
    dated = find_date_and_place(
        [*layout.header.date_lines, *layout.header.place_lines],
        layout.closing,
        result.metadata.get("date"),
        meeting,
    )
    if dated.date is None:
        posted = f" (the source's {dated.passed_over} says when a copy was posted)"
        warnings.append(
            f"the statement's date was not found{posted if dated.passed_over else ''}; "
            "dates cannot be marked as future"
        )

    closing_people = find_people(layout.closing)
    parties = find_parties(title, [*people, *closing_people], meeting)
    leaders = choose_leaders(people, parties, meeting, dated.date)
    signatories = find_signatories(layout.closing, leaders)
    leaders = leaders_or_signatories(leaders, signatories)

    used = {line for line in layout.closing if _names_someone(line, signatories)}
    unread = [
        line for line in layout.closing if line not in used and line not in (dated.line or "")
    ]
    if unread:
        warnings.append("closing lines kept only here: " + " | ".join(unread))
    paragraphs = _paragraphs(layout, warnings)
    text_for_acronyms = "\n".join([title, *layout.preamble, *(p.text for p in paragraphs)])
    from .entities import learn_acronyms, speaking_bodies

    acronyms = learn_acronyms(text_for_acronyms)
    reader = ActReader(
        _country_named,
        [*leaders, *signatories],
        [p.short_name for p in parties],
        agencies=read_agencies(text_for_acronyms, acronyms, _country_named),
        group_names=group_names(title),
    )
    everyone = {p.short_name for p in parties}
    speakers = speaking_bodies(title, [n for p in parties for n in (p.name, p.short_name)])
    items: list[Item] = []
    lead: LeadIn | None = None  # "WE HEREBY DECLARE:", completed by the points after it
    for k, text in enumerate(layout.preamble, start=1):
        # participial clauses ("Affirming ...;", "Committing to ...;") hold no act:
        # they have no subject (docs/parser.md, section 4)
        drafts = read_items(text, reader, fallback=False)
        lead = lead_in(text, reader)
        items.extend(
            _items(drafts, f"pre{k}", None, None, dated.date, acronyms, everyone, speakers)
        )
    for para in paragraphs:
        key = str(para.number) if para.number is not None else f"p{para.index}"
        drafts = read_items(para.text, reader, fallback=True)
        if completes(para.text, lead) and lead and all(not d.verb for d in drafts):
            drafts = [point_item(para.text, lead, reader)]  # "1. To deepen ..."
        else:
            lead = lead_in(para.text, reader)
        number = para.number if para.number is not None else para.index
        items.extend(
            _items(drafts, key, number, para.area_id, dated.date, acronyms, everyone, speakers)
        )

    check_items(len(items))
    if paragraphs and not paragraphs[-1].text.rstrip().endswith(TERMINAL):
        warnings.append("the last paragraph ends mid-sentence: the text may have been cut off")
    if not paragraphs and not layout.preamble:
        warnings.append("no paragraphs were found")
    return Statement(
        title=title,
        date=dated.date.isoformat() if dated.date else None,
        place=dated.place,
        parties=parties,
        leaders=leaders,
        preamble=layout.preamble,
        parts=[Part(id=p.id, label=p.label, heading=p.heading) for p in layout.parts],
        areas=[
            Area(id=a.id, heading=a.heading, description=a.description, part_id=a.part_id)
            for a in layout.areas
        ],
        paragraphs=paragraphs,
        items=items,
        signatories=signatories,
        source=source,
        warnings=warnings,
    )


def _meeting_texts(layout: Layout, opening: list[str]) -> list[str]:
    """Where the meeting and its leaders are told: the opening, and the next
    paragraph too when the opening names nobody ("The United States, Japan, and
    the Republic of Korea condemn ... / ... Advisor Jake Sullivan met today in
    Tokyo")."""
    if find_people(opening):
        return opening
    texts = [*layout.preamble, *(p.text for p in layout.paragraphs)]
    following = texts[len(opening) : len(opening) + 1]
    return [*opening, *following]


def _names_someone(line: str, people: list[Person]) -> bool:
    lowered = line.lower()
    return any(p.name.lower() in lowered or (p.title or "\0").lower() in lowered for p in people)


def _paragraphs(layout: Layout, warnings: list[str]) -> list[Paragraph]:
    result: list[Paragraph] = []
    previous: int | None = None
    seen: set[int] = set()
    for index, draft in enumerate(layout.paragraphs, start=1):
        number = draft.number
        if number is not None:
            if number in seen:
                warnings.append(
                    f"paragraph number {number} appears twice; the second is identified by position"
                )
                number = None
            elif previous is not None and number != previous + 1:
                warnings.append(f"paragraph numbers jump from {previous} to {number}")
            if number is not None:
                seen.add(number)
                previous = number
        result.append(
            Paragraph(
                index=index,
                number=number,
                text=draft.text,
                area_id=draft.area_id,
                part_id=draft.part_id,
            )
        )
    if layout.paragraphs and not layout.numbered:
        warnings.append(
            "the statement numbers none of its paragraphs; they are identified by position"
        )
    return result


def _country_named(phrase: str) -> str | None:
    """The short name of the country a phrase names, a party or not."""
    from .gazetteer import find_country

    country = find_country(phrase)
    return country.name if country else None


def _items(
    drafts: list[ItemDraft],
    key: str,
    paragraph: int | None,
    area_id: str | None,
    reference: dt.date | None,
    acronyms: dict[str, str],
    everyone: set[str],
    speakers: frozenset[str],
) -> list[Item]:
    from .dates import find_dates
    from .entities import find_instruments, find_organizations, find_projects

    items = []
    for n, draft in enumerate(drafts, start=1):
        dates: list[DateMention] = find_dates(draft.own_text, reference)
        actors = draft.actors
        if len(everyone) >= 2 and set(actors) == everyone:
            actors = ["both"]  # all the parties acting together
        items.append(
            Item(
                id=f"{key}.{n}",
                paragraph=paragraph,
                area_id=area_id,
                text=draft.text,
                actors=actors,
                verb=draft.verb,
                category=draft.category,
                is_commitment=draft.is_commitment,
                organizations=find_organizations(draft.own_text, acronyms, speakers),
                instruments=find_instruments(draft.own_text, acronyms),
                projects=find_projects(draft.own_text, acronyms),
                dates=dates,
                review=draft.review,
            )
        )
    return items
