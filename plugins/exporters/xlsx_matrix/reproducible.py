"""Saving: the data rows go into the sheets openpyxl wrote, and every time stamp
comes from ``options.created``, so the same input gives the same bytes.

openpyxl stamps the current time into the document properties and into every
zip entry; the archive is rewritten here with fixed entry times, and the rows
rendered by :mod:`.rowxml` are streamed into their sheets on the way.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Mapping
from datetime import datetime
from typing import IO, Any, BinaryIO
from xml.etree import ElementTree

from jtreport.reproducible import zip_entry, zip_time

from .rowxml import SheetRows

_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> part name (``xl/worksheets/sheet2.xml``) in a saved workbook.

    Parses only the XML openpyxl has just written, never the user's file.
    """
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG}Relationship")}
    paths: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        paths[sheet.get("name", "")] = posixpath.normpath(path)
    return paths


def write_sheet(xml: bytes, rows: SheetRows, stream: IO[bytes]) -> None:
    """Write the sheet part ``xml`` (as openpyxl saved it) to ``stream`` with
    ``rows`` at the end of its ``sheetData`` and its dimension widened to them.

    The rows go out in chunks, straight from :class:`SheetRows`: the sheet is
    never assembled in memory (on a long statement it is tens of megabytes).
    """
    from openpyxl.utils import get_column_letter

    if not rows.width:
        stream.write(xml)
        return
    end = xml.find(b"</sheetData>")
    if end < 0:
        raise ValueError("the saved sheet has no sheetData to fill")
    dimension = f'<dimension ref="A1:{get_column_letter(rows.width)}{max(rows.last_row, 1)}"/>'
    stream.write(_DIMENSION.sub(dimension.encode(), xml[:end], count=1))
    for chunk in rows.chunks():
        stream.write(chunk)
    stream.write(memoryview(xml)[end:])


def with_cached_values(xml: bytes, values: Mapping[str, Any]) -> bytes:
    """The sheet part ``xml`` with the calculated value of each formula cell named
    in ``values`` (by reference: ``B12``) filled in, as a spreadsheet program
    saves it: programs that show a workbook without calculating it show these."""
    if not values:
        return xml

    def filled(match: re.Match[bytes]) -> bytes:
        value = values.get(match.group(1).decode())
        if isinstance(value, bool) or not isinstance(value, int | float):
            return match.group(0)
        return match.group(0)[: match.start(3) - match.start(0)] + f"<v>{value!r}</v></c>".encode()

    return _FORMULA_CELL.sub(filled, xml)


_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>[^<]*</f>(<v\s*/>|<v></v>)</c>')


def save_reproducibly(
    wb: Any,
    stream: BinaryIO,
    created: datetime,
    rows: Mapping[str, SheetRows],
    cached: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Save ``wb`` to ``stream`` with the pre-rendered ``rows`` of each sheet (by
    name), the ``cached`` values of jtreport's formulas (by sheet, then cell),
    and every time stamp taken from ``created``."""
    from openpyxl.writer.excel import ExcelWriter

    # ExcelWriter directly: openpyxl's save_workbook() resets "modified" to now.
    # Stored, not deflated: this copy holds no data rows and is read back at once.
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    date_time = zip_time(created)
    raw.seek(0)
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target,
    ):
        paths = sheet_paths(source)
        by_path = {path: rows[name] for name, path in paths.items() if name in rows}
        values = {path: (cached or {}).get(name, {}) for name, path in paths.items()}
        for entry in source.infolist():
            info = zip_entry(entry.filename, date_time)
            data = with_cached_values(source.read(entry.filename), values.get(entry.filename, {}))
            # level 6 both ways: zlib's default level is 6
            if entry.filename in by_path:
                with target.open(info, "w") as part:
                    write_sheet(data, by_path[entry.filename], part)
            else:
                target.writestr(info, data, compresslevel=6)
