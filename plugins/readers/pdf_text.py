"""Reader for PDF statements (.pdf), with pypdf.

Text comes out in reading order for one-column documents; running headers,
footers and page numbers are dropped, words hyphenated at line ends are made
whole, and paragraphs are rebuilt, also across page breaks.  An encrypted PDF
is opened with the empty password when it has one (most "protected" PDFs do);
a PDF without a text layer (a scan) is refused with advice to run OCR, never
read as an empty statement.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from jtreport import hookimpl
from jtreport.errors import InputError
from jtreport.formats import Reader

if TYPE_CHECKING:
    from jtreport.blocks import ReadResult

NO_TEXT = (
    "has no text layer (a scanned document?); run OCR on it first, e.g. ocrmypdf, then try again"
)


class PdfReader(Reader):
    """PDF documents with a text layer."""

    name = "pdf"
    extensions = (".pdf",)
    description = "PDF statements with a text layer (one column)"

    def sniff(self, head: bytes) -> bool:
        """The PDF signature near the start (some writers put junk before it)."""
        return b"%PDF-" in head[:1024]

    def read(self, data: bytes, path: str) -> ReadResult:
        """Extract positioned lines, then rebuild the statement's paragraphs."""
        from jtreport.blocks import ReadResult

        from ._pdflayout import pages_to_blocks
        from ._pdfpages import read_pages
        from ._shared import word_count

        if not self.sniff(data[:1024]):
            raise InputError(
                "is not a PDF (it lacks the %PDF- signature); is it another kind of file?",
                path=path,
            )
        extracted = read_pages(data, path)
        pages, warnings = extracted.pages, extracted.notes
        if not any(page.lines for page in pages):
            raise InputError(NO_TEXT, path=path)
        blocks = pages_to_blocks(pages, warnings)
        if word_count(blocks) < 5:
            raise InputError(NO_TEXT, path=path)
        blank = [page.number for page in pages if not page.lines]
        if blank:
            numbers = ", ".join(str(n) for n in blank)
            warnings.append(
                f"page(s) {numbers} have no text layer (scanned?); their text is missing: "
                "run OCR on the PDF (e.g. ocrmypdf) to read them"
            )
        metadata = {"title": extracted.title} if extracted.title else {}
        return ReadResult(blocks=blocks, warnings=warnings, metadata=metadata)


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register the PDF reader."""
    register(PdfReader())
