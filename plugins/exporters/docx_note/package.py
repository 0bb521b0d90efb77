"""The document's properties, and saving it as reproducible bytes.

python-docx stamps the current time on every zip entry; the package is
rewritten with entries dated ``options.created``, so that the same input and
the same ``SOURCE_DATE_EPOCH`` give byte-identical files.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import Any

from jtreport import __version__
from jtreport.formats import ExportOptions
from jtreport.model import Statement

#: marks a file as written by this exporter (``dc:identifier`` in the core properties)
IDENTIFIER = "jtreport:docx-briefing-note"
DEFAULT_AUTHOR = "jtreport"


def set_properties(
    document: Any, statement: Statement, options: ExportOptions, meeting: str
) -> None:
    """Title, subject, keywords, author, language and dates; nothing from the
    template's own properties survives except what is not listed here."""
    props = document.core_properties
    title = statement.title.strip()
    props.title = fit(f"Briefing note: {title}" if title else "Briefing note")
    props.subject = fit(meeting)
    words = ["joint statement", "briefing note", *(p.short_name for p in statement.parties)]
    words += [a.heading for a in statement.areas]
    props.keywords = fit_list(list(dict.fromkeys(w for w in words if w)))
    props.author = fit(options.author or DEFAULT_AUTHOR)
    props.last_modified_by = fit(options.author or DEFAULT_AUTHOR)
    props.language = fit(options.language)
    props.category = "Briefing note"
    props.content_status = fit(options.classification.strip())
    props.identifier = IDENTIFIER
    props.version = __version__
    source = statement.source
    origin = f" from a {source.format} file (SHA-256 {source.sha256})" if source else ""
    props.comments = f"Written by jtreport {__version__}{origin}."
    props.revision = 1
    stamp = _naive(options.created)
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


#: Word (and python-docx) keep core properties to 255 characters.
PROPERTY_LIMIT = 255


def fit(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """``text`` cut at a word boundary to fit a core property, marked with "…"."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def fit_list(words: list[str], limit: int = PROPERTY_LIMIT) -> str:
    """As many whole keywords as fit, joined with "; "."""
    kept: list[str] = []
    for word in words:
        if len("; ".join([*kept, word])) > limit:
            break
        kept.append(word)
    return "; ".join(kept)


def save(document: Any, created: datetime) -> bytes:
    """The document as .docx bytes whose zip entries all carry ``created``."""
    raw = io.BytesIO()
    document.save(raw)
    return fix_zip_times(raw.getvalue(), created)


def fix_zip_times(data: bytes, created: datetime) -> bytes:
    """Rewrite a zip package with every entry dated ``created`` (in entry order)."""
    stamp = _zip_time(created)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info))
    return out.getvalue()


def _naive(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    # zip dates run from 1980 to 2107
    moment = min(max(_naive(moment), datetime(1980, 1, 1)), datetime(2107, 12, 31, 23, 59, 58))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
