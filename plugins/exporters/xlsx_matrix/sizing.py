"""The widths of a data sheet's columns and the heights of its rows.

A row is as tall as the wrapped text of the columns that size it: the columns
that print, and those the ministry types in (what is typed is never hidden).
The statement's analysis columns, shown on screen only, do not make a printed
row taller than its text: each is widened instead, up to
:data:`ANALYSIS_MAX_WIDTH`, until its text fits the rows as they are; only a
cell too long even then makes its row taller (so nothing is ever cut off).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .layout import Column, fit_width
from .metrics import height_of, lines_in, width_for

#: The widest an analysis column grows to fit the rows the printed text sets.
ANALYSIS_MAX_WIDTH = 40.0

#: The text cells of one column: (row index, text shown).
ColumnTexts = list[tuple[int, str]]


@dataclass(frozen=True)
class Sizes:
    """Column widths (characters) and row heights (points) of a sheet."""

    widths: list[float]
    heights: list[float]


def size_sheet(
    columns: Sequence[Column], texts: Sequence[ColumnTexts], rows: int, sizing: Sequence[bool]
) -> Sizes:
    """The widths of ``columns`` and the heights of ``rows`` rows whose text
    cells are ``texts`` (by column); the columns flagged in ``sizing`` set the
    heights, the others are widened to fit them (see the module's description)."""
    widths = [
        fit_width(column, [text for _, text in texts[index]]) if column.max_width else column.width
        for index, column in enumerate(columns)
    ]
    lines = [1] * rows
    for index, cells in enumerate(texts):
        if sizing[index]:
            width = widths[index]
            for row, text in cells:
                found = lines_in(text, width)
                if found > lines[row]:
                    lines[row] = found
    wanted = list(lines)
    for index, cells in enumerate(texts):
        if sizing[index]:
            continue
        most = max(widths[index], ANALYSIS_MAX_WIDTH)
        for row, text in cells:
            if widths[index] < most:
                widths[index] = width_for(text, lines[row], widths[index], most)
        width = widths[index]
        for row, text in cells:
            found = lines_in(text, width)
            if found > wanted[row]:
                wanted[row] = found
    return Sizes(widths, [height_of(n) for n in wanted])
