"""Cell values as the matrix's readers compare and show them: blank or not,
as text, a formula's value, and cell references.  No openpyxl, no data
classes: what every module needs, cheap to import."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from .cells import Formula

#: The end of the name given to a column without a header: ``Column R (no header)``.
NO_HEADER = "(no header)"


def cell_ref(sheet: str, row: int, column: int) -> str:
    """An A1 reference with its sheet, quoted as Excel writes it: ``'All items'!N12``."""
    return f"'{sheet.replace(chr(39), chr(39) * 2)}'!{column_letter(column)}{row}"


def column_letter(column: int) -> str:
    """``1`` -> ``A``, ``28`` -> ``AB``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_blank(value: Any) -> bool:
    """True for an empty cell: None or only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def same_value(a: Any, b: Any) -> bool:
    """True when two cell values say the same thing (text compared trimmed,
    formulas by their text)."""
    if isinstance(a, Formula) or isinstance(b, Formula):
        return isinstance(a, Formula) and isinstance(b, Formula) and a.text == b.text
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    if isinstance(a, datetime) and isinstance(b, date) and not isinstance(b, datetime):
        return a.date() == b and a.time() == datetime.min.time()
    if isinstance(b, datetime) and isinstance(a, date) and not isinstance(a, datetime):
        return same_value(b, a)
    return bool(a == b)


def shown_value(value: Any) -> Any:
    """What a cell shows: a formula's last calculated value, else the value."""
    return value.cached if isinstance(value, Formula) else value


def text_of(value: Any) -> str:
    """A cell value as trimmed text ("" for an empty cell; 3.0 reads "3")."""
    value = shown_value(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def column_index(letters: str) -> int:
    """``A`` -> 1, ``AB`` -> 28."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char.upper()) - 64
    return number
