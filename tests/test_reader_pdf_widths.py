"""The PDF reader measures lines with the PDF's own font widths: whether the
next word would have fitted decides where a paragraph ends (also at a page
break), and a token too long for a line (a web address) cut at the margin is
joined again without a space."""

from __future__ import annotations

import io

from jtreport.plugins.readers._pdflayout import (
    Geometry,
    Line,
    LineBox,
    Page,
    build_paragraphs,
    pages_to_blocks,
)
from jtreport.plugins.readers._pdfpages import read_pages

MARGIN = 300.0


def line(text: str, right: float, *, gap: int | None = 10, first: float = 20.0) -> Line:
    """A body line from x=0 to ``right`` whose first word is ``first`` points wide."""
    box = LineBox(left=0.0, right=right, first_word=first, last_word=30.0, space=3.0)
    return Line(text=text, indent=0, end=len(text), gap=gap, box=box)


def spaced_geometry(**changes: float | None) -> Geometry:
    values: dict[str, float | None] = {"margin": MARGIN, "measure_width": MARGIN}
    values.update(changes)
    return Geometry(right=60, line_gap=10, spaced=True, **values)  # type: ignore[arg-type]


def test_a_next_word_that_fits_ends_the_line_on_purpose() -> None:
    geometry = spaced_geometry()
    assert geometry.next_word_fits(line("ends a sentence.", 250), line("Next", 0, first=40))
    assert not geometry.next_word_fits(line("goes on and", 260), line("Continues", 0, first=40))
    assert geometry.next_word_fits(line("a", 100), Line("x", 0, 1)) is None  # no widths


def test_a_page_break_after_a_line_the_next_word_did_not_fit_on_goes_on() -> None:
    # the last line of page 1 holds few characters but reaches the margin in
    # points (wide letters): the paragraph goes on; page 2's ends with room for
    # the next word: a paragraph ends there.
    page_one = [line("Start of the paragraph goes on and on", 295, gap=None)]
    page_one += [line(f"the paragraph goes on, line {n}", 296 - n) for n in range(9)]
    page_one.append(line("WIDE CAPITALS END A SENTENCE.", 290))
    page_two = [line("And the same paragraph ends here.", 120, gap=None, first=25)]
    page_two.append(line("Another paragraph.", 100, gap=16))
    page_two += [line(f"its line {n}", 296 - n) for n in range(9)]
    page_two.append(line("It ends.", 80))
    page_two.append(line("A third paragraph that fills its page to the end.", 200, gap=16))
    page_three = [line("A paragraph of its own.", 100, gap=None)]
    pages = [Page(1, page_one), Page(2, page_two), Page(3, page_three)]
    geometry = Geometry.measure(pages)
    assert geometry.margin == 296 and geometry.spaced
    paragraphs = build_paragraphs(pages, geometry)
    firsts = [paragraph.lines[0].text for paragraph in paragraphs]
    assert firsts == [
        "Start of the paragraph goes on and on",
        "Another paragraph.",
        "A third paragraph that fills its page to the end.",
        "A paragraph of its own.",
    ]


def test_a_token_longer_than_a_line_is_joined_without_a_space() -> None:
    geometry = spaced_geometry()
    cut = line("see https://example.org/a%2Fb", 299)
    cut = Line(cut.text, 0, cut.end, 10, box=LineBox(0, 299, 20, 200, 3))
    rest = Line("c%2Fd/e for details.", 0, 20, 10, box=LineBox(0, 150, 120, 60, 3))
    assert geometry.breaks_token(cut, rest)
    # two words broken at a space never exceed a line together
    ordinary = Line("an ordinary line of words", 0, 25, 10, box=LineBox(0, 299, 20, 40, 3))
    assert not geometry.breaks_token(ordinary, rest)
    # a line that stops short of the margin ends at a space
    short = Line(cut.text, 0, cut.end, 10, box=LineBox(0, 250, 20, 200, 3))
    assert not geometry.breaks_token(short, rest)


def url_pdf(url: str) -> bytes:
    """A reportlab PDF with a web address longer than a line in running text."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    out = io.BytesIO()
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    words = "The leaders welcomed the programmes that defend democratic elections and"
    story = [Paragraph(f"{words} processes. {words} processes.", style) for _ in range(4)]
    story.insert(2, Paragraph(f"See the initiative {url} for the programmes.", style))
    SimpleDocTemplate(out, pagesize=A5, invariant=1).build(story)
    return out.getvalue()


def test_a_web_address_cut_across_lines_reads_back_whole() -> None:
    url = (
        "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.example.gov"
        "%2Fbriefing-room%2Fstatements-releases%2F2021%2F12%2F09%2Ffact-sheet-announcing"
    )
    data = url_pdf(url)
    pages = read_pages(data, "url.pdf").pages
    assert sum(1 for page in pages for row in page.lines if row.box is not None) >= 10
    texts = [block.text for block in pages_to_blocks(pages)]
    assert f"See the initiative {url} for the programmes." in texts
    assert len(texts) == 5
