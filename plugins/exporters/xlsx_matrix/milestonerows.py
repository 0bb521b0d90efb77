"""The Summary's list of the dated milestones ahead.

One row per item and date: an item that names the same date twice ("2018-2028"
and "2028") has one row, with both wordings, and so has a span of days written
once ("June 22-23": the row gives its first day).  Each row quotes what the
statement says around the date, about three lines of it (the item's whole text
is on All items, under its ID).  The rows are rendered as XML like the data
rows: a long statement has thousands.
"""

from __future__ import annotations

import re
from typing import Any

from jtreport.digest import Milestone, long_date, milestones
from jtreport.model import Statement

from .cells import clean_text, needs_quote_prefix
from .dates import iso_date, precision_note
from .metrics import height_of
from .styles import PRECISION_FORMATS
from .summaryrows import COUNT_WIDTH, LABEL_WIDTH, LAST, SummaryWriter, text_lines

#: About two lines of the "What the statement says" column.
EXCERPT = 160
#: Letters an excerpt keeps after the date's words.
_AFTER = 30
#: Where an excerpt may start: after a clause's punctuation, or at a name.
_STARTS = re.compile(r"[,;:]\s+(\S)|\s((?:the|an?)\s+[A-Z“\"‘])")


def excerpt(text: str, written: str, limit: int = EXCERPT) -> str:
    """What ``text`` says around the words ``written`` (a date as written), in
    at most about ``limit`` letters cut at spaces, "…" marking what is left out.

    The excerpt starts at the text's start when the date is near it, else at
    the first clause or name ("the Fourth High-Level Conference") that leaves
    room for the date and a few words after it.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    at = text.find(written) if written else -1
    start = 0
    if at > 0:
        earliest = at + len(written) + _AFTER - limit
        if earliest > 0:
            starts = [m.start(m.lastindex or 0) for m in _STARTS.finditer(text, earliest, at)]
            start = starts[0] if starts else text.find(" ", earliest) + 1
    end = min(len(text), start + limit)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = text[start:end].strip(" ,;:")
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def distinct(found: list[Milestone]) -> list[tuple[Milestone, list[str]]]:
    """Each item's milestones on the same date, or written the same, as one
    (the first), with every wording."""
    rows: list[tuple[Milestone, list[str]]] = []
    seen: dict[tuple[str, str], int] = {}
    for milestone in found:
        item, date = milestone.item.id, milestone.date
        at = seen.get((item, "=" + date.value), seen.get((item, date.text)))
        if at is None:
            at = len(rows)
            rows.append((milestone, []))
        wordings = rows[at][1]
        if date.text not in wordings:
            wordings.append(date.text)
        seen.setdefault((item, "=" + date.value), at)
        seen.setdefault((item, date.text), at)
    return rows


def milestone_rows(writer: SummaryWriter, statement: Statement) -> None:
    """The section's heading and rows (from here on, the Summary's rows are
    rendered as XML: see :meth:`.SummaryWriter.start_tail`)."""
    tail = writer.start_tail()
    writer.cells([("Upcoming milestones (dates after the statement's)", "jt Section")])
    found = distinct(milestones(statement))
    if not found:
        writer.merged("No dated milestones after the statement's date.", "jt Value", "A")
        return
    headers = ["As written", "Date", "Precision", "Item", "Area", None, "What the statement says"]
    spans = [(LABEL_WIDTH,), *((COUNT_WIDTH,),) * 3, (COUNT_WIDTH,) * 2, (), (COUNT_WIDTH,) * 5]
    writer.cells([(h, "jt Header") for h in [*headers, None, None, None, None]], spans=spans)
    writer.merge(f"E{writer.row}:F{writer.row}")
    writer.merge(f"G{writer.row}:{LAST}{writer.row}")
    ids = writer.styles.id
    plain, centred = ids("jt Body"), ids("jt Body centred")
    header = writer.row
    for milestone, wordings in found:
        item = milestone.item
        text = excerpt(item.text, wordings[0])
        written = "; ".join(wordings)
        when = iso_date(milestone.date.value)
        day: Any = when[0] if when else clean_text(long_date(milestone.date.value))[0]
        fmt = PRECISION_FORMATS[when[1]] if when else ""
        cells: list[tuple[Any, int]] = [
            (clean_text(written)[0], plain),
            (day, ids("jt Body centred", number_format=fmt) if fmt else centred),
            (precision_note(when[1]) if when else None, centred),
            (item.id, ids("jt Body centred", quoted=True)),
            (clean_text(milestone.area_label)[0], plain),
            (None, plain),
            (clean_text(text)[0], ids("jt Body", quoted=needs_quote_prefix(text))),
            *((None, plain) for _ in range(4)),
        ]
        lines = max(
            text_lines(text, "jt Body", *(COUNT_WIDTH,) * 5)[0],
            text_lines(milestone.area_label, "jt Body", COUNT_WIDTH, COUNT_WIDTH)[0],
            text_lines(written, "jt Body", LABEL_WIDTH)[0],
        )
        height = height_of(lines)
        if writer.row > header:  # not between the header and the first milestone
            writer.layout.breakable.add(writer.row)
        tail.add(cells, height)
        writer.row = tail.last_row
        writer.layout.heights.append(height)
        writer.merge(f"E{writer.row}:F{writer.row}")
        writer.merge(f"G{writer.row}:{LAST}{writer.row}")
