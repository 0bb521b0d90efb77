"""Exporter for the implementation matrix (``--format xlsx``).

The workbook a ministry tracks the statement's follow-up in: a Summary sheet,
one sheet per area, an "All items" table, and the columns the ministry fills
(lead agency, status, next step, due date...).  Regenerating over an existing
matrix keeps every value typed in it (see :mod:`.merge`), and a filled matrix
is read back for the other reports (:meth:`XlsxExporter.read_followup`).
openpyxl is imported only when a matrix is written or read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions, ExtraOption

from .pages import PAPER_SIZES, PRINT_CHOICES

if TYPE_CHECKING:
    from jtreport.followup import FollowUp
    from jtreport.model import Statement


class XlsxExporter(Exporter):
    """The Excel implementation matrix, one row per statement item."""

    name = "xlsx"
    extension = ".xlsx"
    description = "Excel implementation matrix: one row per item, status drop-downs"
    extra_options = (
        ExtraOption("paper", "the paper the matrix is printed on (default a4)", tuple(PAPER_SIZES)),
        ExtraOption(
            "print",
            'the columns "All items" prints: the meeting\'s six (default) or all',
            PRINT_CHOICES,
        ),
    )

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write the matrix, carrying over the values typed in ``options.previous``."""
        from .workbook import build_matrix

        build_matrix(statement, stream, options)

    def recognizes(self, path: Path) -> bool:
        """True when ``path`` holds a matrix written by this exporter: it has the
        hidden ``_jtreport`` marker sheet or, when that was deleted, a sheet
        with the matrix's columns.  The file is only read."""
        from .reading import matrix_marker, recognised_by_layout

        return matrix_marker(path) is not None or recognised_by_layout(path)

    def read_followup(
        self, path: Path, statement: Statement, warnings: list[str]
    ) -> Mapping[str, FollowUp]:
        """The statuses and other values typed in the matrix at ``path``, by the
        item IDs of ``statement`` (see :mod:`.records`)."""
        from .reading import matrix_marker, read_matrix
        from .records import followup_records
        from .replacing import MACRO_SUFFIXES

        records = followup_records(read_matrix(path), statement, warnings)
        for suffix in MACRO_SUFFIXES:
            copy = path.with_suffix(suffix)
            if copy != path and copy.is_file() and matrix_marker(copy) is not None:
                warnings.append(
                    f"{copy.name} beside it is this matrix saved with macros; the statuses "
                    f"shown are those typed in {path.name}"
                )
        return records


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the Excel matrix exporter."""
    register(XlsxExporter())
