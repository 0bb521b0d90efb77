"""Getting positioned text lines out of a PDF with pypdf.

pypdf's "layout" extraction places every text run at its column and, asked to
space lines vertically with a small font-height unit, writes one blank line per
tenth of a font height between two text lines: so each line comes with its
indentation, its length and the vertical gap above it, all that is needed to
rebuild paragraphs (see :mod:`._pdflayout`).  Nothing a PDF points to
(links, launch actions, JavaScript, attachments) is ever opened or run.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jtreport.errors import InputError

from ._pdflayout import Line, Page

#: the vertical unit of the layout extraction, as a fraction of the font height
GAP_UNIT = 0.1
#: an AES-encrypted PDF without the package pypdf decrypts AES with (a dependency
#: of jtreport: only a broken installation lacks it)
NEEDS_CRYPTOGRAPHY = (
    "is encrypted with AES; reading it needs the 'cryptography' package, which is "
    "missing from this installation (pip install cryptography)"
)


def read_pages(data: bytes, path: str) -> tuple[list[Page], list[str]]:
    """The text lines of every page, and warnings; one-line errors for PDFs
    that cannot be read (damaged, truncated, encrypted with a password).  A page
    whose content is damaged is left out, with a warning."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    notes: list[str] = []
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader, path)
            count = len(reader.pages)
        except InputError:
            raise
        except DependencyError:
            raise InputError(NEEDS_CRYPTOGRAPHY, path=path) from None
        except Exception as exc:  # pypdf raises many kinds on broken files
            raise InputError(_damaged(exc), path=path) from None
        pages: list[Page] = []
        failed: list[int] = []
        for number in range(count):
            try:
                text, coarse = _page_text(reader.pages[number])
            except DependencyError:
                raise InputError(NEEDS_CRYPTOGRAPHY, path=path) from None
            except Exception:  # one broken page must not lose the others
                failed.append(number + 1)
                continue
            pages.append(Page(number=number + 1, lines=parse_layout(text, coarse=coarse)))
    if count and len(failed) == count:
        raise InputError(
            "is damaged: no page's text could be read (is the file truncated?)", path=path
        )
    if failed:
        numbers = ", ".join(str(n) for n in failed)
        notes.append(f"the text of page(s) {numbers} could not be read (damaged content)")
    if b"%%EOF" not in data[-2048:]:
        notes.append("the PDF has no end-of-file marker (truncated?); some text may be missing")
    return pages, notes


def _unlock(reader: Any, path: str) -> None:
    """Open an encrypted PDF with the empty user password, as viewers do."""
    if not reader.is_encrypted:
        return
    from pypdf.errors import DependencyError

    try:
        unlocked = reader.decrypt("")
    except DependencyError:
        raise InputError(NEEDS_CRYPTOGRAPHY, path=path) from None
    if not unlocked:
        raise InputError("is encrypted; jtreport cannot read it without the password", path=path)


def _page_text(page: Any) -> tuple[str, bool]:
    """The page in layout mode, and whether its gaps are coarse (whole font heights)."""
    try:
        text = page.extract_text(
            extraction_mode="layout",
            layout_mode_space_vertically=True,
            layout_mode_font_height_weight=GAP_UNIT,
        )
    except TypeError:
        # pypdf < 5.1 has no font-height weight: gaps come in whole font heights
        text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True)
        return str(text), True
    return str(text), False


def parse_layout(text: str, *, coarse: bool = False) -> list[Line]:
    """Lines (with indentation, end column and the gap above) from layout text."""
    lines: list[Line] = []
    blank = 0
    for raw in text.split("\n"):
        stripped = raw.rstrip()
        if not stripped.strip():
            blank += 1
            continue
        indent = len(stripped) - len(stripped.lstrip())
        # a gap counted in whole font heights is scaled to tenths
        gap = (blank + 1) * round(1 / GAP_UNIT) if coarse else blank + 1
        lines.append(Line(text=stripped.strip(), indent=indent, end=len(stripped), gap=gap))
        blank = 0
    if lines:
        lines[0] = Line(text=lines[0].text, indent=lines[0].indent, end=lines[0].end, gap=None)
    return lines


def _damaged(exc: Exception) -> str:
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if len(reason) > 120:
        reason = reason[:117] + "..."
    return f"is not a readable PDF (damaged or truncated: {reason})"


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs and warns about every oddity of a file; what matters reaches
    the user as one line from this reader, so silence it meanwhile."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
