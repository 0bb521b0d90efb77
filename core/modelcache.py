"""A cache of parsed statements, so regenerating a pack skips the parser.

A desk officer regenerates the same statement's pack many times over the months;
the statement does not change, so neither does its model.  The cache keeps the
model as JSON under ``$JTREPORT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/jtreport``
or ``~/.cache/jtreport``), keyed on the input's bytes, the reader that reads them
and a fingerprint of the code that builds the model (jtreport's version and the
size and time of every parser, model and reader module), so a change to any of
them misses the cache.  Transform hooks run after the cache, on every run.

``JTREPORT_NO_CACHE=1`` or ``--no-cache`` turns it off.  Any problem with the
cache (unwritable folder, damaged file) falls back to parsing, silently.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .formats import Reader
    from .model import Statement

#: at most this many models are kept; the oldest go first
MAX_ENTRIES = 256


def cache_dir() -> Path | None:
    """Where models are kept, or None when the cache is off."""
    if os.environ.get("JTREPORT_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("JTREPORT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jtreport"


def _code_fingerprint(reader: Reader) -> str:
    from . import __version__

    here = Path(__file__).resolve().parent
    files = [here / "model.py", here / "blocks.py", *sorted((here / "parser").glob("*.py"))]
    module = sys.modules.get(type(reader).__module__)
    if module is not None and getattr(module, "__file__", None):
        files.append(Path(str(module.__file__)))
    parts = [__version__, type(reader).__module__, type(reader).__qualname__]
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue
        parts.append(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def cache_key(data_sha256: str, reader: Reader) -> str:
    """The key of a statement's model: its bytes, its reader, the parser's code."""
    text = f"{data_sha256}|{reader.name}|{_code_fingerprint(reader)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(folder: Path, key: str, path: str) -> Statement | None:
    """The cached model for ``key`` with its source path set to ``path``, or None."""
    file = folder / f"{key}.json"
    try:
        data = file.read_bytes()
    except OSError:
        return None
    import msgspec

    from .model import Source
    from .model import load as load_model

    try:
        statement = load_model(data)
    except (ValueError, msgspec.DecodeError):
        return None
    if statement.source is not None:
        source = Source(path=path, format=statement.source.format, sha256=statement.source.sha256)
        statement = msgspec.structs.replace(statement, source=source)
    return statement


def save(folder: Path, key: str, statement: Statement) -> None:
    """Keep ``statement`` under ``key`` (written atomically; errors are ignored)."""
    from .model import dump

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".model-", suffix=".tmp")
        with os.fdopen(fd, "wb") as stream:
            stream.write(dump(statement, indent=0))
        os.replace(temp, folder / f"{key}.json")
        _prune(folder)
    except OSError:
        return


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[: max(0, len(entries) - MAX_ENTRIES)]:
        old.unlink(missing_ok=True)
