"""The parser against the hand-labelled development set (``bench/labelled``):
no score may fall below its floor in ``bench/labelled/floors.json``.

The scorer runs in-process on every label file whose text is present: texts of
``../shared/corpus`` are skipped when that folder is absent (a user's clone), and
the whole test skips when nothing is left to score.  No timing is asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .accuracy_support import FIXTURES, FLOORS, LABELS, scorer
from .conftest import CORPUS, needs_corpus

S = scorer()
from scorer.scoring import Report  # noqa: E402


def scored(labels: Path) -> Report:
    """The set in ``labels`` scored with the real parser (cache off)."""
    files = sorted(labels.glob("*.json"))
    if not files:
        pytest.skip(f"no label files in {labels} yet")
    report: Report = S.score(S.read_documents(files, CORPUS))
    if not report.documents:
        reasons = "; ".join(f"{name}: {why}" for name, why in report.skipped)
        pytest.skip(f"no labelled text is present ({reasons})")
    return report


@pytest.fixture(scope="module")
def labelled_set() -> Report:
    return scored(LABELS)


def test_no_score_is_below_its_floor(labelled_set: Report) -> None:
    failures = S.below_floors(labelled_set, S.load_floors(FLOORS))
    assert failures == [], "\n".join(failures)


def test_every_labelled_quote_is_in_its_text(labelled_set: Report) -> None:
    """A label that breaks the format (a quote not in the text can never be
    found) would count against the parser: fix the label file."""
    assert labelled_set.problems() == []


@needs_corpus
def test_the_realistic_fixture_labels_score_with_the_real_parser() -> None:
    """Two corpus statements labelled for the scorer's own tests (not part of
    the set): consistent labels, every figure a ratio."""
    report = scored(FIXTURES / "realistic" / "labels")
    assert [d.name for d in report.documents] == ["ph-jp-2016", "us-jp-2023"]
    assert report.problems() == []
    assert report.labelled_items == 17
    for key, score in report.scores().items():
        assert score.value is None or 0.0 <= score.value <= 1.0, key
