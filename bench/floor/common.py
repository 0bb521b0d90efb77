"""What every floor script shares: the statement as plain data, read from the
JSON model that ``jtreport -f json`` wrote before the timing started, and a zip
archive with fixed entry times (the floors write reproducible files too, as
jtreport must).

Standard library only: the floors measure the document libraries, not jtreport.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The statement categories, future action first (the order the reports use).
CATEGORIES = (
    "pledge",
    "agreement",
    "intention",
    "invitation",
    "welcome",
    "appreciation",
    "affirmation",
)
#: The ministry's columns of the matrix.
MINISTRY = ("Lead agency", "Supporting agencies", "Status", "Next step", "Due date", "Notes")
STATUSES = (
    "Not started",
    "Planned",
    "In progress",
    "Ongoing",
    "Completed",
    "Delayed",
    "Suspended",
    "Cancelled",
)
#: Every zip entry is dated this (a fixed ``SOURCE_DATE_EPOCH``).
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Group:
    """One area (or the items outside any area) with its items."""

    label: str
    description: str
    paragraphs: list[dict[str, Any]]
    items: list[dict[str, Any]]

    @property
    def commitments(self) -> list[dict[str, Any]]:
        """The items that commit someone to future action."""
        return [i for i in self.items if i["is_commitment"]]


class Model:
    """The statement, as the JSON model holds it, with the views reports need."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.title: str = data.get("title") or "Joint statement"
        self.items: list[dict[str, Any]] = data["items"]
        self.paragraphs: list[dict[str, Any]] = data["paragraphs"]
        self.areas: list[dict[str, Any]] = data["areas"]
        self.labels = {a["id"]: a["heading"] for a in self.areas}

    @classmethod
    def load(cls, path: str | Path) -> Model:
        """Read a model written by ``jtreport -f json``."""
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    def label(self, area_id: str | None) -> str:
        """An area's heading, or "General"."""
        return self.labels.get(area_id or "", "General")

    def groups(self) -> list[Group]:
        """The items outside any area (when there are some), then each area."""
        items: dict[str | None, list[dict[str, Any]]] = {}
        for item in self.items:
            items.setdefault(item["area_id"], []).append(item)
        paragraphs: dict[str | None, list[dict[str, Any]]] = {}
        for para in self.paragraphs:
            paragraphs.setdefault(para["area_id"], []).append(para)
        out = []
        if items.get(None):
            out.append(Group("General", "", paragraphs.get(None, []), items[None]))
        for area in self.areas:
            out.append(
                Group(
                    area["heading"],
                    area.get("description") or "",
                    paragraphs.get(area["id"], []),
                    items.get(area["id"], []),
                )
            )
        return out

    @property
    def commitments(self) -> list[dict[str, Any]]:
        """Every commitment, in order."""
        return [i for i in self.items if i["is_commitment"]]

    def categories(self) -> Counter[str]:
        """Items per category."""
        return Counter(i["category"] for i in self.items)

    def milestones(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """(date, item) for every future date, in date order."""
        found = [(d, i) for i in self.items for d in i["dates"] if d.get("future")]
        found.sort(key=lambda pair: pair[0]["value"])
        return found


def dates_label(item: dict[str, Any]) -> str:
    """The item's dates, future ones marked with an arrow."""
    return "; ".join(
        f"{'→ ' if d.get('future') else ''}{d['text']} ({d['value']})" for d in item["dates"]
    )


def partners(item: dict[str, Any]) -> list[str]:
    """Organisations, instruments and projects, without repeats."""
    return list(dict.fromkeys([*item["organizations"], *item["instruments"], *item["projects"]]))


class FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry :data:`ZIP_TIME`, written in one pass."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        """Write an entry dated :data:`ZIP_TIME`."""
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        super().writestr(info, data, *args, **kwargs)

    def write(self, filename: Any, arcname: str | None = None, *args: Any, **kwargs: Any) -> None:
        """Add a file from disk (openpyxl writes each sheet to a temporary file)."""
        data = Path(filename).read_bytes()
        self.writestr(arcname or Path(filename).name, data)
