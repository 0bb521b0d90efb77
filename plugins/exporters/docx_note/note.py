"""Building the briefing note: template in, .docx bytes out."""

from __future__ import annotations

from jtreport.errors import ExportError
from jtreport.formats import ExportOptions
from jtreport.model import Statement

from . import headers, package, template
from .actions import next_steps, points_to_raise, upcoming_milestones
from .annex import annex
from .areas import area_sections
from .context import NoteContext
from .front import background, heading_block, purpose, summary
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
    purpose(out, ctx)
    summary(out, ctx)
    background(out, ctx)
    area_sections(out, ctx)
    upcoming_milestones(out, ctx)
    points_to_raise(out, ctx)
    next_steps(out, ctx)
    if layout == "landscape":
        out.landscape_section()
    annex(out, ctx)
    package.set_properties(document, statement, options, ctx.meeting)
    return package.save(document, options.created, out.segments)
