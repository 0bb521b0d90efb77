"""The benchmark's table: one row per target, with jtreport's figure, the
floor's figure measured in the same run, their ratio, the limit and a verdict.
Printed as text and written as JSON."""

from __future__ import annotations

import json
import math
import platform
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PASS, FAIL, INFO, SKIP = "PASS", "FAIL", "info", "skip"


@dataclass
class Row:
    """One line of the table."""

    target: str
    value: float | None
    floor: float | None = None
    unit: str = "s"
    #: the figure the limit applies to: "ratio" (value/floor) or "value"
    checks: str = "ratio"
    limit: float | None = None
    #: "max" (at most the limit) or "min" (at least)
    sense: str = "max"
    note: str = ""
    verdict: str = field(default="")
    #: measured with the model cache warm (a regeneration), not on a first run
    warm: bool = False
    #: the median of the run-by-run ratios of two interleaved commands (steadier
    #: on a busy machine than the ratio of the medians); the ratio when given
    paired: float | None = None

    @property
    def ratio(self) -> float | None:
        """The paired ratio when there is one, else value / floor."""
        if self.paired is not None:
            return self.paired
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    def judge(self) -> Row:
        """Set the verdict from the limit."""
        if self.verdict:
            return self
        checked = self.ratio if self.checks == "ratio" else self.value
        if self.limit is None or checked is None or math.isnan(checked):
            self.verdict = INFO if self.limit is None else SKIP
        elif self.sense == "max":
            self.verdict = PASS if checked <= self.limit else FAIL
        else:
            self.verdict = PASS if checked >= self.limit else FAIL
        return self


def _figure(value: float | None, unit: str) -> str:
    if value is None or math.isnan(value):
        return "–"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if unit == "/s":
        return f"{value:.1f}/s"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:g}{unit}"


def _limit(row: Row) -> str:
    if row.limit is None:
        return ""
    sign = "≤" if row.sense == "max" else "≥"
    if row.checks == "ratio":
        return f"ratio {sign} {row.limit:g}"
    return f"{sign} {_figure(row.limit, row.unit)}"


def tables(rows: list[Row]) -> str:
    """The first-run rows, then the rows measured with the model cache warm."""
    first = [r for r in rows if not r.warm]
    warm = [r for r in rows if r.warm]
    text = table(first)
    if warm:
        text += "\n\nWith the model cache warm (the statement converted before):\n\n" + table(warm)
    return text


def table(rows: list[Row]) -> str:
    """The rows as an aligned text table."""
    head = ("target", "jtreport", "floor", "ratio", "limit", "result")
    lines = [
        (
            r.target,
            _figure(r.value, r.unit),
            _figure(r.floor, r.unit),
            f"{r.ratio:.2f}x" if r.ratio is not None else "",
            _limit(r),
            r.verdict + (f"  {r.note}" if r.note else ""),
        )
        for r in rows
    ]
    widths = [max(len(x[i]) for x in [head, *lines]) for i in range(5)]
    out = []
    for cells in [head, *lines]:
        padded = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False))
        out.append(f"{padded}  {cells[5]}".rstrip())
        if cells is head:
            out.append("-" * (sum(widths) + 10 + 6))
    return "\n".join(out)


def machine() -> dict[str, Any]:
    """Where the figures come from."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    import os

    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def write_json(path: Path, rows: list[Row], settings: dict[str, Any]) -> None:
    """The table as JSON, with the machine and the settings of the run."""
    data = {
        "machine": machine(),
        "settings": settings,
        "rows": [{**asdict(r), "ratio": r.ratio} for r in rows],
        "passed": all(r.verdict != FAIL for r in rows),
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
