"""The statement's parties and its leaders.

Parties, in order of evidence:

1. the countries in the title ("between Japan and the Republic of Tajikistan",
   "Japan-Vietnam Joint Statement"), except a country the title is about ("...
   Statement on the Democratic People's Republic of Korea's Missile Launches");
2. who "we" are in the opening: "We, the Leaders of India, Brazil, South Africa,
   and the United States", a group ("We, the Leaders of the Group of Seven (G7)"),
   or countries as the subject of the first sentence ("The United States, Japan,
   and the Republic of Korea condemn ...");
3. while fewer than two are known and no group speaks: the countries of the people
   named in the opening and the signature block, then the country a visit was paid
   to ("paid a State Visit to Japan");
4. with nothing else, an organisation in the title ("G7 Leaders' Statement").

Leaders are the people named in the opening who speak for a party: a person of
another country is a guest, unless the country is a member of a union that is a
party (the ASEAN chair's prime minister speaks for ASEAN); ambassadors and
governors are not leaders.  A leader named without a country speaks for the one
party that has none; when the opening names nobody, the signatories are the
leaders.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Party, Person
from .gazetteer import Country, country_of_place, mentions, party_name, unions_of
from .people import Found, country_at, is_leader_title, same_person

_SPEAKERS = re.compile(
    r"\b(?:presidents|leaders|prime\s+ministers|foreign\s+ministers|ministers|heads\s+of\s+"
    r"(?:state|government)(?:\s*(?:/|and)\s*government)?)\s+of\s+",
    re.I,
)
_LIST_SEPARATOR = re.compile(r"^\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_GROUP = re.compile(
    r"^(?:the\s+)?(?P<name>[A-Z][\w’'+-]*(?:\s+(?:of\s+)?[A-Z0-9][\w’'+-]*){0,5})"
    r"(?:\s*\((?P<acronym>[A-Z][A-Za-z0-9+]{1,9})\))?"
)
_ACRONYM_AFTER = re.compile(r"^\s*\([A-Z][A-Za-z.]{1,8}\)")
_SUBJECT_START = re.compile(r"^(?:(?:Today|Together),\s+)?")
_VISIT = re.compile(
    r"\b(?i:visit(?:ed|ing)?)\s+(?:to\s+)?(?P<place>(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,5})"
)


def _countries_listed(text: str) -> tuple[list[tuple[Country, str]], int]:
    """Countries listed at the start of ``text`` ("India, Brazil, South Africa, and
    the United States"), and where the list ends."""
    listed: list[tuple[Country, str]] = []
    position = 0
    while True:
        found = country_at(text[position:])
        if found is None:
            break
        at = text.find(found[1], position)
        listed.append(found)
        position = at + len(found[1])
        acronym = _ACRONYM_AFTER.match(text[position:])  # "the Republic of Korea (ROK)"
        position += acronym.end() if acronym else 0
        separator = _LIST_SEPARATOR.match(text[position:])
        if separator is None:
            break
        position += separator.end()
    return listed, position


def _speakers(text: str) -> tuple[list[tuple[Country, str]], str | None]:
    """Who "we" are: the countries whose leaders speak, or the group that does."""
    match = _SPEAKERS.search(text)
    if match:
        rest = text[match.end() :]
        listed, _end = _countries_listed(rest)
        if listed:
            return listed, None
        group = _GROUP.match(rest)
        if group:
            return [], group.group("acronym") or group.group("name")
    start = _SUBJECT_START.match(text)
    listed, end = _countries_listed(text[start.end() if start else 0 :])
    if len(listed) >= 2 and re.match(r"\s+[a-z]", text[(start.end() if start else 0) + end :]):
        return listed, None
    return [], None


def _title_countries(title: str) -> list[Country]:
    """The countries in the title, without one the title is about (a possessive)."""
    found: list[Country] = []
    for mention in mentions(title):
        if re.match(r"[’']s\b", title[mention.end :]):
            continue
        if mention.country not in found:
            found.append(mention.country)
    return found


def find_parties(title: str, people: list[Found], opening: list[str]) -> list[Party]:
    """The statement's parties (see the module's docstring for the order of evidence)."""
    ordered: list[tuple[Country, str | None]] = []

    def add(country: Country, as_written: str | None) -> None:
        for i, (known, written) in enumerate(ordered):
            if known.name == country.name:
                if as_written and (written is None or len(as_written) > len(written)):
                    ordered[i] = (known, as_written)  # the fullest form written wins
                return
        ordered.append((country, as_written))

    for country in _title_countries(title):
        add(country, _written_in(title, country))
    group: str | None = None
    for text in opening[:2]:
        listed, group = _speakers(text)
        for country, written in listed:
            add(country, written)
        if listed or group:
            break
    known = {country.name for country, _written in ordered}
    adds_parties = len(ordered) < 2 and not (group and not ordered)
    for found in people:
        if found.country is not None and (adds_parties or found.country.name in known):
            # a person's country is a party, or writes a party's name more fully
            add(found.country, found.written.removeprefix("the ") if found.written else None)
    if len(ordered) < 2 and not (group and not ordered):
        for text in opening[:1]:
            for visit in _VISIT.finditer(text):
                host = country_at(visit.group("place"))
                if host is not None:
                    add(host[0], host[1])
                    break
    parties = [Party(name=party_name(c, w), short_name=c.name) for c, w in ordered]
    if not parties and group:
        parties = [Party(name=group, short_name=group)]
    if not parties:
        # a group speaking as one: "G7 Hiroshima Leaders' Communiqué"
        from .entities import find_organizations

        parties = [Party(name=o, short_name=o) for o in find_organizations(title, {})[:1]]
    return parties


def _written_in(text: str, country: Country) -> str | None:
    for formal in sorted(country.formal, key=len, reverse=True):
        bare = formal.removeprefix("the ")
        if re.search(re.escape(bare), text, re.I):
            return bare
    return None


def choose_leaders(
    people: list[Found],
    parties: list[Party],
    opening: list[str] | None = None,
    day: dt.date | None = None,
) -> list[Person]:
    """The leaders among the people named in the opening: those who speak for a
    party (a member of a union party speaks for the union), not ambassadors or
    governors; the host who "welcomed" a guest "to <place>" speaks for the party
    of the place; a leader named without a country speaks for the one party that
    has none."""
    names = {p.short_name for p in parties}
    host = _host(opening or [], names)
    leaders: list[Person] = []
    for found in people:
        person = found.person
        if not is_leader_title(person.title or ""):
            continue
        if found.country is not None and found.country.name not in names:
            union = next((u for u in unions_of(found.country) if u.name in names), None)
            if union is None and names:
                continue  # a guest: "We were joined by Ukraine's President ..."
            if union is not None:
                person = Person(name=person.name, title=person.title, party=union.name)
        if person.party is None and host is not None and person.name in host[0]:
            person = Person(name=person.name, title=person.title, party=host[1])
        leaders.append(person)
    return assign_missing_parties(leaders, parties, day)


def _host(opening: list[str], names: set[str]) -> tuple[str, str] | None:
    """The words naming the host of the meeting and the party they speak for."""
    from .metadata import host_of_meeting

    found = host_of_meeting(opening)
    if found is None:
        return None
    country = country_of_place(found[1])
    if country is None:
        return None
    if country.name not in names:
        union = next((u for u in unions_of(country) if u.name in names), None)
        if union is None:
            return None
        country = union
    return found[0], country.name


def assign_missing_parties(
    leaders: list[Person], parties: list[Party], day: dt.date | None = None
) -> list[Person]:
    """Parties for leaders named without a country, from the statement's own
    evidence first: a title that only one of the parties without a leader has in
    its system of government ("Prime Minister" where the others have presidents),
    and the one party left without a leader; then from the dated table of heads of
    state and government (``data/heads.txt``): "President Biden" in 2023."""
    result = list(leaders)
    if all(p.party is not None for p in result):
        return result
    from .heads import holder_party, unique_title_party

    names = [p.short_name for p in parties]
    changed = True
    while changed and any(p.party is None for p in result):
        changed = False
        spoken = {p.party for p in result if p.party}
        free = [n for n in names if n not in spoken]
        open_titles = [p.title for p in result if p.party is None]
        for i, person in enumerate(result):
            if person.party is not None:
                continue
            party = None
            if len(free) == 1:
                party = free[0]
            elif person.title and open_titles.count(person.title) == 1:
                party = unique_title_party(person.title, free)
            if party is not None:
                result[i] = Person(name=person.name, title=person.title, party=party)
                changed = True
                break
    for i, person in enumerate(result):
        if person.party is None and person.title:
            party = holder_party(person.name, person.title, day, names)
            if party is not None:
                result[i] = Person(name=person.name, title=person.title, party=party)
    return result


def leaders_or_signatories(leaders: list[Person], signatories: list[Person]) -> list[Person]:
    """When the opening names no leader, the leaders are those who signed."""
    if leaders:
        return leaders
    chosen: list[Person] = []
    for person in signatories:
        if is_leader_title(person.title or "") and not any(
            same_person(person.name, c.name) for c in chosen
        ):
            chosen.append(person)
    return chosen
