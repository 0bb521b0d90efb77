"""The page around the content: the document template, the classification
marking, the running title, ``Page X of Y`` footers and the outline.

"Page X of Y" needs the page count before the first page is written, so the
canvas keeps each finished page and writes them all in :meth:`save`, when the
count is known (one layout pass, not two).  Bookmarks made while laying out
are replayed then, so each points at its own page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, BinaryIO

from . import styles as st
from .fonts import FontSet
from .summary import Properties


@dataclass(frozen=True)
class Decor:
    """What every page shows besides the content."""

    running_title: str
    classification: str
    fonts: FontSet


def pdf_date(created: datetime) -> str:
    """A PDF date string (``D:YYYYMMDDHHmmSS+00'00'``) for a naive UTC time."""
    return created.strftime("D:%Y%m%d%H%M%S+00'00'")


def page_label(number: int, total: int) -> str:
    """The footer's page number text."""
    return f"Page {number} of {total}"


def _draw_text(canv: Any, decor: Decor, text: str, x: float, y: float, *, size: float,
               colour: str, bold: bool = False, align: str = "left") -> None:
    from reportlab.lib import colors

    font = decor.fonts.font_for(text, "bold" if bold else "regular")
    canv.setFont(font, size)
    canv.setFillColor(colors.HexColor(colour))
    draw = {"left": canv.drawString, "right": canv.drawRightString}.get(
        align, canv.drawCentredString
    )
    draw(x, y, text)


def draw_page_frame(decor: Decor, canv: Any, doc: Any) -> None:
    """The header and the left and centre of the footer (the page number
    comes last, from :class:`SummaryCanvas`)."""
    from reportlab.lib import colors

    canv.saveState()
    top = st.PAGE_HEIGHT - 30
    if decor.classification:
        _draw_text(canv, decor, decor.classification, st.PAGE_WIDTH / 2, top, size=8,
                   colour=st.ALERT, bold=True, align="centre")
    if doc.page > 1:
        _draw_text(canv, decor, decor.running_title, st.MARGIN_X, top, size=7.5,
                   colour=st.MUTED)
    canv.setStrokeColor(colors.HexColor(st.RULE))
    canv.setLineWidth(0.5)
    canv.line(st.MARGIN_X, st.MARGIN_BOTTOM - 18, st.PAGE_WIDTH - st.MARGIN_X,
              st.MARGIN_BOTTOM - 18)
    footer_y = st.MARGIN_BOTTOM - 30
    _draw_text(canv, decor, decor.running_title, st.MARGIN_X, footer_y, size=7.5,
               colour=st.MUTED)
    if decor.classification:
        _draw_text(canv, decor, decor.classification, st.PAGE_WIDTH / 2, footer_y - 11,
                   size=7.5, colour=st.ALERT, bold=True, align="centre")
    canv.restoreState()


def canvas_maker(decor: Decor, created: datetime) -> Callable[..., Any]:
    """The canvas class for :meth:`BaseDocTemplate.build`, bound to the page decor."""
    from reportlab.pdfgen.canvas import Canvas

    class SummaryCanvas(Canvas):  # type: ignore[misc]
        """Defers pages until the count is known; stamps the fixed creation date."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: pdf_date(created))
            self._pages: list[dict[str, Any]] = []
            self._marks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> Any:  # noqa: N802
            """Record the bookmark; it is bound to its page in :meth:`save`."""
            self._marks.append((key, kwargs))
            return self._bookmarkReference(key)

        def showPage(self) -> None:  # noqa: N802
            """Keep the finished page and start a new one."""
            self._pages.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            """Write every page with its ``Page X of Y`` footer, then the file."""
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                for key, kwargs in self._marks:
                    Canvas.bookmarkPage(self, key, **kwargs)
                self._number_page(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _number_page(self, total: int) -> None:
            text = page_label(self._pageNumber, total)
            self.saveState()
            _draw_text(self, decor, text, st.PAGE_WIDTH - st.MARGIN_X, st.MARGIN_BOTTOM - 30,
                       size=7.5, colour=st.MUTED, align="right")
            self.restoreState()

    return partial(SummaryCanvas)


def make_document(stream: BinaryIO, props: Properties, decor: Decor) -> Any:
    """The document template: one frame per A4 page, properties set, invariant
    output (no random ID, no time stamped by reportlab)."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    doc = BaseDocTemplate(
        stream,
        pagesize=(st.PAGE_WIDTH, st.PAGE_HEIGHT),
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        title=props.title,
        author=props.author,
        subject=props.subject,
        keywords=props.keywords,
        creator=props.creator,
        lang=props.language,
        invariant=1,
        pageCompression=1,
        displayDocTitle=True,
    )
    frame = Frame(
        st.MARGIN_X,
        st.MARGIN_BOTTOM,
        st.FRAME_WIDTH,
        st.PAGE_HEIGHT - st.MARGIN_TOP - st.MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=partial(draw_page_frame, decor))]
    )
    return doc


def anchor(key: str, title: str, level: int) -> Any:
    """A zero-height flowable that bookmarks its place and adds an outline entry.
    It keeps with the heading that follows, so both land on the same page."""
    from reportlab.platypus import Flowable

    class Anchor(Flowable):  # type: ignore[misc]
        """Outline entry ``title`` at ``level``, pointing here."""

        def __init__(self) -> None:
            super().__init__()
            self.width = self.height = 0
            self.keepWithNext = True

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.canv.bookmarkHorizontal(key, 0, 0)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)

    return Anchor()
