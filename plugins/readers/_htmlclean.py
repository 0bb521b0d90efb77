"""Finding a statement inside a web page: what is the site's furniture
(scripts, navigation, menus, banners, footers, share buttons) and where the
main text is (``<main>``, ``role=main``, ``<article>``, else the page body).

Works on a BeautifulSoup tree, which it changes in place; nothing the page
refers to (scripts, styles, frames, images, links) is ever fetched.
"""

from __future__ import annotations

import re
from typing import Any

#: elements that never hold statement text
NEVER_TEXT = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "video", "audio", "map", "form", "button",
    "input", "select", "textarea", "link", "meta", "base", "dialog", "head",
)  # fmt: skip
#: page furniture by element name
FURNITURE = ("nav", "aside", "menu")
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
    "backtotop", "searchbox",
))  # fmt: skip
_WORD_SPLIT = re.compile(r"[-_\s]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def drop_never_text(soup: Any) -> None:
    """Remove scripts, styles, frames, forms, media and comments."""
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    for element in soup.find_all(NEVER_TEXT):
        element.decompose()
    for node in soup.find_all(
        string=lambda s: isinstance(s, (Comment, Declaration, Doctype, ProcessingInstruction))
    ):
        node.extract()


def main_content(soup: Any) -> tuple[Any, bool]:
    """The element holding the statement, and whether the page marked it
    (``<main>``, ``role=main``, ``<article>``) rather than it being the body."""
    marked = soup.find_all("main") + soup.find_all(attrs={"role": "main"})
    if not marked:
        marked = soup.find_all("article")
    if marked:
        return max(marked, key=text_length), True
    return (soup.body or soup), False


def is_furniture(element: Any, *, outside_content: bool) -> bool:
    """Whether ``element`` is site furniture rather than statement text.

    ``<header>`` and ``<footer>`` count as furniture only outside the main
    content: inside an article a header holds the title.
    """
    name = element.name
    if name in FURNITURE:
        return True
    if outside_content and name in ("header", "footer"):
        return True
    role = (element.get("role") or "").strip().lower()
    if role in FURNITURE_ROLES:
        return True
    return _furniture_words(element)


def _furniture_words(element: Any) -> bool:
    names = [element.get("id") or ""]
    classes = element.get("class") or []
    names.extend(classes if isinstance(classes, list) else [str(classes)])
    for name in names:
        parts = {p.lower() for p in _WORD_SPLIT.split(_CAMEL.sub("-", str(name))) if p}
        joined = str(name).lower().replace("-", "").replace("_", "")
        if parts & FURNITURE_WORDS or joined in FURNITURE_WORDS:
            return True
    return False


def drop_furniture(root: Any, *, outside_content: bool) -> None:
    """Remove furniture and link lists from ``root`` (never ``root`` itself,
    nor an element holding most of its text: a layout wrapper whose class
    happens to say "sidebar" is not a sidebar)."""
    total = max(text_length(root), 1)
    doomed: list[Any] = []
    doomed_ids: set[int] = set()
    for element in root.find_all(True):
        if any(id(parent) in doomed_ids for parent in element.parents):
            continue
        furniture = is_furniture(element, outside_content=outside_content) or is_link_list(element)
        if furniture and text_length(element) < total * 0.5:
            doomed.append(element)
            doomed_ids.add(id(element))
    for element in doomed:
        element.decompose()


def is_link_list(element: Any) -> bool:
    """A menu without a menu's markup: a list or block that is mostly links."""
    if element.name not in ("ul", "ol", "div", "p", "table", "section", "dl"):
        return False
    text = element.get_text(" ", strip=True)
    if not text or len(text.split()) > 120:
        return False
    linked = sum(len(a.get_text(" ", strip=True)) for a in element.find_all("a"))
    return linked / len(text) > 0.6


def text_length(element: Any) -> int:
    """How many non-space characters ``element`` holds."""
    return sum(len(s) for s in element.get_text("", strip=True).split())
