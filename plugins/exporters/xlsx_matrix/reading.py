"""Reading a filled matrix: every sheet, every typed cell, as the user left it.

How a matrix is read (for ``--status``, for the statuses of the reports, and
for the merge when it is regenerated):

- a workbook is a jtreport matrix when it holds the marker sheet (see
  :mod:`.marker`), or, when that hidden sheet was deleted, when one of its
  sheets still has the matrix's header row (:func:`recognised_by_layout`);
- a *data sheet* is any worksheet with a header row (within its first
  :data:`HEADER_SEARCH_ROWS` rows) naming :data:`ID_COLUMN` and at least one
  ministry column, whatever the sheet is called; one that also names
  :data:`ARCHIVED_ON` is an archive sheet;
- every non-empty cell below the header is kept under its column's header; a
  column without a header is named after its letter (``Column R (no
  header)``), so that what is typed there is never lost;
- formulas are kept as :class:`Formula` (their text, and the value last
  calculated when the file has one); jtreport's own formulas on the area
  sheets (which show "All items") are not user values and are skipped;
- what was read is a :class:`.matrix.Matrix`.

The file is read once, through :func:`.package.read_package` (bounded work);
its SHA-256 (:attr:`Matrix.fingerprint`) tells later whether it changed since.
Cells are read with openpyxl in read-only mode (openpyxl parses through
defusedxml, installed with jtreport).  The user's file is only ever read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Any

from jtreport.errors import InputError

from .cells import Formula
from .layout import (
    ARCHIVED_ON,
    HEADER_SEARCH_ROWS,
    ID_COLUMN,
    ITEMS_SHEET,
    LAYOUT_HEADERS,
    MINISTRY_COLUMNS,
    OWN_HEADERS,
    is_view_formula,
)
from .marker import MARKER_SHEET, SETTING_PREFIX, Marker, read_marker
from .matrix import Matrix, MatrixRow, MatrixSheet, OtherSheet, SheetRole
from .openpyxl_loader import import_openpyxl
from .package import Package, read_package
from .package import fingerprint as fingerprint
from .values import NO_HEADER, column_index, column_letter, is_blank, shown_value, text_of


def matrix_marker(path: Path) -> dict[str, str] | None:
    """The marker's keys of the jtreport matrix at ``path`` (not its item
    records), or None when it has none (or cannot be read).  Reads only the
    marker's parts, and only its first rows; never raises."""
    try:
        if not Path(path).is_file():
            return None
        with zipfile.ZipFile(Path(path)) as archive:
            marker = read_marker(archive, items=False)
    except Exception:
        return None
    return marker.values if marker is not None else None


def recognised_by_layout(path: Path) -> bool:
    """True when the workbook at ``path`` has no marker but one of its sheets
    has the matrix's header row (the hidden marker sheet was deleted).  Never
    raises."""
    try:
        package = read_package(path)
        with package.archive() as archive:
            if read_marker(archive, items=False) is not None:
                return False
        book = _open_book(package, data_only=False)
        try:
            for ws in book.worksheets:
                head = _head(ws)
                found = _header(head)
                if found and _looks_like_matrix(found[1]):
                    return True
        finally:
            book.close()
    except Exception:
        return False
    return False


def read_matrix(path: Path) -> Matrix:
    """Read every sheet of the jtreport matrix at ``path``.

    Raises :class:`InputError` (one line) when the file is missing, too large,
    is not an Excel workbook, or is not a jtreport matrix.
    """
    path = Path(path)
    package = read_package(path)
    try:
        with package.archive() as archive:
            marker = read_marker(archive)
        book = _open_book(package, data_only=False)
        try:
            matrix = _read_sheets(package, book, marker or Marker({}, {}))
        finally:
            book.close()
        if marker is None and not any(_looks_like_matrix(s.headers) for s in matrix.data_sheets):
            raise InputError(
                f"is not a jtreport matrix (it has no {MARKER_SHEET} sheet and no sheet "
                "with the matrix's columns); make one with: jtreport --format xlsx",
                path=str(path),
            )
        return _with_cached_values(package, matrix)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"cannot be read as an Excel workbook (.xlsx): {_reason(exc)}", path=str(path)
        ) from exc


# Internals ---------------------------------------------------------------------


def _open_book(package: Package, *, data_only: bool) -> Any:
    import_openpyxl()
    from openpyxl import load_workbook

    # A file object skips openpyxl's check of the file name's extension (.xlsm).
    return load_workbook(
        io.BytesIO(package.data), read_only=True, data_only=data_only, keep_links=False
    )


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


_CANONICAL = {h.casefold(): h for h in (*OWN_HEADERS, ID_COLUMN, ARCHIVED_ON)}


def _header_text(value: Any) -> str:
    text = " ".join(text_of(value).split())
    return _CANONICAL.get(text.casefold(), text)


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, tuple[str, ...]] | None:
    for index, row in enumerate(rows, 1):
        headers = tuple(_header_text(v) for v in row)
        if ID_COLUMN in headers and any(c in headers for c in MINISTRY_COLUMNS):
            return index, headers
    return None


def _looks_like_matrix(headers: Iterable[str]) -> bool:
    return set(LAYOUT_HEADERS) <= set(headers)


def _head(ws: Any) -> list[tuple[Any, ...]]:
    ws.reset_dimensions()
    head: list[tuple[Any, ...]] = []
    for row in ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True):
        head.append(row)
    return head


def _cells(ws: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of a sheet as values, formulas as :class:`Formula`."""
    ws.reset_dimensions()
    for row in ws.iter_rows():
        yield tuple(_value(cell) for cell in row)


def _value(cell: Any) -> Any:
    value = cell.value
    if getattr(cell, "data_type", None) == "f" and value is not None:
        text = value if isinstance(value, str) else str(getattr(value, "text", value))
        return Formula(text if text.startswith("=") else f"={text}")
    return value


def _read_sheets(package: Package, wb: Any, read: Marker) -> Matrix:
    marker = read.values
    own = tuple(v for k, v in marker.items() if k.startswith("sheet."))
    data: list[MatrixSheet] = []
    archive: list[MatrixSheet] = []
    others: list[OtherSheet] = []
    settings: dict[str, Any] = {}
    for name in wb.sheetnames:
        if name == MARKER_SHEET:
            continue
        ws = wb[name]
        if not hasattr(ws, "iter_rows"):  # a chartsheet
            continue
        rows = _cells(ws)
        head: list[tuple[Any, ...]] = []
        for row in rows:
            head.append(row)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        found = _header(head)
        if found is None:
            # jtreport rewrites its Summary, but for the settings the reader may
            # change there; any other sheet without a header row (the user's own,
            # or a data sheet whose ID column was deleted) is kept
            if name == marker.get("sheet.summary", "" if marker else "Summary"):
                # only down to the last setting: a long statement's Summary lists
                # thousands of milestones
                last = max((r for r, _ in _setting_cells(marker).values()), default=0)
                settings = _settings(marker, [*head, *islice(rows, max(0, last - len(head)))])
            else:
                others.append(OtherSheet(name, _trim([*head, *rows]), own=name in own))
            continue
        header_row, raw_headers = found
        headers = tuple(h or _unnamed(n) for n, h in enumerate(raw_headers, 1))
        body = [*head[header_row:], *rows]
        role: SheetRole = "archive" if ARCHIVED_ON in headers else "data"
        sheet = MatrixSheet(
            name=name,
            header_row=header_row,
            headers=headers,
            rows=_rows(name, header_row, headers, body),
            role=role,
        )
        (archive if sheet.archived else data).append(sheet)
    items = _items_sheet(data, marker)
    data = [replace(s, role="items") if s.name == items else s for s in data]
    return Matrix(
        path=package.path,
        fingerprint=package.fingerprint,
        marker=marker,
        own_sheets=own,
        data_sheets=data,
        archive_sheets=archive,
        other_sheets=others,
        written=read.written,
        settings=settings,
    )


def _items_sheet(data: list[MatrixSheet], marker: dict[str, str]) -> str | None:
    """The sheet listing every item: the marker's, else the one named "All
    items", else (a matrix recognised by its layout) the one with most rows."""
    names = [s.name for s in data]
    wanted = marker.get("sheet.items", ITEMS_SHEET)
    if wanted in names:
        return wanted
    if marker or not data:
        return None
    return max(data, key=lambda s: len(s.rows)).name


def _rows(
    sheet: str, header_row: int, headers: tuple[str, ...], body: list[tuple[Any, ...]]
) -> list[MatrixRow]:
    id_index = headers.index(ID_COLUMN)
    columns = {h: n for n, h in enumerate(headers, 1)}
    result: list[MatrixRow] = []
    for offset, row in enumerate(body, header_row + 1):
        values: dict[str, Any] = {}
        extra: dict[str, int] = {}
        for index, value in enumerate(row):
            if is_blank(value) or (isinstance(value, Formula) and is_view_formula(value.text)):
                continue
            if index < len(headers):
                header = headers[index]
            else:  # typed beyond the header row
                header = _unnamed(index + 1)
                extra[header] = index + 1
            values.setdefault(header, value)
        item_id = text_of(row[id_index]) or None if id_index < len(row) else None
        values.pop(ID_COLUMN, None)
        if item_id is None and not values:
            continue
        result.append(MatrixRow(sheet, offset, item_id, values, {**columns, **extra}))
    return result


def _setting_cells(marker: dict[str, str]) -> dict[str, tuple[int, int]]:
    """The row and column of each Summary setting the marker names (``B15``)."""
    cells: dict[str, tuple[int, int]] = {}
    for key, ref in marker.items():
        match = (
            re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", ref)
            if key.startswith(SETTING_PREFIX)
            else None
        )
        if match is not None:
            cells[key.removeprefix(SETTING_PREFIX)] = (
                int(match.group(2)),
                column_index(match.group(1)),
            )
    return cells


def _settings(marker: dict[str, str], rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """The values of the Summary's setting cells the marker names (``B15``)."""
    found: dict[str, Any] = {}
    for name, (number, column) in _setting_cells(marker).items():
        if number <= len(rows) and column <= len(rows[number - 1]):
            found[name] = shown_value(rows[number - 1][column - 1])
    return found


def _unnamed(column: int) -> str:
    return f"Column {column_letter(column)} {NO_HEADER}"


def _trim(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    while rows and all(is_blank(v) for v in rows[-1]):
        rows.pop()
    return rows


def _with_cached_values(package: Package, matrix: Matrix) -> Matrix:
    """Fill in the last calculated value of every user formula, from a second
    reading of the package (only when it holds formulas)."""
    wanted: dict[str, set[tuple[int, int]]] = {}
    for sheet in [*matrix.data_sheets, *matrix.archive_sheets]:
        for row in sheet.rows:
            for header, value in row.values.items():
                if isinstance(value, Formula):
                    wanted.setdefault(sheet.name, set()).add((row.row, row.columns[header]))
    for other in matrix.other_sheets:
        for number, values in enumerate(other.rows, 1):
            for column, value in enumerate(values, 1):
                if isinstance(value, Formula):
                    wanted.setdefault(other.name, set()).add((number, column))
    if not wanted:
        return matrix
    cached = _cached(package, wanted)

    def filled(sheet: str, number: int, column: int, value: Any) -> Any:
        if not isinstance(value, Formula):
            return value
        return replace(value, cached=cached.get((sheet, number, column)))

    def rows(sheet: MatrixSheet) -> MatrixSheet:
        return replace(
            sheet,
            rows=[
                replace(
                    r,
                    values={
                        h: filled(sheet.name, r.row, r.columns[h], v) for h, v in r.values.items()
                    },
                )
                for r in sheet.rows
            ],
        )

    others = [
        replace(
            o,
            rows=[
                tuple(filled(o.name, n, c, v) for c, v in enumerate(values, 1))
                for n, values in enumerate(o.rows, 1)
            ],
        )
        for o in matrix.other_sheets
    ]
    return replace(
        matrix,
        data_sheets=[rows(s) for s in matrix.data_sheets],
        archive_sheets=[rows(s) for s in matrix.archive_sheets],
        other_sheets=others,
    )


def _cached(
    package: Package, wanted: dict[str, set[tuple[int, int]]]
) -> dict[tuple[str, int, int], Any]:
    found: dict[tuple[str, int, int], Any] = {}
    book = _open_book(package, data_only=True)
    try:
        for name, cells in wanted.items():
            ws = book[name]
            ws.reset_dimensions()
            last = max(r for r, _ in cells)
            for number, row in enumerate(ws.iter_rows(max_row=last, values_only=True), 1):
                for column, value in enumerate(row, 1):
                    if (number, column) in cells:
                        found[(name, number, column)] = value
    finally:
        book.close()
    return found
