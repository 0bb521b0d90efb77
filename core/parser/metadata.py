"""The statement's metadata: date, place, parties, leaders and signatories.

Leaders are read from the opening (header, preamble, first paragraph) in the
three shapes statements use: "Prime Minister of Japan TAKAICHI Sanae",
"President Joseph R. Biden, Jr. of the United States" and "Junichiro Koizumi,
the Prime Minister of Japan".  Signatories come from the closing lines, where a
two-column signature block is often flattened into title lines and name lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Party, Person
from .gazetteer import Country, countries_in, find_country, party_name

_TITLE_UNIT = (
    r"(?:Vice[-\s]President|President|Prime\s+Minister|Chancellor|Premier|"
    r"King|Queen|Emperor|Sultan|Emir|Crown\s+Prince|Chief\s+Executive|Secretary\s+of\s+State|"
    r"Foreign\s+Minister|Minister\s+(?:of|for)\s+Foreign\s+Affairs(?:\s+and\s+[A-Z][a-z]+)*|"
    r"Minister\s+(?:of|for)\s+[A-Z][a-z]+(?:(?:,\s+|\s+and\s+|\s+)[A-Z][a-z]+){0,4}|"
    r"Ambassador(?:\s+Extraordinary\s+and\s+Plenipotentiary)?|"
    r"Secretary[-\s]General|High\s+Representative|Governor|Chairman|Chairperson|Chair)"
)
#: a title, with a rank before it and a second office after a dash
#: ("Deputy Prime Minister", "Secretary of State - Minister of Foreign Affairs")
_TITLE = (
    rf"(?:(?:First\s+Deputy|Deputy|Vice|Acting|State)\s+)?{_TITLE_UNIT}"
    rf"(?:\s*[-–]\s*{_TITLE_UNIT})?"
)
#: words of an office, never of a person's name
_OFFICE_WORDS = frozenset(
    [
        "affairs",
        "foreign",
        "minister",
        "ministry",
        "president",
        "prime",
        "secretary",
        "state",
        "deputy",
        "development",
        "cooperation",
        "trade",
        "economy",
        "finance",
        "defence",
        "defense",
    ]
)
_NAME_TOKEN = r"(?:[A-Z][\w’'.\-]*[\w.]|[A-Z]\.|[A-Z]{2,}|bin|binti|al|el|van|von|de|da|der|la|le)"
_NAME = rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}}(?:,\s+Jr\.|,\s+Sr\.)?)"
_HONORIFIC = re.compile(
    r"^(?:(?:H\.E\.|His|Her|Excellency|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Majesty|Royal|Highness|the)\s+)+",
    re.I,
)
_TITLE_OF = re.compile(rf"(?P<title>{_TITLE})\s+of\s+(?=(?P<rest>.{{3,160}}))")
_TITLE_NAME = re.compile(rf"(?P<title>{_TITLE})\s+{_NAME}")
_NAME_COMMA_TITLE = re.compile(
    rf"{_NAME},\s+(?:the\s+)?(?P<title>{_TITLE})\s+of\s+(?=(?P<rest>.{{3,120}}))"
)
_NOT_NAME_START = re.compile(r"^(?:of|the|and|Republic|Government|State|Minister|President)\b")
_PLACE_VERB = re.compile(
    r"\b(?:held|met|meeting|took\s+place|convened|gathered)\s+in\s+(?P<place>[A-Z][\w’'-]+(?:,?\s+[A-Z][\w’'-]+){0,2})"
)
_ISSUED = re.compile(r"^(?:issued|done|signed|adopted|made)\s+(?:in|at)\s+", re.I)
_COLLECTIVE_OF = re.compile(
    r"\b(?:presidents|leaders|prime\s+ministers|foreign\s+ministers|ministers|heads\s+of\s+"
    r"(?:state|government)(?:\s*(?:/|and)\s*government)?)\s+of\s+(?P<list>[^.;:–—]{3,300})",
    re.I,
)
_ON_DATE = re.compile(r"^\s*On\s+(?P<date>[^,]{4,30},\s*\d{4}|\d{1,2}\s+\w+\s+\d{4})\b")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|\d)",
    re.I,
)


@dataclass(frozen=True)
class Dated:
    """The statement's date and place as found."""

    date: dt.date | None
    place: str | None
    #: the header or closing line the date was read from, if any
    line: str | None = None


def find_date_and_place(
    header_lines: list[str], closing: list[str], metadata_date: str | None, opening: list[str]
) -> Dated:
    """The date and place: header date line, then closing line, then an opening
    "On December 20, 2025, ...", then the source's metadata, then the first full
    date in the opening paragraph."""
    from .dates import find_dates, parse_date

    for line in [*header_lines, *[c for c in closing if parse_date(c)]]:
        value = parse_date(line)
        if value:
            return Dated(value, _place_of(line) or _place_in(opening), line)
    place = _place_in(opening)
    # "On December 20, 2025, ..." opening the statement is its own word on the date
    for text in opening[:2]:
        on_date = _ON_DATE.match(text)
        value = parse_date(on_date.group("date")) if on_date else None
        if value:
            return Dated(value, place)
    # then the source's metadata (front matter, <meta>, document properties)
    if metadata_date:
        value = _iso_date(metadata_date) or parse_date(metadata_date)
        if value:
            return Dated(value, place)
    for text in opening[:2]:
        for mention in find_dates(text, None):
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", mention.value):
                return Dated(dt.date.fromisoformat(mention.value), place)
    return Dated(None, place)


def _iso_date(text: str) -> dt.date | None:
    match = re.match(r"^\s*'?(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _place_of(line: str) -> str | None:
    text = _ISSUED.sub("", line.strip())
    first = text.split(",", 1)[0].strip()
    if not first or _MONTH.match(first) or first == text.strip():
        return None
    return first if len(first.split()) <= 4 else None


def _place_in(opening: list[str]) -> str | None:
    for text in opening[:2]:
        match = _PLACE_VERB.search(text)
        if match:
            return match.group("place").strip(" ,")
    return None


def _country_at(text: str) -> tuple[Country, str] | None:
    """The country named at the start of ``text`` and the words naming it."""
    words = re.split(r"(\s+)", text.strip())
    best: tuple[Country, str] | None = None
    for end in range(1, min(len(words), 17) + 1, 2):
        phrase = "".join(words[:end]).strip(" ,;.()")
        country = find_country(phrase)
        if country is not None and (phrase.lower().removeprefix("the ") in _names_of(country)):
            best = (country, phrase)
    return best


def _names_of(country: Country) -> set[str]:
    names = {country.name.lower(), *(n.lower() for n in country.aliases)}
    names.update(f.lower().removeprefix("the ") for f in country.formal)
    return names


def _clean_name(name: str) -> str:
    name = _HONORIFIC.sub("", name.strip(" ,;"))
    return re.sub(r"\s+", " ", name).strip(" ,;")


def _starts_like_no_name(text: str) -> bool:
    """A person's name does not start with a function word or a country's name,
    nor consist of the words of an office."""
    from .gazetteer import mentions

    if _NOT_NAME_START.match(text):
        return True
    if all(w.lower() in _OFFICE_WORDS for w in re.findall(r"[\w’'-]+", text)):
        return True
    return any(m.start == 0 for m in mentions(text, require_head=False))


def find_people(texts: list[str]) -> list[tuple[Person, Country | None, str | None]]:
    """Leaders named in the opening, with the country each speaks for."""
    found: list[tuple[Person, Country | None, str | None]] = []
    seen: set[str] = set()

    def add(name: str, title: str, country: tuple[Country, str] | None) -> None:
        name = re.sub(r"[’']s$", "", _clean_name(name))
        if not name or _starts_like_no_name(name) or name.lower() in seen or len(name) < 3:
            return
        if any(_same_person(person.name, name) for person, _c, _w in found):
            return
        if find_country(name) is not None and name.lower() in _names_of(find_country(name)):  # type: ignore[arg-type]
            return
        seen.add(name.lower())
        title = re.sub(r"\s+", " ", title)
        party = country[0].name if country else None
        found.append(
            (
                Person(name=name, title=title, party=party),
                country[0] if country else None,
                country[1] if country else None,
            )
        )

    for text in texts:
        spans: list[tuple[int, int]] = []
        for match in _NAME_COMMA_TITLE.finditer(text):
            country = _country_at(match.group("rest"))
            add(match.group("name"), match.group("title"), country)
            spans.append((match.start(), match.end()))
        for match in _TITLE_OF.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            rest = match.group("rest")
            country = _country_at(rest)
            if country is None:
                continue
            after = rest[len(rest) - len(rest.lstrip()) :][len(country[1]) :]
            name = re.match(rf"\s*,?\s*{_NAME}", after)
            if name and not _starts_like_no_name(name.group("name")):
                add(name.group("name"), match.group("title"), country)
                spans.append((match.start(), match.end()))
        for match in _TITLE_NAME.finditer(text):
            if any(s <= match.start() < e for s, e in spans):
                continue
            tail = text[match.end() :]
            of = re.match(r"\s+of\s+(.{3,120})", tail)
            country = _country_at(of.group(1)) if of else None
            add(match.group("name"), match.group("title"), country)
    return found


def find_signatories(closing: list[str], leaders: list[Person]) -> list[Person]:
    """Signatories from the closing lines (a flattened signature block included)."""
    title_party: dict[str, str] = {}
    pending: list[tuple[str, str]] = []
    people: list[Person] = []
    for line in closing:
        text = _HONORIFIC.sub("", line.strip())
        found = find_people([text])
        if found:
            people.extend(person for person, _c, _w in found)
            continue
        title_of = re.fullmatch(rf"(?P<title>{_TITLE})\s+of\s+(?P<rest>.+)", text)
        if title_of:
            country = _country_at(title_of.group("rest"))
            if country:
                title_party[re.sub(r"\s+", " ", title_of.group("title"))] = country[0].name
            continue
        title_name = re.fullmatch(rf"(?P<title>{_TITLE})\s+{_NAME}", text)
        if title_name:
            pending.append(
                (re.sub(r"\s+", " ", title_name.group("title")), title_name.group("name"))
            )
            continue
        for leader in leaders:
            if leader.name.lower() in text.lower():
                people.append(leader)
    people = [
        Person(name=p.name, title=p.title, party=title_party.get(p.title or ""))
        if p.party is None and p.title in title_party
        else p
        for p in people
    ]
    for title, name in pending:
        party = title_party.get(title)
        if party is None:
            match = next((p for p in leaders if _same_person(p.name, name)), None)
            party = match.party if match else None
        people.append(Person(name=_clean_name(name), title=title, party=party))
    return people


def _same_person(a: str, b: str) -> bool:
    """Two spellings of one person share a surname-like word (4+ letters)."""
    words_a = {w.lower() for w in re.findall(r"[\w’'-]{4,}", a)}
    words_b = {w.lower() for w in re.findall(r"[\w’'-]{4,}", b)}
    return bool(words_a & words_b)


def find_parties(
    title: str, people: list[tuple[Person, Country | None, str | None]], extra_texts: list[str]
) -> list[Party]:
    """The parties: countries in the title, then the leaders' and signatories' countries."""
    ordered: list[tuple[Country, str | None]] = []

    def add(country: Country, as_written: str | None) -> None:
        for i, (known, written) in enumerate(ordered):
            if known.name == country.name:
                if as_written and (written is None or len(as_written) > len(written)):
                    ordered[i] = (known, as_written)  # the fullest form written wins
                return
        ordered.append((country, as_written))

    for country in countries_in(title):
        add(country, _written_in(title, country))
    for text in extra_texts[:2]:
        # "the presidents of the United States, the Republic of Kazakhstan, ..."
        for match in _COLLECTIVE_OF.finditer(text):
            for country in countries_in(match.group("list")):
                add(country, _written_in(match.group("list"), country))
    for _person, spoken_for, written in people:
        if spoken_for is not None:
            add(spoken_for, written.removeprefix("the ") if written else None)
    parties = [Party(name=party_name(c, w), short_name=c.name) for c, w in ordered]
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


def assign_missing_parties(leaders: list[Person], parties: list[Party]) -> list[Person]:
    """A leader named without a country speaks for the one party that has no leader yet."""
    spoken = {p.party for p in leaders if p.party}
    free = [p.short_name for p in parties if p.short_name not in spoken]
    result = []
    for person in leaders:
        if person.party is None and len(free) == 1:
            person = Person(name=person.name, title=person.title, party=free.pop())
        result.append(person)
    return result
