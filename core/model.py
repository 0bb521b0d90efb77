"""The commitment model: the contract between the parser and every exporter.

The classes are immutable ``msgspec`` structs.  Field names are the public JSON
names defined in ``docs/model.md``; changing one is a breaking change that bumps
:data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import msgspec

SCHEMA_VERSION = "2"

#: Earlier schema versions :func:`load` still reads: version 2 only added fields
#: (``Item.review``, ``Item.corrected``), which take their defaults.
READABLE_SCHEMA_VERSIONS: tuple[str, ...] = ("1", SCHEMA_VERSION)

Category = Literal[
    "pledge",
    "agreement",
    "intention",
    "welcome",
    "appreciation",
    "affirmation",
    "invitation",
]

#: Every category, in the order reports list them (future action first).
CATEGORIES: tuple[Category, ...] = (
    "pledge",
    "agreement",
    "intention",
    "invitation",
    "welcome",
    "appreciation",
    "affirmation",
)


class Party(msgspec.Struct, frozen=True, kw_only=True):
    """A signatory state or organisation."""

    name: str
    short_name: str


class Person(msgspec.Struct, frozen=True, kw_only=True):
    """A named leader or signatory: ``{name, title, party}``.

    ``party`` is the short name of the party the person speaks for, or null.
    """

    name: str
    title: str | None = None
    party: str | None = None


class Part(msgspec.Struct, frozen=True, kw_only=True):
    """A top-level division of the statement, e.g. label ``I``."""

    id: str
    label: str | None
    heading: str


class Area(msgspec.Struct, frozen=True, kw_only=True):
    """A thematic division that reports are organised by (a priority area)."""

    id: str
    heading: str
    description: str | None = None
    part_id: str | None = None


class Paragraph(msgspec.Struct, frozen=True, kw_only=True):
    """A body paragraph: ``index`` is its 1-based position, ``number`` the printed one."""

    index: int
    number: int | None
    text: str
    area_id: str | None = None
    part_id: str | None = None


class DateMention(msgspec.Struct, frozen=True, kw_only=True):
    """A date named in an item: the words, an ISO value to the precision given,
    and whether it lies after the statement's date (null when either is unknown)."""

    text: str
    value: str
    future: bool | None = None


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """One statement item: one actor with one reporting verb."""

    id: str
    paragraph: int | None
    area_id: str | None
    text: str
    actors: list[str]
    verb: str
    category: Category
    is_commitment: bool
    organizations: list[str] = msgspec.field(default_factory=list)
    instruments: list[str] = msgspec.field(default_factory=list)
    projects: list[str] = msgspec.field(default_factory=list)
    dates: list[DateMention] = msgspec.field(default_factory=list)
    #: why a careful coder should check this item (weak evidence for a rule), as
    #: short sentences; empty when the parser had no doubt
    review: list[str] = msgspec.field(default_factory=list)
    #: the fields a person corrected in the matrix (``category``,
    #: ``is_commitment``, ``actors``); empty for the parser's own reading
    corrected: list[str] = msgspec.field(default_factory=list)


class Source(msgspec.Struct, frozen=True, kw_only=True):
    """Where the statement came from: path, reader format and SHA-256 of the bytes."""

    path: str | None
    format: str
    sha256: str


class Statement(msgspec.Struct, frozen=True, kw_only=True):
    """A parsed joint statement: the root of the commitment model."""

    schema_version: str = SCHEMA_VERSION
    title: str = ""
    date: str | None = None
    place: str | None = None
    parties: list[Party] = msgspec.field(default_factory=list)
    leaders: list[Person] = msgspec.field(default_factory=list)
    preamble: list[str] = msgspec.field(default_factory=list)
    parts: list[Part] = msgspec.field(default_factory=list)
    areas: list[Area] = msgspec.field(default_factory=list)
    paragraphs: list[Paragraph] = msgspec.field(default_factory=list)
    items: list[Item] = msgspec.field(default_factory=list)
    signatories: list[Person] = msgspec.field(default_factory=list)
    source: Source | None = None
    warnings: list[str] = msgspec.field(default_factory=list)

    # Helpers for exporters: derived views, never stored.

    def area(self, area_id: str | None) -> Area | None:
        """The area with this id, or None."""
        return next((a for a in self.areas if a.id == area_id), None)

    def items_in(self, area_id: str | None) -> list[Item]:
        """The items of one area (``None``: items outside any area), in order."""
        return [i for i in self.items if i.area_id == area_id]

    def paragraphs_in(self, area_id: str | None) -> list[Paragraph]:
        """The paragraphs of one area, in order."""
        return [p for p in self.paragraphs if p.area_id == area_id]

    @property
    def commitments(self) -> list[Item]:
        """The items that commit someone to future action."""
        return [i for i in self.items if i.is_commitment]

    def sections(self) -> Iterator[tuple[Area | None, list[Item]]]:
        """Items grouped the way reports are organised: a group for the items
        outside any area (preamble, unsectioned text) when there are any, then
        one group per area in the statement's order."""
        loose = self.items_in(None)
        if loose:
            yield None, loose
        for area in self.areas:
            yield area, self.items_in(area.id)

    def upcoming(self) -> list[tuple[DateMention, Item]]:
        """Future dated mentions with their items, in date order."""
        order = {id(item): n for n, item in enumerate(self.items)}
        found = [(d, i) for i in self.items for d in i.dates if d.future]
        found.sort(key=lambda pair: (pair[0].value, order[id(pair[1])]))
        return found


def dump(statement: Statement, *, indent: int = 2) -> bytes:
    """Serialise a statement to JSON bytes (UTF-8, stable field order)."""
    raw = msgspec.json.encode(statement)
    return msgspec.json.format(raw, indent=indent) + b"\n" if indent else raw


def load(data: bytes | str) -> Statement:
    """Load a statement from JSON, validating types; ``load(dump(m)) == m``.

    Raises :class:`msgspec.ValidationError` (a ``ValueError``) on malformed data.
    """
    statement = msgspec.json.decode(data, type=Statement)
    if statement.schema_version not in READABLE_SCHEMA_VERSIONS:
        raise msgspec.ValidationError(
            f"schema_version {statement.schema_version!r} is not supported "
            f"(this jtreport reads {', '.join(map(repr, READABLE_SCHEMA_VERSIONS))})"
        )
    return msgspec.structs.replace(statement, schema_version=SCHEMA_VERSION)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the serialised model."""
    schema: dict[str, Any] = msgspec.json.schema(Statement)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "jtreport commitment model"
    return schema
