"""The CSV exporter: one row per statement item, ready for Excel or a tracker."""

import csv
import io
import re
from pathlib import Path
from typing import BinaryIO

from jtreport.digest import actors_label, area_label, dates_label
from jtreport.errors import ExportError
from jtreport.formats import Exporter, ExportOptions, ExtraOption
from jtreport.model import Statement

HEADER = ("ID", "Paragraph", "Area", "Category", "Commitment", "Actors", "Text", "Dates")

# A spreadsheet runs a cell that starts with one of these as a formula ...
FORMULA_STARTS = "=+-@\t\r"
# ... and starts a new cell after any of these when the user opens the file with
# another separator than it was written with (Excel in many European locales
# takes ";"), or when it breaks a line that was quoted.
SEPARATORS = ",;\t|\r\n"
FORMULA = re.compile(f"(^|[{re.escape(SEPARATORS)}])( *)(?=[{re.escape(FORMULA_STARTS)}])")

BOM = b"\xef\xbb\xbf"


class CsvExporter(Exporter):
    """The statement's items as CSV: UTF-8 with a byte order mark, so that Excel
    reads the accents, Cyrillic and Japanese right; one row per item."""

    name = "csv"
    extension = ".csv"
    description = "the statement's items as CSV, one row per item (jtreport-csv)"
    extra_options = (ExtraOption("csv-delimiter", "the separator, one character (default ,)"),)

    def check_extra(self, key: str, value: str) -> str | None:
        """Refuse a delimiter that is not one character, or is a quote or a line end."""
        if key == "csv-delimiter" and (len(value) != 1 or value in '"\r\n'):
            return f"-O csv-delimiter={value} is not a single separator character"
        return None

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> str:
        """Write the header and one row per item; ``-O csv-delimiter=;`` changes
        the separator (Excel in many European locales expects ``;``).  Returns
        what the ``wrote ...`` line says: the number of rows."""
        delimiter = options.extra.get("csv-delimiter", ",")
        problem = self.check_extra("csv-delimiter", delimiter)
        if problem:
            raise ExportError(problem, path=str(options.destination))
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
        return f"{len(statement.items)} rows"

    def recognizes(self, path: Path) -> bool:
        """True for a CSV this exporter wrote: the BOM, then its header."""
        try:
            with path.open("rb") as handle:
                head = handle.read(len(BOM) + 200)
        except OSError:
            return False
        return head.startswith(BOM + HEADER[0].encode()) and b"Commitment" in head


def guard(cell: str) -> str:
    """Defuse every part of ``cell`` a spreadsheet could run as a formula: the
    start of the cell and whatever follows a separator or a line break (after
    spaces) get a leading ``'``, so ``a;=1+1`` becomes ``a;'=1+1``."""
    return FORMULA.sub(r"\1\2'", cell)
