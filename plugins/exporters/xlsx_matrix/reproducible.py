"""Saving with reproducible bytes: the same input and ``options.created`` give the
same file.  openpyxl stamps the current time into the document properties and
into every zip entry; here both come from ``created`` instead."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any, BinaryIO

#: The earliest time a zip entry can carry.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_time(created: datetime) -> tuple[int, int, int, int, int, int]:
    """``created`` as a zip entry's date_time (not before 1980)."""
    stamp = (created.year, created.month, created.day, created.hour, created.minute, created.second)
    return max(stamp, _ZIP_EPOCH)


def save_reproducibly(wb: Any, stream: BinaryIO, created: datetime) -> None:
    """Save ``wb`` to ``stream`` with every time stamp taken from ``created``."""
    from openpyxl.writer.excel import ExcelWriter

    # ExcelWriter directly: openpyxl's save_workbook() resets "modified" to now.
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    date_time = zip_time(created)
    raw.seek(0)
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename), compresslevel=6)
