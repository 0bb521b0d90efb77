"""Rendering one summary PDF: summary -> fonts -> styles -> story -> bytes."""

from __future__ import annotations

from typing import BinaryIO

from jtreport.formats import ExportOptions
from jtreport.model import Statement

from .fonts import choose_fonts
from .page import Decor, canvas_maker, make_document
from .story import StoryBuilder
from .styles import make_styles
from .summary import build_summary


def render(statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
    """Write the PDF summary of ``statement`` to ``stream``.

    Font warnings (characters no installed font can print) go to
    ``options.warnings``; an unusable ``--font`` raises ``ExportError``.
    """
    summary = build_summary(statement, options)
    fonts, warnings = choose_fonts(
        (char for text in summary.texts() for char in text), options.font
    )
    options.warnings.extend(warnings)
    styles = make_styles(fonts)
    story = StoryBuilder(summary, styles).build()
    decor = Decor(
        running_title=summary.running_title,
        classification=summary.classification,
        fonts=fonts,
    )
    doc = make_document(stream, summary.properties, decor)
    doc.build(story, canvasmaker=canvas_maker(decor, options.created))
