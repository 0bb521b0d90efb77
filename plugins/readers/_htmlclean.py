"""Finding a statement inside a web page: what is the site's furniture
(scripts, navigation, menus, banners, footers, share buttons) and where the
main text is (``<main>``, ``role=main``, ``<article>``, else the page body).

Works on a :class:`._htmltree.Node` tree, which it changes in place, in time
linear in the size of the tree: text sizes are counted once, bottom up, and
elements are removed in one pass.  What a browser would show is kept: the
content of an ``<object>`` (its fallback, or what an unclosed one swallowed)
and of a ``<form>`` wrapping the page, as government CMSs do.  Nothing the page
refers to is ever fetched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ._htmltree import Node

#: elements that never hold statement text (what is inside is not shown as text)
NEVER_TEXT = frozenset((
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "noframes",
    "applet", "svg", "math", "canvas", "video", "audio", "button", "input", "select",
    "textarea", "option", "datalist", "link", "meta", "base", "dialog", "head", "title",
    "param",
))  # fmt: skip
#: elements whose tags go but whose content stays (an object's fallback content)
UNWRAP = frozenset(("object",))
#: page furniture by element name
FURNITURE = frozenset(("nav", "aside", "menu"))
#: page furniture by role
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
)
#: words of an id or class that mark furniture ("site-footer", "main-menu", "breadcrumbs")
FURNITURE_WORDS = frozenset((
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "breadcrumb", "breadcrumbs",
    "footer", "sidebar", "sidenav", "cookie", "cookies", "consent", "gdpr", "share", "sharing",
    "sns", "social", "banner", "skip", "skiplink", "toolbar", "pagination", "pager", "related",
    "advert", "advertisement", "ads", "promo", "subscribe", "newsletter", "pagetop",
    "backtotop", "searchbox", "search",
))  # fmt: skip
#: a link list holds at most this many words (a menu, not a paragraph with links)
LINK_LIST_WORDS = 120
_LINK_LIST_TAGS = frozenset(("ul", "ol", "div", "p", "table", "section", "dl"))
_WORD_SPLIT = re.compile(r"[-_\s]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_Test = Callable[[Node], bool]


@dataclass
class Sizes:
    """What every element holds, counted once: non-space characters, words,
    and non-space characters inside links."""

    chars: dict[int, int] = field(default_factory=dict)
    words: dict[int, int] = field(default_factory=dict)
    linked: dict[int, int] = field(default_factory=dict)

    @classmethod
    def count(cls, root: Node) -> Sizes:
        """Count bottom up, in one iterative pass."""
        sizes = cls()
        order = list(root.iter())
        for node in reversed(order):
            chars = words = linked = 0
            for child in node.children:
                if isinstance(child, str):
                    chars += _nonspace(child)
                    words += len(child.split())
                else:
                    key = id(child)
                    chars += sizes.chars[key]
                    words += sizes.words[key]
                    linked += sizes.linked[key]
            if node.tag == "a" and node.get("href") is not None:
                linked = chars  # an anchor without href is a bookmark, not a link
            key = id(node)
            sizes.chars[key] = chars
            sizes.words[key] = words
            sizes.linked[key] = linked
        return sizes

    def of(self, node: Node) -> int:
        """The non-space characters ``node`` holds."""
        return self.chars.get(id(node), 0)


def _nonspace(text: str) -> int:
    return len(text) - sum(text.count(c) for c in " \t\n\r\f\v\u00a0") if text else 0


def drop_never_text(root: Node) -> None:
    """Remove scripts, styles, frames, controls and media; unwrap objects."""
    prune(
        root,
        remove=lambda node: node.tag in NEVER_TEXT,
        unwrap=lambda node: node.tag in UNWRAP,
    )


def prune(
    root: Node,
    *,
    remove: _Test,
    unwrap: _Test | None = None,
) -> None:
    """Remove the elements ``remove`` accepts (with their content) and unwrap
    the ones ``unwrap`` accepts (keeping their content), in one pass."""
    stack = [root]
    while stack:
        node = stack.pop()
        kept: list[Node | str] = []
        changed = False
        queue: list[Node | str] = list(node.children)
        queue.reverse()
        while queue:
            child = queue.pop()
            if isinstance(child, Node):
                if remove(child):
                    child.parent = None
                    changed = True
                    continue
                if unwrap is not None and unwrap(child):
                    queue.extend(reversed(child.children))
                    changed = True
                    continue
                child.parent = node
                stack.append(child)
            elif kept and isinstance(kept[-1], str):
                kept[-1] += child  # two texts side by side once an element is gone
                continue
            kept.append(child)
        if changed or len(kept) != len(node.children):
            node.children = kept


def main_content(document: Node, sizes: Sizes) -> tuple[Node, bool]:
    """The element holding the statement, and whether the page marked it
    (``<main>``, ``role=main``, ``<article>``) rather than it being the body."""
    elements = list(document.iter())
    marked = [n for n in elements if n.tag == "main" or (n.get("role") or "").lower() == "main"]
    if not marked:
        marked = [n for n in elements if n.tag == "article"]
    if marked:
        return max(marked, key=sizes.of), True
    body = next((n for n in elements if n.tag == "body"), None)
    return (body or document), False


def is_furniture(node: Node, *, outside_content: bool) -> bool:
    """Whether ``node`` is site furniture rather than statement text.

    ``<header>`` and ``<footer>`` count as furniture only outside the main
    content: inside an article a header holds the title.  A ``<form>`` is
    furniture unless it holds the statement (checked by the caller).
    """
    name = node.tag
    if name in FURNITURE or name == "form":
        return True
    if outside_content and name in ("header", "footer"):
        return True
    role = (node.get("role") or "").strip().lower()
    if role in FURNITURE_ROLES:
        return True
    if _page_furniture(node):
        return True
    return _furniture_words(node)


def _page_furniture(node: Node) -> bool:
    """A printed page's header or footer as office suites save them:
    LibreOffice's ``<div title="header">``, Word's ``mso-element:header``."""
    title = (node.get("title") or "").strip().lower()
    if node.tag == "div" and title in ("header", "footer"):
        return True
    style = (node.get("style") or "").replace(" ", "").lower()
    return "mso-element:header" in style or "mso-element:footer" in style


def _furniture_words(node: Node) -> bool:
    names = [node.get("id") or "", *(node.get("class") or "").split()]
    for name in names:
        if not name:
            continue
        parts = {p.lower() for p in _WORD_SPLIT.split(_CAMEL.sub("-", name)) if p}
        joined = name.lower().replace("-", "").replace("_", "")
        if parts & FURNITURE_WORDS or joined in FURNITURE_WORDS:
            return True
    return False


def is_link_list(node: Node, sizes: Sizes) -> bool:
    """A menu without a menu's markup: a list or block that is mostly links."""
    if node.tag not in _LINK_LIST_TAGS:
        return False
    key = id(node)
    chars = sizes.chars.get(key, 0)
    if not chars or sizes.words.get(key, 0) > LINK_LIST_WORDS:
        return False
    return sizes.linked.get(key, 0) / chars > 0.6


def drop_furniture(root: Node, sizes: Sizes, *, outside_content: bool) -> None:
    """Remove furniture and link lists from ``root`` (never ``root`` itself,
    nor an element holding half its text or more: a layout wrapper whose class
    happens to say "sidebar", or a form wrapping the whole page, is neither)."""
    total = max(sizes.of(root), 1)

    def doomed(node: Node) -> bool:
        furniture = is_furniture(node, outside_content=outside_content) or is_link_list(node, sizes)
        return furniture and sizes.of(node) < total * 0.5

    prune(root, remove=doomed)
