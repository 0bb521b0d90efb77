"""Text around a statement that is not the statement.

- **Page furniture** above or below the text: site menus (``Home | Links |
  Search``), contact lines with telephone numbers, a posting timestamp ("Date:
  2003-08-11 14:06"), "Back to top", "Press contacts:".  Only looked for outside
  the body.
- **Editors' notes** in square brackets (``[matter omitted]``, ``[Source: ...]``),
  wherever they stand: an archive's words, not the statement's.
- **Cable markers**: a line that is only "Begins" / "Ends" opens / closes the
  text an archive or a cable carries.
- **Editors' introductions**: "Following is the communique issued on ...".

The words are data (``data/page_furniture.json``).
"""

from __future__ import annotations

import re
from functools import cache

from .doc_rules import phrase_pattern, table
from .title import names_statement
from .units import Unit

_MENU_SEPARATOR = re.compile(r"\s\|\s")
_PHONE = re.compile(r"\+\s?\d[\d\s()-]{6,}\d|\b00\s?\d{2,3}(?:\s\d{2,4}){2,}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_BRACKETED = re.compile(r"^\[[^\[\]]+\]\.?$")
#: a line of page furniture is short
_FURNITURE_MAX_WORDS = 16


@cache
def _patterns() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    data = table("page_furniture.json")
    phrases = re.compile(r"^(?:" + phrase_pattern(data["phrases"]) + r")(?!\w)", re.I)
    begins = frozenset(data["begin_markers"])
    ends = frozenset(data["end_markers"])
    intros = re.compile(r"^(?:" + phrase_pattern(data["editorial_intros"]) + r")\b", re.I)
    return phrases, begins, ends, intros


def is_furniture(unit: Unit) -> bool:
    """A line of a web page or press office around the text: a menu, a contact
    line with a telephone number, "Back to top", "Press contacts:"."""
    text = unit.text.strip()
    if unit.number is not None or unit.words > _FURNITURE_MAX_WORDS * 2:
        return False
    if len(_MENU_SEPARATOR.findall(text)) >= 2 or _PHONE.search(text):
        return True
    if _TIMESTAMP.search(text) and unit.words <= _FURNITURE_MAX_WORDS:
        return True  # "Date: 2003-08-11 14:06 Editor: ...": when the page was posted
    return unit.words <= _FURNITURE_MAX_WORDS and _patterns()[0].match(text) is not None


def is_editorial_note(unit: Unit) -> bool:
    """A unit wholly in square brackets: an editor's note (``[matter omitted]``)."""
    return unit.number is None and _BRACKETED.match(unit.text.strip()) is not None


def cable_marker(unit: Unit) -> str | None:
    """``"begin"`` or ``"end"`` for a line that is only "Begins" / "Ends"."""
    key = " ".join(unit.text.lower().split()).strip(" .:-–")
    _phrases, begins, ends, _intros = _patterns()
    if unit.number is not None:
        return None
    if key in begins:
        return "begin"
    if key in ends:
        return "end"
    return None


def is_editorial_intro(unit: Unit) -> bool:
    """An editor's line introducing the text ("Following is the communique
    issued on 10 October at the conclusion of the visit ...")."""
    text = unit.text.strip()
    return (
        unit.number is None
        and _patterns()[3].match(text) is not None
        and names_statement(text[:120])
    )
