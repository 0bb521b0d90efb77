"""Pairing labelled items with parsed items.

The quote is the key: a labelled item matches a parsed item whose text holds its
quote (both normalised by :func:`normal.plain`).  Labels are taken in the order
of their file (reading order).  A parsed item of the labelled item's own
paragraph is preferred; only when no parsed item of that paragraph holds the
quote may one of another paragraph match (the parser numbered the paragraph
otherwise; the ``item_paragraph`` score shows it).  Each parsed item matches at
most one labelled item: when a parsed item holds the quotes of two labelled
items, the first gets it and the second is not found (a merged item).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jtreport.model import Item, Statement

from .labels import PREAMBLE, ItemLabel, Label
from .normal import plain, quote_key


@dataclass
class Matching:
    """The outcome for one document: ``pairs`` (labelled, parsed), ``missed``
    (labelled item, why), ``spurious`` parsed items of the labelled paragraphs
    that match no label, and ``scope``: how many parsed items item precision is
    over (those of the labelled paragraphs, and any matched elsewhere)."""

    pairs: list[tuple[ItemLabel, Item]] = field(default_factory=list)
    missed: list[tuple[ItemLabel, str]] = field(default_factory=list)
    spurious: list[Item] = field(default_factory=list)
    scope: int = 0


def _in_scope(item: Item, label: Label) -> bool:
    where: int | str = PREAMBLE if item.paragraph is None else item.paragraph
    return where in label.labelled_paragraphs


def _distance(a: int | None, b: int | None) -> int:
    return abs((a or 0) - (b or 0))


def match_items(label: Label, statement: Statement) -> Matching:
    """Pair every labelled item of ``label`` with at most one parsed item."""
    items = statement.items
    texts = [plain(item.text) for item in items]
    keys = [quote_key(labelled.quote) for labelled in label.items]
    holders = [[n for n, text in enumerate(texts) if key and key in text] for key in keys]
    owner: dict[int, int] = {}  # parsed item index -> labelled item index
    chosen: dict[int, int] = {}  # labelled item index -> parsed item index

    for n, labelled in enumerate(label.items):  # first pass: the labelled paragraph
        own = [i for i in holders[n] if items[i].paragraph == labelled.paragraph]
        free = next((i for i in own if i not in owner), None)
        if free is not None:
            owner[free], chosen[n] = n, free
    for n, labelled in enumerate(label.items):  # second pass: another paragraph
        if n in chosen or any(items[i].paragraph == labelled.paragraph for i in holders[n]):
            continue
        others = sorted(holders[n], key=lambda i: _distance(items[i].paragraph, labelled.paragraph))
        free = next((i for i in others if i not in owner), None)
        if free is not None:
            owner[free], chosen[n] = n, free

    result = Matching()
    for n, labelled in enumerate(label.items):
        if n in chosen:
            result.pairs.append((labelled, items[chosen[n]]))
        else:
            result.missed.append((labelled, _why_missed(n, label, statement, holders, owner, keys)))
    matched = set(owner)
    for i, item in enumerate(items):
        if i in matched:
            result.scope += 1
        elif _in_scope(item, label):
            result.scope += 1
            result.spurious.append(item)
    return result


def _why_missed(
    n: int,
    label: Label,
    statement: Statement,
    holders: list[list[int]],
    owner: dict[int, int],
    keys: list[str],
) -> str:
    """A developer's hint for a labelled item no parsed item was left for."""
    items = statement.items
    first = next((i for i in holders[n] if i in owner), None)
    if first is not None:
        other = label.items[owner[first]].quote
        return f"merged: item {items[first].id} holds it and was matched to {other!r}"
    key = keys[n]
    by_paragraph: dict[int | None, list[Item]] = {}
    for item in items:
        by_paragraph.setdefault(item.paragraph, []).append(item)
    for group in by_paragraph.values():
        held = _spanning(key, group)
        if held:
            return "split: the quote runs across items " + ", ".join(held)
    texts = [p.text for p in statement.paragraphs] + list(statement.preamble)
    if any(key in plain(text) for text in texts):
        return "no item: the quote is in a parsed paragraph, but in no item"
    return "lost: the quote is in no parsed item or paragraph"


def _spanning(key: str, group: list[Item]) -> list[str]:
    """The ids of the items of one paragraph that the quote runs across, when it
    is found in their texts joined (empty when it is not)."""
    spans, joined = [], ""
    for item in group:
        text = plain(item.text)
        spans.append((len(joined), len(joined) + len(text), item.id))
        joined += text + " "
    start = joined.find(key)
    if start < 0:
        return []
    end = start + len(key)
    return [name for left, right, name in spans if left < end and start < right]
