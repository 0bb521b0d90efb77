"""A cache of parsed statements, so regenerating a pack skips the parser.

A desk officer regenerates the same statement's pack many times over the months;
the statement does not change, so neither does its model.  The cache keeps the
model as JSON under ``$JTREPORT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/jtreport``
or ``~/.cache/jtreport``), keyed on the input's bytes, the reader that reads them
and a fingerprint of everything that builds the model: the *content* of every
file of the jtreport package (parser, model, readers, their helpers and data
files) and of a third-party reader's module, and the installed versions of the
libraries that read and parse (:data:`LIBRARIES`).  A change to any of them
misses the cache; file times and sizes are not trusted.  Transform hooks run
after the cache, on every run.

``JTREPORT_NO_CACHE=1`` or ``--no-cache`` turns it off.  Any problem with the
cache (unwritable folder, damaged file) falls back to parsing, silently.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .formats import Reader
    from .model import Statement

#: at most this many models are kept; the oldest go first
MAX_ENTRIES = 256

#: The distributions whose code turns an input's bytes into the model.
LIBRARIES: tuple[str, ...] = (
    "msgspec",
    "pypdf",
    "cryptography",
    "python-docx",
    "lxml",
    "beautifulsoup4",
    "soupsieve",
    "defusedxml",
)


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
    """A digest of the code and libraries that build the model from ``reader``'s blocks."""
    from . import __version__

    digest = hashlib.sha256()
    for part in (__version__, type(reader).__module__, type(reader).__qualname__):
        digest.update(part.encode("utf-8") + b"\0")
    for name, version in library_versions(LIBRARIES):
        digest.update(f"{name}={version}".encode() + b"\0")
    for file in _package_file_names(reader):
        digest.update(os.path.basename(file).encode("utf-8") + b"\0")
        try:
            with open(file, "rb") as stream:
                digest.update(stream.read())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def package_files(reader: Reader) -> list[Path]:
    """Every file of the installed jtreport package (plugins included, caches
    excluded), and the module file of ``reader`` when it lives elsewhere."""
    return [Path(name) for name in _package_file_names(reader)]


def _package_file_names(reader: Reader) -> list[str]:
    """:func:`package_files` as plain strings, sorted (every run hashes them:
    strings, not :class:`~pathlib.Path` objects, keep that cheap)."""
    from importlib.util import find_spec

    roots = {os.path.dirname(os.path.realpath(__file__))}
    plugins = find_spec("jtreport.plugins")  # located, not imported: core imports no plugin
    if plugins is not None and plugins.submodule_search_locations:
        roots.update(os.path.realpath(p) for p in plugins.submodule_search_locations)
    files: set[str] = set()
    for root in roots:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [d for d in subfolders if d != "__pycache__"]
            files.update(os.path.join(folder, n) for n in names if not n.endswith((".pyc", ".pyo")))
    module = sys.modules.get(type(reader).__module__)
    if module is not None and getattr(module, "__file__", None):
        files.add(os.path.realpath(str(module.__file__)))
    return sorted(files)


def library_versions(names: tuple[str, ...]) -> list[tuple[str, str]]:
    """``(name, version)`` of each distribution in ``names`` found on ``sys.path``
    ("-" when absent), read from the ``*.dist-info`` folder names: nothing is imported."""
    wanted = {_normal(n): n for n in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in listing:
            if not folder.endswith(".dist-info"):
                continue
            name, _, version = folder[: -len(".dist-info")].partition("-")
            key = _normal(name)
            if key in wanted and key not in found:
                found[key] = version
    return [(wanted[k], found.get(k, "-")) for k in sorted(wanted)]


def _normal(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


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
    import tempfile

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
