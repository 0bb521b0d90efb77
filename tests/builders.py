"""Build .docx, .pdf and .html statements from the text of a .txt statement,
with the real tools a ministry's office or web site would use (python-docx,
reportlab, an HTML page template), so the readers are tested on what they will
meet: Word list numbering, running headers and page numbers, site navigation.

The text is first cut into :class:`Unit` s (title, part and area headings,
numbered and unnumbered paragraphs, signature lines) by :func:`segment`; every
builder renders the same units, so all formats carry the same statement.
"""

from __future__ import annotations

import copy
import html
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from jtreport.api import bundled_statement
from jtreport.plugins.readers.plain_text import text_to_blocks

#: the bundled Japan–Tajikistan statement, as installed with the package
BUNDLED = bundled_statement()
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

UnitKind = Literal["title", "part", "area", "paragraph", "signature"]

_NUMBERED = re.compile(r"^\s*(\d{1,3})\.\s+(.*)$")
_PART = re.compile(r"^([IVX]{1,5})\.?\s+(\S.*)$")
_ENDS_SENTENCE = re.compile(r"[.!?;:][\"'”’)]*$")
_CONNECTORS = frozenset((
    "and", "or", "of", "the", "for", "to", "in", "with", "a", "an", "on", "by", "at", "from",
    "as", "nor", "but",
))  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """One paragraph of a statement as a document would hold it."""

    kind: UnitKind
    #: the text; the lines of a title or signature unit are kept, joined by "\n"
    text: str
    #: the printed paragraph number (numbered paragraphs only)
    number: int | None = None
    bold: bool = False

    @property
    def lines(self) -> list[str]:
        """The unit's lines."""
        return self.text.split("\n")


def bundled_text() -> str:
    """The bundled statement's text."""
    return BUNDLED.read_text(encoding="utf-8")


def segment(text: str) -> list[Unit]:
    """Cut a plain-text statement into units.

    Lines are grouped at blank lines; a line starting "N. " starts a numbered
    paragraph.  The first group is the title, a group "I Title" a part heading,
    a one-line unpunctuated group followed by numbered paragraphs an area
    heading, the short groups after the last numbered paragraph the signature
    block.  A paragraph that stops mid-sentence and is continued after a blank
    line (a copy-and-paste accident of the .txt) is joined, as a document would
    hold it.
    """
    groups = _groups(text)
    units: list[Unit] = []
    last_numbered = max(
        (i for i, group in enumerate(groups) if any(_NUMBERED.match(t) for t, _ in group)),
        default=-1,
    )
    for index, group in enumerate(groups):
        lines = [t for t, _ in group]
        bold = all(b for _, b in group)
        if index == 0:
            units.append(Unit("title", "\n".join(lines), bold=bold))
        elif index > last_numbered >= 0 and all(len(line) <= 60 for line in lines):
            units.append(Unit("signature", "\n".join(lines), bold=bold))
        elif len(lines) == 1 and _PART.match(lines[0]) and not _ENDS_SENTENCE.search(lines[0]):
            units.append(Unit("part", lines[0], bold=bold))
        elif (
            len(lines) == 1
            and not _ENDS_SENTENCE.search(lines[0])
            and not _NUMBERED.match(lines[0])
            and _next_is_numbered(groups, index)
        ):
            units.append(Unit("area", lines[0], bold=bold))
        else:
            units.extend(_paragraphs(group))
    return _join_broken(units)


def _groups(text: str) -> list[list[tuple[str, bool]]]:
    groups: list[list[tuple[str, bool]]] = [[]]
    for block in text_to_blocks(text).blocks:
        line = block.text.strip()
        if line:
            groups[-1].append((line, block.bold))
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _next_is_numbered(groups: list[list[tuple[str, bool]]], index: int) -> bool:
    return index + 1 < len(groups) and bool(_NUMBERED.match(groups[index + 1][0][0]))


def _paragraphs(group: list[tuple[str, bool]]) -> Iterator[Unit]:
    current: list[str] = []
    bold = True

    def flush() -> Iterator[Unit]:
        if current:
            joined = " ".join(current)
            match = _NUMBERED.match(joined)
            if match:
                yield Unit("paragraph", match.group(2), number=int(match.group(1)), bold=bold)
            else:
                yield Unit("paragraph", joined, bold=bold)

    for line, line_bold in group:
        if _NUMBERED.match(line) and current:
            yield from flush()
            current, bold = [], True
        current.append(line)
        bold = bold and line_bold
        if _ENDS_SENTENCE.search(line) and not _NUMBERED.match(line):
            yield from flush()
            current, bold = [], True
    yield from flush()


def _join_broken(units: list[Unit]) -> list[Unit]:
    joined: list[Unit] = []
    for unit in units:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == unit.kind == "paragraph"
            and unit.number is None
            and _runs_on(previous.text, unit.text)
        ):
            joined[-1] = Unit(
                "paragraph", f"{previous.text} {unit.text}", previous.number, previous.bold
            )
        else:
            joined.append(unit)
    return joined


def _runs_on(text: str, following: str) -> bool:
    """``text`` stops mid-sentence and ``following`` carries on: it ends with a
    word like "and", or ``following`` starts in lower case."""
    last = text.rsplit(" ", 1)[-1].lower()
    return following[:1].islower() or last in _CONNECTORS


def numbered_text(unit: Unit) -> str:
    """A paragraph's text with its number typed in front ("1. Both sides ...")."""
    return f"{unit.number}. {unit.text}" if unit.number is not None else unit.text


# Word -----------------------------------------------------------------------

DocxNumbering = Literal["typed", "word", "style"]
DocxHeadings = Literal["styles", "bold"]


def build_docx(
    text: str,
    *,
    numbering: DocxNumbering = "typed",
    headings: DocxHeadings = "styles",
    created: datetime = datetime(2025, 12, 20, 9, 0),
) -> bytes:
    """A Word document holding the statement ``text``.

    ``numbering``: "typed" (the number is part of each paragraph's text),
    "word" (Word's automatic numbering, one list per area, numbered on from
    one area to the next the three ways Word does it, see :func:`_area_list`;
    parts numbered I, II by a numbered Heading 1), or "style" (the "List
    Number" paragraph style carries the numbering).  ``headings``: "styles"
    (Title, Heading 1, Heading 2) or "bold" (Normal paragraphs in bold, as
    many offices type them).
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.core_properties.title = " ".join(segment(text)[0].lines)[:255]
    document.core_properties.created = created
    document.core_properties.modified = created
    lists = WordLists(document)
    units = segment(text)
    part_list = lists.new_list(fmt="upperRoman", text="%1") if numbering == "word" else None
    paragraph_list: str | None = None
    areas_numbered = 0
    signatures: list[Unit] = []
    for unit in units:
        if unit.kind == "signature":
            signatures.append(unit)
            continue
        if unit.kind == "title":
            if headings == "styles":
                paragraph = document.add_paragraph(style="Title")
            else:
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_lines(paragraph, unit.lines, bold=headings == "bold" or unit.bold)
        elif unit.kind == "part":
            paragraph_list = None  # each part and area opens a list of its own
            heading = unit.text.partition(" ")[2]
            if headings == "styles" and part_list is not None:
                paragraph = document.add_heading(heading, level=1)
                lists.number(paragraph, part_list)
            elif headings == "styles":
                document.add_heading(unit.text, level=1)
            else:
                add_lines(document.add_paragraph(), [unit.text], bold=True)
        elif unit.kind == "area":
            if headings == "styles":
                document.add_heading(unit.text, level=2)
            else:
                add_lines(document.add_paragraph(), [unit.text], bold=True)
            paragraph_list = None
        elif unit.number is not None and numbering == "word":
            if paragraph_list is None:
                paragraph_list = _area_list(lists, areas_numbered, unit.number)
                areas_numbered += 1
            paragraph = document.add_paragraph()
            add_lines(paragraph, [unit.text], bold=unit.bold)
            lists.number(paragraph, paragraph_list)
        elif unit.number is not None and numbering == "style":
            add_lines(document.add_paragraph(style="List Number"), [unit.text], bold=unit.bold)
        else:
            add_lines(document.add_paragraph(), [numbered_text(unit)], bold=unit.bold)
    if signatures:
        add_signature_table(document, signatures)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _area_list(lists: WordLists, index: int, first: int) -> str:
    """The list for the numbered paragraphs of the ``index``-th area, starting
    at ``first``: the first area opens a list; the second continues it with a
    new ``w:num`` of the same definition; the third uses a definition of its
    own whose ``w:start`` is ``first``; later ones restart the first definition
    at ``first`` with a ``w:startOverride`` (a restart that counting on would
    get wrong)."""
    if index == 2:
        return lists.new_list(start=first)
    if index >= 3:
        return lists.new_list(start_override=first)
    return lists.new_list()


def add_lines(paragraph: Any, lines: Sequence[str], *, bold: bool = False) -> None:
    """Fill ``paragraph`` with ``lines`` separated by manual line breaks."""
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold or None
        if i < len(lines) - 1:
            run.add_break()


def add_signature_table(document: Any, signatures: Sequence[Unit]) -> None:
    """The signature block as a two-column table without borders, row by row."""
    columns = 2 if len(signatures) % 2 == 0 else 1
    table = document.add_table(rows=0, cols=columns)
    for start in range(0, len(signatures), columns):
        cells = table.add_row().cells
        for cell, unit in zip(cells, signatures[start : start + columns], strict=True):
            add_lines(cell.paragraphs[0], unit.lines, bold=unit.bold)


class WordLists:
    """Adds Word list definitions to a document's numbering part and numbers
    paragraphs with them, as Word does: a ``w:abstractNum`` per list design,
    a ``w:num`` per list, and ``w:numPr`` on each numbered paragraph."""

    def __init__(self, document: Any) -> None:
        self.numbering = document.part.numbering_part.element
        ids = [int(n) for n in self.numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        nums = [int(n) for n in self.numbering.xpath("./w:num/@w:numId")]
        self._next_abstract = max(ids, default=0) + 1
        self._next_num = max(nums, default=0) + 1
        self._designs: dict[tuple[str, str, int], int] = {}

    def new_list(
        self,
        *,
        fmt: str = "decimal",
        text: str = "%1.",
        start: int = 1,
        start_override: int | None = None,
        levels: Sequence[tuple[str, str]] = (("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")),
    ) -> str:
        """A new list (``w:num``); lists of the same design continue one another
        unless ``start_override`` restarts the new one at that number."""
        design = (fmt, text, start)
        if design not in self._designs:
            self._designs[design] = self._add_abstract(fmt, text, start, levels)
        num_id = str(self._next_num)
        self._next_num += 1
        overrides = ""
        if start_override is not None:
            overrides = (
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/>'
                "</w:lvlOverride>"
            )
        self.numbering.append(
            _w_element(
                f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{self._designs[design]}"/>'
                f"{overrides}</w:num>"
            )
        )
        return num_id

    def _add_abstract(
        self, fmt: str, text: str, start: int, levels: Sequence[tuple[str, str]]
    ) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        lvls = [(fmt, text, start)] + [(f, t, 1) for f, t in levels]
        body = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/>'
            f'<w:lvlText w:val="{t}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for i, (f, t, s) in enumerate(lvls)
        )
        element = _w_element(
            f'<w:abstractNum w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{body}</w:abstractNum>'
        )
        # the schema wants every w:abstractNum before the first w:num
        first_num = self.numbering.find(f"{_W}num")
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.numbering.append(element)
        return abstract_id

    def number(self, paragraph: Any, num_id: str, level: int = 0) -> None:
        """Number ``paragraph`` with list ``num_id`` at ``level``."""
        ppr = paragraph._p.get_or_add_pPr()
        numpr = _w_element(
            f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
        style = ppr.find(f"{_W}pStyle")
        if style is not None:
            style.addnext(numpr)
        else:
            ppr.insert(0, numpr)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _w_element(xml: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(_with_namespace(xml))


def _with_namespace(xml: str) -> str:
    tag_end = re.search(r"[ >/]", xml[1:])
    assert tag_end is not None
    cut = tag_end.start() + 1
    return (
        xml[:cut]
        + ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        + xml[cut:]
    )


def docx_with_parts(source: bytes, replace: dict[str, bytes]) -> bytes:
    """A copy of the package ``source`` with some parts replaced or added."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = replace.pop(info.filename, None)
            new.writestr(copy.copy(info), data if data is not None else old.read(info))
        for name, data in replace.items():
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# PDF ------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfLook:
    """How the PDF builder sets the statement."""

    header: str = "Ministry of Foreign Affairs of Japan"
    #: the footer's page-number pattern, "{page}" and "{pages}" replaced
    page_number: str = "- {page} -"
    #: break long lowercase words across lines with a hyphen
    hyphenate: bool = True
    #: a TrueType font for text beyond Latin-1 (Cyrillic, Japanese); None: Helvetica
    font: Path | None = None
    bold_font: Path | None = None
    font_size: float = 11
    #: extra space between paragraphs, in points (0: paragraphs set solid)
    paragraph_space: float = 7
    #: indent the first line of unnumbered paragraphs (for solid setting)
    first_line_indent: float = 0
    extra: dict[str, Any] = field(default_factory=dict)


def build_pdf(text: str, look: PdfLook | None = None) -> bytes:
    """A PDF of the statement ``text``: one column, a running header, page
    numbers in the footer, hanging-indented numbered paragraphs that flow
    across page breaks, and (by default) words hyphenated at line ends."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    look = look or PdfLook()
    regular, bold = _pdf_fonts(look)
    hyphenator = _hyphenator if look.hyphenate else None
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=look.font_size,
        leading=look.font_size * 1.3,
        spaceAfter=look.paragraph_space,
        firstLineIndent=look.first_line_indent,
        hyphenationLang=hyphenator,
        hyphenationMinWordLength=8,
    )
    numbered = ParagraphStyle(
        "numbered", parent=body, leftIndent=22, firstLineIndent=-22, spaceAfter=look.paragraph_space
    )
    title = ParagraphStyle(
        "title", parent=body, fontName=bold, fontSize=14, leading=18, alignment=TA_CENTER,
        spaceAfter=16, hyphenationLang=None,
    )  # fmt: skip
    heading = ParagraphStyle(
        "heading", parent=body, fontName=bold, spaceBefore=8, spaceAfter=8, hyphenationLang=None
    )
    signature = ParagraphStyle("signature", parent=body, hyphenationLang=None, spaceBefore=10)
    story = []
    for unit in segment(text):
        if unit.kind == "title":
            story.append(Paragraph("<br/>".join(map(_xml, unit.lines)), title))
        elif unit.kind in ("part", "area"):
            story.append(Paragraph(_xml(unit.text), heading))
        elif unit.kind == "signature":
            lines = "<br/>".join(map(_xml, unit.lines))
            story.append(Paragraph(f"<b>{lines}</b>" if unit.bold else lines, signature))
        elif unit.number is not None:
            story.append(Paragraph(_xml(numbered_text(unit)), numbered))
        else:
            story.append(Paragraph(_xml(unit.text), body))
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        title=" ".join(segment(text)[0].lines),
        invariant=1,
    )
    decorate = _page_decoration(look, regular)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=_counting(look))
    return out.getvalue()


def _pdf_fonts(look: PdfLook) -> tuple[str, str]:
    if look.font is None:
        return "Helvetica", "Helvetica-Bold"
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("StatementFont", str(look.font)))
    pdfmetrics.registerFont(TTFont("StatementFont-Bold", str(look.bold_font or look.font)))
    addMapping("StatementFont", 0, 0, "StatementFont")
    addMapping("StatementFont", 1, 0, "StatementFont-Bold")
    return "StatementFont", "StatementFont-Bold"


def _page_decoration(look: PdfLook, font: str) -> Callable[[Any, Any], None]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        if look.header:
            canvas.drawString(2.5 * cm, A4[1] - 1.5 * cm, look.header)
        canvas.restoreState()

    return decorate


def _counting(look: PdfLook) -> Any:
    """A canvas class that stamps "page N of M" once the page count is known."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if look.page_number:
                    self.setFont("Helvetica", 9)
                    label = look.page_number.format(page=self._pageNumber, pages=total)
                    self.drawCentredString(A4[0] / 2, 40, label)
                super().showPage()
            super().save()

    return NumberedCanvas


def _hyphenator(word: str) -> list[tuple[str, str]]:
    """Break points for reportlab: any point that leaves 3+ letters on each
    side of a lowercase word, the latest first (reportlab takes the first that
    fits)."""
    if not word.isalpha() or not word.islower():
        return []
    return [(word[:i], word[i:]) for i in range(len(word) - 3, 2, -1)]


def _xml(text: str) -> str:
    return html.escape(text, quote=False)


# HTML -----------------------------------------------------------------------

HtmlNumbering = Literal["ol", "typed"]

_PAGE_TOP = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Ministry of Foreign Affairs</title>
<meta name="date" content="2025-12-20">
<link rel="stylesheet" href="https://www.example.org/css/site.css">
<style>body {{ font-family: sans-serif; }} .cookie-notice {{ position: fixed; }}</style>
<script src="https://www.example.org/js/analytics.js"></script>
<script>window.dataLayer = []; document.write("Both sides welcomed the tracking script.");</script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<div id="cookie-banner" class="cookie-notice"><p>We use cookies to improve your experience on
this website and to understand how visitors use it. By continuing you agree to our cookie policy,
which explains how we collect, store and share the information we gather.</p>
<button>Accept all cookies</button></div>
<header class="site-header">
<div class="logo"><img src="https://www.example.org/img/logo.png"
 alt="Ministry of Foreign Affairs"></div>
<nav class="global-nav"><ul>
<li><a href="/">Home</a></li><li><a href="/press">Press Releases</a></li>
<li><a href="/policy">Foreign Policy</a></li>
<li><a href="/countries">Countries &amp; Regions</a></li>
<li><a href="/about">About the Ministry</a></li></ul></nav>
<form class="search" action="/search"><input name="q"><button>Search</button></form>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/region">Europe</a> &gt;
<a href="/tj">Tajikistan</a> &gt; Joint Statement</div>
<div class="wrapper">
<aside class="sidebar"><h2>Related links</h2>
<ul><li><a href="/tj/data">Tajikistan (basic data)</a></li>
<li><a href="/ca">Central Asia plus Japan Dialogue</a></li></ul>
<p>See also the press conference by the Prime Minister and the photographs of the visit,
with the full list of the agreements exchanged in the presence of the two leaders.</p></aside>
<main id="main">
<article>
"""

_PAGE_BOTTOM = """</article>
<div class="share-buttons"><a href="https://twitter.example/share">Share on X</a>
<a href="https://facebook.example/share">Share on Facebook</a></div>
<p class="page-top"><a href="#top">Back to top</a></p>
</main>
</div>
<iframe src="https://www.example.org/embed/video" title="video"></iframe>
<footer class="site-footer">
<ul><li><a href="/sitemap">Site map</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/contact">Contact us</a></li></ul>
<p>Ministry of Foreign Affairs, 2-2-1 Kasumigaseki, Chiyoda-ku, Tokyo 100-8919.
Copyright © 2025 Ministry of Foreign Affairs. All rights reserved.</p>
</footer>
<noscript><p>Please enable JavaScript to view this site properly.</p></noscript>
<script>console.log("Both sides concurred on loading the footer.");</script>
</body>
</html>
"""


def build_html(text: str, *, numbering: HtmlNumbering = "ol") -> bytes:
    """A ministry web page holding the statement ``text`` among navigation,
    menus, a cookie banner, a sidebar, share buttons, scripts and a footer.

    ``numbering``: "ol" (numbers only in ``<ol start>`` markup; the last list
    numbered with ``<li value>``) or "typed" (numbers typed in ``<p>``).
    """
    units = segment(text)
    out: list[str] = []
    open_list = False
    signatures: list[Unit] = []
    lists_done = 0
    for unit in units:
        in_list = unit.kind == "paragraph" and unit.number is not None and numbering == "ol"
        if open_list and not in_list:
            out.append("</ol>")
            open_list = False
        if unit.kind == "title":
            out.append("<h1>" + "<br>".join(map(_xml, unit.lines)) + "</h1>")
        elif unit.kind == "part":
            out.append(f"<h2>{_xml(unit.text)}</h2>")
        elif unit.kind == "area":
            out.append(f"<h3>{_xml(unit.text)}</h3>")
        elif unit.kind == "signature":
            signatures.append(unit)
        elif unit.number is not None and numbering == "ol":
            if not open_list:
                lists_done += 1
                # one list numbered by <ol start>, the one after by <li value>
                start = f' start="{unit.number}"' if lists_done % 2 == 1 else ""
                out.append(f'<ol class="statement"{start}>')
                open_list = True
                value = f' value="{unit.number}"' if not start else ""
            else:
                value = ""
            out.append(f"<li{value}>{_xml(unit.text)}</li>")
        else:
            out.append(f"<p>{_xml(numbered_text(unit))}</p>")
    if open_list:
        out.append("</ol>")
    if signatures:
        out.append(_signature_table(signatures))
    title = " ".join(units[0].lines) if units else ""
    page = _PAGE_TOP.format(title=_xml(title)) + "\n".join(out) + "\n" + _PAGE_BOTTOM
    return page.encode("utf-8")


def _signature_table(signatures: Sequence[Unit]) -> str:
    rows = []
    for start in range(0, len(signatures), 2):
        cells = []
        for unit in signatures[start : start + 2]:
            inner = "<br>".join(map(_xml, unit.lines))
            cells.append(f"<td><strong>{inner}</strong></td>" if unit.bold else f"<td>{inner}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table class="signature">' + "".join(rows) + "</table>"


# What tests compare ------------------------------------------------------------


def expected_paragraphs(text: str) -> list[str]:
    """The statement's paragraphs as the readers must give them back: every
    unit's text on one line, numbered paragraphs with their number typed."""
    return [
        " ".join(unit.lines) if unit.kind in ("title", "signature") else numbered_text(unit)
        for unit in segment(text)
    ]


def logical_paragraphs(blocks: Sequence[Any]) -> list[str]:
    """A reader's blocks as paragraphs of plain text: runs of ``line`` blocks
    joined with a space (they make one paragraph, as the parser groups them),
    list items with their number typed in front ("3. ..."), others as they are."""
    out: list[str] = []
    run: list[str] = []
    for block in blocks:
        if block.kind == "line":
            if block.text.strip():
                run.append(block.text.strip())
            elif run:
                out.append(" ".join(run))
                run = []
            continue
        if run:
            out.append(" ".join(run))
            run = []
        if block.kind == "list_item" and block.number:
            out.append(f"{block.number}. {block.text}")
        else:
            out.append(block.text)
    if run:
        out.append(" ".join(run))
    return out


def model_view(statement: Any) -> dict[str, Any]:
    """The parts of a parsed model that must not depend on the input format."""
    return {
        "parts": [(p.id, p.label, p.heading) for p in statement.parts],
        "areas": [(a.id, a.heading, a.description, a.part_id) for a in statement.areas],
        "paragraphs": [(p.number, p.text, p.area_id) for p in statement.paragraphs],
        "items": [(i.id, i.category, i.text) for i in statement.items],
    }


def full_model(statement: Any) -> dict[str, Any]:
    """The whole model but for where it came from and what the parser noticed."""
    import msgspec

    return msgspec.to_builtins(msgspec.structs.replace(statement, source=None, warnings=[]))  # type: ignore[no-any-return]
