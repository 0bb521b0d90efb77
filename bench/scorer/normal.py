"""How the scorer compares text: one normalisation for quotes, titles and
headings, and the light keys it compares names, verbs, places and entities by.

Every rule here is written down in ``docs/accuracy.md``; change both together.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from jtreport.parser.gazetteer import mentions, normalize_key

_SUP_SUB = re.compile(r"<(sup|sub)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])")
_MARKS = re.compile(r"[*_`]+")
_QUOTES = dict.fromkeys(map(ord, "\"'‘’‚‛“”„‟«»‹›′″"), None)
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_AROUND_DASH = re.compile(r"\s*-\s*")
_SPACE = re.compile(r"\s+")
_LEADING_COORDINATOR = re.compile(r"^(?:(?:and|but|or|while|whereas|as well as)\b[\s,]*)+")
_EDGE_PUNCTUATION = re.compile(r"^[\s.,;:]+|[\s.,;:]+$")


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """Text as the scorer compares it: HTML entities decoded, tags, Markdown
    emphasis, links and escapes removed (footnote ``<sup>`` marks with their
    content), quote characters dropped, every dash a hyphen without spaces around
    it, whitespace collapsed, case folded."""
    text = unicodedata.normalize("NFKC", html.unescape(text))
    text = _TAG.sub(" ", _SUP_SUB.sub("", text))
    text = _MARKS.sub("", _ESCAPE.sub(r"\1", _LINK.sub(r"\1", text)))
    text = text.translate(_QUOTES).translate(_DASHES)
    text = _AROUND_DASH.sub("-", text)
    return _SPACE.sub(" ", text).strip().casefold()


def quote_key(quote: str) -> str:
    """A labelled quote as searched for in an item's text: :func:`plain`, without
    a leading coordinator ("and", "but", "while", "as well as": the item's own
    clause starts after it) or punctuation at either end."""
    text = _EDGE_PUNCTUATION.sub("", plain(quote))
    return _EDGE_PUNCTUATION.sub("", _LEADING_COORDINATOR.sub("", text))


def title_key(title: str | None) -> str:
    """A title or heading as compared: :func:`plain`, without a final full stop."""
    return _EDGE_PUNCTUATION.sub("", plain(title or ""))


# ----------------------------------------------------------------- parties ---

BOTH = "both"


@lru_cache(maxsize=4096)
def party_key(name: str) -> str:
    """The canonical name of a party or actor: ``both`` for ``both``; the
    gazetteer's common name when the whole phrase names one party ("U.S.", "the
    United States of America" and "United States" all give "United States");
    otherwise the name itself in lower case without a leading article."""
    text = " ".join(name.split()).strip(" ,;")
    if text.casefold() == BOTH:
        return BOTH
    found = mentions(text, require_head=False)
    if len(found) == 1:
        rest = (text[: found[0].start] + text[found[0].end :]).strip(" ,;")
        if rest.casefold() in {"", "the"}:
            return found[0].country.name
    return normalize_key(text)


def actor_key(actors: list[str], parties: frozenset[str]) -> frozenset[str]:
    """An item's actors as a set of :func:`party_key` names, where a set naming
    every party of the statement (``parties``, canonical, at least two) is
    ``{"both"}``: "Japan and the Philippines" acting together is "both"."""
    keys = frozenset(party_key(actor) for actor in actors if actor.strip())
    if len(parties) >= 2 and keys == parties:
        return frozenset({BOTH})
    return keys


# ------------------------------------------------------------------ places ---


def place_matches(expected: str | None, got: str | None) -> bool:
    """Places agree when both are absent, equal after :func:`plain`, or name the
    same first component: "Tokyo" matches "Tokyo, Japan" (the city is right and
    the country only qualifies it), but "Japan" does not match "Tokyo, Japan" (a
    city the label says the text does not give)."""
    if not expected or not got:
        return not expected and not got
    left, right = title_key(expected), title_key(got)
    return left == right or left.split(",")[0].strip() == right.split(",")[0].strip()


# ------------------------------------------------------------------- verbs ---

#: words that cannot carry a verb match alone ("will" is not "will support")
_FUNCTION_TEXT = """
will shall would should can could may might must to be been being is are was were have has
had do does did not their his her its our my your the a an of on that with further fully also
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def verb_tokens(verb: str) -> tuple[str, ...]:
    """A verb phrase as words: :func:`plain`, without "also"."""
    return tuple(word for word in _WORD.findall(plain(verb)) if word != "also")


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def verb_matches(expected: str, got: str) -> bool:
    """The lenient verb rule: one phrase's words appear, in order and together,
    in the other's ("will continue" matches "will continue to support"), and the
    shorter holds a word that is not an auxiliary, modal, particle or pronoun
    (so "will" alone matches nothing)."""
    left, right = verb_tokens(expected), verb_tokens(got)
    shorter, longer = sorted((left, right), key=len)
    if not any(word not in _FUNCTION_WORDS for word in shorter):
        return False
    return _contains(longer, shorter)


def verb_exact(expected: str, got: str) -> bool:
    """The strict verb rule: the same words (after :func:`verb_tokens`)."""
    return verb_tokens(expected) == verb_tokens(got)


# ---------------------------------------------------------------- entities ---

_ACRONYM_IN_BRACKETS = re.compile(r"^(.*?)\s*\(([^()]+)\)$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_NOT_INITIALS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&", "to"})


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _name_key(text: str) -> str:
    return " ".join(_singular(word) for word in _ARTICLE.sub("", title_key(text)).split())


class EntityKey:
    """How one named entity compares: its names (:func:`plain`, no leading
    article, every word singular; a "Long Name (ACR)" gives both parts), the
    acronyms it is written as, and the initials of its long names."""

    __slots__ = ("acronyms", "initials", "names")

    def __init__(self, written: str) -> None:
        parts = [written]
        bracketed = _ACRONYM_IN_BRACKETS.match(written.strip())
        if bracketed:
            parts = [bracketed.group(1), bracketed.group(2)]
        self.names = frozenset(filter(None, (_name_key(part) for part in parts)))
        acronyms: set[str] = set()
        initials: set[str] = set()
        for part in parts:
            words = _ARTICLE.sub("", part.strip()).split()
            if len(words) == 1 and re.fullmatch(r"[A-Z][A-Z0-9&.-]*[A-Z0-9]\.?", words[0]):
                acronyms.add(re.sub(r"[.&-]", "", words[0]).casefold())
            letters = _initials(part)
            if len(letters) >= 2:
                initials.add("".join(letters))
        self.acronyms = frozenset(acronyms)
        self.initials = frozenset(initials)

    def matches(self, other: EntityKey) -> bool:
        """Same name, or one is written as the acronym of the other's long name."""
        return bool(
            self.names & other.names
            or self.acronyms & other.initials
            or other.acronyms & self.initials
        )


def _initials(name: str) -> list[str]:
    """What each word of a long name gives its acronym: a word in capitals
    itself ("UN General Assembly" gives UNGA), any other its first letter;
    "of", "and", "the" and the like nothing."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES)
    return [
        word.casefold() if len(word) > 1 and word.isupper() else word[0].casefold()
        for word in re.findall(r"[^\W_]+", text)
        if word.casefold() not in _NOT_INITIALS
    ]


def paired(expected: list[str], got: list[str]) -> int:
    """How many of ``expected`` pair one-to-one with an entity of ``got`` (first
    come, first served, each side deduplicated after normalisation)."""
    left = _distinct(expected)
    right = _distinct(got)
    used = [False] * len(right)
    hits = 0
    for key in left:
        for n, other in enumerate(right):
            if not used[n] and key.matches(other):
                used[n] = True
                hits += 1
                break
    return hits


def distinct_count(names: list[str]) -> int:
    """How many different entities ``names`` holds (after normalisation)."""
    return len(_distinct(names))


def _distinct(names: list[str]) -> list[EntityKey]:
    seen: set[frozenset[str]] = set()
    keys = []
    for name in names:
        key = EntityKey(name)
        if key.names and key.names not in seen:
            seen.add(key.names)
            keys.append(key)
    return keys


# ----------------------------------------------------------------- leaders ---

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_tokens(name: str) -> list[str]:
    """A person's name as lower-case words without accents or generational
    suffixes ("Joseph R. Biden, Jr." gives joseph, r, biden)."""
    return [w for w in re.findall(r"[^\W\d_]+", _folded(name)) if w not in _SUFFIXES]


def surname(name: str) -> str:
    """The surname token of a labelled name: the word written in capitals when
    there is one (family name first, as in "KISHIDA Fumio"), else the last word
    (generational suffixes dropped)."""
    capitals = [
        w for w in re.findall(r"[^\W\d_]{2,}", name) if w.isupper() and _folded(w) not in _SUFFIXES
    ]
    if capitals and len(capitals) < len(name_tokens(name)):
        return name_tokens(capitals[0])[0]
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""
