"""The document's properties, and saving it as reproducible bytes.

python-docx stamps the current time on every zip entry; the package is
rewritten with entries dated ``options.created``, so that the same input and
the same ``SOURCE_DATE_EPOCH`` give byte-identical files.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from jtreport import __version__
from jtreport.formats import ExportOptions
from jtreport.model import Statement
from jtreport.reproducible import naive_utc, restamp_zip

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
    stamp = naive_utc(options.created)
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
    return restamp_zip(raw.getvalue(), created)
