"""Small builders for WordprocessingML elements: paragraphs, runs and tables.

The note is written by appending these elements to the body directly rather
than through python-docx's ``add_paragraph``/``add_row`` helpers, which look up
styles by name and re-scan the body or the table for every call (quadratic on a
long statement).  Every element names a style by its id; nothing carries direct
formatting except table geometry (column widths), which Word needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Characters XML 1.0 cannot hold (C0 controls but tab/newline, lone surrogates,
# U+FFFE/U+FFFF): lxml refuses them, so they are dropped from statement text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")

Element = Any  # lxml elements; python-docx's oxml classes subclass them


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: ``w('p')``."""
    return f"{{{W_NS}}}{tag}"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class Span:
    """A run of text, optionally in a character style (given by style id)."""

    text: str
    style: str | None = None


#: What a paragraph is made of: plain strings, styled spans or prebuilt runs.
Inline = str | Span | Element


def _sub(parent: Element, tag: str, **attrs: str) -> Element:
    element = etree.SubElement(parent, w(tag))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


def run(text: str, style: str | None = None) -> Element:
    """A ``w:r`` holding ``text``; tabs and line breaks become ``w:tab``/``w:br``."""
    r = etree.Element(w("r"))
    if style:
        _sub(_sub(r, "rPr"), "rStyle", val=style)
    for piece in _BREAKS.split(xml_safe(text)):
        if not piece:
            continue
        if piece == "\t":
            _sub(r, "tab")
        elif piece in ("\n", "\r", "\r\n"):
            _sub(r, "br")
        else:
            t = _sub(r, "t")
            t.text = piece
            if piece != piece.strip():
                t.set(XML_SPACE, "preserve")
    return r


def paragraph(style: str, content: Iterable[Inline] = ()) -> Element:
    """A ``w:p`` in paragraph style ``style`` (an id) holding ``content``."""
    p = etree.Element(w("p"))
    _sub(_sub(p, "pPr"), "pStyle", val=style)
    for part in content:
        if isinstance(part, str):
            if part:
                p.append(run(part))
        elif isinstance(part, Span):
            if part.text:
                p.append(run(part.text, part.style))
        else:
            p.append(part)
    return p


#: A table cell: one or more paragraphs, each a sequence of inlines.
Cell = Sequence[Sequence[Inline]]


@dataclass(frozen=True)
class TableSpec:
    """How a table looks: its style, column widths (twips) and cell styles (ids)."""

    style: str
    widths: Sequence[int]
    text_style: str
    heading_style: str


def table(spec: TableSpec, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Element:
    """A ``w:tbl`` with a header row that repeats on every page, then ``rows``.

    The layout is fixed, so Word and LibreOffice use the given widths instead of
    measuring every cell (which is slow on a long annex).
    """
    tbl = etree.Element(w("tbl"))
    pr = _sub(tbl, "tblPr")
    _sub(pr, "tblStyle", val=spec.style)
    _sub(pr, "tblW", w=str(sum(spec.widths)), type="dxa")
    _sub(pr, "tblLayout", type="fixed")
    _sub(
        pr,
        "tblLook",
        val="04A0",
        firstRow="1",
        lastRow="0",
        firstColumn="0",
        lastColumn="0",
        noHBand="1",
        noVBand="1",
    )
    grid = _sub(tbl, "tblGrid")
    for width in spec.widths:
        _sub(grid, "gridCol", w=str(width))
    head = [[[text]] for text in header]
    tbl.append(_row(spec, head, spec.heading_style, header_row=True))
    for cells in rows:
        tbl.append(_row(spec, cells, spec.text_style, header_row=False))
    return tbl


def _row(spec: TableSpec, cells: Sequence[Cell], style: str, *, header_row: bool) -> Element:
    tr = etree.Element(w("tr"))
    tr_pr = _sub(tr, "trPr")
    if header_row or _length(cells) < _UNSPLIT_LIMIT:
        _sub(tr_pr, "cantSplit")
    if header_row:
        _sub(tr_pr, "tblHeader")
    for width, cell in zip(spec.widths, cells, strict=True):
        tc = _sub(tr, "tc")
        _sub(_sub(tc, "tcPr"), "tcW", w=str(width), type="dxa")
        # a cell must hold at least one paragraph
        for content in cell or [[]]:
            tc.append(paragraph(style, content))
    return tr


# Rows longer than this may break across pages: a row taller than a page that
# cannot split would be cut off.
_UNSPLIT_LIMIT = 1500


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
