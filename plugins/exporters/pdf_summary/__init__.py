"""The PDF summary exporter (``--format pdf``): two to four printable pages for
a reader in a hurry (the note's issue, recommendations and timing, the
documents signed, commitments by area and status, overdue and upcoming items,
lines to take), for the meeting table and other agencies.

The rendering lives in the submodules and is imported only when a PDF is
written, so ``jtreport --help`` never loads reportlab.  The engine (reportlab)
writes no tagged PDF; an accessible engine can replace this plugin through the
same :class:`~jtreport.formats.Exporter` interface (see ``docs/pdf.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions

if TYPE_CHECKING:
    from jtreport.model import Statement

#: The Creator property of every PDF this exporter writes; ``recognizes`` keys on it.
CREATOR_MARK = b"/Creator (jtreport "
# Our summaries are well under this; a larger file is not one of them.
_LARGEST = 64 * 1024 * 1024


class PdfExporter(Exporter):
    """A 2-4 page PDF summary of what the meeting must know and decide."""

    name = "pdf"
    extension = ".pdf"
    description = "a 2-4 page PDF summary: recommendations, documents signed, status, lines to take"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write the summary PDF."""
        from .render import render

        render(statement, stream, options)

    def recognizes(self, path: Path) -> bool:
        """A PDF whose Creator property says jtreport wrote it."""
        try:
            if path.stat().st_size > _LARGEST:
                return False
            with path.open("rb") as handle:
                data = handle.read()
        except OSError:
            return False
        # the information dictionary is written uncompressed, wherever it lands
        return data.startswith(b"%PDF-") and CREATOR_MARK in data


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the PDF exporter."""
    register(PdfExporter())
