"""Reading an input: from a path (or standard input) to text blocks.

Checks what every format shares (the file exists, is a file, is not empty, is
not larger than :data:`MAX_INPUT_BYTES`), then picks a reader: by content first
(a PDF named ``.txt`` is still a PDF), then by extension, then plain text.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .blocks import ReadResult
    from .formats import Reader
    from .registry import Registry

#: Inputs larger than this are refused: joint statements are kilobytes, and a
#: 100x statement is under 2 MB.
MAX_INPUT_BYTES = 50 * 1024 * 1024

STDIN = "-"


@dataclass(frozen=True)
class Loaded:
    """A read input: its blocks, the reader that read it, and its fingerprint."""

    result: ReadResult
    reader: str
    path: str
    sha256: str


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-`` for standard input), with one-line errors."""
    if path == STDIN:
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        file = Path(path)
        if not file.exists():
            raise InputError("no such file", path=path)
        if file.is_dir():
            raise InputError("is a directory, not a statement file", path=path)
        try:
            size = file.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise InputError(_too_large(size), path=path)
            data = file.read_bytes()
        except PermissionError:
            raise InputError("permission denied", path=path) from None
        except OSError as exc:
            raise InputError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_too_large(len(data)), path=path)
    if not data.strip():
        raise InputError("is empty: there is no statement to read", path=path)
    return data


def choose_reader(readers: Registry[Reader], data: bytes, path: str) -> Reader:
    """The reader for ``data``: by content, then by extension, then plain text."""
    head = data[:8192]
    for name in readers.names():
        if readers[name].sniff(head):
            return readers[name]
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    for name in readers.names():
        if suffix and suffix in readers[name].extensions:
            return readers[name]
    if "text" in readers:
        return readers["text"]
    raise InputError("no reader is installed for this kind of file", path=path)


@dataclass(frozen=True)
class Opened:
    """An input's bytes, their SHA-256 and the reader chosen for them (not yet read)."""

    data: bytes
    sha256: str
    reader: Reader
    path: str


def open_input(readers: Registry[Reader], path: str) -> Opened:
    """The bytes of ``path`` and the reader for them."""
    import hashlib

    data = read_bytes(path)
    reader = choose_reader(readers, data, path)
    return Opened(data, hashlib.sha256(data).hexdigest(), reader, path)


def read_input(readers: Registry[Reader], path: str) -> Loaded:
    """Read ``path`` with the right reader."""
    opened = open_input(readers, path)
    result = opened.reader.read(opened.data, path)
    return Loaded(result, opened.reader.name, path, opened.sha256)


def _too_large(size: int) -> str:
    return (
        f"is {size / 1048576:.1f} MiB; jtreport reads statements of at most "
        f"{MAX_INPUT_BYTES // 1048576} MiB"
    )
