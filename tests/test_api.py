"""``jtreport.api`` does what the command does: the behaviours docs/api.md
promises, checked on the files written, reopened."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from jtreport.api import export, parse_bundled
from jtreport.followup import FollowUp
from jtreport.model import Statement, load

CREATED = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def test_export_applies_the_officers_corrections(tmp_path: Path) -> None:
    """The corrections in ``followup`` reach the model written, as from the command."""
    statement = parse_bundled()
    pledge = statement.commitments[0]
    other = next(i for i in statement.items if not i.is_commitment)
    followup = {
        pledge.id: FollowUp(item_id=pledge.id, status="Delayed", category="welcome"),
        other.id: FollowUp(item_id=other.id, is_commitment=True, actors=("Japan",)),
    }
    written = export(statement, "json", tmp_path / "model.json", created=CREATED, followup=followup)
    model: Statement = load(written.path.read_bytes())
    items = {i.id: i for i in model.items}
    assert (items[pledge.id].category, items[pledge.id].is_commitment) == ("welcome", False)
    assert items[pledge.id].corrected == ["category"]
    assert (items[other.id].is_commitment, items[other.id].actors) == (True, ["Japan"])
    assert sorted(items[other.id].corrected) == ["actors", "is_commitment"]
    assert pledge.id not in {i.id for i in model.commitments}
    assert other.id in {i.id for i in model.commitments}
    # the items without a correction are the parser's reading
    untouched = [i for i in model.items if i.id not in followup]
    assert untouched == [i for i in statement.items if i.id not in followup]
    # without follow-up data the model is the parser's
    plain = export(statement, "json", tmp_path / "plain.json", created=CREATED)
    assert load(plain.path.read_bytes()) == statement
