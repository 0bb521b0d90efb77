"""The hidden marker sheet that makes a workbook a jtreport matrix, and the one
reader of it.

The marker sheet (:data:`MARKER_SHEET`, very hidden) holds key/value rows: its
first row reads :data:`MATRIX_KIND` and the layout version, the others say when
and from what statement the matrix was made and which sheet plays which part
(``sheet.items``, ``sheet.area``...).  Then one :data:`ITEM_KEY` row per item
records what jtreport wrote in the cells an officer may correct (category,
commitment flag, actors) and which of them were corrections: a cell that
differs from it was corrected since (see :class:`Written`).

:func:`read_marker` reads it straight from the package, without openpyxl
(which would read every shared string and style first): the workbook's sheet
list, the marker sheet, and the shared strings it uses.  Every question "is
this a matrix?" goes through it.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: The hidden sheet that marks a workbook as a jtreport matrix.
MARKER_SHEET = "_jtreport"
#: What the marker sheet's cell A1 says.
MATRIX_KIND = "jtreport implementation matrix"
#: The version of the matrix layout; B1 of the marker sheet.  Version 1 had no
#: per-item records and typed values on every sheet.
MATRIX_VERSION = "2"
#: The key of the marker rows that record an item's correctable cells.
ITEM_KEY = "item"
#: The marker key that names the Summary's cell of each setting: ``summary.due_soon``.
SETTING_PREFIX = "summary."
#: The columns of those rows after the key and the item ID.
ITEM_FIELDS = ("category", "is_commitment", "actors", "corrected")


@dataclass(frozen=True)
class Written:
    """What jtreport wrote in an item's correctable cells, as shown (``Pledge``,
    ``Yes``, ``Both sides``), and which were an officer's corrections."""

    category: str
    is_commitment: str
    actors: str
    corrected: frozenset[str]

    def shown(self, field: str) -> str:
        """The text written for ``field`` (``category``, ``is_commitment``, ``actors``)."""
        return str(getattr(self, field))


@dataclass(frozen=True)
class Marker:
    """The marker's key/value rows and its per-item records."""

    values: dict[str, str]
    written: dict[str, Written]


#: The largest part read to find the marker (the shared strings of a large
#: matrix saved by Excel hold a few megabytes).
MAX_PART_BYTES = 256 * 2**20

#: The most key rows a marker has besides one per sheet (for a reading of the
#: keys only; jtreport writes about a dozen).
KEY_ROWS = 64

#: How many columns of the marker sheet are read.
_WIDTH = 2 + len(ITEM_FIELDS)

_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DOC_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def read_marker(archive: zipfile.ZipFile, *, items: bool = True) -> Marker | None:
    """The marker's key/value rows (``matrix_version``, ``created``,
    ``statement_sha256``, ``sheet.items``...) and item records, or None when
    the workbook has no marker sheet or its first row is not
    :data:`MATRIX_KIND`.  Keys repeated (one per area sheet) are numbered:
    ``sheet.area``, ``sheet.area.2``...

    Without ``items``, only the rows before the item records are read (they
    come first: one per key, at most :data:`KEY_ROWS` plus one per sheet), which
    is all a question "is this a matrix, and which sheet is which?" needs: a
    long statement's marker has thousands of item rows.

    Raises what zipfile and the XML parser raise for a damaged package.
    """
    book = _main_part(archive)
    relations = _relations(archive, book)
    part = None
    sheets = 0
    for element in _elements(archive, book, f"{_SHEET_NS}sheet"):
        sheets += 1
        if element.get("name") == MARKER_SHEET:
            part = relations.get(element.get(f"{_DOC_REL_NS}id", ""))
    if part is None:
        return None
    rows = _rows(archive, part, None if items else KEY_ROWS + sheets)
    if not rows or rows[0][0] != 1:
        return None
    wanted = {int(raw) for _, row in rows for kind, raw in row if kind == "s" and raw}
    table = relations.get("type:sharedStrings")
    strings = _shared_strings(archive, table, wanted) if wanted and table else {}
    values: dict[str, str] = {}
    written: dict[str, Written] = {}
    for number, row in rows:
        texts = [_text(_value(kind, raw, strings)) for kind, raw in row]
        key, value = texts[0], texts[1]
        if number == 1:
            if key != MATRIX_KIND:
                return None
            values["matrix_version"] = value
        elif key == ITEM_KEY and not items:
            continue
        elif key == ITEM_KEY and value:
            category, flag, actors, corrected = texts[2:6]
            written[value] = Written(
                category, flag, actors, frozenset(c for c in corrected.split(",") if c)
            )
        elif key:
            name, n = key, 2
            while name in values:
                name, n = f"{key}.{n}", n + 1
            values[name] = value
    return Marker(values, written)


def _elements(archive: zipfile.ZipFile, part: str, tag: str) -> Iterator[Any]:
    """The ``tag`` elements of a part, parsed as a stream by lxml without
    resolving entities, loading a DTD or using the network; a part that
    declares a document type (where entities are declared: no spreadsheet
    program writes one) is refused.

    A part is inflated only when the size it claims is within
    :data:`MAX_PART_BYTES`, and zipfile never inflates more than a part claims
    (one that lies fails its checksum): reading the marker is bounded work.
    """
    from lxml.etree import iterparse

    claimed = archive.getinfo(part).file_size
    if claimed > MAX_PART_BYTES:
        raise ValueError(f"part {part!r} claims {claimed:,} bytes")
    with archive.open(part) as stream:
        checked = False
        for _, element in iterparse(
            stream,
            events=("end",),
            tag=tag,
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
        ):
            if not checked:  # the document type comes before the first element
                if element.getroottree().docinfo.doctype:
                    raise ValueError(f"part {part!r} declares a document type (entities)")
                checked = True
            yield element
            # what was read is let go: a long statement's marker has thousands of rows
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]


def _main_part(archive: zipfile.ZipFile) -> str:
    for rel in _elements(archive, "_rels/.rels", f"{_PKG_REL_NS}Relationship"):
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return str(rel.get("Target", "")).lstrip("/")
    return "xl/workbook.xml"


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """A part's relationships: id -> target part, plus ``type:NAME`` -> target
    for each relationship type (``type:sharedStrings``)."""
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


def _rows(
    archive: zipfile.ZipFile, part: str, limit: int | None = None
) -> list[tuple[int, list[tuple[str, str | None]]]]:
    """The rows of a sheet (the first ``limit`` when given) that have a cell in
    columns A to :data:`_WIDTH`, with their numbers, each as those cells: (cell
    type, raw value), ("", None) for a missing one."""
    rows: list[tuple[int, list[tuple[str, str | None]]]] = []
    number = 0
    for element in _elements(archive, part, f"{_SHEET_NS}row"):
        if limit is not None and len(rows) >= limit:
            break
        number = int(element.get("r") or number + 1)
        cells: list[tuple[str, str | None]] = [("", None)] * _WIDTH
        column = 0
        for cell in element.iter(f"{_SHEET_NS}c"):
            ref = cell.get("r")
            column = _column(ref) if ref else column + 1
            if not 1 <= column <= _WIDTH:
                continue
            kind = cell.get("t", "n")
            if kind == "inlineStr":
                text = "".join(_string_text(child) for child in cell.iter(f"{_SHEET_NS}is"))
                cells[column - 1] = ("inlineStr", text)
            else:
                cells[column - 1] = (kind, cell.findtext(f"{_SHEET_NS}v") or None)
        if any(kind for kind, _ in cells):
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


def _value(kind: str, raw: str | None, strings: dict[int, str]) -> Any:
    """A marker cell's value as a spreadsheet shows it (dates stay text here)."""
    if raw is None:
        return None
    if kind == "s":
        return strings.get(int(raw))
    if kind == "b":
        return bool(int(raw))
    if kind == "n":
        return float(raw) if any(c in raw for c in ".eE") else int(raw)
    return raw


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
