"""A web page as a light element tree, built from libxml2's HTML parser events.

libxml2 (through lxml) copes with the broken HTML sites serve and is fast,
but its own tree stops at 256 levels of nesting, silently dropping what lies
deeper, and it treats ``<embed>`` as a container that swallows the rest of the
page.  Its parser *events* have neither limit, so the tree is built here from
them: void elements (``<embed>``, ``<img>``, ``<br>``...) hold nothing, as in a
browser; comments and processing instructions are dropped; every walk over
the tree is iterative, so no depth of nesting reaches Python's recursion
limit.  Nothing the page refers to is fetched.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from jtreport.errors import InputError

#: elements that never have content or an end tag (the HTML standard's list)
VOID = frozenset((
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
    "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
))  # fmt: skip
#: a page holding more elements than this is refused (a statement page has a few thousand)
MAX_ELEMENTS = 400_000

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


class Node:
    """One element: its tag (lower case), attributes and children in order
    (``Node`` s and text strings)."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def get(self, name: str, default: str | None = None) -> str | None:
        """The value of attribute ``name``."""
        return self.attrs.get(name, default)

    def iter(self) -> Iterator[Node]:
        """This element and every element inside it, in document order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Node)]))

    def find_all(self, tags: frozenset[str] | tuple[str, ...]) -> list[Node]:
        """The elements inside this one (itself included) with one of ``tags``."""
        return [node for node in self.iter() if node.tag in tags]

    def strings(self) -> Iterator[str]:
        """The text strings inside this element, in document order."""
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                yield item
            else:
                stack.extend(reversed(item.children))

    def text(self, separator: str = "") -> str:
        """All the text inside this element."""
        return separator.join(self.strings())

    def remove(self) -> None:
        """Take this element (and what it holds) out of the tree."""
        if self.parent is not None:
            self.parent.children = [c for c in self.parent.children if c is not self]
            self.parent = None

    def unwrap(self) -> None:
        """Replace this element by what it holds."""
        parent = self.parent
        if parent is None:
            return
        at = next(i for i, c in enumerate(parent.children) if c is self)
        for child in self.children:
            if isinstance(child, Node):
                child.parent = parent
        parent.children[at : at + 1] = self.children
        self.parent = None


class _Builder:
    """An lxml parser target that builds :class:`Node` s."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.root = Node("#document", {}, None)
        self.stack: list[Node] = [self.root]
        #: end events libxml2 will send for void elements, which were never opened
        self.void_ends: dict[str, int] = {}
        self.count = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise InputError(
                f"holds more than {MAX_ELEMENTS:,} HTML elements (a statement page has a few "
                "thousand); refusing to read it",
                path=self.path,
            )
        parent = self.stack[-1]
        node = Node(name, {str(k).lower(): str(v) for k, v in attrib.items()}, parent)
        parent.children.append(node)
        if name in VOID:
            self.void_ends[name] = self.void_ends.get(name, 0) + 1
        else:
            self.stack.append(node)

    def end(self, tag: str) -> None:
        name = tag.lower() if isinstance(tag, str) else ""
        if self.void_ends.get(name):
            self.void_ends[name] -= 1
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == name:
                del self.stack[depth:]
                return

    def data(self, text: str) -> None:
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += text
        else:
            children.append(text)

    def comment(self, text: str) -> None:
        """Comments are not text."""

    def pi(self, target: str, data: str | None = None) -> None:
        """Processing instructions are not text."""

    def doctype(self, *args: object) -> None:
        """The doctype says nothing about the statement."""

    def close(self) -> Node:
        return self.root


def decode(data: bytes) -> str:
    """The page's text: by its byte-order mark, else its declared charset
    (``<meta charset>``, the XML declaration), else UTF-8 when it decodes,
    else Windows-1252 (what browsers assume)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    head = data[:4096]
    declared = _META_CHARSET.search(head) or _XML_ENCODING.match(head)
    if declared:
        name = declared.group(1).decode("ascii", errors="replace")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = ""
        # pages declare UTF-16 while being served as bytes of another encoding
        if codec and not codec.startswith("utf-16"):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse(data: bytes, path: str) -> Node:
    """The element tree of the page ``data`` (its ``#document`` node)."""
    from lxml import etree

    text = decode(data)
    body = _XML_DECLARATION.sub(b"", text.encode("utf-8", errors="replace"), count=1)
    builder = _Builder(path)
    parser = etree.HTMLParser(target=builder, encoding="utf-8", no_network=True)
    try:
        parser.feed(body)
        parser.close()
    except etree.ParserError:
        pass  # libxml2 gave up on a hopeless page: what was read is kept
    root: Node = builder.root
    return root
