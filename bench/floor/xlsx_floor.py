"""The xlsx floor: the implementation matrix's library work with openpyxl alone.

The same visible workbook as ``jtreport -f xlsx``, written with openpyxl's
public API the efficient way (write-only mode: rows streamed as they are
appended, each cell given a named style):

- a Summary sheet: title, details, the as-of cells, four SUMPRODUCT counts over
  defined names, the area-by-status grid of formulas, counts by area and
  category, the milestones (merged cells), the status vocabulary in its
  colours; every row sized; page breaks, scale, header and footer;
- "All items": 24 columns (a title and subtitle merged over the printed ones, a
  styled header, one styled row per item with its height, the tracker's empty
  input cells styled too), an Excel table, seven data validations (lists, the
  agency lists from the Lists sheet by name, dates), twelve conditional formats
  (status colours, overdue and due soon against the Summary's as-of date,
  commitments), the analysis columns grouped, frozen panes, print area, print
  titles, page breaks, header and footer;
- one sheet per area (and one for the items outside any): the six meeting
  columns, four of them formulas (INDEX/MATCH over defined names) and a hidden
  MATCH column, a table, a validation refusing typing, the same twelve
  conditional formats, print settings;
- a Lists sheet, a very hidden marker sheet with one row per item, the defined
  names (one per column of All items, the as-of cells, the agency lists),
  document properties, full calculation on load, and a zip whose entries carry
  a fixed time, written in one pass.

What it leaves to jtreport: working out where text wraps, the print plan and
the values formulas show before they are calculated (openpyxl has no public way
to store them), reading a previous matrix and merging what was typed.

Usage: python xlsx_floor.py MODEL.json OUT.xlsx
"""

from __future__ import annotations

import re
import sys
import warnings
from datetime import datetime
from typing import Any

from common import CATEGORIES, STATUSES, FixedTimeZip, Group, Model, dates_label
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.writer.excel import ExcelWriter

CREATED = datetime(2026, 1, 1)
COLOURS = ("999999", "56B4E9", "0072B2", "CC79A7", "009E73", "D55E00", "E69F00", "444444")
#: (header, width, style): the meeting's columns, the tracker's, the analysis.
COLUMNS = (
    ("ID", 8, "jt Centred"), ("Text", 83, "jt Body"), ("Lead agency", 18, "jt Input"),
    ("Status", 13, "jt Input"), ("Due date", 12, "jt Input date"), ("Next step", 28, "jt Input"),
    ("Priority", 10, "jt Input"), ("Counterpart agency", 18, "jt Input"),
    ("Supporting agencies", 16, "jt Input"), ("Evidence / source", 22, "jt Input"),
    ("Last updated", 12, "jt Input date"), ("Notes", 24, "jt Input"),
    ("Paragraph", 10, "jt Centred"), ("Area", 22, "jt Body"), ("Category", 12, "jt Body"),
    ("Commitment", 12, "jt Body"), ("Actors", 12, "jt Body"), ("Review", 24, "jt Body"),
    ("Date", 12, "jt Centred"), ("Date precision", 10, "jt Centred"), ("Dates", 22, "jt Body"),
    ("Organisations", 20, "jt Body"), ("Instruments", 20, "jt Body"), ("Projects", 22, "jt Body"),
)  # fmt: skip
MEETING = 6
ANALYSIS = 12  # the analysis columns start after the twelfth
FIRST = 4
SPARE = 500


def name_of(header: str) -> str:
    """The defined name of a column of All items."""
    return "jt_" + re.sub(r"\W+", "_", header.casefold()).strip("_")


def fill(colour: str) -> PatternFill:
    """A solid fill."""
    return PatternFill("solid", start_color=colour, end_color=colour, bgColor=colour)


def add_styles(wb: Any) -> None:
    """The matrix's named styles."""
    thin = Side(style="thin", color="BFBFBF")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(vertical="top", wrap_text=True)
    centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
    body = Font(name="Arial", size=10, color="1F2937")
    bold = Font(name="Arial", size=10, bold=True, color="1F2937")
    white = Font(name="Arial", size=10, bold=True, color="FFFFFF")
    styles = [
        NamedStyle("jt Title", font=Font(name="Arial", size=14, bold=True), alignment=top),
        NamedStyle("jt Subtitle", font=Font(name="Arial", size=10, italic=True), alignment=top),
        NamedStyle("jt Header", font=white, fill=fill("1F3864"), border=grid, alignment=top),
        NamedStyle("jt Ministry", font=white, fill=fill("375623"), border=grid, alignment=top),
        NamedStyle("jt Body", font=body, alignment=top, border=grid),
        NamedStyle("jt Centred", font=body, alignment=centred, border=grid),
        NamedStyle("jt Input", font=body, alignment=top, border=grid, fill=fill("FFFBEA")),
        NamedStyle(
            "jt Input date", font=body, alignment=centred, border=grid, fill=fill("FFFBEA"),
            number_format="yyyy-mm-dd",
        ),
        NamedStyle("jt View", font=body, alignment=top, border=grid, fill=fill("F7F7F2")),
        NamedStyle("jt Section", font=Font(name="Arial", size=12, bold=True)),
        NamedStyle("jt Label", font=bold, alignment=Alignment(vertical="top")),
        NamedStyle("jt Value", font=body, alignment=top),
        NamedStyle("jt Number", font=body, alignment=centred, border=grid),
        NamedStyle("jt Total", font=bold, border=Border(top=thin, bottom=Side(style="double"))),
        NamedStyle("jt Hidden", font=Font(name="Arial", size=10, color="808080")),
    ]  # fmt: skip
    for number, colour in enumerate(COLOURS):
        styles.append(NamedStyle(f"jt Status {number}", font=white, fill=fill(colour)))
    for style in styles:
        wb.add_named_style(style)


class Sheet:
    """A write-only sheet, its rows appended with their heights."""

    def __init__(self, wb: Any, title: str) -> None:
        self.ws = wb.create_sheet(title)
        self.row = 0

    def add(self, values: list[tuple[Any, str | None]], height: float = 15.0) -> None:
        """Append a row of (value, named style) cells."""
        cells = []
        for value, style in values:
            cell = WriteOnlyCell(self.ws, value=value)
            if style:
                cell.style = style
            cells.append(cell)
        self.row += 1
        self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)

    def merge(self, ref: str) -> None:
        """Merge a range of the current row (``A{}:K{}``)."""
        self.ws.merged_cells.add(ref.format(self.row, self.row))


def lines(text: str, width: float) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` wide."""
    return max(1, -(-len(text) // max(1, int(width * 1.3))))


def page_setup(ws: Any, title: str, area: str, rows: int, per_page: int) -> None:
    """Landscape A4 at 85 %, page breaks, header and footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9
    ws.page_setup.scale = 85
    for row in range(per_page, rows, per_page):
        ws.row_breaks.append(Break(id=row))
    for part in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        part.left.text, part.center.text, part.right.text = "OFFICIAL", area, title[:60]
    for part in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        part.left.text, part.right.text = "OFFICIAL", "Page &P of &N"


def summary(wb: Any, model: Model) -> None:
    """Details, the counts at a glance, the area by status grid, counts by
    category, milestones and the status vocabulary."""
    sheet = Sheet(wb, "Summary")
    ws = sheet.ws
    ws.column_dimensions["A"].width = 34
    for index in range(2, 12):
        ws.column_dimensions[get_column_letter(index)].width = 12.5
    sheet.add([(model.title, "jt Title")], 36)
    sheet.merge("A{}:K{}")
    sheet.add([("Implementation matrix · generated by the floor", "jt Subtitle")])
    sheet.merge("A{}:K{}")
    data = model.data
    details = [
        ("Date", data.get("date")),
        ("Place", data.get("place")),
        ("Parties", "; ".join(p["name"] for p in data["parties"])),
        ("Leaders", "\n".join(p["name"] for p in data["leaders"])),
        ("Signatories", "\n".join(p["name"] for p in data["signatories"])),
        ("Classification", "OFFICIAL"),
    ]
    for label, value in details:
        sheet.add([(label, "jt Label"), (value, "jt Value")], 13 * lines(str(value), 125))
        sheet.merge("B{}:K{}")
    sheet.add([("Follow-up at a glance", "jt Section")])
    sheet.add([("As of", "jt Label"), (CREATED.date(), "jt Input date")])
    sheet.merge("B{}:C{}")
    as_of = sheet.row
    sheet.add([("Due soon: within (days)", "jt Label"), (30, "jt Input")])
    soon = sheet.row
    status, due, flag = name_of("Status"), name_of("Due date"), name_of("Commitment")
    open_ = f'*({status}<>"Completed")*({status}<>"Cancelled")'
    for label, formula in (
        ("Overdue", f"=SUMPRODUCT(ISNUMBER({due})*({due}<jt_as_of){open_})"),
        ("Due soon", f"=SUMPRODUCT(ISNUMBER({due})*({due}>=jt_as_of)*({due}<=jt_as_of+30){open_})"),
        ("Without a lead", f'=SUMPRODUCT(({flag}="Yes")*(TRIM({name_of("Lead agency")})=""))'),
        ("With a status", f'=SUMPRODUCT(({name_of("ID")}<>"")*({status}<>""))'),
    ):  # fmt: skip
        sheet.add([(label, "jt Body"), (formula, "jt Number")], 26)
    groups = model.groups()
    sheet.add([("Commitments by area and status", "jt Section")])
    sheet.add([(h, "jt Header") for h in ["Area", *STATUSES, "No status", "Total"]])
    head = sheet.row
    for group in groups:
        row = sheet.row + 1
        where = f'({name_of("Area")}=$A{row})*({flag}="Yes")'
        cells: list[tuple[Any, str | None]] = [(group.label, "jt Body")]
        for index in range(2, len(STATUSES) + 2):
            letter = get_column_letter(index)
            cells.append((f"=SUMPRODUCT({where}*({status}={letter}${head}))", "jt Number"))
        cells.append((f'=SUMPRODUCT({where}*({status}=""))', "jt Number"))
        cells.append((f"=SUMPRODUCT({where})", "jt Number"))
        sheet.add(cells, 13 * lines(group.label, 34))
    last = sheet.row
    totals = [f"=SUM({get_column_letter(i)}{head + 1}:{get_column_letter(i)}{last})"
              for i in range(2, len(STATUSES) + 4)]  # fmt: skip
    sheet.add([("All commitments", "jt Total"), *((t, "jt Total") for t in totals)])
    where = f'({name_of("ID")}<>"")*({flag}<>"Yes")'
    others = [f"=SUMPRODUCT({where}*({status}={get_column_letter(i)}${head}))"
              for i in range(2, len(STATUSES) + 2)]  # fmt: skip
    sheet.add([("Other items with a status", "jt Body"), *((t, "jt Number") for t in others)])
    counts_section(sheet, model, groups)
    milestones_section(sheet, model)
    sheet.add([("What each status means", "jt Section")])
    for number, name in enumerate(STATUSES):
        sheet.add([(name, f"jt Status {number}"), (f"What {name} means.", "jt Value")])
        sheet.merge("B{}:K{}")
    ws.sheet_view.showGridLines = False
    page_setup(ws, model.title, "Summary", sheet.row, 40)
    define(wb, "jt_as_of", f"'Summary'!$B${as_of}")
    define(wb, "jt_due_soon_days", f"'Summary'!$B${soon}")


def counts_section(sheet: Sheet, model: Model, groups: list[Group]) -> None:
    """Paragraphs, items and commitments by area and category."""
    sheet.add([("Paragraphs, items and commitments by area and category", "jt Section")])
    heads = ["Area", "Paragraphs", "Items", "Commitments", *(c.capitalize() for c in CATEGORIES)]
    sheet.add([(h, "jt Header") for h in heads], 26)
    for group in groups:
        counts = {c: 0 for c in CATEGORIES}
        for entry in group.items:
            counts[entry["category"]] += 1
        values = [len(group.paragraphs), len(group.items), len(group.commitments)]
        cells = [(v, "jt Number") for v in [*values, *counts.values()]]
        sheet.add([(group.label, "jt Body"), *cells], 13 * lines(group.label, 34))
    total = [len(model.paragraphs), len(model.items), len(model.commitments)]
    sheet.add([("Whole statement", "jt Total"), *((n, "jt Total") for n in total)])


def milestones_section(sheet: Sheet, model: Model) -> None:
    """The dated milestones ahead, one row each, merged cells."""
    sheet.add([("Upcoming milestones", "jt Section")])
    sheet.add([(h, "jt Header") for h in ("As written", "Date", "Precision", "Item", "Area")])
    for when, entry in model.milestones():
        text = entry["text"][:160]
        sheet.add(
            [
                (when["text"], "jt Body"),
                (when["value"], "jt Centred"),
                (None, "jt Centred"),
                (entry["id"], "jt Centred"),
                (model.label(entry["area_id"]), "jt Body"),
                (None, "jt Body"),
                (text, "jt Body"),
            ],
            13 * lines(text, 62),
        )
        sheet.merge("E{}:F{}")
        sheet.merge("G{}:K{}")


def titles(sheet: Sheet, title: str, subtitle: str, headers: list[tuple[str, str]]) -> None:
    """The title and subtitle rows (merged over the printed columns), the header."""
    sheet.add([(title, "jt Title")], 36)
    sheet.merge("A{}:F{}")
    sheet.add([(subtitle, "jt Subtitle")], 26)
    sheet.merge("A{}:F{}")
    sheet.add(headers, 30)


#: Each rule's differential style, made once and shared by every sheet's rules.
DXF: dict[str, DifferentialStyle] = {}


def dxf(key: str, colour: str, font: Font | None = None) -> DifferentialStyle:
    """The differential style of a fill (and font), made once."""
    if key not in DXF:
        DXF[key] = DifferentialStyle(fill=fill(colour), font=font)
    return DXF[key]


def rule(
    formula: str, style: DifferentialStyle, *, equal: bool = False, stop: bool = False
) -> Rule:
    """A conditional format rule showing ``style``."""
    if equal:
        return Rule(type="cellIs", operator="equal", formula=[formula], dxf=style)
    return Rule(type="expression", formula=[formula], dxf=style, stopIfTrue=stop or None)


def colours(ws: Any, first: int, last: int, commitment: str) -> None:
    """Status colours, overdue and due soon, commitments standing out."""
    cf = ws.conditional_formatting
    for name, colour in zip(STATUSES, COLOURS, strict=True):
        style = dxf(name, colour, Font(color="FFFFFF"))
        cf.add(f"D{first}:D{last}", rule(f'"{name}"', style, equal=True))
    still_open = f'$D{first}<>"Completed",$D{first}<>"Cancelled"'
    cell = f"$E{first}"
    overdue = f"AND(ISNUMBER({cell}),{cell}<jt_as_of,{still_open})"
    late = dxf("overdue", "F8CBAD", Font(color="9C0006", bold=True))
    cf.add(f"E{first}:E{last}", rule(overdue, late, stop=True))
    soon = f"AND(ISNUMBER({cell}),{cell}>=jt_as_of,{cell}<=jt_as_of+jt_due_soon_days,{still_open})"
    cf.add(f"E{first}:E{last}", rule(soon, dxf("soon", "FFD966")))
    cf.add(f"A{first}:A{last}", rule(commitment, dxf("commitment id", "DDEBF7", Font(bold=True))))
    cf.add(f"B{first}:B{last}", rule(commitment, dxf("commitment", "DDEBF7")))


def table(ws: Any, name: str, headers: list[str], last: int) -> None:
    """An Excel table over the header row and the data rows."""
    ref = f"A3:{get_column_letter(len(headers))}{max(last, FIRST)}"
    sheet_table = Table(displayName=name, ref=ref)
    sheet_table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, 1)]
    sheet_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    with warnings.catch_warnings():  # the columns are given: openpyxl warns all the same
        warnings.simplefilter("ignore")
        ws.add_table(sheet_table)


def validate(ws: Any, kind: str, formula: str, *ranges: str) -> None:
    """A data validation over ``ranges``."""
    check = DataValidation(type=kind, formula1=formula, allow_blank=True, showErrorMessage=True,
                           error="Choose from the list.", errorTitle="Matrix")  # fmt: skip
    for ref in ranges:
        check.add(ref)
    ws.data_validations.append(check)


def all_items(wb: Any, model: Model) -> None:
    """Every item, every column: the one place to type."""
    sheet = Sheet(wb, "All items")
    ws = sheet.ws
    for index, (_, width, _) in enumerate(COLUMNS, 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = width
        if index > ANALYSIS:
            ws.column_dimensions[letter].outlineLevel = 1
    headers = [(h, "jt Ministry" if style.startswith("jt Input") else "jt Header")
               for h, _, style in COLUMNS]  # fmt: skip
    titles(sheet, model.title, f"Every item: type here · {len(model.items)} items", headers)
    for entry in model.items:
        dates = entry["dates"]
        values = [
            entry["id"], entry["text"], None, None, None, None, None, None, None, None, None, None,
            entry["paragraph"], model.label(entry["area_id"]), entry["category"].capitalize(),
            "Yes" if entry["is_commitment"] else "No",
            "Both sides" if "both" in entry["actors"] else "; ".join(entry["actors"]),
            " ".join(entry.get("review") or []), dates[0]["value"] if dates else None,
            None, dates_label(entry), "; ".join(entry["organizations"]),
            "; ".join(entry["instruments"]), "; ".join(entry["projects"]),
        ]  # fmt: skip
        cells = [(v, style) for v, (_, _, style) in zip(values, COLUMNS, strict=True)]
        sheet.add(cells, 13 * lines(entry["text"], 83))
    last = max(sheet.row, FIRST)
    table(ws, "Items", [h for h, _, _ in COLUMNS], last)
    end = last + SPARE
    validate(ws, "list", '"' + ",".join(STATUSES) + '"', f"D{FIRST}:D{end}")
    validate(ws, "list", '"High,Medium,Low"', f"G{FIRST}:G{end}")
    validate(ws, "list", "jt_lead_agencies", f"C{FIRST}:C{end}")
    validate(ws, "list", "jt_counterpart_agencies", f"H{FIRST}:H{end}")
    validate(ws, "list", '"' + ",".join(c.capitalize() for c in CATEGORIES) + '"',
             f"O{FIRST}:O{end}")  # fmt: skip
    validate(ws, "list", '"Yes,No"', f"P{FIRST}:P{end}")
    validate(ws, "date", "1", f"E{FIRST}:E{end}", f"K{FIRST}:K{end}")
    colours(ws, FIRST, end, f'$P{FIRST}="Yes"')
    ws.freeze_panes = "C4"
    ws.print_area = f"A1:F{last}"
    ws.print_title_rows = "3:3"
    page_setup(ws, model.title, "All items", last, 14)
    for index, (header, _, _) in enumerate(COLUMNS, 1):
        letter = get_column_letter(index)
        define(wb, name_of(header), f"'All items'!${letter}${FIRST}:${letter}${end}")


def area_sheet(wb: Any, model: Model, group: Group, number: int) -> None:
    """An area's items: the meeting's columns, showing what All items holds."""
    sheet = Sheet(wb, re.sub(r"[\[\]*?/\\:]", " ", group.label)[:31])
    ws = sheet.ws
    for index, (_, width, _) in enumerate([*COLUMNS[:MEETING], ("Row", 6, "")], 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.column_dimensions["G"].hidden = True
    headers = [(h, "jt Header") for h, _, _ in COLUMNS[:MEETING]] + [("Row on All items", "")]
    subtitle = f"{group.description} · {len(group.items)} items"
    titles(sheet, group.label, subtitle, headers)
    for entry in group.items:
        row = sheet.row + 1
        cells: list[tuple[Any, str | None]] = [
            (entry["id"], "jt Centred"),
            (entry["text"], "jt Body"),
        ]
        for header, _, _ in COLUMNS[2:MEETING]:
            shown = f"INDEX({name_of(header)},$G{row})"
            cells.append((f'=IF(ISNUMBER($G{row}),IF({shown}="","",{shown}),"")', "jt View"))
        cells.append((f"=MATCH($A{row},{name_of('ID')},0)", "jt Centred"))
        sheet.add(cells, 13 * lines(entry["text"], 83))
    last = max(sheet.row, FIRST)
    table(ws, f"Area{number}", [h for h, _ in headers], last)
    validate(ws, "custom", "FALSE", f"C{FIRST}:F{last}")
    colours(ws, FIRST, last, f'AND(ISNUMBER($G{FIRST}),INDEX(jt_commitment,$G{FIRST})="Yes")')
    ws.freeze_panes = "C4"
    ws.print_area = f"A1:F{last}"
    ws.print_title_rows = "3:3"
    page_setup(ws, model.title, group.label, last, 14)


def lists(wb: Any, model: Model) -> None:
    """The agencies the drop-downs offer."""
    sheet = Sheet(wb, "Lists")
    sheet.ws.column_dimensions["A"].width = sheet.ws.column_dimensions["B"].width = 60
    sheet.add([("Lead agencies", "jt Header"), ("Counterpart agencies", "jt Header")])
    names = dict.fromkeys(o for entry in model.items for o in entry["organizations"])
    for name in names:
        sheet.add([(name, "jt Value"), (name, "jt Value")], 13 * lines(name, 60))
    sheet.ws.freeze_panes = "A2"
    sheet.ws.print_title_rows = "1:1"
    page_setup(sheet.ws, model.title, "Lists", sheet.row, 40)
    for letter, kind in (("A", "lead"), ("B", "counterpart")):
        count = f"MAX(1,COUNTA('Lists'!${letter}:${letter})-1)"
        define(wb, f"jt_{kind}_agencies", f"OFFSET('Lists'!${letter}$2,0,0,{count},1)")


def marker(wb: Any, model: Model, sheets: list[str]) -> None:
    """The very hidden sheet that identifies the workbook, one row per item."""
    sheet = Sheet(wb, "_jtreport")
    rows = [("kind", "matrix"), ("title", model.title), ("created", CREATED.isoformat())]
    rows += [("sheet.area", name) for name in sheets]
    for key, value in rows:
        sheet.add([(key, "jt Hidden"), (value, "jt Hidden")])
    for entry in model.items:
        flag = "Yes" if entry["is_commitment"] else "No"
        actors = "; ".join(entry["actors"])
        values = ("item", entry["id"], entry["category"].capitalize(), flag, actors, "")
        sheet.add([(v, "jt Hidden") for v in values])
    sheet.ws.sheet_state = "veryHidden"


def define(wb: Any, name: str, text: str) -> None:
    """A workbook-level defined name."""
    wb.defined_names[name] = DefinedName(name, attr_text=text)


def write(model: Model, path: str) -> None:
    """The matrix for ``model`` at ``path``."""
    wb = Workbook(write_only=True)
    add_styles(wb)
    summary(wb, model)
    all_items(wb, model)
    names = []
    for number, group in enumerate(model.groups(), 1):
        if group.items:
            area_sheet(wb, model, group, number)
            names.append(group.label)
    lists(wb, model)
    marker(wb, model, names)
    props = wb.properties
    props.title, props.subject, props.creator = model.title, "Implementation matrix", "floor"
    props.keywords = "joint statement, implementation matrix, follow-up"
    props.created = props.modified = CREATED
    wb.calculation.fullCalcOnLoad = True
    with FixedTimeZip(path, "w", allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()


def main(argv: list[str]) -> None:
    """``xlsx_floor.py MODEL.json OUT.xlsx``."""
    write(Model.load(argv[0]), argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
