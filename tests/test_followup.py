"""Reading a filled matrix back (``jtreport.followup.read_followup`` and
``--status``): statuses per item ID, validated against the vocabulary, and a
one-line error for anything that is not a usable matrix."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from jtreport.cli import main
from jtreport.digest import progress
from jtreport.errors import InputError
from jtreport.followup import (
    STATUSES,
    FollowUp,
    as_date,
    is_matrix,
    normalise_status,
    read_followup,
)

from tests.test_xlsx import export, fill, hand_statement


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    """A fresh matrix of the hand-built statement."""
    path, _ = export(hand_statement(), tmp_path / "matrix.xlsx")
    return path


def test_every_item_gets_a_record(matrix: Path) -> None:
    records = read_followup(matrix)
    assert list(records) == [i.id for i in hand_statement().items]
    assert all(isinstance(r, FollowUp) and r.is_empty for r in records.values())


def test_typed_values_are_read_from_any_data_sheet(matrix: Path) -> None:
    fill(
        matrix,
        {
            ("All items", "1.1", "Status"): "  in PROGRESS ",
            ("All items", "1.1", "Lead agency"): "MOFA",
            ("All items", "1.1", "Supporting agencies"): 42,
            ("All items", "1.1", "Next step"): "Draft the roadmap",
            ("All items", "1.1", "Due date"): datetime(2026, 5, 31),
            ("All items", "1.1", "Notes"): "=not a formula",
            ("Connectivity", "16.2", "Status"): "Completed",
            ("Connectivity", "16.2", "Due date"): "2026-04-30",
            ("Connectivity", "16.3", "Due date"): "Q2 2026",
            ("Connectivity", "16.3", "Status"): "Delayed",
        },
    )
    records = read_followup(matrix)
    first = records["1.1"]
    assert first == FollowUp(
        item_id="1.1",
        lead_agency="MOFA",
        supporting_agencies="42",
        status="In progress",
        next_step="Draft the roadmap",
        due_date=date(2026, 5, 31),
        notes="=not a formula",
    )
    assert records["16.2"].status == "Completed"
    assert records["16.2"].due_date == date(2026, 4, 30)
    assert records["16.3"].due_date is None  # free text is not a date
    assert records["16.3"].status == "Delayed"
    assert progress(hand_statement(), records) is not None
    sentence = progress(hand_statement(), records).sentence()  # type: ignore[union-attr]
    assert "1 of 5 commitments completed" in sentence


def test_all_items_wins_a_conflict(matrix: Path) -> None:
    fill(
        matrix,
        {
            ("All items", "16.2", "Status"): "Completed",
            ("Connectivity", "16.2", "Status"): "Delayed",
        },
    )
    assert read_followup(matrix)["16.2"].status == "Completed"


def test_archived_rows_are_not_read(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "matrix.xlsx")
    fill(path, {("All items", "16.3", "Status"): "Suspended"})
    smaller = hand_statement()
    smaller = type(smaller)(
        **{
            **{f: getattr(smaller, f) for f in smaller.__struct_fields__},
            "items": [i for i in smaller.items if i.id != "16.3"],
        }
    )
    export(smaller, path)
    assert "Archived" in openpyxl.load_workbook(path, read_only=True).sheetnames
    assert "16.3" not in read_followup(path)


def test_unknown_status_names_the_cell_and_the_vocabulary(matrix: Path) -> None:
    book = openpyxl.load_workbook(matrix)
    ws = book["Connectivity"]
    status = [c.value for c in ws[3]].index("Status") + 1
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(row=r, column=1).value == "16.2")
    ws.cell(row=row, column=status, value="Done-ish")
    book.save(matrix)
    with pytest.raises(InputError) as caught:
        read_followup(matrix)
    message = str(caught.value)
    letter = openpyxl.utils.get_column_letter(status)
    assert f"'Connectivity'!{letter}{row}" in message
    assert "'Done-ish'" in message
    assert all(s in message for s in STATUSES)
    assert "\n" not in message and message.startswith(str(matrix))


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is not a file"),
        (lambda p: p.write_text("status,id\n"), "cannot be read as an Excel workbook"),
        (lambda p: zipfile.ZipFile(p, "w").close(), "cannot be read as an Excel workbook"),
    ],
)
def test_unusable_files_give_one_line(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "status.xlsx"
    make(path)
    with pytest.raises(InputError, match=expected) as caught:
        read_followup(path)
    assert "\n" not in str(caught.value)
    assert not is_matrix(path)


def test_a_workbook_that_is_not_a_matrix(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["ID", "Status"])
    book.active.append(["1.1", "Completed"])
    book.save(path)
    with pytest.raises(InputError, match=r"not a jtreport matrix.*jtreport --format xlsx"):
        read_followup(path)


def test_entity_expansion_is_refused(matrix: Path, tmp_path: Path) -> None:
    # A "billion laughs" in the sheets: defusedxml refuses entity declarations.
    laughs = b'<!DOCTYPE lol [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(matrix) as source, zipfile.ZipFile(bomb, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename.startswith("xl/worksheets/sheet"):
                data = laughs + data.replace(b"<t>Connectivity</t>", b"<t>&b;</t>")
            target.writestr(entry, data)
    with pytest.raises(InputError, match=r"cannot be read.*EntitiesForbidden") as caught:
        read_followup(bomb)
    assert "\n" not in str(caught.value)
    assert not is_matrix(bomb)


def test_helpers() -> None:
    assert normalise_status(" ongoing ") == "Ongoing"
    assert normalise_status("in  progress") == "In progress"
    assert normalise_status("Done") is None
    assert normalise_status(3) is None
    assert as_date(datetime(2026, 1, 2, 0, 0)) == date(2026, 1, 2)
    assert as_date(" 2026-01-02 ") == date(2026, 1, 2)
    assert as_date("soon") is None and as_date(45000) is None


def test_status_option_on_the_command_line(matrix: Path, tmp_path: Path) -> None:
    fill(matrix, {("All items", "1.1", "Status"): "Finished"})
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["-f", "json", "-o", str(out), "--status", str(matrix)], catch_exceptions=False
    )
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if "unknown status" in x]
    assert line.startswith(f"jtreport: {matrix}: 'All items'!N")
    assert "unknown status 'Finished' (use one of: Not started, Planned" in line
    fill(matrix, {("All items", "1.1", "Status"): "Completed"})
    result = CliRunner().invoke(main, ["-f", "json", "-o", str(out), "--status", str(matrix)])
    assert result.exit_code == 0, result.output
