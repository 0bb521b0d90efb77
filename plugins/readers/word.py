"""Reader for Word documents (.docx).

The package is checked before python-docx touches it (a zip at all, not a zip
bomb, no DTD or entities in any XML part); then the body is read in document
order: paragraphs and tables, headings by style, bold as a hint, and Word's
automatic list numbers computed from ``numbering.xml``.  Title and creation
date from the core properties become metadata hints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from jtreport import hookimpl
from jtreport.errors import InputError
from jtreport.formats import Reader

if TYPE_CHECKING:
    from jtreport.blocks import ReadResult


class WordReader(Reader):
    """Word .docx documents."""

    name = "docx"
    extensions = (".docx",)
    description = "Word documents (.docx), with automatic list numbering"

    def sniff(self, head: bytes) -> bool:
        """A zip whose first entries are WordprocessingML parts."""
        return head.startswith(b"PK\x03\x04") and b"word/" in head

    def read(self, data: bytes, path: str) -> ReadResult:
        """Check the package, then read its body into blocks."""
        import io

        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from jtreport.blocks import ReadResult
        from lxml import etree

        from ._archive import check_xml_parts, open_package
        from ._shared import settle_headings, word_count
        from ._wordbody import BodyReader
        from ._wordnum import Numbering
        from ._wordstyles import StyleSheet

        archive = open_package(data, path)
        with archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
                raise InputError(
                    "is a zip archive but not a Word document (it has no word/ part)", path=path
                )
            check_xml_parts(archive, path)
        try:
            document = docx.Document(io.BytesIO(data))
        except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InputError(f"is not a readable Word document ({reason})", path=path) from None
        styles = StyleSheet(_part_element(document.part, "styles"))
        numbering = Numbering(_part_element(document.part, "numbering"), styles)
        body = BodyReader(styles, numbering)
        body.container(document.element.body)
        blocks = settle_headings(body.blocks)
        if word_count(blocks) == 0:
            raise InputError("holds no text (an empty or image-only Word document)", path=path)
        return ReadResult(blocks=blocks, warnings=body.warnings(), metadata=_metadata(document))


def _part_element(part: Any, kind: str) -> Any | None:
    """The root element of the document's styles or numbering part, if it has one.

    Looked up through the relationships, never created: python-docx's own
    accessors add a default part when the document has none.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    reltype = RT.STYLES if kind == "styles" else RT.NUMBERING
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return getattr(rel.target_part, "element", None)
    return None


def _metadata(document: Any) -> dict[str, str]:
    """Title and date hints from the core properties."""
    found: dict[str, str] = {}
    try:
        props = document.core_properties
        title = (props.title or "").strip()
        created = props.created
    except (KeyError, ValueError, AttributeError):
        return found
    if title:
        found["title"] = " ".join(title.split())
    if created is not None:
        found["date"] = created.date().isoformat()
    return found


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register the Word reader."""
    register(WordReader())
