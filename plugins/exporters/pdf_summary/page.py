"""The page around the content: the document template, the classification
marking, the running title, ``Page X of Y`` footers and the outline.

"Page X of Y" needs the page count before the first page is written, so the
canvas keeps each finished page and writes them all in :meth:`SummaryCanvas.save`,
when the count is known (one layout pass, not two).  Bookmarks made while laying
out are replayed then, so each points at its own page.

Imported only when a PDF is written (reportlab is loaded here).
"""

from __future__ import annotations

import io
from datetime import datetime
from functools import partial
from typing import Any, BinaryIO

import msgspec
from jtreport.reproducible import naive_utc
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import FrameActionFlowable

from . import styles as st
from .fonts import FontSet
from .summary import Properties, RunningTitle

_HEADER_Y = st.PAGE_HEIGHT - 30
_RULE_Y = st.MARGIN_BOTTOM - 18
_FOOTER_Y = st.MARGIN_BOTTOM - 30
_SMALL = 7.5


class Decor(msgspec.Struct, frozen=True):
    """What every page shows besides the content."""

    running_title: RunningTitle
    classification: str
    fonts: FontSet
    #: the reader's day, printed at the right of the header
    as_of: str = ""


def pdf_date(created: datetime) -> str:
    """A PDF date string (``D:YYYYMMDDHHmmSS+00'00'``) for a UTC time (a naive one
    is taken as UTC)."""
    return naive_utc(created).strftime("D:%Y%m%d%H%M%S+00'00'")


def page_label(number: int, total: int) -> str:
    """The footer's page number text."""
    return f"Page {number} of {total}"


def fitted_title(title: RunningTitle, font: str, size: float, width: float) -> str:
    """The running title in ``width`` points: the parties give way first (to
    "Joint statement"), the date never does."""
    candidates = [
        f"{title.head}, {title.date}" if title.date else title.head,
        f"Joint statement, {title.date}" if title.date else "Joint statement",
        title.date,
    ]
    for text in candidates:
        if text and stringWidth(text, font, size) <= width:
            return text
    return title.date or ""


def _draw(
    canv: Any,
    decor: Decor,
    text: str,
    x: float,
    y: float,
    *,
    colour: str,
    bold: bool = False,
    align: str = "left",
) -> None:
    font = decor.fonts.font_for(text, "bold" if bold else "regular")
    canv.setFont(font, _SMALL)
    canv.setFillColor(colors.HexColor(colour))
    if align == "left":
        canv.drawString(x, y, text)
    elif align == "right":
        canv.drawRightString(x, y, text)
    else:
        canv.drawCentredString(x, y, text)


#: How far a marking that needs a line of its own sits from the header's and the
#: footer's line.
_MARKING_STEP = 9.5


def _marking_half(decor: Decor) -> float:
    marking = decor.classification
    return float(stringWidth(marking, decor.fonts.font_for(marking, "bold"), _SMALL)) / 2


def marking_alone(decor: Decor) -> bool:
    """True when the classification marking is too wide to share its line with
    the running title's date (and the reader's day, of the same width): it then
    gets a line of its own, so the date is never what gives way."""
    date = decor.running_title.date or decor.running_title.head
    width = float(stringWidth(date, decor.fonts.font_for(date), _SMALL))
    return bool(decor.classification) and _title_room(decor, shared=True) < width


def _title_room(decor: Decor, *, shared: bool | None = None) -> float:
    # the running title stops short of the centred classification marking,
    # unless the marking has a line of its own
    if shared is None:
        shared = not marking_alone(decor)
    half = _marking_half(decor) if shared else 0.0
    return st.PAGE_WIDTH / 2 - st.MARGIN_X - half - 12


def _running(decor: Decor) -> str:
    font = decor.fonts.font_for(decor.running_title.head, "regular")
    return fitted_title(decor.running_title, font, _SMALL, _title_room(decor))


def draw_header(decor: Decor, canv: Any, doc: Any) -> None:
    """The classification marking, the running title (after the first page)
    and the reader's day.  Drawn before the content, so text extraction reads
    it first.  A marking too wide to leave room for the date goes above them."""
    canv.saveState()
    alone = marking_alone(decor)
    if decor.classification and alone:
        _marking(canv, decor, _HEADER_Y + _MARKING_STEP)
    if doc.page > 1:
        _draw(canv, decor, _running(decor), st.MARGIN_X, _HEADER_Y, colour=st.MUTED)
    if decor.classification and not alone:
        _marking(canv, decor, _HEADER_Y)
    if decor.as_of:
        _draw(
            canv,
            decor,
            decor.as_of,
            st.PAGE_WIDTH - st.MARGIN_X,
            _HEADER_Y,
            colour=st.MUTED,
            align="right",
        )
    canv.restoreState()


def _marking(canv: Any, decor: Decor, y: float) -> None:
    _draw(
        canv,
        decor,
        decor.classification,
        st.PAGE_WIDTH / 2,
        y,
        colour=st.ALERT,
        bold=True,
        align="centre",
    )


def draw_footer(decor: Decor, canv: Any, doc: Any) -> None:
    """A rule, the running title and the classification marking (below them
    when it needs a line of its own), drawn after the content; the page number
    follows from :class:`SummaryCanvas`."""
    canv.saveState()
    canv.setStrokeColor(colors.HexColor(st.RULE))
    canv.setLineWidth(0.5)
    canv.line(st.MARGIN_X, _RULE_Y, st.PAGE_WIDTH - st.MARGIN_X, _RULE_Y)
    _draw(canv, decor, _running(decor), st.MARGIN_X, _FOOTER_Y, colour=st.MUTED)
    if decor.classification:
        below = _MARKING_STEP if marking_alone(decor) else 0.0
        _marking(canv, decor, _FOOTER_Y - below)
    canv.restoreState()


class SummaryCanvas(Canvas):  # type: ignore[misc]
    """A canvas that defers its pages until the count is known, numbers them
    ``Page X of Y`` and stamps the given creation date instead of the clock."""

    def __init__(self, *args: Any, decor: Decor, created: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self.setDateFormatter(lambda *_: pdf_date(created))
        self._pages: list[dict[str, Any]] = []
        self._marks: list[tuple[str, dict[str, Any]]] = []

    def bookmarkPage(self, key: str, **kwargs: Any) -> Any:
        """Record the bookmark; :meth:`save` binds it to its page."""
        self._marks.append((key, kwargs))
        return self._bookmarkReference(key)

    def showPage(self) -> None:
        """Keep the finished page and start a new one."""
        self._pages.append(dict(self.__dict__))
        self._marks = []
        self._startPage()

    def save(self) -> None:
        """Write every page with its page number, then the file."""
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            for key, kwargs in self._marks:
                Canvas.bookmarkPage(self, key, **kwargs)
            text = page_label(self._pageNumber, total)
            self.saveState()
            _draw(
                self,
                self._decor,
                text,
                st.PAGE_WIDTH - st.MARGIN_X,
                _FOOTER_Y,
                colour=st.MUTED,
                align="right",
            )
            self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)


class Anchor(Flowable):  # type: ignore[misc]
    """A zero-height flowable that bookmarks its place and adds an outline
    entry; it keeps with the heading that follows, so both share a page."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0
        self.keepWithNext = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes no room."""
        return 0, 0

    def draw(self) -> None:
        """Bookmark this spot and add the outline entry."""
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def _body_frame() -> Any:
    """The one text frame of every page."""
    return Frame(
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


def make_document(stream: BinaryIO, props: Properties, decor: Decor) -> Any:
    """The document template: A4 pages with one frame and the page decor, the
    properties set, and invariant output (no random ID, no clock time)."""
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
        initialFontName=decor.fonts.name("regular"),
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                id="page",
                frames=[_body_frame()],
                onPage=partial(draw_header, decor),
                onPageEnd=partial(draw_footer, decor),
            )
        ]
    )
    return doc


def build(doc: Any, story: list[Any], decor: Decor, created: datetime) -> None:
    """Lay out ``story`` and write the PDF."""
    doc.build(story, canvasmaker=partial(SummaryCanvas, decor=decor, created=created))


class EndMark(Flowable):  # type: ignore[misc]
    """A zero-height flowable put last in the story: it records the page it
    lands on and how full that page is, in ``report`` (a :class:`Layout`)."""

    def __init__(self, report: Any) -> None:
        super().__init__()
        self.report = report
        self.width = self.height = 0
        self._room = st.FRAME_HEIGHT

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Takes no room; remembers the room left on the page."""
        self._room = avail_height
        return 0, 0

    def draw(self) -> None:
        """Record the last page's number and fill."""
        self.report.pages = self.canv.getPageNumber()
        self.report.last_fill = max(0.0, 1 - self._room / st.FRAME_HEIGHT)


class Checkpoint(FrameActionFlowable):  # type: ignore[misc]
    """Takes no room and draws nothing: records the page it is laid out on and
    where on that page (the frame's position and the space after the flowable
    before it), so that what follows can be laid out again from here alone
    (:func:`lay_out_from`)."""

    def __init__(self) -> None:
        self.page = 1
        self.state: dict[str, Any] = {}

    def frameAction(self, frame: Any) -> None:
        """Record the page and the frame's state (the frame sets ``canv`` first)."""
        self.page = self.canv.getPageNumber()
        self.state = {name: getattr(frame, name) for name in _FRAME_STATE}


class _Resume(FrameActionFlowable):  # type: ignore[misc]
    """Puts the frame back where a :class:`Checkpoint` was."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state

    def frameAction(self, frame: Any) -> None:
        """Restore the recorded state."""
        for name, value in self.state.items():
            setattr(frame, name, value)


#: What a frame's layout of the next flowable depends on: where it is, whether
#: it is at the top (no space before), and the space after the last flowable.
_FRAME_STATE = ("_y", "_atTop", "_prevASpace")


def lay_out_from(start: Checkpoint, story: list[Any]) -> None:
    """Lay ``story`` out as it would continue from ``start`` (on a page like the
    summary's, the page count restarting at 1); nothing is kept but what the
    story's own flowables record (an :class:`EndMark`)."""
    doc = BaseDocTemplate(
        io.BytesIO(),
        pagesize=(st.PAGE_WIDTH, st.PAGE_HEIGHT),
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        invariant=1,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[_body_frame()])])
    doc.build([_Resume(start.state), *story])
