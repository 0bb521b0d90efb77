"""Assemble the matrix: Summary, All items (where values are typed), one sheet
per area (showing them), Lists, Archived, the user's own sheets, and the hidden
marker that lets jtreport recognise it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from jtreport import __version__
from jtreport.digest import actors_label, loose_label
from jtreport.errors import ExportError
from jtreport.followup import apply_corrections
from jtreport.formats import ExportOptions
from jtreport.model import SCHEMA_VERSION, Item, Statement
from jtreport.reproducible import naive_utc

from .cells import CellMaker, clean_text
from .layout import (
    ARCHIVED_SHEET,
    CORRECTABLE_COLUMNS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    ITEMS_SHEET,
    LISTS_SHEET,
    MEETING,
    RESERVED_SHEETS,
    SUMMARY_SHEET,
    TEXT_COLUMN,
    TITLE_ROWS,
    sheet_name,
)
from .lists import LIST_HEADERS, LIST_WIDTH, kept_rows, starting_lists, write_lists_sheet
from .marker import ITEM_KEY, MARKER_SHEET, MATRIX_KIND, MATRIX_VERSION, SETTING_PREFIX
from .merge import Carried, carry_over
from .names import define_names
from .openpyxl_loader import import_openpyxl
from .pages import (
    MIN_SCALE,
    PAPER_SIZES,
    PRINT_CHOICES,
    PRINT_SCALE,
    PrintPlan,
    columns_at,
    page_texts,
    plan_pages,
    print_setup,
    text_width,
)
from .records import followup_of
from .replacing import check_destination, write_without_lost_update
from .reproducible import save_reproducibly
from .rowxml import SheetRows
from .sheets import (
    SPARE_ROWS,
    ItemsSpec,
    Rendered,
    items_columns,
    write_archive_sheet,
    write_area_sheet,
    write_items_sheet,
)
from .styles import Styles
from .summary import DUE_SOON, write_summary
from .summaryrows import WIDTHS as SUMMARY_WIDTHS
from .titles import short_title

if TYPE_CHECKING:
    from .matrix import Matrix

#: The rows printed at the top of every page, where not the data sheets' header.
_TITLE_ROWS: dict[str, str | None] = {SUMMARY_SHEET: None, LISTS_SHEET: "1:1"}


@dataclass(frozen=True)
class Printing:
    """The ``-O`` print settings: the paper, and which columns "All items" prints."""

    paper: int
    all_columns: bool
    #: the width of the Text column where the meeting's columns print
    text_width: float


def build_matrix(statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
    """Write the matrix for ``statement`` to ``stream``, carrying over the values
    typed in ``options.previous`` (see :mod:`.merge`), and never losing a save
    made meanwhile (see :mod:`.replacing`)."""
    import_openpyxl()  # first, so that openpyxl comes in without numpy

    printing = _printing(options)
    check_destination(options)

    def write(previous: Matrix | None, attempt: ExportOptions) -> None:
        _write(statement, stream, attempt, previous, printing)

    write_without_lost_update(stream, options, write)


def corrected(statement: Statement, values: Mapping[str, Mapping[str, Any]]) -> Statement:
    """``statement`` with the corrections typed in the matrix applied."""
    records = {
        item_id: followup_of(item_id, typed)
        for item_id, typed in values.items()
        if any(column in typed for column in CORRECTABLE_COLUMNS)
    }
    return apply_corrections(statement, records) if records else statement


def _write(
    statement: Statement,
    stream: BinaryIO,
    options: ExportOptions,
    previous: Matrix | None,
    printing: Printing,
) -> None:
    from openpyxl import Workbook

    carried = carry_over(statement, previous, options.followup, options.created.date())
    statement = corrected(statement, carried.values)
    options.warnings.extend(carried.warnings)
    _warn_text_dates(carried, options.warnings)

    wb = Workbook()
    styles = Styles(wb)
    pending: dict[str, SheetRows] = {}
    plans: dict[str, tuple[PrintPlan, str | None]] = {}

    summary = wb.active
    summary.title = SUMMARY_SHEET
    layout = write_summary(
        summary,
        styles,
        statement,
        options,
        CellMaker(summary, options.warnings),
        carried.values,
        carried.due_soon if carried.due_soon is not None else DUE_SOON,
    )
    if layout.tail is not None:
        pending[summary.title] = layout.tail
    plans[summary.title] = (
        plan_pages(
            paper=printing.paper,
            widths=SUMMARY_WIDTHS,
            heights=layout.heights,
            first_row=1,
            breakable=frozenset(layout.breakable),
            most=PRINT_SCALE,
        ),
        None,
    )

    items_ws = wb.create_sheet(ITEMS_SHEET)
    columns = items_columns(carried.extra_columns)
    items = write_items_sheet(
        items_ws,
        styles,
        statement,
        ItemsSpec(
            title=statement.title or "Joint statement",
            subtitle=_subtitle(
                "Every item of the statement: type the follow-up here (the area sheets show "
                "it). Filter Commitment on “Yes” for the follow-up list",
                len(statement.items),
                len(statement.commitments),
            ),
            items=statement.items,
            extra_columns=carried.extra_columns,
            values=carried.values,
            printed=len(columns) if printing.all_columns else len(MEETING),
            text_width=None if printing.all_columns else printing.text_width,
        ),
        CellMaker(items_ws, options.warnings),
    )
    pending[items_ws.title] = items.rows
    printed = len(columns) if printing.all_columns else len(MEETING)
    plans[items_ws.title] = _plan(items_ws, items, printing.paper, printed)

    area_sheets = _area_sheets(wb, styles, statement, carried, options, pending, plans, printing)

    lists_ws = wb.create_sheet(LISTS_SHEET)
    rows = kept_rows(carried.lists) or starting_lists(statement, carried.values)
    heights = write_lists_sheet(lists_ws, styles, rows, CellMaker(lists_ws, options.warnings))
    plans[lists_ws.title] = (
        plan_pages(
            paper=printing.paper,
            widths=[LIST_WIDTH] * max((len(r) for r in rows), default=len(LIST_HEADERS)),
            heights=heights[1:],
            first_row=2,
            header=heights[0],
        ),
        None,
    )

    if carried.archived:
        archive = wb.create_sheet(ARCHIVED_SHEET)
        rendered = write_archive_sheet(
            archive, styles, carried.archived, CellMaker(archive, options.warnings)
        )
        pending[archive.title] = rendered.rows
        # every column prints, legibly: those that do not fit across the first
        # page follow on the pages to its right, each with the ID column
        fitting = columns_at(printing.paper, rendered.widths, MIN_SCALE)
        plans[archive.title] = (_plan(archive, rendered, printing.paper, fitting)[0], None)
        archive.print_title_cols = "A:A"
    _copy_user_sheets(wb, carried, styles, options.warnings)

    define_names(
        wb,
        items_sheet=ITEMS_SHEET,
        columns=columns,
        first_row=FIRST_DATA_ROW,
        last_row=max(FIRST_DATA_ROW, items.rows.last_row) + SPARE_ROWS,
        as_of_cell=(SUMMARY_SHEET, layout.as_of),
        soon_cell=(SUMMARY_SHEET, layout.due_soon),
        lists_sheet=LISTS_SHEET,
    )
    headings = {name: heading for name, heading in area_sheets}
    header_title = short_title(statement)
    for ws in wb.worksheets:
        plan = plans.get(ws.title)
        if plan is not None:
            print_setup(
                ws,
                plan[0],
                paper=printing.paper,
                title_rows=_TITLE_ROWS.get(ws.title, f"{HEADER_ROW}:{HEADER_ROW}"),
                print_area=plan[1],
            )
        else:
            ws.page_setup.paperSize = printing.paper
            ws.page_setup.orientation = "landscape"
        page_texts(
            ws,
            classification=options.classification,
            title=header_title,
            name=headings.get(ws.title, ws.title),
        )
    pending[MARKER_SHEET] = _marker(
        wb, styles, statement, options, [n for n, _ in area_sheets], due_soon=layout.due_soon
    )
    _properties(wb, statement, options)
    wb.calculation.fullCalcOnLoad = True
    save_reproducibly(wb, stream, options.created, pending, cached={SUMMARY_SHEET: layout.cached})


def _plan(ws: Any, rendered: Rendered, paper: int, printed: int) -> tuple[PrintPlan, str | None]:
    """The page plan of a data sheet printing its first ``printed`` columns."""
    from openpyxl.utils import get_column_letter

    top = [ws.row_dimensions[n].height or 15.0 for n in range(1, TITLE_ROWS + 1)]
    plan = plan_pages(
        paper=paper,
        widths=rendered.widths[:printed],
        heights=rendered.heights,
        first_row=FIRST_DATA_ROW,
        top=top,
        header=ws.row_dimensions[HEADER_ROW].height or 30.0,
    )
    last = max(HEADER_ROW, rendered.rows.last_row)
    area = None if printed >= len(rendered.widths) else f"A1:{get_column_letter(printed)}{last}"
    return plan, area


def _area_sheets(
    wb: Any,
    styles: Styles,
    statement: Statement,
    carried: Carried,
    options: ExportOptions,
    pending: dict[str, SheetRows],
    plans: dict[str, tuple[PrintPlan, str | None]],
    printing: Printing,
) -> list[tuple[str, str]]:
    """One sheet per area, and one for the items outside any area (the preamble);
    returns each sheet's name and the area's whole heading."""
    taken = set(RESERVED_SHEETS) | {s.name for s in carried.other_sheets if not s.own}
    made: list[tuple[str, str]] = []
    for number, (area, items) in enumerate(statement.sections(), 1):
        if not items:
            continue
        heading = area.heading if area else loose_label(statement)
        ws = wb.create_sheet(sheet_name(heading, taken))
        made.append((ws.title, heading))
        commitments = sum(1 for i in items if i.is_commitment)
        description = area.description if area else None
        subtitle = _subtitle(description, len(items), commitments)
        subtitle += ". The follow-up columns show what is typed on the All items sheet"
        rendered = write_area_sheet(
            ws,
            styles,
            heading,
            subtitle,
            items,
            carried.values,
            f"Area{number}",
            CellMaker(ws, options.warnings),
            printing.text_width,
        )
        pending[ws.title] = rendered.rows
        plans[ws.title] = _plan(ws, rendered, printing.paper, len(MEETING))
    return made


def _subtitle(description: str | None, items: int, commitments: int) -> str:
    counts = f"{items} item{'s' * (items != 1)}, {commitments} commitment{'s' * (commitments != 1)}"
    return f"{description} · {counts}" if description else counts


def _printing(options: ExportOptions) -> Printing:
    paper = options.extra.get("paper", "a4").strip().lower()
    if paper not in PAPER_SIZES:
        raise ExportError(
            f"-O paper={paper}: unknown paper size (use one of: {', '.join(PAPER_SIZES)})",
            path=str(options.destination),
        )
    columns = options.extra.get("print", "meeting").strip().lower()
    if columns not in PRINT_CHOICES:
        raise ExportError(
            f"-O print={columns}: unknown choice (use one of: {', '.join(PRINT_CHOICES)})",
            path=str(options.destination),
        )
    others = [c.width for c in MEETING if c.header != TEXT_COLUMN]
    return Printing(
        paper=PAPER_SIZES[paper],
        all_columns=columns == "all",
        text_width=text_width(PAPER_SIZES[paper], others),
    )


def _warn_text_dates(carried: Carried, warnings: list[str]) -> None:
    """Say which due dates are text: they cannot be sorted or flagged overdue."""
    from datetime import date

    from .cells import Formula

    texts = [
        item_id
        for item_id, values in carried.values.items()
        if values.get("Due date") is not None and not isinstance(values["Due date"], date | Formula)
    ]
    if texts:
        shown = ", ".join(texts[:10]) + (f" and {len(texts) - 10} more" if len(texts) > 10 else "")
        warnings.append(
            f"the due date of item(s) {shown} is text, not a date: kept as typed, but it "
            "cannot be sorted or flagged overdue (type a date to fix it)"
        )


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
    wb: Any,
    styles: Styles,
    statement: Statement,
    options: ExportOptions,
    areas: list[str],
    *,
    due_soon: str,
) -> SheetRows:
    """The hidden marker sheet (see :mod:`.marker`); its rows are returned, to be
    put into the saved file (a long statement has thousands of item rows)."""
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(MARKER_SHEET)
    rows: list[tuple[str, ...]] = [
        (MATRIX_KIND, MATRIX_VERSION),
        ("note", "Identifies this workbook to jtreport: please keep this sheet."),
        ("generator", f"jtreport {__version__}"),
        ("schema_version", SCHEMA_VERSION),
        ("created", naive_utc(options.created).isoformat()),
        ("as_of", options.as_of.isoformat()),
        ("statement_title", statement.title),
        ("statement_date", statement.date or ""),
        ("statement_sha256", statement.source.sha256 if statement.source else ""),
        ("sheet.summary", SUMMARY_SHEET),
        ("sheet.items", ITEMS_SHEET),
        *(("sheet.area", name) for name in areas),
        ("sheet.lists", LISTS_SHEET),
        (f"{SETTING_PREFIX}due_soon", due_soon),
        *(_written(statement, item) for item in statement.items),
    ]
    width = max(len(r) for r in rows)
    out = SheetRows(1, [get_column_letter(i) for i in range(1, width + 1)])
    hidden = styles.id("jt Hidden")
    for values in rows:
        out.add([(clean_text(v)[0] if v else None, hidden) for v in values])
    ws.sheet_state = "veryHidden"
    return out


def _written(statement: Statement, item: Item) -> tuple[str, ...]:
    """The marker row recording what an item's correctable cells say."""
    return (
        ITEM_KEY,
        item.id,
        item.category.capitalize(),
        "Yes" if item.is_commitment else "No",
        actors_label(statement, item),
        ",".join(item.corrected),
    )


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
