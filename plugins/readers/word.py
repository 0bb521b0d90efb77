"""Reader for Word documents (.docx).

The package is opened with the standard library (a zip at all, not a zip
bomb, each part's real size checked while it is inflated, no DTD or entities
in the parts read); then the body is read in document order: paragraphs and
tables, headings by style, bold as a hint, and Word's automatic list numbers
computed from ``numbering.xml``.  Title and creation date from the core
properties become metadata hints.  Headers, footers, footnotes and comments
are not the statement and are not read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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
        from jtreport.blocks import ReadResult

        from ._shared import (
            attach_descriptions,
            settle_headings,
            unmarked_headings_note,
            word_count,
        )
        from ._wordbody import BodyReader
        from ._wordnum import Numbering
        from ._wordpackage import core_metadata, open_word_package
        from ._wordstyles import StyleSheet, W

        package = open_word_package(data, path)
        styles = StyleSheet(package.styles)
        numbering = Numbering(package.numbering, styles)
        body = BodyReader(styles, numbering)
        element = package.document.find(W + "body")
        if element is not None:
            body.container(element)
        blocks = attach_descriptions(settle_headings(body.blocks), body.subtitles)
        if word_count(blocks) == 0:
            raise InputError("holds no text (an empty or image-only Word document)", path=path)
        warnings = [*body.warnings(), *unmarked_headings_note(blocks, "heading styles")]
        return ReadResult(blocks=blocks, warnings=warnings, metadata=core_metadata(package.core))


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register the Word reader."""
    register(WordReader())
