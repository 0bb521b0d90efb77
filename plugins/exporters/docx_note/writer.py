"""Appending the note's content to the template's body, by style name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from jtreport.followup import STATUS_COLOURS
from lxml import etree

from . import styles as S
from .bodyxml import Table, attribute, paragraph_xml
from .ooxml import Cell, Inline, Span, TableSpec, paragraph, w
from .template import StyleMap

_A4_WIDTH, _DEFAULT_MARGIN = 11906, 1440
#: The target of the processing instructions that hold the body's place.
PLACEHOLDER = "jtreport-body"

#: What a stretch of the body is made of: paragraphs as XML text, and tables.
Piece = str | Table


def placeholder(number: int) -> bytes:
    """How the placeholder of segment ``number`` reads in the saved document part."""
    return f"<?{PLACEHOLDER} {number}?>".encode()


class NoteWriter:
    """Writes paragraphs and tables at the end of a document's body.

    The content is kept as XML text (:mod:`.bodyxml`), in :attr:`segments`: the
    body holds one placeholder per segment, replaced by the segment's text when
    the note is saved.  A new segment starts after anything that must be an
    element in the body (a section break, a prebuilt element).
    """

    def __init__(self, document: Any, style_map: StyleMap) -> None:
        self.document = document
        self.styles = style_map
        self.segments: list[list[Piece]] = []
        # the body's last child; it stays last when a section break is added
        self._anchor = document.element.body.get_or_add_sectPr()
        self._next_segment()

    def _next_segment(self) -> None:
        """Put a new segment's placeholder at the end of the body."""
        self._anchor.addprevious(etree.ProcessingInstruction(PLACEHOLDER, str(len(self.segments))))
        self.segments.append([])

    def add(self, element: Any) -> None:
        """Append a prebuilt lxml element."""
        self._anchor.addprevious(element)
        self._next_segment()

    def para(self, style: str, *content: Inline, new_page: bool = False) -> None:
        """Append a paragraph in the named paragraph style (on a new page when
        ``new_page``)."""
        if all(isinstance(part, str | Span) for part in content):
            xml = paragraph_xml(attribute(self.styles[style]), content, new_page=new_page)
            self.segments[-1].append(xml)
        else:  # prebuilt runs: an element of its own
            self.add(paragraph(self.styles[style], content))

    def heading(self, level: int, text: str, *, new_page: bool = False) -> None:
        """Append a heading (levels 1-3), shown in Word's navigation pane."""
        self.para((S.HEADING_1, S.HEADING_2, S.HEADING_3)[level - 1], text, new_page=new_page)

    def bullet(self, *content: Inline) -> None:
        """Append a bulleted paragraph."""
        self.para(S.LIST_BULLET, *content)

    def label(self, text: str) -> Span:
        """Text in the bold label character style."""
        return Span(text, self.styles[S.LABEL])

    def ref(self, text: str) -> Span:
        """Text in the quiet reference character style (paragraph references)."""
        return Span(text, self.styles[S.REFERENCE])

    def status_mark(self, status: str | None) -> Span:
        """A square in the status's colour (the matrix's and the PDF's), to put
        before the status's name, so the colour is never the only sign; a hollow
        square for an item with no status."""
        colour = STATUS_COLOURS.get(status or "")
        return Span("■ ", colour=colour) if colour else Span("□ ")

    def table(
        self,
        shares: Sequence[float],
        header: Sequence[str],
        rows: Iterable[Sequence[Cell]],
    ) -> None:
        """Append a table as wide as the text, columns in proportion to ``shares``;
        its header row repeats on every page.  ``rows`` is read when the note is
        saved (a generator is fine: no row is held in memory before then)."""
        width = self.text_width()
        total = sum(shares)
        widths = [int(width * share / total) for share in shares]
        spec = TableSpec(
            style=self.styles[S.TABLE],
            widths=widths,
            text_style=self.styles[S.TABLE_TEXT],
            heading_style=self.styles[S.TABLE_HEADING],
        )
        # Two tables in a row would merge: the note always puts text between them.
        self.segments[-1].append(Table(spec, header, rows))

    def text_width(self) -> int:
        """The width between the margins of the current section, in twips."""
        sect = self._anchor
        size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
        page = _twips(size, "w", _A4_WIDTH)
        left = _twips(margins, "left", _DEFAULT_MARGIN)
        right = _twips(margins, "right", _DEFAULT_MARGIN)
        return max(page - left - right, 2880)

    def landscape_section(self) -> None:
        """Start a new page in landscape orientation (for the annex).

        The new section keeps the template's margins and inherits its header
        and footer; it drops a first-page header and any page-number restart.
        """
        body = self.document.element.body
        # the old properties now end the portrait part; the sentinel is returned
        sect = self._anchor = body.add_section_break()
        self._next_segment()
        size = sect.find(w("pgSz"))
        if size is not None:
            width, height = _twips(size, "w", _A4_WIDTH), _twips(size, "h", 16838)
            if width < height:
                size.set(w("w"), str(height))
                size.set(w("h"), str(width))
            size.set(w("orient"), "landscape")
        for element in sect.findall(w("titlePg")):
            sect.remove(element)
        for element in sect.findall(w("pgNumType")):
            element.attrib.pop(w("start"), None)
        kind = sect.find(w("type"))
        if kind is not None:
            sect.remove(kind)  # absent means "next page"


def _twips(element: Any, attribute: str, default: int) -> int:
    if element is None:
        return default
    value = element.get(w(attribute))
    try:
        return int(float(value)) if value is not None else default
    except ValueError:
        return default
