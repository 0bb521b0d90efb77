"""The workbook's defined names: how the formulas of the area sheets, the
Summary, the drop-downs and the colours find the columns of "All items", the
as-of date and the agency lists, whatever the user later sorts, inserts or
renames (Excel and LibreOffice move a name with what it names).

Every name starts with :data:`.layout.OWN_NAME_PREFIX`, which is also how a
formula of jtreport's is told from one the user typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from .layout import OWN_NAME_PREFIX, Column

#: The as-of date on the Summary: overdue and due soon are judged against it.
AS_OF = f"{OWN_NAME_PREFIX}as_of"
#: How many days ahead counts as "due soon" (a cell on the Summary).
DUE_SOON_DAYS = f"{OWN_NAME_PREFIX}due_soon_days"

AgencyKind = Literal["lead", "counterpart"]


def column_name(header: str) -> str:
    """The name of a column of "All items": ``Lead agency`` -> ``jt_lead_agency``."""
    return OWN_NAME_PREFIX + re.sub(r"\W+", "_", header.casefold()).strip("_")


def agency_list(kind: AgencyKind) -> str:
    """The name of an agency list on the Lists sheet."""
    return f"{OWN_NAME_PREFIX}{kind}_agencies"


def quoted(sheet: str) -> str:
    """A sheet name as formulas write it: ``'All items'``."""
    return "'" + sheet.replace("'", "''") + "'"


def define_names(
    wb: Any,
    *,
    items_sheet: str,
    columns: Sequence[Column],
    first_row: int,
    last_row: int,
    as_of_cell: tuple[str, str],
    soon_cell: tuple[str, str],
    lists_sheet: str,
) -> None:
    """Define every name: one per column of "All items" over its data rows
    (``first_row`` to ``last_row``), the Summary's as-of and due-soon cells
    (sheet, ``$B$9``), and the agency lists (each as long as the column
    holds names, so that names the ministry adds are offered)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName

    def define(name: str, text: str) -> None:
        wb.defined_names[name] = DefinedName(name, attr_text=text)

    sheet = quoted(items_sheet)
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        define(column_name(column.header), f"{sheet}!${letter}${first_row}:${letter}${last_row}")
    define(AS_OF, f"{quoted(as_of_cell[0])}!{as_of_cell[1]}")
    define(DUE_SOON_DAYS, f"{quoted(soon_cell[0])}!{soon_cell[1]}")
    lists = quoted(lists_sheet)
    kinds: tuple[tuple[str, AgencyKind], ...] = (("A", "lead"), ("B", "counterpart"))
    for letter, kind in kinds:
        define(
            agency_list(kind),
            f"OFFSET({lists}!${letter}$2,0,0,MAX(1,COUNTA({lists}!${letter}:${letter})-1),1)",
        )
