"""The data rows, written straight as SpreadsheetML.

A matrix of a long statement holds hundreds of thousands of cells; building an
openpyxl ``Cell`` for each and serialising it costs seconds.  openpyxl writes
everything else (titles, header, widths, table, validation, conditional formats,
print settings); the rows below the header are rendered here as XML text and
put into the saved sheet by :mod:`.reproducible`.

Every text is written as an inline string (``t="inlineStr"``): never a formula,
whatever it starts with (see :mod:`.cells`); only a :class:`.cells.Formula` is one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from .cells import Formula

_HEX_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def escape_text(text: str) -> str:
    """Text for an XML element: markup characters and carriage returns escaped,
    and a literal ``_xHHHH_`` protected (Excel would read it as a character code)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "_x" in text:
        text = _HEX_ESCAPE.sub(r"_x005F_\1", text)
    return text


def excel_serial(value: date | datetime) -> float | int:
    """A date as an Excel serial number (1900 date system)."""
    if isinstance(value, datetime):
        delta = value - datetime(1899, 12, 30)
        return delta.days + delta.seconds / 86400 + delta.microseconds / 86_400_000_000
    serial = (value - date(1899, 12, 30)).days
    return serial


def formula_xml(ref: str, style: int, formula: Formula) -> str:
    """A formula cell, with its last calculated value when it has one (shown by
    programs that do not calculate; Excel and LibreOffice calculate again)."""
    body = f"<f>{escape_text(formula.text.removeprefix('='))}</f>"
    cached = formula.cached
    if isinstance(cached, str):
        return f'<c r="{ref}" s="{style}" t="str">{body}<v>{escape_text(cached)}</v></c>'
    return _scalar_xml(ref, style, cached, body) or f'<c r="{ref}" s="{style}">{body}</c>'


def _scalar_xml(ref: str, style: int, value: Any, body: str = "") -> str | None:
    """A boolean, finite number or date cell (after ``body``, a formula), or None."""
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b">{body}<v>{int(value)}</v></c>'
    if isinstance(value, int | float) and math.isfinite(value):
        return f'<c r="{ref}" s="{style}">{body}<v>{value!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{style}">{body}<v>{excel_serial(value)!r}</v></c>'
    return None


def _other_xml(ref: str, style: int, value: Any) -> str:
    """A cell that holds no plain text: a formula, a boolean, a number, a date."""
    if isinstance(value, str):
        return (
            f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
            f"{escape_text(value)}</t></is></c>"
        )
    if isinstance(value, Formula):
        return formula_xml(ref, style, value)
    scalar = _scalar_xml(ref, style, value)
    if scalar is not None:
        return scalar
    raise TypeError(f"cannot write {type(value).__name__} to a cell")


class SheetRows:
    """Data rows of one sheet, as XML, starting at ``first_row``.

    Each row is kept as one UTF-8 ``bytes`` object: compact (a long statement's
    sheets hold hundreds of thousands of cells) and written to the saved file
    as is, without joining the rows into one string first (see :meth:`chunks`).
    """

    def __init__(self, first_row: int, letters: list[str]) -> None:
        self.first_row = first_row
        self.next_row = first_row
        self.letters = letters
        self.width = 0
        self._rows: list[bytes] = []

    @property
    def last_row(self) -> int:
        """The last row written (the header row when there are none)."""
        return self.next_row - 1

    def add(self, cells: list[tuple[Any, int]], height: float | None = None) -> None:
        """Append a row of ``(value, style id)`` cells; ``value`` is None for an
        empty styled cell, a str, a number or a date."""
        r = self.next_row
        self.next_row += 1
        self.width = max(self.width, len(cells))
        out: list[str] = []
        if height is None:
            out.append(f'<row r="{r}">')
        else:
            out.append(f'<row r="{r}" ht="{height:g}" customHeight="1">')
        letters = self.letters
        for index, (value, style) in enumerate(cells):
            if value is None:
                out.append(f'<c r="{letters[index]}{r}" s="{style}"/>')
            elif type(value) is str:
                space = (
                    ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
                )
                out.append(
                    f'<c r="{letters[index]}{r}" s="{style}" t="inlineStr"><is><t{space}>'
                    f"{escape_text(value)}</t></is></c>"
                )
            else:
                out.append(_other_xml(f"{letters[index]}{r}", style, value))
        out.append("</row>")
        self._rows.append("".join(out).encode("utf-8"))

    def chunks(self, size: int = 1 << 18) -> Iterator[bytes]:
        """The rows' XML in pieces of about ``size`` bytes (whole rows each)."""
        batch: list[bytes] = []
        length = 0
        for row in self._rows:
            batch.append(row)
            length += len(row)
            if length >= size:
                yield b"".join(batch)
                batch, length = [], 0
        if batch:
            yield b"".join(batch)

    def xml(self) -> bytes:
        """All the rows, UTF-8 encoded (for tests; saving uses :meth:`chunks`)."""
        return b"".join(self._rows)
