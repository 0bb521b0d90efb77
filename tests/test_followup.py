"""Reading a filled matrix back (``jtreport.followup.read_followup`` and
``--status``): statuses per item ID, validated against the vocabulary, and a
one-line error for anything that is not a usable matrix."""

from __future__ import annotations

import io
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
    matrix_marker,
    normalise_status,
    read_followup,
    read_matrix,
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


# Reading a matrix once, and without numpy --------------------------------------------


def test_a_matrix_is_parsed_once_per_content(matrix: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run asks about the same matrix up to four times; openpyxl parses it once,
    and the marker check needs no openpyxl at all.  The file is only read."""
    import os

    import jtreport.followup as followup

    followup.forget()
    before = (matrix.read_bytes(), matrix.stat().st_mtime_ns)
    loads: list[object] = []
    load = openpyxl.load_workbook

    def counting(*args: object, **kwargs: object) -> object:
        loads.append(args[0])
        return load(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counting)
    assert is_matrix(matrix)
    assert loads == []  # the marker sheet is read without openpyxl
    records = read_followup(matrix)
    first = read_matrix(matrix)
    assert is_matrix(matrix) and read_matrix(matrix) is first
    assert len(loads) == 1
    assert (matrix.read_bytes(), matrix.stat().st_mtime_ns) == before

    # an edit is seen, even one that keeps the file's time stamp
    fill(matrix, {("All items", "1.1", "Status"): "Completed"})
    os.utime(matrix, ns=(before[1], before[1]))
    loads.clear()
    assert read_followup(matrix)["1.1"].status == "Completed"
    assert records["1.1"].status is None
    assert len(loads) == 1


def test_the_marker_is_read_as_openpyxl_reads_it(matrix: Path, tmp_path: Path) -> None:
    import jtreport.followup as followup

    followup.forget()
    fresh = matrix_marker(matrix)
    assert fresh is not None and fresh == read_matrix(matrix).marker
    assert fresh["matrix_version"] == "1" and fresh["sheet.items"] == "All items"
    assert [k for k in fresh if k.startswith("sheet.area")] == [
        "sheet.area",
        "sheet.area.2",
        "sheet.area.3",
        "sheet.area.4",
    ]
    # saved by a spreadsheet program: shared strings (rich text, phonetic hints)
    resaved = tmp_path / "shared.xlsx"
    resaved.write_bytes(with_shared_strings(matrix.read_bytes()))
    with zipfile.ZipFile(resaved) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"inlineStr" in archive.read(n) for n in sheets)
    followup.forget()
    assert matrix_marker(resaved) == fresh
    assert is_matrix(resaved) and read_matrix(resaved).marker == fresh


def with_shared_strings(data: bytes) -> bytes:
    """A matrix as Excel saves it: every text cell in the shared-string table,
    in reverse order of use, the marker's title as rich text with a phonetic hint."""
    import re

    inline = re.compile(
        rb'<c ([^>]*?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>',
        re.DOTALL,
    )
    texts: list[bytes] = []

    def shared(match: re.Match[bytes]) -> bytes:
        texts.append(match.group(2))
        return b"<c " + match.group(1) + b' t="s"><v>' + str(len(texts) - 1).encode() + b"</v></c>"

    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        for name in source.namelist():
            content = source.read(name)
            if name.startswith("xl/worksheets/sheet"):
                content = inline.sub(shared, content)
            parts[name] = content
    # reverse the table, so that the marker's strings are not last
    last = len(texts) - 1
    for name, content in parts.items():
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = re.sub(
                rb'(t="s"><v>)(\d+)',
                lambda m: m.group(1) + str(last - int(m.group(2))).encode(),
                content,
            )
    items = []
    for text in reversed(texts):
        if text == b"jtreport implementation matrix":
            items.append(
                b'<si><r><t>jtreport</t></r><r><rPr><b/></rPr><t xml:space="preserve">'
                b' implementation matrix</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si>'
            )
        else:
            items.append(b'<si><t xml:space="preserve">' + text + b"</t></si>")
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="' + main + b'" count="%d">' % len(items) + b"".join(items) + b"</sst>"
    )
    kind = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="'
        + kind
        + b'" Target="sharedStrings.xml"/></Relationships>',
    )
    sst = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + sst + b'"/></Types>',
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "edit",
    [
        lambda wb: wb["_jtreport"].cell(row=1, column=1, value="something else"),
        lambda wb: wb["_jtreport"].insert_rows(1),
        lambda wb: setattr(wb["_jtreport"], "title", "renamed"),
        lambda wb: wb.remove(wb["_jtreport"]),
    ],
)
def test_a_damaged_marker_is_not_a_matrix(matrix: Path, tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    book = openpyxl.load_workbook(matrix)
    edit(book)
    path = tmp_path / "edited.xlsx"
    book.save(path)
    assert not is_matrix(path)
    assert matrix_marker(path) is None
    with pytest.raises(InputError, match="not a jtreport matrix"):
        read_matrix(path)


FAKE_NUMPY = """
import os
with open(os.environ["FAKE_NUMPY_LOG"], "a") as log:
    log.write("imported\\n")
def __getattr__(name):
    return type(name, (), {})
"""


def _run_with_fake_numpy(tmp_path: Path, code: str) -> str:
    """Run ``code`` where ``import numpy`` finds a fake that logs its import;
    return the log."""
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    (site / "numpy").mkdir(parents=True)
    (site / "numpy" / "__init__.py").write_text(FAKE_NUMPY, encoding="utf-8")
    log = tmp_path / "numpy.log"
    env = {**os.environ, "PYTHONPATH": str(site), "FAKE_NUMPY_LOG": str(log)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    return log.read_text() if log.exists() else ""


def test_openpyxl_comes_in_without_numpy_which_stays_importable(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from jtreport.followup import import_openpyxl\n"
        "import_openpyxl()\n"
        "import openpyxl\n"
        "assert 'numpy' not in sys.modules, 'numpy imported'\n"
        "assert openpyxl.compat.numbers.NUMPY is False\n"
        "import_openpyxl()  # a second call does nothing\n"
        "import numpy  # the block is lifted\n"
        "assert sys.modules['numpy'] is numpy\n"
    )
    assert _run_with_fake_numpy(tmp_path, code) == "imported\n"


def test_a_program_that_uses_numpy_keeps_it(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import numpy\n"
        "from jtreport.followup import import_openpyxl\n"
        "import_openpyxl()\n"
        "import openpyxl\n"
        "assert sys.modules['numpy'] is numpy\n"
        "assert openpyxl.compat.numbers.NUMPY is True\n"
    )
    assert _run_with_fake_numpy(tmp_path, code) == "imported\n"
