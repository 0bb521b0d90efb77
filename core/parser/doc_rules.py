"""The document-level rule tables, read once from data files in ``parser/data``.

Words that name a statement, title noise, page furniture, honorifics and titles of
office are data, not code: adding one is a one-line change to a file beside this
module (with a test).  Each table is loaded on first use and kept; patterns built
from a table are compiled once.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

_DATA = "data"


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(_DATA, name).read_text(encoding="utf-8")


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
def table(name: str) -> dict[str, Any]:
    """A ``.json`` table (keys starting with ``_`` are comments)."""
    data: dict[str, Any] = json.loads(_read(name))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def phrase_pattern(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first, where a space
    matches any run of whitespace and an apostrophe either apostrophe."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+")
        parts.append(escaped.replace("'", "['’]").replace("é", "[eé]"))
    return "|".join(parts)


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
