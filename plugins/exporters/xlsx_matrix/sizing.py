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
from .metrics import height_of, room, width_for, wrapped_lines

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
            _count(cells, room(widths[index]), lines)
    wanted = list(lines)
    for index, cells in enumerate(texts):
        if sizing[index]:
            continue
        most = max(widths[index], ANALYSIS_MAX_WIDTH)
        line = room(widths[index])
        for row, text in cells:
            if widths[index] < most and wrapped_lines(text, line) > lines[row]:
                widths[index] = width_for(text, lines[row], widths[index], most)
                line = room(widths[index])
        _count(cells, line, wanted)
    return Sizes(widths, [height_of(n) for n in wanted])


def _count(cells: ColumnTexts, line: float, lines: list[int]) -> None:
    """Raise each row's count in ``lines`` to the lines of its cell in a column
    whose lines hold ``line`` points."""
    short = line / 10.15  # no letter of 10 pt Arial is wider than 10.15 pt
    for row, text in cells:
        if len(text) <= short and "\n" not in text:
            continue  # one line, which every row has
        found = wrapped_lines(text, line)
        if found > lines[row]:
            lines[row] = found
