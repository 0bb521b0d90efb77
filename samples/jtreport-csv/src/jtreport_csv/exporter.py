"""The CSV exporter: one row per statement item, ready for Excel or a tracker."""

import csv
import io
from pathlib import Path
from typing import BinaryIO

from jtreport.digest import actors_label, area_label, dates_label
from jtreport.errors import ExportError
from jtreport.formats import Exporter, ExportOptions
from jtreport.model import Statement

HEADER = ("ID", "Paragraph", "Area", "Category", "Commitment", "Actors", "Text", "Dates")

# A cell starting with one of these is a formula to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

BOM = b"\xef\xbb\xbf"


class CsvExporter(Exporter):
    """The statement's items as CSV: UTF-8 with a byte order mark, so that Excel
    reads the accents, Cyrillic and Japanese right; one row per item."""

    name = "csv"
    extension = ".csv"
    description = "the statement's items as CSV, one row per item (jtreport-csv)"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write the header and one row per item; ``-O csv-delimiter=;`` changes
        the separator (Excel in many European locales expects ``;``)."""
        delimiter = options.extra.get("csv-delimiter", ",")
        if len(delimiter) != 1 or delimiter in '"\r\n':
            raise ExportError(
                f"-O csv-delimiter={delimiter} is not a single separator character",
                path=str(options.destination),
            )
        text = io.StringIO()
        writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(HEADER)
        for item in statement.items:
            row = (
                item.id,
                "" if item.paragraph is None else str(item.paragraph),
                area_label(statement, item.area_id),
                item.category,
                "yes" if item.is_commitment else "no",
                actors_label(statement, item),
                item.text,
                dates_label(item),
            )
            writer.writerow([guard(cell) for cell in row])
        stream.write(BOM + text.getvalue().encode("utf-8"))

    def recognizes(self, path: Path) -> bool:
        """True for a CSV this exporter wrote: the BOM, then its header."""
        try:
            with path.open("rb") as handle:
                head = handle.read(len(BOM) + 200)
        except OSError:
            return False
        return head.startswith(BOM + HEADER[0].encode()) and b"Commitment" in head


def guard(cell: str) -> str:
    """Defuse a cell a spreadsheet would run as a formula by prefixing ``'``."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
