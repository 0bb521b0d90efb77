"""The matrix's round trip against what a desk (or an attacker) does to a filled
matrix: values typed where no header is, formulas, a deleted marker sheet, a
copy saved with macros, a save in Excel while jtreport regenerates, and
packages built to make the reading endless.  Every value typed is kept (or
archived with the reason); every refusal is one line naming the file; the
user's file is never replaced by something that lost their work; the reading is
bounded, checked here under resource limits set on the process, not with
wall-clock asserts."""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from jtreport.cli import main
from jtreport.errors import ExportError
from jtreport.plugins.exporters.xlsx_matrix import XlsxExporter, workbook
from jtreport.plugins.exporters.xlsx_matrix.package import MAX_INFLATED_BYTES

from tests.test_xlsx import FIRST_ROW, HEADER_ROW, cell_of, export, fill, hand_statement, headers

ITEMS = "All items"


@pytest.fixture
def matrix(tmp_path: Path) -> Path:
    path, _ = export(hand_statement(), tmp_path / "matrix.xlsx")
    return path


def run_cli(*args: str) -> tuple[int, list[str]]:
    """Run the command in this process; its exit code and standard-error lines."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr.strip().splitlines()


def run_bounded(*args: str, memory: int = 1536 * 2**20, cpu: int = 120) -> tuple[int, str]:
    """Run the command in a child process whose address space and CPU time are
    capped by the kernel: a reading that is not bounded ends in MemoryError or
    SIGXCPU instead of a one-line refusal."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))

    done = subprocess.run(
        [sys.executable, "-c", "from jtreport.cli import main; main()", *args],
        capture_output=True,
        text=True,
        preexec_fn=limits,
        env={**os.environ, "JTREPORT_NO_PLUGINS": "1"},
    )
    return done.returncode, done.stderr


# Every edit accounted for --------------------------------------------------------------


def test_a_value_in_a_column_without_a_header_is_kept(matrix: Path) -> None:
    book = openpyxl.load_workbook(matrix)
    ws = book[ITEMS]
    width = len(headers(ws))
    row = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == "16.2")
    ws.cell(row=row, column=width + 2).value = "typed where no header is"
    book.save(matrix)
    _, warnings = export(hand_statement(), matrix)
    letter = openpyxl.utils.get_column_letter(width + 2)
    header = f"Column {letter} (no header)"
    assert any(header in w for w in warnings)
    book = openpyxl.load_workbook(matrix)
    assert cell_of(book[ITEMS], "16.2", header).value == "typed where no header is"
    export(hand_statement(), matrix)  # and again: now it has a header
    assert cell_of(openpyxl.load_workbook(matrix)[ITEMS], "16.2", header).value == (
        "typed where no header is"
    )


def test_a_header_deleted_keeps_its_column_values(matrix: Path) -> None:
    fill(matrix, {(ITEMS, "1.1", "Notes"): "under a header that was deleted"})
    book = openpyxl.load_workbook(matrix)
    ws = book[ITEMS]
    column = headers(ws).index("Notes") + 1
    ws.cell(row=HEADER_ROW, column=column).value = None
    book.save(matrix)
    export(hand_statement(), matrix)
    book = openpyxl.load_workbook(matrix)
    values = [c.value for row in book[ITEMS].iter_rows(min_row=FIRST_ROW) for c in row]
    assert "under a header that was deleted" in values


def test_formulas_stay_formulas(matrix: Path) -> None:
    book = openpyxl.load_workbook(matrix)
    ws = book[ITEMS]
    cell_of(ws, "1.1", "Notes").value = '="Budget: "&(2+3)'
    cell_of(ws, "16.2", "Due date").value = "=DATE(2026,5,31)"
    sheet = book.create_sheet("Costs")
    sheet.append(["Item", "Cost"])
    sheet.append(["1.1", 100])
    sheet.append(["Total", "=SUM(B2:B2)"])
    book.save(matrix)  # openpyxl stores no calculated value: the formulas have none
    export(hand_statement(), matrix)
    book = openpyxl.load_workbook(matrix)
    notes = cell_of(book[ITEMS], "1.1", "Notes")
    due = cell_of(book[ITEMS], "16.2", "Due date")
    assert (notes.data_type, notes.value) == ("f", '="Budget: "&(2+3)')
    assert (due.data_type, due.value) == ("f", "=DATE(2026,5,31)")
    assert due.number_format == "yyyy-mm-dd"
    assert book["Costs"]["B3"].data_type == "f" and book["Costs"]["B3"].value == "=SUM(B2:B2)"


def test_a_formula_counts_with_its_calculated_value(matrix: Path, tmp_path: Path) -> None:
    """A formula saved by a spreadsheet program carries its value: the reports
    read the status a formula shows, and the formula stays."""
    import re

    book = openpyxl.load_workbook(matrix)
    cell_of(book[ITEMS], "16.2", "Status").value = '=IF(1>0,"Completed","Delayed")'
    book.save(matrix)
    calculated = tmp_path / "calculated.xlsx"
    formula = (
        rb'(<c r="[A-Z]+\d+"[^>]*?)(><f>IF\(1&gt;0,"Completed","Delayed"\)</f>)<v\s*/?>(?:</v>)?'
    )
    with zipfile.ZipFile(matrix) as source, zipfile.ZipFile(calculated, "w") as target:
        for entry in source.infolist():
            data = re.sub(formula, rb'\1 t="str"\2<v>Completed</v>', source.read(entry.filename))
            target.writestr(entry, data)
    book = openpyxl.load_workbook(calculated, data_only=True)
    assert cell_of(book[ITEMS], "16.2", "Status").value == "Completed"
    records = XlsxExporter().read_followup(calculated, hand_statement(), [])
    assert records["16.2"].status == "Completed"
    export(hand_statement(), calculated)
    status = cell_of(openpyxl.load_workbook(calculated)[ITEMS], "16.2", "Status")
    assert status.data_type == "f" and status.value == '=IF(1>0,"Completed","Delayed")'


# A macro-enabled copy --------------------------------------------------------------------


def test_a_macro_copy_beside_the_matrix_is_refused_by_name(matrix: Path) -> None:
    fill(matrix, {(ITEMS, "1.1", "Status"): "Planned"})
    macro = matrix.with_suffix(".xlsm")
    macro.write_bytes(matrix.read_bytes())
    fill(macro, {(ITEMS, "1.1", "Status"): "Completed"})
    before = matrix.read_bytes(), macro.read_bytes()
    with pytest.raises(ExportError) as caught:
        export(hand_statement(), matrix)
    message = str(caught.value)
    assert "matrix.xlsm" in message and "saved with macros" in message
    assert f"--status {macro}" in message and "\n" not in message
    assert (matrix.read_bytes(), macro.read_bytes()) == before
    # the reports say which copy their statuses come from
    warnings: list[str] = []
    XlsxExporter().read_followup(matrix, hand_statement(), warnings)
    assert any(
        "matrix.xlsm" in w and "statuses shown are those typed in matrix.xlsx" in w
        for w in warnings
    )


def test_a_macro_copy_is_read_with_status_and_never_written(matrix: Path, tmp_path: Path) -> None:
    macro = tmp_path / "kept.xlsm"
    macro.write_bytes(matrix.read_bytes())
    fill(macro, {(ITEMS, "16.2", "Status"): "Completed"})
    assert XlsxExporter().read_followup(macro, hand_statement(), [])["16.2"].status == "Completed"
    with pytest.raises(ExportError, match=r"without macros; name it \.xlsx"):
        export(hand_statement(), tmp_path / "new.xlsm")
    assert not (tmp_path / "new.xlsm").exists()


# No lost update --------------------------------------------------------------------------


def test_a_save_during_regeneration_is_merged_not_lost(
    matrix: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(matrix, {(ITEMS, "1.1", "Status"): "Planned"})
    real = workbook.save_reproducibly
    saves: list[int] = []

    def saved_meanwhile(*args: Any, **kwargs: Any) -> None:
        if not saves:  # the officer saves once, while jtreport writes
            fill(matrix, {(ITEMS, "16.2", "Notes"): "typed while jtreport ran"})
        saves.append(1)
        real(*args, **kwargs)

    monkeypatch.setattr(workbook, "save_reproducibly", saved_meanwhile)
    export(hand_statement(), matrix)
    assert len(saves) == 2  # made again from the file as saved
    book = openpyxl.load_workbook(matrix)
    assert cell_of(book[ITEMS], "1.1", "Status").value == "Planned"
    assert cell_of(book[ITEMS], "16.2", "Notes").value == "typed while jtreport ran"


def test_a_file_that_keeps_changing_is_left_as_saved(
    matrix: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = workbook.save_reproducibly
    count: list[int] = []

    def saved_every_time(*args: Any, **kwargs: Any) -> None:
        count.append(1)
        fill(matrix, {(ITEMS, "1.1", "Notes"): f"save number {len(count)}"})
        real(*args, **kwargs)

    monkeypatch.setattr(workbook, "save_reproducibly", saved_every_time)
    with pytest.raises(ExportError, match="saved again while jtreport was regenerating") as caught:
        export(hand_statement(), matrix)
    assert "\n" not in str(caught.value)
    last = openpyxl.load_workbook(matrix)
    assert cell_of(last[ITEMS], "1.1", "Notes").value == f"save number {len(count)}"
    assert [p.name for p in matrix.parent.iterdir()] == ["matrix.xlsx"]


def test_a_file_that_stops_being_a_matrix_meanwhile_is_not_replaced(
    matrix: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = workbook.save_reproducibly

    def replaced_meanwhile(*args: Any, **kwargs: Any) -> None:
        other = openpyxl.Workbook()
        other.active["A1"] = "a budget saved under the matrix's name"
        other.save(matrix)
        real(*args, **kwargs)

    monkeypatch.setattr(workbook, "save_reproducibly", replaced_meanwhile)
    with pytest.raises(ExportError, match="is not a jtreport matrix now"):
        export(hand_statement(), matrix)
    assert openpyxl.load_workbook(matrix).active["A1"].value == (
        "a budget saved under the matrix's name"
    )


# Bounded reading ---------------------------------------------------------------------------


def with_giant_cell(matrix: Path, target: Path, size: int = 2**30) -> Path:
    """``matrix`` with its second sheet ("All items") holding one cell of ``size``
    bytes (stored honestly: the zip says how large it is)."""
    with zipfile.ZipFile(matrix) as source:
        book = source.read("xl/workbook.xml")
        names = [n for n in source.namelist() if n.startswith("xl/worksheets/sheet")]
        parts = {n: source.read(n) for n in source.namelist()}
    assert b"All items" in book
    sheet = "xl/worksheets/sheet2.xml"
    assert sheet in names
    head = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    head += b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    tail = b"</t></is></c></row></sheetData></worksheet>"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for name, data in parts.items():
            if name != sheet:
                out.writestr(name, data)
                continue
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            info._compresslevel = 1  # type: ignore[attr-defined]  # fast: 1 GiB of one letter
            with out.open(info, "w", force_zip64=True) as part:
                part.write(head)
                chunk = b"a" * 2**24
                for _ in range(size // len(chunk) + 1):
                    part.write(chunk)
                part.write(tail)
    return target


def lying_about_sizes(path: Path, target: Path, member: str, claimed: int) -> Path:
    """``path`` with ``member``'s stated size (local header and central directory)
    set to ``claimed``: the zip lies about how much it inflates to."""
    data = bytearray(path.read_bytes())
    encoded = member.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            length = struct.unpack_from(
                "<H", data, at + (26 if signature == b"PK\x03\x04" else 28)
            )[0]
            if data[name_at : name_at + length] == encoded:
                struct.pack_into("<I", data, at + offset, claimed)
            start = at + 4
    target.write_bytes(bytes(data))
    return target


@pytest.fixture(scope="module")
def giant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("giant")
    path, _ = export(hand_statement(), folder / "base.xlsx")
    return with_giant_cell(path, folder / "giant.xlsx")


def test_a_1_gib_cell_given_to_status_is_refused_early(giant: Path, tmp_path: Path) -> None:
    code, stderr = run_bounded("-f", "json", "-o", str(tmp_path / "out"), "--status", str(giant))
    lines = [line for line in stderr.splitlines() if str(giant) in line]
    assert code == 1, stderr
    assert len(lines) == 1 and "Traceback" not in stderr
    assert f"would inflate to more than {MAX_INFLATED_BYTES // 2**20} MiB" in lines[0]


def test_a_1_gib_cell_at_the_destination_is_not_read_nor_replaced(
    giant: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pack"
    out.mkdir()
    statement = Path(str(tmp_path / "statement.txt"))
    from jtreport.api import bundled_statement

    statement.write_bytes(bundled_statement().read_bytes())
    (out / "statement.xlsx").write_bytes(giant.read_bytes())
    before = (out / "statement.xlsx").read_bytes()
    code, stderr = run_bounded(str(statement), "-f", "all", "-o", str(out))
    assert code == 1 and "Traceback" not in stderr, stderr
    assert (out / "statement.xlsx").read_bytes() == before
    assert "statuses not shown" in stderr
    assert {p.suffix for p in out.iterdir()} == {".xlsx", ".json", ".docx", ".pdf"}


def test_a_member_that_lies_about_its_size_is_caught_while_inflating(
    tmp_path: Path, matrix: Path
) -> None:
    small = with_giant_cell(matrix, tmp_path / "big.xlsx", size=300 * 2**20)
    with zipfile.ZipFile(small) as archive:
        member = next(i for i in archive.infolist() if i.file_size > 2**28)
    liar = lying_about_sizes(small, tmp_path / "liar.xlsx", member.filename, 4096)
    code, stderr = run_bounded("-f", "json", "-o", str(tmp_path / "out"), "--status", str(liar))
    assert code == 1 and "Traceback" not in stderr, stderr
    (line,) = [line for line in stderr.splitlines() if str(liar) in line]
    assert "damaged" in line or "cannot be read" in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_or_a_device_given_to_status_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "status.xlsx"
    os.mkfifo(fifo)
    for given in (fifo, Path("/dev/zero")):
        code, stderr = run_bounded(
            "-f", "json", "-o", str(tmp_path / "out"), "--status", str(given)
        )
        assert code == 1, stderr
        assert f"jtreport: {given}: " in stderr and "Traceback" not in stderr


def test_a_value_typed_in_a_date_column_is_never_lost(matrix: Path) -> None:
    fill(matrix, {(ITEMS, "1.1", "Due date"): datetime(2026, 5, 31, 14, 30)})
    export(hand_statement(), matrix)
    assert cell_of(openpyxl.load_workbook(matrix)[ITEMS], "1.1", "Due date").value == datetime(
        2026, 5, 31, 14, 30
    )
