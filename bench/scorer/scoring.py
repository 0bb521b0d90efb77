"""Scoring a labelled set: parse each statement, compare, add up."""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jtreport.model import Statement

from .compare import Disagreement, Recorder, compare_document, compare_items
from .labels import LabelledDocument, label_problems
from .matching import match_items
from .tally import SCORES, SPECS, Score, Tally

#: Scores left out of a document's combined score because another one already
#: covers them (F1 covers commitment precision and recall; the lenient verb rule
#: covers the exact one).
NOT_COMBINED = frozenset({"commitment_precision", "commitment_recall", "verb_exact"})


@dataclass
class DocumentResult:
    """One statement's counts, disagreements and label problems."""

    name: str
    labelled_items: int
    tally: Tally
    disagreements: list[Disagreement]
    problems: list[str]

    def values(self) -> dict[str, float | None]:
        """Every score of this document alone (None: nothing to count)."""
        return {key: score.value for key, score in self.tally.scores().items()}

    def combined(self) -> float | None:
        """The mean of the document's defined scores (except :data:`NOT_COMBINED`)."""
        values = [v for k, v in self.values().items() if v is not None and k not in NOT_COMBINED]
        return sum(values) / len(values) if values else None

    def weakest(self, size: int = 3) -> list[tuple[str, float]]:
        """The lowest scores below 1, lowest first (at most ``size``)."""
        low = [
            (k, v)
            for k, v in self.values().items()
            if v is not None and v < 1 and k not in NOT_COMBINED
        ]
        return sorted(low, key=lambda kv: (kv[1], list(SPECS).index(kv[0])))[:size]


@dataclass
class Report:
    """The whole set: per-document results, the documents skipped, the sums."""

    documents: list[DocumentResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    commit: str = "unknown"
    date: str = ""

    @property
    def tally(self) -> Tally:
        """The counts of every document added up."""
        total = Tally()
        for document in self.documents:
            total.add(document.tally)
        return total

    def scores(self) -> dict[str, Score]:
        """Every score over the whole set, in report order."""
        return self.tally.scores()

    @property
    def labelled_items(self) -> int:
        """How many labelled items the scored documents hold."""
        return sum(document.labelled_items for document in self.documents)

    def disagreements(self) -> list[Disagreement]:
        """Every disagreement, document by document."""
        return [d for document in self.documents for d in document.disagreements]

    def problems(self) -> list[str]:
        """Every label problem, prefixed with its document."""
        return [f"{d.name}: {p}" for d in self.documents for p in d.problems]

    def worst(self, size: int = 5) -> list[DocumentResult]:
        """The documents with the lowest combined scores, lowest first."""
        scored = [d for d in self.documents if d.combined() is not None]
        return sorted(scored, key=lambda d: (d.combined() or 0.0, d.name))[:size]


def parse_without_cache(path: Path) -> Statement:
    """The parser through the public API, the model cache off."""
    from jtreport.api import parse_file

    return parse_file(path, cache=False)


def score_document(document: LabelledDocument, statement: Statement) -> DocumentResult:
    """Compare one label with its parsed statement."""
    label = document.label
    record = Recorder(label.document)
    compare_document(label, statement, record)
    compare_items(label, statement, match_items(label, statement), record)
    problems: list[str] = []
    if document.text_path is not None:
        try:
            source = document.text_path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            source = ""
        if source:
            problems = label_problems(label, source)
    return DocumentResult(
        label.document, len(label.items), record.tally, record.disagreements, problems
    )


def score(
    documents: list[LabelledDocument],
    parse: Callable[[Path], Statement] = parse_without_cache,
) -> Report:
    """Parse and score every document whose text is present; the others are
    listed in ``Report.skipped`` with the reason."""
    report = Report(commit=current_commit(), date=datetime.date.today().isoformat())
    for document in documents:
        if document.text_path is None:
            report.skipped.append((document.label.document, document.skip_reason))
            continue
        report.documents.append(score_document(document, parse(document.text_path)))
    return report


def current_commit(folder: Path | None = None) -> str:
    """``git rev-parse --short HEAD`` of the checkout, "+changes" when the
    working tree differs from it, "unknown" outside git."""
    cwd = folder or Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+changes" if dirty.strip() else "")


def below_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """Each score under its floor, as a sentence; scores with nothing to count
    are not judged.  A floor naming no score is an error (a typo would
    otherwise guard nothing)."""
    unknown = sorted(set(floors) - set(SPECS))
    if unknown:
        raise KeyError(f"floors name unknown scores: {', '.join(unknown)}")
    failures = []
    scores = report.scores()
    for spec in SCORES:
        value = scores[spec.key].value
        floor = floors.get(spec.key)
        if floor is not None and value is not None and value < floor - 1e-9:
            failures.append(f"{spec.key}: {value:.3f} is below its floor {floor:.3f}")
    return failures


def load_floors(path: Path) -> dict[str, float]:
    """The floors file: ``{"floors": {score key: minimum}}`` (other keys are
    comments)."""
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise ValueError(f'{path}: no "floors" object')
    return {str(key): float(value) for key, value in floors.items()}
