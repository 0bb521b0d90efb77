"""The summary's look: page size, colours and paragraph styles.

The status colours are the ones every report shares (the matrix's and the
Word note's); a status is always printed with its name beside its colour.
Imported only when a PDF is written (reportlab is loaded here).
"""

from __future__ import annotations

from typing import Any

import msgspec
from jtreport.followup import NO_STATUS_COLOUR, STATUS_COLOURS
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from .fonts import FontSet, Style

#: Page geometry, in points (A4, 18 mm side margins).
PAGE_WIDTH = 595.2756
PAGE_HEIGHT = 841.8898
MARGIN_X = 51.0
MARGIN_TOP = 62.0
MARGIN_BOTTOM = 56.0
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

INK = "#1a1a1a"
MUTED = "#5f6368"
ACCENT = "#1f3a5f"
ACCENT_LIGHT = "#e8eef5"
RULE = "#c8d0d9"
ZEBRA = "#f6f8fa"
ALERT = "#9c2a1a"

#: The pale fill of "No status" needs an outline to show on white paper.
NO_STATUS_EDGE = "#9a9a9a"


def status_colour(status: str) -> str:
    """The colour of a status, shared with the matrix and the Word note
    (:data:`jtreport.followup.STATUS_COLOURS`, Okabe-Ito, colour-blind safe);
    "No status" is a pale grey, never white; a status typed outside the list
    is a mid grey."""
    if status in STATUS_COLOURS:
        return f"#{STATUS_COLOURS[status]}"
    if status == "No status":
        return f"#{NO_STATUS_COLOUR}"
    return "#7f7f7f"


class Styles(msgspec.Struct, frozen=True):
    """The paragraph styles of one document, bound to its fonts."""

    fonts: FontSet
    kicker: Any
    title: Any
    fact_label: Any
    fact: Any
    h1: Any
    h2: Any
    body: Any
    note: Any
    closing: Any
    continued: Any
    cell: Any
    cell_small: Any
    header_cell: Any
    bullet: Any
    line_text: Any
    #: the weight each style's name prints in, for choosing fallback faces
    weights: dict[str, Style]

    def weight(self, style: Any) -> Style:
        """``regular``, ``bold`` or ``italic``: the face a style prints in."""
        return self.weights.get(style.name, "regular")


def make_styles(fonts: FontSet) -> Styles:
    """Paragraph styles using the document's body font."""
    ink, muted, accent = (colors.HexColor(c) for c in (INK, MUTED, ACCENT))
    base = ParagraphStyle(
        "jt-base",
        fontName=fonts.name("regular"),
        fontSize=9.5,
        leading=12.5,
        textColor=ink,
        alignment=TA_LEFT,
        splitLongWords=True,
        # the bullet's font too: reportlab's default (Helvetica) is not embedded
        bulletFontName=fonts.name("regular"),
    )

    weights: dict[str, Style] = {}

    def style(name: str, weight: Style = "regular", **kw: Any) -> Any:
        weights[f"jt-{name}"] = weight
        return ParagraphStyle(f"jt-{name}", parent=base, fontName=fonts.name(weight), **kw)

    return Styles(
        fonts=fonts,
        weights=weights,
        kicker=style("kicker", weight="bold", fontSize=8.5, leading=11, textColor=accent),
        title=style("title", weight="bold", fontSize=16.5, leading=21, textColor=accent),
        fact_label=style("fact-label", weight="bold", fontSize=8.5, leading=11, textColor=muted),
        fact=style("fact", fontSize=9, leading=12),
        h1=style(
            "h1",
            weight="bold",
            fontSize=13,
            leading=16,
            textColor=accent,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=True,
        ),
        h2=style(
            "h2",
            weight="bold",
            fontSize=11,
            leading=14,
            textColor=accent,
            spaceBefore=10,
            spaceAfter=2,
            keepWithNext=True,
        ),
        body=style("body", spaceAfter=4),
        note=style("note", fontSize=8, leading=10.5, textColor=muted, spaceBefore=4),
        continued=style(
            "continued", "italic", fontSize=8, leading=10, textColor=muted, spaceAfter=3
        ),
        closing=style("closing", fontSize=7.5, leading=10, textColor=muted, spaceBefore=14),
        cell=style("cell", fontSize=8.5, leading=10.8),
        cell_small=style("cell-small", fontSize=7.5, leading=9.5, textColor=muted),
        header_cell=style(
            "header-cell", weight="bold", fontSize=8, leading=10, textColor=colors.white
        ),
        bullet=style("bullet", spaceAfter=3, leftIndent=11, bulletIndent=0, bulletFontSize=9.5),
        line_text=style(
            "line", fontSize=9, leading=11.8, spaceAfter=3, leftIndent=11, bulletIndent=0
        ),
    )


def layout_style(font: str, *commands: tuple[Any, ...]) -> Any:
    """A TableStyle for a layout table (no grid); ``font`` is set on every cell
    because reportlab otherwise selects Helvetica, which is not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])


def table_style(font: str, *, header: bool = True, zebra: bool = True) -> Any:
    """The grid of the summary's tables: a dark header row, hairlines, zebra rows."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(ACCENT)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(ACCENT)),
        ]
    if zebra:
        first = 1 if header else 0
        commands.append(
            ("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, colors.HexColor(ZEBRA)])
        )
    return TableStyle(commands)
