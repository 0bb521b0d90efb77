"""Statement dates as spreadsheet dates, with their precision.

The model gives a date mention's value in ISO form to the precision the text
gave (``2026-05-31``, ``2026-05``, ``2026``).  A spreadsheet date is a day, so
a month or a year is stored as its first day, shown with a format of its
precision ("May 2026", "2026"), and the precision is written beside it: the
column sorts and filters as dates, and nobody reads "1 May" into "May".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from jtreport.model import DateMention, Item

Precision = Literal["day", "month", "year"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_date(value: str | None) -> tuple[date, Precision] | None:
    """``2026-05`` -> (1 May 2026, "month"); None for anything else."""
    match = _ISO.fullmatch((value or "").strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day)), "day"
        if month:
            return date(int(year), int(month), 1), "month"
        return date(int(year), 1, 1), "year"
    except ValueError:
        return None


def key_mention(item: Item) -> DateMention | None:
    """The date a tracker sorts an item by: its first date still ahead, else its
    first date with a usable value."""
    usable = [d for d in item.dates if iso_date(d.value) is not None]
    ahead = [d for d in usable if d.future]
    chosen = ahead or usable
    return chosen[0] if chosen else None


def precision_note(precision: Precision) -> str:
    """What the precision column says: nothing for a day, else "month" or "year"."""
    return "" if precision == "day" else precision
