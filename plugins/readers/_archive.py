"""Checks on an Office Open XML package (a .docx is a zip of XML parts) made
before any XML library reads it: that it is a zip at all, that it is not a zip
bomb, and that no XML part declares a DTD or entities.

Limits are far above any real statement (a 40-page .docx with pictures is a
few MB unpacked) and far below what would exhaust memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

from jtreport.errors import InputError

#: the most bytes all entries may declare, unpacked
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: the most entries (parts) a package may hold
MAX_ENTRIES = 5000
#: an entry this large may not be packed more tightly than MAX_RATIO
RATIO_CHECK_FROM = 5 * 1024 * 1024
MAX_RATIO = 200
#: XML parts larger than this are not scanned for a DTD (they are refused as too large)
MAX_XML_PART_BYTES = 64 * 1024 * 1024

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

    The declared sizes bound what :mod:`zipfile` will ever return for an entry
    (it stops at ``file_size`` and fails the CRC check on a lie), so checking
    them is enough.
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


def xml_parts(archive: zipfile.ZipFile) -> Iterator[zipfile.ZipInfo]:
    """The entries of ``archive`` that hold XML."""
    for info in archive.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            yield info


def check_xml_parts(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse a package any XML part of which declares a DTD or entities.

    Office never writes a DOCTYPE; one in a package is an attempt at entity
    expansion ("billion laughs") or at reading local files (external entities).
    defusedxml parses each part with DTDs forbidden, whatever its encoding.
    """
    import defusedxml
    from defusedxml import ElementTree

    for info in xml_parts(archive):
        if info.file_size > MAX_XML_PART_BYTES:
            raise InputError(f"has an XML part too large to read ({info.filename})", path=path)
        try:
            ElementTree.fromstring(archive.read(info), forbid_dtd=True)
        except defusedxml.DefusedXmlException:
            raise InputError(
                f"declares a DTD or XML entities in {info.filename} (Word never does; possibly "
                "an entity-expansion or external-entity attack); refusing to read it",
                path=path,
            ) from None
        except ElementTree.ParseError as exc:
            raise InputError(f"has a damaged XML part {info.filename} ({exc})", path=path) from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            raise InputError(
                f"is a damaged zip archive ({info.filename}: {exc})", path=path
            ) from None
