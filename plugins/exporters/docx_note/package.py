"""The document's properties, and saving it as reproducible bytes.

python-docx stamps the current time on every zip entry; the package is
rewritten with entries dated ``options.created``, so that the same input and
the same ``SOURCE_DATE_EPOCH`` give byte-identical files.  On the way the
note's content, which the body holds as placeholders, is written into the
document part (:mod:`.bodyxml`; tables row by row), straight into its zip entry.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import IO, Any

from jtreport import __version__
from jtreport.formats import ExportOptions
from jtreport.model import Statement
from jtreport.reproducible import naive_utc, zip_entry, zip_time

from .writer import Piece, placeholder

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


def save(document: Any, created: datetime, segments: Sequence[Sequence[Piece]] = ()) -> bytes:
    """The document as .docx bytes whose zip entries all carry ``created``, with
    each of ``segments`` written in place of its placeholder.

    The entries are those python-docx writes, in its order, deflated at level 6
    (as :func:`jtreport.reproducible.restamp_zip` writes them).  They are
    written once, as python-docx serialises them; should its package writer
    have changed, the package it saves is rewritten instead (the same bytes).
    """
    out = io.BytesIO()
    stamp = zip_time(created)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as target:
        sink = _Entries(target, stamp, segments)
        if not _write_package(document, sink):
            raw = io.BytesIO()
            document.save(raw)
            with zipfile.ZipFile(raw) as source:
                for info in source.infolist():
                    sink.write(info.filename, source.read(info))
    return out.getvalue()


class _Entries:
    """Where python-docx's package writer puts each part: a zip entry dated
    ``stamp``, the document part with its segments spliced in."""

    def __init__(
        self, target: zipfile.ZipFile, stamp: Any, segments: Sequence[Sequence[Piece]]
    ) -> None:
        self.target, self.stamp, self.segments = target, stamp, segments

    def write(self, name: Any, blob: bytes) -> None:
        """Add the part ``name`` (a pack URI or a member name) holding ``blob``."""
        member = getattr(name, "membername", name)
        entry = zip_entry(member, self.stamp)
        if member == DOCUMENT_PART and self.segments:
            with self.target.open(entry, "w") as stream:
                splice(blob, self.segments, stream)
        else:
            self.target.writestr(entry, blob, compresslevel=6)


def _write_package(document: Any, sink: _Entries) -> bool:
    """Serialise the package's parts into ``sink`` with python-docx's own package
    writer (what ``document.save`` does, without its zip file); False when that
    writer is not the one this was written for."""
    try:
        from docx.opc.pkgwriter import PackageWriter

        # private to python-docx, but what its save() runs: typed loosely here
        steps: tuple[Any, ...] = (
            PackageWriter._write_content_types_stream,
            PackageWriter._write_pkg_rels,
            PackageWriter._write_parts,
        )
    except (ImportError, AttributeError):
        return False
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    parts = list(package.parts)
    steps[0](sink, parts)
    steps[1](sink, package.rels)
    steps[2](sink, parts)
    return True


#: The main document part, where the placeholders are.
DOCUMENT_PART = "word/document.xml"
#: Characters of the body's XML encoded and written at a time.
_CHUNK = 1 << 18


def splice(part: bytes, segments: Sequence[Sequence[Piece]], stream: IO[bytes]) -> None:
    """Write ``part`` to ``stream`` with each segment's XML in place of its placeholder."""
    view = memoryview(part)
    position = 0
    for number, segment in enumerate(segments):
        mark = placeholder(number)
        found = part.find(mark, position)
        if found < 0:
            raise RuntimeError(f"segment {number} has no placeholder in the document")
        stream.write(view[position:found])
        _write_text(stream, _pieces(segment))
        position = found + len(mark)
    stream.write(view[position:])


def _pieces(segment: Sequence[Piece]) -> Iterator[str]:
    for piece in segment:
        if isinstance(piece, str):
            yield piece
        else:
            yield from piece.xml()


def _write_text(stream: IO[bytes], pieces: Iterable[str]) -> None:
    """Encode and write ``pieces`` a chunk at a time."""
    pending: list[str] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= _CHUNK:
            stream.write("".join(pending).encode("utf-8"))
            pending, size = [], 0
    stream.write("".join(pending).encode("utf-8"))
