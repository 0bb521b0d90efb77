"""How much room a cell's text takes: Arial's letter widths, word wrapping as
spreadsheets do it, and the row heights that hold the wrapped lines.

Rows are given their height in the file (LibreOffice keeps a stored height, and
the page breaks are worked out from the heights), so the lines a text wraps to
are worked out here, from the font's metrics rather than a count of characters.
The matrix is set in Arial (:data:`.styles.FONT`), whose letters have the
widths of Helvetica's (and of Liberation Sans, its twin on Linux): the table
below is Helvetica's, in thousandths of the type size.

The estimate is made for Excel, the desk's program, and kept on the safe side:
Excel makes a column of width ``w`` ``7 * w`` pixels wide (at 96 pixels an inch)
and keeps a few pixels of margin; LibreOffice makes the same column about 6 %
wider, so its lines hold a few more words and some rows show a little room
below their text there.  A line is Excel's row height for Arial 10 (12.75 pt,
17 pixels): its wrapped rows are that many lines tall.
"""

from __future__ import annotations

import unicodedata

#: Widths of the printable ASCII letters (space to ``~``), thousandths of an em.
_ASCII = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_WIDTHS: dict[str, int] = {chr(32 + n): w for n, w in enumerate(_ASCII)}
_WIDTHS.update(
    {"‘": 222, "’": 222, "‚": 222, "“": 333, "”": 333, "„": 333, "–": 556, "—": 1000,
     "…": 1000, "·": 278, "•": 350, "«": 556, "»": 556, "°": 400, "\u00a0": 278}
)  # fmt: skip
#: Any other letter is given the width of a digit, or of an em when it is wide
#: (CJK ideographs, full-width forms); bold letters are taken a tenth wider.
_OTHER = 556
_WIDE = 1000
_BOLD = 1.1

#: Pixels a column of width 1 takes (Arial 10's digit), points a pixel.
PIXELS_PER_CHAR = 7
POINTS_PER_PIXEL = 0.75
#: Pixels of a column no text goes in (the margins on each side).
CELL_MARGIN_PIXELS = 5
#: Room kept free on each line, for printers and screens that set letters a
#: little wider than their metrics.
WIDTH_SAFETY = 0.97

#: Points per line of 10 pt Arial (Excel's row height for one line: its rows of
#: wrapped text are a whole number of these), padding, and Excel's tallest row.
LINE_HEIGHT = 12.75
ROW_PADDING = 0.0
MAX_ROW_HEIGHT = 409.0

_word_widths: dict[str, float] = {}


def column_pixels(width: float) -> int:
    """The width in pixels of a column ``width`` characters wide (Excel's)."""
    return int(width * PIXELS_PER_CHAR + 0.5)


def room(*widths: float) -> float:
    """The points a line of text may take in a cell spanning columns of these
    widths (characters): a merged cell spans several."""
    pixels = sum(column_pixels(w) for w in widths) - CELL_MARGIN_PIXELS
    return max(1.0, pixels * POINTS_PER_PIXEL * WIDTH_SAFETY)


def chars_for(points: float) -> float:
    """The column width (characters, to a half) whose line holds ``points``."""
    pixels = points / (POINTS_PER_PIXEL * WIDTH_SAFETY) + CELL_MARGIN_PIXELS
    return -(-pixels * 2 // PIXELS_PER_CHAR) / 2


def width_for(text: str, lines: int, least: float, most: float) -> float:
    """The narrowest column width from ``least`` to ``most`` (whole characters
    above ``least``) in which ``text`` takes at most ``lines`` lines; ``most``
    when none is wide enough."""
    if lines_in(text, least) <= lines:
        return least
    low, high = int(least) + 1, int(most)
    if high < low or lines_in(text, high) > lines:
        return most
    while low < high:  # fewer lines in a wider column: search for the first that fits
        middle = (low + high) // 2
        if lines_in(text, middle) <= lines:
            high = middle
        else:
            low = middle + 1
    return float(low)


def _letter(char: str) -> int:
    width = _WIDTHS.get(char)
    if width is None:
        width = _WIDE if unicodedata.east_asian_width(char) in "WF" else _OTHER
    return width


def word_width(word: str) -> float:
    """The width of ``word`` at 1 pt, in points (words are remembered: a
    statement uses the same ones again and again)."""
    width = _word_widths.get(word)
    if width is None:
        width = sum(map(_letter, word)) / 1000
        if len(_word_widths) < 200_000:
            _word_widths[word] = width
    return width


def text_width(text: str, size: float = 10.0, *, bold: bool = False) -> float:
    """The width of one line of ``text`` set at ``size`` points, in points."""
    space = _WIDTHS[" "] / 1000
    words = text.split(" ")
    total = sum(map(word_width, words)) + space * (len(words) - 1)
    return total * size * (_BOLD if bold else 1.0)


def wrapped_lines(text: str, line: float, size: float = 10.0, *, bold: bool = False) -> int:
    """How many lines ``text`` takes in a cell whose lines hold ``line`` points
    (see :func:`room`), wrapped at spaces as spreadsheets wrap it; a word
    longer than a line is broken inside.  Each line break in ``text`` starts a
    line."""
    scale = size * (_BOLD if bold else 1.0)
    if len(text) * scale * 1.015 <= line and "\n" not in text:
        return 1  # no letter is wider than 1.015 em
    room_em = line / scale
    space = _WIDTHS[" "] / 1000
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = -1.0  # nothing on the line yet
        for word in paragraph.split(" "):
            width = word_width(word)
            if used < 0:
                used = width
            elif used + space + width <= room_em:
                used += space + width
            else:
                lines += 1
                used = width
            while used > room_em:  # a word longer than a line breaks anywhere
                lines += 1
                used -= room_em
    return max(1, lines)


def lines_in(text: str, *widths: float, size: float = 10.0, bold: bool = False) -> int:
    """How many lines ``text`` takes in a cell spanning columns of ``widths``."""
    return wrapped_lines(text, room(*widths), size, bold=bold)


def height_of(lines: int, line_height: float = LINE_HEIGHT) -> float:
    """The height (points) of a row holding ``lines`` lines of text, in whole
    pixels (as Excel keeps it), at most Excel's tallest row."""
    points = lines * line_height + ROW_PADDING
    return min(MAX_ROW_HEIGHT, -(-points // POINTS_PER_PIXEL) * POINTS_PER_PIXEL)


def row_height(cells: list[tuple[str, float]]) -> float:
    """The height (points) of a row holding these (text, column width) cells."""
    lines = max((lines_in(text, width) for text, width in cells if text), default=1)
    return height_of(lines)
