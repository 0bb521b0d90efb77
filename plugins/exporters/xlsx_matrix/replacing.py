"""Replacing the user's matrix without losing a save made meanwhile.

Regenerating takes a moment; the desk officer may save the matrix in Excel
during it.  :func:`write_without_lost_update` notes the file's fingerprint
(SHA-256) when it reads the matrix, writes the new workbook, then reads the
fingerprint again just before handing the file over to be renamed into place.
If the file changed, the new workbook is made again from the file as it is now
(so the save is merged, not overwritten), up to :data:`ATTEMPTS` times; then it
stops with a message, leaving the user's file as they saved it.  A file that
appeared at the destination meanwhile, or became something other than a
matrix, is never replaced.

It also refuses, by name, what would make a regeneration miss the user's
values: a macro-enabled copy of the matrix (``.xlsm``) beside it, or an
output named ``.xlsm``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from jtreport.errors import FORCE_HINT, ExportError
from jtreport.formats import ExportOptions

from .merge import load_previous
from .package import fingerprint

if TYPE_CHECKING:
    from .matrix import Matrix

#: How many times the matrix is made again when the file keeps changing.
ATTEMPTS = 3
#: Macro-enabled workbook endings: a copy of the matrix saved with macros.
MACRO_SUFFIXES = (".xlsm", ".xltm")

Write = Callable[["Matrix | None", ExportOptions], None]


def check_destination(options: ExportOptions) -> None:
    """Refuse an ``.xlsm`` output, and a macro-enabled copy of the matrix
    beside the destination (jtreport would miss the values typed in it)."""
    destination = options.destination
    if destination.suffix.lower() in MACRO_SUFFIXES:
        raise ExportError(
            "jtreport writes the matrix as a workbook without macros; name it .xlsx",
            path=str(destination),
        )
    for suffix in MACRO_SUFFIXES:
        copy = destination.with_suffix(suffix)
        if copy.is_file() and _is_matrix(copy):
            raise ExportError(
                f"{copy.name} beside it is this matrix saved with macros; jtreport reads and "
                "writes only .xlsx, and will not guess which copy holds your latest values: "
                f"save {copy.name} as an Excel Workbook (.xlsx) named {destination.name}, move "
                f"{copy.name} away, then run again (or show its statuses with --status {copy})",
                path=str(destination),
            )


def write_without_lost_update(stream: BinaryIO, options: ExportOptions, write: Write) -> None:
    """Call ``write(previous, options)`` to write the workbook to ``stream``, and
    make sure the file at the destination did not change meanwhile (module doc).

    ``options.warnings`` receives the warnings of the attempt that is kept.
    """
    destination = options.destination
    current = options
    for _ in range(ATTEMPTS):
        before = fingerprint(destination)
        previous = load_previous(current)
        attempt = replace(current, warnings=[])
        if previous is None or previous.fingerprint == before:
            write(previous, attempt)
            if fingerprint(destination) == before:
                options.warnings.extend(dict.fromkeys(attempt.warnings))
                return
        current = _again(options, destination)
        stream.seek(0)
        stream.truncate()
    raise ExportError(
        f"was saved again while jtreport was regenerating it ({ATTEMPTS} times); it is left "
        "as you saved it: close it in your spreadsheet program (or let the save finish), "
        "then run again",
        path=str(destination),
    )


def _again(options: ExportOptions, destination: Path) -> ExportOptions:
    """The options for another attempt, after the file changed (it is read
    afresh: the run's earlier reading no longer matches its fingerprint);
    refuse when it is not a matrix any more."""
    if not destination.exists():
        return replace(options, previous=None)
    if not _is_matrix(destination):
        if options.force and options.previous is not None:
            return options
        raise ExportError(
            "changed while jtreport was regenerating it and is not a jtreport matrix now; "
            f"it is left as it is {FORCE_HINT}",
            path=str(destination),
        )
    return replace(options, previous=destination)


def _is_matrix(path: Path) -> bool:
    from .reading import matrix_marker, recognised_by_layout

    return matrix_marker(path) is not None or recognised_by_layout(path)
