"""Safe cell values: text is always stored as text, never as a formula (only
a formula the user typed in the matrix stays one, as :class:`Formula`).

OWASP's advice on CSV/formula injection names the characters a spreadsheet may
read as the start of a formula: ``=``, ``+``, ``-``, ``@``, tab and carriage
return.  In an .xlsx file the safe equivalent of the advised leading apostrophe
is a *string* cell with Excel's "quote prefix" flag: the text is shown exactly as
written, and stays text when the user edits the cell.  Every text cell written
here is typed as a string (openpyxl would otherwise turn ``=...`` into a formula
and ``#N/A`` into an error), and the risky ones get the quote prefix.

Excel holds at most 32,767 characters in a cell and refuses XML control
characters; :func:`clean_text` cuts and strips them, saying when it did.
"""

from __future__ import annotations

import math
import re
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

#: The most characters Excel keeps in one cell.
EXCEL_MAX_CHARS = 32_767
#: Leading characters a spreadsheet may read as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CUT_MARK = " […]"


def clean_text(text: str) -> tuple[str, bool]:
    """``text`` without characters XML cannot hold, cut to Excel's limit.

    Returns the text and whether it had to be cut (the cut is marked ``[…]``).
    """
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    if len(text) <= EXCEL_MAX_CHARS:
        return text, False
    return text[: EXCEL_MAX_CHARS - len(_CUT_MARK)] + _CUT_MARK, True


def needs_quote_prefix(text: str) -> bool:
    """True when a spreadsheet could take ``text`` for a formula."""
    return text.startswith(FORMULA_STARTS)


@dataclass(frozen=True)
class Formula:
    """A formula the user typed: its text (``=SUM(A1:A3)``) and the value it
    had when the file was last saved by a spreadsheet program (None when the
    file was never calculated).  Written back as a formula, never as text."""

    text: str
    cached: Any = None


def plain(value: Any) -> str | int | float | date | Formula | None:
    """A value a cell can hold: text, a number, a date or a user's formula
    (times and other types become text, so nothing typed is lost)."""
    if isinstance(value, Formula):
        return value
    if value is None or isinstance(value, str | int | float | date):
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        if isinstance(value, datetime) and value.time() == datetime.min.time():
            return value.date()
        return value
    return str(value)


class CellMaker:
    """Makes styled cells for one worksheet, fast: styles are copied from
    prototypes rather than looked up per cell."""

    def __init__(self, worksheet: Any, warnings: list[str] | None = None) -> None:
        from openpyxl.cell import Cell

        self._cell = Cell
        self.ws = worksheet
        self.warnings = warnings if warnings is not None else []

    def text(self, value: str, style: Any, where: str = "") -> Any:
        """A string cell that is never a formula, whatever ``value`` starts with."""
        clean, cut = clean_text(value)
        if cut:
            self.warnings.append(
                f"{where or 'a cell'} holds {len(value):,} characters; "
                f"cut to Excel's limit of {EXCEL_MAX_CHARS:,}"
            )
        cell = self._cell(self.ws, value=clean, style_array=copy(style))
        cell.data_type = "s"
        if needs_quote_prefix(clean):
            cell.quotePrefix = True
        return cell

    def value(self, value: Any, style: Any, where: str = "") -> Any:
        """A cell for any value read from a workbook or the model: text as text,
        numbers as numbers, dates as dates (time dropped at midnight)."""
        if isinstance(value, str):
            return self.text(value, style, where)
        if isinstance(value, Formula):
            cell = self._cell(self.ws, value=value.text, style_array=copy(style))
            cell.data_type = "f"
            return cell
        if isinstance(value, datetime) and value.time() == datetime.min.time():
            value = value.date()
        elif value is not None and not isinstance(value, int | float | date | time | timedelta):
            return self.text(str(value), style, where)
        return self._cell(self.ws, value=value, style_array=copy(style))

    def blank(self, style: Any) -> Any:
        """An empty cell that still carries a style (borders, fills, formats)."""
        return self._cell(self.ws, style_array=copy(style))
