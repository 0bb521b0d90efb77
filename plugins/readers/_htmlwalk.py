"""Walking the statement part of a web page into blocks: headings ``h1``-``h6``,
paragraphs, list items with the numbers ``<ol start>``, ``<ol reversed>``,
``<ol type>`` and ``<li value>`` give them, table cells row by row, and lines
separated by ``<br>``.  Text outside any block element (a ``<div>`` holding
text directly) becomes a paragraph too.
"""

from __future__ import annotations

import re
from typing import Any

from jtreport.blocks import Block, BlockKind

from ._shared import text_blocks
from ._wordnum import format_number

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = ("ul", "ol")
#: elements that end the paragraph before them and start a new one
_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "td", "th", "caption", "ul", "legend",
))  # fmt: skip
_BOLD = frozenset({"b", "strong"})
_BREAK = "\x0b"
_SPACE = re.compile(r"[ \t\n\r\f\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_Pending = tuple[BlockKind, str | None, int | None]
_PARAGRAPH: _Pending = ("paragraph", None, None)
_OL_TYPES = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}


class Walker:
    """Collects blocks from an element tree in document order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[tuple[str, bool]] = []
        self._pending: _Pending = _PARAGRAPH

    def walk(self, element: Any, depth: int = 0) -> list[Block]:
        """Read ``element``'s content; return all blocks found so far."""
        self._children(element, depth, bold=False)
        self._flush()
        return self.blocks

    def _children(self, element: Any, depth: int, bold: bool) -> None:
        from bs4.element import NavigableString

        for child in element.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString or child.__class__.__name__ == "CData":
                    self._buffer.append((str(child), bold))
                continue
            name = child.name
            if name == "br":
                self._buffer.append((_BREAK, bold))
            elif name in _HEADINGS:
                self._flush()
                self._pending = ("heading", None, _HEADINGS[name])
                self._children(child, depth, bold=True)
                self._flush()
                self._pending = _PARAGRAPH
            elif name in _LISTS:
                self._flush()
                self._list(child, depth, bold)
            elif name == "pre":
                self._flush()
                self._pre(child, bold)
            elif name == "tr":
                self._row(child, depth, bold)
            elif name in _BLOCK:
                self._flush()
                self._children(child, depth, bold or name in _BOLD)
                self._flush()
            elif name in ("img", "picture", "source", "track", "wbr"):
                continue  # nothing is fetched; alt texts are not statement text
            else:
                self._children(child, depth, bold or name in _BOLD)

    def _list(self, element: Any, depth: int, bold: bool) -> None:
        ordered = element.name == "ol"
        items = [c for c in element.children if getattr(c, "name", None) == "li"]
        reverse = ordered and element.has_attr("reversed")
        number = _int(element.get("start"))
        if number is None:
            number = len(items) if reverse else 1
        fmt = _OL_TYPES.get(str(element.get("type") or "1"), "decimal")
        for child in element.children:
            if getattr(child, "name", None) != "li":
                if getattr(child, "name", None):
                    self._children(child, depth + 1, bold)  # stray markup inside a list
                    self._flush()
                continue
            value = _int(child.get("value"))
            if value is not None:
                number = value
            label = format_number(number, fmt) if ordered else None
            self._pending = ("list_item", label, depth)
            self._children(child, depth + 1, bold)
            self._flush()
            self._pending = _PARAGRAPH
            number += -1 if reverse else 1

    def _row(self, row: Any, depth: int, bold: bool) -> None:
        for cell in row.find_all(("td", "th"), recursive=False):
            self._flush()
            self._children(cell, depth, bold or cell.name == "th")
            self._flush()

    def _pre(self, element: Any, bold: bool) -> None:
        text = element.get_text()
        lines = [line.strip() for line in text.splitlines()]
        for line in lines:
            if line:
                self.blocks.append(Block(text=_SPACE.sub(" ", line), bold=bold))
            elif self.blocks and self.blocks[-1].text:
                self.blocks.append(Block(text=""))
        if self.blocks and self.blocks[-1].text:
            self.blocks.append(Block(text=""))

    def _flush(self) -> None:
        """Emit the text gathered since the last block boundary, as the kind
        of block pending (a heading or list item being read, else a paragraph)."""
        pieces, self._buffer = self._buffer, []
        text = _SPACE.sub(" ", "".join(p for p, _ in pieces)).replace(_BREAK, "\n")
        if not text.strip():
            return
        kind, number, level = self._pending
        self._pending = _PARAGRAPH
        bold = all(b for p, b in pieces if p.strip() and p != _BREAK)
        if kind == "list_item" and number is not None and _typed(text, number):
            kind, number, level = "paragraph", None, None  # the number is typed as well
        if kind == "list_item" and "\n" in text:
            text = text.replace("\n", " ")
        self.blocks.extend(text_blocks(text, kind, number=number, level=level, bold=bold))


def _typed(text: str, number: str) -> bool:
    """The item's text starts with its own number ("3. ..."): a list whose
    markers are hidden by the page's style sheet."""
    return bool(re.match(rf"\s*\(?{re.escape(number)}[.)]\s", text))


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip()) if value is not None else None
    except ValueError:
        return None
