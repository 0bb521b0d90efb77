"""The scores the scorer reports: their names, what each is over, and the
counts behind them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoreSpec:
    """One reported score: its key (in ``--json`` and the floors file), its
    name in the tables, its group, and what its denominator counts."""

    key: str
    name: str
    group: str
    over: str


DOCUMENT = "document"
ITEMS = "items"
FIELDS = "fields of found items"
COMMITMENT = "commitment (found items)"
ENTITIES = "entities and dates (found items, micro)"

#: Every score, in report order.  The floors file must name exactly these keys.
SCORES: tuple[ScoreSpec, ...] = (
    ScoreSpec("title", "title", DOCUMENT, "documents"),
    ScoreSpec("date", "date", DOCUMENT, "documents"),
    ScoreSpec("place", "place", DOCUMENT, "documents"),
    ScoreSpec("parties", "parties", DOCUMENT, "documents"),
    ScoreSpec("leaders", "leaders found with their party", DOCUMENT, "labelled leaders"),
    ScoreSpec("leader_precision", "leaders precision", DOCUMENT, "parsed leaders"),
    ScoreSpec("areas", "areas", DOCUMENT, "documents"),
    ScoreSpec("paragraph_count", "paragraph count", DOCUMENT, "documents"),
    ScoreSpec("paragraph_numbers", "paragraph numbers", DOCUMENT, "documents"),
    ScoreSpec("item_found", "item found (recall)", ITEMS, "labelled items"),
    ScoreSpec("item_precision", "item precision", ITEMS, "parsed items in labelled paragraphs"),
    ScoreSpec("item_paragraph", "paragraph", FIELDS, "found items"),
    ScoreSpec("actor", "actor", FIELDS, "found items"),
    ScoreSpec("verb", "verb (contained)", FIELDS, "found items"),
    ScoreSpec("verb_exact", "verb (exact)", FIELDS, "found items"),
    ScoreSpec("category", "category", FIELDS, "found items"),
    ScoreSpec("commitment_precision", "commitment precision", COMMITMENT, "parsed commitments"),
    ScoreSpec("commitment_recall", "commitment recall", COMMITMENT, "labelled commitments"),
    ScoreSpec("commitment_f1", "commitment F1", COMMITMENT, "labelled + parsed commitments"),
    ScoreSpec("organizations_precision", "organizations precision", ENTITIES, "parsed"),
    ScoreSpec("organizations_recall", "organizations recall", ENTITIES, "labelled"),
    ScoreSpec("instruments_precision", "instruments precision", ENTITIES, "parsed"),
    ScoreSpec("instruments_recall", "instruments recall", ENTITIES, "labelled"),
    ScoreSpec("projects_precision", "projects precision", ENTITIES, "parsed"),
    ScoreSpec("projects_recall", "projects recall", ENTITIES, "labelled"),
    ScoreSpec("dates_precision", "dates precision", ENTITIES, "parsed date values"),
    ScoreSpec("dates_recall", "dates recall", ENTITIES, "labelled date values"),
    ScoreSpec("date_future", "date future flag", ENTITIES, "date values found"),
)
SPECS = {spec.key: spec for spec in SCORES}


@dataclass(frozen=True)
class Score:
    """A ratio: ``value`` is ``hits / total``, or None when nothing was counted."""

    hits: float
    total: float

    @property
    def value(self) -> float | None:
        """The ratio, or None over an empty denominator."""
        return self.hits / self.total if self.total else None


@dataclass
class Tally:
    """Counts over any number of documents: ``hits`` and ``totals`` per score
    key, and the category confusion (labelled, parsed) with ``missed`` and
    ``spurious`` for items found on one side only."""

    hits: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def count(self, key: str, hit: bool | int, total: int = 1) -> None:
        """Add ``total`` to the denominator of ``key`` and ``hit`` to its hits."""
        if key not in SPECS:
            raise KeyError(f"unknown score {key!r}")
        self.hits[key] += int(hit)
        self.totals[key] += total

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.hits.update(other.hits)
        self.totals.update(other.totals)
        self.confusion.update(other.confusion)

    def score(self, key: str) -> Score:
        """One score; F1 is derived from the commitment counts."""
        if key == "commitment_f1":
            both = self.totals["commitment_precision"] + self.totals["commitment_recall"]
            return Score(2 * self.hits["commitment_recall"], both)
        return Score(self.hits[key], self.totals[key])

    def scores(self) -> dict[str, Score]:
        """Every score in report order."""
        return {spec.key: self.score(spec.key) for spec in SCORES}
