"""Reading a filled matrix: every sheet, as the user left it.

How a matrix is read (for ``--status``, for the statuses of the reports, and
for the merge when it is regenerated):

- a workbook is a jtreport matrix when it holds the marker sheet (see
  :mod:`.marker`);
- a *data sheet* is any worksheet with a header row (within its first
  :data:`HEADER_SEARCH_ROWS` rows) naming :data:`ID_COLUMN` and at least one
  ministry column, whatever the sheet is called; one that also names
  :data:`ARCHIVED_ON` is an archive sheet;
- the same item usually appears on two data sheets (its area's and "All items").
  :func:`collect` merges them: a non-empty value beats an empty one; when two
  sheets hold different non-empty values, the "All items" sheet wins (then the
  first sheet in workbook order) and the disagreement is returned as a
  :class:`Conflict` so that nothing is silently dropped.

The file is read once into memory; its SHA-256 (:attr:`Matrix.fingerprint`)
tells later whether it changed since.  Cells are read with openpyxl in
read-only mode (openpyxl parses through defusedxml, installed with jtreport);
formulas are read as their last calculated value.  The user's file is only
ever read.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jtreport.errors import InputError

from .layout import (
    ARCHIVED_ON,
    HEADER_SEARCH_ROWS,
    ID_COLUMN,
    ITEMS_SHEET,
    MINISTRY_COLUMNS,
)
from .marker import MARKER_SHEET, read_marker
from .openpyxl_loader import import_openpyxl


@dataclass(frozen=True)
class MatrixRow:
    """One row of a data sheet: its item ID and its non-empty cells by header."""

    sheet: str
    row: int
    item_id: str | None
    values: dict[str, Any]

    def cell(self, header: str, headers: Sequence[str]) -> str:
        """The cell reference of ``header`` in this row, e.g. ``'All items'!N12``."""
        return cell_ref(self.sheet, self.row, headers.index(header) + 1)


@dataclass(frozen=True)
class MatrixSheet:
    """A data sheet (or archive sheet) of a matrix."""

    name: str
    header_row: int
    #: the header of every column, "" where a column has none
    headers: tuple[str, ...]
    rows: list[MatrixRow]
    archived: bool = False

    def cell(self, row: MatrixRow, header: str) -> str:
        """The cell reference of ``header`` in ``row``."""
        return row.cell(header, self.headers)


@dataclass(frozen=True)
class OtherSheet:
    """A sheet the user added to the matrix, as rows of values."""

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
    #: the marker sheet's key/value rows (``created``, ``statement_sha256``...)
    marker: dict[str, str]
    #: sheets jtreport wrote (from the marker), by name
    own_sheets: tuple[str, ...]
    data_sheets: list[MatrixSheet]
    archive_sheets: list[MatrixSheet]
    other_sheets: list[OtherSheet]

    @property
    def items_sheet(self) -> str | None:
        """The name of the "All items" sheet, when the workbook still has it."""
        wanted = self.marker.get("sheet.items", ITEMS_SHEET)
        names = [s.name for s in self.data_sheets]
        return wanted if wanted in names else None

    def ordered_sheets(self) -> list[MatrixSheet]:
        """Data sheets in the order :func:`collect` trusts them: "All items" first."""
        first = self.items_sheet
        return sorted(self.data_sheets, key=lambda s: s.name != first)


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


def cell_ref(sheet: str, row: int, column: int) -> str:
    """An A1 reference with its sheet, quoted as Excel writes it: ``'All items'!N12``."""
    import_openpyxl()
    from openpyxl.utils import get_column_letter

    return f"'{sheet.replace(chr(39), chr(39) * 2)}'!{get_column_letter(column)}{row}"


def is_blank(value: Any) -> bool:
    """True for an empty cell: None or only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def same_value(a: Any, b: Any) -> bool:
    """True when two cell values say the same thing (text compared trimmed)."""
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    if isinstance(a, datetime) and isinstance(b, date) and not isinstance(b, datetime):
        return a.date() == b and a.time() == datetime.min.time()
    return bool(a == b)


def fingerprint(path: Path) -> str | None:
    """The SHA-256 of the file at ``path`` now, or None when it cannot be read."""
    try:
        with Path(path).open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def matrix_marker(path: Path) -> dict[str, str] | None:
    """The marker of the jtreport matrix at ``path``, or None when it is not one
    (or cannot be read).  Never raises."""
    try:
        with zipfile.ZipFile(Path(path)) as archive:
            return read_marker(archive)
    except Exception:
        return None


def read_matrix(path: Path) -> Matrix:
    """Read every sheet of the jtreport matrix at ``path``.

    Raises :class:`InputError` (one line) when the file is missing, is not an
    Excel workbook, or is not a jtreport matrix.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "is not a file", path=str(path))
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            marker = read_marker(archive)
        if marker is None:
            raise InputError(
                f"is not a jtreport matrix (it has no {MARKER_SHEET} sheet); "
                "make one with: jtreport --format xlsx",
                path=str(path),
            )
        import_openpyxl()
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            digest = hashlib.sha256(data).hexdigest()
            return _read_sheets(path, digest, book, marker)
        finally:
            book.close()
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"cannot be read as an Excel workbook (.xlsx): {_reason(exc)}", path=str(path)
        ) from exc


def collect(matrix: Matrix, columns: Iterable[str]) -> Collected:
    """Merge the values of ``columns`` over every data sheet, keyed by item ID.

    A non-empty value beats an empty one.  Between two different non-empty
    values, the "All items" sheet wins, then the sheet that comes first in the
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
                found = Located(row.values[column], sheet.name, sheet.cell(row, column))
                kept = record.get(column)
                if kept is None:
                    record[column] = found
                elif not same_value(kept.value, found.value):
                    result.conflicts.append(Conflict(row.item_id, column, kept, found, row))
    return result


def text_of(value: Any) -> str:
    """A cell value as trimmed text ("" for an empty cell; 3.0 reads "3")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Internals ---------------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    """The innermost cause of a failure, on one line."""
    root = exc
    for _ in range(20):  # exception chains are short; never loop for ever
        deeper = root.__cause__ or root.__context__
        if deeper is None:
            break
        root = deeper
    words = " ".join(str(root).split())
    text = f"{type(root).__name__}: {words}" if words else type(root).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, tuple[str, ...]] | None:
    canonical = {c.casefold(): c for c in (ID_COLUMN, *MINISTRY_COLUMNS, ARCHIVED_ON)}
    for index, row in enumerate(rows, 1):
        headers = tuple(canonical.get(text_of(v).casefold(), text_of(v)) for v in row)
        if ID_COLUMN in headers and any(c in headers for c in MINISTRY_COLUMNS):
            return index, headers
    return None


def _read_sheets(path: Path, digest: str, wb: Any, marker: dict[str, str]) -> Matrix:
    own = tuple(v for k, v in marker.items() if k.startswith("sheet."))
    data: list[MatrixSheet] = []
    archive: list[MatrixSheet] = []
    others: list[OtherSheet] = []
    for name in wb.sheetnames:
        if name == MARKER_SHEET:
            continue
        ws = wb[name]
        if not hasattr(ws, "iter_rows"):  # a chartsheet
            continue
        ws.reset_dimensions()
        rows = iter(ws.iter_rows(values_only=True))
        head: list[tuple[Any, ...]] = []
        for row in rows:
            head.append(row)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        found = _header(head)
        if found is None:
            # jtreport rewrites its Summary; any other sheet without a header row
            # (the user's own, or a data sheet whose ID column was deleted) is kept
            if name != marker.get("sheet.summary"):
                rest = list(rows)
                others.append(OtherSheet(name, _trim([*head, *rest]), own=name in own))
            continue
        header_row, headers = found
        body = [*head[header_row:], *rows]
        sheet = MatrixSheet(
            name=name,
            header_row=header_row,
            headers=headers,
            rows=_rows(name, header_row, headers, body),
            archived=ARCHIVED_ON in headers,
        )
        (archive if sheet.archived else data).append(sheet)
    return Matrix(
        path=path,
        fingerprint=digest,
        marker=marker,
        own_sheets=own,
        data_sheets=data,
        archive_sheets=archive,
        other_sheets=others,
    )


def _rows(
    sheet: str, header_row: int, headers: tuple[str, ...], body: list[tuple[Any, ...]]
) -> list[MatrixRow]:
    from openpyxl.utils import get_column_letter

    id_index = headers.index(ID_COLUMN)
    result: list[MatrixRow] = []
    for offset, row in enumerate(body, header_row + 1):
        values: dict[str, Any] = {}
        for index, value in enumerate(row):
            if is_blank(value):
                continue
            # a value typed under no header is kept under the column's letter
            header = headers[index] if index < len(headers) else ""
            header = header or f"Column {get_column_letter(index + 1)}"
            values.setdefault(header, value)
        item_id = text_of(row[id_index]) or None if id_index < len(row) else None
        values.pop(ID_COLUMN, None)
        if item_id is None and not values:
            continue
        result.append(MatrixRow(sheet, offset, item_id, values))
    return result


def _trim(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    while rows and all(is_blank(v) for v in rows[-1]):
        rows.pop()
    return rows
