"""Who acts: a subject phrase resolved to party short names, ``both``, or kept.

"Both sides", "the two Leaders", "We", "the Ministers", "the delegates" are all
the parties acting jointly (``both``); a party or its adjective ("the Japanese
side") is that party; a named leader ("President Marcos", "Prime Minister Abe")
is the leader's party; an agency or body of one party ("USAID", "the U.S.
Department of State", an acronym the statement defines with a party's name) is
that party, a joint body of all of them ("the Quad Working Group", "the Joint
Committee") is ``both``; "they" and "he" are the previous actor; a list of any of
these ("Japan, the ROK, and the United States") is each of them; another
actor-like noun phrase ("the Asian Development Bank") is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import msgspec

from ..model import Person
from .gazetteer import mentions
from .lazy import LazyPattern
from .verbs import word_set

AGENCIES = Path(__file__).with_name("data") / "agencies.tsv"

BOTH = "both"

_COLLECTIVE_NOUNS = (
    r"sides|leaders|heads\s+of\s+(?:state|government)|countries|governments|parties|delegates|"
    r"participants|ministers|foreign\s+ministers|prime\s+ministers|presidents|members|nations|"
    r"partners|delegations|states|sides'?\s+leaders|summit\s+leaders|leaders\s+of\s+[\w\s]+|"
    r"national\s+security\s+advis[eo]rs|advis[eo]rs|co-?chairs|chairs"
)
_COLLECTIVE = re.compile(
    r"^(?:both|all|the|our|their)?\s*(?:(?-i:[A-Z0-9][\w+.&’'-]*)\s+){0,3}"
    r"(?:two|both|three|four|five|six|seven|all)?\s*"
    rf"(?:{_COLLECTIVE_NOUNS})$",
    re.I,
)
_FIRST_PERSON = re.compile(
    r"^(?:we|us|our\s+(?:\w+\s+)?(?:nations|countries|governments|leaders|delegations|"
    r"administrations|sides|teams|officials|ministers|representatives|negotiators|envoys)|"
    r"together,?\s+we|they|both|all\s+of\s+us|neither(?:\s+(?:side|country|party))?|"
    r"the\s+(?:meeting|summit|conference|retreat))$",
    re.I,
)
#: the bond the parties form, acting as one: "the Alliance", "our partnership",
#: "our strategic partnership" (named with a party, "the U.S.-ROK Alliance", it is
#: a body of the parties: see ``_body``)
_BOND = LazyPattern(r"^(?:the|our)\s+(?:[a-z-]+\s+){0,2}(?:alliance|partnership)$", re.I)
_OF_HEADS = word_set(
    "leaders heads ministers presidents governments delegations representatives peoples"
)
#: a collective of named countries: "the leaders of Japan and the Philippines"
_OF_PARTIES = LazyPattern(
    r"^(?:the\s+)?(?:[a-z]+\s+)?(?:leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+"
    r"government)?|prime\s+ministers|presidents|(?:foreign\s+)?ministers|governments|"
    r"delegations|representatives|peoples)\s+of\s+(?P<list>[A-Z].+|the\s+[A-Z].+)$",
    re.I,
)
_PRONOUN = re.compile(r"^(?:he|she|it)$", re.I)
PERSONAL_PRONOUNS = frozenset({"we", "they", "he", "she"})
_NOT_SUBJECT = re.compile(
    r"^(?:which|that|who|whom|whose|this|these|those|it|there|such|what|where|when|while|as|or|"
    r"to|of|in|on|for|with|by|from|including)\b",
    re.I,
)
_OPENER = re.compile(
    r"^(?:(?:and|but|also|further|furthermore|moreover|finally|then|today|together|"
    r"collectively|jointly|accordingly|therefore|thus|hence|now|here|meanwhile|"
    r"in\s+this\s+(?:regard|context|connection)|in\s+addition|at\s+the\s+same\s+time|"
    r"to\s+this\s+end|on\s+this\s+occasion|in\s+particular)\b[\s,]*)+",
    re.I,
)
_HONORIFIC = re.compile(
    r"^(?:both\s+)?(?:h\.\s?e\.|his\s+excellency|her\s+excellency|mr\.?|ms\.?|mrs\.?|dr\.?)\s+",
    re.I,
)
_PARTY_WORDS = frozenset(
    [
        "the",
        "side",
        "sides",
        "government",
        "governments",
        "delegation",
        "people",
        "of",
        "republic",
        "state",
        "kingdom",
        "federation",
        "union",
        "socialist",
        "democratic",
        "islamic",
        "commonwealth",
        "federal",
        "united",
        "arab",
    ]
)
#: lower-case words a subject may hold: articles, particles and actor nouns
_NOUN_PHRASE_WORDS = word_set(
    """the of and for on in at side sides government governments delegation delegations de
    van von bin binti al el la le da du der dos das y leader leaders president presidents
    minister ministers prime secretary state states ministry ministries department agency
    council commission countries country people teams team representatives representative
    officials side's two three four five six seven both all foreign nations members partners
    national security advisors advisers group working"""
)
_ACTOR_NOUNS = re.compile(
    r"\b(?:side|sides|leader|leaders|president|presidents|prime\s+minister|minister|ministers|"
    r"government|governments|chancellor|king|emperor|secretary|delegation|delegates|country|"
    r"countries|ministry|ministries|department|agency|council|commission|we|they|he|she|teams?|"
    r"group)\b",
    re.I,
)
#: the words of a collective of one party ("ASEAN Leaders", "the Japanese ministers")
_GROUP_WORDS = word_set(
    """leaders leader ministers minister member members states delegation delegations
    representatives officials governments foreign prime presidents"""
)
_PARTS = re.compile(r"\s*(?:,\s*and\b|,|\band\b|&)\s*")
#: what makes a name an organisation that can act for its party
_BODY = re.compile(
    r"\b(?:department|agency|administration|ministry|corporation|office|service|bureau|"
    r"institute|authority|commission|council|committee|bank|fund|corps|group|forum|"
    r"dialogue|secretariat|mechanism|task\s+force|partnership|alliance)\b",
    re.I,
)
#: a named body: "the Center for International Private Enterprise", "the Gates Foundation"
_NAMED_BODY = LazyPattern(r"^the\s+[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|for|and|the|on))*$")
#: a body all the parties hold together
_JOINT = LazyPattern(r"\b(?:joint|bilateral|trilateral|quadrilateral)\b", re.I)


class Actors(msgspec.Struct, frozen=True):
    """The actors a subject names and how they were found: ``collective``,
    ``person``, ``party`` or ``generic`` (an actor-like noun phrase)."""

    names: list[str]
    how: str


class ActorResolver:
    """Resolves subject phrases to party short names (see the module docstring)."""

    def __init__(
        self,
        resolve_party: Callable[[str], str | None],
        people: list[Person],
        parties: list[str] | None = None,
        *,
        agencies: dict[str, str] | None = None,
        group_names: frozenset[str] = frozenset(),
    ) -> None:
        self._resolve_party = resolve_party
        self._people = people
        self.parties = list(parties or [])
        self._agencies = agencies or {}
        self._group_names = group_names
        self._seen: dict[tuple[str, tuple[str, ...]], Actors | None] = {}

    def resolve(self, subject: str, previous: list[str] | None) -> Actors | None:
        """The actors a subject names, or None when it names none (remembered: a
        sentence tries many phrases before its verb, and statements repeat them)."""
        key = (subject, tuple(previous) if previous else ())
        if key not in self._seen:
            self._seen[key] = self._resolve(subject, previous)
        return self._seen[key]

    def _resolve(self, subject: str, previous: list[str] | None) -> Actors | None:
        phrase = clean_subject(subject)
        if not phrase or _NOT_SUBJECT.match(phrase):
            return None
        lowered = phrase.lower()
        head = lowered.split(" of ", 1)[0].rsplit(None, 1)[-1] if " of " in lowered else ""
        of_list = _OF_PARTIES.match(phrase) if head in _OF_HEADS else None
        if of_list:  # "the leaders of Japan and the Philippines": the parties they lead
            listed = self._list_of_actors(of_list.group("list"))
            if listed is not None and listed.how != "generic":
                return listed
        group = self._party_group(phrase)
        if group is not None:
            return group  # "ASEAN Leaders", "the Japanese ministers"
        bond = "alliance" in lowered or "partnership" in lowered
        if bond and len(self.parties) != 1 and _BOND.match(phrase):
            return Actors([BOTH], "collective")  # "the Alliance", "our partnership"
        if _FIRST_PERSON.match(lowered) or (
            _COLLECTIVE.match(phrase) and not self._resolve_party(phrase)
        ):
            if lowered == "they" and previous and (len(previous) > 1 or previous == [BOTH]):
                return Actors(previous, "collective")  # "they": a plural actor before
            return Actors([BOTH], "collective")
        if _PRONOUN.match(lowered):
            return Actors(previous, "person") if previous else None
        if not proper_noun_phrase(phrase):
            return None
        listed = self._list_of_actors(phrase)
        if listed is not None:
            return listed
        body = self._body(phrase)
        if body is not None:
            return body
        with_partners = self._list_of_actors(phrase, partners=True)
        if with_partners is not None:
            return with_partners  # "the U.S. Department of State and the Center for X"
        words = phrase.split()
        if (
            len(words) <= 8
            and phrase[:1].isupper()
            and "," not in phrase
            and _ACTOR_NOUNS.search(" ".join(words[-4:]))
        ):
            return Actors([phrase], "generic")
        return None

    def _list_of_actors(self, phrase: str, partners: bool = False) -> Actors | None:
        """A phrase made only of parties, leaders and collectives ("Japan", "the
        Japanese side", "President Yoon and Prime Minister Kishida"), not one that
        merely mentions a party ("the signing of the Exchange of Notes on Japan's")."""
        names: list[str] = []
        hows: set[str] = set()
        parts = [p for p in _PARTS.split(phrase) if p.strip()]
        if len(parts) > 1 and not re.search(r"\band\b|&", phrase):
            return None  # "At the request of X, the U.S. agency": no list without "and"
        if len(parts) > 1 and self._every_leader(parts):
            return Actors([BOTH], "collective")  # "President A and President B", all of them
        # with ``partners``, named bodies that are no actor of the statement ("the
        # Center for X") may stand beside one: they are left out
        skipped = 0
        for part in parts:
            part = part.strip()
            if not part:
                continue
            found = self._one_actor(part)
            if found is None and partners and len(parts) > 1 and _NAMED_BODY.match(part):
                skipped += 1
                continue
            if found is None:
                return None
            for name in found.names:
                if name not in names:
                    names.append(name)
            hows.add(found.how)
        if not names or (skipped and not hows & {"party", "person"}):
            return None
        if BOTH in names:
            return Actors([BOTH], "collective")
        return Actors(names, "person" if hows == {"person"} else "party")

    def _party_group(self, phrase: str) -> Actors | None:
        """A collective of one party ("ASEAN Leaders", "the Japanese ministers",
        "the ASEAN Member States"): that party, when it is one of the parties."""
        last = phrase.rsplit(None, 1)[-1].lower() if phrase.strip() else ""
        if last not in _GROUP_WORDS or not _COLLECTIVE.match(phrase):
            return None
        party = self._resolve_party(phrase)
        if party is None or (self.parties and party not in self.parties):
            return None
        rest = re.findall(r"[\w’'.-]+", _without_countries(phrase).lower())
        if rest and all(w in _PARTY_WORDS or w in _GROUP_WORDS for w in rest):
            return Actors([party], "party")
        return None

    def _one_actor(self, part: str) -> Actors | None:
        part = _HONORIFIC.sub("", part)
        group = self._party_group(part)
        if group is not None:
            return group
        if _COLLECTIVE.match(part) and not self._resolve_party(part):  # not "the United States"
            return Actors([BOTH], "collective")
        person = self._person_in(part)
        if person is not None and person.party:
            return Actors([person.party], "person")
        leftover = [
            w
            for w in re.findall(r"[\w’'.-]+", _without_countries(part))
            if w.lower().strip(".’'") not in _PARTY_WORDS and w not in ("’s", "'s", "s")
        ]
        party = self._resolve_party(part) if not leftover else None
        if party:
            return Actors([party], "party")
        return self._body(part)

    def _body(self, phrase: str) -> Actors | None:
        """An agency or body of one party ("USAID", "the U.S. Department of
        State") as that party; a joint body of the parties as ``both``."""
        name = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
        agency = self._agencies.get(name)
        if agency and (not self.parties or agency in self.parties):
            return Actors([agency], "party")
        owned = re.fullmatch(r"(?P<owner>.+?)(?:[’']s)?\s+[A-Z][A-Z0-9&-]{1,9}", name)
        party = self._resolve_party(owned.group("owner")) if owned else None
        if party and (not self.parties or party in self.parties):
            return Actors([party], "party")  # "the U.S. CDC", "Japan's JICA"
        if not _BODY.search(name) or not name[:1].isupper() or "," in name:
            return None
        words = set(re.findall(r"[\w+’'.-]+", name))
        if _JOINT.search(name) or words & self._group_names:
            return Actors([BOTH], "collective")
        named = []
        for mention in mentions(name, require_head=False):
            party = self._resolve_party(mention.text)
            if party and (party in self.parties or not self.parties) and party not in named:
                named.append(party)
        if len(named) == 1:
            return Actors(named, "party")
        if len(named) > 1 and len(self.parties) > 1 and set(named) == set(self.parties):
            return Actors([BOTH], "collective")  # "the U.S.-Japan Economic Dialogue"
        return None

    def _every_leader(self, parts: list[str]) -> bool:
        """Whether a list names every person who speaks for a party, and nobody
        else: "President A and President B" is all the parties acting together,
        even where the text never says which party each of them leads."""
        named = [self._person_in(_HONORIFIC.sub("", part.strip())) for part in parts]
        people = {p.name for p in self._people}
        return len(people) > 1 and all(named) and {p.name for p in named if p} == people

    def _person_in(self, phrase: str) -> Person | None:
        for person in self._people:
            names = [n for n in re.split(r"[\s,]+", person.name) if len(n) > 2 and n[0].isupper()]
            if any(re.search(rf"\b{re.escape(n)}\b", phrase, re.I) for n in names):
                return person
        lowered = phrase.lower()
        titled = [p for p in self._people if p.title and p.title.lower() in lowered]
        return titled[0] if len({p.party for p in titled}) == 1 else None

    def is_party(self, name: str) -> bool:
        """Whether an actor name is one of the statement's parties (or ``both``);
        true when the parties are not known."""
        return name == BOTH or not self.parties or name in self.parties


def _without_countries(phrase: str) -> str:
    """A phrase without the countries it names ("the Japanese side" -> "the side")."""
    for mention in reversed(mentions(phrase, require_head=False)):
        phrase = phrase[: mention.start] + phrase[mention.end :]
    return phrase


def read_agencies(
    text: str, acronyms: dict[str, str], resolve_party: Callable[[str], str | None]
) -> dict[str, str]:
    """The agencies that act for one state: ``data/agencies.tsv``, and the
    acronyms a statement defines with a state's name before or in them ("U.S.
    International Development Finance Corporation (DFC)" -> DFC: United States)."""
    found: dict[str, str] = {}
    for line in AGENCIES.read_text(encoding="utf-8").splitlines():
        name, _, state = line.partition("\t")
        if name.strip() and not name.startswith("#") and state.strip():
            party = resolve_party(state.strip())
            if party:
                found[name.strip()] = party
    for acronym, expansion in acronyms.items():
        if acronym in found:
            continue
        at = text.find(expansion)
        before = re.search(r"(?:[A-Z][\w.’'-]*\s+)$", text[:at]) if at >= 0 else None
        context = (before.group() if before else "") + expansion
        owners = {resolve_party(m.text) for m in mentions(context, require_head=False)}
        owners.discard(None)
        if len(owners) == 1 and _BODY.search(expansion):
            found[acronym] = owners.pop() or ""
    return found


def group_names(title: str) -> frozenset[str]:
    """The words of a statement's title that name the group speaking: an acronym
    or a name with digits ("AUKUS", "C5+1", "G7") or a word before "Leaders" or
    "Summit" ("Quad Leaders' Joint Statement"), that names no country.  A body
    named with one of them is a joint body of the parties."""
    countries = " ".join(m.text for m in mentions(title, require_head=False))
    found = set(re.findall(r"\b[A-Z][\w+]*(?:[A-Z]|\d)[\w+]*", title))
    found |= set(re.findall(r"\b([A-Z][\w+-]*)\s+(?:Leaders|Summit|Ministers)\b", title))
    return frozenset(w for w in found if w not in countries and not re.fullmatch(r"\d+", w))


def clean_subject(subject: str) -> str:
    """A subject without openers ("In this regard,", "and", "Today") or honorifics."""
    phrase = _OPENER.sub("", subject.strip())
    phrase = _HONORIFIC.sub("", phrase)
    return phrase.strip(" ,")


def proper_noun_phrase(phrase: str) -> bool:
    """A subject is a name or an actor noun phrase, not a clause: its lower-case
    words are articles, particles and actor nouns only."""
    for word in re.findall(r"[\w’'.-]+", phrase):
        if word[:1].islower() and word.lower().strip("’'.") not in _NOUN_PHRASE_WORDS:
            return False
    return True
