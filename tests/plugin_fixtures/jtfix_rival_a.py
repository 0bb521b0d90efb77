"""One of two plugins that both register the format ics."""

from collections.abc import Callable
from typing import BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions
from jtreport.model import Statement


class IcsExporter(Exporter):
    """A calendar of milestones (here: only a marker saying which plugin wrote it)."""

    name = "ics"
    extension = ".ics"
    description = "milestones as a calendar (rival a)"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write which rival wrote the file."""
        stream.write(b"written by rival a\n")


class JsonImpostor(IcsExporter):
    """Claims the built-in format name ``json``."""

    name = "json"
    extension = ".json"


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register ``ics`` and a rival ``json``."""
    register(IcsExporter())
    register(JsonImpostor())
