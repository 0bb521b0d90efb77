"""The same statement as a ministry receives it in other formats, rendered from
its plain text with the tools offices and sites use (python-docx, reportlab, an
HTML page), for the format matrix (``tests/test_format_matrix.py``).

The statement's structure is taken from the parser's own layout of the .txt
(title, date lines, preamble, parts, areas with their descriptions, numbered
paragraphs, list items, closing lines), so every rendering carries exactly the
structure the .txt model has, whatever the statement; each renderer then sets
it the way its format does:

- ``docx-numbered``: Word's automatic list numbering (``numbering.xml``: one
  list per run of numbers, continued or restarted with ``w:startOverride``),
  part headings numbered I, II by a numbered Heading 1, each area a Heading 2
  followed by its description in the Subtitle style, bullets by the List
  Bullet style, a running header and a page-number footer;
- ``docx-typed``: numbers typed in the text, areas as one ``Heading: description``
  heading, closing lines in a two-column borderless table;
- ``html-ol``: a ministry page (navigation, breadcrumb, cookie banner, sidebar,
  share buttons, scripts, footer) with the numbers in ``<ol start>`` /
  ``<li value>`` and each description in a ``<p class="subtitle">``;
- ``html-p``: numbers typed in ``<p>``, each description in an ``<em>`` line;
- ``html-word``: the page Word's "Save as Web Page, Filtered" writes of the
  numbered document (labels typed before the text, ``MsoSubtitle``, Symbol
  bullets, Windows-1252);
- ``pdf``: reportlab on a small page, so that paragraphs break across pages,
  numbers set "10.Text" as LibreOffice prints Word's lists, bold headings and
  italic descriptions, a running header, a footer and "Page N of M".
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from jtreport.parser.layout import build_layout
from jtreport.parser.units import blocks_to_units, roman_value
from jtreport.plugins.readers.plain_text import text_to_blocks

from tests.builders import _PAGE_BOTTOM, _PAGE_TOP, WordLists, add_lines

PieceKind = Literal[
    "title", "line", "preamble", "part", "area", "paragraph", "item", "closing"
]  # fmt: skip

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class Piece:
    """One paragraph of the statement as a document holds it."""

    kind: PieceKind
    text: str
    #: the printed paragraph number of a numbered paragraph
    number: int | None = None
    #: a part heading's label ("I")
    label: str | None = None
    #: an area heading's description
    description: str | None = None


@dataclass(frozen=True)
class Statement:
    """A statement's pieces in reading order and its document metadata."""

    pieces: list[Piece]
    title: str | None
    date: str | None


def statement_of(text: str) -> Statement:
    """The pieces of the plain-text statement ``text``, from the parser's layout."""
    result = text_to_blocks(text)
    layout = build_layout(blocks_to_units(result.blocks), result.metadata.get("title"))
    pieces: list[Piece] = [Piece("line", line) for line in layout.header.noise]
    if layout.header.title:
        pieces.append(Piece("title", layout.header.title))
    pieces.extend(Piece("line", line) for line in layout.header.date_lines)
    for text_of_preamble in layout.preamble:
        pieces.extend(_split("preamble", text_of_preamble, None))
    parts = {part.id: part for part in layout.parts}
    areas = {area.id: area for area in layout.areas}
    order = [("part", p.id) for p in layout.parts] + [("area", a.id) for a in layout.areas]
    done: set[tuple[str, str]] = set()

    def open_section(kind: str, key: str | None) -> None:
        if key is None or (kind, key) in done:
            return
        if kind == "area":
            area = areas[key]
            open_section("part", area.part_id)
            # the areas before this one, each empty or earlier, come first
            for earlier_kind, earlier in order:
                if earlier_kind == "area" and earlier == key:
                    break
                if earlier_kind == "area":
                    open_section("area", earlier)
            done.add((kind, key))
            part = parts.get(area.part_id or "")
            if part is None or area.heading != part.heading or area.description:
                pieces.append(Piece("area", area.heading, description=area.description))
        else:
            for earlier_kind, earlier in order:
                if earlier_kind == "part" and earlier == key:
                    break
                if earlier_kind == "part":
                    open_section("part", earlier)
            done.add((kind, key))
            part = parts[key]
            pieces.append(Piece("part", part.heading, label=part.label))

    for paragraph in layout.paragraphs:
        open_section("part", paragraph.part_id)
        open_section("area", paragraph.area_id)
        pieces.extend(_split("paragraph", paragraph.text, paragraph.number))
    for kind, key in order:
        open_section(kind, key)
    pieces.extend(Piece("closing", line) for line in layout.closing)
    return Statement(pieces, result.metadata.get("title"), result.metadata.get("date"))


def _split(kind: PieceKind, text: str, number: int | None) -> list[Piece]:
    """A paragraph's text as document paragraphs: its first line (numbered),
    then list items ("- ...") and further unnumbered lines."""
    lines = text.split("\n")
    out = [Piece(kind, lines[0], number=number)]
    for line in lines[1:]:
        if line.startswith("- "):
            out.append(Piece("item", line[2:]))
        else:
            out.append(Piece(kind, line))
    return out


def part_text(piece: Piece) -> str:
    """A part heading as typed: "I Heading"."""
    return f"{piece.label} {piece.text}" if piece.label else piece.text


def area_text(piece: Piece) -> str:
    """An area heading as one line: "Heading: description"."""
    return f"{piece.text}: {piece.description}" if piece.description else piece.text


# Word -------------------------------------------------------------------------


def docx_numbered(statement: Statement) -> bytes:
    """Word's list numbering, heading-plus-subtitle areas, header and footer."""
    document = _new_document(statement)
    section = document.sections[0]
    section.header.paragraphs[0].text = "Ministry of Foreign Affairs - Press Release"
    _page_field(section.footer.paragraphs[0])
    lists = WordLists(document)
    bullets = lists.new_list(fmt="bullet", text="\u2022")
    numbers = _Counting(lists, fmt="decimal", text="%1.")
    parts = _Counting(lists, fmt="upperRoman", text="%1")
    new_section = False
    for piece in statement.pieces:
        if piece.kind == "title":
            document.add_paragraph(piece.text, style="Title")
        elif piece.kind in ("line", "closing"):
            document.add_paragraph(piece.text)
        elif piece.kind == "part":
            value = roman_value(piece.label) if piece.label else None
            heading = document.add_heading(piece.text if value else part_text(piece), level=1)
            if value:
                lists.number(heading, parts.list_for(value, new_section=False))
            new_section = True
        elif piece.kind == "area":
            document.add_heading(piece.text, level=2)
            if piece.description:
                document.add_paragraph(piece.description, style="Subtitle")
            new_section = True
        elif piece.kind == "item":
            add_lines(paragraph := document.add_paragraph(), [piece.text])
            lists.number(paragraph, bullets)
        elif piece.number is not None:
            add_lines(paragraph := document.add_paragraph(), [piece.text])
            lists.number(paragraph, numbers.list_for(piece.number, new_section=new_section))
            new_section = False
        else:
            document.add_paragraph(piece.text)
    return _saved(document)


class _Counting:
    """Word lists that print given numbers: a run of consecutive numbers is one
    list; after a heading the run goes on in a new ``w:num`` of the same
    design (Word counts on); a number that does not follow starts a list of
    its own with ``w:startOverride``."""

    def __init__(self, lists: WordLists, *, fmt: str, text: str) -> None:
        self.lists = lists
        self.fmt = fmt
        self.text = text
        self.current: str | None = None
        self.previous: int | None = None

    def list_for(self, number: int, *, new_section: bool) -> str:
        follows = self.previous is not None and number == self.previous + 1
        if self.current is None or not follows:
            self.current = self.lists.new_list(fmt=self.fmt, text=self.text, start_override=number)
        elif new_section:
            self.current = self.lists.new_list(fmt=self.fmt, text=self.text)
        self.previous = number
        return self.current


def docx_typed(statement: Statement) -> bytes:
    """Typed numbers, ``Heading: description`` headings, a table signature block."""
    document = _new_document(statement)
    closing: list[str] = []
    for piece in statement.pieces:
        if piece.kind == "title":
            document.add_paragraph(piece.text, style="Title")
        elif piece.kind == "closing":
            closing.append(piece.text)
        elif piece.kind == "part":
            document.add_heading(part_text(piece), level=1)
        elif piece.kind == "area":
            document.add_heading(area_text(piece), level=2)
        elif piece.kind == "item":
            document.add_paragraph(f"- {piece.text}")
        elif piece.number is not None:
            document.add_paragraph(f"{piece.number}. {piece.text}")
        else:
            document.add_paragraph(piece.text)
    if closing:
        table = document.add_table(rows=0, cols=2)
        for start in range(0, len(closing), 2):
            cells = table.add_row().cells
            for cell, line in zip(cells, closing[start : start + 2], strict=False):
                cell.paragraphs[0].text = line
    return _saved(document)


def _new_document(statement: Statement) -> Any:
    from datetime import datetime

    import docx

    document = docx.Document()
    if statement.title:
        document.core_properties.title = statement.title[:255]
    if statement.date and re.match(r"\d{4}-\d{2}-\d{2}", statement.date):
        created = datetime.fromisoformat(statement.date[:10])
        document.core_properties.created = created
        document.core_properties.modified = created
    return document


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _page_field(paragraph: Any) -> None:
    """ "Page N" with Word's PAGE field."""
    from tests.builders import _w_element

    paragraph.add_run("Page ")
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>1</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(_w_element(xml))


# HTML -------------------------------------------------------------------------


def html_ol(statement: Statement) -> bytes:
    """A ministry page: numbers in ``<ol>``, descriptions as subtitles."""
    return _html(statement, numbered_lists=True)


def html_p(statement: Statement) -> bytes:
    """A ministry page: numbers typed in ``<p>``, descriptions in italics."""
    return _html(statement, numbered_lists=False)


def _html(statement: Statement, *, numbered_lists: bool) -> bytes:
    out: list[str] = []
    open_list: str | None = None
    previous: int | None = None
    closing: list[str] = []

    def close_list() -> None:
        nonlocal open_list
        if open_list:
            out.append(f"</{open_list}>")
            open_list = None

    for piece in statement.pieces:
        text = _xml(piece.text)
        if piece.kind == "item":
            if open_list != "ul":
                close_list()
                out.append("<ul>")
                open_list = "ul"
            out.append(f"<li>{text}</li>")
            continue
        if piece.kind == "paragraph" and piece.number is not None and numbered_lists:
            if open_list != "ol" or previous is None or piece.number != previous + 1:
                close_list()
                start = f' start="{piece.number}"' if piece.number != 1 else ""
                out.append(f'<ol class="statement"{start}>')
                open_list = "ol"
            out.append(f"<li>{text}</li>")
            previous = piece.number
            continue
        close_list()
        if piece.kind == "title":
            out.append(f"<h1>{text}</h1>")
        elif piece.kind == "part":
            out.append(f"<h2>{_xml(part_text(piece))}</h2>")
        elif piece.kind == "area":
            out.append(f"<h3>{text}</h3>")
            if piece.description and numbered_lists:
                out.append(f'<p class="subtitle">{_xml(piece.description)}</p>')
            elif piece.description:
                out.append(f"<p><em>{_xml(piece.description)}</em></p>")
        elif piece.kind == "closing":
            closing.append(text)
        elif piece.number is not None:
            out.append(f"<p>{piece.number}. {text}</p>")
        else:
            out.append(f"<p>{text}</p>")
    close_list()
    if closing:
        rows = [
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in closing[i : i + 2]) + "</tr>"
            for i in range(0, len(closing), 2)
        ]
        out.append('<table class="signature">' + "".join(rows) + "</table>")
    head = _PAGE_TOP.format(title=_xml(statement.title or ""))
    if statement.date:
        head = head.replace("2025-12-20", _xml(statement.date[:10]))
    else:
        head = head.replace('<meta name="date" content="2025-12-20">\n', "")
    if not statement.title:
        head = head.replace("<title> | Ministry of Foreign Affairs</title>", "")
    return (head + "\n".join(out) + "\n" + _PAGE_BOTTOM).encode("utf-8")


_WORD_HEAD = """<html>
<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<title>{title}</title>
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{margin-top:0cm;margin-right:0cm;margin-bottom:8.0pt;margin-left:0cm;
	font-size:11.0pt;font-family:"Calibri",sans-serif;}}
p.MsoListParagraphCxSpFirst, li.MsoListParagraphCxSpFirst
	{{margin-left:36.0pt;}}
.MsoChpDefault {{font-family:"Calibri",sans-serif;}}
@page WordSection1 {{size:595.3pt 841.9pt;margin:72.0pt 72.0pt 72.0pt 72.0pt;}}
div.WordSection1 {{page:WordSection1;}}
-->
</style>
</head>
<body lang=EN-GB style='word-wrap:break-word'>
<div class=WordSection1>
"""
_WORD_LABEL = (
    "<span>{label}<span style='font:7.0pt \"Times New Roman\"'>"
    "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
)
_WORD_BULLET = (
    "<span style='font-family:Symbol'>\u00b7<span style='font:7.0pt \"Times New Roman\"'>"
    "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
)


def html_word(statement: Statement) -> bytes:
    """The page Word's "Save as Web Page, Filtered" writes of the numbered
    Word document: list labels typed before the text after a run of no-break
    spaces, ``MsoTitle``/``MsoSubtitle`` paragraphs, Symbol-font bullets, a
    table for the signatures, Windows-1252 with character references."""
    out: list[str] = []
    closing: list[str] = []
    for piece in statement.pieces:
        text = _xml(piece.text)
        if piece.kind == "title":
            out.append(f"<p class=MsoTitle>{text}</p>")
        elif piece.kind == "part":
            label = _WORD_LABEL.format(label=piece.label) if piece.label else ""
            out.append(f"<h1 style='margin-left:18.0pt;text-indent:-18.0pt'>{label}{text}</h1>")
        elif piece.kind == "area":
            out.append(f"<h2>{text}</h2>")
            if piece.description:
                out.append(f"<p class=MsoSubtitle>{_xml(piece.description)}</p>")
        elif piece.kind == "item":
            out.append(
                "<p class=MsoListParagraphCxSpMiddle style='margin-left:54.0pt;"
                f"text-indent:-18.0pt'>{_WORD_BULLET}{text}</p>"
            )
        elif piece.kind == "closing":
            closing.append(text)
        elif piece.number is not None:
            label = _WORD_LABEL.format(label=f"{piece.number}.")
            out.append(
                "<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;"
                f"text-indent:-18.0pt'>{label}{text}</p>"
            )
        else:
            out.append(f"<p class=MsoNormal>{text}</p>")
    if closing:
        rows = [
            "<tr>"
            + "".join(
                f"<td width=301 valign=top><p class=MsoNormal>{cell}</p></td>"
                for cell in closing[i : i + 2]
            )
            + "</tr>"
            for i in range(0, len(closing), 2)
        ]
        out.append("<table class=MsoTableGrid border=0>" + "".join(rows) + "</table>")
    head = _WORD_HEAD.format(title=_xml(statement.title or ""))
    page = head + "\n".join(out) + "\n</div>\n</body>\n</html>\n"
    return page.encode("cp1252", errors="xmlcharrefreplace")


def _xml(text: str) -> str:
    return html.escape(text, quote=False)


# PDF --------------------------------------------------------------------------


def pdf(statement: Statement) -> bytes:
    """A PDF on a small page: "10.Text" numbers, bold headings, italic
    descriptions, running header and footer, "Page N of M"."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    regular, bold, italic = _pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, spaceAfter=6)
    numbered = ParagraphStyle("numbered", parent=body)
    item = ParagraphStyle("item", parent=body, leftIndent=14, firstLineIndent=-10)
    title = ParagraphStyle(
        "title", parent=body, fontName=bold, fontSize=13, leading=17, alignment=TA_CENTER,
        spaceAfter=12,
    )  # fmt: skip
    heading = ParagraphStyle("heading", parent=body, fontName=bold, spaceBefore=6, spaceAfter=2)
    subtitle = ParagraphStyle("subtitle", parent=body, fontName=italic, spaceAfter=8)
    story: list[Any] = []
    for piece in statement.pieces:
        text = _xml(piece.text)
        if piece.kind == "title":
            story.append(Paragraph(text, title))
        elif piece.kind == "part":
            story.append(Paragraph(_xml(part_text(piece)), heading))
        elif piece.kind == "area":
            story.append(Paragraph(text, heading))
            if piece.description:
                story.append(Paragraph(_xml(piece.description), subtitle))
        elif piece.kind == "item":
            story.append(Paragraph(f"\u2022 {text}", item))
        elif piece.number is not None:
            story.append(Paragraph(f"{piece.number}.{text}", numbered))
        else:
            story.append(Paragraph(text, body))
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A5,
        leftMargin=1.8 * cm,
        rightMargin=1.8 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=statement.title or "",
        invariant=1,
    )
    decorate = _decoration(regular)
    document.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=_counting())
    return out.getvalue()


def pdf_fonts_cover(text: str) -> bool:
    """Whether the PDF renderer's fonts can print every character of ``text``."""
    if _dejavu():
        return True
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _dejavu() -> bool:
    return all(
        (DEJAVU_DIR / name).is_file()
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
    )


def _pdf_fonts() -> tuple[str, str, str]:
    if not _dejavu():
        return "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = ("Statement", "Statement-Bold", "Statement-Italic")
    files = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
    for name, file in zip(names, files, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(DEJAVU_DIR / file)))
    return names


def _decoration(font: str) -> Callable[[Any, Any], None]:
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.units import cm

    def decorate(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawString(1.8 * cm, A5[1] - 1.2 * cm, "Ministry of Foreign Affairs")
        canvas.drawRightString(A5[0] - 1.8 * cm, A5[1] - 1.2 * cm, "Unofficial translation")
        canvas.drawString(1.8 * cm, 1.1 * cm, "www.example.org/press")
        canvas.restoreState()

    return decorate


def _counting() -> Any:
    """A canvas class that stamps "Page N of M" once the page count is known."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.units import cm
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
                self.setFont("Helvetica", 8)
                label = f"Page {self._pageNumber} of {total}"
                self.drawRightString(A5[0] - 1.8 * cm, 30, label)
                super().showPage()
            super().save()

    return NumberedCanvas


#: every rendering the matrix proves, by name
RENDERINGS: dict[str, Callable[[Statement], bytes]] = {
    "docx-numbered": docx_numbered,
    "docx-typed": docx_typed,
    "html-ol": html_ol,
    "html-p": html_p,
    "html-word": html_word,
    "pdf": pdf,
}

EXTENSIONS = {
    "docx-numbered": ".docx",
    "docx-typed": ".docx",
    "html-ol": ".html",
    "html-p": ".html",
    "html-word": ".html",
}


def extension(rendering: str) -> str:
    """The file extension of a rendering."""
    return EXTENSIONS.get(rendering, ".pdf")


def render(rendering: str, text: str) -> bytes:
    """The statement ``text`` in the format ``rendering``."""
    return RENDERINGS[rendering](statement_of(text))


def texts_of(statement: Statement, kinds: Sequence[PieceKind]) -> list[str]:
    """The texts of the pieces of ``kinds`` (for checking a rendering holds them)."""
    return [piece.text for piece in statement.pieces if piece.kind in kinds]
