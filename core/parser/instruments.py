"""Instruments named in a statement: documents (agreements, memoranda,
declarations, frameworks, resolutions...) and aid modalities (grant, loan,
technical cooperation, ODA).

Three kinds of evidence, each a data file of the parser:

- a fixed phrase (``data/instrument_phrases.txt``): "exchange of notes",
  "memorandum of cooperation", "grant", "loan", "ODA", in any case;
- a head noun (``data/instrument_heads.txt``) closing a Title Case name or
  followed by its complement: "Paris Agreement", "Agreement between Japan and
  ... for the Protection of Investment", "Sendai Framework for Disaster Risk
  Reduction 2015-2030";
- an acronym: one the statement defines for such a name ("Trade Facilitation
  Agreement (TFA)"), or a well-known treaty's (``data/instruments.txt``: NPT,
  UNCLOS).

Instruments are listed as written (without a leading article), or by the
acronym the statement defines for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import pairwise

import msgspec

from .acronyms import as_dict
from .gazetteer import find_country, is_country_name, normalize_key, trie_pattern
from .names import (
    GENERIC_WORDS,
    MONTH_WORDS,
    NAME_LIST,
    NAME_RUN,
    POSSESSIVE,
    QUOTED,
    QUOTED_NAME_RUN,
    ROMAN_NUMERAL,
    TOKEN,
    YEARISH,
    Span,
    clean_name,
    data_lines,
    printed_through_acronym,
    resolve_spans,
    strip_leading,
    tokens_before,
    windows,
    word_start,
)
from .organisations import ORG_HEADS, defined_spans, known_label

_HEADS = frozenset(data_lines("instrument_heads.txt"))
_HEAD = re.compile(trie_pattern(_HEADS) + r"(?![\w'’-])")
#: A word that makes a name an instrument's ("... Agreement", "Memorandum of ...").
INSTRUMENT_WORD = re.compile(
    r"\b(?:" + trie_pattern(_HEADS) + r"|Exchange\s+of\s+Notes|Resolutions?|Letter\s+of)\b"
)


class _Phrases(msgspec.Struct, frozen=True):
    """The fixed phrases, compiled: ``lower`` finds the phrases written in
    lower case in a lower-cased text (any case in the original), ``exact`` the
    acronyms ("ODA", "MoU") with their own case."""

    lower: re.Pattern[str]
    exact: re.Pattern[str]
    lower_cues: tuple[str, ...]
    exact_cues: tuple[str, ...]


def _phrase_pattern(phrase: str) -> str:
    """A lower-case phrase as an expression, each word singular or plural
    ("exchanges of notes", "memoranda of understanding")."""
    words = []
    for word in phrase.split():
        if word.endswith("um"):
            words.append(re.escape(word[:-2]) + "(?:um|a)")
        elif word in ("of", "for", "on"):
            words.append(word)
        else:
            words.append(re.escape(word.removesuffix("s")) + "s?")
    return r"\s+".join(words)


@cache
def _phrases() -> _Phrases:
    """The phrases of ``data/instrument_phrases.txt``, read and compiled once:
    in any case, singular or plural; a phrase in capitals (an acronym) with its
    own case only."""
    phrases = sorted(data_lines("instrument_phrases.txt"), key=len, reverse=True)
    acronyms = [p for p in phrases if len(_CAPITALS.findall(p)) >= 2]
    lower = "|".join(_phrase_pattern(p) for p in phrases if p not in acronyms)
    # no leading \b: an expression that starts with letters is scanned fast;
    # where a match starts is checked afterwards
    # most sentences hold no phrase: a test for the first word's stem goes first
    cues = sorted({p.split()[0].removesuffix("s").removesuffix("um") for p in phrases})
    return _Phrases(
        re.compile(rf"(?:{lower})(?![\w/-])"),
        re.compile(rf"{trie_pattern(acronyms)}(?![\w/-])"),
        tuple(c for c in cues if c not in acronyms),
        tuple(acronyms),
    )


_CAPITALS = re.compile(r"[A-Z]")
# "Grant Assistance for Grassroots Projects" names a programme (a project)
_PROGRAMME_AFTER = re.compile(r"\s+(?:Assistance\s+|Aid\s+)?for\s+[A-Z]")


def _any_in(cues: tuple[str, ...], text: str) -> bool:
    """Whether any cue occurs in ``text``."""
    return any(cue in text for cue in cues)


def _phrase_spans(text: str) -> Iterator[Span]:
    """Instruments named by a fixed phrase, as written."""
    phrases = _phrases()
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: rare
        lowered = "".join(ch.lower()[:1] for ch in text)
    found = [
        *(phrases.lower.finditer(lowered) if _any_in(phrases.lower_cues, lowered) else ()),
        *(phrases.exact.finditer(text) if _any_in(phrases.exact_cues, text) else ()),
    ]
    for match in sorted(found, key=lambda m: m.start()):
        if not word_start(text, match.start()):
            continue
        written = text[match.start() : match.end()]
        if written[:1].isupper() and _PROGRAMME_AFTER.match(text, match.end()):
            continue
        yield Span(match.start(), match.end(), clean_name(written), 1)


class _KnownInstruments(msgspec.Struct, frozen=True):
    """Well-known instruments: each name's key -> its acronym, and an
    expression finding the acronyms."""

    keys: dict[str, str]
    acronyms: re.Pattern[str]


@cache
def _known() -> _KnownInstruments:
    """The table of ``data/instruments.txt``, read once."""
    keys: dict[str, str] = {}
    for line in data_lines("instruments.txt"):
        acronym, _, names = (part.strip() for part in line.partition("|"))
        keys[acronym] = acronym
        for name in names.split(";"):
            if name.strip():
                keys[normalize_key(name)] = acronym
    acronyms = [k for k in keys if keys[k] == k]
    return _KnownInstruments(keys, re.compile(trie_pattern(acronyms) + r"(?![\w-])"))


def instrument_key(name: str) -> str:
    """What makes two names one instrument: the well-known instrument they
    name, else the name itself (normalised)."""
    known = _known().keys
    return known.get(name) or known.get(normalize_key(name)) or normalize_key(name)


_BETWEEN = re.compile(
    rf"\s+between\s+(?:the\s+)?{NAME_RUN}(?:\s+of\s+(?:the\s+)?{NAME_RUN})?"
    rf"\s+and\s+(?:the\s+)?{NAME_RUN}(?:\s+of\s+(?:the\s+)?{NAME_RUN})?"
)
_COMPLEMENT = re.compile(
    rf"\s+(?P<conn>on|of|for|concerning|regarding|toward|towards|in|to)\s+(?:the\s+)?"
    rf"(?P<unit>{NAME_LIST}(?:\s+and\s+{TOKEN}(?:\s+{TOKEN}){{0,3}})?|{QUOTED_NAME_RUN})"
)
# "and" before another instrument's name ends a complement
_SECOND_NAME = re.compile(
    r",?\s+and\s+(?=(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:Letter|Memorand|Exchange|Agreement|Treaty|Convention|Protocol|Declaration|Charter)\b)"
)
_YEARS_AFTER = re.compile(r"\s+(?:1[89]|2\d)\d\d(?:\s*[-‐‑–]\s*(?:1[89]|2\d)?\d\d)?(?![\w/])")
# "...: Shared Vision, Shared Identity, Shared Future": a Title Case subtitle
# after a colon belongs to the name
_SUBTITLE = re.compile(
    r":\s+(?!(?:The|This|These|That|It|We|They|Both)\b)[A-Z][\w'’-]*"
    r"(?:,?\s+[A-Z][\w'’-]*){1,9}(?=\s*(?:[.;,)\n]|$))"
)
_NUMERAL_AFTER = re.compile(rf"\s+{ROMAN_NUMERAL.pattern}(?![\w’'-])")
_SHORT_NAME = re.compile(r"\s*\((?P<short>[A-Z][\w'’ -]{2,60})\)")


def _between(text: str, end: int) -> re.Match[str] | None:
    """'between X and Y' after a head, when X and Y are the parties to the
    document ('Agreement between Japan and the Republic of Tajikistan'); not
    when they are bodies, which are named on their own ('Memorandum ...
    between the Department of National Defense and Ministry of Defense')."""
    match = _BETWEEN.match(text, end)
    words = match.group().split() if match else []
    if any(w in ORG_HEADS or (known_label(w) and not find_country(w)) for w in words):
        return None
    return match


def _name_end(text: str, end: int) -> int:
    """The end of an instrument's name after its head noun: 'between X and Y',
    up to four 'on/of/for ...' complements, and the years it covers
    ('... 2015-2030')."""
    between = _between(text, end)
    if between:
        end = between.end()
    count = 0
    while count < 4:
        if not between:
            between = _between(text, end)
            if between:
                end = between.end()
        comp = _COMPLEMENT.match(text, end)
        if not comp or (comp.group("conn") == "in" and count == 0):
            break
        unit = comp.group("unit")
        words = unit.split()
        if comp.group("conn") == "to" and (is_country_name(unit) or known_label(unit)):
            break  # "the Agreement to Japan": a recipient, not a title
        if words[0] in MONTH_WORDS or not any(
            w[0].isalpha() and w not in MONTH_WORDS for w in words
        ):
            break
        second = _SECOND_NAME.search(unit)
        if second:  # "Memorandum of Implementation and Letter of Arrangement": two
            end = comp.start("unit") + second.start()
            break
        end = comp.end()
        count += 1
    years = _YEARS_AFTER.match(text, end)
    end = years.end() if years else end
    numeral = _NUMERAL_AFTER.match(text, end)
    end = numeral.end() if numeral else end  # "Work Plan IV", "Phase II"
    subtitle = _SUBTITLE.match(text, end)
    return subtitle.end() if subtitle else end


#: Documents that a generic word names ("this Joint Statement", "the Ministerial
#: Declarations").
_TYPED_HEADS = frozenset(("Statement", "Declaration", "Declarations", "Communiqué", "Communique"))
#: Possessives that are part of a document's name, not its owner's.
_ROLES = frozenset(("Chairman", "Chair", "Chairperson", "Chairs", "President", "Presidency"))


def _owned_name(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The name words before a head without an owner: "Australia’s
    Comprehensive Safeguards Agreement", "the OECD’s Principles", "Organisation
    for Economic Co-operation and Development (OECD) Principles"; a role's
    possessive is part of the name ("Chairman’s Statement")."""
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i][2]
        owner = POSSESSIVE.sub("", word)
        if (owner != word and owner not in _ROLES) or (
            word.startswith("(") and known_label(word.strip("()"))
        ):
            return strip_leading(tokens[i + 1 :], owners=False)
    return strip_leading(tokens, owners=False)


_BODY_OF = re.compile(r"(?:^|\s)(?P<w>[A-Z][\w’'-]*(?:[-‐‑–][A-Z][\w’'-]*)*)\s+of\s+$")


def _body_led(text: str, tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Name words before a head, with a body's name that leads them across its
    "of" ("USAID–Ministry of Finance Development Objective Grant Agreement")."""
    if not tokens:
        return tokens
    body = _BODY_OF.search(text, max(0, tokens[0][0] - 40), tokens[0][0])
    if body is None or re.split(r"[-‐‑–]", body.group("w"))[-1] not in ORG_HEADS:
        return tokens
    of = body.end("w")
    return [(body.start("w"), of, body.group("w")), (of + 1, of + 3, "of"), *tokens]


def _named_spans(text: str) -> Iterator[Span]:
    """Instruments named by a head noun: 'Paris Agreement', 'Agreement between
    Japan and ... for the Liberalization, Promotion and Protection of
    Investment', 'Treaty on the Non-Proliferation of Nuclear Weapons', 'UN
    Charter', '2030 Agenda for Sustainable Development'.  A head needs a
    distinctive word before it or a complement: alone ('the Agreement') it
    refers back to one, after generic words ('National Accord') it names
    none; a generic word is enough for a statement or declaration ('Joint
    Statement', 'Ministerial Declarations').  A leading year stays in a name
    it identifies ('2030 Agenda'), not in one it only dates ('2022 Phnom Penh
    Statement')."""
    for match in _HEAD.finditer(text):
        if not word_start(text, match.start()):
            continue
        head = match.group()
        pre = _owned_name(_body_led(text, tokens_before(text, match.start(), lists=True)))
        while pre and pre[0][2] == "and":
            pre = pre[1:]
        words = [w for _, _, w in pre]
        start = pre[0][0] if pre else match.start()
        end = _name_end(text, match.end())
        complemented = end > match.end()
        naming = [w for w in words if w not in GENERIC_WORDS and w != "Press"]
        typed = bool(words) and head in _TYPED_HEADS  # "Joint Statement"
        if not (naming or complemented or typed):
            continue  # "the Agreement", "National Accord": no name
        if pre and YEARISH.match(words[0]) and any(not YEARISH.match(w) for w in naming):
            start = pre[1][0]  # "the 2022 Phnom Penh Statement": the year only dates it
        label = clean_name(text[start:end]).strip(" ,;:")
        short = _SHORT_NAME.match(text, end)
        if short and _HEAD.search(short.group("short")):
            label = short.group("short").strip()  # "... (Tokyo Declaration)"
            end = short.end()
        if label:
            yield Span(start, end, label, 1)


_RESOLUTION_ANCHOR = re.compile(r"esolution")
_RESOLUTION_NUMBER = re.compile(
    r"(?P<body>\b(?:(?:UN|United\s+Nations)\s+)?(?:General\s+Assembly|Security\s+Council|UNGA|UNSC"
    r"|Human\s+Rights\s+Council)\s+)?\b(?P<word>[Rr]esolutions?)\s+(?:No\.?\s*)?"
    r"(?P<num>(?:[AS]/(?:[A-Z]{2,4}/)?RES/)?\d{1,5}(?:/\d{1,5}){0,2})(?![\w/])"
)
_RESOLUTION_OF_BODY = re.compile(
    r"\b(?:(?:UN|United\s+Nations)\s+)?(?:General\s+Assembly|Security\s+Council|UNGA|UNSC"
    r"|Human\s+Rights\s+Council)\s+Resolutions?\b"
)
_RESOLUTION_TITLED = re.compile(
    r"\b[Rr]esolutions?\s+(?:titled|entitled|on)\s+[\"“](?P<title>[^\"“”\n]{3,200})[\"”]"
)


def _resolution_spans(text: str) -> Iterator[Span]:
    """'UN General Assembly Resolution 77/158', 'UN Security Council
    Resolutions', and the title of 'the resolution titled "..."'."""
    anchors = [m.start() for m in _RESOLUTION_ANCHOR.finditer(text)]
    for lo, hi in windows(anchors, 60, 260, len(text)):
        for match in _RESOLUTION_NUMBER.finditer(text, lo, hi):
            # a body in title case is part of the resolution's name
            start = match.start("body" if match.group("word")[0] == "R" else "word")
            start = start if start >= 0 else match.start("word")
            yield Span(start, match.end(), clean_name(text[start : match.end()]), 0)
        for match in _RESOLUTION_OF_BODY.finditer(text, lo, hi):
            yield Span(match.start(), match.end(), clean_name(match.group()), 1)
        for match in _RESOLUTION_TITLED.finditer(text, lo, hi):
            title = clean_name(match.group("title"))
            yield Span(match.start(), match.end(), title, 0)


def _quoted_spans(text: str) -> Iterator[Span]:
    """Quoted titles that name an instrument: the whole title is the label."""
    for match in QUOTED.finditer(text):
        inner = match.group("c") or match.group("s") or ""
        # a quoted title, or a quoted short name ("“123 agreement”")
        if (inner[:1].isupper() and INSTRUMENT_WORD.search(inner)) or (
            inner[:1].isdigit() and INSTRUMENT_WORD.search(inner.title())
        ):
            yield Span(match.start(), match.end(), clean_name(inner).strip(" ,;:"), 0)


def _is_instrument_expansion(acronym: str, expansion: str) -> bool:
    """Whether a defined acronym names an instrument: a well-known one, or one
    whose expansion ends in a head ("... Agreement", "free trade agreement")
    or holds one before its complement ("Convention on the Law of the Sea")."""
    if acronym in _known().keys or normalize_key(expansion) in _known().keys:
        return True
    words = [w for w in expansion.split() if w]
    if not words:
        return False
    heads = {h.lower() for h in _HEADS}
    if words[-1].lower() in heads:
        return True
    return any(w in _HEADS and nxt in ("on", "of", "for") for w, nxt in pairwise(words))


@lru_cache(maxsize=256)
def _instrument_pairs(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The defined acronyms that name instruments."""
    return tuple((a, e) for a, e in items if _is_instrument_expansion(a, e))


def _acronym_spans(text: str, items: tuple[tuple[str, str], ...]) -> Iterator[Span]:
    """Instruments named by acronym: the statement's own (wherever the acronym
    or its expansion appears) and well-known treaties' ('NPT')."""
    wanted = {a for a, _ in _instrument_pairs(items)}
    yield from (s for s in defined_spans(text, items) if s.label in wanted)
    defined = as_dict(items)
    for match in _known().acronyms.finditer(text):
        if word_start(text, match.start()) and match.group() not in defined:
            yield Span(match.start(), match.end(), match.group(), 0)


_ACRONYM_AFTER = re.compile(r"\s*\(([^()]{2,24})\)")


# find_instruments, find_organizations and find_projects (which must not list an
# instrument's name) usually read the same item one after the other: keep the
# last few.
@lru_cache(maxsize=8)
def instrument_spans(text: str, items: tuple[tuple[str, str], ...] = ()) -> tuple[Span, ...]:
    """Every instrument named in ``text``, as non-overlapping spans labelled as
    listed (``items`` are the statement's acronyms).  A name followed by an
    acronym the statement defines, or that the statement defines an acronym
    for anywhere, is labelled by the acronym."""
    defined = as_dict(items)
    # a name printed through an acronym defined for part of it stays whole
    named = list(_named_spans(text))
    printed = [printed_through_acronym(text, s, defined, _closes_name) for s in named]
    whole = {(p.start, p.end) for p, s in zip(printed, named, strict=True) if p is not s}
    spans: list[Span] = [
        *_phrase_spans(text),
        *_resolution_spans(text),
        *printed,
        *_quoted_spans(text),
        *_acronym_spans(text, items),
    ]
    # a well-known body's name is no document's ("OECD/G20 Inclusive Framework")
    resolved = [s for s in resolve_spans(spans) if not known_label(s.label)]
    by_expansion = _expansions(items)
    for n, span in enumerate(resolved):
        if (span.start, span.end) in whole:
            continue  # printed whole through an acronym the statement defines for part of it
        after = _ACRONYM_AFTER.match(text, span.end)
        if after and _stands_for(after.group(1), span.label, defined):
            resolved[n] = Span(span.start, span.end, after.group(1), span.rank)
        elif normalize_key(span.label) in by_expansion:
            resolved[n] = Span(span.start, span.end, by_expansion[normalize_key(span.label)], 0)
    return tuple(resolved)


def _closes_name(word: str) -> bool:
    """Whether a word closes an instrument's name: its head, a year, a numeral."""
    return bool(
        INSTRUMENT_WORD.fullmatch(word) or YEARISH.match(word) or ROMAN_NUMERAL.fullmatch(word)
    )


def _stands_for(acronym: str, name: str, defined: dict[str, str]) -> bool:
    """Whether an acronym in parentheses after a name is the name's own: one
    the statement defines for (the end of) this name, a well-known treaty's, a
    modality's ("(ODA)") - not an organisation's ("Charter of the United
    Nations (UN)")."""
    if known_label(acronym):
        return False
    if acronym in defined:
        return normalize_key(name).endswith(normalize_key(defined[acronym]))
    if acronym in _known().keys:
        return True
    phrases = _phrases()
    return bool(phrases.exact.fullmatch(acronym) or phrases.lower.fullmatch(acronym.lower()))


@lru_cache(maxsize=256)
def _expansions(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Normalised expansion -> the acronym the statement defines for it."""
    found: dict[str, str] = {}
    for acronym, expansion in items:
        found.setdefault(normalize_key(expansion), acronym)
    return found
