"""The matrix as the desk's working tool: one place to type, the tracker's
columns and lists, real dates, the officer's corrections kept and used by every
report, a Summary that counts everything typed against the as-of date, and
pages a meeting can read.  Workbooks are reopened with openpyxl; the printed
pages are checked by rendering them with LibreOffice (skipped without it)."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec
import openpyxl
import pytest
from click.testing import CliRunner
from jtreport.cli import main
from jtreport.followup import FollowUp, apply_corrections
from jtreport.model import Statement
from jtreport.plugins.exporters.xlsx_matrix import XlsxExporter
from jtreport.plugins.exporters.xlsx_matrix.pages import MIN_SCALE, plan_pages

from tests.test_xlsx import (
    area_sheets,
    cell_of,
    export,
    fill,
    hand_statement,
    item,
    rows_by_id,
)

ITEMS = "All items"


# Corrections in the model -----------------------------------------------------------------


def test_a_corrected_category_sets_the_flag_unless_the_flag_was_corrected() -> None:
    statement = hand_statement()
    welcome = next(i for i in statement.items if i.category == "welcome")
    pledge = next(i for i in statement.items if i.category == "pledge")
    records = {
        welcome.id: FollowUp(item_id=welcome.id, category="pledge"),
        pledge.id: FollowUp(item_id=pledge.id, category="welcome", is_commitment=True),
        "16.3": FollowUp(item_id="16.3", actors=("Japan",)),
        "2.1": FollowUp(item_id="2.1", category="not a category"),
    }
    fixed = apply_corrections(statement, records)
    by_id = {i.id: i for i in fixed.items}
    assert (by_id[welcome.id].category, by_id[welcome.id].is_commitment) == ("pledge", True)
    assert by_id[welcome.id].corrected == ["category"]
    # the flag itself was corrected: it stays as the officer set it
    assert (by_id[pledge.id].category, by_id[pledge.id].is_commitment) == ("welcome", True)
    assert by_id[pledge.id].corrected == ["category", "is_commitment"]
    assert by_id["16.3"].actors == ["Japan"] and by_id["16.3"].corrected == ["actors"]
    assert by_id["2.1"] == next(i for i in statement.items if i.id == "2.1")
    assert apply_corrections(fixed, records) == fixed  # applying twice changes nothing
    assert apply_corrections(statement, {}) is statement


# Corrections in the matrix ---------------------------------------------------------------


def test_corrections_survive_two_regenerations_and_reach_every_report(
    tmp_path: Path, bundled_path: Path
) -> None:
    out = tmp_path / "pack"
    runner = CliRunner()
    assert runner.invoke(main, ["-f", "xlsx", "-o", str(out)]).exit_code == 0
    matrix = out / f"{bundled_path.stem}.xlsx"
    rows = rows_by_id(openpyxl.load_workbook(matrix)[ITEMS])
    welcomes = [
        k for k, r in rows.items() if r["Category"] == "Welcome" and r["Commitment"] == "No"
    ]
    affirmations = [k for k, r in rows.items() if r["Category"] == "Affirmation"]
    welcome, affirmed, agreed = welcomes[0], affirmations[0], affirmations[1]
    pledge = next(k for k, r in rows.items() if r["Category"] in ("Pledge", "Agreement"))
    before = sum(1 for r in rows.values() if r["Commitment"] == "Yes")
    fill(
        matrix,
        {
            (ITEMS, welcome, "Category"): "Pledge",  # a pledge the parser read as a welcome
            (ITEMS, agreed, "Category"): "agreement",
            (ITEMS, affirmed, "Actors"): "Japan",
            (ITEMS, pledge, "Commitment"): "No",
            (ITEMS, welcome, "Status"): "Planned",
        },
    )
    for _ in range(2):
        result = runner.invoke(main, ["-f", "all", "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert "warning: item" not in result.stderr
    book = openpyxl.load_workbook(matrix)
    assert cell_of(book[ITEMS], welcome, "Category").value == "Pledge"
    assert cell_of(book[ITEMS], welcome, "Commitment").value == "Yes"  # follows the category
    assert cell_of(book[ITEMS], affirmed, "Actors").value == "Japan"
    assert cell_of(book[ITEMS], pledge, "Commitment").value == "No"
    assert cell_of(book[ITEMS], welcome, "Status").value == "Planned"
    assert "Corrected here: category" in cell_of(book[ITEMS], welcome, "Review").value
    assert cell_of(book[ITEMS], welcome, "Category").fill.fgColor.rgb.endswith("FCE4D6")
    model = json.loads((out / f"{bundled_path.stem}.json").read_text())
    items = {i["id"]: i for i in model["items"]}
    assert (items[welcome]["category"], items[welcome]["is_commitment"]) == ("pledge", True)
    assert items[welcome]["corrected"] == ["category"]
    assert items[affirmed]["actors"] == ["Japan"] and items[affirmed]["corrected"] == ["actors"]
    assert items[pledge]["is_commitment"] is False
    # the note counts the commitments as corrected (two more, one less)
    assert sum(1 for i in items.values() if i["is_commitment"]) == before + 1
    note = note_text(out / f"{bundled_path.stem}.docx")
    assert f"It records {before + 1} commitments to future action" in note
    assert f"0 of {before + 1} commitments completed" in note and "1 planned" in note


def test_clearing_a_corrected_cell_restores_the_reading(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "m.xlsx")
    fill(path, {(ITEMS, "1.2", "Category"): "Agreement"})
    export(hand_statement(), path)
    assert cell_of(openpyxl.load_workbook(path)[ITEMS], "1.2", "Commitment").value == "Yes"
    fill(path, {(ITEMS, "1.2", "Category"): None})
    export(hand_statement(), path)
    book = openpyxl.load_workbook(path)
    assert cell_of(book[ITEMS], "1.2", "Category").value == "Welcome"
    assert cell_of(book[ITEMS], "1.2", "Commitment").value == "No"
    assert not XlsxExporter().read_followup(path, hand_statement(), [])["1.2"].category


def test_a_correction_that_is_no_category_is_archived(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "m.xlsx")
    fill(path, {(ITEMS, "1.2", "Category"): "Promise?"})
    _, warnings = export(hand_statement(), path)
    assert any("Category 'Promise?'" in w and "Archived" in w for w in warnings)
    book = openpyxl.load_workbook(path)
    assert cell_of(book[ITEMS], "1.2", "Category").value == "Welcome"
    archived = rows_by_id(book["Archived"])["1.2"]
    assert archived["Category"] == "Promise?" and "Not a category" in archived["Reason"]


def test_a_correction_whose_item_left_is_archived(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "m.xlsx")
    fill(path, {(ITEMS, "16.3", "Category"): "Pledge"})
    smaller = hand_statement()
    smaller = msgspec.structs.replace(smaller, items=[i for i in smaller.items if i.id != "16.3"])
    smaller = msgspec.structs.replace(
        smaller, source=msgspec.structs.replace(smaller.source, sha256="1" * 64)
    )
    export(smaller, path)
    archived = rows_by_id(openpyxl.load_workbook(path)["Archived"])["16.3"]
    assert archived["Category"] == "Pledge" and "no longer" in archived["Reason"]


# The tracker's columns and lists ---------------------------------------------------------


def test_tracker_columns_round_trip_and_reach_the_records(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "m.xlsx")
    typed = {
        (ITEMS, "16.2", "Priority"): "high",
        (ITEMS, "16.2", "Counterpart agency"): "Ministry of Transport of Tajikistan",
        (ITEMS, "16.2", "Evidence / source"): "Note verbale 2026/14",
        (ITEMS, "16.2", "Last updated"): datetime(2026, 1, 12),
        (ITEMS, "16.2", "Due date"): datetime(2026, 6, 30),
    }
    fill(path, typed)
    export(hand_statement(), path)
    record = XlsxExporter().read_followup(path, hand_statement(), [])["16.2"]
    assert record == FollowUp(
        item_id="16.2",
        priority="High",
        counterpart_agency="Ministry of Transport of Tajikistan",
        evidence="Note verbale 2026/14",
        last_updated=date(2026, 1, 12),
        due_date=date(2026, 6, 30),
    )


def test_the_lists_sheet_is_kept_as_the_ministry_edits_it(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "m.xlsx")
    book = openpyxl.load_workbook(path)
    lists = book["Lists"]
    assert [c.value for c in lists[1]] == ["Lead agencies", "Counterpart agencies"]
    assert "JICA" in [c.value for c in lists["A"]]  # the organisations named, to start
    lists.delete_rows(2, lists.max_row)
    lists.append(["MOFA Central Asia Division", "MFA Tajikistan"])
    lists.append(["METI", None])
    lists["D1"] = "my own note"
    book.save(path)
    export(hand_statement(), path)
    kept = openpyxl.load_workbook(path)["Lists"]
    assert [tuple(r) for r in kept.iter_rows(values_only=True)] == [
        ("Lead agencies", "Counterpart agencies", None, "my own note"),
        ("MOFA Central Asia Division", "MFA Tajikistan", None, None),
        ("METI", None, None, None),
    ]


def test_the_status_vocabulary_is_documented_one_meaning_each() -> None:
    from jtreport.followup import STATUS_MEANINGS

    doc = (Path(__file__).resolve().parents[1] / "docs" / "matrix.md").read_text()
    for status, meaning in STATUS_MEANINGS.items():
        assert f"| {status} | {meaning} |" in doc, status


# The Summary ---------------------------------------------------------------------------


def summary_figures(path: Path) -> dict[str, list[Any]]:
    """The Summary's rows down to its category counts, by their first cell, as
    values (the formulas' values)."""
    ws = openpyxl.load_workbook(path, data_only=True)["Summary"]
    rows: dict[str, list[Any]] = {}
    for row in ws.iter_rows(values_only=True):
        if row[0] == "Paragraphs, items and commitments by area and category":
            break
        if row[0]:
            rows[str(row[0])] = list(row[1:])
    return rows


LINKS = "Connectivity: Enhancing logistics and transport"


def filled_for_summary(tmp_path: Path) -> tuple[Path, Statement]:
    statement = hand_statement()
    path, _ = export(statement, tmp_path / "m.xlsx", as_of=date(2026, 3, 1))
    fill(
        path,
        {
            (ITEMS, "1.1", "Status"): "In progress",
            (ITEMS, "1.1", "Due date"): datetime(2026, 2, 1),  # overdue on 1 March
            (ITEMS, "1.1", "Lead agency"): "MOFA",
            (ITEMS, "16.2", "Status"): "Completed",
            (ITEMS, "16.2", "Due date"): datetime(2026, 1, 1),  # past but completed
            (ITEMS, "16.3", "Due date"): datetime(2026, 3, 20),  # due soon
            (ITEMS, "2.1", "Status"): "Ongoing",  # not a commitment
        },
    )
    export(statement, path, as_of=date(2026, 3, 1))
    return path, statement


def test_the_summary_counts_everything_typed_against_the_as_of_date(tmp_path: Path) -> None:
    path, statement = filled_for_summary(tmp_path)
    rows = summary_figures(path)
    assert rows["As of"][0] == datetime(2026, 3, 1)
    assert rows["Overdue (due before the as-of date, not completed or cancelled)"][0] == 1
    assert rows["Due soon (within the days above, not completed or cancelled)"][0] == 1
    commitments = len(statement.commitments)
    assert rows["Commitments without a lead agency"][0] == commitments - 1
    assert rows["Items with a status (of all items)"][0] == 3
    # area by status: columns are the statuses, then No status and Total
    green, links = rows["Green Economy and Resilience"], rows[LINKS]
    assert green[2] == 1 and green[9] == 1  # In progress; one commitment in all
    assert links[4] == 1 and links[8] == 1 and links[9] == 2  # Completed, one without
    assert rows["All commitments"][9] == commitments
    assert rows["Other items with a status"][3] == 1  # Ongoing, on a welcome


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_the_summary_formulas_count_what_libreoffice_calculates(tmp_path: Path) -> None:
    """The cached values above are jtreport's; here LibreOffice calculates the
    formulas itself, on a file whose values were typed after it was made."""
    path, _ = filled_for_summary(tmp_path)
    book = openpyxl.load_workbook(path)  # saving drops every calculated value
    cell_of(book[ITEMS], "39.1", "Status").value = "Delayed"
    book.save(path)
    out = tmp_path / "calc"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    rows = summary_figures(out / path.name)
    assert rows["Overdue (due before the as-of date, not completed or cancelled)"][0] == 1
    assert rows["Due soon (within the days above, not completed or cancelled)"][0] == 1
    assert rows["Items with a status (of all items)"][0] == 4
    assert rows["Cooperation in other fields"][5] == 1  # the Delayed typed after
    assert rows["Green Economy and Resilience"][2] == 1
    # the area sheets show what is typed on All items
    shown = openpyxl.load_workbook(out / path.name, data_only=True)
    assert cell_of(shown["Cooperation in other fields"], "39.1", "Status").value == "Delayed"


# Printing ----------------------------------------------------------------------------------


def test_no_page_ends_with_a_lone_last_row() -> None:
    # 14 rows of which one would fall alone on the second page
    heights = [34.0] * 14
    plan = plan_pages(paper=9, widths=[60, 20], heights=heights, first_row=4, header=30)
    last_page = 4 + len(heights) - 1 - plan.breaks[-1]
    assert plan.pages == 2 and last_page >= 2
    assert plan.scale == 100


def long_statement(count: int) -> Statement:
    """The hand statement with ``count`` more commitments."""
    extra = tuple(
        item(f"{100 + n}.1", "links", f"Japan will support project number {n} " * 3,
             category="pledge", is_commitment=True, paragraph=100 + n)
        for n in range(count)
    )  # fmt: skip
    return hand_statement(extra)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_pages_print_as_planned_at_a_readable_size(tmp_path: Path, paper: str) -> None:
    """Rendered by LibreOffice: each sheet takes the pages jtreport planned (so
    its breaks, not the program's, decide), at 8 pt or more on A4."""
    from pypdf import PdfReader

    path, _ = export(long_statement(40), tmp_path / "m.xlsx", extra={"paper": paper})
    book = openpyxl.load_workbook(path)
    expected = 0
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        expected += len(ws.row_breaks.brk) + 1
        if ws.title in (ITEMS, *(a.title for a in area_sheets(book))):
            assert int(ws.page_setup.scale) >= MIN_SCALE
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = PdfReader(tmp_path / "m.pdf")
    assert len(pdf.pages) == expected
    sizes: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and "Japan will support" in text:
            scale = abs(tm[3] * cm[3]) or 1.0
            sizes.append(size * scale)

    for page in pdf.pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 8.0 - 0.05, min(sizes)


def test_the_whole_set_prints_when_asked(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "m.xlsx", extra={"print": "all"})
    ws = openpyxl.load_workbook(path)[ITEMS]
    assert not ws.print_area  # every column
    assert int(ws.page_setup.scale) < MIN_SCALE  # which needs a smaller scale on A4
    meeting, _ = export(hand_statement(), tmp_path / "n.xlsx")
    assert openpyxl.load_workbook(meeting)[ITEMS].print_area.endswith(f"$F${ws.max_row}")


def note_text(path: Path) -> str:
    """Every paragraph and table cell of a Word file."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_the_review_column_shows_why_the_parser_was_unsure(tmp_path: Path) -> None:
    statement = hand_statement(
        (item("40.1", "other", "Both sides noted the plan.", review=["The verb is weak evidence"]),)
    )
    path, _ = export(statement, tmp_path / "m.xlsx")
    assert cell_of(openpyxl.load_workbook(path)[ITEMS], "40.1", "Review").value == (
        "The verb is weak evidence."
    )


def test_the_due_soon_days_set_on_the_summary_are_kept(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "m.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["Summary"]
    (cell,) = [r[1] for r in ws.iter_rows() if r[0].value == "Due soon: within (days)"]
    cell.value = 14
    book.save(path)
    export(hand_statement(), path)
    assert summary_figures(path)["Due soon: within (days)"][0] == 14
