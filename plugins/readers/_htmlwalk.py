"""Walking the statement part of a web page into blocks: headings ``h1``-``h6``,
paragraphs, list items with the numbers ``<ol start>``, ``<ol reversed>``,
``<ol type>`` and ``<li value>`` give them, table cells row by row, and lines
separated by ``<br>``.  Text outside any block element (a ``<div>`` holding
text directly) becomes a paragraph too.  A paragraph set in italics or marked
as a subtitle (``class="subtitle"``, ``"lead"``...) is noted, so that a heading
directly above it can take it as its description.

The walk is iterative (an explicit stack), so a page nested thousands of
levels deep costs time in proportion to its size and never reaches Python's
recursion limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jtreport.blocks import Block, BlockKind

from ._htmltree import Node
from ._shared import text_blocks
from ._wordnum import format_number

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_LISTS = ("ul", "ol")
#: elements that end the paragraph before them and start a new one
_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
    "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "td", "th", "caption", "ul", "legend",
))  # fmt: skip
_BOLD = frozenset({"b", "strong", "th"})
_ITALIC = frozenset({"i", "em", "cite", "dfn"})
_SKIPPED = frozenset(("img", "picture", "source", "track", "wbr", "area", "map"))
#: words of a class that mark a heading's subtitle or description line
SUBTITLE_WORDS = frozenset((
    "subtitle", "subheading", "subhead", "description", "lead", "standfirst", "summary",
    "strapline", "dek", "tagline", "deck",
))  # fmt: skip
_CLASS_SPLIT = re.compile(r"[-_\s]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: a number typed at the start of a list item's text ("16.", "(16)"), not a decimal
_TYPED_NUMBER = re.compile(r"\s*\(?\d{1,4}[.)](?!\d)\s*\S")
_BREAK = "\x0b"
_SPACE = re.compile(r"[ \t\n\r\f\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_OL_TYPES = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}


@dataclass(frozen=True)
class _Pending:
    """The kind of block the text being gathered will become."""

    kind: BlockKind = "paragraph"
    number: str | None = None
    level: int | None = None
    #: the block element it sits in is marked as a subtitle
    subtitle: bool = False


_PARAGRAPH = _Pending()


@dataclass
class _ListState:
    """An open ``<ol>`` or ``<ul>``: the number its next item gets."""

    ordered: bool
    number: int
    step: int
    fmt: str


@dataclass(frozen=True)
class _End:
    """Marks where an element's content ends, on the walk's stack."""

    node: Node


@dataclass(frozen=True)
class _Style:
    """The inline formatting in force."""

    bold: bool = False
    italic: bool = False


class Walker:
    """Collects blocks from an element tree in document order.

    ``continue_lists``: an ``<ol>`` without ``start`` (its first item without
    ``value``) counts on from the previous list at its depth, as LibreOffice
    writes continued lists (it marks every restart with ``<li value>``).
    """

    def __init__(self, *, continue_lists: bool = False) -> None:
        self.continue_lists = continue_lists
        self._next_at_depth: dict[tuple[int, str], int] = {}
        self.blocks: list[Block] = []
        #: indices of blocks that read as a subtitle or description line
        self.subtitles: set[int] = set()
        self._buffer: list[tuple[str, _Style]] = []
        self._pending = _PARAGRAPH
        self._styles: list[_Style] = [_Style()]
        self._lists: list[_ListState] = []
        self._items = 0  # list items open around the text: the nesting depth
        #: cells of a table's number column, and the number read from the last one
        self._column_cells: set[int] = set()
        self._column_number: str | None = None

    def walk(self, root: Node) -> list[Block]:
        """Read ``root``'s content; return all blocks found so far."""
        stack: list[Node | str | _End] = list(reversed(root.children))
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                self._buffer.append((item, self._styles[-1]))
            elif isinstance(item, _End):
                self._close(item.node)
            elif self._open(item):
                stack.append(_End(item))
                stack.extend(reversed(item.children))
        self._flush()
        return self.blocks

    def _open(self, node: Node) -> bool:
        """Start reading ``node``; False when its content is not to be walked."""
        name = node.tag
        style = self._styles[-1]
        if name == "br":
            self._buffer.append((_BREAK, style))
            return False
        if name in _SKIPPED:
            return False
        if name == "table":
            self._column_cells.update(id(cell) for cell in _number_column(node))
        elif id(node) in self._column_cells:
            self._flush()
            self._column_number = node.text().strip()  # goes before the text beside it
            return False
        if name == "pre":
            self._flush()
            self._pre(node, style.bold)
            return False
        if name in _HEADINGS:
            self._flush()
            # a heading that is a numbered list item prints the item's number
            label = self._pending.number if self._pending.kind == "list_item" else None
            self._pending = _Pending("heading", label, _HEADINGS[name])
        elif name in _LISTS:
            self._flush()
            self._lists.append(self._list_state(node))
        elif name == "li" and self._lists:
            self._flush()
            self._pending = self._next_item(node)
            self._items += 1
        elif name in _BLOCK:
            self._flush()
            if self._pending == _PARAGRAPH and _marked_subtitle(node):
                self._pending = _Pending(subtitle=True)
        elif _own_box(node):
            if self._bullet_marker():
                return False  # the bullet the page draws itself: not text
            self._typed_label()
            self._buffer.append((" ", style))  # a floated label is set apart from the text
        self._styles.append(
            _Style(
                bold=style.bold or name in _BOLD or name in _HEADINGS,
                italic=style.italic or name in _ITALIC,
            )
        )
        return True

    def _close(self, node: Node) -> None:
        name = node.tag
        self._styles.pop()
        if name in _HEADINGS:
            self._flush()
            self._pending = _PARAGRAPH
        elif name in _LISTS:
            self._flush()
            if self._lists:
                state = self._lists.pop()
                if state.ordered:
                    self._next_at_depth[(self._items, state.fmt)] = state.number
        elif name == "li" and self._items:
            self._flush()
            self._pending = _PARAGRAPH
            self._items -= 1
        elif name in _BLOCK:
            self._flush()
        elif _own_box(node):
            self._buffer.append((" ", self._styles[-1]))

    def _bullet_marker(self) -> bool:
        """A box floated at the start of a bulleted item holds its bullet."""
        started = any(p.strip() for p, _ in self._buffer)
        return not started and self._pending.kind == "list_item" and self._pending.number is None

    def _typed_label(self) -> None:
        """A box floated at the start of a list item holds the label the page
        shows (its list markers are hidden): the item's own number goes."""
        started = any(p.strip() for p, _ in self._buffer)
        pending = self._pending
        if started or pending.number is None or pending.kind not in ("list_item", "heading"):
            return
        kind: BlockKind = "heading" if pending.kind == "heading" else "paragraph"
        self._pending = _Pending(kind, None, pending.level if kind == "heading" else None)

    def _list_state(self, node: Node) -> _ListState:
        state = _list_state(node)
        first = next((c for c in node.children if isinstance(c, Node) and c.tag == "li"), None)
        bare = node.get("start") is None and (first is None or first.get("value") is None)
        key = (self._items, state.fmt)
        if self.continue_lists and state.ordered and bare and state.step == 1:
            state.number = self._next_at_depth.get(key, state.number)
        return state

    def _next_item(self, node: Node) -> _Pending:
        state = self._lists[-1]
        value = _int(node.get("value"))
        if value is not None:
            state.number = value
        label = format_number(state.number, state.fmt) if state.ordered else None
        state.number += state.step
        return _Pending("list_item", label, self._items)

    def _pre(self, node: Node, bold: bool) -> None:
        for line in node.text().splitlines():
            line = line.strip()
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
        pending, self._pending = self._pending, _PARAGRAPH
        if self._column_number is not None:
            text, self._column_number = f"{self._column_number} {text.lstrip()}", None
        kind, number, level = pending.kind, pending.number, pending.level
        shown = [s for p, s in pieces if p.strip() and p != _BREAK]
        bold = all(s.bold for s in shown)
        italic = all(s.italic for s in shown)
        if kind == "list_item" and number is not None and _typed(text, number):
            kind, number, level = "paragraph", None, None  # the number is typed as well
        elif kind == "list_item" and number is not None and _TYPED_NUMBER.match(text):
            # the page hides its list markers and types the numbers it shows
            kind, number, level = "paragraph", None, None
        if kind == "heading" and number is not None:
            if not _typed(text, number) and not _TYPED_NUMBER.match(text):
                text = f"{number}. {text.lstrip()}"
            number = None
        if kind == "list_item" and "\n" in text:
            text = text.replace("\n", " ")
        made = text_blocks(text, kind, number=number, level=level, bold=bold)
        if kind == "paragraph" and len(made) == 1 and (pending.subtitle or italic):
            self.subtitles.add(len(self.blocks))
        self.blocks.extend(made)


def _list_state(node: Node) -> _ListState:
    ordered = node.tag == "ol"
    reverse = ordered and "reversed" in node.attrs
    number = _int(node.get("start"))
    if number is None:
        count = sum(1 for c in node.children if isinstance(c, Node) and c.tag == "li")
        number = count if reverse else 1
    fmt = _OL_TYPES.get((node.get("type") or "1").strip(), "decimal")
    return _ListState(ordered=ordered, number=number, step=-1 if reverse else 1, fmt=fmt)


_NUMBER_CELL = re.compile(r"^\(?\d{1,4}[.)]?$")


def _number_column(table: Node) -> list[Node]:
    """The first cells of a table whose first column holds only paragraph
    numbers ("1.", "(2)") beside text: the statement set as a table."""
    firsts = []
    for row in (n for n in table.iter() if n.tag == "tr"):
        cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
        if len(cells) < 2 or not _NUMBER_CELL.match(cells[0].text().strip()):
            return []
        if not cells[1].text().strip():
            return []
        firsts.append(cells[0])
    return firsts


def _own_box(node: Node) -> bool:
    """An inline element the page sets as a box of its own (``float``,
    ``display: block``): a list label LibreOffice floats before the text."""
    style = (node.get("style") or "").replace(" ", "").lower()
    return "float:left" in style or "float:right" in style or "display:block" in style


def _marked_subtitle(node: Node) -> bool:
    """A class naming a subtitle: "subtitle", "page-lead", Word's "MsoSubtitle"."""
    classes = (node.get("class") or "").split()
    words = {w.lower() for c in classes for w in _CLASS_SPLIT.split(_CAMEL.sub("-", c)) if w}
    return bool(words & SUBTITLE_WORDS)


def _typed(text: str, number: str) -> bool:
    """The item's text starts with its own number ("3. ..."): a list whose
    markers are hidden by the page's style sheet."""
    return bool(re.match(rf"\s*\(?{re.escape(number)}[.)](?!\d)\s*\S", text))


def _int(value: str | None) -> int | None:
    if value is None or len(value.strip()) > 12:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None
