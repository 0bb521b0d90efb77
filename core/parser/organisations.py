"""Organisations named in a statement: well-known ones, the statement's own
acronyms for bodies, and names built on a head noun ("... Agency",
"Ministry of ...")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from itertools import pairwise

import msgspec

from .acronyms import as_dict, name_spans
from .gazetteer import is_country_name, mentions, normalize_key, trie_pattern
from .names import (
    GENERIC_WORDS,
    MONTH_WORDS,
    NAME_LIST,
    NAME_RUN,
    ORDINAL,
    POSSESSIVE,
    SPACES,
    STOP_STARTS,
    TOKEN,
    YEARISH,
    NameIndex,
    Span,
    clean_name,
    data_lines,
    data_tags,
    is_project_word,
    printed_through_acronym,
    resolve_spans,
    strip_leading,
    tokens_before,
    word_start,
)

#: Head nouns of organisations' names, with their tags (see the data file).
_HEADS = data_tags("organisation_heads.txt")
ORG_HEADS = frozenset(_HEADS)


def _tagged(tag: str) -> frozenset[str]:
    return frozenset(head for head, tags in _HEADS.items() if tag in tags)


_BODY_HEADS = _tagged("body")
_PLURAL_HEADS = _tagged("plural")
COMPLEMENT_HEADS = _tagged("complement")
_PLACED_HEADS = _tagged("placed")
_PROPER_HEADS = _tagged("proper")
_STATE_HEADS = _tagged("state")

_LIST_SPLIT = re.compile(r"[\s,]+")


class _KnownOrganisations(msgspec.Struct, frozen=True):
    """The table of well-known organisations (``data/organisations.txt``):
    ``keys`` maps each name's key (an acronym as written, another name
    normalised) to the usual short name, ``forms`` each short name to all its
    names, ``index`` finds them in a text."""

    keys: dict[str, str]
    forms: dict[str, frozenset[str]]
    index: NameIndex


@cache
def _known() -> _KnownOrganisations:
    """The table, read once, at first use."""
    keys: dict[str, str] = {}
    forms: dict[str, frozenset[str]] = {}
    names: list[tuple[str, str]] = []
    acronyms: list[tuple[str, str]] = []
    for line in data_lines("organisations.txt"):
        label, _, rest = (part.strip() for part in line.partition("|"))
        written = {label, *(n.strip() for n in rest.split(";") if n.strip())}
        forms[label] = forms.get(label, frozenset()) | written
        for name in written:
            if _is_acronym_form(name):
                keys[name] = label
                acronyms.append((name, label))
            else:
                keys[normalize_key(name)] = label
                names.append((name, label))
    return _KnownOrganisations(keys, forms, NameIndex.build(names, acronyms))


def _is_acronym_form(name: str) -> bool:
    """A short form matched with its exact case ("WHO", not "who")."""
    return " " not in name and sum(map(str.isupper, name)) >= 2


# a head ends the name (a possessive may follow it: "the U.S. CDC’s Regional Office")
_ORG_HEAD = re.compile(trie_pattern(ORG_HEADS) + r"(?![\w-]|['’](?!s\b)|\s+[A-Z][a-z])")
_COMPLEMENT = re.compile(rf"\s+(?P<conn>of|for|on|in)\s+(?:the\s+)?(?P<unit>{NAME_LIST})")
_SIMPLE_COMPLEMENT = re.compile(rf"\s+(?P<conn>of|for|on|in)\s+(?:the\s+)?(?P<unit>{NAME_RUN})")


@lru_cache(maxsize=4096)
def known_label(written: str) -> str | None:
    key = written if _is_acronym_form(written) else normalize_key(written)
    return _known().keys.get(key)


def _preferred(label: str, written: str, acronyms: Mapping[str, str]) -> str:
    """How a known organisation is listed: by the acronym the statement defines
    for it (any of its names), else as written."""
    for form in _known().forms.get(label, ()):
        if form in acronyms:
            return form
    return clean_name(written)


def is_org_expansion(acronym: str, expansion: str) -> bool:
    """Whether a defined acronym names an organisation: a known one, or one
    whose expansion ends in a head noun ('... Agency') or has a head noun with
    a complement ('Center for International Private Enterprise') or a
    country ('Fulbright University Vietnam')."""
    if known_label(acronym) or known_label(expansion):
        return True
    words = [w for w in SPACES.split(expansion) if w]
    if not words or is_project_word(words[-1]):
        return False
    if words[-1] in ORG_HEADS:
        return True
    if len(words) > 2 and words[-2] in ORG_HEADS and is_country_name(words[-1]):
        return True  # "Fulbright University Vietnam (FUV)"
    return any(w in ORG_HEADS and nxt in ("of", "for", "on") for w, nxt in pairwise(words))


def _complements(text: str, pos: int, head: str) -> int:
    """The end of the "of/for/on X" complements that belong to an organisation's
    name, starting at ``pos`` (the end of its head noun)."""
    count = 0
    while count < 3:
        match = _COMPLEMENT.match(text, pos)
        if match and _bad_unit(match.group("unit")):
            match = _SIMPLE_COMPLEMENT.match(text, pos)
        if not match:
            break
        unit = match.group("unit")
        # "Council of the European Union" is a body of its own; "Asian
        # Development Fund of the ADB" names two organisations
        body_of = head in _BODY_HEADS and count == 0 and known_label(clean_name(unit)) is not None
        if not body_of and _bad_unit(unit, strict=True):
            break
        conn = match.group("conn")
        if conn == "in" and head not in _PLACED_HEADS:
            break
        pos = match.end()
        count += 1
    return pos


def _bad_unit(unit: str, *, strict: bool = False) -> bool:
    """A complement that is not part of the name: another organisation, a date,
    a number; ``strict=False`` only checks for a second organisation."""
    words = [w for w in _LIST_SPLIT.split(unit) if w]
    if any(POSSESSIVE.search(w) for w in words):
        return True
    inner_org = any(w in ORG_HEADS for w in words[1:]) or (
        len(words) > 1 and bool(known_label(words[-1]))
    )
    if not strict:
        return inner_org or (" and " in unit and any(w in ORG_HEADS for w in words))
    if words[0] in MONTH_WORDS or words[0] in STOP_STARTS:
        return True
    if known_label(unit) or (len(words) == 1 and known_label(words[0])):
        return True
    return not any(w[0].isalpha() and w not in MONTH_WORDS for w in words)


_COMPANY_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|LLC|PLC|plc|Corp|Co\.,?\s+Ltd)\.?(?![\w-])")
_COMPANY_MARKS = ("Inc", "Ltd", "LLC", "PLC", "plc", "Corp")
_COMPANY_NAME = re.compile(rf"(?:{TOKEN}\s+){{0,4}}{TOKEN}$")


def _companies(text: str) -> Iterator[Span]:
    """Companies named with their legal suffix, which stays in the name:
    "Microchip Technology, Inc.", "Mazgaon Dock Shipbuilders, Ltd."."""
    if not any(mark in text for mark in _COMPANY_MARKS):
        return
    for suffix in _COMPANY_SUFFIX.finditer(text):
        name = _COMPANY_NAME.search(text, max(0, suffix.start() - 80), suffix.start())
        if not name:
            continue
        words = strip_leading(
            [
                (m.start(), m.end(), m.group())
                for m in _WORD.finditer(text, name.start(), name.end())
            ]
        )
        if words:
            yield Span(words[0][0], suffix.end(), clean_name(text[words[0][0] : suffix.end()]), 2)


_WORD = re.compile(r"\S+")
#: companies named in apposition to the word that says they are companies: "U.S.
#: companies, Micron, LAM Research, and Applied Materials", "firms such as X and Y"
_COMPANY_LEAD = re.compile(
    r"\b(?:companies|firms|corporations|manufacturers|enterprises|businesses|carriers)"
    r"(?:\s*,|\s*:|\s+such\s+as|\s+including|\s+like)\s+"
)
_COMPANY_ITEM = re.compile(
    rf"(?P<name>{TOKEN}(?:\s+{TOKEN}){{0,3}})(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)?"
)


def _listed_companies(text: str) -> Iterator[Span]:
    """Companies named in apposition after "companies", "firms"...: each name of
    the list is a company, whatever its words ("Micron", "Applied Materials")."""
    if "ompan" not in text and "firm" not in text and "orporation" not in text:
        return
    for lead in _COMPANY_LEAD.finditer(text):
        position = lead.end()
        while (item := _COMPANY_ITEM.match(text, position)) is not None:
            name = item.group("name")
            if name.split()[0] in STOP_STARTS or is_country_name(name):
                break
            yield Span(item.start("name"), item.end("name"), clean_name(name), 2)
            if not item.group("sep"):
                break
            position = item.end()


def _pattern_orgs(text: str) -> Iterator[Span]:
    """Organisations found by their head noun: 'Tajik National University',
    'Ministry of Economy, Trade and Industry of Japan', 'Embassy of Japan in
    Tajikistan', 'Government of Japan'."""
    for match in _ORG_HEAD.finditer(text):
        if not word_start(text, match.start()):
            continue
        head = match.group()
        mods = strip_leading(_modifiers(text, match.start()))
        while mods and (YEARISH.match(mods[0][2]) or ORDINAL.match(mods[0][2])):
            mods = mods[1:]
        end = _complements(text, match.end(), head)
        has_complement = end > match.end()
        if not has_complement and (
            head in COMPLEMENT_HEADS or not _distinctive(mods, plural=head in _PLURAL_HEADS)
        ):
            continue
        if head in _STATE_HEADS and not mods and not _names_state(text, match.end(), end):
            continue  # "Heads of State and Government of the Member States"
        start = mods[0][0] if mods else match.start()
        if head in _PLURAL_HEADS and _COUNTED.search(text, max(0, start - 20), start):
            continue  # "two Joint Task Forces" counts bodies, it does not name one
        if _INDEFINITE.search(text, max(0, start - 4), start):
            # "a Secretariat for the Platform", "a Vietnam National CDC" describe a
            # body, they do not name one (nor does an acronym inside them)
            yield Span(start, end, "", 3)
            continue
        if (
            _OWNED.search(text, max(0, start - 4), start)
            and all(w in GENERIC_WORDS for _, _, w in mods)
            and _PLACED_ONLY.match(text, match.end(), end)
        ):
            continue  # "the U.S. CDC’s Regional Office in Hanoi": the owner's office
        name = clean_name(text[start:end])
        if head in _PROPER_HEADS:
            name = _drop_owner(name)
        if is_country_name(name) or (
            head in ("Union", "Federation") and _in_state_name(text, start, end)
        ):
            continue
        yield Span(start, end, name, 2)


_OWNED = re.compile(r"['’]s\s+$")
_PLACED_ONLY = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}$")
_BETWEEN = re.compile(r"\b(?i:between|both)\s+(?:the\s+)?$")
_AND_BEFORE = re.compile(r"\s(?:and|&)\s+$")


def _modifiers(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The name words before a head at ``pos``, across an "and" inside a run of
    them ("National Health and Medical Research Council", "Trade and Investment
    Framework Agreement Council"), but not across one that joins two names: the
    words on either side must not be a head, a country or a known
    organisation, a name word must come before the pair ("Ministry of
    Defense and Japan Coast Guard" is two names), and "between" must not
    ("between GE Aerospace and Hindustan Aeronautics Limited")."""
    mods = tokens_before(text, pos)
    while mods and len(mods) < 8:
        joint = _AND_BEFORE.search(text, max(0, mods[0][0] - 6), mods[0][0])
        if not joint:
            break
        before = tokens_before(text, joint.start() + 1)
        if (
            len(before) < 2
            or _BETWEEN.search(text, max(0, before[0][0] - 13), before[0][0])
            or any(w in ORG_HEADS or w.startswith("(") for _, _, w in before)
            or any(_names_body(w) for w in (before[-1][2], mods[0][2]))
        ):
            break
        mods = [*before, (joint.start() + 1, joint.end(), "and"), *mods]
    return mods


def _names_body(word: str) -> bool:
    """Whether a word is a head, a country or a known organisation."""
    return word in ORG_HEADS or bool(known_label(word)) or is_country_name(word)


_COUNTED = re.compile(
    r"\b(?i:two|three|four|five|six|several|many|various|some|all|both|these|those|other"
    r"|relevant|respective|\d+)\s+$"
)
_INDEFINITE = re.compile(r"\b(?i:an?)\s+$")


def _distinctive(mods: list[tuple[int, int, str]], *, plural: bool) -> bool:
    """Whether the words before a head make a name: one that is not generic
    ("National", "Joint"); before a plural head, one that is not a country
    either ("Japan Self-Defense Forces", not "Japanese Ministries")."""
    words = [w for _, _, w in mods if w not in GENERIC_WORDS]
    if plural:
        words = [w for w in words if not is_country_name(w) and not mentions(w)]
    return bool(words)


def _in_state_name(text: str, start: int, end: int) -> bool:
    """Whether a span lies inside a state's formal name ('the Republic of the
    Union of Myanmar')."""
    lo = max(0, start - 40)
    return any(lo + m.start <= start and end <= lo + m.end for m in mentions(text[lo : end + 5]))


_OF_THE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")


def _names_state(text: str, start: int, end: int) -> bool:
    """Whether the complement after a head such as 'Government' starts with
    the name of a state ('of Japan', 'of the Republic of Korea')."""
    lead = _OF_THE.match(text, start, end)
    if not lead:
        return False
    found = mentions(text[lead.end() : end], require_head=False)
    return bool(found) and found[0].start == 0 and not found[0].country.is_union


_OWNER = re.compile(r"^(?P<name>.+?)\s+(?:of\s+(?:the\s+)?(?P<of>[^,]+)|\((?P<paren>[^()]+)\))$")


def _drop_owner(name: str) -> str:
    """'Akita University of Japan' -> 'Akita University' (the country adds
    nothing to a proper name); 'National University of Singapore' stays."""
    match = _OWNER.match(name)
    if not match:
        return name
    owner = match.group("of") or match.group("paren") or ""
    rest = match.group("name")
    proper = [w for w in rest.split() if w not in GENERIC_WORDS and w not in ORG_HEADS]
    if is_country_name(owner) and proper and not is_country_name(" ".join(proper)):
        return rest
    return name


def defined_spans(text: str, items: tuple[tuple[str, str], ...]) -> tuple[Span, ...]:
    """Where the statement's acronyms (``items``) or their expansions occur,
    labelled by acronym: the scan every entity kind starts from (it finds the
    well-known organisations in the same pass)."""
    return name_spans(text, items, _known().index)[0]


def _known_spans(
    text: str, items: tuple[tuple[str, str], ...], acronyms: Mapping[str, str]
) -> Iterator[Span]:
    """Well-known organisations, by acronym (exact case: "WHO", not "who") or
    by name (any case after a capital: "World Bank", "WORLD BANK"); the
    longest name wins at each word.  A name inside a word does not count, one
    after a hyphen does ("Japan-EU", "AU–EU")."""
    for start, end, label in name_spans(text, items, _known().index)[1]:
        yield Span(start, end, _preferred(label, text[start:end], acronyms), 1)


@lru_cache(maxsize=256)
def _org_pairs(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The defined acronyms that name organisations (not already known ones)."""
    return tuple((a, e) for a, e in items if is_org_expansion(a, e) and not known_label(e))


_TOPIC = re.compile(r"(?i:\b(?:on|about|concerning|regarding|to\s+mark)\b)")


def speaking_bodies(title: str, parties: Iterable[str]) -> frozenset[str]:
    """The organisations a statement speaks as, which its items do not list as
    organisations (they are the parties themselves): the parties' names, and a
    group the title names as the author ("G7 Leaders' Communiqué", "Quad
    Leaders' Joint Statement", "EU-Japan Summit ... Joint Statement") - not one
    it names as its subject ("Joint Statement ... on the G20"); and the
    institutions through which a union that is a party acts (the European
    Commission, the European Council... when the EU is a party: a union's
    government, as a state's government is the state)."""
    authored = _TOPIC.split(title, maxsplit=1)[0]
    names = [*parties, *(s.label for s in organisation_spans(authored, ()))]
    keys = {organisation_key(name) for name in names if name}
    for institution, union in _union_institutions():
        if organisation_key(union) in keys:
            keys.add(organisation_key(institution))
    return frozenset(keys)


@cache
def _union_institutions() -> tuple[tuple[str, str], ...]:
    """The institutions of unions ("European Commission | EU"), from the table of
    offices (``data/offices.txt``: whose head speaks for which union)."""
    from .doc_rules import sections

    pairs = (line.partition("|") for line in sections("offices.txt")["institutions"])
    return tuple((body.strip(), union.strip()) for body, _bar, union in pairs)


def organisation_key(name: str) -> str:
    """What makes two names one organisation: the well-known organisation they
    name, else the name itself (normalised)."""
    return known_label(name) or normalize_key(name)


@lru_cache(maxsize=8)
def organisation_spans(text: str, items: tuple[tuple[str, str], ...]) -> tuple[Span, ...]:
    """Every organisation named in ``text``, as non-overlapping spans labelled
    as listed (``items`` are the statement's acronyms): the statement's
    acronyms for bodies and their expansions, well-known organisations
    (``data/organisations.txt``) and names built on a head noun
    (``data/organisation_heads.txt``).  A name followed by an acronym the
    statement defines is labelled by that acronym ("U.S. International
    Development Finance Corporation (DFC)" -> DFC)."""
    acronyms = as_dict(items)
    wanted = {a for a, _ in _org_pairs(items)}
    named = [
        *(s for s in defined_spans(text, items) if s.label in wanted),
        *_known_spans(text, items, acronyms),
    ]
    found = [*named, *_pattern_orgs(text), *_companies(text), *_listed_companies(text)]
    printed = [printed_through_acronym(text, s, acronyms, _closes_name) for s in found]
    whole = {(p.start, p.end) for p, s in zip(printed, found, strict=True) if p is not s}
    spans = [s for s in resolve_spans(printed) if s.label]
    for n, span in enumerate(spans):
        defined = _ACRONYM_AFTER.match(text, span.end)
        if defined and defined.group(1) in acronyms and (span.start, span.end) not in whole:
            spans[n] = Span(span.start, span.end, defined.group(1), span.rank)
    return tuple(spans)


def _closes_name(word: str) -> bool:
    """Whether a word closes an organisation's name: its head noun, not one of a
    body of the organisation before it ("National Development Council (NDC)
    Secretariat" is the NDC's)."""
    return word in ORG_HEADS and word not in _BODY_HEADS


_ACRONYM_AFTER = re.compile(r"\s*\(([^()]{2,24})\)")
