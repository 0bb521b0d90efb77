"""The matrix's layout: its columns, their widths, and the names of its sheets.

Plain data, no openpyxl: the exporter, the merge and the tests all read it.

"All items" is the one sheet where values are typed.  Its columns come in three
groups: what a meeting needs (printed by default), what a tracker needs, and the
statement's analysis (grouped, shown on screen).  Each area sheet shows the
meeting columns of its items, reading the typed values from "All items".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .marker import MARKER_SHEET
from .metrics import chars_for, text_width

#: The header of the item-ID column, the key of the round trip.
ID_COLUMN = "ID"
#: The header of the column holding each item's text.
TEXT_COLUMN = "Text"
#: The extra header of an archive sheet (rows whose item left the statement).
ARCHIVED_ON = "Archived on"
#: The name of the sheet listing every item, where values are typed.
ITEMS_SHEET = "All items"
#: How far down a sheet its header row is looked for.
HEADER_SEARCH_ROWS = 10

ColumnKind = Literal[
    "id", "number", "text", "short", "flag", "category", "date", "statement date",
    "status", "priority", "agency",
]  # fmt: skip
ColumnGroup = Literal["meeting", "tracker", "analysis"]


@dataclass(frozen=True)
class Column:
    """One column of a data sheet: its header, width (in characters) and kind."""

    header: str
    width: float
    kind: ColumnKind = "text"
    #: True for the columns the ministry fills in
    ministry: bool = False
    #: True for the statement columns an officer may correct
    correctable: bool = False
    group: ColumnGroup = "analysis"
    #: widest a column grows to fit its content (0: fixed width)
    max_width: float = 0


def _meeting(header: str, width: float, kind: ColumnKind = "text", ministry: bool = True) -> Column:
    return Column(header, width, kind, ministry=ministry, group="meeting")


def _tracker(header: str, width: float, kind: ColumnKind = "text") -> Column:
    return Column(header, width, kind, ministry=True, group="tracker")


#: Every column of "All items", before any column the user added.
COLUMNS: tuple[Column, ...] = (
    _meeting(ID_COLUMN, 8, "id", ministry=False),
    _meeting(TEXT_COLUMN, 58, ministry=False),
    _meeting("Lead agency", 18, "agency"),
    _meeting("Status", 13, "status"),
    _meeting("Due date", 12, "date"),
    _meeting("Next step", 28),
    _tracker("Priority", 10, "priority"),
    _tracker("Counterpart agency", 18, "agency"),
    _tracker("Supporting agencies", 16),
    _tracker("Evidence / source", 22),
    _tracker("Last updated", 12, "date"),
    _tracker("Notes", 24),
    Column("Paragraph", 10, "number"),
    Column("Area", 16, "short", max_width=22),
    Column("Category", 12, "category", correctable=True),
    Column("Commitment", 12, "flag", correctable=True),
    Column("Actors", 12, "short", correctable=True, max_width=16),
    Column("Review", 24),
    Column("Date", 12, "statement date"),
    Column("Date precision", 10, "short"),
    Column("Dates", 16, "short", max_width=22),
    Column("Organisations", 14, "short", max_width=20),
    Column("Instruments", 14, "short", max_width=20),
    Column("Projects", 16, "short", max_width=22),
)
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
#: The columns a meeting needs: printed by default, and shown on the area sheets.
MEETING: tuple[Column, ...] = tuple(c for c in COLUMNS if c.group == "meeting")
#: The columns the ministry fills, in the matrix's order.
MINISTRY: tuple[Column, ...] = tuple(c for c in COLUMNS if c.ministry)
MINISTRY_COLUMNS: tuple[str, ...] = tuple(c.header for c in MINISTRY)
#: The statement columns an officer may correct (kept like a typed value).
CORRECTABLE_COLUMNS: tuple[str, ...] = tuple(c.header for c in COLUMNS if c.correctable)
#: The header of the hidden column of an area sheet that finds each item's row
#: on "All items".
ROW_HEADER = "Row on All items"
#: Headers jtreport writes itself; any other header on a data sheet is the user's.
OWN_HEADERS: frozenset[str] = frozenset((*HEADERS, ARCHIVED_ON, "Reason", ROW_HEADER))

#: The headers by which a workbook whose marker sheet was deleted is still
#: recognised as a matrix: one sheet must have them all.
LAYOUT_HEADERS: tuple[str, ...] = (ID_COLUMN, "Text", "Lead agency", "Status")

#: jtreport's own defined names start with this; a formula naming one is
#: jtreport's (an area sheet showing "All items"), not a value the user typed.
OWN_NAME_PREFIX = "jt_"

#: The priority drop-down.
PRIORITIES: tuple[str, ...] = ("High", "Medium", "Low")
#: The commitment flag's two values.
FLAG_VALUES: tuple[str, str] = ("Yes", "No")


def is_view_formula(text: str) -> bool:
    """True for a formula jtreport wrote to show a value typed elsewhere."""
    return OWN_NAME_PREFIX in text


#: Width of a column the user added.
EXTRA_WIDTH = 16.0

#: The statement columns an archived row keeps (to tell what the item was).
ARCHIVE_STATEMENT: tuple[Column, ...] = tuple(
    c for c in COLUMNS if c.header in (ID_COLUMN, "Paragraph", "Area", "Text")
)
ARCHIVE_TAIL: tuple[Column, ...] = (
    Column(ARCHIVED_ON, 12, "date"),
    Column("Reason", 30),
)

#: Rows above the header on data sheets: a title and a subtitle.
TITLE_ROWS = 2
HEADER_ROW = TITLE_ROWS + 1
FIRST_DATA_ROW = HEADER_ROW + 1

SUMMARY_SHEET = "Summary"
ARCHIVED_SHEET = "Archived"
LISTS_SHEET = "Lists"
RESERVED_SHEETS = (
    SUMMARY_SHEET, ITEMS_SHEET, ARCHIVED_SHEET, LISTS_SHEET, MARKER_SHEET, "History",
)  # fmt: skip

# Excel refuses these in sheet names; names are at most 31 characters.
_BAD_SHEET_CHARS = re.compile(r"[\[\]*?\\\x00-\x1f]")
SHEET_NAME_MAX = 31
#: Long words a sheet name may shorten, as people abbreviate them.
_SHORT_WORDS = {
    "development": "Dev.",
    "cooperation": "Coop.",
    "co-operation": "Coop.",
    "international": "Int'l",
    "environment": "Env.",
    "environmental": "Env.",
    "economic": "Econ.",
    "government": "Gov't",
    "infrastructure": "Infra.",
    "technology": "Tech.",
    "technologies": "Tech.",
    "management": "Mgmt",
    "sustainable": "Sust.",
    "partnership": "P'ship",
    "security": "Sec.",
}


def sheet_name(heading: str, taken: set[str]) -> str:
    """A valid, unused sheet name for an area heading: the whole heading when
    Excel allows it (31 characters, no ``[]*?/\\:``), else a readable short form.

    The short form is the first that fits of: the words before a colon
    ("Connectivity: Enhancing logistics ..." gives "Connectivity"); the heading
    with "and" as "&", bracketed asides dropped and long words abbreviated as
    people do ("Development" -> "Dev."); that cut at a word boundary with "…".
    Repeats are numbered; ``taken`` is compared case-insensitively and the new
    name is added to it.
    """
    whole = _clean_name(heading.replace(":", " -").replace("/", "-"))
    candidates = [whole]
    if ":" in heading[1:]:
        candidates.append(_clean_name(heading.split(":", 1)[0]))
    plain = _ampersand(whole)
    candidates += [plain, _abbreviate(plain)]
    text = next((c for c in candidates if c and len(c) <= SHEET_NAME_MAX), "")
    if not text:
        cut = plain[: SHEET_NAME_MAX - 1]
        if plain[SHEET_NAME_MAX - 1] != " ":
            cut = cut.rsplit(" ", 1)[0]
        text = (cut.rstrip(" ,;-–—&'") or plain[: SHEET_NAME_MAX - 1]) + "…"
    name, n = text, 2
    lowered = {t.casefold() for t in taken}
    while name.casefold() in lowered:
        suffix = f" ({n})"
        name = text[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(name)
    return name


def _clean_name(text: str) -> str:
    return " ".join(_BAD_SHEET_CHARS.sub(" ", text).split()).strip("'") or "Area"


def _ampersand(text: str) -> str:
    """``text`` with "and" as "&" and bracketed asides dropped."""
    text = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", text)
    return " ".join(re.sub(r"\band\b", "&", text).split()) or "Area"


def _abbreviate(text: str) -> str:
    """``text`` with long words abbreviated as people do ("Development" -> "Dev.")."""
    return " ".join(_SHORT_WORDS.get(w.casefold(), w) for w in text.split())


def with_text_width(columns: Sequence[Column], width: float | None) -> list[Column]:
    """``columns`` with the Text column ``width`` characters wide (None: as set)."""
    if width is None:
        return list(columns)
    return [replace(c, width=width) if c.header == TEXT_COLUMN else c for c in columns]


def fit_width(column: Column, texts: list[str]) -> float:
    """The width of ``column``: its set width, grown to fit short content on one
    line up to its ``max_width`` (long cells wrap instead)."""
    if not column.max_width:
        return column.width
    longest = max((text_width(line) for t in texts if t for line in t.split("\n")), default=0.0)
    return max(column.width, min(column.max_width, chars_for(longest)))
