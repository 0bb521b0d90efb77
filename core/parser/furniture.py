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

The words are data (``data/page_furniture.txt``).
"""

from __future__ import annotations

import re

from .doc_rules import phrase_key, phrase_keys, starting_phrase
from .lazy import LazyPattern
from .title import names_statement
from .units import Unit

_MENU_SEPARATOR = re.compile(r"\s\|\s")
_PHONE = re.compile(r"\+\s?\d[\d\s()-]{6,}\d|\b00\s?\d{2,3}(?:\s\d{2,4}){2,}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_BRACKETED = re.compile(r"^\[[^\[\]]+\]\.?$")
#: a line of page furniture is short
_FURNITURE_MAX_WORDS = 16


_TABLE = "page_furniture.txt"


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
    return (
        unit.words <= _FURNITURE_MAX_WORDS
        and starting_phrase(text, phrase_keys(_TABLE, "phrases")) is not None
    )


def is_editorial_note(unit: Unit) -> bool:
    """A unit wholly in square brackets: an editor's note (``[matter omitted]``)."""
    return unit.number is None and _BRACKETED.match(unit.text.strip()) is not None


def cable_marker(unit: Unit) -> str | None:
    """``"begin"`` or ``"end"`` for a line that is only "Begins" / "Ends"."""
    key = phrase_key(unit.text).strip(" .:-")
    if unit.number is not None:
        return None
    if key in phrase_keys(_TABLE, "begin_markers"):
        return "begin"
    if key in phrase_keys(_TABLE, "end_markers"):
        return "end"
    return None


#: a news agency's dateline before its words ("MOSCOW, Sept. 29 (Yonhap) -- ")
NEWS_DATELINE = LazyPattern(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}),?\s+[^()\n]{0,24}?"
    r"\((?P<agency>[A-Z][\w.&’' -]{1,30})\)\s*(?:--|[-–—])\s*"
)


#: a news agency's dateline stands within the first characters of a line
_DATELINE_REACH = 60


def is_editorial_intro(unit: Unit) -> bool:
    """An editor's line introducing the text ("Following is the communique
    issued on 10 October at the conclusion of the visit ..."), also after a news
    agency's dateline ("MOSCOW, Sept. 29 (Yonhap) -- The following is ...")."""
    text = unit.text.strip()
    if "(" in text[:_DATELINE_REACH]:
        text = NEWS_DATELINE.sub("", text, count=1)
    return (
        unit.number is None
        and starting_phrase(text, phrase_keys(_TABLE, "editorial_intros")) is not None
        and names_statement(text[:120])
    )
