"""Running an exporter safely: write to a temporary file beside the target, then
rename it into place, so a failure never leaves a half-written file and never
replaces a file the exporter does not recognise as its own (unless forced)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import replace
from pathlib import Path

from .errors import ExportError, JtreportError
from .formats import Exporter, ExportOptions
from .model import Statement


def export_to_path(exporter: Exporter, statement: Statement, options: ExportOptions) -> Path:
    """Export ``statement`` to ``options.destination`` atomically; return the path.

    Raises :class:`ExportError` when the destination holds a file the exporter
    does not recognise (and ``options.force`` is off) or when the exporter fails.
    """
    target = options.destination
    if target.is_dir():
        raise ExportError("is a directory; cannot write a report over it", path=str(target))
    previous: Path | None = None
    if target.exists():
        if not options.force and not exporter.recognizes(target):
            raise ExportError(
                f"exists and was not written by jtreport's {exporter.name} exporter; "
                "not overwriting it (use --force to replace it)",
                path=str(target),
            )
        previous = target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            exporter.export(statement, stream, replace(options, previous=previous))
        if previous is not None:
            with contextlib.suppress(OSError):
                os.chmod(temp, previous.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except JtreportError:
        temp.unlink(missing_ok=True)
        raise
    except Exception as exc:
        temp.unlink(missing_ok=True)
        raise ExportError(
            f"the {exporter.name} exporter failed: {type(exc).__name__}: {exc}",
            path=str(target),
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
