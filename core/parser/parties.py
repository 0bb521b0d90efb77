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
from functools import cache

import msgspec

from ..model import Party, Person
from .gazetteer import Country, country_of_place, mentions, party_name, unions_of
from .lazy import LazyPattern
from .people import Found, country_at, is_leader_title, same_person

#: "the Member States of" before the groups whose leaders speak
_MEMBERS_OF = LazyPattern(r"^(?:the\s+)?(?:member\s+states|members)\s+of\s+", re.I)
_LIST_SEPARATOR = re.compile(r"^\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)")
_ACRONYM_AFTER = re.compile(r"^\s*\([A-Z][A-Za-z.]{1,8}\)")
_SUBJECT_START = re.compile(r"^(?:(?:Today|Together),\s+)?")
_VISIT = re.compile(
    r"\b(?i:visit(?:ed)?)\s+(?:to\s+)?(?P<place>(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,5})"
)
#: how far a list of parties may run (the longest lists of states stay well within)
_LIST_REACH = 4000
#: where a list of member countries may start: a sentence, a clause after a comma, a parenthesis
_LIST_START_BEFORE = LazyPattern(r"[.;:,(—–]\s*$")

Speaker = tuple[Country, str] | str
"""One of the speakers: a country and the words naming it, or a group's name."""


class _Rules(msgspec.Struct, frozen=True):
    """The patterns built from ``data/parties.txt``."""

    speakers: re.Pattern[str]
    more_speakers: re.Pattern[str]
    group: re.Pattern[str]
    place_or_beneficiary_before: re.Pattern[str]
    not_verbs: frozenset[str]


@cache
def _rules() -> _Rules:
    """The tables of ``data/parties.txt`` as patterns, built on first use."""
    from .doc_rules import phrase_pattern, sections

    table = sections("parties.txt")
    nouns = (
        rf"(?:{phrase_pattern(table['speakers'])}"
        rf"|(?:\bby|\bwe\W{{1,3}})\s*the\s+(?:{phrase_pattern(table['represented speakers'])}))"
    )
    return _Rules(
        speakers=re.compile(rf"\b{nouns}\s+of\s+", re.I),
        # a second set of speakers: "the Presidents of A and B and the Prime Ministers of C"
        more_speakers=re.compile(rf"^\s*,?\s*and\s+(?:the\s+)?{nouns}\s+of\s+", re.I),
        group=re.compile(
            r"^(?:the\s+)?(?P<name>[A-Z][\w’'+-]*(?:\s+(?:of\s+)?[A-Z0-9][\w’'+-]*){0,5}"
            rf"(?:\s+(?i:{phrase_pattern(table['group words'])}))?)"
            r"(?:\s*\((?P<acronym>[A-Z][A-Za-z0-9+]{1,9})\))?"
        ),
        # "Support for Angola"; "Dialogue in Port Moresby, Papua New Guinea"
        place_or_beneficiary_before=re.compile(
            rf"(?:\b(?i:{phrase_pattern(table['place or beneficiary words'])})\s+(?:the\s+)?"
            r"|\b(?i:in)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3},\s+(?:the\s+)?)$"
        ),
        not_verbs=frozenset(table["not verbs"]),
    )


def _reach(text: str, start: int = 0) -> str:
    """The stretch of ``text`` from ``start`` a list of parties may run over, ending
    at a whole word."""
    stretch = text[start : start + _LIST_REACH]
    if len(text) - start > _LIST_REACH:
        stretch = stretch[: stretch.rfind(" ") + 1]
    return stretch


def _countries_listed(text: str) -> tuple[list[tuple[Country, str]], int]:
    """Countries listed at the start of ``text`` ("India, Brazil, South Africa, and
    the United States"), and where the list ends."""
    listed, _last, position = _list_at(_reach(text), groups=False)
    return [entry for entry in listed if not isinstance(entry, str)], position


def _list_at(text: str, *, groups: bool) -> tuple[list[Speaker], int, int]:
    """The parties listed at the start of ``text``: countries and (with ``groups``)
    groups ("the Nordic countries and Canada"), continuing over a second set of
    speakers ("... and the Prime Ministers of ..."); where the last name ends, and
    where the list ends (after its last separator)."""
    listed: list[Speaker] = []
    position = last = 0
    while True:
        found = country_at(_before_dash(text[position : position + 200]))
        if found is not None:
            at = text.find(found[1], position)
            listed.append(found)
            position = at + len(found[1])
        else:
            group = _rules().group.match(text[position:]) if groups else None
            if group is None or country_of_place(group.group("name")) is not None:
                break  # a city is where they met: "the Prime Ministers of A and B, Oslo, ..."
            listed.append(group.group("acronym") or group.group("name"))
            position += group.end()
        acronym = _ACRONYM_AFTER.match(text[position:])  # "the Republic of Korea (ROK)"
        position += acronym.end() if acronym else 0
        last = position
        more = _rules().more_speakers.match(text[position:]) if groups else None
        separator = more or _LIST_SEPARATOR.match(text[position:])
        if separator is None:
            break
        position += separator.end()
    return listed, last, position


def _before_dash(text: str) -> str:
    """``text`` up to its first dash, which ends the name before it ("Japan—meet")."""
    ends = [at for at in (text.find("—"), text.find("–")) if at >= 0]
    return text[: min(ends)] if ends else text


def _speakers(text: str) -> list[Speaker]:
    """Who "we" are: the countries and groups whose leaders speak ("the Leaders of
    the G20"; "the Prime Ministers of the Nordic countries and Canada"; "the
    Heads of State and Government of the Member States of the African Union (AU)
    and the European Union (EU)": the two unions, whose members are not named),
    or countries as the subject of the first sentence."""
    match = _rules().speakers.search(text)
    if match:
        rest = _MEMBERS_OF.sub("", _reach(text, match.end()), count=1)
        speakers, _last, _end = _list_at(rest, groups=True)
        return speakers
    start = _SUBJECT_START.match(text)
    listed, end = _countries_listed(text[start.end() if start else 0 :])
    if len(listed) >= 2 and re.match(r"\s+[a-z]", text[(start.end() if start else 0) + end :]):
        return list(listed)
    return []


def _members_listed(texts: list[str]) -> list[tuple[Country, str]]:
    """The first list of two or more countries in ``texts`` that names a group's
    members: the subject of a clause ("..., the United States, Mexico, and Canada
    generate ...") or a parenthesis ("(Denmark, Estonia, ..., 14 February 2025)");
    not a list after a verb or a preposition ("condemn A and B")."""
    for whole in texts:
        text = _reach(whole)  # members are listed early, not pages on
        checked_to = 0  # a list is read once, not again from each of its names
        for mention in mentions(text):
            if mention.start < checked_to:
                continue
            start = mention.start
            if text[max(0, start - 4) : start].lower() == "the ":
                start -= 4
            before = text[max(0, start - 8) : start]
            if text[:start].strip() and not _LIST_START_BEFORE.search(before):
                continue
            listed, last, _end = _list_at(_reach(text, start), groups=False)
            checked_to = start + max(last, 1)
            countries = [entry for entry in listed if not isinstance(entry, str)]
            if len({country.name for country, _written in countries}) < 2:
                continue
            following = re.match(
                r"\s*(?P<mark>[,)])|\s+(?P<word>[a-z]+)\b", text[checked_to : checked_to + 40]
            )
            if following is None:
                continue
            if (before.rstrip().endswith("(") and following.group("mark")) or (
                following.group("word") and following.group("word") not in _rules().not_verbs
            ):
                return countries
    return []


def _title_countries(title: str) -> list[Country]:
    """The countries in the title, without one the title is about (a possessive)
    or names as a place or a beneficiary ("on Support for Angola, Zambia and
    ..."; "Dialogue in Port Moresby, Papua New Guinea"), with the list it opens."""
    found: list[Country] = []
    skip_to = 0
    for mention in mentions(title):
        if mention.start < skip_to or re.match(r"[’']s\b", title[mention.end :]):
            continue
        if _rules().place_or_beneficiary_before.search(title[: mention.start]):
            _listed, last, _end = _list_at(title[mention.start :], groups=False)
            skip_to = mention.start + last
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
    groups: list[str] = []
    group_at: list[int] = []  # where each group stands among the countries
    for text in opening[:2]:
        speakers = _speakers(text)
        if any(isinstance(entry, str) for entry in speakers):
            # a group stands for its members only where the text lists them
            members = _members_listed(opening)
            if members:
                speakers = [e for e in speakers if not isinstance(e, str)]
                speakers += members
        for entry in speakers:
            if isinstance(entry, str):
                groups.append(entry)
                group_at.append(len(ordered))
            else:
                add(*entry)
        if speakers:
            break
    if not ordered and not groups:
        # a list of participants in parentheses: "leaders' statement (A, B, C, date)"
        for country, written in _members_listed(opening[:1]):
            add(country, written)
    group = groups[0] if groups else None
    known = {country.name for country, _written in ordered}
    adds_parties = len(ordered) + len(groups) < 2 and not (group and not ordered)
    for found in people:
        if found.country is not None and (adds_parties or found.country.name in known):
            # a person's country is a party, or writes a party's name more fully
            add(found.country, found.written.removeprefix("the ") if found.written else None)
    if adds_parties:
        for text in opening[:1]:
            for visit in _VISIT.finditer(text):
                host = country_at(visit.group("place"))
                if host is not None:
                    add(host[0], host[1])
                    break
    parties = [Party(name=party_name(c, w), short_name=c.name) for c, w in ordered]
    for at, name in reversed(list(zip(group_at, groups, strict=True))):
        parties.insert(at, Party(name=name, short_name=name))
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
