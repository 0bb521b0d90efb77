"""People named in a statement: its leaders and its signatories.

People are read in the shapes statements use:

- *Title of Country Name*: "Prime Minister of Japan TAKAICHI Sanae", "the Prime
  Minister of New Zealand, the Right Hon. R. D. Muldoon";
- *Name, (the) Title of Country*: "Junichiro Koizumi, the Prime Minister of Japan";
- *Title Name (of Country)*: "President Joseph R. Biden, Jr. of the United
  States", with the country also before the title: "United States President
  Joseph R. Biden, Jr.", "Ukraine's President Volodymyr Zelenskyy", "U.S. National
  Security Advisor Jake Sullivan".

Where a list alternates titles and names, the shape the text starts with decides
which name goes with which title.  The country may be given through an
institution ("President of the European Commission" speaks for the EU) or a body
of the country ("General Secretary of the Communist Party of Vietnam").
Honorifics and titles of office are data (``data/honorifics.txt``,
``data/offices.txt``).
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Person
from .doc_rules import honorific_alternation, honorifics, phrase_pattern, sections
from .gazetteer import Country, find_country, mentions

_NAME_TOKEN = (
    r"(?:[A-Z]\.|(?:Jr|Sr)\.|[A-Z][\w’'\-]*\w|[A-Z]{2,}"
    r"|(?:binti|bin|al|el|van|von|der|de|da|la|le)(?![\w’'-]))"
)
_NAME = rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}}(?:,\s+Jr\.|,\s+Sr\.)?)"
#: words of an office or a body, never of a person's name
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
        "central",
        "committee",
        "council",
        "government",
        "cabinet",
        "assembly",
        "party",
        "commission",
        "presidium",
        "politburo",
        "secretariat",
        "national",
        "security",
        "advisor",
        "adviser",
        "general",
    ]
)
_NOT_NAME_START = re.compile(r"^(?:of|the|and|Republic|Government|State|Minister|President)\b")
#: words after a country that still name a body of it ("... of Vietnam Central Committee")
_BODY_TAIL = re.compile(
    r"^(?:\s+(?:Central|Committee|Council|Government|Cabinet|Assembly|Party|Commission|"
    r"Presidium|Politburo|Secretariat|Congress))+"
)
_BODY_OF = re.compile(r"^(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,6}of\s+")


class Found:
    """A person found in a text, with the party the text gives them (``country``)
    and the words naming it as written (``written``)."""

    __slots__ = ("country", "person", "written")

    def __init__(self, person: Person, country: Country | None, written: str | None) -> None:
        self.person = person
        self.country = country
        self.written = written


class _Offices:
    """The titles of office table (``data/offices.txt``)."""

    def __init__(self, data: dict[str, tuple[str, ...]]) -> None:
        self.leaders = data["leaders"]
        self.others = data["others"]
        self.ranks = data["ranks"]
        self.portfolio_words = data["portfolio_words"]
        self.institutions = {
            " ".join(body.lower().split()): party.strip()
            for body, _bar, party in (entry.partition("|") for entry in data["institutions"])
        }


@cache
def _offices() -> _Offices:
    return _Offices(sections("offices.txt"))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns, compiled once; the long list of titles goes into one of them."""
    offices = _offices()
    # a portfolio's words are checked on the match (see _offices_in), not listed here
    portfolio = (
        r"(?:Minister|Secretary)\s+(?:of|for)(?:\s+the)?(?:(?:,|\s+and|\s+&)?\s+[A-Z][\w’'-]*){1,6}"
    )
    literal = phrase_pattern([*offices.leaders, *offices.others], capitalised=True)
    unit = rf"(?:{portfolio}|{literal})"
    ranks = phrase_pattern(offices.ranks, capitalised=True)
    title = rf"(?:(?:{ranks})\s+)?{unit}"
    honorific = rf"(?:(?i:(?:the\s+)?(?:{honorific_alternation()}))(?:\s+|(?<=\.)))*"
    return {
        "title": re.compile(rf"(?<![\w-])(?P<title>{title})(?![\w-])"),
        "of": re.compile(r"\s+of\s+"),
        "name_after": re.compile(rf"\s*,?\s*{honorific}{_NAME}"),
        "institution": re.compile(
            r"^(?:the\s+)?(?P<body>"
            + phrase_pattern(list(offices.institutions), capitalised=True)
            + r")\b"
        ),
        "other_title": re.compile(
            r"^(?:(?:"
            + ranks
            + r")\s+)?(?:"
            + phrase_pattern(offices.others, capitalised=True)
            + r")\b"
        ),
    }


_SERVES = re.compile(r"\b(?:to|for)\s+(?:the\s+)?\Z")
_PORTFOLIO_HEAD = re.compile(r"\b(?:Minister|Secretary)\s+(?:of|for)(?:\s+the)?")
_PORTFOLIO_WORD = re.compile(r"(?:,|\s+and|\s+&)?\s+([A-Z][\w’'-]*)")
_DASH = re.compile(r"\s*[-–]\s*")
_COMMA_BEFORE_TITLE = re.compile(r",\s+(?:the\s+)?\Z")


class _Office:
    """A title of office found in a text: where it is and how it is written."""

    __slots__ = ("end", "start", "title")

    def __init__(self, start: int, end: int, title: str) -> None:
        self.start = start
        self.end = end
        self.title = title


def _offices_in(text: str) -> list[_Office]:
    """The titles of office in ``text``: one office, or two joined by a dash
    ("Secretary of State - Minister of Foreign Affairs"); a minister's portfolio
    runs while its words are portfolio words ("Minister for Foreign Affairs
    Hirofumi Nakasone": the title ends at "Affairs")."""
    pattern = _patterns()["title"]
    found: list[_Office] = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if _SERVES.search(text, max(0, match.start() - 12), match.start()):
            # "National Security Advisor to the Vice President Dr. Phil Gordon": the
            # office of the one served, not of the person named after it
            position = match.end()
            continue
        end = _portfolio_end(text, match.start(), match.end())
        dash = _DASH.match(text, end)
        second = pattern.match(text, dash.end()) if dash else None
        if second is not None:
            end = _portfolio_end(text, second.start(), second.end())
        found.append(_Office(match.start(), end, text[match.start() : end]))
        position = end
    return found


def _portfolio_end(text: str, start: int, end: int) -> int:
    head = _PORTFOLIO_HEAD.search(text, start, end)
    if head is None:
        return end
    words = _portfolio_words()
    last = None
    position = head.end()
    while position < end:
        word = _PORTFOLIO_WORD.match(text, position, end)
        if word is None or word.group(1).lower() not in words:
            break
        last = position = word.end()
    if last is None:  # "Minister of New Zealand": the title is "Minister"
        return head.start() + len(text[head.start() :].split()[0])
    return last


@cache
def _portfolio_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _offices().portfolio_words)


def is_office_title(text: str) -> bool:
    """Whether ``text`` is, as a whole, a title of office."""
    offices = _offices_in(text)
    return bool(offices) and offices[0].start == 0 and offices[0].end == len(text.rstrip())


def is_leader_title(title: str) -> bool:
    """Whether a title of office makes its holder a leader (a head of state or
    government, a minister), not an ambassador or a governor."""
    return _patterns()["other_title"].match(title) is None


def clean_name(name: str) -> str:
    """A person's name without honorifics ("H.E. Mr.", "the Right Hon.")."""
    name = honorifics().sub("", name.strip(" ,;"))
    name = re.sub(r"\s+", " ", name).strip(" ,;")
    return re.sub(r"[’']s$", "", name)


def _names_of(country: Country) -> set[str]:
    names = {country.name.lower(), *(n.lower() for n in country.aliases)}
    names.update(f.lower().removeprefix("the ") for f in country.formal)
    return names


def country_at(text: str) -> tuple[Country, str] | None:
    """The country named at the start of ``text`` and the words naming it."""
    words = re.split(r"(\s+)", text.strip())
    best: tuple[Country, str] | None = None
    for end in range(1, min(len(words), 17) + 1, 2):
        phrase = "".join(words[:end]).strip(" ,;.()")
        country = find_country(phrase)
        if country is not None and (phrase.lower().removeprefix("the ") in _names_of(country)):
            best = (country, phrase)
    return best


def _party_at(rest: str) -> tuple[Country, str, int] | None:
    """The party named at the start of ``rest`` (after "Title of"): a country, an
    institution of a union, or a body of a country; with the length of text used."""
    lead = len(rest) - len(rest.lstrip())
    found = country_at(rest)
    if found is not None:
        return found[0], found[1], lead + rest.lstrip().find(found[1]) + len(found[1])
    institution = _patterns()["institution"].match(rest.lstrip())
    if institution:
        body_name = " ".join(institution.group("body").lower().replace("’", "'").split())
        union = find_country(_offices().institutions.get(body_name, ""))
        if union is not None:
            return union, institution.group(0), lead + institution.end()
    body = _BODY_OF.match(rest.lstrip())
    if body:
        after = rest.lstrip()[body.end() :]
        found = country_at(after)
        if found is not None:
            end = lead + body.end() + after.find(found[1]) + len(found[1])
            tail = _BODY_TAIL.match(rest[end:])
            return found[0], found[1], end + (tail.end() if tail else 0)
    return None


def _country_before(text: str, start: int) -> tuple[Country, str] | None:
    """A country written just before a title: "United States President",
    "Ukraine's President", "U.S. National Security Advisor", "the Japanese Prime
    Minister"."""
    before = text[:start].rstrip()
    before = re.sub(r"[’']s$", "", before)
    for mention in reversed(mentions(text[:start], require_head=False)):
        if mention.end <= len(before) and not before[mention.end :].strip():
            return mention.country, mention.text
        if mention.end < len(before):
            break
    return None


def _starts_like_no_name(text: str) -> bool:
    """A person's name does not start with a function word or a country's name,
    nor consist of the words of an office."""
    if _NOT_NAME_START.match(text):
        return True
    if all(w.lower() in _OFFICE_WORDS for w in re.findall(r"[\w’'-]+", text)):
        return True
    return any(m.start == 0 for m in mentions(text, require_head=False))


def same_person(a: str, b: str) -> bool:
    """Two spellings of one person share a name word: a capitalised word of two
    letters or more ("Abe", "Xi", "KISHIDA"), not an initial, "Jr." or "Sr."."""
    return bool(_name_words(a) & _name_words(b))


def _name_words(name: str) -> set[str]:
    return {
        w.lower()
        for w in re.findall(r"(?<![\w’'-])[A-Z][\w’'-]+(?![\w’'-]|\.)", name)
        if w not in ("Jr", "Sr")
    }


class _Candidate:
    """A name tied to a title of office, in one of the two shapes."""

    __slots__ = ("name", "name_span", "party", "span", "title", "title_first")

    def __init__(
        self,
        name: str,
        name_span: tuple[int, int],
        title: str,
        party: tuple[Country, str] | None,
        span: tuple[int, int],
        title_first: bool,
    ) -> None:
        self.name = name
        self.name_span = name_span
        self.title = title
        self.party = party
        self.span = span
        self.title_first = title_first


def _shaped(text: str) -> list[_Candidate]:
    """People in the two shapes that tie a name to "Title of Country", where a list
    alternating names and titles is read in the shape it starts with."""
    patterns = _patterns()
    candidates: list[_Candidate] = []
    for match in _offices_in(text):
        of = patterns["of"].match(text, match.end)
        if of is None:
            continue
        party = _party_at(text[of.end() : of.end() + 160])
        if party is not None:
            name = patterns["name_after"].match(text, of.end() + party[2])
            if name is not None and not _starts_like_no_name(name.group("name")):
                candidates.append(
                    _Candidate(
                        name.group("name"),
                        name.span("name"),
                        match.title,
                        (party[0], party[1]),
                        (match.start, name.end("name")),
                        True,
                    )
                )
        before = _name_before(text, match.start)
        if before is None:
            continue
        candidates.append(
            _Candidate(
                before.group("name"),
                before.span("name"),
                match.title,
                (party[0], party[1]) if party else None,
                (before.start(), of.end() + (party[2] if party else 0)),
                False,
            )
        )
    if not candidates:
        return []
    first = min(candidates, key=lambda c: (c.span[0], not c.title_first))
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.title_first != first.title_first):
        if any(_overlap(candidate.name_span, k.name_span) for k in kept):
            continue
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.name_span[0])


def _name_before(text: str, title_start: int) -> re.Match[str] | None:
    """The name written just before ", (the) Title" ("Junichiro Koizumi, the Prime
    Minister of Japan"): the longest one that ends at the comma."""
    window = max(0, title_start - 160)
    comma = _COMMA_BEFORE_TITLE.search(text, window, title_start)
    if comma is None:
        return None
    starts = [m.start() for m in re.finditer(r"\S+", text[window : comma.start()])][-10:]
    for start in starts:
        name = _patterns()["name_after"].match(text, window + start, comma.start())
        if name is not None and name.end() == comma.start():
            if _starts_like_no_name(clean_name(name.group("name"))):
                return None
            return name
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_SMALL_WORDS = frozenset({"and", "of", "the", "for", "on", "in", "to", "at", "by", "with"})


def _readable(text: str) -> str:
    """A text written all in capitals ("JOINT STATEMENT OF JAPANESE PRIME MINISTER
    SHINZO ABE AND ...") in title case, so titles and names read as they usually
    do."""
    if any(ch.islower() for ch in text) or sum(ch.isalpha() for ch in text) < 3:
        return text
    words = re.split(r"(\s+)", text)
    return "".join(
        w.lower() if w.lower() in _SMALL_WORDS and i else w.capitalize()
        for i, w in enumerate(words)
    )


def find_people(texts: list[str]) -> list[Found]:
    """People named in ``texts``, in order, each with the party the text gives."""
    found: list[Found] = []

    def add(name: str, title: str, party: tuple[Country, str] | None) -> None:
        name = clean_name(name)
        if not name or len(name) < 3 or _starts_like_no_name(name):
            return
        country = find_country(name)
        if country is not None and name.lower() in _names_of(country):
            return
        title = re.sub(r"\s+", " ", title)
        person = Found(
            Person(name=name, title=title, party=party[0].name if party else None),
            party[0] if party else None,
            party[1] if party else None,
        )
        known = next((i for i, f in enumerate(found) if same_person(f.person.name, name)), None)
        if known is None:
            found.append(person)
        elif _fuller(person, found[known]):
            # "President Biden" in the title, "President Joseph R. Biden Jr. of the
            # United States" in the opening: one person, named in full with a country
            found[known] = person

    for text in map(_readable, texts):
        shaped = _shaped(text)
        in_order = [(c.name_span[0], c.name, c.title, c.party) for c in shaped]
        for office in _offices_in(text):
            if any(c.span[0] <= office.start < c.span[1] for c in shaped):
                continue
            match = _patterns()["name_after"].match(text, office.end)
            if match is None or "," in text[office.end : match.start("name")]:
                continue
            tail = text[match.end() :]
            of = re.match(r"\s+of\s+(.{3,120})", tail)
            party_of = _party_at(of.group(1)) if of else None
            party = (party_of[0], party_of[1]) if party_of else None
            party = party or _country_before(text, office.start)
            in_order.append((match.start("name"), match.group("name"), office.title, party))
        for _position, name, title, party in sorted(in_order, key=lambda entry: entry[0]):
            add(name, title, party)
    return found


def _fuller(new: Found, old: Found) -> bool:
    """Whether a second mention of a person with the same title says more: a
    country where the first gave none, or a longer name with the same country."""
    if new.person.title != old.person.title:
        return False
    if old.country is None and new.country is not None:
        return True
    if new.country != old.country:
        return False
    return len(new.person.name.split()) > len(old.person.name.split())


def find_signatories(closing: list[str], leaders: list[Person]) -> list[Person]:
    """Signatories from the closing lines (a flattened signature block included)."""
    title_party: dict[str, str] = {}
    pending: list[tuple[str, str]] = []
    people: list[Person] = []
    for line in closing:
        text = honorifics().sub("", line.strip())
        found = find_people([text])
        if found:
            people.extend(f.person for f in found)
            continue
        title_of = re.fullmatch(r"(?P<title>.+?)\s+of\s+(?P<rest>.+)", text)
        if title_of and is_office_title(title_of.group("title")):
            party = _party_at(title_of.group("rest"))
            if party:
                title_party[re.sub(r"\s+", " ", title_of.group("title"))] = party[0].name
            continue
        title_name = re.fullmatch(r"(?P<title>.+?)\s+" + _NAME, text)
        if title_name and is_office_title(title_name.group("title")):
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
        party_name = title_party.get(title)
        if party_name is None:
            match = next((p for p in leaders if same_person(p.name, name)), None)
            party_name = match.party if match else None
        people.append(Person(name=clean_name(name), title=title, party=party_name))
    return people
