"""A plugin whose exporter calls sys.exit(0) half-way through writing."""

import sys
from collections.abc import Callable
from typing import BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions
from jtreport.model import Statement


class ExitExporter(Exporter):
    """Ends the process, or tries to."""

    name = "quitter"
    extension = ".quit"
    description = "calls sys.exit(0)"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write half a file, then exit."""
        stream.write(b"half a file")
        sys.exit(0)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the exporter."""
    register(ExitExporter())
