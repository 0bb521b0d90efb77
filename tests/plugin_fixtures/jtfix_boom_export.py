"""A plugin whose exporter raises while exporting."""

from collections.abc import Callable
from typing import BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions
from jtreport.model import Statement


class BoomExporter(Exporter):
    """Fails on every export."""

    name = "boom"
    extension = ".boom"
    description = "always fails"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write half a file, then fail."""
        stream.write(b"half a file")
        raise ZeroDivisionError("division by zero in the boom exporter")


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the failing exporter."""
    register(BoomExporter())
