"""Running an exporter safely: write to a temporary file beside the target, then
rename it into place, so a failure never leaves a half-written file and never
replaces a file the exporter does not recognise as its own (unless forced).

Temporary files are named ``.NAME.XXXXXXXX.tmp`` and locked while written; one
that a killed run left behind (unlocked, over a minute old, of the same output
ending) is removed by the next export into that folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from .errors import (
    FORCE_HINT,
    ExportError,
    JtreportError,
    NothingToExport,
    OptionError,
    PluginStopped,
)
from .formats import Exporter, ExportOptions
from .isolation import describe, guarded
from .model import Statement

#: the longest file name (in bytes) most file systems take
NAME_MAX = 255
#: a temporary file older than this, and unlocked, is a killed run's leftover
STALE_SECONDS = 60
_RANDOM = 8  # the length of tempfile's random part


@dataclass(frozen=True)
class Written:
    """What exporting one file did."""

    path: Path
    #: what the file holds, in the exporter's words, or None (the model's figures)
    figures: str | None = None
    #: why nothing was written (the exporter had nothing to write), or None
    skipped: str | None = None


def export_to_path(exporter: Exporter, statement: Statement, options: ExportOptions) -> Path:
    """Export ``statement`` to ``options.destination`` atomically; return the path
    (see :func:`export_file`)."""
    return export_file(exporter, statement, options).path


def export_file(
    exporter: Exporter,
    statement: Statement,
    options: ExportOptions,
    *,
    timeout: float | None = None,
) -> Written:
    """Export ``statement`` to ``options.destination`` through a temporary file.

    Raises :class:`ExportError` when the destination holds a file the exporter
    does not recognise (and ``options.force`` is off) or when the exporter fails,
    calls ``sys.exit`` or overruns ``timeout`` seconds; the destination is then
    untouched.
    """
    target = options.destination
    if target.is_dir():
        raise ExportError("is a directory; cannot write a report over it", path=str(target))
    try:
        previous = target if target.exists() else None
        if previous and not options.force and not guarded(timeout, exporter.recognizes, target):
            raise ExportError(
                f"exists and was not written by jtreport's {exporter.name} exporter; "
                f"not overwriting it {FORCE_HINT}",
                path=str(target),
            )
        with _temporary(target, exporter.extension) as (temp, stream):
            options = replace(options, previous=previous)
            figures = guarded(timeout, exporter.export, statement, stream, options)
            stream.flush()
            mode = previous.stat().st_mode & 0o777 if previous else 0o666 & ~_umask()
            with contextlib.suppress(OSError):
                os.chmod(temp, mode)
            if os.name == "nt":  # Windows cannot rename an open file
                stream.close()
            os.replace(temp, target)
    except NothingToExport as exc:
        return Written(target, skipped=exc.message)
    except PluginStopped as exc:
        raise ExportError(f"the {exporter.name} exporter {exc.message}", path=str(target)) from exc
    except JtreportError:
        raise
    except Exception as exc:
        raise ExportError(
            f"the {exporter.name} exporter failed: {describe(exc)}", path=str(target)
        ) from exc
    return Written(target, figures if isinstance(figures, str) else None)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with _temporary(path, path.suffix) as (temp, stream):
        stream.write(data)
        stream.close()
        os.replace(temp, path)


def check_extra(exporters: Iterable[Exporter], extra: Mapping[str, str]) -> None:
    """Raise :class:`OptionError` for a ``-O`` key none of ``exporters`` declares,
    or a value the exporters that declare it refuse."""
    exporters = list(exporters)
    for key, value in extra.items():
        takers = [e for e in exporters if any(o.key == key for o in e.extra_options)]
        if not takers:
            offered = sorted({f"{o.key} ({e.name})" for e in exporters for o in e.extra_options})
            raise OptionError(
                f"-O {key}={value}: no chosen format takes the option {key!r} "
                f"(they take: {', '.join(offered) or 'no -O options'})"
            )
        for exporter in takers:
            problem = exporter.check_extra(key, value)
            if problem:
                raise OptionError(f"{problem} (the {exporter.name} format)")


@contextlib.contextmanager
def _temporary(target: Path, extension: str) -> Iterator[tuple[Path, BinaryIO]]:
    """A locked temporary file beside ``target``, removed unless renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if extension:
        remove_stale_temporaries(target.parent, extension)
    fd, name = tempfile.mkstemp(prefix=_prefix(target), suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as stream:
            _lock(stream.fileno(), wait=True)
            yield temp, stream
    finally:
        temp.unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path, extension: str) -> list[Path]:
    """Remove the temporary files killed runs left in ``folder`` for outputs
    ending in ``extension``: only jtreport's own names, only regular files of
    this user, over :data:`STALE_SECONDS` old and locked by no running export."""
    pattern = re.compile(rf"\..+{re.escape(extension)}\.[a-z0-9_]{{{_RANDOM}}}\.tmp", re.S)
    removed: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and pattern.fullmatch(entry.name)):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
                if not (entry.is_file(follow_symlinks=False) and mine):
                    continue
                if time.time() - info.st_mtime < STALE_SECONDS:
                    continue
                flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                fd = os.open(entry.path, flags)
                try:
                    if _lock(fd, wait=False):
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
                finally:
                    os.close(fd)
    return removed


def _prefix(target: Path) -> str:
    """``.NAME.``, the stem shortened so that the temporary name fits NAME_MAX."""
    stem, suffix = target.stem, target.suffix
    room = NAME_MAX - len(".") - len(".") - _RANDOM - len(".tmp")
    while stem and len(os.fsencode(stem + suffix)) > room:
        stem = stem[:-1]
    return f".{stem}{suffix}."


def _lock(fd: int, *, wait: bool) -> bool:
    """Lock ``fd`` for this process; False when another process holds it.
    Without ``fcntl`` (Windows) every file counts as unlocked."""
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
