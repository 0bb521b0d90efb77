"""Field-by-field comparison of a label with the parsed statement: each field
adds to a :class:`~tally.Tally` and records what disagrees."""

from __future__ import annotations

from dataclasses import dataclass

from jtreport.model import Item, Statement

from .labels import ItemLabel, Label
from .matching import Matching
from .normal import (
    actor_key,
    distinct_count,
    name_tokens,
    paired,
    party_key,
    place_matches,
    surname,
    title_key,
    verb_exact,
    verb_matches,
)
from .tally import Tally


@dataclass(frozen=True)
class Disagreement:
    """One place where the parser and the label differ."""

    document: str
    paragraph: str
    quote: str
    field: str
    expected: str
    got: str


class Recorder:
    """A document's tally and disagreements, filled by the comparisons below."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.tally = Tally()
        self.disagreements: list[Disagreement] = []

    def check(
        self,
        key: str,
        ok: bool,
        expected: object,
        got: object,
        *,
        paragraph: str = "-",
        quote: str = "-",
        field: str = "",
    ) -> None:
        """Count one comparison for ``key``; remember it when it fails."""
        self.tally.count(key, ok)
        if not ok:
            self.note(field or key, expected, got, paragraph=paragraph, quote=quote)

    def note(
        self, field: str, expected: object, got: object, *, paragraph: str = "-", quote: str = "-"
    ) -> None:
        """Remember a disagreement without counting anything."""
        self.disagreements.append(
            Disagreement(self.document, paragraph, quote, field, _show(expected), _show(got))
        )


class Said(str):
    """A description rather than a value: shown as it is, without quotes."""

    __slots__ = ()


def _show(value: object) -> str:
    if isinstance(value, Said):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return str(value)


def parties_of(label: Label) -> frozenset[str]:
    """The label's parties, canonical (:func:`normal.party_key`)."""
    return frozenset(party_key(party) for party in label.parties)


# ---------------------------------------------------------------- document ---


def compare_document(label: Label, statement: Statement, record: Recorder) -> None:
    """Title, date, place, parties, leaders, areas and paragraphs."""
    record.check(
        "title", title_key(label.title) == title_key(statement.title), label.title, statement.title
    )
    record.check("date", label.date == statement.date, label.date, statement.date)
    record.check("place", place_matches(label.place, statement.place), label.place, statement.place)
    parsed_parties = [party.short_name or party.name for party in statement.parties]
    record.check(
        "parties",
        parties_of(label) == frozenset(map(party_key, parsed_parties)),
        label.parties,
        parsed_parties,
    )
    _compare_leaders(label, statement, record)
    expected_areas = [(a.heading, a.description) for a in label.areas]
    parsed_areas = [(a.heading, a.description) for a in statement.areas]
    record.check(
        "areas",
        _area_keys(expected_areas) == _area_keys(parsed_areas),
        [_show_area(a) for a in expected_areas],
        [_show_area(a) for a in parsed_areas],
    )
    count = len(statement.paragraphs)
    record.check("paragraph_count", label.paragraphs.count == count, label.paragraphs.count, count)
    printed = [p.number for p in statement.paragraphs if p.number is not None] or None
    record.check(
        "paragraph_numbers", label.paragraphs.numbers == printed, label.paragraphs.numbers, printed
    )


def _area_keys(areas: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    return [(title_key(heading), title_key(description)) for heading, description in areas]


def _show_area(area: tuple[str, str | None]) -> str:
    heading, description = area
    return f"{heading}: {description}" if description else heading


def _compare_leaders(label: Label, statement: Statement, record: Recorder) -> None:
    """Each labelled leader is found when a parsed leader's name holds their
    surname and the parties agree; a parsed leader that is no labelled leader
    lowers leader precision."""
    used: set[int] = set()
    for leader in label.leaders:
        token = surname(leader.name)
        found = next(
            (
                n
                for n, person in enumerate(statement.leaders)
                if n not in used and token and token in name_tokens(person.name)
            ),
            None,
        )
        if found is None:
            expected = Said(f"{leader.name} ({leader.party})")
            record.check("leaders", False, expected, Said("not found"))
            continue
        used.add(found)
        person = statement.leaders[found]
        same = party_key(leader.party or "") == party_key(person.party or "")
        record.check(
            "leaders",
            same,
            Said(f"{leader.name} ({leader.party})"),
            Said(f"{person.name} ({person.party})"),
            field="leaders (party)",
        )
    for n, person in enumerate(statement.leaders):
        record.tally.count("leader_precision", n in used)
        if n not in used:
            got = Said(f"{person.name} ({person.party})")
            record.note("leaders", Said("no such leader"), got)


# ------------------------------------------------------------------- items ---


def compare_items(label: Label, statement: Statement, matching: Matching, record: Recorder) -> None:
    """Item found and precision, then every field of each found item."""
    for labelled, why in matching.missed:
        record.check(
            "item_found",
            False,
            Said("found"),
            Said(why),
            paragraph=_where(labelled.paragraph),
            quote=labelled.quote,
            field="item",
        )
        record.tally.confusion[(labelled.category, "missed")] += 1
    for _ in matching.pairs:
        record.tally.count("item_found", True)
    record.tally.count("item_precision", len(matching.pairs), matching.scope)
    for item in matching.spurious:
        record.note(
            "item",
            Said("no item"),
            Said(f"spurious item {item.id} ({item.verb!r}, {item.category})"),
            paragraph=_where(item.paragraph),
            quote=_clip(item.text),
        )
        record.tally.confusion[("spurious", item.category)] += 1
    parties = parties_of(label)
    for labelled, item in matching.pairs:
        _compare_item(labelled, item, parties, label.date, record)


def _where(paragraph: int | None) -> str:
    return "preamble" if paragraph is None else f"¶{paragraph}"


def _clip(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _compare_item(
    labelled: ItemLabel,
    item: Item,
    parties: frozenset[str],
    statement_date: str | None,
    record: Recorder,
) -> None:
    where = {"paragraph": _where(labelled.paragraph), "quote": labelled.quote}
    record.check(
        "item_paragraph",
        labelled.paragraph == item.paragraph,
        labelled.paragraph,
        Said(f"{item.paragraph} (item {item.id})"),
        field="paragraph",
        **where,
    )
    record.check(
        "actor",
        actor_key(labelled.actor, parties) == actor_key(item.actors, parties),
        labelled.actor,
        item.actors,
        **where,
    )
    record.check("verb", verb_matches(labelled.verb, item.verb), labelled.verb, item.verb, **where)
    record.tally.count("verb_exact", verb_exact(labelled.verb, item.verb))
    record.check(
        "category", labelled.category == item.category, labelled.category, item.category, **where
    )
    record.tally.confusion[(labelled.category, item.category)] += 1
    if labelled.is_commitment:
        record.tally.count("commitment_recall", item.is_commitment)
    if item.is_commitment:
        record.tally.count("commitment_precision", labelled.is_commitment)
    if labelled.is_commitment != item.is_commitment:
        record.note("is_commitment", labelled.is_commitment, item.is_commitment, **where)
    for kind in ("organizations", "instruments", "projects"):
        expected: list[str] = getattr(labelled, kind)
        got: list[str] = getattr(item, kind)
        hits = paired(expected, got)
        record.tally.count(f"{kind}_precision", hits, distinct_count(got))
        record.tally.count(f"{kind}_recall", hits, distinct_count(expected))
        if not hits == distinct_count(expected) == distinct_count(got):
            record.note(kind, expected, got, **where)
    _compare_dates(labelled, item, statement_date, record, where)


def _compare_dates(
    labelled: ItemLabel,
    item: Item,
    statement_date: str | None,
    record: Recorder,
    where: dict[str, str],
) -> None:
    expected = list(dict.fromkeys(d.value for d in labelled.dates))
    got = list(dict.fromkeys(d.value for d in item.dates))
    common = [value for value in expected if value in got]
    record.tally.count("dates_precision", len(common), len(got))
    record.tally.count("dates_recall", len(common), len(expected))
    if set(expected) != set(got):
        record.note("dates", expected, got, **where)
    for value in common:
        should = is_future(value, statement_date)
        if should is None:
            continue
        flag = next(d.future for d in item.dates if d.value == value)
        record.check(
            "date_future", flag == should, should, flag, field=f"date {value} future", **where
        )


def is_future(value: str, statement_date: str | None) -> bool | None:
    """Whether a date value lies after the statement's date: its earliest
    possible day (``2026`` is 2026-01-01, ``2026-05`` is 2026-05-01) is later.
    None when the statement is undated."""
    if not statement_date:
        return None
    earliest = (value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10]
    return earliest > statement_date
