"""The note's paragraphs and tables, written straight as WordprocessingML text.

A long statement's note has thousands of paragraphs and an annex of thousands of
rows; as lxml elements they held most of the export's memory (460,000 elements
on a 3,900-paragraph statement, one per cell, paragraph, run and property).
They are rendered here as XML text instead, tables row by row when the document
is saved (see :mod:`.package`): the body holds placeholders.  The text is what
lxml would have written for the same elements, so the document reads the same
in Word, LibreOffice and python-docx.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import msgspec

from .ooxml import BREAKS, Cell, Inline, Span, TableSpec, xml_safe

#: Rows longer than this (in characters) may break across pages: a row taller
#: than a page that cannot split would be cut off.
UNSPLIT_LIMIT = 1500

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


class Table(msgspec.Struct, frozen=True):
    """A table waiting to be written: its look, header and rows (rendered lazily,
    so a generator of rows is consumed only when the document is saved)."""

    spec: TableSpec
    header: Sequence[str]
    rows: Iterable[Sequence[Cell]]

    def xml(self) -> Iterator[str]:
        """The ``w:tbl`` element as text, one piece per row."""
        spec = self.spec
        look = (
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        )
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in spec.widths)
        yield (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{attribute(spec.style)}"/>'
            f'<w:tblW w:w="{sum(spec.widths)}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/>{look}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        )
        heading = attribute(spec.heading_style)
        yield row_xml(spec.widths, [[[text]] for text in self.header], heading, header_row=True)
        body = attribute(spec.text_style)
        for cells in self.rows:
            yield row_xml(spec.widths, cells, body, header_row=False)
        yield "</w:tbl>"


def row_xml(widths: Sequence[int], cells: Sequence[Cell], style: str, *, header_row: bool) -> str:
    """One ``w:tr``; ``style`` is the cells' paragraph style id, already escaped.

    Fixed layout: Word and LibreOffice take the columns' widths from the table
    grid instead of measuring every cell (slow on a long annex).
    """
    flags = ""
    if header_row or _length(cells) < UNSPLIT_LIMIT:
        flags += "<w:cantSplit/>"
    if header_row:
        flags += "<w:tblHeader/>"
    out = [f"<w:tr><w:trPr>{flags}</w:trPr>" if flags else "<w:tr><w:trPr/>"]
    for width, cell in zip(widths, cells, strict=True):
        out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>')
        # a cell must hold at least one paragraph
        for content in cell or [[]]:
            out.append(paragraph_xml(style, content))
        out.append("</w:tc>")
    out.append("</w:tr>")
    return "".join(out)


def paragraph_xml(style: str, content: Iterable[Inline], *, new_page: bool = False) -> str:
    """A ``w:p`` in paragraph style ``style`` (an escaped id) holding ``content``:
    text and styled spans (prebuilt lxml runs are for the body, not for tables).
    ``new_page`` starts the paragraph on a new page."""
    flag = "<w:pageBreakBefore/>" if new_page else ""
    out = [f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{flag}</w:pPr>']
    for part in content:
        if isinstance(part, str):
            if part:
                out.append(run_xml(part))
        elif isinstance(part, Span):
            if part.text:
                out.append(run_xml(part.text, part.style, part.colour))
        else:
            raise TypeError(f"a table cell holds text, not {type(part).__name__}")
    out.append("</w:p>")
    return "".join(out)


def run_xml(text: str, style: str | None = None, colour: str | None = None) -> str:
    """A ``w:r`` holding ``text``; tabs and line breaks become ``w:tab``/``w:br``."""
    out = ["<w:r>"]
    if style or colour:
        named = f'<w:rStyle w:val="{attribute(style)}"/>' if style else ""
        painted = f'<w:color w:val="{attribute(colour)}"/>' if colour else ""
        out.append(f"<w:rPr>{named}{painted}</w:rPr>")
    for piece in BREAKS.split(xml_safe(text)):
        if not piece:
            continue
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            out.append("<w:br/>")
        elif piece != piece.strip():
            out.append(f'<w:t xml:space="preserve">{piece.translate(_TEXT_ESCAPES)}</w:t>')
        else:
            out.append(f"<w:t>{piece.translate(_TEXT_ESCAPES)}</w:t>")
    if len(out) == 1:
        return "<w:r/>"  # only characters XML cannot hold
    out.append("</w:r>")
    return "".join(out)


def attribute(value: str) -> str:
    """``value`` escaped for a double-quoted XML attribute."""
    return xml_safe(value).translate(_ATTRIBUTE_ESCAPES)


def _length(cells: Sequence[Cell]) -> int:
    total = 0
    for cell in cells:
        for content in cell:
            for part in content:
                if isinstance(part, str):
                    total += len(part)
                elif isinstance(part, Span):
                    total += len(part.text)
    return total
