"""The pdf floor: the PDF summary's library work with reportlab alone.

The same document shape as ``jtreport -f pdf``: DejaVu Sans (regular, bold,
oblique) registered as TrueType and embedded, A4 pages with a header and a
"Page X of Y" footer (the pages held back until the count is known), a title
block, a facts table, key-figure tiles, a table per area, two bar charts drawn
with ``reportlab.graphics``, a commitments table per area (paragraph cells, the
header repeated, rows split across pages), a milestones table, outline entries,
and invariant output (no clock time, no random ID).

Usage: python pdf_floor.py MODEL.json OUT.pdf [FONT_DIR]
"""

from __future__ import annotations

import sys
from typing import Any

from common import CATEGORIES, Model, partners
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
# xml.sax.saxutils.escape would import urllib.request, http.client and ssl (10 ms)
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """``text`` safe inside paragraph markup."""
    return text.translate(_MARKUP)


WIDTH = A4[0] - 102


class Canvas2(Canvas):
    """Holds the pages back to print "Page X of Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setDateFormatter(lambda *_: "D:20260101000000+00'00'")
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page."""
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Number every page, then write the file."""
        for state in self._held:
            self.__dict__.update(state)
            self.setFont("DejaVu", 7.5)
            self.drawRightString(A4[0] - 51, 26, f"Page {self._pageNumber} of {len(self._held)}")
            Canvas.showPage(self)
        Canvas.save(self)


class Mark(Flowable):
    """An outline entry."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title

    def wrap(self, *_: Any) -> tuple[float, float]:
        """No room."""
        return 0, 0

    def draw(self) -> None:
        """Bookmark and outline."""
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


def fonts(folder: str) -> None:
    """Register DejaVu Sans as one family."""
    from reportlab.lib.fonts import addMapping

    for name, file in (
        ("DejaVu", "DejaVuSans.ttf"),
        ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
        ("DejaVu-Oblique", "DejaVuSans-Oblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, f"{folder}/{file}"))
    addMapping("DejaVu", 0, 0, "DejaVu")
    addMapping("DejaVu", 1, 0, "DejaVu-Bold")
    addMapping("DejaVu", 0, 1, "DejaVu-Oblique")


STYLE = {
    "title": ParagraphStyle("title", fontName="DejaVu-Bold", fontSize=17, leading=21),
    "h1": ParagraphStyle("h1", fontName="DejaVu-Bold", fontSize=13, leading=16, spaceBefore=10),
    "h2": ParagraphStyle("h2", fontName="DejaVu-Bold", fontSize=10.5, leading=13, spaceBefore=8),
    "body": ParagraphStyle("body", fontName="DejaVu", fontSize=9, leading=12),
    "note": ParagraphStyle("note", fontName="DejaVu-Oblique", fontSize=8, leading=10),
    "cell": ParagraphStyle("cell", fontName="DejaVu", fontSize=7.8, leading=9.6),
    "small": ParagraphStyle("small", fontName="DejaVu", fontSize=7, leading=8.6),
    "head": ParagraphStyle("head", fontName="DejaVu-Bold", fontSize=7.8, leading=9.6),
}
GRID = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), "DejaVu"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c8d0d9")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f8fa")]),
    ]
)


PLAIN = TableStyle([("FONT", (0, 0), (-1, -1), "DejaVu"), ("VALIGN", (0, 0), (-1, -1), "TOP")])


def plain(rows: list[list[Any]], widths: list[float]) -> Table:
    """A borderless layout table (its font set, or reportlab selects Helvetica)."""
    table = Table(rows, colWidths=widths)
    table.setStyle(PLAIN)
    return table


def p(text: str, style: str) -> Paragraph:
    """A paragraph of plain text."""
    return Paragraph(escape(text), STYLE[style])


def chart(title: str, bars: list[tuple[str, int, int]], width: float) -> Drawing:
    """A horizontal bar chart: label, dark part, light part."""
    drawing = Drawing(width, 24 + 15 * len(bars))
    drawing.initialFontName = "DejaVu"  # else the renderer selects Helvetica
    drawing.add(String(0, drawing.height - 9, title, fontName="DejaVu-Bold", fontSize=8.5))
    largest = max((a + b for _, a, b in bars), default=1) or 1
    for row, (label, dark, light) in enumerate(bars):
        y = drawing.height - 30 - 15 * row
        drawing.add(String(110, y, label[:28], fontName="DejaVu", fontSize=7.2, textAnchor="end"))
        x = 116.0
        for value, colour in ((dark, "#1f3a5f"), (light, "#b9c6d6")):
            length = (width - 150) * value / largest
            drawing.add(
                Rect(x, y - 2, length, 9, fillColor=colors.HexColor(colour), strokeWidth=0.4)
            )
            x += length
        drawing.add(String(x + 3, y, str(dark + light), fontName="DejaVu", fontSize=7.2))
    return drawing


def story(model: Model) -> list[Any]:
    """Title, figures, charts, commitments per area, milestones."""
    data = model.data
    out: list[Any] = [p("JOINT STATEMENT · BRIEFING SUMMARY", "note"), p(model.title, "title")]
    facts = [
        [p(label, "head"), p(value, "body")]
        for label, value in (
            ("Date", data.get("date") or ""),
            ("Place", data.get("place") or ""),
            ("Parties", " – ".join(x["name"] for x in data["parties"])),
            ("Leaders", "; ".join(x["name"] for x in data["leaders"])),
        )
    ]
    out += [plain(facts, [70, WIDTH - 70]), Mark("figures", "Key figures")]
    out.append(p("Key figures", "h1"))
    groups = model.groups()
    figures = [len(model.paragraphs), len(model.items), len(model.commitments), len(model.areas)]
    out.append(plain([[p(str(n), "title") for n in figures]], [WIDTH / 4] * 4))
    rows = [[p(h, "head") for h in ("Area", "Paragraphs", "Items", "Commitments")]]
    for g in groups:
        numbers = (len(g.paragraphs), len(g.items), len(g.commitments))
        rows.append([p(g.label, "cell"), *(p(str(n), "cell") for n in numbers)])
    area_table = LongTable(rows, colWidths=[WIDTH - 222, 74, 74, 74], repeatRows=1)
    area_table.setStyle(GRID)
    out += [area_table, Spacer(1, 10)]
    half = (WIDTH - 16) / 2
    counts = model.categories()
    pair = [
        chart(
            "Items per area",
            [(g.label, len(g.commitments), len(g.items) - len(g.commitments)) for g in groups],
            half,
        ),
        chart("Items by category", [(c, counts[c], 0) for c in CATEGORIES], half),
    ]
    out.append(plain([pair], [half + 16, half]))
    out += [Mark("commitments", "Commitments by area"), p("Commitments by area", "h1")]
    for group in groups:
        out += [p(group.label, "h2"), p(group.description, "note")]
        out.append(p(f"{len(group.items)} items, {len(group.commitments)} commitments.", "body"))
        if not group.commitments:
            continue
        rows = [[p(h, "head") for h in ("ID", "Who", "Commitment", "Partners named", "Dates")]]
        for item in group.commitments:
            rows.append(
                [
                    Paragraph(f"<b>{item['id']}</b><br/>{item['category']}", STYLE["cell"]),
                    p(", ".join(item["actors"]), "cell"),
                    p(item["text"], "cell"),
                    Paragraph("<br/>".join(map(escape, partners(item))) or "–", STYLE["small"]),
                    Paragraph(
                        "<br/>".join(escape(d["text"]) for d in item["dates"]) or "–",
                        STYLE["small"],
                    ),
                ]
            )
        table = LongTable(rows, colWidths=[60, 46, WIDTH - 258, 88, 64], repeatRows=1, splitInRow=1)
        table.setStyle(GRID)
        out.append(table)
    out += [Mark("milestones", "Upcoming milestones"), p("Upcoming milestones", "h1")]
    rows = [[p(h, "head") for h in ("When", "Milestone", "Area", "Item")]]
    rows += [
        [
            p(d["value"], "cell"),
            p(i["text"], "cell"),
            p(model.label(i["area_id"]), "small"),
            p(i["id"], "cell"),
        ]
        for d, i in model.milestones()
    ]
    table = LongTable(rows, colWidths=[72, WIDTH - 242, 104, 66], repeatRows=1, splitInRow=1)
    table.setStyle(GRID)
    out += [table, p("Prepared by the floor script.", "note")]
    return out


def decorate(canvas: Any, doc: Any) -> None:
    """The classification marking and the running title."""
    canvas.saveState()
    canvas.setFont("DejaVu-Bold", 7.5)
    canvas.drawCentredString(A4[0] / 2, A4[1] - 30, "OFFICIAL")
    canvas.setFont("DejaVu", 7.5)
    canvas.drawString(51, 26, "Joint statement")
    canvas.line(51, 38, A4[0] - 51, 38)
    canvas.restoreState()


def write(model: Model, path: str, font_dir: str = FONT_DIR) -> None:
    """The summary for ``model`` at ``path``."""
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        fonts(font_dir)
    doc = SimpleDocTemplate(
        path,
        pagesize=A4,
        leftMargin=51,
        rightMargin=51,
        topMargin=62,
        bottomMargin=56,
        title=model.title,
        author="floor",
        invariant=1,
        pageCompression=1,
        initialFontName="DejaVu",
    )
    doc.build(story(model), onFirstPage=decorate, onLaterPages=decorate, canvasmaker=Canvas2)


def main(argv: list[str]) -> None:
    """``pdf_floor.py MODEL.json OUT.pdf [FONT_DIR]``."""
    write(Model.load(argv[0]), argv[1], *argv[2:3])


if __name__ == "__main__":
    main(sys.argv[1:])
