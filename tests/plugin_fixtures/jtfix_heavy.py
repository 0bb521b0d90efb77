"""A plugin that imports a heavy library when loaded (it should do so in export())."""

from collections.abc import Callable

import openpyxl  # noqa: F401  (the defect under test)
from jtreport import hookimpl
from jtreport.formats import Exporter


class HeavyExporter(Exporter):
    """Registers fine; only its import is wrong."""

    name = "heavy"
    extension = ".heavy"


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the exporter."""
    register(HeavyExporter())
