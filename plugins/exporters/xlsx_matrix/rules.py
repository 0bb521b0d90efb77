"""What the data sheets check and colour: the drop-downs (status, priority,
agencies from the Lists sheet, category, commitment flag), the dates, the status
colours, overdue and due soon against the Summary's as-of date, and the
commitments standing out.  Conditional formats and validations cover the data
rows down to the last row given, so that rows a user adds are covered too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jtreport.followup import CLOSED_STATUSES, STATUSES
from jtreport.model import CATEGORIES

from .layout import COLUMNS, FIRST_DATA_ROW, PRIORITIES, ROW_HEADER, Column
from .names import AS_OF, DUE_SOON_DAYS, AgencyKind, agency_list, column_name
from .styles import (
    COMMITMENT_FILL,
    DUE_SOON_FILL,
    OVERDUE_FILL,
    OVERDUE_INK,
    STATUS_STYLES,
    Styles,
)


def letter_of(columns: Sequence[Column], header: str) -> str:
    """The column letter of ``header`` among ``columns``."""
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter([c.header for c in columns].index(header) + 1)
    return letter


def _rule(kind: str, formula: str, dxf: int, *, stop: bool = False) -> Any:
    """A conditional format rule showing the workbook's differential style
    ``dxf`` (registered once by :meth:`Styles.dxf`, however many sheets use it)."""
    from openpyxl.formatting.rule import Rule

    if kind == "equal":
        return Rule(type="cellIs", operator="equal", formula=[formula], dxfId=dxf)
    return Rule(type="expression", formula=[formula], dxfId=dxf, stopIfTrue=stop or None)


def _list(
    choices: str, title: str, message: str, *, warning: bool = False, allow_blank: bool = True
) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="list",
        formula1=choices,
        allow_blank=allow_blank,
        showErrorMessage=True,
        errorStyle="warning" if warning else "stop",
        errorTitle=title,
        error=message,
    )


def _status_rules(ws: Any, styles: Styles, status: str, first: int, last: int) -> None:
    for name, (background, ink) in STATUS_STYLES.items():
        bold = name in ("Delayed", "Completed")
        ws.conditional_formatting.add(
            f"{status}{first}:{status}{last}",
            _rule("equal", f'"{name}"', styles.dxf(background, ink, bold=bold)),
        )


def _due_rules(ws: Any, styles: Styles, due: str, status: str, first: int, last: int) -> None:
    """Overdue (before the Summary's as-of date, not closed), then due soon."""
    still_open = ",".join(f'${status}{first}<>"{s}"' for s in CLOSED_STATUSES)
    cell = f"${due}{first}"
    ws.conditional_formatting.add(
        f"{due}{first}:{due}{last}",
        _rule(
            "expression",
            f"AND(ISNUMBER({cell}),{cell}<{AS_OF},{still_open})",
            styles.dxf(OVERDUE_FILL, OVERDUE_INK, bold=True),
            stop=True,
        ),
    )
    ws.conditional_formatting.add(
        f"{due}{first}:{due}{last}",
        _rule(
            "expression",
            f"AND(ISNUMBER({cell}),{cell}>={AS_OF},{cell}<={AS_OF}+{DUE_SOON_DAYS},{still_open})",
            styles.dxf(DUE_SOON_FILL),
        ),
    )


def items_rules(ws: Any, styles: Styles, columns: Sequence[Column], last: int) -> None:
    """The drop-downs, date checks and colours of "All items", down to row ``last``."""
    from openpyxl.worksheet.datavalidation import DataValidation

    first = FIRST_DATA_ROW
    letter = {c.header: letter_of(columns, c.header) for c in COLUMNS}

    def cover(validation: Any, *headers: str) -> None:
        for header in headers:
            validation.add(f"{letter[header]}{first}:{letter[header]}{last}")
        ws.add_data_validation(validation)

    vocabulary = ", ".join(STATUSES)
    cover(
        _list('"' + ",".join(STATUSES) + '"', "Status", f"Choose a status: {vocabulary}."),
        "Status",
    )
    cover(
        _list('"' + ",".join(PRIORITIES) + '"', "Priority", "Choose High, Medium or Low."),
        "Priority",
    )
    agencies: tuple[tuple[str, AgencyKind], ...] = (
        ("Lead agency", "lead"),
        ("Counterpart agency", "counterpart"),
    )
    for header, kind in agencies:
        cover(
            _list(
                agency_list(kind),
                header,
                f"This agency is not on the Lists sheet. Keep it? (Add it to the {kind} "
                "agencies on the Lists sheet to offer it in the drop-down.)",
                warning=True,
            ),
            header,
        )
    categories = [c.capitalize() for c in CATEGORIES]
    cover(
        _list(
            '"' + ",".join(categories) + '"',
            "Category",
            f"Choose a category: {', '.join(categories)}. Clear the cell to go back to "
            "jtreport's reading.",
        ),
        "Category",
    )
    cover(
        _list(
            '"Yes,No"',
            "Commitment",
            "Yes or No. Clear the cell to go back to jtreport's reading.",
        ),
        "Commitment",
    )
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Date",
        error="Type a date (e.g. 2026-05-31): dates sort, filter and show what is overdue.",
    )
    cover(dates, "Due date", "Last updated")

    _status_rules(ws, styles, letter["Status"], first, last)
    _due_rules(ws, styles, letter["Due date"], letter["Status"], first, last)
    _commitment_rules(ws, styles, f'${letter["Commitment"]}{first}="Yes"', first, last)


def view_rules(ws: Any, styles: Styles, columns: Sequence[Column], last: int) -> None:
    """An area sheet's colours, and the refusal of typing in the cells that show
    "All items"."""
    from openpyxl.worksheet.datavalidation import DataValidation

    first = FIRST_DATA_ROW
    status, due = letter_of(columns, "Status"), letter_of(columns, "Due date")
    helper = letter_of(columns, ROW_HEADER)
    # typing here would overwrite what shows "All items": refused, with the way there
    elsewhere = DataValidation(
        type="custom",
        formula1="FALSE",
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="Type on All items",
        error="This sheet shows what is typed on the All items sheet: type there, and it "
        "shows here too.",
    )
    elsewhere.add(
        f"{letter_of(columns, 'Lead agency')}{first}:{letter_of(columns, 'Next step')}{last}"
    )
    ws.add_data_validation(elsewhere)
    _status_rules(ws, styles, status, first, last)
    _due_rules(ws, styles, due, status, first, last)
    commitment = f'INDEX({column_name("Commitment")},${helper}{first})="Yes"'
    _commitment_rules(ws, styles, f"AND(ISNUMBER(${helper}{first}),{commitment})", first, last)


def _commitment_rules(ws: Any, styles: Styles, rule: str, first: int, last: int) -> None:
    """Commitments stand out: ID bold on a light fill, text on the same fill (one
    rule per range: LibreOffice applies only the first rule that holds)."""
    ws.conditional_formatting.add(
        f"A{first}:A{last}", _rule("expression", rule, styles.dxf(COMMITMENT_FILL, bold=True))
    )
    ws.conditional_formatting.add(
        f"B{first}:B{last}", _rule("expression", rule, styles.dxf(COMMITMENT_FILL))
    )
