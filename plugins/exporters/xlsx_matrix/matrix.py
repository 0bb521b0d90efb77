"""What a filled matrix holds, as read: its sheets, rows and typed values, and
the helpers that compare and merge them.

:func:`collect` merges the data sheets by item ID: a non-empty value beats an
empty one; between two different values the items sheet ("All items") wins and
the disagreement is returned as a :class:`Conflict`, so nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .marker import Written
from .values import cell_ref, same_value

SheetRole = Literal["items", "data", "archive"]


@dataclass(frozen=True)
class MatrixRow:
    """One row of a data sheet: its item ID and its non-empty cells by header."""

    sheet: str
    row: int
    item_id: str | None
    values: dict[str, Any]
    #: the column number of each header of the sheet
    columns: dict[str, int] = field(default_factory=dict, repr=False)

    def cell(self, header: str) -> str:
        """The cell reference of ``header`` in this row, e.g. ``'All items'!N12``."""
        return cell_ref(self.sheet, self.row, self.columns.get(header, 1))


@dataclass(frozen=True)
class MatrixSheet:
    """A data sheet (or archive sheet) of a matrix."""

    name: str
    header_row: int
    #: the header of every column (a column without one: ``Column R (no header)``)
    headers: tuple[str, ...]
    rows: list[MatrixRow]
    role: SheetRole = "data"

    @property
    def archived(self) -> bool:
        """True for an archive sheet (rows whose item left the statement)."""
        return self.role == "archive"

    def cell(self, row: MatrixRow, header: str) -> str:
        """The cell reference of ``header`` in ``row``."""
        return row.cell(header)


@dataclass(frozen=True)
class OtherSheet:
    """A sheet the user added to the matrix, as rows of values (formulas as
    :class:`Formula`)."""

    name: str
    rows: list[tuple[Any, ...]]
    #: True for a sheet jtreport wrote (a data sheet whose ID column was deleted)
    own: bool = False


@dataclass(frozen=True)
class Matrix:
    """What a filled matrix holds, as read by :func:`read_matrix`."""

    path: Path
    #: the SHA-256 of the file's bytes as they were read
    fingerprint: str
    #: the marker sheet's key/value rows; empty when the marker sheet was deleted
    #: and the matrix was recognised by its layout
    marker: dict[str, str]
    #: sheets jtreport wrote (from the marker), by name
    own_sheets: tuple[str, ...]
    data_sheets: list[MatrixSheet]
    archive_sheets: list[MatrixSheet]
    other_sheets: list[OtherSheet]
    #: what jtreport wrote in each item's correctable cells, by item ID
    written: dict[str, Written] = field(default_factory=dict)
    #: the Summary's settings as the reader left them (``due_soon``: days)
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """The layout version the matrix was written with ("" without a marker)."""
        return self.marker.get("matrix_version", "")

    @property
    def has_marker(self) -> bool:
        """False when the hidden marker sheet was deleted."""
        return bool(self.marker)

    @property
    def items_sheet(self) -> str | None:
        """The name of the sheet listing every item ("All items"), when the
        workbook still has one."""
        return next((s.name for s in self.data_sheets if s.role == "items"), None)

    def ordered_sheets(self) -> list[MatrixSheet]:
        """Data sheets in the order :func:`collect` trusts them: "All items" first."""
        return sorted(self.data_sheets, key=lambda s: s.role != "items")


@dataclass(frozen=True)
class Located:
    """A value with the cell it was read from."""

    value: Any
    sheet: str
    cell: str


@dataclass(frozen=True)
class Conflict:
    """Two data sheets disagree on one item's column: ``kept`` won, ``lost`` did not."""

    item_id: str
    column: str
    kept: Located
    lost: Located
    row: MatrixRow


@dataclass
class Collected:
    """The merged values of some columns over every data sheet, by item ID."""

    values: dict[str, dict[str, Located]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    #: rows that hold values in the columns but no item ID
    orphans: list[MatrixRow] = field(default_factory=list)


def collect(matrix: Matrix, columns: Iterable[str]) -> Collected:
    """Merge the values of ``columns`` over every data sheet, keyed by item ID.

    A non-empty value beats an empty one.  Between two different non-empty
    values, the items sheet wins, then the sheet that comes first in the
    workbook, then the upper row; the loser is reported in ``conflicts``.
    """
    wanted = tuple(columns)
    result = Collected()
    for sheet in matrix.ordered_sheets():
        for row in sheet.rows:
            present = [c for c in wanted if c in row.values]
            if not present:
                continue
            if row.item_id is None:
                result.orphans.append(row)
                continue
            record = result.values.setdefault(row.item_id, {})
            for column in present:
                found = Located(row.values[column], sheet.name, row.cell(column))
                kept = record.get(column)
                if kept is None:
                    record[column] = found
                elif not same_value(kept.value, found.value):
                    result.conflicts.append(Conflict(row.item_id, column, kept, found, row))
    return result
