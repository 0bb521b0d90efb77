"""Heads of state and government: which party a leader named only by title and
surname speaks for ("President Biden", "Prime Minister Kishida").

The statement's own evidence comes first (see :func:`parties.assign_missing_parties`):
the one party left without a leader, a title that only one of the parties' systems
has.  What it leaves open is settled, where it can be, by world knowledge kept
general and dated in ``data/heads.txt``: the systems of government of the states
whose leaders most often sign statements, and who held which office when.  The
table is read only when a leader still has no party.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

import msgspec

from .doc_rules import sections


class Holder(msgspec.Struct, frozen=True):
    """One term of office."""

    country: str
    title: str
    name: str
    start: dt.date
    end: dt.date | None

    def held_on(self, day: dt.date) -> bool:
        """Whether the term includes ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


def name_words(name: str) -> frozenset[str]:
    """A name's words as compared: lower case without accents, initials, "Jr."."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return frozenset(
        w.lower()
        for w in re.findall(r"[A-Za-z][A-Za-z'-]+(?!\.)", plain)
        if w.lower() not in ("jr", "sr")
    )


def title_key(title: str) -> str:
    """A title as compared: lower case, one space, plain hyphen."""
    return " ".join(title.lower().replace("-", " ").split())


@cache
def systems() -> dict[str, frozenset[str]]:
    """The titles under which each listed state's leaders sign statements."""
    found: dict[str, frozenset[str]] = {}
    for line in sections("heads.txt")["systems"]:
        country, _bar, titles = (part.strip() for part in line.partition("|"))
        found[country] = frozenset(title_key(t) for t in titles.split(";") if t.strip())
    return found


@cache
def holders() -> tuple[Holder, ...]:
    """Every term of office in the table."""
    found = []
    for line in sections("heads.txt")["holders"]:
        country, title, name, start, end = (part.strip() for part in line.split("|"))
        found.append(
            Holder(
                country,
                title,
                name,
                dt.date.fromisoformat(start),
                dt.date.fromisoformat(end) if end else None,
            )
        )
    return tuple(found)


def unique_title_party(title: str, parties: list[str]) -> str | None:
    """The one party among ``parties`` whose system has ``title``, when every one
    of them is in the table (a state not listed might have it)."""
    table = systems()
    if not parties or any(p not in table for p in parties):
        return None
    having = [p for p in parties if title_key(title) in table[p]]
    return having[0] if len(having) == 1 else None


def holder_party(name: str, title: str, day: dt.date | None, parties: list[str]) -> str | None:
    """The party of the one holder of ``title`` whose name holds ``name``'s words
    and whose term includes ``day`` (any term when the date is unknown), if that
    holder's country, or a union it belongs to, is one of ``parties``."""
    words = name_words(name)
    if not words:
        return None
    key = title_key(title)
    found = {
        h.country
        for h in holders()
        if title_key(h.title) == key
        and words <= name_words(h.name)
        and (day is None or h.held_on(day))
    }
    if len(found) != 1:
        return None
    country = found.pop()
    if country in parties:
        return country
    return _union_party(country, parties)


def _union_party(country: str, parties: list[str]) -> str | None:
    """The union among ``parties`` that ``country`` belongs to (a member's prime
    minister chairing an ASEAN summit speaks for ASEAN)."""
    from .gazetteer import find_country, unions_of

    state = find_country(country)
    if state is None:
        return None
    return next((u.name for u in unions_of(state) if u.name in parties), None)
