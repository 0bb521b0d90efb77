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
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from jtreport.errors import InputError

from ._pdflayout import Line, LineBox, LineStyle, Page

#: the vertical unit of the layout extraction, as a fraction of the font height
GAP_UNIT = 0.1
#: a PDF of more pages is refused (a statement has dozens; the benchmark's
#: 100-fold statement a few hundred)
MAX_PAGES = 3000
#: extraction stops with an error past this many characters (layout text is
#: padded with spaces, hence more than the parser's limit on text)
MAX_LAYOUT_CHARS = 40_000_000
#: an AES-encrypted PDF without the package pypdf decrypts AES with (a dependency
#: of jtreport: only a broken installation lacks it)
NEEDS_CRYPTOGRAPHY = (
    "is encrypted with AES; reading it needs the 'cryptography' package, which is "
    "missing from this installation (pip install cryptography)"
)


@dataclass(frozen=True)
class Extracted:
    """What a PDF holds: its pages' lines, what went wrong, and its title."""

    pages: list[Page]
    notes: list[str]
    #: the title in the document information (a hint, like a Word file's)
    title: str | None = None


def read_pages(data: bytes, path: str) -> Extracted:
    """The text lines of every page, warnings and the document's title;
    one-line errors for PDFs that cannot be read (damaged, truncated,
    encrypted with a password).  A page whose content is damaged is left out,
    with a warning."""
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
        if count > MAX_PAGES:
            raise InputError(
                f"has {count:,} pages; jtreport reads statements of at most {MAX_PAGES:,} pages",
                path=path,
            )
        pages: list[Page] = []
        failed: list[int] = []
        extracted = 0
        for number in range(count):
            try:
                page = reader.pages[number]
                text, coarse = _page_text(page)
                fonts = line_fonts(page)
            except DependencyError:
                raise InputError(NEEDS_CRYPTOGRAPHY, path=path) from None
            except Exception:  # one broken page must not lose the others
                failed.append(number + 1)
                continue
            extracted += len(text)
            if extracted > MAX_LAYOUT_CHARS:
                raise InputError(
                    "holds far more text than a statement (more than "
                    f"{MAX_LAYOUT_CHARS // 1_000_000} million characters laid out); "
                    "refusing to read it",
                    path=path,
                )
            lines = parse_layout(text, coarse=coarse)
            pages.append(Page(number=number + 1, lines=with_styles(lines, fonts)))
    if count and len(failed) == count:
        raise InputError(
            "is damaged: no page's text could be read (is the file truncated?)", path=path
        )
    if failed:
        numbers = ", ".join(str(n) for n in failed)
        notes.append(f"the text of page(s) {numbers} could not be read (damaged content)")
    if b"%%EOF" not in data[-2048:]:
        notes.append("the PDF has no end-of-file marker (truncated?); some text may be missing")
    return Extracted(pages, notes, _title(reader))


def _title(reader: Any) -> str | None:
    """The title in the document information, if any (a damaged one is ignored)."""
    with _quiet_pypdf():
        try:
            info = reader.metadata
            title = info.title if info is not None else None
        except Exception:  # a hint only: never a reason to fail
            return None
    text = " ".join(str(title).split()) if title else ""
    return text[:500] or None


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


_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold|-demi|,demi", re.IGNORECASE)
_ITALIC_FONT = re.compile(r"italic|oblique|slanted|kursiv", re.IGNORECASE)
_NO_SPACE = re.compile(r"\s+")
#: a line is bold (italic) when this share of its characters is
STYLE_SHARE = 0.9


@dataclass
class _OpenLine:
    """What the font pass has gathered of the line it is in."""

    text: list[str] = field(default_factory=list)
    chars: int = 0
    bold: int = 0
    italic: int = 0
    size: float = 0.0
    #: the line's text runs: where each starts (points) and how wide its text is
    runs: list[tuple[float, str, Callable[[str], float]]] = field(default_factory=list)
    #: a run whose position is unknown (it began in another line's run)
    unplaced: bool = False
    #: how high up the page the line is (points; None: unknown)
    height: float | None = None


@dataclass(frozen=True)
class SetLine:
    """How one text line is set (its font) and where it lies across the page."""

    style: LineStyle
    box: LineBox | None
    #: how high up the page the line is (points; None: unknown)
    height: float | None = None


def line_fonts(page: Any) -> dict[str, list[SetLine]]:
    """How each text line of ``page`` is set and where it lies across the
    page, keyed by its text without spaces; a text the page holds more than
    once (a title's last word, then a heading of that word) has one entry per
    line, top to bottom.

    pypdf's layout extraction says where text is but not in which font; its
    plain extraction hands every run of text to a visitor with its font and
    position, so one more pass collects, line by line, how many characters are
    bold or italic, the largest size, and (from the font's widths) where the
    line starts and ends and how wide its first and last words are.
    """
    fonts: dict[str, list[SetLine]] = {}
    widths = _FontWidths()
    current = _OpenLine()

    def visit(run: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        nonlocal current
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        bold = bool(_BOLD_FONT.search(name))
        italic = bool(_ITALIC_FONT.search(name))
        scale = _scale(cm, tm)
        width = widths.of(font, float(size or 0) * _horizontal_scale(cm, tm))
        start = _x_position(cm, tm)
        height = _height(cm, tm)
        for piece_index, piece in enumerate(run.split("\n")):
            if piece_index:
                _close_line(fonts, current)
                current = _OpenLine()
            chars = len(_NO_SPACE.sub("", piece))
            if chars:
                current.text.append(piece)
                current.chars += chars
                current.bold += chars if bold else 0
                current.italic += chars if italic else 0
                current.size = max(current.size, float(size or 0) * scale)
                if not piece_index and current.height is None:
                    current.height = height
                if piece_index or width is None or start is None:
                    current.unplaced = True
                else:
                    current.runs.append((start, piece, width))

    page.extract_text(visitor_text=visit)
    _close_line(fonts, current)
    return {key: _top_down(found) for key, found in fonts.items()}


def _top_down(found: list[SetLine]) -> list[SetLine]:
    """The lines of one text in the order the layout pass lists them, top to
    bottom (the order they were drawn in when a height is unknown)."""
    heights = [line.height for line in found]
    if len(found) < 2 or None in heights:
        return found
    return sorted(found, key=lambda line: -(line.height or 0.0))


class _FontWidths:
    """Text widths in points, from a PDF font's own widths (one parse per font)."""

    def __init__(self) -> None:
        self._fonts: dict[int, Any] = {}

    def of(self, font: Any, size: float) -> Callable[[str], float] | None:
        """A function giving the width of a text set in ``font`` at ``size``
        (None when the font's widths cannot be read)."""
        if not isinstance(font, dict) or size <= 0:
            return None
        key = id(font)
        if key not in self._fonts:
            self._fonts[key] = _width_function(font)
        measure = self._fonts[key]
        if measure is None:
            return None
        return lambda text: measure(text) * size / 1000


def _width_function(font: Any) -> Callable[[str], float] | None:
    """The width (in thousandths of the font size) of a text, from pypdf's
    reading of the font's widths; None when this pypdf cannot tell."""
    try:
        from pypdf._text_extraction._layout_mode import Font

        parsed = Font.from_font_resource(font)
    except Exception:  # an unreadable font, or a pypdf without this reader
        return None
    measure = getattr(parsed, "get_text_width", None) or getattr(parsed, "word_width", None)
    if measure is None or not getattr(parsed, "interpretable", True):
        return None
    return lambda text: float(measure(text))


def _scale(cm: Any, tm: Any) -> float:
    try:
        return abs(float(tm[3]) * float(cm[3])) or 1.0
    except (TypeError, ValueError, IndexError):
        return 1.0


def _horizontal_scale(cm: Any, tm: Any) -> float:
    try:
        return abs(float(tm[0]) * float(cm[0])) or 1.0
    except (TypeError, ValueError, IndexError):
        return 1.0


def _x_position(cm: Any, tm: Any) -> float | None:
    """Where a run starts across the page (text matrix, then page matrix)."""
    try:
        x, y = float(tm[4]), float(tm[5])
        return x * float(cm[0]) + y * float(cm[2]) + float(cm[4])
    except (TypeError, ValueError, IndexError):
        return None


def _height(cm: Any, tm: Any) -> float | None:
    """How high up the page a run is: its vertical position, turned round
    when the text is set upside down (as pypdf's layout orders lines)."""
    try:
        x, y = float(tm[4]), float(tm[5])
        vertical = x * float(cm[1]) + y * float(cm[3]) + float(cm[5])
        flipped = float(tm[3]) * float(cm[3]) < 0
    except (TypeError, ValueError, IndexError):
        return None
    return -vertical if flipped else vertical


def _close_line(fonts: dict[str, list[SetLine]], line: _OpenLine) -> None:
    key = _NO_SPACE.sub("", "".join(line.text))
    if not key or not line.chars:
        return
    style = LineStyle(
        bold=line.bold >= line.chars * STYLE_SHARE,
        italic=line.italic >= line.chars * STYLE_SHARE,
        size=round(line.size, 1),
    )
    box = None if line.unplaced else _box(line.runs)
    fonts.setdefault(key, []).append(SetLine(style, box, line.height))


def _box(runs: list[tuple[float, str, Callable[[str], float]]]) -> LineBox | None:
    """Where the runs of one line lie, and the widths of its edge words."""
    placed = sorted((start, text, width) for start, text, width in runs if text.strip())
    if not placed:
        return None
    first_start, first_text, first_width = placed[0]
    last_start, last_text, last_width = max(placed, key=lambda run: run[0] + run[2](run[1]))
    leading = first_text[: len(first_text) - len(first_text.lstrip())]
    trimmed = last_text.rstrip()
    return LineBox(
        left=first_start + first_width(leading),
        right=last_start + last_width(trimmed),
        first_word=first_width(first_text.split()[0]),
        last_word=last_width(trimmed.split()[-1]),
        space=last_width(" "),
    )


def with_styles(lines: list[Line], fonts: Mapping[str, Sequence[SetLine]]) -> list[Line]:
    """``lines`` with the style and the box the font pass found for each
    (None for a line it cannot tell).  Lines are matched by their text; the
    n-th line of a text that recurs takes the n-th line the font pass found of
    it, never the first one's font for all (a heading "Climate" is not set
    like a title whose last line is "Climate")."""
    if not fonts:
        return lines
    seen: Counter[str] = Counter()
    out = []
    for line in lines:
        key = _NO_SPACE.sub("", line.text)
        found = fonts.get(key)
        if not found:
            out.append(replace(line, style=None, box=None))
            continue
        # more such lines than the font pass saw: the last one it saw is nearest
        match = found[min(seen[key], len(found) - 1)]
        seen[key] += 1
        out.append(replace(line, style=match.style, box=match.box))
    return out


def parse_layout(text: str, *, coarse: bool = False) -> list[Line]:
    """Lines (with indentation, end column and the gap above) from layout text."""
    lines: list[Line] = []
    blank = 0
    depth = 0
    for raw in text.split("\n"):
        stripped = raw.rstrip()
        if not stripped.strip():
            blank += 1
            continue
        indent = len(stripped) - len(stripped.lstrip())
        # a gap counted in whole font heights is scaled to tenths
        gap = (blank + 1) * round(1 / GAP_UNIT) if coarse else blank + 1
        depth += gap if lines else 0
        lines.append(
            Line(text=stripped.strip(), indent=indent, end=len(stripped), gap=gap, depth=depth)
        )
        blank = 0
    if lines:
        lines[0] = replace(lines[0], gap=None)
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
