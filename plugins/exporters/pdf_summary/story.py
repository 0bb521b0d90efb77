"""The summary's flowables, in reading order: the title block, the key figures
and charts, the follow-up status, the commitments of each area and the
timeline of upcoming milestones.

Every text goes through :meth:`FontSet.markup`, which escapes it and switches
font for characters the body font lacks.  Long tables split across pages
(between rows, or inside a row taller than a page), repeat their header row
and carry a "(continued)" caption; headings keep with the first row of their
table.  Imported only when a PDF is written (reportlab is loaded here).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, HRFlowable, LongTable, Paragraph, Spacer, Table

from . import charts
from . import styles as st
from .page import Anchor
from .summary import AreaSection, CommitmentRow, MilestoneRow, Summary, plural

#: Outline keys of the fixed sections.
KEY_FIGURES = "key-figures"
FOLLOW_UP = "follow-up"
COMMITMENTS = "commitments"
MILESTONES = "milestones"


class Para(Paragraph):  # type: ignore[misc]
    """A Paragraph that remembers its last layout: reportlab wraps a table
    cell again each time the table is measured, split or drawn, and a
    paragraph's lines depend only on the width."""

    _wrapped_at: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Break the lines once per width."""
        # a failed split drops blPara, the layout the cache stands for
        if self._wrapped_at == avail_width and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        self._wrapped_at = avail_width
        return size


class ContinuedTable(LongTable):  # type: ignore[misc]
    """A long table that, when it breaks across pages, puts a caption such as
    "Connectivity (continued)" above its remainder (which repeats the header)."""

    continued: Callable[[], Any] | None = None
    first_rows: Any = None

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        """Split as a LongTable does; the caption keeps with the rest on the next page."""
        parts: list[Any] = super().split(avail_width, avail_height)
        if len(parts) != 2 or self.continued is None:
            return parts
        first, rest = parts
        rest.continued = self.continued
        caption = self.continued()
        caption.keepWithNext = True
        return [first, caption, rest]


class NeedSpace(CondPageBreak):  # type: ignore[misc]
    """Starts a new page unless the flowables given (a heading, its lines and
    the first rows of its table) fit in what is left of this one, so that a
    heading is never left alone at the foot of a page."""

    def __init__(self, flowables: list[Any]) -> None:
        super().__init__(0)
        self.group = flowables

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Measure the group, then break the page if it does not fit."""
        needed = 0.0
        for flowable in self.group:
            _, height = flowable.wrap(avail_width, avail_height)
            needed += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        # a group taller than a page could never fit: do not break for it
        self.height = min(needed, st.FRAME_HEIGHT - 1)
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        return size


class StoryBuilder:
    """Turns a :class:`Summary` into flowables with one document's styles."""

    def __init__(self, summary: Summary, styles: st.Styles) -> None:
        self.summary = summary
        self.s = styles
        self.fonts = styles.fonts
        self._bold_font = self.fonts.name("bold")

    # Text ---------------------------------------------------------------------

    def text(self, text: str, style: Any) -> str:
        """Markup for ``text`` printed in ``style``."""
        return self.fonts.markup(text, self.s.weight(style))

    def bold(self, text: str) -> str:
        """Markup for ``text`` in the body font's bold face."""
        return f'<font name="{self._bold_font}">{self.fonts.markup(text, "bold")}</font>'

    def muted(self, text: str, style: Any) -> str:
        """Markup for a grey second line in a cell.  It keeps the cell's font
        size: pdftotext reads a cell whose lines differ in size as two blocks
        and moves one of them out of reading order."""
        return f'<font color="{st.MUTED}">{self.text(text, style)}</font>'

    def para(self, text: str, style: Any) -> Any:
        """A paragraph of plain ``text``."""
        return Para(self.text(text, style), style)

    def highlighted(self, text: str, words: str, style: Any) -> Any:
        """A paragraph of ``text`` with the first occurrence of ``words`` in bold."""
        found = re.search(re.escape(words), text, re.IGNORECASE) if words else None
        if not found:
            return Para(self.text(text, style), style)
        start, end = found.span()
        markup = (
            self.text(text[:start], style)
            + self.bold(text[start:end])
            + self.text(text[end:], style)
        )
        return Para(markup, style)

    def heading(self, text: str, key: str, level: int) -> list[Any]:
        """A heading with its outline entry."""
        style = self.s.h1 if level == 0 else self.s.h2
        return [Anchor(key, text, level), self.para(text, style)]

    # Sections -----------------------------------------------------------------

    def build(self) -> list[Any]:
        """The whole story."""
        story = self.title_block()
        story += self.key_figures()
        if self.summary.has_followup:
            story += self.follow_up()
        story += self.commitments()
        story += self.milestones()
        story.append(self.para(self.summary.closing, self.s.closing))
        return story

    def title_block(self) -> list[Any]:
        """Kicker, title and the facts of the meeting."""
        out: list[Any] = [
            self.para("JOINT STATEMENT  ·  BRIEFING SUMMARY", self.s.kicker),
            Spacer(1, 3),
            self.para(self.summary.title, self.s.title),
            Spacer(1, 6),
            HRFlowable(width="100%", thickness=1.2, color=colors.HexColor(st.ACCENT)),
            Spacer(1, 6),
        ]
        if self.summary.facts:
            rows = [
                [self.para(label, self.s.fact_label), self.para(value, self.s.fact)]
                for label, value in self.summary.facts
            ]
            table = Table(rows, colWidths=[70, st.FRAME_WIDTH - 70], hAlign="LEFT")
            table.setStyle(
                st.layout_style(
                    self.fonts.name(),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                )
            )
            out.append(table)
        return out

    def key_figures(self) -> list[Any]:
        """Figure tiles, the table per area and the two charts."""
        out = self.heading("Key figures", KEY_FIGURES, 0)
        figures = self.summary.figures
        width = st.FRAME_WIDTH / len(figures)
        tiles = Table(
            [
                [self.para(str(f.value), self.s.figure_value) for f in figures],
                [self.para(f.label, self.s.figure_label) for f in figures],
            ],
            colWidths=[width] * len(figures),
        )
        tiles.setStyle(
            st.layout_style(
                self.fonts.name(),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(st.ACCENT_LIGHT)),
                ("LINEAFTER", (0, 0), (-2, -1), 4, colors.white),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            )
        )
        out += [tiles, Spacer(1, 8), self.area_table(), Spacer(1, 10)]
        half = (st.FRAME_WIDTH - 16) / 2
        area = charts.draw_chart(charts.area_chart(self.summary.areas), self.fonts, half)
        cats = charts.draw_chart(charts.category_chart(self.summary.categories), self.fonts, half)
        pair = Table([[area, cats]], colWidths=[half + 16, half], hAlign="LEFT")
        pair.setStyle(
            st.layout_style(
                self.fonts.name(),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            )
        )
        out.append(pair)
        return out

    def area_table(self) -> Any:
        """Paragraphs, items, commitments and upcoming dates per area, with totals."""
        s = self.s
        heads = ["Area", "Paragraphs", "Items", "Commitments", "Upcoming dates"]
        rows: list[list[Any]] = [
            [self.para(heads[0], s.header_cell)]
            + [self.para(h, s.header_number) for h in heads[1:]]
        ]
        areas = self.summary.areas
        for area in areas:
            values = [area.paragraphs, area.items, len(area.commitments), area.upcoming]
            rows.append(
                [self.para(area.label, s.cell)] + [self.para(str(v), s.number) for v in values]
            )
        totals = [
            sum(a.paragraphs for a in areas),
            sum(a.items for a in areas),
            sum(len(a.commitments) for a in areas),
            sum(a.upcoming for a in areas),
        ]
        rows.append(
            [self.para("Total", s.cell_bold)] + [self.para(str(v), s.number_bold) for v in totals]
        )
        numbers = 74.0
        table = LongTable(
            rows,
            colWidths=[st.FRAME_WIDTH - 4 * numbers] + [numbers] * 4,
            repeatRows=1,
            hAlign="LEFT",
        )
        style = st.table_style(self.fonts.name())
        style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor(st.ACCENT))
        style.add("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(st.ACCENT_LIGHT))
        table.setStyle(style)
        return table

    def follow_up(self) -> list[Any]:
        """Progress in one sentence and the status chart per area."""
        out = self.heading("Follow-up status", FOLLOW_UP, 0)
        out.append(
            self.para(
                f"Recorded in the implementation matrix: {self.summary.progress}.", self.s.body
            )
        )
        chart = charts.status_chart(self.summary.areas, self.summary.statuses)
        if chart.bars:
            out += [Spacer(1, 4), charts.draw_chart(chart, self.fonts, st.FRAME_WIDTH)]
        return out

    def commitments(self) -> list[Any]:
        """One subsection per area: counts, then each commitment in full."""
        intro = self.heading("Commitments by area", COMMITMENTS, 0)
        intro.append(
            self.para(
                "Each commitment in full, with who acts and the partners and dates it names; "
                "the other items of each area are counted. IDs are paragraph.item; dates "
                "marked → lie after the statement's date.",
                self.s.note,
            )
        )
        if not self.summary.areas:
            return intro
        out: list[Any] = []
        for n, area in enumerate(self.summary.areas):
            # the section's heading keeps with the first area's heading and rows
            out += self.area_section(area, intro if n == 0 else [])
        return out

    def area_section(self, area: AreaSection, lead: list[Any]) -> list[Any]:
        """The heading, counts and commitments table of one area, after ``lead``."""
        head = [*lead, *self.heading(area.label, area.key, 1)]
        if area.description:
            head.append(self.para(area.description, self.s.description))
        counts = [plural(area.items, "item"), plural(len(area.commitments), "commitment")]
        if area.paragraphs:
            counts.insert(0, plural(area.paragraphs, "paragraph"))
        head.append(self.para(f"{' · '.join(counts)}. {area.others}", self.s.body))
        if area.commitments:
            table = self.commitment_table(area.commitments, area.label)
            return [NeedSpace([*head, table.first_rows]), *head, table]
        body = self.para("No commitments in this area.", self.s.note)
        return [NeedSpace([*head, body]), *head, body]

    def commitment_table(self, rows: list[CommitmentRow], label: str) -> Any:
        """The commitments of one area; the header repeats on every page."""
        with_status = rows[0].status is not None
        heads = ["ID", "Who", "Commitment", "Partners named", "Dates"]
        widths = [60.0, 46.0, 0.0, 88.0, 64.0]
        if with_status:
            heads.append("Status")
            widths = [60.0, 44.0, 0.0, 72.0, 56.0, 76.0]
        widths[2] = st.FRAME_WIDTH - sum(widths)
        data: list[list[Any]] = [[self.para(h, self.s.header_cell) for h in heads]]
        data += [self.commitment_cells(row, with_status) for row in rows]
        return self.long_table(data, widths, f"{label} (continued)")

    def long_table(self, data: list[list[Any]], widths: list[float], caption: str) -> Any:
        """A table that splits across pages under a repeated header row and a caption."""
        table = ContinuedTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        table.setStyle(st.table_style(self.fonts.name()))
        table.continued = lambda: self.para(caption, self.s.continued)
        # the header and first row, measured to keep a heading with them
        table.first_rows = Table(data[:2], colWidths=widths)
        table.first_rows.setStyle(st.table_style(self.fonts.name()))
        return table

    def commitment_cells(self, row: CommitmentRow, with_status: bool) -> list[Any]:
        """The cells of one commitment."""
        s = self.s
        cells: list[Any] = [
            Para(f"{self.bold(row.id)}<br/>{self.muted(row.category, s.cell)}", s.cell),
            self.para(row.who, s.cell),
            self.highlighted(row.text, row.verb, s.cell),
            self.lines(row.partners or ["–"], s.cell_small),
            self.date_cell(row),
        ]
        if with_status:
            cells.append(self.status_cell(row))
        return cells

    def lines(self, texts: list[str], style: Any) -> Any:
        """One paragraph with a line per text."""
        return Para("<br/>".join(self.text(t, style) for t in texts), style)

    def date_cell(self, row: CommitmentRow) -> Any:
        """Dates, the future ones in bold with an arrow."""
        if not row.dates:
            return self.para("–", self.s.cell_small)
        parts = [
            self.bold(f"→ {d.text}") if d.future else self.text(d.text, self.s.cell_small)
            for d in row.dates
        ]
        return Para("<br/>".join(parts), self.s.cell_small)

    def status_cell(self, row: CommitmentRow) -> Any:
        """The recorded status in its colour, with lead agency and due date."""
        cell = row.status
        if cell is None:
            return self.para("", self.s.cell_small)
        colour = st.status_text_colour(cell.status)
        parts = [f'<font color="{colour}">{self.bold(cell.status)}</font>']
        parts += [self.text(t, self.s.cell_small) for t in (cell.lead, cell.next_step) if t]
        if cell.due:
            parts.append(self.text(f"due {cell.due}", self.s.cell_small))
        return Para("<br/>".join(parts), self.s.cell_small)

    def milestones(self) -> list[Any]:
        """The upcoming dates as a timeline table."""
        head = self.heading("Upcoming milestones", MILESTONES, 0)
        rows = self.summary.milestones
        if not rows:
            return [*head, self.para("The statement names no date after its own.", self.s.body)]
        heads = ["When", "Milestone", "Area", "Item"]
        widths = [72.0, 0.0, 104.0, 66.0]
        widths[1] = st.FRAME_WIDTH - sum(widths)
        data: list[list[Any]] = [[self.para(h, self.s.header_cell) for h in heads]]
        data += [self.milestone_cells(m) for m in rows]
        table = self.long_table(data, widths, "Upcoming milestones (continued)")
        table.setStyle([("LINEBEFORE", (0, 1), (0, -1), 2.2, colors.HexColor(st.ACCENT))])
        return [NeedSpace([*head, table.first_rows]), *head, table]

    def milestone_cells(self, m: MilestoneRow) -> list[Any]:
        """The cells of one milestone."""
        s = self.s
        item = self.bold(m.item_id)
        if m.is_commitment:
            item += "<br/>" + self.muted("commitment", s.cell)
        return [
            self.para(m.when, s.cell_bold),
            self.highlighted(m.sentence, m.words, s.cell),
            self.para(m.area, s.cell_small),
            Para(item, s.cell),
        ]
