"""Exporter for the implementation matrix (``--format xlsx``).

The workbook a ministry tracks the statement's follow-up in: a Summary sheet,
one sheet per area, an "All items" table, and the columns the ministry fills
(lead agency, status, next step, due date...).  Regenerating over an existing
matrix keeps every value typed in it (see :mod:`.merge`).  openpyxl is imported
only when a matrix is written or read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions, ExtraOption

from .pages import PAPER_SIZES

if TYPE_CHECKING:
    from jtreport.model import Statement


class XlsxExporter(Exporter):
    """The Excel implementation matrix, one row per statement item."""

    name = "xlsx"
    extension = ".xlsx"
    description = "Excel implementation matrix: one row per item, status drop-downs"
    extra_options = (
        ExtraOption("paper", "the paper the matrix is printed on (default a4)", tuple(PAPER_SIZES)),
    )

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write the matrix, carrying over the values typed in ``options.previous``."""
        from .workbook import build_matrix

        build_matrix(statement, stream, options)

    def recognizes(self, path: Path) -> bool:
        """True when ``path`` holds a matrix written by this exporter (it has the
        hidden ``_jtreport`` marker sheet); the file is only read."""
        from jtreport.followup import is_matrix

        return is_matrix(path)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the Excel matrix exporter."""
    register(XlsxExporter())
