"""Printing: landscape, fitted to the page width, header row repeated, and a page
header and footer with the classification, the sheet and the page number."""

from __future__ import annotations

from typing import Any

#: ``-O paper=...`` values and Excel's paper-size codes.
PAPER_SIZES: dict[str, int] = {"a4": 9, "a3": 8, "letter": 1, "legal": 5}


def print_setup(ws: Any, *, title_rows: str | None = None, landscape: bool = True) -> None:
    """Landscape (or portrait), one page wide and as many pages tall as needed."""
    setup = ws.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    margins = ws.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows


def _escape(text: str) -> str:
    # "&" starts a code in Excel's header and footer language.
    return text.replace("&", "&&")


def page_texts(ws: Any, *, classification: str, title: str, paper: int) -> None:
    """The page header (classification, sheet name, statement) and footer (page N of M)."""
    ws.page_setup.paperSize = paper
    for part in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        part.left.text = _escape(classification)
        part.left.size = 8
        part.center.text = "&A"
        part.center.size = 8
        part.right.text = _escape(title if len(title) <= 80 else title[:77] + "...")
        part.right.size = 8
    for part in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        part.left.text = _escape(classification)
        part.left.size = 8
        part.right.text = "Page &P of &N"
        part.right.size = 8
