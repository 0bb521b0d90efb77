"""The statement's name as a page header can hold it.

Titles of joint statements run long ("Joint Statement between Japan and the
Republic of Tajikistan on Further Development of Relations to Co-create
Mutually Beneficial Cooperation"), and a page header has room for about sixty
letters beside the area's name.  The header names the statement by the first
of these that fits: the title and its date; the words before the title's colon
and the date ("The New York Declaration, 21 September 2023"); the parties, the
kind of document and the date ("Japan–Tajikistan Joint Statement, 20 December
2025"); the title alone; else the title and date over two lines.  The Summary
gives the whole title.
"""

from __future__ import annotations

import re

from jtreport.digest import long_date
from jtreport.model import Statement

#: The most letters on one line of a page header's side.
HEADER_LINE = 60
#: The most parties named in a short title.
MOST_PARTIES = 3

_KINDS = re.compile(
    r"(?i)\b(?:joint\s+press\s+(?:statement|release|communiqu[eé])|joint\s+"
    r"(?:statement|declaration|communiqu[eé])|(?:leaders[’']\s+)?communiqu[eé]|"
    r"declaration|press\s+release|action\s+plan|statement)\b"
)


def short_title(statement: Statement, limit: int = HEADER_LINE) -> str:
    """The statement's name in at most ``limit`` letters when it can be, else
    over two lines of at most ``limit`` (the second cut with "…" if need be)."""
    title = " ".join((statement.title or "Joint statement").split())
    when = long_date(statement.date) if statement.date else ""

    def dated(name: str) -> str:
        return f"{name}, {when}" if when else name

    head = title.split(":", 1)[0].strip() if ":" in title[1:] else ""
    candidates = [dated(title)]
    if len(head.split()) >= 2:
        candidates.append(dated(head))
    parties = [p.short_name or p.name for p in statement.parties]
    if 1 <= len(parties) <= MOST_PARTIES:
        kind = _KINDS.search(title)
        named = f"{'–'.join(parties)} {kind.group(0) if kind else 'Joint Statement'}"
        candidates.append(dated(named))
    candidates.append(title)
    for candidate in candidates:
        if len(candidate) <= limit:
            return candidate
    return "\n".join(wrap(dated(title), limit, lines=2))


def wrap(text: str, limit: int, *, lines: int) -> list[str]:
    """``text`` over at most ``lines`` lines of at most ``limit`` letters, cut at
    spaces; what does not fit ends the last line with "…"."""
    out: list[str] = []
    rest = text
    while rest and len(out) < lines - 1 and len(rest) > limit:
        cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if len(rest) > limit:
        cut = rest.rfind(" ", 0, limit)
        rest = rest[: cut if cut > 0 else limit - 1].rstrip(" ,;:–-") + "…"
    out.append(rest)
    return [line for line in out if line]
