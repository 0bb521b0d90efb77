"""The document-level rule tables, read once from data files in ``parser/data``.

Words that name a statement, title noise, page furniture, honorifics and titles of
office are data, not code: adding one is a one-line change to a file beside this
module (with a test).  Each table is loaded on first use and kept; patterns built
from a table are compiled once.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"
_SECTION = re.compile(r"^===\s*(?P<name>[\w ]+?)\s*===$")


def _read(name: str) -> str:
    return (_DATA / name).read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """The lines of a ``.txt`` table, without comments (``#``) and blank lines."""
    found = []
    for raw in _read(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            found.append(line)
    return tuple(found)


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """The sections of a ``.txt`` table: a line ``=== name ===`` starts one, and
    each line after it (comments and blank lines aside) is an entry."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in lines(name):
        header = _SECTION.match(line)
        if header:
            current = found.setdefault(header.group("name"), [])
        else:
            current.append(line)
    return {key: tuple(entries) for key, entries in found.items()}


def phrase_pattern(phrases: tuple[str, ...] | list[str], *, capitalised: bool = False) -> str:
    """A regex for literal phrases shaped as a trie (cheap to compile, longest
    first at a position), where a space matches any run of whitespace, an
    apostrophe either apostrophe and a hyphen any dash.  Use it with ``re.I``;
    with ``capitalised`` the first letter must be a capital and the rest of the
    phrase matches in any case ("President", not "president")."""
    from .gazetteer import capitalised_trie, trie_pattern

    keys = {" ".join(p.lower().replace("’", "'").split()) for p in phrases}
    keys |= {k.replace("é", "e") for k in keys}
    return capitalised_trie(sorted(keys)) if capitalised else trie_pattern(sorted(keys))


def phrase_key(text: str) -> str:
    """A text as phrases are compared: lower case, one space, straight apostrophes,
    plain hyphens, no accent on e."""
    text = text.lower().translate(_KEY_TABLE)
    return " ".join(text.split())


_KEY_TABLE = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "‐": "-", "é": "e"})


def starting_phrase(text: str, phrases: tuple[str, ...]) -> str | None:
    """The longest of ``phrases`` (given by :func:`phrase_key`) that ``text`` starts
    with, as a whole word or words, or None."""
    key = phrase_key(text)
    for phrase in phrases:
        if key.startswith(phrase) and (
            len(key) == len(phrase) or not (key[len(phrase)].isalnum() and phrase[-1].isalnum())
        ):
            return phrase
    return None


def ending_phrase(text: str, phrases: tuple[str, ...]) -> str | None:
    """The longest of ``phrases`` (given by :func:`phrase_key`) that ``text`` ends
    with, as a whole word or words, or None."""
    key = phrase_key(text)
    for phrase in phrases:
        if key.endswith(phrase) and (
            len(key) == len(phrase) or not (key[-len(phrase) - 1].isalnum() and phrase[0].isalnum())
        ):
            return phrase
    return None


@cache
def phrase_keys(name: str, section: str) -> tuple[str, ...]:
    """A section of a table as :func:`phrase_key` s, longest first."""
    keys = {phrase_key(p) for p in sections(name)[section]}
    return tuple(sorted(keys, key=len, reverse=True))


@cache
def statement_words() -> re.Pattern[str]:
    """Words that name a statement (Joint Statement, Communiqué, Press Release...)."""
    return re.compile(
        r"(?<![\w’'])(?:" + phrase_pattern(lines("statement_types.txt")) + r")(?![\w’'])", re.I
    )


@cache
def honorifics() -> re.Pattern[str]:
    """Honorifics before a name (H.E., His Excellency, the Right Hon., Mr.), any number."""
    alternation = phrase_pattern(lines("honorifics.txt"))
    return re.compile(rf"^(?:(?:{alternation})(?:\s+|(?<=\.)(?=[A-Z])))+", re.I)


@cache
def honorific_alternation() -> str:
    """The honorifics as a regex alternation (for use inside larger patterns)."""
    return phrase_pattern(lines("honorifics.txt"))
