"""Saving: the data rows go into the sheets openpyxl writes, and every time stamp
comes from ``options.created``, so the same input gives the same bytes.

openpyxl stamps the current time into every zip entry and writes each sheet to
a temporary file first.  Here its writer is handed a zip archive that dates
every entry ``created``, and writes each sheet in memory: the package is
written once, each sheet with the rows rendered by :mod:`.rowxml` streamed into
it and the values of jtreport's formulas filled in on the way.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from datetime import datetime
from typing import IO, Any, BinaryIO

from jtreport.reproducible import ZipTime, zip_entry, zip_time

from .rowxml import SheetRows

_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')


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

    with _Package(stream, zip_time(created)) as archive:
        # ExcelWriter directly: openpyxl's save_workbook() resets "modified" to now
        writer = ExcelWriter(wb, archive)
        sheets = _Sheets(writer, archive, rows, cached or {})
        writer.write_worksheet = sheets.write  # in memory, with the rows
        writer.save()


class _Package(zipfile.ZipFile):
    """A zip archive whose entries are all dated alike and deflated at level 6
    (zlib's default), the same on every machine."""

    def __init__(self, stream: BinaryIO, stamp: ZipTime) -> None:
        super().__init__(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.stamp = stamp

    def writestr(
        self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None, compresslevel: Any = None
    ) -> None:
        """An entry dated :attr:`stamp`, whatever openpyxl asks."""
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        super().writestr(zip_entry(name, self.stamp), data, compresslevel=6)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        """A part written to a file first (openpyxl's images and the like)."""
        with open(filename, "rb") as handle:
            self.writestr(arcname or str(filename), handle.read())


class _Sheets:
    """Writes the worksheets for openpyxl's ``ExcelWriter``: in memory (openpyxl
    writes each to a temporary file), then into the package with their rows and
    their formulas' values."""

    def __init__(
        self,
        writer: Any,
        archive: _Package,
        rows: Mapping[str, SheetRows],
        cached: Mapping[str, Mapping[str, Any]],
    ) -> None:
        self.writer = writer
        self.archive = archive
        self.rows = rows
        self.cached = cached

    def write(self, ws: Any) -> None:
        """Write one worksheet, as openpyxl 3.1's ``ExcelWriter.write_worksheet``."""
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
        from openpyxl.worksheet._writer import WorksheetWriter

        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        out = io.BytesIO()
        writer = WorksheetWriter(ws, out=out)
        writer.write()
        ws._rels = writer._rels
        xml = with_cached_values(out.getvalue(), self.cached.get(ws.title, {}))
        rows = self.rows.get(ws.title)
        if rows is None:
            self.archive.writestr(ws.path[1:], xml)
        else:
            with self.archive.open(zip_entry(ws.path[1:], self.archive.stamp), "w") as part:
                write_sheet(xml, rows, part)
        self.writer.manifest.append(ws)
