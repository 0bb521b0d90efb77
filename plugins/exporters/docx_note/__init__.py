"""The Word briefing note (``--format docx``).

A briefing note for the meeting that follows up a joint statement: a front
sheet of at most two pages (To / From / Date / Copy, issue, recommendations,
timing, key deliverables, lines to take by area), then the documents signed
and launched, milestones and deadlines, the commitments by area, and an annex
table of every item (see ``docs/note.md``).  It is written with named styles
only, so a ministry's own reference document (``--template FILE``) decides
fonts, margins, header and footer, as pandoc's ``--reference-doc`` does.
Options: ``-O to=...`` and ``-O copy=...`` (the note's reader and copy list),
``-O annex=portrait`` (the annex upright; landscape by default).
python-docx is imported only when a note is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from jtreport import hookimpl
from jtreport.errors import ExportError
from jtreport.formats import Exporter, ExportOptions, ExtraOption

if TYPE_CHECKING:
    from jtreport.model import Statement

TEMPLATE_NAME = "briefing-note.docx"
_IDENTIFIER = b"jtreport:docx-briefing-note"


class DocxExporter(Exporter):
    """The briefing note as a Word document."""

    name = "docx"
    extension = ".docx"
    description = "a Word briefing note for the follow-up meeting (styled by --template)"
    extra_options = (
        ExtraOption(
            "annex", "the annex's page orientation (default landscape)", ("landscape", "portrait")
        ),
    )

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write the note."""
        from .note import build

        stream.write(build(statement, options, self.default_template()))

    def default_template(self) -> bytes:
        """The shipped reference document (``templates/briefing-note.docx``)."""
        try:
            return template_path().read_bytes()
        except OSError as exc:
            raise ExportError(
                f"the default Word template is missing from the installation ({exc.strerror})",
                path=str(template_path()),
            ) from None

    def recognizes(self, path: Path) -> bool:
        """A .docx whose core properties carry this exporter's identifier."""
        import zipfile

        try:
            with zipfile.ZipFile(path) as package:
                info = package.getinfo("docProps/core.xml")
                if info.file_size > 1 << 20:
                    return False
                return _IDENTIFIER in package.read(info)
        except (OSError, KeyError, zipfile.BadZipFile, ValueError):
            return False


def template_path() -> Path:
    """Where the default template lives: ``jtreport/templates/`` when installed,
    ``templates/`` beside ``plugins/`` in a source checkout."""
    from jtreport.packagedata import package_data

    try:
        found = package_data("jtreport.templates", TEMPLATE_NAME)
        if found.is_file():
            return found
    except (ModuleNotFoundError, TypeError):
        pass
    # package layout and source layout both put templates/ three levels up
    return Path(__file__).resolve().parents[3] / "templates" / TEMPLATE_NAME


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the Word briefing-note exporter."""
    register(DocxExporter())
