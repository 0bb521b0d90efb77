"""Opening a workbook's package with bounded work, whatever it claims.

A workbook is a zip archive: its members can claim any size, and a small file
can inflate to gigabytes (a "zip bomb", or a single 1 GiB cell).  Before
openpyxl reads a matrix, :func:`read_package` reads the file once (at most
:data:`MAX_FILE_BYTES`), refuses a package whose members claim more than
:data:`MAX_INFLATED_BYTES` together, then inflates every member counting the
bytes that really come out, stopping at the limit: a member that lies about its
size is caught while it inflates, not after.  Only a package that passed is
handed on, from memory, so the file is read once.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from jtreport.errors import InputError

#: The largest matrix file read (a 7,800-item matrix is about 2 MiB).
MAX_FILE_BYTES = 64 * 2**20
#: The most its members may inflate to, together (that matrix: about 25 MiB).
MAX_INFLATED_BYTES = 512 * 2**20
#: The most members a package may have (a matrix has a few dozen).
MAX_MEMBERS = 10_000

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Package:
    """A workbook file's bytes, checked: every member inflates within the limits."""

    path: Path
    data: bytes
    #: the SHA-256 of ``data``: tells later whether the file changed since
    fingerprint: str

    def archive(self) -> zipfile.ZipFile:
        """The package as a zip archive, read from memory."""
        return zipfile.ZipFile(io.BytesIO(self.data))


def fingerprint(path: Path) -> str | None:
    """The SHA-256 of the file at ``path`` now, or None when it cannot be read."""
    try:
        with Path(path).open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def read_package(path: Path) -> Package:
    """Read and check the workbook at ``path``.

    Raises :class:`InputError` (one line, naming the limit) for a missing or
    special file (a FIFO or a device is never opened for reading), a file over
    :data:`MAX_FILE_BYTES`, a damaged zip, or members that inflate (or claim
    to) beyond :data:`MAX_INFLATED_BYTES`.
    """
    path = Path(path)
    data = _read_file(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(
            f"cannot be read as an Excel workbook (.xlsx): {type(exc).__name__}: {exc}",
            path=str(path),
        ) from exc
    with archive:
        check_members(archive, str(path))
    return Package(path=path, data=data, fingerprint=hashlib.sha256(data).hexdigest())


def check_members(archive: zipfile.ZipFile, path: str) -> None:
    """Inflate every member, counting what really comes out; raise
    :class:`InputError` past the limits (on the sizes claimed first, so an honest
    giant is refused before anything is inflated)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(
            f"holds {len(members):,} parts; a workbook jtreport reads has at most {MAX_MEMBERS:,}",
            path=path,
        )
    claimed = sum(m.file_size for m in members)
    if claimed > MAX_INFLATED_BYTES:
        raise InputError(_too_big(claimed), path=path)
    total = 0
    for member in members:
        try:
            with archive.open(member) as stream:
                total += count_bytes(stream, MAX_INFLATED_BYTES - total, member.file_size)
        except _TooBig:
            raise InputError(_too_big(MAX_INFLATED_BYTES + 1), path=path) from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise InputError(
                f"cannot be read as an Excel workbook (.xlsx): part {member.filename!r} is "
                f"damaged ({type(exc).__name__}: {exc})",
                path=path,
            ) from exc


def count_bytes(stream: IO[bytes], limit: int, claimed: int) -> int:
    """Read ``stream`` to its end; the number of bytes.  Raises past ``limit``,
    or past ``claimed`` (a member that inflates to more than it says it holds)."""
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > limit:
            raise _TooBig
        if total > claimed:
            raise zipfile.BadZipFile("inflates to more than its stated size")
    return total


class _TooBig(Exception):
    """Inflating went past the limit."""


def _too_big(size: int) -> str:
    return (
        f"would inflate to more than {MAX_INFLATED_BYTES // 2**20} MiB "
        f"({size / 2**20:,.0f} MiB claimed); a jtreport matrix is far smaller, "
        "so it is not read"
    )


def _read_file(path: Path) -> bytes:
    """The file's bytes, at most :data:`MAX_FILE_BYTES`; a FIFO or a device is
    refused before it is opened (opening a FIFO can wait for ever)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is not a file", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise InputError("is not a regular file (a device, a pipe or a socket)", path=str(path))
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(_file_too_big(info.st_size), path=str(path))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=str(path)) from None
    if len(data) > MAX_FILE_BYTES:  # it grew since stat()
        raise InputError(_file_too_big(len(data)), path=str(path))
    return data


def _file_too_big(size: int) -> str:
    return (
        f"is {size / 2**20:,.0f} MiB; a matrix jtreport reads is at most "
        f"{MAX_FILE_BYTES // 2**20} MiB"
    )
