"""A plugin whose exporter never finishes (and swallows ordinary exceptions)."""

import time
from collections.abc import Callable
from typing import BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions
from jtreport.model import Statement


class HangExporter(Exporter):
    """Waits for ever."""

    name = "hang"
    extension = ".hang"
    description = "never finishes"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Sleep in a loop that nothing ordinary ends."""
        while True:
            try:
                time.sleep(3600)
            except Exception:  # the defect under test
                continue


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the exporter."""
    register(HangExporter())
