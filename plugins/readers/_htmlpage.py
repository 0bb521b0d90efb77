"""Reading one web page: parse, refuse entity declarations, drop the site's
furniture, find the statement, walk it into blocks, collect metadata."""

from __future__ import annotations

import re

from jtreport.blocks import Block, ReadResult
from jtreport.errors import InputError

from ._htmlclean import Sizes, drop_furniture, drop_never_text, main_content
from ._htmltree import Node, parse
from ._htmlwalk import Walker
from ._shared import (
    attach_descriptions,
    clean_line,
    settle_headings,
    unmarked_headings_note,
    words_in,
)

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_DATE_META = (
    "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
    "article:published_time", "citation_publication_date", "pubdate", "publishdate",
)  # fmt: skip
_TITLE_META = ("og:title", "dc.title", "dcterms.title", "title")
_TITLE_SEPARATOR = re.compile(r"\s+[|｜]\s+|\s*｜\s*")
#: a statement holds at least this many words outside its headings...
MIN_WORDS = 40
#: ...and at least one paragraph this long
MIN_PARAGRAPH_WORDS = 12
#: metadata values are cut to this length
MAX_META_CHARS = 500

NO_STATEMENT = (
    "holds no statement text (after removing the site's navigation, menus, scripts "
    "and footers nothing like a statement is left)"
)


def read_page(data: bytes, path: str) -> ReadResult:
    """The blocks and metadata of the statement on the page ``data``."""
    if _ENTITY_DECLARATION.search(data[:1_000_000]):
        raise InputError(
            "declares XML entities (<!ENTITY>), which jtreport never expands "
            "(possibly an entity-expansion or external-entity attack); refusing to read it",
            path=path,
        )
    document = parse(data, path)
    metadata = _metadata(document)
    libreoffice = _made_by_libreoffice(document)
    drop_never_text(document)
    sizes = Sizes.count(document)
    root, marked = main_content(document, sizes)
    title = _outside_title(document, root) if marked else None
    drop_furniture(root, sizes, outside_content=not marked)
    walker = Walker(continue_lists=libreoffice)
    blocks = walker.walk(root)
    subtitles = walker.subtitles
    if title is not None:
        blocks.insert(0, title)
        subtitles = {index + 1 for index in subtitles}
    blocks = attach_descriptions(settle_headings(blocks), subtitles)
    _check_statement(blocks, path)
    heading = next((b for b in blocks if b.kind == "heading" and b.level == 0), None)
    if heading is not None:
        metadata["title"] = heading.text
    warnings = unmarked_headings_note(blocks, "heading tags (<h2>, <h3>...)")
    return ReadResult(blocks=blocks, warnings=warnings, metadata=metadata)


def _made_by_libreoffice(document: Node) -> bool:
    """Whether LibreOffice (or OpenOffice) wrote the page: its lists follow
    LibreOffice's convention (see :class:`._htmlwalk.Walker`)."""
    for node in document.iter():
        if node.tag == "meta" and (node.get("name") or "").lower() == "generator":
            content = (node.get("content") or "").lower()
            return "libreoffice" in content or "openoffice" in content
    return False


def _outside_title(document: Node, root: Node) -> Block | None:
    """The page's ``<h1>`` when the main content lacks one (sites often set the
    title above ``<main>``); None when the page has none or several."""
    inside = {id(node) for node in root.iter()}
    if any(node.tag == "h1" for node in root.iter()):
        return None
    outside = [n for n in document.iter() if n.tag == "h1" and id(n) not in inside]
    if len(outside) != 1:
        return None
    text = clean_line(outside[0].text(" "))
    return Block(text=text, kind="heading", level=1, bold=True) if text else None


def _check_statement(blocks: list[Block], path: str) -> None:
    body = [b for b in blocks if b.kind != "heading"]
    words = sum(words_in(b.text) for b in body)
    longest = max((words_in(b.text) for b in body), default=0)
    if words < MIN_WORDS or longest < MIN_PARAGRAPH_WORDS:
        raise InputError(NO_STATEMENT, path=path)


def _page_title(title: str) -> str:
    """A ``<title>`` without the site's name: sites write "Statement | Ministry"."""
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    return parts[0] if parts else title


def _metadata(document: Node) -> dict[str, str]:
    """Title and date hints from ``<title>``, ``<meta>`` and ``<time>``."""
    found: dict[str, str] = {}
    metas: dict[str, str] = {}
    title: str | None = None
    time: str | None = None
    for node in document.iter():
        if node.tag == "meta":
            key = (node.get("name") or node.get("property") or node.get("itemprop") or "").lower()
            content = node.get("content")
            if key and content and key not in metas:
                metas[key] = clean_line(content[:MAX_META_CHARS])
        elif node.tag == "title" and title is None:
            title = clean_line(node.text()[:MAX_META_CHARS])
        elif node.tag == "time" and time is None and node.get("datetime"):
            time = node.get("datetime")
    for key in _TITLE_META:
        if metas.get(key):
            found["title"] = metas[key]
            break
    else:
        if title:
            found["title"] = _page_title(title)
    for value in [*(metas.get(key, "") for key in _DATE_META), time or ""]:
        match = _ISO_DATE.match(value)
        if match:
            found["date"] = match.group(1)
            break
    return found
