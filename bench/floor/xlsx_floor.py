"""The xlsx floor: the implementation matrix's library work with openpyxl alone.

The same workbook shape as ``jtreport -f xlsx``: named styles, a Summary sheet
(details, counts per area and category, status formulas, milestones with merged
cells), one sheet per area and an "All items" sheet (merged title rows, a
17-column header, one styled row per item, widths and heights, an Excel table,
two data validations, eleven conditional formats, frozen panes, print setup,
page header and footer), a hidden marker sheet, document properties, and a zip
whose entries carry a fixed time.  Written with openpyxl's public API the
plain, efficient way (``ws.cell`` and named styles).

Usage: python xlsx_floor.py MODEL.json OUT.xlsx
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any

from common import CATEGORIES, MINISTRY, STATUSES, FixedTimeZip, Model, dates_label
from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.writer.excel import ExcelWriter

HEADERS = (
    "ID",
    "Paragraph",
    "Area",
    "Text",
    "Actors",
    "Category",
    "Commitment",
    "Organisations",
    "Instruments",
    "Projects",
    "Dates",
    *MINISTRY,
)
WIDTHS = (7, 10, 16, 52, 10, 11, 11, 14, 14, 16, 14, 14, 14, 12, 20, 11, 22)
CENTRED = {0, 1, 6}
CREATED = datetime(2026, 1, 1)


def fill(colour: str) -> PatternFill:
    """A solid fill."""
    return PatternFill("solid", start_color=colour, end_color=colour, bgColor=colour)


def add_styles(wb: Any) -> None:
    """The matrix's named styles."""
    thin = Side(style="thin", color="BFBFBF")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(vertical="top", wrap_text=True)
    centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
    body = Font(name="Calibri", size=10, color="262626")
    bold = Font(name="Calibri", size=10, bold=True, color="262626")
    white = Font(name="Calibri", size=10, bold=True, color="FFFFFF")
    styles = [
        NamedStyle("jt Title", font=Font(name="Calibri", size=14, bold=True, color="1F3864")),
        NamedStyle("jt Subtitle", font=Font(name="Calibri", size=10, italic=True), alignment=top),
        NamedStyle("jt Header", font=white, fill=fill("1F3864"), border=grid, alignment=top),
        NamedStyle("jt Ministry", font=white, fill=fill("375623"), border=grid, alignment=top),
        NamedStyle("jt Body", font=body, alignment=top, border=grid),
        NamedStyle("jt Centred", font=body, alignment=centred, border=grid),
        NamedStyle("jt Future", font=bold, alignment=top, border=grid),
        NamedStyle("jt Input", font=body, alignment=top, border=grid, fill=fill("FFF9E5")),
        NamedStyle(
            "jt Input date",
            font=body,
            alignment=centred,
            border=grid,
            fill=fill("FFF9E5"),
            number_format="yyyy-mm-dd",
        ),
        NamedStyle("jt Section", font=Font(name="Calibri", size=12, bold=True)),
        NamedStyle("jt Label", font=bold, alignment=Alignment(vertical="top")),
        NamedStyle("jt Value", font=body, alignment=top),
        NamedStyle("jt Number", font=body, alignment=centred, border=grid),
        NamedStyle("jt Total", font=bold, border=Border(top=thin, bottom=Side(style="double"))),
        NamedStyle("jt Hidden", font=Font(name="Calibri", size=10, color="808080")),
    ]
    for style in styles:
        wb.add_named_style(style)


def put(ws: Any, row: int, column: int, value: Any, style: str) -> None:
    """One styled cell."""
    cell = ws.cell(row=row, column=column, value=value)
    cell.style = style


def lines(text: str, width: float) -> int:
    """About how many lines ``text`` wraps to in a column ``width`` wide."""
    return max(1, -(-len(text) // max(1, int(width * 1.2))))


def page_setup(ws: Any, title: str) -> None:
    """Landscape, one page wide, header and footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for part in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
        part.left.text = "OFFICIAL"
        part.center.text = "&A"
        part.right.text = title[:77]
    for part in (ws.oddFooter, ws.evenFooter, ws.firstFooter):
        part.left.text = "OFFICIAL"
        part.right.text = "Page &P of &N"


def summary(ws: Any, model: Model) -> None:
    """Details, counts, status formulas and milestones."""
    ws.column_dimensions["A"].width = 30
    for index in range(2, 12):
        ws.column_dimensions[get_column_letter(index)].width = 12.5
    put(ws, 1, 1, model.title, "jt Title")
    put(ws, 2, 1, "Implementation matrix · generated by the floor", "jt Subtitle")
    ws.merge_cells("A1:K1")
    ws.merge_cells("A2:K2")
    row = 4
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
        put(ws, row, 1, label, "jt Label")
        put(ws, row, 2, value, "jt Value")
        ws.merge_cells(f"B{row}:K{row}")
        row += 1
    row += 1
    put(ws, row, 1, "Paragraphs, items and commitments by area and category", "jt Section")
    row += 1
    heads = ["Area", "Paragraphs", "Items", "Commitments", *(c.capitalize() for c in CATEGORIES)]
    for column, head in enumerate(heads, 1):
        put(ws, row, column, head, "jt Header")
    for group in model.groups():
        row += 1
        counts = {c: 0 for c in CATEGORIES}
        for item in group.items:
            counts[item["category"]] += 1
        values = [len(group.paragraphs), len(group.items), len(group.commitments)]
        put(ws, row, 1, group.label, "jt Body")
        for column, value in enumerate([*values, *counts.values()], 2):
            put(ws, row, column, value, "jt Number")
    row += 2
    put(ws, row, 1, "Follow-up status", "jt Section")
    for status in STATUSES:
        row += 1
        put(ws, row, 1, status, "jt Body")
        put(
            ws,
            row,
            2,
            f"=COUNTIFS('All items'!$N:$N,\"{status}\",'All items'!$G:$G,\"Yes\")",
            "jt Number",
        )
        put(ws, row, 3, f"=COUNTIF('All items'!$N:$N,\"{status}\")", "jt Number")
    row += 2
    put(ws, row, 1, "Upcoming milestones", "jt Section")
    for date, item in model.milestones():
        row += 1
        put(ws, row, 1, date["text"], "jt Body")
        put(ws, row, 2, date["value"], "jt Centred")
        put(ws, row, 3, item["id"], "jt Centred")
        put(ws, row, 4, model.label(item["area_id"]), "jt Body")
        put(ws, row, 6, item["text"][:600], "jt Body")
        ws.merge_cells(f"D{row}:E{row}")
        ws.merge_cells(f"F{row}:K{row}")
        ws.row_dimensions[row].height = 13 * lines(item["text"][:600], 75) + 4
    ws.sheet_view.showGridLines = False


def data_sheet(ws: Any, model: Model, title: str, items: list[dict[str, Any]], name: str) -> None:
    """Title rows, header, one row per item, table, validations and rules."""
    put(ws, 1, 1, title, "jt Title")
    put(ws, 2, 1, f"{len(items)} items", "jt Subtitle")
    ws.merge_cells("A1:L1")
    ws.merge_cells("A2:L2")
    ws.row_dimensions[1].height = 24
    for column, head in enumerate(HEADERS, 1):
        put(ws, 3, column, head, "jt Ministry" if column > 11 else "jt Header")
        ws.column_dimensions[get_column_letter(column)].width = WIDTHS[column - 1]
    ws.row_dimensions[3].height = 30
    row = 3
    for item in items:
        row += 1
        values = [
            item["id"],
            item["paragraph"],
            model.label(item["area_id"]),
            item["text"],
            "Both sides" if "both" in item["actors"] else ", ".join(item["actors"]),
            item["category"].capitalize(),
            "Yes" if item["is_commitment"] else "No",
            "; ".join(item["organizations"]),
            "; ".join(item["instruments"]),
            "; ".join(item["projects"]),
            dates_label(item),
        ]
        future = any(d.get("future") for d in item["dates"])
        for column, value in enumerate(values, 1):
            style = "jt Centred" if column - 1 in CENTRED else "jt Body"
            put(ws, row, column, value, "jt Future" if column == 11 and future else style)
        for column in range(12, 18):
            ws.cell(row=row, column=column).style = "jt Input date" if column == 16 else "jt Input"
        ws.row_dimensions[row].height = 13 * lines(item["text"], 52) + 4
    last = max(row, 4)
    table = Table(displayName=name, ref=f"A3:Q{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(table)
    end = last + 500
    choices = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    choices.add(f"N4:N{end}")
    dates = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
    dates.add(f"P4:P{end}")
    ws.add_data_validation(choices)
    ws.add_data_validation(dates)
    cf = ws.conditional_formatting
    cf.add(f"A4:K{end}", FormulaRule(formula=['$G4="Yes"'], fill=fill("EAF1FB")))
    cf.add(f"A4:A{end}", FormulaRule(formula=['$G4="Yes"'], font=Font(bold=True)))
    for status in STATUSES:
        cf.add(
            f"N4:N{end}",
            CellIsRule(operator="equal", formula=[f'"{status}"'], fill=fill("FFF2CC")),
        )
    cf.add(
        f"P4:P{end}",
        FormulaRule(formula=["AND(ISNUMBER($P4),$P4<TODAY())"], fill=fill("F8CBAD")),
    )
    ws.freeze_panes = "B4"
    ws.print_title_rows = "3:3"
    page_setup(ws, title)


def marker(wb: Any, model: Model, sheets: list[str]) -> None:
    """The hidden sheet that identifies the workbook."""
    ws = wb.create_sheet("_jtreport")
    rows = [("kind", "matrix"), ("title", model.title), ("created", CREATED.isoformat())]
    rows += [("sheet", name) for name in sheets]
    for row, (key, value) in enumerate(rows, 1):
        put(ws, row, 1, key, "jt Hidden")
        put(ws, row, 2, value, "jt Hidden")
    ws.sheet_state = "veryHidden"


def write(model: Model, path: str) -> None:
    """The matrix for ``model`` at ``path``."""
    wb = Workbook()
    add_styles(wb)
    ws = wb.active
    ws.title = "Summary"
    summary(ws, model)
    page_setup(ws, model.title)
    names = []
    for number, group in enumerate(model.groups(), 1):
        if group.label == "General":
            continue
        sheet = wb.create_sheet(group.label.split(":")[0][:28])
        names.append(sheet.title)
        data_sheet(sheet, model, group.label, group.items, f"Area{number}")
    data_sheet(wb.create_sheet("All items"), model, model.title, model.items, "Items")
    marker(wb, model, names)
    props = wb.properties
    props.title, props.creator = model.title, "floor"
    props.created = props.modified = CREATED
    with FixedTimeZip(path, "w", allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()


def main(argv: list[str]) -> None:
    """``xlsx_floor.py MODEL.json OUT.xlsx``."""
    write(Model.load(argv[0]), argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
