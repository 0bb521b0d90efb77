"""Reading an input: from a path (or standard input) to text blocks.

Checks what every format shares (the file exists, is a regular file, is not
empty, is not larger than :data:`MAX_INPUT_BYTES`, reading no more than that),
then picks a reader: by content first (a PDF named ``.txt`` is still a PDF),
then by extension, then plain text.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from .errors import InputError

if TYPE_CHECKING:
    from .blocks import ReadResult
    from .formats import Reader
    from .pluginmanager import Registry

#: Inputs larger than this are refused: joint statements are kilobytes, and a
#: 100x statement is under 2 MB.
MAX_INPUT_BYTES = 50 * 1024 * 1024

STDIN = "-"


class Loaded(msgspec.Struct, frozen=True):
    """A read input: its blocks, the reader that read it, and its fingerprint."""

    result: ReadResult
    reader: str
    path: str
    sha256: str


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-`` for standard input), with one-line errors.

    At most :data:`MAX_INPUT_BYTES` (plus one, to tell that there is more) are
    ever read, whatever the file claims to hold: ``st_size`` is 0 for
    ``/dev/zero`` and a pipe.  Only regular files are read by name; a FIFO,
    device or socket is refused without blocking (pipe it to standard input
    instead).
    """
    data = _read_at_most(None) if path == STDIN else _read_file(path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"holds more than {MAX_INPUT_BYTES // 1048576} MiB; jtreport reads statements of "
            f"at most {MAX_INPUT_BYTES // 1048576} MiB",
            path=path,
        )
    if not data.strip():
        raise InputError("is empty: there is no statement to read", path=path)
    return data


def _read_file(path: str) -> bytes:
    """Open ``path`` without blocking on a FIFO, check it is a regular file, read it."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a statement file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(_not_regular(mode), path=path)
        size = os.fstat(fd).st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(_too_large(size), path=path)
        _blocking(fd)
        return _read_at_most(fd)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    finally:
        os.close(fd)


def _blocking(fd: int) -> None:
    """Clear ``O_NONBLOCK`` again (a file on a network share may honour it)."""
    with contextlib.suppress(AttributeError, OSError):
        os.set_blocking(fd, True)


def _read_at_most(fd: int | None) -> bytes:
    """Up to ``MAX_INPUT_BYTES + 1`` bytes from ``fd`` (None: ``sys.stdin``)."""
    limit = MAX_INPUT_BYTES + 1
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        want = min(1 << 20, limit - total)
        chunk = os.read(fd, want) if fd is not None else sys.stdin.buffer.read(want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a statement file"
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a regular file"
    return f"is {kind}, not a statement file; to read from it, pipe it to standard input (-)"


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


class Opened(msgspec.Struct, frozen=True):
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
