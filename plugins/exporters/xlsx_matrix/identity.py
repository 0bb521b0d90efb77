"""Item identity across redrafts: which item of the new statement a previous
matrix row was typed against.

Item IDs are printed for people ("16.2": paragraph 16, second item), but a
redrafted statement renumbers them: a paragraph removed, inserted or split
shifts every ID after it.  So rows are matched to items by their content:

1. **Same text.**  Each row's text (the "Text" cell, what the user read when
   typing) is normalised (case, spacing, punctuation, quotes and dashes) and
   compared with the text of every item.  Among rows and items with the same
   text, those with the same ID pair first, then those with the same paragraph
   number, then in statement order.
2. **Reworded text.**  A row still unmatched goes to the unmatched item whose
   words are most alike, in order (the longest common word sequences, over the
   longer of the two texts), when that is at least :data:`SIMILAR`: a
   corrected typo or a changed word keeps the row with its item.  A sentence
   split in two matches neither half (each holds too little of it).  Ties go to
   the item with the same paragraph number, then the nearest in the statement.
3. **Nothing else.**  A row that matches no item is not guessed onto one: it
   goes to the Archived sheet with its old ID, its text and the reason.

Candidate pairs for step 2 are found through the rarest words of each text (a
pair that shares no word among a text's rarest cannot reach :data:`SIMILAR`),
so matching stays near-linear on long statements.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from jtreport.model import Item

#: The share of a text's words (in order) another text must keep to be the same item.
SIMILAR = 0.85

_WORD = re.compile(r"\w+", re.UNICODE)
_CUT_MARK = "[…]"


@dataclass(frozen=True)
class Previous:
    """A row of the previous matrix: what it was typed against."""

    item_id: str
    text: str
    paragraph: int | None
    #: its place among the previous rows (statement order)
    position: int


@dataclass(frozen=True)
class Match:
    """A previous row and the new item it belongs to."""

    previous: Previous
    item: Item
    #: 1.0 for the same text; below for a reworded one
    similarity: float

    @property
    def moved(self) -> bool:
        """True when the item now has another ID."""
        return self.previous.item_id != self.item.id


@dataclass
class Matching:
    """The outcome of :func:`match`."""

    #: by the previous row's ID
    matches: dict[str, Match] = field(default_factory=dict)
    #: previous rows that match no item, with the closest item and its similarity
    unmatched: list[tuple[Previous, Item | None, float]] = field(default_factory=list)


def words(text: str) -> tuple[str, ...]:
    """A text's normalised words: Unicode-normalised, case-folded, without
    punctuation or the mark of a text cut to fit a cell."""
    text = unicodedata.normalize("NFKC", text).replace(_CUT_MARK, " ").casefold()
    return tuple(_WORD.findall(text))


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How much of the longer word list the other keeps, in order (0 to 1)."""
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return kept / max(len(a), len(b))


def match(
    previous: Sequence[Previous],
    items: Sequence[Item],
    as_cell: Callable[[str], str] = str,
) -> Matching:
    """Match previous rows to the items of the new statement (module rules).

    ``as_cell`` gives an item's text as a cell holds it (cut to fit, characters
    a cell refuses removed): rows are compared with that.
    """
    result = Matching()
    position = {item.id: n for n, item in enumerate(items)}
    item_words = [words(as_cell(item.text)) for item in items]
    by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, key in enumerate(item_words):
        by_words[key].append(index)
    taken: set[int] = set()

    # 1. the same text
    rows_by_words: dict[tuple[str, ...], list[Previous]] = defaultdict(list)
    for row in previous:
        rows_by_words[words(row.text)].append(row)
    for key, rows in rows_by_words.items():
        candidates = by_words.get(key, [])
        if not key or not candidates:
            continue
        for rule in (_same_id, _same_paragraph, _any):
            for row in list(rows):
                free = [i for i in candidates if i not in taken and rule(row, items[i])]
                if free:
                    taken.add(free[0])
                    rows.remove(row)
                    result.matches[row.item_id] = Match(row, items[free[0]], 1.0)

    # 2. reworded text
    left = [r for r in previous if r.item_id not in result.matches]
    free_items = [i for i in range(len(items)) if i not in taken]
    best: dict[str, tuple[Item | None, float]] = {}
    pairs: list[tuple[float, int, int, Previous, int]] = []
    row_words = {r.item_id: words(r.text) for r in left}
    for row, index, score in _candidates(left, row_words, free_items, item_words):
        item = items[index]
        if score > best.get(row.item_id, (None, 0.0))[1]:
            best[row.item_id] = (item, score)
        if score >= SIMILAR:
            same_paragraph = 0 if row.paragraph == item.paragraph else 1
            distance = abs(position[item.id] - row.position)
            pairs.append((-score, same_paragraph, distance, row, index))
    pairs.sort(key=lambda p: (p[0], p[1], p[2], p[3].position))
    for negative, _, _, row, index in pairs:
        if row.item_id in result.matches or index in taken:
            continue
        taken.add(index)
        result.matches[row.item_id] = Match(row, items[index], -negative)

    # 3. nothing else
    for row in left:
        if row.item_id not in result.matches:
            closest, score = best.get(row.item_id, (None, 0.0))
            result.unmatched.append((row, closest, score))
    return result


def _same_id(row: Previous, item: Item) -> bool:
    return row.item_id == item.id


def _same_paragraph(row: Previous, item: Item) -> bool:
    return row.paragraph is not None and row.paragraph == item.paragraph


def _any(row: Previous, item: Item) -> bool:
    return True


def _candidates(
    rows: Sequence[Previous],
    row_words: dict[str, tuple[str, ...]],
    free_items: Sequence[int],
    item_words: Sequence[tuple[str, ...]],
) -> list[tuple[Previous, int, float]]:
    """Pairs of (row, item index, similarity) worth scoring: those sharing one
    of the row's rarest words (as many as a similar item may lack, plus one);
    a pair sharing none of them cannot reach :data:`SIMILAR`."""
    if not rows or not free_items:
        return []
    frequency: Counter[str] = Counter()
    for index in free_items:
        frequency.update(set(item_words[index]))
    postings: dict[str, list[int]] = defaultdict(list)
    for index in free_items:
        for word in set(item_words[index]):
            postings[word].append(index)
    found: list[tuple[Previous, int, float]] = []
    for row in rows:
        all_words = row_words[row.item_id]
        distinct = sorted(set(all_words), key=lambda w: (frequency[w], w))
        if not distinct:
            continue
        # at most n * (1 - SIMILAR) of the row's n words can be missing from a
        # similar item, so one of that many distinct words plus one is present
        prefix = min(len(distinct), int(len(all_words) * (1 - SIMILAR)) + 1)
        seen: set[int] = set()
        for word in distinct[:prefix]:
            for index in postings.get(word, ()):
                if index in seen:
                    continue
                seen.add(index)
                score = similarity(row_words[row.item_id], item_words[index])
                found.append((row, index, score))
    return found
