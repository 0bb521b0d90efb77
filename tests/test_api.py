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


def fill_all_items(path: Path, typed: dict[tuple[str, str], object]) -> None:
    """Type values in "All items" with openpyxl as docs/matrix.md tells a
    program to: headers on row 3, one row per item ID below; {(ID, header): value}."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["All items"]
    columns = {cell.value: cell.column for cell in sheet[3] if cell.value}
    rows = {sheet.cell(row=r, column=1).value: r for r in range(4, sheet.max_row + 1)}
    for (item_id, header), value in typed.items():
        sheet.cell(row=rows[item_id], column=columns[header], value=value)
    book.save(path)


def test_read_followup_reads_a_matrix_filled_with_openpyxl(tmp_path: Path) -> None:
    import msgspec
    import pytest
    from jtreport.api import read_followup
    from jtreport.errors import InputError

    statement = parse_bundled()
    first, second = statement.commitments[:2]
    matrix = export(statement, "xlsx", tmp_path / "matrix.xlsx", created=CREATED).path
    fill_all_items(
        matrix,
        {
            (first.id, "Status"): "in progress",  # the vocabulary's spelling comes back
            (first.id, "Lead agency"): "MOFA",
            (second.id, "Status"): "Delayed",
            (second.id, "Category"): "welcome",
        },
    )
    records = read_followup(matrix, statement)
    assert set(records) == {i.id for i in statement.items}
    assert (records[first.id].status, records[first.id].lead_agency) == ("In progress", "MOFA")
    assert (records[second.id].status, records[second.id].category) == ("Delayed", "welcome")
    assert all(r.status is None for i, r in records.items() if i not in (first.id, second.id))
    # the records go back into export, corrections included
    model = load(export(statement, "json", tmp_path / "m.json", followup=records).path.read_bytes())
    assert next(i for i in model.items if i.id == second.id).category == "welcome"

    # read against a redraft that lost an item: the user is told, nothing moves
    notes: list[str] = []
    redraft = msgspec.structs.replace(statement, items=[i for i in statement.items if i != first])
    records = read_followup(matrix, redraft, warnings=notes)
    assert first.id not in records and records[second.id].status == "Delayed"
    assert any(note.startswith(f"item {first.id}: ") for note in notes)

    # a file no exporter reads statuses from: one line naming it
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="is not a file jtreport can read statuses from") as error:
        read_followup(other, statement)
    assert str(other) in str(error.value)


def test_a_refusal_to_replace_a_file_names_the_keyword(tmp_path: Path) -> None:
    """From Python the way to replace a file is ``force=True``, not ``--force``;
    the file is left as it was until it is passed."""
    import pytest
    from jtreport.errors import ExportError

    statement = parse_bundled()
    theirs = tmp_path / "model.json"
    theirs.write_text('{"mine": true}', encoding="utf-8")
    with pytest.raises(ExportError) as refused:
        export(statement, "json", theirs, created=CREATED)
    assert refused.value.message.endswith("not overwriting it (pass force=True to replace it)")
    assert "--force" not in str(refused.value) and str(theirs) in str(refused.value)
    assert theirs.read_text(encoding="utf-8") == '{"mine": true}'
    export(statement, "json", theirs, created=CREATED, force=True)
    assert load(theirs.read_bytes()) == statement
