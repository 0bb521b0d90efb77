"""Text blocks: the neutral form every reader produces and the parser consumes.

A plain-text reader yields one ``line`` block per physical line (blank lines
included), leaving paragraph-building to the parser.  Structured readers (.docx,
.html, .pdf) know where paragraphs end and yield ``paragraph``, ``heading`` and
``list_item`` blocks instead; a ``line`` block's ``line_break`` says that the
source forced the line to end there (a Markdown hard break, ``<br>``), which the
parser tells apart from the end of a paragraph; ``number`` carries a list number the source keeps
outside the text (Word's automatic numbering, ``<ol start>``); ``description``
carries the line a heading's subtitle gives it (Word's Subtitle style under a
heading, an italic or ``class="subtitle"`` line under an ``<h3>``, an italic line
under a bold one in a PDF), so that the heading and its description make one
area, as ``Heading: description`` does in a plain text.
"""

from __future__ import annotations

from typing import Literal

import msgspec

BlockKind = Literal["line", "paragraph", "heading", "list_item"]


class Block(msgspec.Struct, frozen=True, kw_only=True):
    """One unit of text from a reader."""

    text: str
    kind: BlockKind = "line"
    #: the printed list number when the source keeps it outside the text ("3")
    number: str | None = None
    #: heading level (1 = top) for headings, nesting depth for list items
    level: int | None = None
    #: the whole block was set in bold (a hint for headings)
    bold: bool = False
    #: a heading's description (its subtitle line), when the source sets it apart
    description: str | None = None
    #: a plain-text line that ends with a forced line break (a Markdown hard break,
    #: an HTML ``<br>``): it ends a line, which is not always the end of a paragraph
    line_break: bool = False


class ReadResult(msgspec.Struct, frozen=True, kw_only=True):
    """What a reader returns: the blocks in reading order, what it noticed, and
    document metadata it found outside the body (front matter, <title>, core
    properties) as hints for the parser: keys ``title``, ``date``."""

    blocks: list[Block]
    warnings: list[str] = msgspec.field(default_factory=list)
    metadata: dict[str, str] = msgspec.field(default_factory=dict)
