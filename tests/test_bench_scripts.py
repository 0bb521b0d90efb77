"""The benchmark's pieces work (``bench/``, run by hand, never timed here): each
floor script writes a file that reopens with the right content, a long statement
built for the scale runs is still a valid statement, the process timer reports
what it measured, the table judges targets, and the driver runs end to end on
its cheapest section.  No timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from jtreport.model import Area, DateMention, Item, Paragraph, Party, Person, Statement, dump

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
FLOOR = BENCH / "floor"
TEMPLATE = ROOT / "templates" / "briefing-note.docx"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
FONT_DIR = next((d for d in FONT_DIRS if (d / "DejaVuSans.ttf").is_file()), None)
needs_dejavu = pytest.mark.skipif(FONT_DIR is None, reason="DejaVu Sans is not installed")


@pytest.fixture
def bench_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``bench/`` importable, as ``python bench/run.py`` does."""
    monkeypatch.syspath_prepend(str(BENCH))


def edge_statement() -> Statement:
    """Every category, dates before and after the statement, Cyrillic and
    Japanese names, an item outside any area and an area without items."""
    categories = [
        ("pledge", True),
        ("agreement", True),
        ("intention", True),
        ("invitation", True),
        ("welcome", False),
        ("appreciation", False),
        ("affirmation", False),
    ]
    items = [
        Item(
            id=f"{n}.1",
            paragraph=n,
            area_id="energy" if n % 2 else "people",
            text=f"Both sides ({name}) discussed the Рогунская ГЭС project with 高市早苗 & co.",
            actors=["both"] if n % 3 else ["Japan"],
            verb="welcomed",
            category=name,  # type: ignore[arg-type]
            is_commitment=commits,
            organizations=["JICA"],
            projects=["Рогун"] if n == 1 else [],
            dates=[
                DateMention(text="May 2026", value="2026-05", future=True),
                DateMention(text="2024", value="2024", future=False),
            ]
            if n < 3
            else [],
        )
        for n, (name, commits) in enumerate(categories, 1)
    ]
    items.append(
        Item(
            id="pre1.1",
            paragraph=None,
            area_id=None,
            text="Эмомалӣ Раҳмон and 高市早苗 met in Tokyo.",
            actors=["both"],
            verb="met",
            category="affirmation",
            is_commitment=False,
        )
    )
    return Statement(
        title="Совместное заявление — 共同声明",
        date="2025-12-20",
        place="Tokyo",
        parties=[
            Party(name="Japan", short_name="Japan"),
            Party(name="Тоҷикистон", short_name="TJ"),
        ],
        leaders=[Person(name="高市早苗", title="Prime Minister", party="Japan")],
        signatories=[Person(name="Эмомалӣ Раҳмон", title="President", party="TJ")],
        areas=[
            Area(id="energy", heading="Energy: power and water", description="Рогун"),
            Area(id="people", heading="People"),
            Area(id="empty", heading="Nothing here"),
        ],
        paragraphs=[
            Paragraph(index=n, number=n, text=f"Paragraph {n}.", area_id="energy")
            for n in range(1, 8)
        ],
        items=items,
    )


@pytest.fixture(params=["bundled", "edge"])
def model_file(request: pytest.FixtureRequest, tmp_path: Path, bundled: Statement) -> Path:
    """A JSON model as ``jtreport -f json`` writes it: the bundled statement
    (parsed) or the hand-built edge cases."""
    statement = bundled if request.param == "bundled" else edge_statement()
    path = tmp_path / f"{request.param}.json"
    path.write_bytes(dump(statement))
    return path


def floor(script: str, *args: object) -> None:
    """Run a floor script as the benchmark does."""
    done = subprocess.run(
        [sys.executable, str(FLOOR / script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def model_of(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_xlsx_floor_writes_the_matrix_shape(model_file: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "floor.xlsx"
    floor("xlsx_floor.py", model_file, out)
    data = model_of(model_file)
    book = load_workbook(out)
    items = book["All items"]
    # the matrix's 24 columns: the meeting's, the tracker's, the analysis
    assert items["A3"].value == "ID" and items["L3"].value == "Notes"
    assert items["X3"].value == "Projects"
    assert [items.cell(row=r, column=1).value for r in range(4, 4 + len(data["items"]))] == [
        i["id"] for i in data["items"]
    ]
    assert "Items" in items.tables and len(items.data_validations.dataValidation) == 7
    assert sum(len(cf.rules) for cf in items.conditional_formatting) == 12
    assert book["_jtreport"].sheet_state == "veryHidden"
    # the Summary, "All items", one sheet per area with items (and one for the
    # items outside any), the Lists sheet and the marker
    groups = {i["area_id"] for i in data["items"]}
    assert len(book.sheetnames) == len(groups) + 4 and "Lists" in book.sheetnames
    # the area sheets show All items through formulas over defined names
    area = book.worksheets[2]
    assert str(area["C4"].value).startswith("=IF(ISNUMBER($G4)") and "jt_lead_agency" in str(
        area["C4"].value
    )
    assert {"jt_status", "jt_as_of", "jt_lead_agencies"} <= set(book.defined_names)
    assert {i.date_time for i in zipfile.ZipFile(out).infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_docx_floor_writes_the_note_shape(model_file: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "floor.docx"
    floor("docx_floor.py", model_file, TEMPLATE, out)
    data = model_of(model_file)
    document = docx.Document(str(out))
    annex = document.tables[-1]
    assert len(annex.rows) == len(data["items"]) + 1
    assert annex.rows[1].cells[3].text == data["items"][0]["text"]
    assert annex.rows[1].cells[3].paragraphs[0].style.name == "Annex Table Text"
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Commitment", "List Bullet"} <= styles
    assert len(document.sections) == 2
    assert "PAGE" in document.sections[0].footer._element.xml
    assert {i.date_time for i in zipfile.ZipFile(out).infolist()} == {(2026, 1, 1, 0, 0, 0)}


@needs_dejavu
def test_pdf_floor_writes_an_embedded_font_summary(model_file: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "floor.pdf"
    floor("pdf_floor.py", model_file, out, FONT_DIR)
    reader = PdfReader(str(out))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Commitments by area" in text and f"of {len(reader.pages)}" in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSans" in name for name in fonts)
    # invariant: the same model gives the same bytes
    again = tmp_path / "again.pdf"
    floor("pdf_floor.py", model_file, again, FONT_DIR)
    assert again.read_bytes() == out.read_bytes()


@needs_dejavu
def test_batch_floor_writes_a_pack_per_statement(tmp_path: Path, bundled: Statement) -> None:
    models = []
    for n, statement in enumerate([bundled, edge_statement()]):
        path = tmp_path / f"s{n}.json"
        path.write_bytes(dump(statement))
        models.append(path)
    out = tmp_path / "out"
    floor("batch_floor.py", 2, TEMPLATE, out, *models)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"s{n}.{ext}" for n in (0, 1) for ext in ("json", "xlsx", "docx", "pdf"))
    assert json.loads((out / "s1.json").read_text(encoding="utf-8"))["title"].startswith("Совм")


@pytest.mark.parametrize("kind", ["docx", "pdf", "html"])
def test_reader_floor_takes_the_text_out_of_the_readers_workload(
    bench_modules: None, kind: str
) -> None:
    import workloads

    document = workloads.reader_fixtures() / f"japan-tajikistan-2025.{kind}"
    done = subprocess.run(
        [sys.executable, str(FLOOR / "reader_floor.py"), kind, str(document)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    empty = subprocess.run(
        [sys.executable, str(FLOOR / "reader_floor.py"), kind, str(ROOT / "tests" / "__init__.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert empty.returncode != 0  # it really reads the file it is given


def test_help_floor_is_a_click_command_with_jtreports_options() -> None:
    done = subprocess.run(
        [sys.executable, str(FLOOR / "help_click.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--format FORMAT" in done.stdout and "Formats:" in done.stdout
    assert "--disable-plugin NAME" in done.stdout


def test_scaled_statement_is_still_a_statement(
    bench_modules: None, tmp_path: Path, bundled: Statement
) -> None:
    import workloads
    from jtreport.api import parse_file

    text = workloads.bundled_statement().read_text(encoding="utf-8")
    assert workloads.scale_statement(text, 1).rstrip("\n") == text.rstrip("\n")
    path = tmp_path / "x3.txt"
    path.write_text(workloads.scale_statement(text, 3), encoding="utf-8")
    tripled = parse_file(path)
    assert len(tripled.paragraphs) == 3 * len(bundled.paragraphs)
    assert [p.number for p in tripled.paragraphs] == list(range(1, 3 * len(bundled.paragraphs) + 1))
    assert [a.heading for a in tripled.areas] == [a.heading for a in bundled.areas]
    assert tripled.title == bundled.title and tripled.signatories == bundled.signatories


def test_batch_inputs_copy_round_robin(bench_modules: None, tmp_path: Path) -> None:
    import workloads

    sources = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for source in sources:
        source.write_text(source.stem, encoding="utf-8")
    made = workloads.batch_inputs(tmp_path / "batch", 5, sources)
    assert [p.name for p in made] == ["00-a.txt", "01-b.txt", "02-a.txt", "03-b.txt", "04-a.txt"]
    assert made[3].read_text(encoding="utf-8").rstrip("\n") == "b"
    # every copy is a statement new to the model cache
    assert len({p.read_bytes() for p in made}) == len(made)


def test_process_timer_reports_time_and_memory(bench_modules: None, tmp_path: Path) -> None:
    import timing

    out = tmp_path / "out"
    grow = "bytearray(40 * 1024 * 1024); open(__import__('sys').argv[1] + '/f', 'w')"
    command = timing.Command("grow", [sys.executable, "-c", grow, str(out)], [out])
    (sample,) = timing.compare_python([command], {}, runs=2, warmup=1)
    assert len(sample.wall) == 2 and sample.median > 0
    assert sample.peak_mib >= 40  # the 40 MiB the child allocated
    assert (out / "f").exists()
    failing = timing.Command("fail", [sys.executable, "-c", "raise SystemExit('no good')"])
    with pytest.raises(timing.RunFailed, match="no good"):
        timing.run_once(failing, {})


def test_rows_are_judged_against_their_limits(bench_modules: None) -> None:
    from report import FAIL, INFO, PASS, Row, table

    rows = [
        Row("ratio kept", 0.12, 0.1, limit=1.3).judge(),
        Row("ratio missed", 0.2, 0.1, limit=1.3).judge(),
        Row("rate", 8.0, 7.6, unit="/s", checks="value", sense="min", limit=7).judge(),
        Row("memory", 80.0, 60.0, unit="MiB", checks="value", limit=75).judge(),
        Row("no limit", 1.0, 2.0).judge(),
    ]
    assert [r.verdict for r in rows] == [PASS, FAIL, PASS, FAIL, INFO]
    text = table(rows)
    assert "1.20x" in text and "2.00x" in text and "≥ 7.0/s" in text and "80.0 MiB" in text


def test_driver_runs_a_section_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--only",
            "startup",
            "--runs",
            "1",
            "--warmup",
            "0",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    targets = {row["target"]: row for row in data["rows"]}
    assert targets["jtreport --help"]["floor"] > 0 and targets["jtreport --help"]["ratio"] > 0
    assert targets["--help imports no document library"]["verdict"] == "PASS"
    assert data["machine"]["cpus"] >= 1
    assert "jtreport --version" in done.stdout


def test_ratios_are_paired_run_by_run(bench_modules: None) -> None:
    import timing
    from report import Row

    # the machine slowed down for the last two rounds: both commands felt it
    mine = timing.Sample("jtreport", wall=[1.0, 1.1, 3.0, 3.2])
    floor = timing.Sample("floor", wall=[1.0, 1.0, 3.0, 3.0])
    paired = timing.paired_ratio(mine, floor)
    assert paired == pytest.approx(1.0333, abs=1e-3)  # 1.0, 1.1, 1.0, 1.067
    row = Row("x", mine.median, floor.median, limit=1.3, paired=paired).judge()
    assert row.ratio == paired and row.verdict == "PASS"
