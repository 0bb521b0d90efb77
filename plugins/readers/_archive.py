"""Reading an Office Open XML package (a .docx is a zip of XML parts) safely:
that it is a zip at all, that it is not a zip bomb by what it declares, that
no part unpacks to more than it declares (checked while inflating, so a lying
entry costs at most one read chunk), and that no XML part declares a DTD or
entities.

Limits are far above any real statement (a 40-page .docx with pictures is a
few MB unpacked) and far below what would exhaust memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from jtreport.errors import InputError

#: the most bytes all entries may declare, unpacked
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: the most entries (parts) a package may hold
MAX_ENTRIES = 5000
#: an entry this large may not be packed more tightly than MAX_RATIO
RATIO_CHECK_FROM = 5 * 1024 * 1024
MAX_RATIO = 200
#: XML parts larger than this are refused as too large to read (a 400-page
#: statement's document.xml is a few MB; its pictures are other parts)
MAX_XML_PART_BYTES = 32 * 1024 * 1024
#: how much one step of inflating may produce
READ_CHUNK = 64 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_package(data: bytes, path: str, *, kind: str = "Word document") -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking its size claims; one-line errors."""
    if data.startswith(OLE2_MAGIC):
        raise InputError(
            f"is a password-protected or old-style (.doc) {kind}, not a .docx; "
            "open it in Word and save it as an unprotected .docx",
            path=path,
        )
    if not data.startswith(b"PK"):
        raise InputError(f"is not a {kind} (not a zip archive)", path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"is not a {kind} (a damaged zip archive: {exc})", path=path) from None
    check_bomb(entries, path)
    return archive


def check_bomb(entries: list[zipfile.ZipInfo], path: str) -> None:
    """Refuse archives whose declared sizes would unpack to something huge.

    What an entry declares may be a lie; :func:`read_part` checks the real
    size while inflating.
    """
    if len(entries) > MAX_ENTRIES:
        raise InputError(
            f"looks like a zip bomb ({len(entries)} entries; a Word document has a few dozen)",
            path=path,
        )
    total = 0
    for info in entries:
        total += info.file_size
        packed = max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_FROM and info.file_size / packed > MAX_RATIO:
            raise InputError(
                f"looks like a zip bomb ({info.filename} unpacks {info.file_size // packed}"
                f" times larger than it is stored); refusing to open it",
                path=path,
            )
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            f"looks like a zip bomb (it would unpack to {total / 1048576:.0f} MiB; "
            f"the limit is {MAX_UNPACKED_BYTES // 1048576} MiB)",
            path=path,
        )


def read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> bytes:
    """The unpacked bytes of one entry, inflated a chunk at a time.

    :mod:`zipfile` trims what it returns to the declared size, but asked for a
    whole entry it inflates up to 2 GiB in one step first: an entry that
    declares a few bytes and inflates to gigabytes would fail its CRC check
    only then.  Read in small chunks it fails after one.
    """
    if info.file_size > MAX_XML_PART_BYTES:
        raise InputError(f"has a part too large to read ({info.filename})", path=path)
    chunks: list[bytes] = []
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(READ_CHUNK):
                chunks.append(chunk)
    except zipfile.BadZipFile as exc:
        # zipfile stops at the declared size; an entry that holds more fails its CRC
        raise InputError(
            f"is a damaged zip archive ({info.filename} does not unpack to what it declares: "
            f"{_first_line(exc)})",
            path=path,
        ) from None
    except (zlib.error, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise InputError(
            f"is a damaged zip archive ({info.filename}: {_first_line(exc)})", path=path
        ) from None
    return b"".join(chunks)


def parse_xml(data: bytes, name: str, path: str) -> Any:
    """The root element of one XML part, parsed with DTDs and entities forbidden.

    Office never writes a DOCTYPE; one in a package is an attempt at entity
    expansion ("billion laughs") or at reading local files (external entities).
    """
    import defusedxml
    from defusedxml import ElementTree

    try:
        return ElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise InputError(
            f"declares a DTD or XML entities in {name} (Word never does; possibly "
            "an entity-expansion or external-entity attack); refusing to read it",
            path=path,
        ) from None
    except ElementTree.ParseError as exc:
        raise InputError(f"has a damaged XML part {name} ({exc})", path=path) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else type(exc).__name__
