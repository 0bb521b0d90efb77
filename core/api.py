"""jtreport from Python: read and parse a statement, run the transform plugins,
and export it to any installed format through the plugin host, as the command
does.  Documented in ``docs/api.md``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import FORCE_HINT, ExportError, InputError, PluginStopped
from .isolation import guarded
from .model import Source, Statement
from .packagedata import package_data
from .pluginmanager import PluginHost
from .reading import open_input

if TYPE_CHECKING:
    from .exporting import Written
    from .followup import FollowUp

__all__ = [
    "bundled_statement",
    "default_host",
    "export",
    "parse_bundled",
    "parse_file",
    "parse_text",
    "read_followup",
    "transform",
]

_default_host: PluginHost | None = None


def default_host() -> PluginHost:
    """The plugin host library calls share: plugins are found and reported once."""
    global _default_host
    if _default_host is None:
        _default_host = PluginHost()
    return _default_host


def bundled_statement() -> Path:
    """The path of the bundled Japan–Tajikistan statement inside the package."""
    return package_data("jtreport.samples", "japan-tajikistan-2025.txt")


def parse_bundled(*, host: PluginHost | None = None) -> Statement:
    """The bundled Japan–Tajikistan statement, parsed."""
    return parse_file(bundled_statement(), host=host)


def parse_file(
    path: str | Path, *, host: PluginHost | None = None, cache: bool = True
) -> Statement:
    """Read ``path`` with the installed readers and parse it into the model.

    With ``cache`` (and unless ``JTREPORT_NO_CACHE`` is set) a model parsed before
    from the same bytes by the same code is reused (see :mod:`jtreport.modelcache`).
    Raises :class:`jtreport.errors.InputError` for input that cannot be read.
    Transform hooks are *not* run here: see :func:`transform`.
    """
    from . import modelcache

    host = host or default_host()
    name = str(path)
    opened = open_input(host.readers, name)
    folder = modelcache.cache_dir() if cache else None
    key = modelcache.cache_key(opened.sha256, opened.reader) if folder else ""
    if folder is not None:
        cached = modelcache.load(folder, key, name)
        if cached is not None:
            return cached
    from .parser import parse_blocks

    source = Source(path=name, format=opened.reader.name, sha256=opened.sha256)
    try:
        blocks = guarded(host.timeout, opened.reader.read, opened.data, name)
    except PluginStopped as exc:
        raise InputError(f"the {opened.reader.name} reader {exc.message}", path=name) from exc
    statement = parse_blocks(blocks, source=source)
    if folder is not None:
        modelcache.save(folder, key, statement)
    return statement


def parse_text(text: str, *, path: str | None = None, host: PluginHost | None = None) -> Statement:
    """Parse a statement given as text (plain or Markdown) with the host's
    ``text`` reader; ``path`` only names it in the model and in messages."""
    import hashlib

    from .parser import parse_blocks

    readers = (host or default_host()).readers
    if "text" not in readers:
        raise InputError("no reader named 'text' is installed (is it disabled?)", path=path)
    data = text.encode("utf-8")
    source = Source(path=path, format="text", sha256=hashlib.sha256(data).hexdigest())
    return parse_blocks(readers["text"].read(data, path or "<text>"), source=source)


def transform(statement: Statement, *, host: PluginHost | None = None) -> Statement:
    """``statement`` after every installed ``transform_statement`` plugin, as the
    command runs them between parsing and exporting."""
    return (host or default_host()).transform(statement)


def export(
    statement: Statement,
    fmt: str,
    destination: str | Path,
    *,
    host: PluginHost | None = None,
    created: datetime | None = None,
    as_of: date | None = None,
    meeting_date: date | None = None,
    followup: Mapping[str, FollowUp] | None = None,
    extra: Mapping[str, str] | None = None,
    force: bool = False,
    template: Path | None = None,
    font: Path | None = None,
    classification: str = "OFFICIAL",
    meeting: str | None = None,
    author: str | None = None,
    language: str = "en",
) -> Written:
    """Export ``statement`` to ``destination`` in the installed format ``fmt``,
    through the plugin host, as the command does: atomically, never over a file
    the exporter does not recognise unless ``force`` (the refusal then says to
    pass ``force=True``).  The officer's corrections
    in ``followup`` (category, commitment, actors) are put on the statement first
    (:func:`jtreport.followup.apply_corrections`), as the command does.

    The keywords are :class:`jtreport.formats.ExportOptions`' fields; ``created``
    defaults to now (``SOURCE_DATE_EPOCH`` when set), ``as_of`` to its day.
    Raises :class:`~jtreport.errors.OptionError` for an ``extra`` option the
    format does not take, :class:`~jtreport.errors.ExportError` for a format that
    is not installed or an export that fails.
    """
    from .exporting import check_extra, export_file
    from .followup import apply_corrections
    from .formats import ExportOptions, utc
    from .runner import created_time

    host = host or default_host()
    if fmt not in host.exporters:
        why = host.unavailable(fmt) or f"no format {fmt!r} is installed"
        raise ExportError(why, path=str(destination))
    exporter = host.exporters[fmt]
    check_extra([exporter], extra or {})
    created = utc(created or created_time())
    options = ExportOptions(
        destination=Path(destination),
        followup=followup,
        template=template,
        font=font,
        classification=classification,
        meeting=meeting,
        meeting_date=meeting_date,
        author=author,
        language=language,
        created=created,
        as_of=as_of or created.date(),
        force=force,
        extra=dict(extra or {}),
    )
    if followup:
        statement = apply_corrections(statement, followup)
    try:
        return export_file(exporter, statement, options, timeout=host.timeout)
    except ExportError as exc:
        if FORCE_HINT not in exc.message:
            raise
        # the command's advice, in the caller's terms
        message = exc.message.replace(FORCE_HINT, "(pass force=True to replace it)")
        raise type(exc)(message, path=exc.path) from exc


def read_followup(
    path: str | Path,
    statement: Statement,
    *,
    host: PluginHost | None = None,
    warnings: list[str] | None = None,
) -> dict[str, FollowUp]:
    """The follow-up records typed in the filled file at ``path`` (the matrix),
    by the item IDs of ``statement``, as ``--status`` reads them: asked of the
    installed exporter that recognises the file
    (:meth:`jtreport.formats.Exporter.read_followup`).  Notes for the user (a
    record that moved to another item) are appended to ``warnings`` when given.
    Raises :class:`~jtreport.errors.InputError` for a file no exporter can read
    statuses from, or one that cannot be read."""
    from .runner import read_followup_file

    notes = warnings if warnings is not None else []
    return dict(read_followup_file(Path(path), statement, host or default_host(), notes))
