"""Exporter for the commitment model itself, as JSON (``--format json``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from jtreport import hookimpl
from jtreport.formats import Exporter, ExportOptions

if TYPE_CHECKING:
    from jtreport.model import Statement


class JsonExporter(Exporter):
    """The model as indented UTF-8 JSON, valid against ``jtreport --schema``."""

    name = "json"
    extension = ".json"
    description = "the commitment model as JSON (see docs/model.md)"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write the model."""
        from jtreport.model import dump

        stream.write(dump(statement))

    def recognizes(self, path: Path) -> bool:
        """A JSON object with this model's top-level keys."""
        import json

        try:
            with path.open("rb") as handle:
                head = json.loads(handle.read(64 * 1024 * 1024))
        except (OSError, ValueError):
            return False
        return isinstance(head, dict) and {"schema_version", "items", "paragraphs"} <= set(head)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the JSON exporter."""
    register(JsonExporter())
