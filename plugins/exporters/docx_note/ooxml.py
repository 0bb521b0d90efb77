"""Small builders for WordprocessingML elements: paragraphs and runs.

The note is written by appending these elements to the body directly rather
than through python-docx's ``add_paragraph``/``add_row`` helpers, which look up
styles by name and re-scan the body or the table for every call (quadratic on a
long statement).  Every element names a style by its id; nothing carries direct
formatting except table geometry (column widths), which Word needs.  Tables are
written as text instead (:mod:`.bodyxml`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Characters XML 1.0 cannot hold (C0 controls but tab/newline, lone surrogates,
# U+FFFE/U+FFFF): lxml refuses them, so they are dropped from statement text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: What splits a run's text into pieces: tabs and line breaks.
BREAKS = re.compile(r"(\t|\r\n|\r|\n)")

Element = Any  # lxml elements; python-docx's oxml classes subclass them


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: ``w('p')``."""
    return f"{{{W_NS}}}{tag}"


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _NOT_XML.sub("", text)


class Span(msgspec.Struct, frozen=True):
    """A run of text, optionally in a character style (given by style id) and
    a colour (hex RGB): the one piece of direct formatting the note uses, for
    the status marks that share the matrix's and the PDF's status colours."""

    text: str
    style: str | None = None
    colour: str | None = None


#: What a paragraph is made of: plain strings, styled spans or prebuilt runs.
Inline = str | Span | Element


def _sub(parent: Element, tag: str, **attrs: str) -> Element:
    element = etree.SubElement(parent, w(tag))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


def run(text: str, style: str | None = None, colour: str | None = None) -> Element:
    """A ``w:r`` holding ``text``; tabs and line breaks become ``w:tab``/``w:br``."""
    r = etree.Element(w("r"))
    if style or colour:
        properties = _sub(r, "rPr")
        if style:
            _sub(properties, "rStyle", val=style)
        if colour:
            _sub(properties, "color", val=colour)
    for piece in BREAKS.split(xml_safe(text)):
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
                p.append(run(part.text, part.style, part.colour))
        else:
            p.append(part)
    return p


#: A table cell: one or more paragraphs, each a sequence of inlines.
Cell = Sequence[Sequence[Inline]]


class TableSpec(msgspec.Struct, frozen=True):
    """How a table looks: its style, column widths (twips) and cell styles (ids)."""

    style: str
    widths: Sequence[int]
    text_style: str
    heading_style: str


def table(spec: TableSpec, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Element:
    """A ``w:tbl`` element with a header row that repeats on every page, then
    ``rows``: for scripts that build a document with lxml (the default template's).
    The note itself writes its tables as text (:class:`.bodyxml.Table`)."""
    from .bodyxml import Table

    text = "".join(Table(spec, header, rows).xml())
    return etree.fromstring(f'<w:body xmlns:w="{W_NS}">{text}</w:body>')[0]
