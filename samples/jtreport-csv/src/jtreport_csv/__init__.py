"""jtreport-csv: adds ``jtreport --format csv``, the statement's items as CSV.

This module is what the entry point names: it only registers the exporter.
It stays cheap to import because jtreport imports it for ``--help`` too.
"""

from collections.abc import Callable

from jtreport import hookimpl
from jtreport.formats import Exporter

from .exporter import CsvExporter

__all__ = ["CsvExporter", "register_exporters"]


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the CSV exporter with jtreport."""
    register(CsvExporter())
