"""The summary's look: page size, colours and paragraph styles.

Colours are chosen to survive a black-and-white printer: the categories that
carry future action are dark, the endorsements light.  Imported only when a
PDF is written (reportlab is loaded here).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
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

CATEGORY_COLOURS: dict[str, str] = {
    "pledge": "#1f3a5f",
    "agreement": "#2e6e9e",
    "intention": "#5b9bd5",
    "invitation": "#9dc3e6",
    "welcome": "#8c8c8c",
    "appreciation": "#b4b4b4",
    "affirmation": "#d9d9d9",
}

STATUS_COLOURS: dict[str, str] = {
    "Not started": "#bfbfbf",
    "Planned": "#9dc3e6",
    "In progress": "#2e75b6",
    "Ongoing": "#1f3a5f",
    "Completed": "#548235",
    "Delayed": "#c55a11",
    "Suspended": "#7f6000",
    "Cancelled": "#9c2a1a",
    "No status": "#eeeeee",
}


# Darker shades where the chart colour is too light for text on white.
_STATUS_TEXT: dict[str, str] = {
    "Not started": "#595959",
    "Planned": "#41719c",
    "No status": MUTED,
}


def status_colour(status: str) -> str:
    """The chart colour of a status (statuses outside the list are grey)."""
    return STATUS_COLOURS.get(status, "#7f7f7f")


def status_text_colour(status: str) -> str:
    """The colour a status is printed in, dark enough to read on white."""
    return _STATUS_TEXT.get(status) or status_colour(status)


@dataclass(frozen=True)
class Styles:
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
    description: Any
    cell: Any
    cell_bold: Any
    cell_small: Any
    number: Any
    number_bold: Any
    header_number: Any
    header_cell: Any
    figure_value: Any
    figure_label: Any
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
        description=style(
            "description",
            weight="italic",
            fontSize=8.5,
            leading=11,
            textColor=muted,
            spaceAfter=3,
            keepWithNext=True,
        ),
        cell=style("cell", fontSize=8.5, leading=10.8),
        cell_bold=style("cell-bold", weight="bold", fontSize=8.5, leading=10.8),
        cell_small=style("cell-small", fontSize=7.5, leading=9.5, textColor=muted),
        header_cell=style(
            "header-cell", weight="bold", fontSize=8, leading=10, textColor=colors.white
        ),
        number=style("number", fontSize=8.5, leading=10.8, alignment=TA_RIGHT),
        number_bold=style(
            "number-bold", weight="bold", fontSize=8.5, leading=10.8, alignment=TA_RIGHT
        ),
        header_number=style(
            "header-number",
            weight="bold",
            fontSize=8,
            leading=10,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        figure_value=style(
            "figure-value",
            weight="bold",
            fontSize=18,
            leading=21,
            textColor=accent,
            alignment=TA_CENTER,
        ),
        figure_label=style(
            "figure-label", fontSize=7.5, leading=9.5, textColor=muted, alignment=TA_CENTER
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
