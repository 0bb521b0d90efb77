"""Reader for statements published as web pages (.html, .htm, .xhtml).

Keeps the statement's main text and drops the site around it: scripts,
styles, navigation, menus, breadcrumbs, banners, sidebars, share buttons and
footers.  Headings, paragraphs, ``<br>`` lines, table cells and list items
(with the numbers ``<ol start>`` and ``<li value>`` give them) become blocks;
the page ``<title>`` and date metadata become hints.  Nothing the page points
to is fetched, and a page that declares XML entities is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from jtreport import hookimpl
from jtreport.formats import Reader

if TYPE_CHECKING:
    from jtreport.blocks import ReadResult

_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)


class WebPageReader(Reader):
    """HTML pages."""

    name = "html"
    extensions = (".html", ".htm", ".xhtml")
    description = "web pages (.html), without the site's navigation and footers"

    def sniff(self, head: bytes) -> bool:
        """A document that starts as HTML does (a doctype or an ``<html>`` tag)."""
        return bool(_HTML_START.match(head[:4096]))

    def read(self, data: bytes, path: str) -> ReadResult:
        """Parse the page, find the statement in it and walk it into blocks."""
        from ._htmlpage import read_page

        return read_page(data, path)


@hookimpl
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register the web-page reader."""
    register(WebPageReader())
