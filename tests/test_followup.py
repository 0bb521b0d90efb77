"""Reading a filled matrix back (the xlsx exporter's ``read_followup``, asked by
``--status`` and for the matrix found at the destination): statuses per item
ID, validated against the vocabulary, and a one-line error for anything that
is not a usable matrix."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

import openpyxl
import pytest
from click.testing import CliRunner
from jtreport.cli import main
from jtreport.digest import progress
from jtreport.errors import InputError
from jtreport.followup import STATUSES, FollowUp, normalise_status
from jtreport.formats import Exporter, ExportOptions, reads_followup
from jtreport.model import Statement
from jtreport.pluginmanager import PluginHost
from jtreport.plugins.exporters.xlsx_matrix import XlsxExporter
from jtreport.plugins.exporters.xlsx_matrix.marker import Written
from jtreport.plugins.exporters.xlsx_matrix.reading import matrix_marker, read_matrix
from jtreport.plugins.exporters.xlsx_matrix.records import as_date
from jtreport.runner import Run, RunSettings

from tests.test_xlsx import export, fill, hand_statement


def read_followup(path: Path, statement: Statement | None = None) -> dict[str, FollowUp]:
    """The records the exporter reads back from ``path`` for ``statement``."""
    warnings: list[str] = []
    found = XlsxExporter().read_followup(path, statement or hand_statement(), warnings)
    return dict(found)


def is_matrix(path: Path) -> bool:
    return XlsxExporter().recognizes(path)


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
    # not even for a statement that has the item again
    assert read_followup(path)["16.3"].status is None


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
    # A "billion laughs" in the sheets: entity declarations are refused (the
    # marker's reader refuses a document type; openpyxl reads through defusedxml).
    laughs = b'<!DOCTYPE lol [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(matrix) as source, zipfile.ZipFile(bomb, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename.startswith("xl/worksheets/sheet"):
                data = laughs + data.replace(b"<t>Connectivity</t>", b"<t>&b;</t>")
            target.writestr(entry, data)
    refused = r"cannot be read.*(EntitiesForbidden|declares a document type)"
    with pytest.raises(InputError, match=refused) as caught:
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
    assert line.startswith(f"jtreport: {matrix}: 'All items'!D")
    assert "unknown status 'Finished' (use one of: Not started, Planned" in line
    fill(matrix, {("All items", "1.1", "Status"): "Completed"})
    result = CliRunner().invoke(main, ["-f", "json", "-o", str(out), "--status", str(matrix)])
    assert result.exit_code == 0, result.output


# Reading a matrix once, and without numpy --------------------------------------------


def test_a_run_reads_the_matrix_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole pack over last month's matrix: the statuses for the note and the
    PDF and the regenerated matrix come from one reading of the file, and the
    marker check needs no openpyxl at all.  A file edited since is read again."""
    out = tmp_path / "pack"
    runner = CliRunner()
    assert runner.invoke(main, ["-f", "xlsx", "-o", str(out)]).exit_code == 0
    (matrix,) = out.glob("*.xlsx")
    fill(matrix, {("All items", "1.1", "Status"): "Completed"})
    loads: list[object] = []
    load = openpyxl.load_workbook

    def counting(*args: object, **kwargs: object) -> object:
        loads.append(args[0])
        return load(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counting)
    assert is_matrix(matrix) and loads == []
    result = runner.invoke(main, ["-f", "all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"showing the statuses recorded in {matrix}" in result.output
    assert len(loads) == 1
    assert rows_status(matrix, "1.1") == "Completed"

    # a save between the reading and the regeneration is read again, not overwritten
    from jtreport.plugins.exporters.xlsx_matrix import records

    real = records.followup_records

    def then_saved(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        fill(matrix, {("All items", "1.1", "Status"): "Delayed"})
        return found

    monkeypatch.setattr(records, "followup_records", then_saved)
    loads.clear()
    result = runner.invoke(main, ["-f", "all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(loads) == 3  # the run's reading, the save (fill), the merge's reading
    assert rows_status(matrix, "1.1") == "Delayed"


def rows_status(path: Path, item_id: str) -> object:
    """The status of one item on the All items sheet."""
    from tests.test_xlsx import cell_of

    return cell_of(openpyxl.load_workbook(path)["All items"], item_id, "Status").value


def test_the_marker_is_read_as_a_spreadsheet_shows_it(matrix: Path, tmp_path: Path) -> None:
    fresh = matrix_marker(matrix)
    assert fresh is not None and fresh == read_matrix(matrix).marker
    assert fresh["matrix_version"] == "2" and fresh["sheet.items"] == "All items"
    assert [k for k in fresh if k.startswith("sheet.area")] == [
        "sheet.area",
        "sheet.area.2",
        "sheet.area.3",
        "sheet.area.4",
        "sheet.area.5",  # the preamble's sheet, then the four areas
    ]
    written = read_matrix(matrix).written
    assert list(written) == [i.id for i in hand_statement().items]
    assert written["16.2"] == Written("Agreement", "Yes", "Both sides", frozenset())
    # saved by a spreadsheet program: shared strings (rich text, phonetic hints)
    resaved = tmp_path / "shared.xlsx"
    resaved.write_bytes(with_shared_strings(matrix.read_bytes()))
    with zipfile.ZipFile(resaved) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"inlineStr" in archive.read(n) for n in sheets)
    assert matrix_marker(resaved) == fresh
    assert is_matrix(resaved) and read_matrix(resaved).marker == fresh
    assert read_matrix(resaved).written == written


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
def test_a_damaged_marker_is_recognised_by_the_layout(matrix: Path, tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    fill(matrix, {("All items", "16.2", "Status"): "Delayed"})
    book = openpyxl.load_workbook(matrix)
    edit(book)
    path = tmp_path / "edited.xlsx"
    book.save(path)
    assert matrix_marker(path) is None
    assert is_matrix(path)
    assert read_followup(path)["16.2"].status == "Delayed"
    _, warnings = export(hand_statement(), path)
    assert any("_jtreport sheet was deleted" in w and "kept every value" in w for w in warnings)
    assert matrix_marker(path) is not None
    assert read_followup(path)["16.2"].status == "Delayed"


def test_a_workbook_without_marker_or_layout_is_refused(matrix: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(matrix)
    book.remove(book["_jtreport"])
    for ws in book.worksheets:
        ws.cell(row=3, column=4, value="Paragraph text")  # the "Text" header renamed
    path = tmp_path / "edited.xlsx"
    book.save(path)
    assert not is_matrix(path)
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
        "from jtreport.plugins.exporters.xlsx_matrix.openpyxl_loader import import_openpyxl\n"
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
        "from jtreport.plugins.exporters.xlsx_matrix.openpyxl_loader import import_openpyxl\n"
        "import_openpyxl()\n"
        "import openpyxl\n"
        "assert sys.modules['numpy'] is numpy\n"
        "assert openpyxl.compat.numbers.NUMPY is True\n"
    )
    assert _run_with_fake_numpy(tmp_path, code) == "imported\n"


# The plugin door ----------------------------------------------------------------------


class TrackerExporter(Exporter):
    """A shared tracker as a tab-separated file: ``ID<TAB>status`` per line.
    Written from the statuses it is given, read back as follow-up records."""

    name = "tracker"
    extension = ".tracker"
    description = "a tracker file"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """One line per item with the status the run knows for it."""
        known = options.followup or {}
        statuses = {k: r.status or "" for k, r in known.items()}
        lines = [f"{i.id}\t{statuses.get(i.id, '')}" for i in statement.items]
        stream.write(("TRACKER\n" + "\n".join(lines) + "\n").encode())

    def recognizes(self, path: Path) -> bool:
        """Its own files start with TRACKER."""
        return path.read_bytes().startswith(b"TRACKER\n")

    def read_followup(
        self, path: Path, statement: Statement, warnings: list[str]
    ) -> Mapping[str, FollowUp]:
        """The statuses typed in the second column."""
        records: dict[str, FollowUp] = {}
        ids = {i.id for i in statement.items}
        for line in path.read_text().splitlines()[1:]:
            item_id, _, status = line.partition("\t")
            if item_id not in ids:
                warnings.append(f"{item_id} is not in the statement")
            elif status:
                records[item_id] = FollowUp(item_id=item_id, status=normalise_status(status))
        return records


def tracker_host() -> PluginHost:
    """The text reader, the xlsx and docx exporters, and the tracker plugin."""
    import jtreport
    from jtreport.plugins.exporters import docx_note, xlsx_matrix
    from jtreport.plugins.readers import plain_text

    host = PluginHost(discover=False)
    for name, module in (("text", plain_text), ("xlsx", xlsx_matrix), ("docx", docx_note)):
        host.add_plugin(module, name=name, distribution="jtreport", version=jtreport.__version__)
    host.add_plugin(
        registering(TrackerExporter()), name="tracker", distribution="jtreport-tracker", version="1"
    )
    return host


def registering(*formats: Exporter) -> object:
    """A plugin object that registers ``formats``."""
    from jtreport import hookimpl

    @hookimpl
    def register_exporters(register: Callable[[Exporter], None]) -> None:
        for fmt in formats:
            register(fmt)

    return type("Plugin", (), {"register_exporters": staticmethod(register_exporters)})


def test_the_capability_is_optional() -> None:
    from jtreport.plugins.exporters.json_model import JsonExporter

    assert reads_followup(XlsxExporter()) and reads_followup(TrackerExporter())
    assert not reads_followup(JsonExporter())
    with pytest.raises(NotImplementedError):
        JsonExporter().read_followup(Path("x"), hand_statement(), [])


def test_a_third_party_format_supplies_statuses(
    tmp_path: Path, bundled_path: Path, bundled: Statement, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack"
    settings = RunSettings(inputs=(str(bundled_path),), formats=("tracker", "docx"), output=out)
    assert Run(settings, tracker_host()).main() == 0
    tracker = out / f"{bundled_path.stem}.tracker"
    first, second = bundled.commitments[0].id, bundled.commitments[1].id
    text = tracker.read_text()
    text = text.replace(f"\n{first}\t\n", f"\n{first}\tcompleted\n")
    tracker.write_text(text + "99.9\tDelayed\n")
    capsys.readouterr()
    # found at the destination: the note and the tracker itself get the statuses
    assert Run(settings, tracker_host()).main() == 0
    captured = capsys.readouterr()
    assert f"showing the statuses recorded in {tracker}" in captured.out
    assert f"{tracker}: warning: 99.9 is not in the statement" in captured.err
    assert f"\n{first}\tCompleted\n" in tracker.read_text()
    note = docx_text(out / f"{bundled_path.stem}.docx")
    assert "Completed" in note
    # given with --status, to another folder
    other = tmp_path / "other"
    given = RunSettings(
        inputs=(str(bundled_path),), formats=("tracker",), output=other, status_path=tracker
    )
    assert Run(given, tracker_host()).main() == 0
    lines = (other / tracker.name).read_text().splitlines()
    assert f"{first}\tCompleted" in lines and f"{second}\t" in lines


def test_a_status_file_no_format_reads(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("ID\tstatus\n")
    result = CliRunner().invoke(
        main, ["-f", "json", "-o", str(tmp_path / "out"), "--status", str(notes)]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1:] == [
        f"jtreport: {notes}: is not a file jtreport can read statuses from "
        "(formats that can: xlsx (.xlsx))"
    ]


def docx_text(path: Path) -> str:
    """Every paragraph and table cell of a Word file."""
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_core_knows_no_follow_up_format() -> None:
    """The follow-up contract and its hand-off to the exporters name no format
    and import no plugin."""
    import ast

    import jtreport

    core = Path(jtreport.__file__).parent
    for module in core.rglob("*.py"):  # no core module imports a plugin
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert "plugins" not in (node.module or ""), (module.name, node.module)
            if isinstance(node, ast.Import):
                assert not any("plugins" in a.name for a in node.names), module.name
    checked: list[str] = []
    names = ["followup.py", "formats.py", "runner.py", "exporting.py"]
    names += [str(p.relative_to(core)) for p in (core / "digest").glob("*.py")]
    for name in names:
        tree = ast.parse((core / name).read_text(encoding="utf-8"))
        parts = (
            [tree]
            if name != "runner.py"
            else [n for n in tree.body if isinstance(n, ast.FunctionDef) and "followup" in n.name]
        )
        for part in parts:
            checked.append(getattr(part, "name", name))
            for node in ast.walk(part):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    assert node.value.strip(".") not in ("xlsx", "json", "docx", "pdf"), name
    assert {"_followup_for", "_followup_reader", "_read_followup"} <= set(checked)
