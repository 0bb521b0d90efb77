"""The matrix on paper: rows as tall as their text (never cutting it off), a
page header that names the statement in a form that fits, a Summary of two
pages, and few pages at a readable size.  Workbooks are reopened with
openpyxl; what LibreOffice prints is checked by rendering (skipped without it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from jtreport.digest import Milestone
from jtreport.model import DateMention, Party, Statement
from jtreport.plugins.exporters.xlsx_matrix.layout import COLUMNS, MEETING
from jtreport.plugins.exporters.xlsx_matrix.metrics import (
    LINE_HEIGHT,
    height_of,
    lines_in,
)
from jtreport.plugins.exporters.xlsx_matrix.milestonerows import EXCERPT, distinct, excerpt
from jtreport.plugins.exporters.xlsx_matrix.pages import MIN_SCALE, PRINT_SCALE
from jtreport.plugins.exporters.xlsx_matrix.sizing import ANALYSIS_MAX_WIDTH
from jtreport.plugins.exporters.xlsx_matrix.titles import HEADER_LINE, short_title

from tests.test_xlsx import export, hand_statement, item

ITEMS = "All items"
#: A column LibreOffice makes as wide as Excel makes one of width 1: Excel
#: counts 7 pixels a character of Arial 10, LibreOffice the digit's 7.41.
EXCEL_TO_LIBREOFFICE = 7 / 7.41
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory, bundled: Statement) -> Path:
    """The bundled statement's matrix, with a few values typed."""
    path, _ = export(bundled, tmp_path_factory.mktemp("print") / "matrix.xlsx")
    return path


@pytest.fixture(scope="module")
def book(matrix: Path) -> Any:
    """The matrix, formulas read as the values they show."""
    return openpyxl.load_workbook(matrix, data_only=True)


def render(path: Path, out: Path) -> Path:
    """``path`` as LibreOffice prints it, as PDF."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / f"{path.stem}.pdf"


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


# Wrapping ----------------------------------------------------------------------------------


def test_lines_follow_the_letters_widths() -> None:
    # narrow letters fit more to the line than wide ones
    assert lines_in("i" * 300, 20) < lines_in("W" * 300, 20)
    words = "Both sides welcomed the signing of the Exchange of Notes " * 2
    assert lines_in(words, 120) == 1
    assert lines_in(words, 20) > lines_in(words, 40) > lines_in(words, 90)
    assert lines_in("one\ntwo\nthree", 60) == 3
    # CJK ideographs take twice a Latin letter's room
    assert lines_in("高" * 40, 30) > lines_in("o" * 40, 30)
    # a row holds its lines, in whole pixels
    assert height_of(5) == 5 * LINE_HEIGHT and height_of(1) == LINE_HEIGHT


@needs_soffice
def test_the_estimate_holds_every_line_libreoffice_wraps_to(
    tmp_path: Path, bundled: Statement
) -> None:
    """Each text alone on a page, in a tall row, its column as wide on paper as
    Excel makes it (LibreOffice makes a column of the same width about 6 % wider):
    the lines LibreOffice sets are never more than estimated (so no row cuts its
    text off), and hardly fewer."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils.indexed_list import IndexedList
    from openpyxl.worksheet.pagebreak import Break

    texts = [i.text for i in bundled.items if "\n" not in i.text][:60]
    widths = (83.0, 28.0)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    # Arial 10 as the workbook's font, as in the matrix: it sets the width unit
    wb._fonts = IndexedList([Font(name="Arial", size=10, family=2)])
    wb._named_styles["Normal"].font = Font(name="Arial", size=10, family=2)
    for width in widths:
        ws = wb.create_sheet(f"w{width:g}")
        ws.column_dimensions["A"].width = width * EXCEL_TO_LIBREOFFICE
        for row, text in enumerate(texts, 1):
            cell = ws.cell(row=row, column=1, value=text)
            cell.font = Font(name="Arial", size=10)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[row].height = 400
            ws.row_breaks.append(Break(id=row))
    path = tmp_path / "wrap.xlsx"
    wb.save(path)
    pages = pdf_pages(render(path, tmp_path))
    assert len(pages) == len(texts) * len(widths)
    for n, width in enumerate(widths):
        shown = [len(p.strip().splitlines()) for p in pages[n * len(texts) : (n + 1) * len(texts)]]
        estimated = [lines_in(t, width) for t in texts]
        assert all(e >= s for e, s in zip(estimated, shown, strict=True)), (width, shown)
        assert sum(estimated) <= 1.15 * sum(shown), (width, sum(estimated), sum(shown))


# Rows as tall as their text ---------------------------------------------------------------


def row_texts(ws: Any, row: int, width: int) -> list[tuple[int, str]]:
    return [
        (c, str(ws.cell(row=row, column=c).value))
        for c in range(1, width + 1)
        if isinstance(ws.cell(row=row, column=c).value, str) and ws.cell(row=row, column=c).value
    ]


def test_rows_are_as_tall_as_their_printed_text(book: Any) -> None:
    """A row of All items is as tall as the text it prints (or types): the
    analysis columns, on screen only, widen instead of making it taller, and
    still show all their text."""
    ws = book[ITEMS]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in
              range(1, len(COLUMNS) + 1)]  # fmt: skip
    sizing = {i + 1 for i, c in enumerate(COLUMNS) if c.group != "analysis"}
    assert widths[1] > 58  # the Text column fills the page at the print scale
    taller = 0
    for row in range(4, ws.max_row + 1):
        if ws.cell(row=row, column=1).value is None:
            continue
        texts = row_texts(ws, row, len(COLUMNS))
        own = max((lines_in(t, widths[c - 1]) for c, t in texts if c in sizing), default=1)
        every = max((lines_in(t, widths[c - 1]) for c, t in texts), default=1)
        height = ws.row_dimensions[row].height
        assert height == height_of(every)  # no text is hidden, even on screen
        if every > own:  # only an analysis column at its widest makes a row taller
            taller += 1
            assert any(
                widths[c - 1] >= ANALYSIS_MAX_WIDTH and lines_in(t, widths[c - 1]) == every
                for c, t in texts
                if c not in sizing
            )
    assert taller <= (ws.max_row - 3) // 10


def test_area_sheet_rows_hold_their_text_and_typed_values(book: Any) -> None:
    for ws in book.worksheets[2:]:
        if ws.title in ("Lists", "_jtreport") or ws.sheet_state != "visible":
            continue
        widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
                  for c in range(1, len(MEETING) + 1)]  # fmt: skip
        for row in range(4, ws.max_row + 1):
            texts = row_texts(ws, row, len(MEETING))
            lines = max((lines_in(t, widths[c - 1]) for c, t in texts), default=1)
            assert ws.row_dimensions[row].height == height_of(lines), (ws.title, row)


def test_lists_rows_hold_their_names(tmp_path: Path) -> None:
    long_name = "Japan-Tajikistan Intergovernmental Commission for Economic, Technical and " * 2
    statement = hand_statement((item("40.1", "other", "More.", organizations=[long_name]),))
    path, _ = export(statement, tmp_path / "m.xlsx")
    ws = openpyxl.load_workbook(path)["Lists"]
    for row in range(2, ws.max_row + 1):
        names = [str(c.value) for c in ws[row] if c.value]
        lines = max(lines_in(n, ws.column_dimensions["A"].width) for n in names)
        assert ws.row_dimensions[row].height >= lines * LINE_HEIGHT
    assert any(ws.row_dimensions[r].height > LINE_HEIGHT for r in range(2, ws.max_row + 1))


# Pages -------------------------------------------------------------------------------------


def planned(book: Any) -> dict[str, int]:
    return {
        ws.title: len(ws.row_breaks.brk) + 1
        for ws in book.worksheets
        if ws.sheet_state == "visible"
    }


def test_the_bundled_matrix_prints_on_few_readable_pages(book: Any) -> None:
    pages = planned(book)
    assert pages["Summary"] <= 2
    assert sum(pages.values()) <= 20  # 27 before rows were sized to their text
    for ws in book.worksheets:
        if ws.sheet_state == "visible" and ws.title != "Lists":
            assert MIN_SCALE <= int(ws.page_setup.scale) <= 100
    assert int(book[ITEMS].page_setup.scale) >= PRINT_SCALE


@needs_soffice
def test_no_text_is_cut_off_on_paper(
    tmp_path: Path, matrix: Path, book: Any, bundled: Statement
) -> None:
    """Rendered: the pages are the planned ones, and every item's last words are
    printed twice (All items and its area sheet): no row cuts its text off."""
    pages = pdf_pages(render(matrix, tmp_path))
    assert len(pages) == sum(planned(book).values())
    printed = " ".join(" ".join(pages).split())
    for entry in bundled.items:
        words = " ".join(entry.text.split()).split(" ")
        tail = " ".join(words[-4:])
        assert printed.count(tail) >= 2, (entry.id, tail)


# The page header --------------------------------------------------------------------------


def test_the_header_names_the_statement_in_a_form_that_fits(book: Any, bundled: Statement) -> None:
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        right = ws.oddHeader.right.text or ""
        centre = ws.oddHeader.center.text or ""
        assert "…" not in right
        assert all(len(line) <= HEADER_LINE for line in right.split("\n"))
        assert all(len(line) <= HEADER_LINE for line in centre.split("\n"))
        assert ws.HeaderFooter.scaleWithDoc is False  # 8 pt whatever the sheet's scale
    header = book[ITEMS].oddHeader.right.text
    assert "20 December 2025" in header
    assert all(p.short_name in header for p in bundled.parties)
    assert book["Summary"]["A1"].value == bundled.title  # the whole title is on the Summary


def titled(title: str, parties: list[str], when: str | None = "2023-09-21") -> Statement:
    base = hand_statement()
    return Statement(
        title=title,
        date=when,
        parties=[Party(name=p, short_name=p) for p in parties],
        areas=base.areas,
        paragraphs=base.paragraphs,
        items=base.items,
    )


@pytest.mark.parametrize(
    ("title", "parties", "expected"),
    [
        (
            "G7 Hiroshima Leaders’ Communiqué",
            ["G7"],
            "G7 Hiroshima Leaders’ Communiqué, 21 September 2023",
        ),
        (
            "The New York Declaration: C5+1 Resilience through Security, Economic, and Energy "
            "Partnership",
            ["United States", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"],
            "The New York Declaration, 21 September 2023",
        ),
        (
            "Joint Press Statement on the Japan-Azerbaijan Foreign Ministerial Meeting and "
            "Further Cooperation",
            ["Japan", "Azerbaijan"],
            "Japan–Azerbaijan Joint Press Statement, 21 September 2023",
        ),
    ],
)  # fmt: skip
def test_short_titles(title: str, parties: list[str], expected: str) -> None:
    assert short_title(titled(title, parties)) == expected


def test_a_long_title_of_many_parties_takes_two_lines() -> None:
    title = (
        "“Central Asia plus Japan” Dialogue Third Foreign Ministers’ Meeting Joint Press Release"
    )
    parties = ["Japan", "Uzbekistan", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"]
    lines = short_title(titled(title, parties, "2010-08-07")).split("\n")
    assert len(lines) == 2 and all(len(line) <= HEADER_LINE for line in lines)
    assert " ".join(lines) == f"{title}, 7 August 2010"


# The Summary's milestones -----------------------------------------------------------------


def test_a_milestone_quotes_what_the_statement_says_around_its_date() -> None:
    text = (
        "Japan welcomed Tajikistan’s global initiatives on water-related issues, including "
        "hosting in the framework of the Dushanbe Water Process the Fourth High-Level "
        "International Conference on the “Decade for Action ‘Water for Sustainable "
        "Development’, 2018-2028” in May 2026 in Dushanbe as an important preparatory event "
        "for the United Nations 2028 Water Conference."
    )
    quoted = excerpt(text, "May 2026")
    assert "May 2026" in quoted and quoted.startswith("…") and len(quoted) <= EXCERPT + 2
    assert re.sub(r"…", "", quoted).split(" ")[0] in text.split(" ")  # cut at a word
    assert excerpt("Both sides will meet in May 2026.", "May 2026") == (
        "Both sides will meet in May 2026."
    )


def test_an_item_naming_a_date_twice_has_one_milestone_row() -> None:
    entry = item("2.1", "green", "From 2018-2028 to 2028.", category="pledge")
    found = [
        Milestone(date=DateMention(text=t, value=v, future=True), item=entry, area_label="Green")
        for t, v in (("2018-2028", "2028"), ("2028", "2028"), ("June 22-23", "2028-06-22"),
                     ("June 22-23", "2028-06-23"))
    ]  # fmt: skip
    rows = distinct(found)
    assert [wordings for _, wordings in rows] == [["2018-2028", "2028"], ["June 22-23"]]
    assert rows[1][0].date.value == "2028-06-22"  # a span of days shows its first


def test_the_archived_sheet_prints_every_column_legibly(tmp_path: Path, bundled: Statement) -> None:
    import msgspec

    from tests.test_xlsx import fill

    path, _ = export(bundled, tmp_path / "matrix.xlsx")
    gone = bundled.commitments[0]
    fill(path, {("All items", gone.id, "Status"): "Delayed", ("All items", gone.id, "X"): "kept"})
    export(msgspec.structs.replace(bundled, items=[i for i in bundled.items if i != gone]), path)
    ws = openpyxl.load_workbook(path)["Archived"]
    # legible: never shrunk below the matrix's smallest scale to fit every column
    assert ws.page_setup.scale >= MIN_SCALE
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    # every column prints (no print area hides the typed ones), the ID on each page
    assert not ws.print_area
    assert ws.print_title_cols == "$A:$A"


def test_print_all_prints_every_column_of_all_items(tmp_path: Path) -> None:
    """``-O print=all`` (as the README and docs/matrix.md show it) is accepted by
    the command; All items then prints every column, at a smaller scale than the
    meeting's columns, larger on A3 than on A4; the area sheets are unchanged."""
    from click.testing import CliRunner
    from jtreport.cli import main

    def printed(*options: str) -> tuple[Any, Any]:
        out = tmp_path / ("-".join(options).replace("=", "_") or "default")
        result = CliRunner().invoke(main, ["-q", "-f", "xlsx", *options, "-o", str(out)])
        assert result.exit_code == 0, result.output
        wb = openpyxl.load_workbook(next(out.glob("*.xlsx")))
        areas = [ws for ws in wb.worksheets if ws.title not in (ITEMS, "Summary", "Lists")]
        return wb[ITEMS], areas[0]

    meeting, meeting_area = printed()
    every, every_area = printed("-O", "print=all")
    every_a3, _ = printed("-O", "print=all", "-O", "paper=a3")
    last_meeting_column = chr(ord("A") + len(MEETING) - 1)
    assert meeting.print_area.endswith(f"$A$1:${last_meeting_column}${meeting.max_row}")
    assert meeting.page_setup.scale == PRINT_SCALE
    assert not every.print_area  # no print area: every column prints
    assert every.max_column > len(MEETING)
    assert every.print_title_rows == meeting.print_title_rows == "$3:$3"
    assert int(every.page_setup.scale) < PRINT_SCALE
    assert int(every.page_setup.scale) < int(every_a3.page_setup.scale)
    assert every_area.print_area == meeting_area.print_area
    assert every_area.page_setup.scale == meeting_area.page_setup.scale
