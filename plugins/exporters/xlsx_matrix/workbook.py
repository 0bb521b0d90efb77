"""Assemble the matrix: Summary, one sheet per area, All items, Archived, the
user's own sheets, and the hidden marker that lets jtreport recognise it."""

from __future__ import annotations

from typing import Any, BinaryIO

from jtreport import __version__
from jtreport.errors import ExportError
from jtreport.followup import (
    ITEMS_SHEET,
    MARKER_SHEET,
    MATRIX_KIND,
    MATRIX_VERSION,
    import_openpyxl,
    is_matrix,
)
from jtreport.formats import ExportOptions
from jtreport.model import SCHEMA_VERSION, Statement
from jtreport.reproducible import naive_utc

from .cells import CellMaker
from .layout import ARCHIVED_SHEET, RESERVED_SHEETS, SUMMARY_SHEET, sheet_name
from .merge import Carried, carry_over, load_previous
from .pages import PAPER_SIZES, page_texts
from .reproducible import save_reproducibly
from .rowxml import SheetRows
from .sheets import SheetSpec, write_archive_sheet, write_data_sheet
from .styles import Styles
from .summary import write_summary


def build_matrix(statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
    """Write the matrix for ``statement`` to ``stream``, carrying over the values
    typed in ``options.previous`` (see :mod:`.merge`)."""
    import_openpyxl()  # first, so that openpyxl comes in without numpy
    from openpyxl import Workbook

    paper = _paper(options)
    previous = None
    # A file that is not a matrix is only here when the user forced its replacement.
    if options.previous is not None and is_matrix(options.previous):
        previous = load_previous(options.previous)
    carried = carry_over(statement, previous, options.followup, options.created.date())
    options.warnings.extend(carried.warnings)

    wb = Workbook()
    styles = Styles(wb)
    summary = wb.active
    summary.title = SUMMARY_SHEET
    pending: dict[str, SheetRows] = {}
    milestone_rows = write_summary(
        summary, styles, statement, options, CellMaker(summary, options.warnings)
    )
    if milestone_rows is not None:
        pending[summary.title] = milestone_rows
    area_sheets = _data_sheets(wb, styles, statement, carried, options, pending)
    if carried.archived:
        archive = wb.create_sheet(ARCHIVED_SHEET)
        pending[archive.title] = write_archive_sheet(
            archive, styles, carried.archived, CellMaker(archive, options.warnings)
        )
    _copy_user_sheets(wb, carried, styles, options.warnings)

    for ws in wb.worksheets:
        page_texts(ws, classification=options.classification, title=statement.title, paper=paper)
    _marker(wb, styles, statement, options, area_sheets)
    _properties(wb, statement, options)
    save_reproducibly(wb, stream, options.created, pending)
    # a cut cell is reported once, though it shows on its area sheet and All items
    options.warnings[:] = list(dict.fromkeys(options.warnings))


def _data_sheets(
    wb: Any,
    styles: Styles,
    statement: Statement,
    carried: Carried,
    options: ExportOptions,
    pending: dict[str, SheetRows],
) -> list[str]:
    """One sheet per area, then All items; returns the area sheets' names."""
    taken = set(RESERVED_SHEETS) | {s.name for s in carried.other_sheets if not s.own}
    area_sheets: list[str] = []
    for number, area in enumerate(statement.areas, 1):
        items = statement.items_in(area.id)
        ws = wb.create_sheet(sheet_name(area.heading, taken))
        area_sheets.append(ws.title)
        commitments = sum(1 for i in items if i.is_commitment)
        subtitle = _subtitle(area.description, len(items), commitments)
        spec = SheetSpec(
            title=area.heading,
            subtitle=subtitle,
            items=items,
            table_name=f"Area{number}",
            extra_columns=carried.extra_columns,
            values=carried.values,
        )
        pending[ws.title] = write_data_sheet(
            ws, styles, statement, spec, CellMaker(ws, options.warnings)
        )

    items_ws = wb.create_sheet(ITEMS_SHEET)
    n_commit = len(statement.commitments)
    spec = SheetSpec(
        title=statement.title or "Joint statement",
        subtitle=_subtitle(
            "Every item of the statement. Filter Commitment on “Yes” for the follow-up list.",
            len(statement.items),
            n_commit,
        ),
        items=statement.items,
        table_name="Items",
        extra_columns=carried.extra_columns,
        values=carried.values,
    )
    pending[items_ws.title] = write_data_sheet(
        items_ws, styles, statement, spec, CellMaker(items_ws, options.warnings)
    )

    return area_sheets


def _subtitle(description: str | None, items: int, commitments: int) -> str:
    counts = f"{items} item{'s' * (items != 1)}, {commitments} commitment{'s' * (commitments != 1)}"
    return f"{description} · {counts}" if description else counts


def _paper(options: ExportOptions) -> int:
    wanted = options.extra.get("paper", "a4").strip().lower()
    if wanted not in PAPER_SIZES:
        raise ExportError(
            f"-O paper={wanted}: unknown paper size (use one of: {', '.join(PAPER_SIZES)})",
            path=str(options.destination),
        )
    return PAPER_SIZES[wanted]


def _copy_user_sheets(wb: Any, carried: Carried, styles: Styles, warnings: list[str]) -> None:
    taken = {name.casefold() for name in wb.sheetnames}
    for other in carried.other_sheets:
        name = other.name
        if name.casefold() in taken:
            name = f"{name[:25]} (old)"
            warnings.append(
                f"sheet '{other.name}' has no ID column any more; its values were kept "
                f"on the sheet '{name}'"
            )
        taken.add(name.casefold())
        ws = wb.create_sheet(name)
        maker = CellMaker(ws, warnings)
        plain = styles["jt Value"]
        for values in other.rows:
            ws.append([maker.value(v, plain) if v is not None else None for v in values])


def _marker(
    wb: Any, styles: Styles, statement: Statement, options: ExportOptions, areas: list[str]
) -> None:
    ws = wb.create_sheet(MARKER_SHEET)
    rows: list[tuple[str, str]] = [
        (MATRIX_KIND, MATRIX_VERSION),
        ("note", "Identifies this workbook to jtreport: please keep this sheet."),
        ("generator", f"jtreport {__version__}"),
        ("schema_version", SCHEMA_VERSION),
        ("created", naive_utc(options.created).isoformat()),
        ("statement_title", statement.title),
        ("statement_date", statement.date or ""),
        ("statement_sha256", statement.source.sha256 if statement.source else ""),
        ("sheet.summary", SUMMARY_SHEET),
        *(("sheet.area", name) for name in areas),
        ("sheet.items", ITEMS_SHEET),
    ]
    maker = CellMaker(ws)
    for key, value in rows:
        ws.append([maker.text(key, styles["jt Hidden"]), maker.text(value, styles["jt Hidden"])])
    ws.sheet_state = "veryHidden"


def _properties(wb: Any, statement: Statement, options: ExportOptions) -> None:
    props = wb.properties
    parties = ", ".join(p.short_name or p.name for p in statement.parties)
    props.title = statement.title or "Implementation matrix"
    props.subject = "Implementation matrix" + (f": {parties}" if parties else "")
    props.keywords = ", ".join(
        ["joint statement", "implementation matrix", "follow-up"]
        + [p.name for p in statement.parties]
    )
    props.description = (
        "One row per statement item with the ministry's lead agency, status and next step. "
        "Regenerate with jtreport --format xlsx: typed values are kept."
    )
    props.category = options.classification
    props.creator = options.author or "jtreport"
    props.lastModifiedBy = options.author or "jtreport"
    props.created = props.modified = naive_utc(options.created)
    props.language = options.language
