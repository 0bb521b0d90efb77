"""How much the parser takes on: a bound on the text, the paragraphs and the
items of one statement, so that any input ends in bounded time and memory
with a one-line message instead of a run of many minutes.

The limits are far above any real statement (a G7 communiqué has a hundred
paragraphs and two hundred items, the benchmark's longest statement 3,900
paragraphs and 6,500 items) and far below what would take the pack more than
a minute or so.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block
from ..errors import ParseError

#: the most characters of text a statement may hold
MAX_TEXT_CHARS = 5_000_000
#: the most paragraphs (headings and list items included) a statement may hold
MAX_PARAGRAPHS = 10_000
#: the most statement items the parser builds
MAX_ITEMS = 40_000


def check_text(blocks: Sequence[Block]) -> None:
    """Refuse a statement whose text is longer than :data:`MAX_TEXT_CHARS`."""
    total = 0
    for block in blocks:
        total += len(block.text) + len(block.description or "")
        if total > MAX_TEXT_CHARS:
            raise ParseError(
                f"holds more than {MAX_TEXT_CHARS:,} characters of text; jtreport reads "
                f"statements of at most {MAX_TEXT_CHARS:,} (a long communiqué has a few "
                "hundred thousand)"
            )


def check_paragraphs(count: int) -> None:
    """Refuse a statement of more than :data:`MAX_PARAGRAPHS` paragraphs."""
    if count > MAX_PARAGRAPHS:
        raise ParseError(
            f"holds {count:,} paragraphs; jtreport reads statements of at most "
            f"{MAX_PARAGRAPHS:,} (a long communiqué has a few hundred)"
        )


def check_items(count: int) -> None:
    """Refuse a statement that makes more than :data:`MAX_ITEMS` items."""
    if count > MAX_ITEMS:
        raise ParseError(
            f"makes {count:,} statement items; jtreport reads statements of at most "
            f"{MAX_ITEMS:,} items (a long communiqué has a few hundred)"
        )
