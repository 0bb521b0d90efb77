"""The matrix's layout: its columns, their widths, and the names of its sheets.

Plain data, no openpyxl: the exporter, the merge and the tests all read it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .marker import MARKER_SHEET

#: The header of the item-ID column, the key of the round trip.
ID_COLUMN = "ID"
#: The extra header of an archive sheet (rows whose item left the statement).
ARCHIVED_ON = "Archived on"
#: The name of the sheet listing every item, authoritative in conflicts.
ITEMS_SHEET = "All items"
#: How far down a sheet its header row is looked for.
HEADER_SEARCH_ROWS = 10

#: The columns the ministry fills, in the matrix's order.
MINISTRY_COLUMNS: tuple[str, ...] = (
    "Lead agency",
    "Supporting agencies",
    "Status",
    "Next step",
    "Due date",
    "Notes",
)

ColumnKind = Literal["id", "number", "text", "short", "flag", "date", "status"]


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: its header, width (in characters) and kind."""

    header: str
    width: float
    kind: ColumnKind = "text"
    #: True for the columns the ministry fills in
    ministry: bool = False
    #: widest a column grows to fit its content (0: fixed width)
    max_width: float = 0


#: What the statement says about each item, in the matrix's order.
STATEMENT_COLUMNS: tuple[Column, ...] = (
    Column(ID_COLUMN, 7, "id"),
    Column("Paragraph", 10, "number"),
    Column("Area", 14, "short", max_width=18),
    Column("Text", 52),
    Column("Actors", 10, "short", max_width=14),
    Column("Category", 11, "short"),
    Column("Commitment", 11, "flag"),
    Column("Organisations", 12, "short", max_width=18),
    Column("Instruments", 12, "short", max_width=18),
    Column("Projects", 14, "short", max_width=22),
    Column("Dates", 12, "short", max_width=18),
)

_MINISTRY_WIDTHS: dict[str, tuple[float, ColumnKind]] = {
    "Lead agency": (14, "text"),
    "Supporting agencies": (14, "text"),
    "Status": (12, "status"),
    "Next step": (20, "text"),
    "Due date": (11, "date"),
    "Notes": (22, "text"),
}

#: The columns the ministry fills, as laid out.
MINISTRY: tuple[Column, ...] = tuple(
    Column(name, _MINISTRY_WIDTHS[name][0], _MINISTRY_WIDTHS[name][1], ministry=True)
    for name in MINISTRY_COLUMNS
)

#: Every column of a data sheet, before any column the user added.
COLUMNS: tuple[Column, ...] = (*STATEMENT_COLUMNS, *MINISTRY)
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
#: Headers jtreport writes itself; any other header on a data sheet is the user's.
OWN_HEADERS: frozenset[str] = frozenset((*HEADERS, ARCHIVED_ON, "Reason"))

#: The headers by which a workbook whose marker sheet was deleted is still
#: recognised as a matrix: one sheet must have them all.
LAYOUT_HEADERS: tuple[str, ...] = (ID_COLUMN, "Text", "Lead agency", "Status")

#: jtreport's own defined names start with this; a formula naming one is
#: jtreport's (an area sheet showing "All items"), not a value the user typed.
OWN_NAME_PREFIX = "jt_"


def is_view_formula(text: str) -> bool:
    """True for a formula jtreport wrote to show a value typed elsewhere."""
    return OWN_NAME_PREFIX in text


#: Width of a column the user added.
EXTRA_WIDTH = 16.0

#: The statement columns an archived row keeps (to tell what the item was).
ARCHIVE_STATEMENT: tuple[Column, ...] = STATEMENT_COLUMNS[:4]
ARCHIVE_TAIL: tuple[Column, ...] = (
    Column(ARCHIVED_ON, 11, "date"),
    Column("Reason", 30),
)

#: Rows above the header on data sheets: a title and a subtitle.
TITLE_ROWS = 2
HEADER_ROW = TITLE_ROWS + 1
FIRST_DATA_ROW = HEADER_ROW + 1

SUMMARY_SHEET = "Summary"
ARCHIVED_SHEET = "Archived"
RESERVED_SHEETS = (SUMMARY_SHEET, ITEMS_SHEET, ARCHIVED_SHEET, MARKER_SHEET, "History")

# Excel refuses these in sheet names; names are at most 31 characters.
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_SHEET_NAME_MAX = 31


def sheet_name(heading: str, taken: set[str]) -> str:
    """A valid, unused sheet name for an area heading.

    Keeps the words before a colon ("Connectivity: Enhancing logistics ..." gives
    "Connectivity"), drops characters Excel refuses, cuts at a word boundary to
    31 characters, and numbers repeats; ``taken`` is compared case-insensitively
    and the new name is added to it.
    """
    text = heading.split(":", 1)[0] if ":" in heading[1:] else heading
    text = " ".join(_BAD_SHEET_CHARS.sub(" ", text).split()).strip("'") or "Area"
    if len(text) > _SHEET_NAME_MAX:
        cut = text[: _SHEET_NAME_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;-–—'")
        text = (cut or text[: _SHEET_NAME_MAX - 1]) + "…"
    name, n = text, 2
    lowered = {t.casefold() for t in taken}
    while name.casefold() in lowered:
        suffix = f" ({n})"
        name = text[: _SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(name)
    return name


def fit_width(column: Column, texts: list[str]) -> float:
    """The width of ``column``: its set width, grown to fit short content up to
    its ``max_width`` (long cells wrap instead)."""
    if not column.max_width:
        return column.width
    longest = max((max(map(len, t.split("\n"))) for t in texts if t), default=0)
    return max(column.width, min(column.max_width, longest * 1.05 + 1.5))


#: Characters of body text (10 pt) per unit of column width, kept on the safe
#: side: LibreOffice without Calibri's metric twin (Carlito) sets wider letters.
CHARS_PER_WIDTH = 1.2
#: Points per line of 10 pt text, and the padding of a row.
LINE_HEIGHT = 13.0
ROW_PADDING = 4.0
#: Excel's tallest row, in points.
MAX_ROW_HEIGHT = 409.0


def _char_width(text: str) -> int:
    if text.isascii():
        return len(text)
    # CJK ideographs and full-width forms take two columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide."""
    return _wrapped_lines(text, max(1, int(width * CHARS_PER_WIDTH) - 1))


# Each item's text is measured once for its area sheet and once for All items.
@lru_cache(maxsize=8192)
def _wrapped_lines(text: str, per_line: int) -> int:
    lines = 0
    for paragraph in text.split("\n"):
        if len(paragraph) * (1 if paragraph.isascii() else 2) <= per_line:
            lines += 1
            continue
        used = 0
        count = 1
        for word in paragraph.split(" "):
            size = _char_width(word)
            if used and used + 1 + size > per_line:
                count += 1
                used = 0
            used = used + 1 + size if used else size
            while used > per_line:  # a word longer than the line breaks anywhere
                count += 1
                used -= per_line
        lines += count
    return max(1, lines)


def row_height(cells: list[tuple[str, float]]) -> float:
    """The height (points) of a row holding these (text, column width) cells."""
    lines = max((line_count(text, width) for text, width in cells if text), default=1)
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING)
