"""Finding the parts of a .docx the Word reader needs, without python-docx: the
package relationships lead to the main document and the core properties, the
document's relationships to its styles and numbering.  Each part is inflated
with its real size checked (:func:`._archive.read_part`) and parsed with DTDs
forbidden; parts the reader does not need (headers, footers, pictures,
settings) are never unpacked.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from jtreport.errors import InputError

from ._archive import open_package, parse_xml, read_part
from ._wordstyles import W

_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
#: the main document of a package that has no package relationships
DEFAULT_MAIN = "word/document.xml"


@dataclass(frozen=True)
class WordPackage:
    """The root elements of the parts the reader uses (None: the part is absent)."""

    document: Any
    styles: Any | None
    numbering: Any | None
    core: Any | None


class _Parts:
    """The entries of an archive by part name (OPC part names ignore case)."""

    def __init__(self, archive: zipfile.ZipFile, path: str) -> None:
        self.archive = archive
        self.path = path
        self.by_name = {info.filename.lower(): info for info in archive.infolist()}

    def has(self, name: str) -> bool:
        return name.lower() in self.by_name

    def xml(self, name: str) -> Any | None:
        """The parsed part ``name``, or None when the package lacks it."""
        info = self.by_name.get(name.lower())
        if info is None:
            return None
        return parse_xml(read_part(self.archive, info, self.path), info.filename, self.path)

    def targets(self, source: str) -> dict[str, str]:
        """The internal relationships of part ``source`` (``""``: the package),
        as relationship type (its last path segment, e.g. ``styles``) -> part name."""
        folder, base = posixpath.split(source)
        rels = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        found: dict[str, str] = {}
        if rels is None:
            return found
        for rel in rels.iter(_RELS + "Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if not kind or not target or (rel.get("TargetMode") or "").lower() == "external":
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found.setdefault(kind, posixpath.normpath(name).lstrip("/"))
        return found


def open_word_package(data: bytes, path: str) -> WordPackage:
    """The document, styles, numbering and core properties of a .docx; one-line
    errors for anything that is not a readable Word document."""
    with open_package(data, path) as archive:
        parts = _Parts(archive, path)
        if not parts.has("[Content_Types].xml") or not any(
            name.startswith("word/") for name in parts.by_name
        ):
            raise InputError(
                "is a zip archive but not a Word document (it has no word/ part)", path=path
            )
        package = parts.targets("")
        main = package.get("officeDocument", DEFAULT_MAIN)
        document = parts.xml(main)
        if document is None or document.tag != W + "document":
            raise InputError(
                f"is not a readable Word document (its main part {main} is not a Word body)",
                path=path,
            )
        related = parts.targets(main)
        styles = parts.xml(related["styles"]) if "styles" in related else None
        numbering = parts.xml(related["numbering"]) if "numbering" in related else None
        core_name = package.get("core-properties")
        core = parts.xml(core_name) if core_name else None
    return WordPackage(document=document, styles=styles, numbering=numbering, core=core)


def core_metadata(core: Any | None) -> dict[str, str]:
    """Title and creation-date hints from the core properties part."""
    found: dict[str, str] = {}
    if core is None:
        return found
    title = core.find(_DC + "title")
    if title is not None and title.text and title.text.strip():
        found["title"] = " ".join(title.text.split())[:500]
    created = core.find(_DCTERMS + "created")
    match = _ISO_DATE.match(created.text or "") if created is not None else None
    if match:
        found["date"] = match.group(1)
    return found
