"""Walking a Word document body: paragraphs and tables in document order,
headings by style, bold kept as a hint, subtitle lines (the Subtitle style,
or italics throughout) noted, list numbers computed.

Reads the WordprocessingML elements directly (python-docx's objects hide what
is needed here: inherited styles, list numbering, tracked changes).  Only text
Word would print is taken: deleted and hidden text, field instructions and
drawings are skipped, and nothing a document links to is opened.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jtreport.blocks import Block

from ._shared import text_blocks
from ._wordnum import ListLabel, Numbering, label_number
from ._wordstyles import NumRef, StyleSheet, W, child_val, num_ref, toggle

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

#: inline wrappers whose content is part of the paragraph's text
_DESCEND = frozenset(
    W + tag
    for tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_TRACKED = frozenset(W + tag for tag in ("ins", "del", "moveFrom", "moveTo"))
_DRAWINGS = frozenset((W + "drawing", W + "pict", W + "object", MC + "AlternateContent"))
_PRIVATE_USE = range(0xE000, 0xF900)
_PLURALS = {
    "text box": "text boxes",
    "embedded document (altChunk)": "embedded documents (altChunk)",
}


class BodyReader:
    """Turns the block-level content of a Word document into :class:`Block` s."""

    def __init__(self, styles: StyleSheet, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.skipped: Counter[str] = Counter()
        self.tracked_changes = False
        #: indices of blocks set as a subtitle (its style, or italics throughout)
        self.subtitles: set[int] = set()
        #: cells of a table's number column, and the number read from the last one
        self._label_cells: set[Any] = set()
        self._column_number: str | None = None

    # Block level -------------------------------------------------------------

    def container(self, element: Any) -> None:
        """Read the paragraphs and tables of a body, cell or content control.

        Iterative, so tables nested in tables to any depth cannot reach
        Python's recursion limit.
        """
        stack: list[Iterator[Any]] = [iter(element)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self._label_cells.update(_number_column(child))
                stack.append(_cells(child))
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    stack.append(iter(content))
            elif tag == W + "tc" and child in self._label_cells:
                # a cell of the number column: the number goes before the text beside it
                self._column_number = _cell_text(child)
            elif tag in (W + "customXml", W + "ins", W + "moveTo", W + "tc"):
                stack.append(iter(child))
            elif tag == W + "altChunk":
                self.skipped["embedded document (altChunk)"] += 1

    def paragraph(self, paragraph: Any) -> None:
        """Read one paragraph into zero or more blocks."""
        ppr = paragraph.find(W + "pPr")
        style_id = self.styles.paragraph_style(ppr)
        label, ilvl = self._label(ppr, style_id)
        style = _RunStyle(
            self.styles.style_toggle(style_id, "b"), self.styles.style_toggle(style_id, "i")
        )
        text, bold, italic = self._text(paragraph, style)
        if self._column_number is not None and text.strip():
            text, self._column_number = f"{self._column_number} {text}", None
        level = self.styles.heading_level(style_id, ppr)
        if level is not None:
            if label is not None and label.visible and not label.is_bullet:
                text = f"{label.text.strip()} {text}"
            self.blocks.extend(text_blocks(text, "heading", level=level, bold=bold))
        elif label is not None and label.is_bullet:
            self.blocks.extend(text_blocks(text, "list_item", level=ilvl, bold=bold))
        elif label is not None and label.visible:
            number = label_number(label.text)
            self.blocks.extend(text_blocks(text, "list_item", number=number, level=ilvl, bold=bold))
        else:
            made = text_blocks(text, "paragraph", bold=bold)
            if len(made) == 1 and (italic or self.styles.is_subtitle(style_id)):
                self.subtitles.add(len(self.blocks))
            self.blocks.extend(made)

    def _label(self, ppr: Any, style_id: str | None) -> tuple[ListLabel | None, int]:
        """The list label Word prints before this paragraph (counting it), and its level."""
        direct = num_ref(ppr)
        from_style = self.styles.style_numbering(style_id)
        ref: NumRef | None = direct or from_style
        if direct is not None and from_style is not None:
            # what the paragraph leaves out (list or level), its style supplies
            ref = NumRef(
                direct.num_id or from_style.num_id,
                direct.ilvl if direct.ilvl is not None else from_style.ilvl,
            )
        resolved = self.numbering.resolve(ref, style_id) if ref is not None else None
        if resolved is None:
            return None, 0
        return self.numbering.next_label(*resolved), resolved[1]

    # Inline level ------------------------------------------------------------

    def _text(self, paragraph: Any, style: _RunStyle) -> tuple[str, bool, bool]:
        """The paragraph's printed text (breaks as ``\\n``) and whether it is all
        bold, and all italic."""
        parts: list[str] = []
        bold_all = italic_all = True
        seen_text = False
        for text, bold, italic in self._pieces(paragraph, style):
            parts.append(text)
            if text.strip():
                seen_text = True
                bold_all = bold_all and bold
                italic_all = italic_all and italic
        return "".join(parts), seen_text and bold_all, seen_text and italic_all

    def _pieces(self, element: Any, style: _RunStyle) -> Iterator[tuple[str, bool, bool]]:
        stack: list[Iterator[Any]] = [iter(element)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if tag in _TRACKED:
                self.tracked_changes = True
            if tag == W + "r":
                yield from self._run(child, style)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    stack.append(iter(content))
            elif tag in _DESCEND:
                stack.append(iter(child))
            # w:del, w:moveFrom, bookmarks, proofing marks, math: not printed text

    def _run(self, run: Any, style: _RunStyle) -> Iterator[tuple[str, bool, bool]]:
        rpr = run.find(W + "rPr")
        if rpr is not None and toggle(rpr.find(W + "vanish")):
            return  # hidden text is not printed
        bold = self._run_toggle(rpr, "b", style.bold, self.styles.default_bold)
        italic = self._run_toggle(rpr, "i", style.italic, False)
        for child in run:
            tag = child.tag
            if tag == W + "t":
                yield child.text or "", bold, italic
            elif tag in (W + "tab", W + "ptab"):
                yield "\t", bold, italic
            elif tag == W + "br":
                kind = child.get(W + "type")
                yield (" " if kind in ("page", "column") else "\n"), bold, italic
            elif tag == W + "cr":
                yield "\n", bold, italic
            elif tag == W + "noBreakHyphen":
                yield "-", bold, italic
            elif tag == W + "sym":
                yield _symbol(child), bold, italic
            elif tag in _DRAWINGS and any(True for _ in child.iter(W + "txbxContent")):
                self.skipped["text box"] += 1

    def _run_toggle(self, rpr: Any, name: str, from_style: bool | None, default: bool) -> bool:
        """Whether a run is bold (``name`` "b") or italic ("i"): its own
        property, else its character style's, else its paragraph style's."""
        if rpr is not None:
            direct = toggle(rpr.find(W + name))
            if direct is not None:
                return direct
            char_style = child_val(rpr, "rStyle")
            if char_style:
                inherited = self.styles.style_toggle(char_style, name)
                if inherited is not None:
                    return inherited
        if from_style is not None:
            return from_style
        return default

    # Report ------------------------------------------------------------------

    def warnings(self) -> list[str]:
        """What the reader skipped or read in a particular way, as sentences."""
        found = [
            f"{count} {what if count == 1 else _PLURALS.get(what, what + 's')} skipped "
            "(their text is not read)"
            for what, count in sorted(self.skipped.items())
        ]
        if self.tracked_changes:
            found.append("the document has tracked changes; it was read as if all were accepted")
        return found


@dataclass(frozen=True)
class _RunStyle:
    """Bold and italic as a paragraph's style sets them (None: it does not say)."""

    bold: bool | None
    italic: bool | None


_NUMBER_CELL = re.compile(r"^\(?\d{1,4}[.)]?$")


def _cell_text(cell: Any) -> str:
    return "".join(t.text or "" for t in cell.iter(W + "t")).strip()


def _number_column(table: Any) -> list[Any]:
    """The first cells of a table whose first column holds only paragraph
    numbers ("1.", "(2)") beside text: the statement set as a table."""
    firsts = []
    for row in _rows(table):
        cells = row.findall(W + "tc")
        if len(cells) < 2 or not _NUMBER_CELL.match(_cell_text(cells[0])):
            return []
        if not _cell_text(cells[1]):
            return []
        firsts.append(cells[0])
    return firsts


def _cells(table: Any) -> Iterator[Any]:
    """A table's cells row by row; the continuation of a vertically merged
    cell holds nothing and is left out."""
    for row in _rows(table):
        for cell in row.findall(W + "tc"):
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and child_val(cell, "tcPr", "vMerge") != "restart":
                continue
            yield cell


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == W + "tr":
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from (row for row in content if row.tag == W + "tr")


def _symbol(sym: Any) -> str:
    code = sym.get(W + "char") or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    # symbol fonts map their glyphs into the private use area: not text
    return "" if value in _PRIVATE_USE else chr(value)
