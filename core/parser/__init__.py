"""The statement parser: text blocks -> the commitment model.

Only this package builds :class:`jtreport.model.Statement` objects from text.
See ``docs/parser.md`` for how it decides.
"""

from __future__ import annotations

from ..blocks import ReadResult
from ..model import Source, Statement


def parse_blocks(result: ReadResult, *, source: Source | None = None) -> Statement:
    """Build the model from a reader's blocks."""
    from . import patterncache
    from .document import build_statement

    statement = build_statement(result, source=source)
    patterncache.save()
    return statement


__all__ = ["parse_blocks"]
