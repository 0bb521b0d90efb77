"""A plugin whose exporter has nothing to write: a calendar of milestones for a
statement that names no date far enough ahead."""

from collections.abc import Callable
from typing import BinaryIO

from jtreport import hookimpl
from jtreport.errors import NothingToExport
from jtreport.formats import Exporter, ExportOptions
from jtreport.model import Statement


class EmptyCalendar(Exporter):
    """Refuses to write an empty calendar."""

    name = "cal"
    extension = ".cal"
    description = "milestones after 2100"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> str:
        """Write the milestones after 2100, of which there are none."""
        late = [(when, item) for when, item in statement.upcoming() if when.value >= "2100"]
        if not late:
            raise NothingToExport("no milestone after 2100")
        stream.write(b"".join(d.value.encode() + b"\n" for d, _ in late))
        return f"{len(late)} milestones"


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the exporter."""
    register(EmptyCalendar())
