"""Reproducible packages: zip entries stamped with one fixed time.

Office formats (.docx, .xlsx) are zip archives, and zip entries carry a time
stamp; libraries stamp the current time.  Exporters rewrite the archive with the
time of :attr:`jtreport.formats.ExportOptions.created` (``SOURCE_DATE_EPOCH``
when set), so the same input gives the same bytes.  Third-party exporters of zip
based formats can use the same helpers.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime

ZipTime = tuple[int, int, int, int, int, int]

_FIRST = datetime(1980, 1, 1)  # zip dates run from 1980 ...
_LAST = datetime(2107, 12, 31, 23, 59, 58)  # ... to 2107


def naive_utc(moment: datetime) -> datetime:
    """``moment`` in UTC without a time zone, to the second."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def zip_time(moment: datetime) -> ZipTime:
    """``moment`` as a zip entry's ``date_time``, clamped to what zip can store."""
    moment = min(max(naive_utc(moment), _FIRST), _LAST)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def zip_entry(name: str, stamp: ZipTime) -> zipfile.ZipInfo:
    """A deflated zip entry for ``name`` dated ``stamp``, with fixed attributes, so
    the entry's header is the same on every machine."""
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0o644 << 16
    return entry


def restamp_zip(
    data: bytes,
    moment: datetime,
    *,
    rewrite: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """``data`` (a zip archive) rewritten with every entry dated ``moment``, in
    entry order, deflated; ``rewrite(name, content)`` may change an entry's bytes."""
    stamp = zip_time(moment)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if rewrite is not None:
                content = rewrite(info.filename, content)
            target.writestr(zip_entry(info.filename, stamp), content, compresslevel=6)
    return out.getvalue()
