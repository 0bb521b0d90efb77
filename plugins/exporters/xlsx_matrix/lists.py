"""The "Lists" sheet: the agencies the Lead agency and Counterpart agency
drop-downs offer.  The ministry edits it; regenerating keeps it as it is.

A new matrix starts it with the agencies already typed in the matrix (when
regenerating a matrix made before the sheet existed) and the organisations the
statement names, for the ministry to prune and complete.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from jtreport.model import Statement

from .cells import CellMaker
from .metrics import height_of, lines_in
from .styles import Styles
from .values import is_blank, text_of

if TYPE_CHECKING:
    from .matrix import OtherSheet

#: The headers of the sheet's columns, in order.
LIST_HEADERS: tuple[str, str] = ("Lead agencies", "Counterpart agencies")
#: Width of each column.
LIST_WIDTH = 60.0


def starting_lists(
    statement: Statement, values: Mapping[str, Mapping[str, Any]]
) -> list[tuple[Any, ...]]:
    """The rows of a new Lists sheet (header first): agencies typed so far,
    then the organisations the statement names, each once, in that order."""
    lead = _unique(
        [text_of(v.get("Lead agency")) for v in values.values()]
        + [o for i in statement.items for o in i.organizations]
    )
    counterpart = _unique(
        [text_of(v.get("Counterpart agency")) for v in values.values()]
        + [o for i in statement.items for o in i.organizations]
    )
    rows: list[tuple[Any, ...]] = [LIST_HEADERS]
    for n in range(max(len(lead), len(counterpart))):
        rows.append(
            (lead[n] if n < len(lead) else None, counterpart[n] if n < len(counterpart) else None)
        )
    return rows


def write_lists_sheet(
    ws: Any, styles: Styles, rows: Sequence[tuple[Any, ...]], maker: CellMaker
) -> list[float]:
    """Write the sheet's rows as they are (the ministry's), headers styled;
    returns the height of each row (points)."""
    from openpyxl.utils import get_column_letter

    width = max((len(r) for r in rows), default=len(LIST_HEADERS))
    heights: list[float] = []
    for number, values in enumerate(rows, 1):
        style = styles["jt Header" if number == 1 else "jt Value"]
        ws.append([None if is_blank(v) else maker.value(v, style) for v in values])
        # the names wrap in their cells: each row as tall as its longest
        lines = max(
            (lines_in(text_of(v), LIST_WIDTH) for v in values if not is_blank(v)), default=1
        )
        heights.append(height_of(lines))
        ws.row_dimensions[number].height = heights[-1]
    for index in range(1, max(width, len(LIST_HEADERS)) + 1):
        ws.column_dimensions[get_column_letter(index)].width = LIST_WIDTH
    ws.freeze_panes = "A2"
    return heights or [height_of(1)]


def kept_rows(sheet: OtherSheet | None) -> list[tuple[Any, ...]] | None:
    """The rows of the previous Lists sheet, or None when there was none."""
    if sheet is None:
        return None
    rows = list(sheet.rows)
    return rows or [LIST_HEADERS]


def _unique(names: Iterable[str]) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    for name in names:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept
