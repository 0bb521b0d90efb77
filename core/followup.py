"""Follow-up status: what a ministry records against each item in the matrix.

The Excel matrix (the ``xlsx`` plugin) writes the ministry columns named here and
:func:`read_followup` reads a filled matrix back, keyed by item ID, so that the
Word and PDF reports can show progress.  The column names and the status
vocabulary are part of the matrix's contract: the round trip keys on them.

How a matrix is read (shared by ``--status`` and the ``xlsx`` exporter's merge):

- a workbook is a jtreport matrix when it holds the marker sheet
  :data:`MARKER_SHEET` whose first row reads :data:`MATRIX_KIND`;
- a *data sheet* is any worksheet with a header row (within its first
  :data:`HEADER_SEARCH_ROWS` rows) naming :data:`ID_COLUMN` and at least one
  ministry column, whatever the sheet is called; one that also names
  :data:`ARCHIVED_ON` is an archive sheet, and is not read for follow-up;
- the same item usually appears on two data sheets (its area's and "All items").
  :func:`collect` merges them: a non-empty value beats an empty one; when two
  sheets hold different non-empty values, the "All items" sheet wins (then the
  first sheet in workbook order) and the disagreement is returned as a
  :class:`Conflict` so that nothing is silently dropped.

Cells are read with openpyxl in read-only mode (openpyxl parses through
defusedxml when it is installed, as it is with jtreport); formulas are read as
their last calculated value.  :func:`is_matrix` reads only the marker sheet,
without openpyxl.  One run asks about the same matrix several times (the
reports' statuses, the exporter's check that it may replace the file, its
merge), so what was read is remembered by file name and content: the same
unchanged file is parsed once.  The user's file is only ever read.

openpyxl imports numpy whenever numpy is installed, for nothing jtreport needs
(about 0.1 s); :func:`import_openpyxl` imports it without, and every first
import of openpyxl in jtreport goes through it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    import zipfile
    from io import BufferedReader

from .errors import InputError

#: The status drop-down, in the order a tracker lists them, each with its one meaning.
STATUS_MEANINGS: dict[str, str] = {
    "Not started": "nothing has been done yet and nothing is scheduled",
    "Planned": "a first step or a date is agreed, but work has not begun",
    "In progress": "work towards a result that can be completed is under way",
    "Ongoing": 'a continuing commitment with no end point ("will continue to ...") '
    "is being honoured",
    "Completed": "done: the result exists or the event took place",
    "Delayed": "behind its due date or its plan",
    "Suspended": "paused by a decision, expected to resume",
    "Cancelled": "dropped: it will not be done",
}
STATUSES: tuple[str, ...] = tuple(STATUS_MEANINGS)

#: One colour per status, shared by every report so that the matrix, the note
#: and the PDF agree (Okabe-Ito colours, told apart with the common forms of
#: colour blindness; hex RGB without "#").
STATUS_COLOURS: dict[str, str] = {
    "Not started": "999999",
    "Planned": "56B4E9",
    "In progress": "0072B2",
    "Ongoing": "CC79A7",
    "Completed": "009E73",
    "Delayed": "D55E00",
    "Suspended": "E69F00",
    "Cancelled": "444444",
}
#: The colour of an item with no status recorded (never white: it must show).
NO_STATUS_COLOUR = "E6E6E6"

#: The columns the ministry fills, in the matrix's order.
MINISTRY_COLUMNS: tuple[str, ...] = (
    "Lead agency",
    "Supporting agencies",
    "Status",
    "Next step",
    "Due date",
    "Notes",
)

#: Statuses after which a due date can no longer be overdue.
CLOSED_STATUSES: tuple[str, ...] = ("Completed", "Cancelled")

#: The header of the item-ID column, the key of the round trip.
ID_COLUMN = "ID"
#: The extra header of an archive sheet (rows whose item left the statement).
ARCHIVED_ON = "Archived on"
#: The hidden sheet that marks a workbook as a jtreport matrix.
MARKER_SHEET = "_jtreport"
#: What the marker sheet's cell A1 says.
MATRIX_KIND = "jtreport implementation matrix"
#: The version of the matrix layout; B1 of the marker sheet.
MATRIX_VERSION = "1"
#: The name of the sheet listing every item, authoritative in conflicts.
ITEMS_SHEET = "All items"
#: How far down a sheet its header row is looked for.
HEADER_SEARCH_ROWS = 10

_FIELDS: dict[str, str] = {
    "Lead agency": "lead_agency",
    "Supporting agencies": "supporting_agencies",
    "Status": "status",
    "Next step": "next_step",
    "Due date": "due_date",
    "Notes": "notes",
}


@dataclass(frozen=True, kw_only=True)
class FollowUp:
    """The ministry's record for one item ID."""

    item_id: str
    lead_agency: str | None = None
    supporting_agencies: str | None = None
    counterpart_agency: str | None = None
    status: str | None = None
    priority: str | None = None
    next_step: str | None = None
    due_date: date | None = None
    evidence: str | None = None
    last_updated: date | None = None
    notes: str | None = None
    #: an officer's correction of the parser's reading (None: not corrected)
    category: str | None = None
    is_commitment: bool | None = None
    actors: tuple[str, ...] | None = None

    @property
    def is_empty(self) -> bool:
        """True when the ministry has typed nothing for this item."""
        return all(
            getattr(self, name) in (None, "", ())
            for name in self.__dataclass_fields__
            if name != "item_id"
        )


# Reading a matrix ---------------------------------------------------------------


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


def import_openpyxl() -> None:
    """Import openpyxl without letting it import numpy.

    openpyxl imports numpy whenever it is installed, only so that cells accept
    numpy numbers, which jtreport never writes; that import costs about 0.1 s.
    numpy is blocked only while openpyxl itself is first imported, and only when
    numpy is not loaded already: a program that uses numpy keeps openpyxl's
    support for it, and ``import numpy`` works as usual afterwards.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy fails meanwhile
    try:
        import openpyxl  # noqa: F401
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]


def matrix_marker(path: Path) -> dict[str, str] | None:
    """The marker of the jtreport matrix at ``path``, or None when it is not one
    (or cannot be read).  Never raises.

    Reads only the workbook's sheet list and its marker sheet (openpyxl would
    read every shared string and style first); a matrix already read by
    :func:`read_matrix` is not read again.
    """
    try:
        with Path(path).open("rb") as handle:
            key = _key(path, handle)
            if key in _MATRICES:
                return _MATRICES[key].marker
            if key in _MARKERS:
                return _MARKERS[key]
            marker = _read_marker(handle)
    except Exception:
        return None
    _remember(_MARKERS, key, marker, _MARKERS_KEPT)
    return marker


def is_matrix(path: Path) -> bool:
    """True when ``path`` is a workbook written by jtreport's ``xlsx`` exporter."""
    return matrix_marker(path) is not None


def read_matrix(path: Path) -> Matrix:
    """Read every sheet of the jtreport matrix at ``path``.

    Raises :class:`InputError` (one line) when the file is missing, is not an
    Excel workbook, or is not a jtreport matrix.

    The same unchanged file is parsed once: later calls return the same
    :class:`Matrix`, which callers must therefore not modify.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "is not a file", path=str(path))
    try:
        with path.open("rb") as handle:
            key = _key(path, handle)
            if key in _MATRICES:
                return _MATRICES[key]
            with _Workbook(handle) as wb:
                marker = _marker(wb)
                if marker is None:
                    raise InputError(
                        f"is not a jtreport matrix (it has no {MARKER_SHEET} sheet); "
                        "make one with: jtreport --format xlsx",
                        path=str(path),
                    )
                matrix = _read_sheets(path, wb, marker)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"cannot be read as an Excel workbook (.xlsx): {_reason(exc)}", path=str(path)
        ) from exc
    _remember(_MATRICES, key, matrix, _MATRICES_KEPT)
    return matrix


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


def read_followup(path: Path) -> dict[str, FollowUp]:
    """Read a filled matrix and return the ministry's record per item ID.

    Every item ID found on a data sheet gets a :class:`FollowUp` (empty when
    nothing was typed).  Statuses are checked against :data:`STATUSES` (case and
    surrounding spaces do not matter); due dates that are not dates (free text
    such as "Q2 2026") are left out of ``due_date``.  Archived rows are not read.

    Raises :class:`InputError` with a one-line message for a missing file, a file
    that is not an .xlsx workbook, a workbook that is not a jtreport matrix, or a
    status outside the vocabulary (naming the cell and the value).
    """
    matrix = read_matrix(Path(path))
    _check_statuses(matrix)
    merged = collect(matrix, MINISTRY_COLUMNS)
    ids: dict[str, None] = {}
    for sheet in matrix.ordered_sheets():
        for row in sheet.rows:
            if row.item_id is not None:
                ids.setdefault(row.item_id, None)
    return {item_id: _followup(item_id, merged.values.get(item_id, {})) for item_id in ids}


def is_overdue(record: FollowUp | None, as_of: date) -> bool:
    """True when ``record`` has a due date before ``as_of`` and is not closed
    (:data:`CLOSED_STATUSES`): the one overdue rule every report applies."""
    return (
        record is not None
        and record.due_date is not None
        and record.due_date < as_of
        and record.status not in CLOSED_STATUSES
    )


def normalise_status(value: Any) -> str | None:
    """The vocabulary's spelling of a status cell, or None when it is not one."""
    if not isinstance(value, str):
        return None
    wanted = " ".join(value.split()).casefold()
    return next((s for s in STATUSES if s.casefold() == wanted), None)


def as_date(value: Any) -> date | None:
    """A due-date cell as a date: Excel dates, or text in ISO form (``2026-05-31``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


# Internals ---------------------------------------------------------------------


class _Workbook:
    """A workbook opened read-only from an open file, closed on exit (the file
    stays open: its owner closes it)."""

    def __init__(self, handle: IO[bytes]) -> None:
        import_openpyxl()
        from openpyxl import load_workbook

        # A file object skips openpyxl's check of the file name's extension.
        self.book: Any = load_workbook(handle, read_only=True, data_only=True, keep_links=False)

    def __enter__(self) -> Any:
        return self.book

    def __exit__(self, *exc: object) -> None:
        self.book.close()


# Reading each file once ------------------------------------------------------------

#: What was read, by (file name, content digest); newest last.
_MATRICES: dict[tuple[str, bytes], Matrix] = {}
_MARKERS: dict[tuple[str, bytes], dict[str, str] | None] = {}
#: One matrix is enough for one run (and a large one is not kept for long).
_MATRICES_KEPT = 1
_MARKERS_KEPT = 8


def _key(path: Path, handle: BufferedReader) -> tuple[str, bytes]:
    """What identifies a file's content: its name and a digest of its bytes
    (unlike a modification time, a digest cannot miss a quick rewrite)."""
    import hashlib

    digest = hashlib.file_digest(handle, "blake2b").digest()
    handle.seek(0)
    return str(path), digest


def _remember(
    memo: dict[tuple[str, bytes], Any], key: tuple[str, bytes], value: Any, kept: int
) -> None:
    memo.pop(key, None)
    memo[key] = value
    while len(memo) > kept:
        del memo[next(iter(memo))]


def forget() -> None:
    """Drop every remembered matrix and marker (to free memory, or in tests)."""
    _MATRICES.clear()
    _MARKERS.clear()


# The marker without openpyxl -----------------------------------------------------

_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _read_marker(handle: BinaryIO) -> dict[str, str] | None:
    """The marker sheet's key/value rows, as :func:`_marker` reads them from an
    openpyxl workbook, straight from the package: the workbook's sheet list, the
    marker sheet, and the shared strings it uses."""
    import zipfile

    with zipfile.ZipFile(handle) as archive:
        book = _main_part(archive)
        relations = _relations(archive, book)
        part = None
        for element in _elements(archive, book, f"{_SHEET_NS}sheet"):
            if element.get("name") == MARKER_SHEET:
                part = relations.get(element.get(f"{_DOC_REL_NS}id", ""))
                break
        if part is None:
            return None
        rows = _marker_rows(archive, part)
        if not rows or rows[0][0] != 1:
            return None  # openpyxl reads an empty first row: not a marker
        wanted = {int(raw) for _, row in rows for kind, raw in row if kind == "s" and raw}
        table = relations.get("type:sharedStrings")
        strings = _shared_strings(archive, table, wanted) if wanted and table else {}
    marker: dict[str, str] = {}
    for number, row in rows:
        key, value = (_text(_marker_value(kind, raw, strings)) for kind, raw in row)
        if number == 1:
            if key != MATRIX_KIND:
                return None
            marker["matrix_version"] = value
        elif key:
            # repeated keys (one per sheet) are numbered: sheet.area, sheet.area.2
            name, n = key, 2
            while name in marker:
                name, n = f"{key}.{n}", n + 1
            marker[name] = value
    return marker


def _elements(archive: zipfile.ZipFile, part: str, tag: str) -> Iterator[Any]:
    """The ``tag`` elements of a part, parsed as a stream (defusedxml: no entities)."""
    from defusedxml.ElementTree import iterparse

    with archive.open(part) as stream:
        for _, element in iterparse(stream, events=("end",)):
            if element.tag == tag:
                yield element
                element.clear()


def _main_part(archive: zipfile.ZipFile) -> str:
    for rel in _elements(archive, "_rels/.rels", f"{_PKG_REL_NS}Relationship"):
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return str(rel.get("Target", "")).lstrip("/")
    return "xl/workbook.xml"


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationships: id -> target part, plus ``type:NAME`` -> target
    for each relationship type (``type:sharedStrings``)."""
    import posixpath

    folder, name = posixpath.split(part)
    found: dict[str, str] = {}
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return found
    for rel in _elements(archive, rels, f"{_PKG_REL_NS}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        path = posixpath.normpath(path)
        found[rel.get("Id", "")] = path
        found.setdefault(f"type:{rel.get('Type', '').rsplit('/', 1)[-1]}", path)
    return found


def _marker_rows(
    archive: zipfile.ZipFile, part: str
) -> list[tuple[int, list[tuple[str, str | None]]]]:
    """The rows of a sheet that have a cell in column A or B, with their numbers,
    each as those two cells: (cell type, raw value), ("", None) for a missing one."""
    rows: list[tuple[int, list[tuple[str, str | None]]]] = []
    number = 0
    for element in _elements(archive, part, f"{_SHEET_NS}row"):
        number = int(element.get("r") or number + 1)
        cells: list[tuple[str, str | None]] = [("", None), ("", None)]
        column = 0
        for cell in element.iter(f"{_SHEET_NS}c"):
            ref = cell.get("r")
            column = _column(ref) if ref else column + 1
            if not 1 <= column <= 2:
                continue
            kind = cell.get("t", "n")
            if kind == "inlineStr":
                text = "".join(_string_text(child) for child in cell.iter(f"{_SHEET_NS}is"))
                cells[column - 1] = ("inlineStr", text)
            else:
                cells[column - 1] = (kind, cell.findtext(f"{_SHEET_NS}v") or None)
        if cells[0][0] or cells[1][0]:
            rows.append((number, cells))
    return rows


def _column(ref: str) -> int:
    number = 0
    for char in ref:
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number


def _string_text(element: Any) -> str:
    """The plain text of a string item (``si`` or ``is``): its ``t`` and the
    ``t`` of its runs, without phonetic hints."""
    parts: list[str] = [element.findtext(f"{_SHEET_NS}t") or ""]
    parts += [run.findtext(f"{_SHEET_NS}t") or "" for run in element.findall(f"{_SHEET_NS}r")]
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, part: str, wanted: set[int]) -> dict[int, str]:
    """The shared strings numbered in ``wanted``; reading stops after the last."""
    found: dict[int, str] = {}
    last = max(wanted)
    for index, item in enumerate(_elements(archive, part, f"{_SHEET_NS}si")):
        if index in wanted:
            found[index] = _string_text(item).replace("x005F_", "")
        if index >= last:
            break
    return found


def _marker_value(kind: str, raw: str | None, strings: dict[int, str]) -> Any:
    """A marker cell's value as openpyxl gives it (dates stay text here)."""
    if raw is None:
        return None
    if kind == "s":
        return strings.get(int(raw))
    if kind == "b":
        return bool(int(raw))
    if kind == "n":
        return float(raw) if any(c in raw for c in ".eE") else int(raw)
    return raw


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


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _marker(wb: Any) -> dict[str, str] | None:
    if MARKER_SHEET not in wb.sheetnames:
        return None
    ws = wb[MARKER_SHEET]
    ws.reset_dimensions()
    marker: dict[str, str] = {}
    first = True
    for row in ws.iter_rows(max_col=2, values_only=True):
        key = _text(row[0]) if row else ""
        value = _text(row[1]) if len(row) > 1 else ""
        if first:
            if key != MATRIX_KIND:
                return None
            marker["matrix_version"] = value
            first = False
        elif key:
            # repeated keys (one per sheet) are numbered: sheet.area, sheet.area.2
            name, n = key, 2
            while name in marker:
                name, n = f"{key}.{n}", n + 1
            marker[name] = value
    return None if first else marker


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, tuple[str, ...]] | None:
    canonical = {c.casefold(): c for c in (ID_COLUMN, *MINISTRY_COLUMNS, ARCHIVED_ON)}
    for index, row in enumerate(rows, 1):
        headers = tuple(canonical.get(_text(v).casefold(), _text(v)) for v in row)
        if ID_COLUMN in headers and any(c in headers for c in MINISTRY_COLUMNS):
            return index, headers
    return None


def _item_id(value: Any) -> str | None:
    text = _text(value)
    return text or None


def _read_sheets(path: Path, wb: Any, marker: dict[str, str]) -> Matrix:
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
        marker=marker,
        own_sheets=own,
        data_sheets=data,
        archive_sheets=archive,
        other_sheets=others,
    )


def _rows(
    sheet: str, header_row: int, headers: tuple[str, ...], body: list[tuple[Any, ...]]
) -> list[MatrixRow]:
    import_openpyxl()
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
        item_id = _item_id(row[id_index]) if id_index < len(row) else None
        values.pop(ID_COLUMN, None)
        if item_id is None and not values:
            continue
        result.append(MatrixRow(sheet, offset, item_id, values))
    return result


def _trim(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    while rows and all(is_blank(v) for v in rows[-1]):
        rows.pop()
    return rows


def _check_statuses(matrix: Matrix) -> None:
    for sheet in matrix.data_sheets:
        for row in sheet.rows:
            value = row.values.get("Status")
            if value is not None and normalise_status(value) is None:
                raise InputError(
                    f"{sheet.cell(row, 'Status')}: unknown status {_text(value)!r} "
                    f"(use one of: {', '.join(STATUSES)})",
                    path=str(matrix.path),
                )


def _followup(item_id: str, values: dict[str, Located]) -> FollowUp:
    fields: dict[str, Any] = {}
    for column, located in values.items():
        name = _FIELDS[column]
        if column == "Status":
            fields[name] = normalise_status(located.value)
        elif column == "Due date":
            fields[name] = as_date(located.value)
        else:
            fields[name] = _text(located.value) or None
    return FollowUp(item_id=item_id, **fields)
