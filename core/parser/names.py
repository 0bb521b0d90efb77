"""What the entity readers share: the words of names, spans and their
resolution.

A *name word* is a capitalised token ("Japan", "Co-Creation", "U.S.", "C5+1",
"2025"); a name is a run of them, possibly joined by small words ("of the",
"and").  The entity kinds (:mod:`.organisations`, :mod:`.instruments`,
:mod:`.projects`) find candidate spans of text, and :func:`resolve_spans` keeps
the longest where they overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import msgspec

from .gazetteer import normalize_key as _key

_DATA = Path(__file__).with_name("data")


def data_lines(name: str) -> list[str]:
    """The lines of one of the parser's data files (``data/<name>``), without
    ``#`` comments and blank lines."""
    text = (_DATA / name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def data_words(name: str) -> frozenset[str]:
    """Every blank-separated word of a data file (a list of head words)."""
    return frozenset(word for line in data_lines(name) for word in line.split())


def data_tags(name: str) -> dict[str, frozenset[str]]:
    """A data file of words with tags, one ``word: tag, tag`` a line, as
    word -> tags."""
    tagged = {}
    for line in data_lines(name):
        word, _, tags = line.partition(":")
        tagged[word.strip()] = frozenset(t.strip() for t in tags.split(",") if t.strip())
    return tagged


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one blank-separated string."""
    return frozenset(text.split())


SMALL_WORDS = word_set(
    "of the and for in on to at by with a an de du des la le el from against its their or &"
)
MONTH_WORDS = word_set(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """
)
#: Words that open a sentence or a noun phrase but never a name.
STOP_STARTS = word_set(
    """
    The This These That Those Both Each All In On At By For From With Under Through Also As
    And But Our Their Its His Her Your My We They It A An To Regarding Recognizing
    Recognising Based Further Furthermore Moreover Finally Meanwhile Given Since While Such
    Other Any Some Several Various Every Building Looking Considering Welcoming Noting
    Affirming Reaffirming Recalling Mindful During Following Upon Within Among Toward
    Towards
    """
)
#: Capitalised words that start a new sentence when met inside a run of names.
SENTENCE_OPENERS = word_set("The This These Both We They Our It")
#: Title Case words that do not make a phrase a proper name on their own.
GENERIC_WORDS = word_set(
    """
    National International Regional Global Central State Federal Joint New Special Strategic
    Comprehensive High-Level High-level High Level Official Annual Bilateral Multilateral
    Trilateral Intergovernmental Enhanced Expanded Extended Ministerial Leaders Leaders'
    Leaders’ Parties Summit Meeting Meetings Visit First Second Third Fourth Fifth Sixth
    Seventh Eighth Ninth Tenth Next Further Future Public Private General Permanent
    Executive Foreign Related
    """
)

PROJECT_WORDS = data_words("project_words.txt")

# A capitalised word of a name: "Japan", "Co-Creation", "U.S.", "U.S.-Japan",
# "C5+1", "2025", "Glaciers’", "GREENxEXPO".  Possessives are split off later;
# a full stop belongs to the word only inside it or after an initial.  (Kept
# short: the name expressions repeat it, and their compile time counts.)
TOKEN = r"[A-Z0-9](?:[\w+&'’]|[-‐‑–/.](?=\w)|(?<=\.[A-Z])\.(?=[-‐‑–/]))*(?:(?<=\.[A-Z])\.)?"
QUOTED_TOKEN = r"(?:“[^“”\n]{1,120}”|\"[^\"\n]{1,120}\")"
# A run of name words, possibly a list: "Economy, Trade and Industry".
NAME_LIST = (
    rf"{TOKEN}(?:\s+{TOKEN}){{0,6}}"
    rf"(?:(?:,\s+{TOKEN}(?:\s+{TOKEN}){{0,3}}){{0,5}},?\s+(?:and|&)\s+{TOKEN}"
    rf"(?:\s+{TOKEN}){{0,3}})?"
)
QUOTED_NAME_RUN = rf"(?:{TOKEN}|{QUOTED_TOKEN})(?:\s+(?:{TOKEN}|{QUOTED_TOKEN})){{0,6}}"
NAME_RUN = rf"{TOKEN}(?:\s+{TOKEN}){{0,6}}"

_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
WORD_SPLIT = re.compile(r"[\s/‐‑–—-]+")
SPACES = re.compile(r"\s+")
QUOTED = re.compile(r"“(?P<c>[^“”\n]{2,200})”|\"(?P<s>[^\"\n]{2,200})\"")
#: an owner's possessive ("JICA's"), not a name's own word ("People's Republic",
#: "International Women's Day", "United Nations Children's Fund")
POSSESSIVE = re.compile(r"(?<![Pp]eople)(?<![Ww]omen)(?<![Cc]hildren)(?<![Mm]en)['’]s$")
TOKEN_RE = re.compile(TOKEN)
_PAREN_ACRONYM = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
YEARISH = re.compile(r"^(?:1[89]|2\d)\d\d$")


def clean_name(text: str) -> str:
    """Collapse whitespace and drop a leading article."""
    text = SPACES.sub(" ", text).strip()
    return _ARTICLE.sub("", text)


class Span(msgspec.Struct, frozen=True):
    """A labelled stretch of text; lower ``rank`` wins a tie between equal spans."""

    start: int
    end: int
    label: str
    rank: int = 0


_ACRONYM_IN_NAME = re.compile(r"\s*\((?P<a>[A-Z][A-Za-z0-9&-]{1,10})\)")
_ACRONYM_BEFORE = re.compile(r"\((?P<a>[A-Z][A-Za-z0-9&-]{1,10})\)\s+$")
#: what a name printed through its acronym goes on with: name words up to a head
#: or a number that closes it ("(MPAC) 2025", "(DRM) Hub", "(IAI) Work Plan IV");
#: plain words, so that the expression is cheap to compile
_GOES_ON = re.compile(
    r"\s+(?P<run>[A-Z0-9](?:[\w’'-]|\.(?=\w))*(?:\s+[A-Z0-9](?:[\w’'-]|\.(?=\w))*){0,4})"
)
_SLASH_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<w>[A-Z0-9][\w+.-]*)/$")
ROMAN_NUMERAL = re.compile(r"(?:X{0,2}(?:IX|IV|V?I{1,3})|X{1,2}|V)")


def printed_through_acronym(
    text: str, span: Span, defined: Mapping[str, str], closes: Callable[[str], bool]
) -> Span:
    """A name for part of which the statement defines an acronym is printed
    whole, acronym included (README, Conventions: "an acronym defined for part of
    a name leaves the name as printed"): one that goes on after the acronym to a
    word ``closes`` accepts ("Master Plan on ASEAN Connectivity (MPAC) 2025",
    "World Bank Tokyo Disaster Risk Management (DRM) Hub"), and one that starts
    with the defined part ("Initiative for ASEAN Integration (IAI) Work Plan IV",
    "G20/Organisation for Economic Co-operation and Development (OECD)
    Principles of Corporate Governance")."""
    start, end = span.start, span.end
    after = _ACRONYM_IN_NAME.match(text, end)
    if after and after.group("a") in defined:
        goes = _GOES_ON.match(text, after.end())
        if goes:
            words = goes.group("run").split()
            last = max((k for k, w in enumerate(words) if closes(w)), default=-1)
            if last >= 0:
                end = after.end() + len(goes.group()) - len(" ".join(words[last + 1 :]))
                end = len(text[:end].rstrip())
    inner = [m for m in _ACRONYM_IN_NAME.finditer(text, start, end) if m.group("a") in defined]
    before = _ACRONYM_BEFORE.search(text, max(0, start - 16), start)
    if before and before.group("a") in defined:
        inner.insert(0, before)
    for match in inner[:1]:
        expansion = defined[match.group("a")]
        head = text[: match.start()].rstrip()
        if _key(head[-len(expansion) :]) == _key(expansion):
            start = min(start, len(head) - len(expansion))
            slash = _SLASH_BEFORE.search(text, max(0, start - 20), start)
            if slash:
                start = slash.start("w")  # "G20/Organisation for ..."
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, clean_name(text[start:end]), span.rank)


def resolve_spans(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans: the longest wins, then the lowest rank, then the
    earliest; the result is in text order."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.rank, s.start))
    starts: list[int] = []
    taken: list[Span] = []
    for span in ordered:
        i = bisect_right(starts, span.start)
        if (i and taken[i - 1].end > span.start) or (i < len(taken) and taken[i].start < span.end):
            continue
        starts.insert(i, span.start)
        taken.insert(i, span)
    return taken


def tokens_before(text: str, pos: int, *, lists: bool = False) -> list[tuple[int, int, str]]:
    """The name words right before ``pos`` (at most eight) as (start, end, word):
    "Tajik National" before "University".  With ``lists``, "and" may join two
    of them ("Biological and Toxin Weapons" before "Convention")."""
    tokens: list[tuple[int, int, str]] = []
    end = pos
    while len(tokens) < 8:
        gap = end
        while gap > 0 and text[gap - 1] in " \t\r\n":
            gap -= 1
        if gap == end or gap == 0:
            break
        lo = max(0, gap - 60)
        start = max(text.rfind(" ", lo, gap), text.rfind("\n", lo, gap), text.rfind("\t", lo, gap))
        start += 1
        word = text[start:gap]
        if lists and word in ("and", "&") and tokens:
            before = tokens_before(text, start)
            if before:
                tokens.append((start, gap, word))
                tokens.append(before[-1])
                end = before[-1][0]
                continue
        if _PAREN_ACRONYM.fullmatch(word):
            lead = 0  # "Regional Comprehensive Economic Partnership (RCEP) Agreement"
        else:
            lead = len(word) - len(word.lstrip("*_“\"‘'(["))
            if not TOKEN_RE.fullmatch(word, lead):
                break
        tokens.append((start + lead, gap, word[lead:]))
        if lead:
            break
        end = start
    if tokens and tokens[-1][2] in ("and", "&"):
        tokens.pop()
    return tokens[::-1]


def windows(anchors: Iterable[int], before: int, after: int, limit: int) -> list[tuple[int, int]]:
    """Merged stretches of text around anchor positions, in order: the slower
    expressions only run inside these."""
    merged: list[tuple[int, int]] = []
    for pos in sorted(anchors):
        lo, hi = max(0, pos - before), min(limit, pos + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def word_start(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a word (no letter, digit or hyphen before it)."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "-‐‑–_")


def unique(labels: Iterable[str]) -> list[str]:
    """Labels without repeats, in order of first appearance."""
    return list(dict.fromkeys(label for label in labels if label))


def is_project_word(word: str) -> bool:
    return word in PROJECT_WORDS or (len(word) > 4 and word.lower().endswith("expo"))


# The public functions are pure; statements repeat sentences (and the parser may
# ask twice), so results are kept per text: texts of item size only, so that the
# caches stay small.
CACHED_LENGTH = 5000


def strip_leading(
    tokens: list[tuple[int, int, str]], *, owners: bool = True
) -> list[tuple[int, int, str]]:
    """Drop words that open a sentence or a phrase and (with ``owners``)
    everything up to a possessive ("JICA's Knowledge ... Program" ->
    "Knowledge ... Program")."""
    for i in range(len(tokens) - 1, -1, -1):
        if owners and POSSESSIVE.search(tokens[i][2]):
            tokens = tokens[i + 1 :]
            break
    while tokens and (
        tokens[0][2] in STOP_STARTS or tokens[0][2] in MONTH_WORDS or QUALIFIER.search(tokens[0][2])
    ):
        tokens = tokens[1:]
    return tokens


#: a hyphenated adjective before a name qualifies it and is no part of it
#: ("DPRK-related UN Security Council resolutions", "the Pacific-led ... initiative")
QUALIFIER = re.compile(
    r"[-‐‑–](?:related|led|based|owned|funded|backed|sponsored|driven|focused|run|made|linked)$"
)


#: A word of a name, as looked up: blanks, hyphens, slashes, commas and a
#: possessive part words; a full stop belongs to an initialism ("U.N.").
_NAME_WORD = re.compile(r"[^\W_](?:[\w&]|['’](?!s\b)|\.(?=\w))*(?:(?<=\.[A-Za-z])\.)?")
#: A capitalised word not inside another (one after a hyphen counts).
_CAPITALISED_WORD = re.compile(
    # the capital first, then a look back at the character before it: the
    # engine then only stops at capitals
    r"[A-Z](?<![^\W_].)(?:[\w&]|['’](?!s\b)|\.(?=\w))*(?:(?<=\.[A-Za-z])\.)?"
)


class NameIndex(msgspec.Struct, frozen=True, eq=False):
    """Names found word by word: at each capitalised word, the longest name
    that starts there (any case after the first letter, any blanks or line
    breaks between words), else a word to be matched exactly (an acronym).
    A dictionary probe per capitalised word replaces a large expression, which
    would cost more to compile than a statement costs to read."""

    names: dict[str, str]
    prefixes: frozenset[str]
    exact: dict[str, str]

    @classmethod
    def build(
        cls, names: Iterable[tuple[str, str]], exact: Iterable[tuple[str, str]] = ()
    ) -> NameIndex:
        """An index of ``names`` (name, value) and ``exact`` words (word, value)."""
        keys: dict[str, str] = {}
        prefixes: set[str] = set()
        for name, value in names:
            key = _key(name)
            keys.setdefault(key, value)
            prefixes.update(key[: m.end()] for m in _NAME_WORD.finditer(key))
        return cls(keys, frozenset(prefixes), dict(exact))

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, value) of each name or exact word in ``text``, in order."""
        return scan_names(text, (self,))[0]

    def _longest(self, text: str, start: int) -> tuple[int, str] | None:
        """(end, value) of the longest name at ``start``: words are added while
        they still begin a name."""
        found = None
        for word in _NAME_WORD.finditer(text, start):
            key = _key(text[start : word.end()])
            if key not in self.prefixes:
                break
            if key in self.names:
                found = (word.end(), self.names[key])
        return found


def scan_names(text: str, indices: Sequence[NameIndex]) -> list[list[tuple[int, int, str]]]:
    """The names of each index in ``text``, as (start, end, value) in order, in
    one pass over its capitalised words."""
    found: list[list[tuple[int, int, str]]] = [[] for _ in indices]
    covered = [0] * len(indices)
    for word in _CAPITALISED_WORD.finditer(text):
        start = word.start()
        written = word.group()
        lower = written.lower()
        for n, index in enumerate(indices):
            if start < covered[n]:
                continue
            name = index._longest(text, start) if lower in index.prefixes else None
            if name:
                covered[n] = name[0]
                found[n].append((start, name[0], name[1]))
            elif written in index.exact:
                found[n].append((start, word.end(), index.exact[written]))
    return found
