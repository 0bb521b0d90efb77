"""The summary's flowables, in reading order: the title block; the issue,
recommendations and timing; the documents signed and launched; the commitments
by area and status; what is overdue and upcoming; the lines to take.

Every text goes through :meth:`FontSet.markup`, which escapes it and switches
font for characters the body font lacks.  Long tables split across pages
(between rows, or inside a row taller than a page), repeat their header row
and carry a "(continued)" caption; headings keep with the first row of their
table.  Imported only when a PDF is written (reportlab is loaded here).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    HRFlowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    Table,
)

from . import charts
from . import styles as st
from .page import Anchor
from .summary import NO_STATUS, LineRow, Summary, TimelineRow, plural

#: Section headings with their outline keys, in order.
ISSUE = ("Issue", "issue")
RECOMMENDATIONS = ("Recommendations", "recommendations")
TIMING = ("Timing", "timing")
DOCUMENTS = ("Documents signed and launched", "documents")
STATUS = ("Commitments by area and status", "status")
TIMELINE = ("Overdue and upcoming", "timeline")
LINES = ("Lines to take", "lines")


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


def _unkeep() -> Any:
    """A flowable of no height that ends a heading's keep-with-next chain: a
    heading keeps with the whole of what follows it, so before a table (which
    :class:`NeedSpace` keeps with its heading) the chain stops here and the
    table may start on the heading's page and split."""
    return Spacer(0, 0)


class StoryBuilder:
    """Turns a :class:`Summary` into flowables with one document's styles."""

    def __init__(self, summary: Summary, styles: st.Styles, *, compact: bool = False) -> None:
        self.summary = summary
        self.s = styles
        #: a short statement's summary: the status chart only where it shows statuses
        self.compact = compact
        self.fonts = styles.fonts
        self._bold_font = self.fonts.name("bold")

    # Text ---------------------------------------------------------------------

    def text(self, text: str, style: Any) -> str:
        """Markup for ``text`` printed in ``style``."""
        return self.fonts.markup(text, self.s.weight(style))

    def bold(self, text: str) -> str:
        """Markup for ``text`` in the body font's bold face."""
        return f'<font name="{self._bold_font}">{self.fonts.markup(text, "bold")}</font>'

    def para(self, text: str, style: Any) -> Any:
        """A paragraph of plain ``text``."""
        return Para(self.text(text, style), style)

    def mark(self, status: str | None) -> str:
        """A square in the status's colour ("No status": a hollow one)."""
        if not status or status == NO_STATUS:
            return f'<font color="{st.NO_STATUS_EDGE}">{self.fonts.markup("□")}</font>'
        return f'<font color="{st.status_colour(status)}">{self.fonts.markup("■")}</font>'

    def bullet(self, markup: str, style: Any) -> Any:
        """A bulleted paragraph of ready markup."""
        return Para(markup, style, bulletText="•")

    def heading(self, section: tuple[str, str], level: int = 0) -> list[Any]:
        """A heading with its outline entry."""
        text, key = section
        style = self.s.h1 if level == 0 else self.s.h2
        return [Anchor(key, text, level), self.para(text, style)]

    # Sections -----------------------------------------------------------------

    def build(self) -> list[Any]:
        """The whole story."""
        return [*self.prefix(), *self.lines()]

    def prefix(self) -> list[Any]:
        """Everything before the lines to take (which alone depend on how many
        lines the summary gives)."""
        story = self.title_block()
        story += self.front()
        story += self.documents()
        story += self.status()
        story += self.timeline()
        return story

    def title_block(self) -> list[Any]:
        """Kicker, title and the facts of the meeting."""
        out: list[Any] = [
            self.para("BRIEFING SUMMARY", self.s.kicker),
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

    def front(self) -> list[Any]:
        """The issue, the recommendations and the timing (the note's front sheet)."""
        out = self.heading(ISSUE)
        out += [self.para(text, self.s.body) for text in self.summary.issue]
        out += self.heading(RECOMMENDATIONS)
        recommendations = self.summary.recommendations or ["No decision is needed."]
        out += [self.bullet(self.text(r, self.s.bullet), self.s.bullet) for r in recommendations]
        out += self.heading(TIMING)
        out.append(self.para(self.summary.timing, self.s.body))
        return out

    def documents(self) -> list[Any]:
        """The documents signed and launched, names whole."""
        head = self.heading(DOCUMENTS)
        rows = self.summary.documents
        if not rows:
            body = self.para(
                "The statement records no document signed and no mechanism launched.", self.s.body
            )
            return [*head, body]
        s = self.s
        heads = ["Document", "Event", "Parties", "Para", "Date"]
        widths = [0.0, 56.0, 118.0, 44.0, 78.0]
        widths[0] = st.FRAME_WIDTH - sum(widths)
        data: list[list[Any]] = [[self.para(h, s.header_cell) for h in heads]]
        for row in rows:
            data.append(
                [
                    self.para(row.name, s.cell),
                    self.para(row.event, s.cell_small),
                    self.para(row.parties, s.cell_small),
                    self.para(row.where, s.cell_small),
                    self.para(row.date, s.cell_small),
                ]
            )
        table = self.long_table(data, widths, f"{DOCUMENTS[0]} (continued)")
        return [NeedSpace([*head, table.first_rows]), *head, _unkeep(), table]

    def status(self) -> list[Any]:
        """The chart of commitments by area and status, and what it shows."""
        head = self.heading(STATUS)
        areas = self.summary.areas
        if not areas:
            return [*head, self.para("The statement holds no commitments.", self.s.body)]
        total = sum(a.commitments for a in areas)
        if self.summary.tracking:
            late = sum(a.overdue for a in areas)
            note = f"{plural(total, 'commitment')}, as the implementation matrix records them" + (
                f"; {late} overdue." if late else "."
            )
        else:
            note = (
                f"{plural(total, 'commitment')}; no status is recorded yet: fill the "
                "implementation matrix and pass it with --status."
            )
        if self.compact and not self.summary.tracking:
            # a chart of bars that all say "no status" tells nothing the sentence does not
            where = "; ".join(f"{a.label}: {a.commitments}" for a in areas if a.commitments)
            return [*head, self.para(f"{note} By area: {where}.", self.s.note)]
        chart = charts.draw_chart(
            charts.status_chart(areas, self.summary.statuses, tracking=self.summary.tracking),
            self.fonts,
            st.FRAME_WIDTH,
        )
        return [NeedSpace([*head, chart]), *head, self.para(note, self.s.note), chart]

    def timeline(self) -> list[Any]:
        """Overdue due dates first, then every dated event and due date in order."""
        head = self.heading(TIMELINE)
        rows = self.summary.timeline
        if not rows:
            body = self.para(
                "The statement names no date after its own, and no due date is recorded.",
                self.s.body,
            )
            return [*head, body]
        heads = ["When", "What", "Status", "Item"]
        widths = [84.0, 0.0, 98.0, 64.0]
        widths[1] = st.FRAME_WIDTH - sum(widths)
        data: list[list[Any]] = [[self.para(h, self.s.header_cell) for h in heads]]
        data += [self.timeline_cells(row) for row in rows]
        table = self.long_table(data, widths, f"{TIMELINE[0]} (continued)")
        marks = [
            ("LINEBEFORE", (0, n), (0, n), 2.4, colors.HexColor(st.status_colour("Delayed")))
            for n, row in enumerate(rows, 1)
            if row.overdue
        ]
        if marks:
            table.setStyle(marks)
        return [NeedSpace([*head, table.first_rows]), *head, _unkeep(), table]

    def timeline_cells(self, row: TimelineRow) -> list[Any]:
        """The cells of one timeline row; an overdue one in bold."""
        s = self.s
        when = self.bold(row.when) if row.overdue else self.text(row.when, s.cell)
        if row.is_deadline:
            state = f"{self.mark(row.status)} {self.text(row.status or NO_STATUS, s.cell)}"
            if row.overdue:
                state += f", {self.bold('overdue')}"
        else:
            state = self.text(row.state, s.cell)
        return [
            Para(when, s.cell),
            self.para(row.what, s.cell),
            Para(state, s.cell),
            self.para(row.item, s.cell_small),
        ]

    def lines(self) -> list[Any]:
        """The lines to take, by area; the colophon keeps with the last line."""
        out = self.heading(LINES)
        out.append(self.para(self.summary.lines_intro, self.s.note))
        groups = [g for g in self.summary.lines if g.lines]
        named = len(self.summary.lines) > 1
        flowables: list[Any] = []
        last_head: list[Any] = []
        for n, group in enumerate(groups):
            head = self.heading((group.label, group.key), 1) if named else []
            bullets = [self.line(line) for line in group.lines]
            # the section's heading and note keep with the first area's first line
            lead = out if n == 0 else []
            flowables += [NeedSpace([*lead, *head, bullets[0]]), *lead, *head, *bullets]
            last_head = [*lead, *head] if len(bullets) == 1 else []
            out = [] if n == 0 else out
        more = self.summary.more_lines
        tail: list[Any] = []
        if more:
            tail.append(
                self.para(
                    f"{plural(more, 'further commitment')} in the Word note and the matrix.",
                    self.s.note,
                )
            )
        tail.append(self.para(self.summary.closing, self.s.closing))
        if flowables:
            # the colophon never stands alone on a page, nor an area's heading
            # whose one line keeps with it
            kept = [flowables.pop()]
            if last_head and flowables[-len(last_head) :] == last_head:
                kept = [*flowables[-len(last_head) :], *kept]
                del flowables[-len(last_head) :]
            tail = [KeepTogether([*kept, *tail])]
        return [*out, *flowables, *tail]

    def line(self, line: LineRow) -> Any:
        """One line to take, with its status square when a status is recorded."""
        prefix = f"{self.mark(line.status)} " if self.summary.tracking else ""
        return self.bullet(prefix + self.text(line.text, self.s.line_text), self.s.line_text)

    def long_table(self, data: list[list[Any]], widths: list[float], caption: str) -> Any:
        """A table that splits across pages under a repeated header row and a caption."""
        table = ContinuedTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        table.setStyle(st.table_style(self.fonts.name()))
        table.continued = lambda: self.para(caption, self.s.continued)
        # the header and first row, measured to keep a heading with them
        table.first_rows = Table(data[:2], colWidths=widths)
        table.first_rows.setStyle(st.table_style(self.fonts.name()))
        return table
