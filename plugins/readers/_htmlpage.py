"""Reading one web page: parse, refuse entity declarations, drop the site's
furniture, find the statement, walk it into blocks, collect metadata."""

from __future__ import annotations

import re
from typing import Any

from jtreport.blocks import Block, ReadResult
from jtreport.errors import InputError

from ._htmlclean import drop_furniture, drop_never_text, main_content
from ._htmlwalk import Walker
from ._shared import clean_line, settle_headings, words_in

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_DATE_META = (
    "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
    "article:published_time", "citation_publication_date", "pubdate", "publishdate",
)  # fmt: skip
_TITLE_META = ("og:title", "dc.title", "dcterms.title", "title")
#: a statement holds at least this many words outside its headings...
MIN_WORDS = 40
#: ...and at least one paragraph this long
MIN_PARAGRAPH_WORDS = 12

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
    soup = _parse(data)
    metadata = _metadata(soup)
    drop_never_text(soup)
    root, marked = main_content(soup)
    title = _outside_title(soup, root) if marked else None
    drop_furniture(root, outside_content=not marked)
    blocks = Walker().walk(root)
    if title is not None:
        blocks.insert(0, title)
    blocks = settle_headings(blocks)
    _check_statement(blocks, path)
    heading = next((b for b in blocks if b.kind == "heading" and b.level == 0), None)
    if heading is not None:
        metadata["title"] = heading.text
    return ReadResult(blocks=blocks, metadata=metadata)


def _parse(data: bytes) -> Any:
    from bs4 import BeautifulSoup, FeatureNotFound

    try:
        return BeautifulSoup(data, "lxml")
    except FeatureNotFound:  # lxml comes with python-docx, but be safe
        return BeautifulSoup(data, "html.parser")


def _outside_title(soup: Any, root: Any) -> Block | None:
    """The page's ``<h1>`` when the main content lacks one (sites often set the
    title above ``<main>``); None when the page has none or several."""
    if root.find("h1") is not None:
        return None
    outside = [h for h in soup.find_all("h1") if not any(p is root for p in h.parents)]
    if len(outside) != 1:
        return None
    text = clean_line(outside[0].get_text(" "))
    return Block(text=text, kind="heading", level=1, bold=True) if text else None


def _check_statement(blocks: list[Block], path: str) -> None:
    body = [b for b in blocks if b.kind != "heading"]
    words = sum(words_in(b.text) for b in body)
    longest = max((words_in(b.text) for b in body), default=0)
    if words < MIN_WORDS or longest < MIN_PARAGRAPH_WORDS:
        raise InputError(NO_STATEMENT, path=path)


def _metadata(soup: Any) -> dict[str, str]:
    """Title and date hints from ``<title>`` and ``<meta>``."""
    found: dict[str, str] = {}
    metas: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = clean_line(str(content))
    for key in _TITLE_META:
        if metas.get(key):
            found["title"] = metas[key]
            break
    else:
        if soup.title is not None and soup.title.string:
            found["title"] = clean_line(str(soup.title.string))
    for key in _DATE_META:
        match = _ISO_DATE.match(metas.get(key, ""))
        if match:
            found["date"] = match.group(1)
            break
    else:
        time = soup.find("time", attrs={"datetime": True})
        match = _ISO_DATE.match(str(time["datetime"])) if time is not None else None
        if match:
            found["date"] = match.group(1)
    return found
