"""Building the briefing note: template in, .docx bytes out."""

from __future__ import annotations

from jtreport.errors import ExportError
from jtreport.formats import ExportOptions
from jtreport.model import Statement

from . import headers, package, template
from .annex import annex
from .areas import area_sections
from .context import NoteContext
from .documents import documents_signed
from .front import front_sheet, heading_block
from .timeline import milestones_and_deadlines
from .writer import NoteWriter

ANNEX_LAYOUTS = ("landscape", "portrait")


def build(statement: Statement, options: ExportOptions, default_template: bytes) -> bytes:
    """The note for ``statement`` as .docx bytes, styled by ``options.template``
    (or the default template)."""
    layout = options.extra.get("annex", "landscape").strip().lower()
    if layout not in ANNEX_LAYOUTS:
        raise ExportError(
            f"-O annex={layout!r} is not one of {', '.join(ANNEX_LAYOUTS)}",
            path=str(options.destination),
        )
    document, style_map = template.load(options.template, default_template)
    ctx = NoteContext.build(statement, options)
    headers.apply(document, style_map, options.classification)
    out = NoteWriter(document, style_map)
    heading_block(out, ctx)
    front_sheet(out, ctx)
    documents_signed(out, ctx)
    milestones_and_deadlines(out, ctx)
    area_sections(out, ctx)
    if layout == "landscape":
        out.landscape_section()
    annex(out, ctx, new_page=layout == "portrait")
    package.set_properties(document, statement, options, ctx.meeting)
    return package.save(document, options.created, out.segments)
