"""Rendering one summary PDF: summary -> fonts -> styles -> story -> bytes."""

from __future__ import annotations

from typing import BinaryIO

from jtreport.formats import ExportOptions
from jtreport.model import Statement

from .fonts import choose_fonts
from .summary import build_summary


def render(statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
    """Write the PDF summary of ``statement`` to ``stream``.

    Font warnings (characters no installed font can print) go to
    ``options.warnings``; an unusable ``--font`` raises ``ExportError``.
    """
    # reportlab is loaded from here on, never when the plugin is registered
    from .page import Decor, build, make_document
    from .story import StoryBuilder
    from .styles import make_styles

    summary = build_summary(statement, options)
    fonts, warnings = choose_fonts(summary.texts(), options.font)
    options.warnings.extend(warnings)
    story = StoryBuilder(summary, make_styles(fonts)).build()
    decor = Decor(
        running_title=summary.running_title,
        classification=summary.classification,
        fonts=fonts,
    )
    build(make_document(stream, summary.properties, decor), story, decor, options.created)
