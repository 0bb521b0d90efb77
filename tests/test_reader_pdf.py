"""The PDF reader: statements set with reportlab (running header, page
numbers, hyphenated words, paragraphs broken across pages, paragraphs set
apart or set solid) read back into the statement's paragraphs, and parsed into
the same model as the .txt; the layout rules tested line by line."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from jtreport.api import parse_file
from jtreport.errors import InputError
from jtreport.pluginmanager import PluginHost
from jtreport.plugins.readers._pdflayout import (
    Geometry,
    Line,
    LineStyle,
    Page,
    build_paragraphs,
    is_page_number,
    join_lines,
    pages_to_blocks,
    strip_furniture,
    vocabulary,
)
from jtreport.plugins.readers._pdfpages import read_pages
from jtreport.plugins.readers.pdf_text import NO_TEXT, PdfReader
from jtreport.reading import choose_reader

from tests import builders
from tests.builders import PdfLook, build_pdf, bundled_text

LOOKS = {
    "spaced": PdfLook(),
    "solid": PdfLook(paragraph_space=0),
    "solid-indented": PdfLook(
        paragraph_space=0, first_line_indent=18, page_number="Page {page} of {pages}"
    ),
    "small-type": PdfLook(font_size=9.5, header="Joint Statement — Japan and Tajikistan"),
    "no-hyphenation": PdfLook(hyphenate=False, header=""),
}


@pytest.fixture(scope="module")
def text() -> str:
    return bundled_text()


@pytest.fixture(scope="module")
def pdfs(text: str) -> dict[str, bytes]:
    return {name: build_pdf(text, look) for name, look in LOOKS.items()}


def raw_page_lines(data: bytes) -> list[list[str]]:
    """Each page's lines as pypdf extracts them (no clean-up)."""
    from pypdf import PdfReader as PyPdfReader

    reader = PyPdfReader(io.BytesIO(data))
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]


# The bundled statement -------------------------------------------------------------


@pytest.mark.parametrize("look", sorted(LOOKS))
def test_pdf_gives_back_the_statements_paragraphs(
    pdfs: dict[str, bytes], text: str, look: str
) -> None:
    blocks = PdfReader().read(pdfs[look], "statement.pdf").blocks
    assert builders.logical_paragraphs(blocks) == builders.expected_paragraphs(text)


@pytest.mark.parametrize("look", ["spaced", "solid-indented"])
def test_older_pypdf_without_fine_vertical_gaps_still_works(
    pdfs: dict[str, bytes], text: str, look: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PageObject

    extract = PageObject.extract_text

    def pypdf_5_0(self: Any, *args: Any, **kwargs: Any) -> str:
        if "layout_mode_font_height_weight" in kwargs:
            raise TypeError("unexpected keyword argument 'layout_mode_font_height_weight'")
        return extract(self, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(PageObject, "extract_text", pypdf_5_0)
    blocks = PdfReader().read(pdfs[look], "statement.pdf").blocks
    assert builders.logical_paragraphs(blocks) == builders.expected_paragraphs(text)


def test_fixture_pdfs_hold_what_the_reader_must_undo(pdfs: dict[str, bytes]) -> None:
    # the inputs really have headers, page numbers, hyphens and cut paragraphs
    pages = raw_page_lines(pdfs["spaced"])
    assert len(pages) > 3
    assert all("Ministry of Foreign Affairs of Japan" in lines for lines in pages)
    assert all(f"- {n} -" in lines for n, lines in enumerate(pages, 1))
    lines = [line for page in pages for line in page]
    assert sum(1 for line in lines if line[-1] == "-" and line[-2].islower()) >= 5
    body_ends = [
        [x for x in page if x.startswith("- ") is False and "Ministry" not in x][-1]
        for page in pages[:-1]
    ]
    assert any(not end.endswith((".", "”", '"')) for end in body_ends)


def test_running_header_and_page_numbers_are_gone(pdfs: dict[str, bytes]) -> None:
    for look in ("spaced", "solid-indented", "small-type"):
        texts = [b.text for b in PdfReader().read(pdfs[look], "x.pdf").blocks]
        joined = "\n".join(texts)
        assert "Ministry of Foreign Affairs" not in joined
        assert "Joint Statement — Japan and Tajikistan" not in joined
        assert "Page 2 of" not in joined and "- 2 -" not in texts


def test_hyphenated_words_are_made_whole(pdfs: dict[str, bytes]) -> None:
    blocks = PdfReader().read(pdfs["spaced"], "x.pdf").blocks
    joined = " ".join(b.text for b in blocks)
    assert "- " not in joined.replace(" - ", "")
    assert "strengthening the free and open international order" in joined


def test_paragraph_cut_by_a_page_break_is_one_paragraph(pdfs: dict[str, bytes]) -> None:
    pages = raw_page_lines(pdfs["spaced"])
    # paragraph 27 runs from one page onto the next in this setting
    cut = next(i for i, page in enumerate(pages) if page[-2].endswith("Technical and"))
    assert pages[cut + 1][1].startswith("Scientific Cooperation")
    blocks = PdfReader().read(pdfs["spaced"], "x.pdf").blocks
    assert any(
        "Economic, Technical and Scientific Cooperation held in June 2025" in b.text for b in blocks
    )


def test_signature_lines_stay_lines(pdfs: dict[str, bytes]) -> None:
    blocks = PdfReader().read(pdfs["spaced"], "x.pdf").blocks
    tail = [(b.kind, b.text) for b in blocks[-6:]]
    assert tail == [
        ("line", "Prime Minister"),
        ("line", "TAKAICHI Sanae"),
        ("line", ""),
        ("line", "President"),
        ("line", "Emomali RAHMON"),
        ("line", ""),
    ]


def test_reader_is_installed_and_chosen_by_content(pdfs: dict[str, bytes]) -> None:
    host = PluginHost()
    assert "pdf" in host.readers
    assert choose_reader(host.readers, pdfs["spaced"], "statement.txt").name == "pdf"
    assert choose_reader(host.readers, b"\n\n%PDF-1.4 junk first", "x.bin").name == "pdf"


@pytest.mark.skipif(
    not builders.DEJAVU.exists(), reason="needs the DejaVu fonts (fonts-dejavu-core)"
)
def test_cyrillic_statement_in_an_embedded_font(text: str) -> None:
    tajik = text.replace("Emomali RAHMON", "Эмомалӣ Раҳмон")
    look = PdfLook(font=builders.DEJAVU, bold_font=builders.DEJAVU_BOLD, font_size=10)
    blocks = PdfReader().read(build_pdf(tajik, look), "x.pdf").blocks
    assert builders.logical_paragraphs(blocks) == builders.expected_paragraphs(tajik)


# Hand-set pages: every rule on its own ---------------------------------------------


def set_pages(pages: list[list[tuple[float, float, str]]], font: str = "Helvetica") -> bytes:
    """A PDF with each page's lines drawn at (x, y) in points, 11 pt."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    for lines in pages:
        for x, y, line in lines:
            canvas.setFont(font, 11)
            canvas.drawString(x, y, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def page(*lines: str, top: float = 760, x: float = 72, leading: float = 14) -> list[Any]:
    """Lines set solid from ``top`` down; "" leaves a paragraph gap."""
    placed = []
    y = top
    for line in lines:
        if line:
            placed.append((x, y, line))
            y -= leading
        else:
            y -= leading * 0.6
    return placed


def test_real_hyphens_kept_and_line_end_hyphens_removed() -> None:
    data = set_pages(
        [
            page(
                "Both sides welcomed the launch of the Japan-",
                "Tajikistan Consultations on energy transitions towards a net-",
                "zero economy and reaffirmed the net-zero goal with the imple-",
                "mentation of the roadmap for 2018-",
                "2028 as agreed.",
            )
        ]
    )
    blocks = PdfReader().read(data, "x.pdf").blocks
    assert [b.text for b in blocks] == [
        "Both sides welcomed the launch of the Japan-Tajikistan Consultations on energy "
        "transitions towards a net-zero economy and reaffirmed the net-zero goal with the "
        "implementation of the roadmap for 2018-2028 as agreed."
    ]


def test_page_number_styles_are_dropped() -> None:
    bodies = [
        "Both sides welcomed the progress of the project and its outcomes so far.",
        "2. Japan will support the formulation of an energy transition roadmap.",
        "3. Both sides concurred on launching the consultations next year.",
    ]
    pages = [[(72, 760, body), (280, 40, f"Page {n} of 3")] for n, body in enumerate(bodies, 1)]
    blocks = PdfReader().read(set_pages(pages), "x.pdf").blocks
    assert [b.text for b in blocks] == bodies


def test_japanese_lines_join_without_spaces() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    data = set_pages(
        [
            page(
                "高市早苗内閣総理大臣とラフモン大統領は、両国間の協力を更に発展させる",
                "ことを歓迎した。",
            )
        ],
        font="HeiseiMin-W3",
    )
    blocks = PdfReader().read(data, "x.pdf").blocks
    assert [b.text for b in blocks] == [
        "高市早苗内閣総理大臣とラフモン大統領は、両国間の協力を更に発展させることを歓迎した。"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", True),
        ("- 3 -", True),
        ("– 12 –", True),
        ("Page 3 of 5", True),
        ("page 3", True),
        ("3/5", True),
        ("iv", True),
        ("xiv", True),
        ("civil", False),
        ("(3)", True),
        ("3. Both sides welcomed", False),
        ("2025", True),
        ("Tokyo, 20 December 2025", False),
    ],
)
def test_page_number_lines(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


def line(text: str, gap: int | None = 12, indent: int = 1, end: int | None = None) -> Line:
    return Line(
        text=text, indent=indent, end=end if end is not None else indent + len(text), gap=gap
    )


def test_running_lines_repeated_with_changing_numbers_are_furniture() -> None:
    pages = [
        Page(n, [line(f"Joint Statement {n}/3", None), line(f"Body text {'x' * n}.", 30)])
        for n in (1, 2, 3)
    ]
    kept = strip_furniture(pages)
    assert [[x.text for x in p.lines] for p in kept] == [
        ["Body text x."],
        ["Body text xx."],
        ["Body text xxx."],
    ]
    assert all(p.lines[0].gap is None for p in kept)


def test_one_page_keeps_its_first_line() -> None:
    pages = [Page(1, [line("Joint Statement", None), line("Body text.", 30)])]
    assert [x.text for x in strip_furniture(pages)[0].lines] == ["Joint Statement", "Body text."]


def test_paragraph_joined_across_pages_only_when_it_runs_on() -> None:
    full = "x" * 60
    pages = [
        Page(1, [line(full, None), line(full + " and", 12)]),
        Page(2, [line("continues here.", None), line("2. A new item starts here.", 20)]),
        Page(3, [line("3. Another item that ends short.", None)]),
        Page(4, [line("Next paragraph begins.", None)]),
    ]
    geometry = Geometry.measure(pages)
    texts = [[x.text for x in p.lines] for p in build_paragraphs(pages, geometry)]
    assert texts == [
        [full, full + " and", "continues here."],
        ["2. A new item starts here."],
        ["3. Another item that ends short."],
        ["Next paragraph begins."],
    ]


def test_hyphen_vocabulary_decides_between_compound_and_broken_word() -> None:
    lines = [line("a net-zero goal"), line("the people-to-people ties")]
    hyphenated, plain = vocabulary(lines)
    assert join_lines(["towards net-", "zero"], hyphenated, plain) == "towards net-zero"
    assert join_lines(["imple-", "mentation"], hyphenated, plain) == "implementation"
    assert join_lines(["people-to-", "people"], hyphenated, plain) == "people-to-people"
    assert join_lines(["Japan-", "Tajikistan"], hyphenated, plain) == "Japan-Tajikistan"
    assert join_lines(["a dash -", "here"], hyphenated, plain) == "a dash - here"
    assert join_lines(["soft\u00ad", "hyphen"], hyphenated, plain) == "softhyphen"
    assert join_lines(["Japan–", "Tajikistan"], hyphenated, plain) == "Japan–Tajikistan"
    assert join_lines(["neutrality/", "net-zero"], hyphenated, plain) == "neutrality/net-zero"
    assert join_lines(["a pause —", "then"], hyphenated, plain) == "a pause — then"
    japanese = join_lines(["両国間の協力を", "歓迎した。"], hyphenated, plain)
    assert japanese == "両国間の協力を歓迎した。"


def test_solid_paragraphs_split_at_short_last_lines() -> None:
    full = "Both sides welcomed the progress made in the policy evaluation capacity"
    lines = [
        line(full, None),
        line("training so far.", 12),
        line(full, 12),
        line("training again.", 12),
    ]
    blocks = pages_to_blocks([Page(1, lines)])
    assert [b.text for b in blocks] == [f"{full} training so far.", f"{full} training again."]


def styled(
    text: str,
    gap: int | None = 12,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float = 10,
    end: int | None = None,
    depth: int = 0,
) -> Line:
    """A line whose font the font pass found."""
    return Line(
        text=text,
        indent=1,
        end=end if end is not None else 1 + len(text),
        gap=gap,
        style=LineStyle(bold=bold, italic=italic, size=size),
        depth=depth,
    )


def test_list_labels_set_tight_start_paragraphs() -> None:
    lines = [
        line("9.Both sides welcomed the signing of the Agreement on the training of", None),
        line("officials and the building of a new training centre for the officials.", 12),
        line("10.Both sides welcomed the commencement of the project for the new", 12),
        line("training centre, where “11.” is no label, nor is 12.5 per cent.", 12),
    ]
    blocks = pages_to_blocks([Page(1, lines)])
    assert [b.text[:12] for b in blocks] == ["9.Both sides", "10.Both side"]


@pytest.mark.parametrize("label", ["11. ", "11 . ", "(11) ", "11) "])
def test_every_way_of_printing_a_number_starts_a_paragraph(label: str) -> None:
    lines = [
        line("10. Both sides welcomed the signing of the Agreement on the training of", None),
        line("officials and the building of a new training centre for the officials.", 12),
        line(f"{label}Both sides welcomed the commencement of the project for the new", 12),
        line("training centre for the officials of the two countries in the capital.", 12),
    ]
    blocks = pages_to_blocks([Page(1, lines)])
    assert [b.text.split("Both")[0] for b in blocks] == ["10. ", label]


def test_fonts_make_headings_levels_and_descriptions() -> None:
    body = "Both sides welcomed the signing of the Exchange of Notes concerning a grant for"
    lines = [
        styled("Joint Statement between Two Countries", None, bold=True, size=14),
        styled(body, 30),
        *[styled(body, 12) for _ in range(8)],
        styled("the project.", 12),
        styled("Green Economy and Resilience", 20, bold=True),
        styled("Cooperation including new industry development and industrial", 14, italic=True),
        styled("upgrading", 12, italic=True),
        styled("1. " + body, 20),
        styled("the project.", 12),
        styled("Ends.", 20, bold=True),
        styled(body + " the project.", 20),
    ]
    blocks = pages_to_blocks([Page(1, lines)])
    assert (
        [(b.kind, b.level, b.text[:20], b.description) for b in blocks]
        == [
            ("heading", 0, "Joint Statement betw", None),  # the one larger heading before the body
            ("paragraph", None, body[:20], None),
            (
                "heading",
                1,
                "Green Economy and Re",
                "Cooperation including new industry development and industrial upgrading",
            ),
            ("paragraph", None, "1. Both sides welcom", None),
            ("heading", 1, "Ends.", None),  # a bold word or three is a heading, full stop or not
            ("paragraph", None, body[:20], None),
        ]
    )


def test_without_fonts_bold_and_italic_are_not_guessed_and_that_is_said() -> None:
    lines = [line("Green Economy and Resilience", None), line("Cooperation on industry", 12)]
    notes: list[str] = []
    blocks = pages_to_blocks([Page(1, lines)], notes)
    assert all(b.kind != "heading" and not b.bold for b in blocks)
    assert notes == [
        "the PDF's fonts could not be read: headings and areas were found from the shape of "
        "the lines only (no bold, no sizes); check the areas"
    ]


def test_a_sentence_at_the_foot_of_a_full_page_is_a_guess_and_said_so() -> None:
    filler = "x" * 50  # full lines end at column 51
    page = [styled(filler, None)] + [styled(filler, 13, depth=13 * n) for n in range(1, 28)]
    page += [
        styled("Paragraphs are set apart by space.", 13, depth=13 * 28),
        styled(filler, 19, depth=13 * 29 + 6),
        styled("by some space.", 13, depth=13 * 30 + 6),
        styled(filler, 19, depth=13 * 31 + 12),
    ]
    # the next page's first word would not have fitted after either last line
    not_full = "A last line, not a full one, ends here."
    full = filler[:-1] + "."
    following = [styled("Nevertheless the next page starts", None), styled(filler + ".", 13)]
    for last, continues in ((not_full, False), (full, True)):
        notes: list[str] = []
        pages = [
            Page(1, [*page, styled(last, 13, depth=13 * 32 + 12)]),
            Page(2, following),
            Page(3, [styled("End.", None)]),
        ]
        blocks = pages_to_blocks(pages, notes)
        holding = next(b.text for b in blocks if last in b.text)
        assert ("Nevertheless" in holding) is continues
        taken = "going on" if continues else "ending"
        assert notes == [
            "a sentence ends at the foot of a page, where the space that sets paragraphs apart "
            f"is lost: the paragraph there was read after page(s) 1 as {taken}; check those "
            "paragraphs"
        ]


def test_a_page_that_ends_early_ends_its_paragraph_without_a_guess() -> None:
    filler = "x" * 50
    full_page = [styled(filler, None)] + [styled(filler, 13, depth=13 * n) for n in range(1, 30)]
    spaced = [styled("A paragraph ends.", 13, depth=13 * 30), styled(filler, 19, depth=13 * 31 + 6)]
    short_page = [styled(filler, None), styled(filler[:-1] + ".", 13, depth=13 * 10)]
    pages = [
        Page(1, [*full_page, *spaced]),
        Page(2, short_page),
        Page(3, [styled("Next page starts with a capital.", None)]),
    ]
    notes: list[str] = []
    blocks = pages_to_blocks(pages, notes)
    assert blocks[-1].text == "Next page starts with a capital."
    assert notes == []


def test_line_end_hyphens_are_kept_where_the_document_does_not_hyphenate() -> None:
    lines = [line("Both sides welcomed the large-", None), line("scale patrol vessels.", 12)]
    lines += [line(f"Paragraph {n} of the statement without a break.", 20) for n in range(80)]
    blocks = pages_to_blocks([Page(1, lines)])
    assert blocks[0].text == "Both sides welcomed the large-scale patrol vessels."


def test_fonts_are_read_from_the_pdf() -> None:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    for y, font, size, text in (
        (760, "Helvetica-Bold", 14, "Joint Statement"),
        (730, "Helvetica", 11, "Both sides welcomed the signing of the Agreement."),
        (700, "Helvetica-BoldOblique", 11, "A line in bold italics"),
        (680, "Helvetica-Oblique", 11, "A line in italics"),
    ):
        canvas.setFont(font, size)
        canvas.drawString(72, y, text)
    canvas.showPage()
    canvas.save()
    lines = read_pages(out.getvalue(), "x.pdf").pages[0].lines
    assert [(x.text, x.style) for x in lines] == [
        ("Joint Statement", LineStyle(bold=True, italic=False, size=14)),
        (
            "Both sides welcomed the signing of the Agreement.",
            LineStyle(bold=False, italic=False, size=11),
        ),
        ("A line in bold italics", LineStyle(bold=True, italic=True, size=11)),
        ("A line in italics", LineStyle(bold=False, italic=True, size=11)),
    ]


def _drawn(runs: list[tuple[int, str, int, str]]) -> bytes:
    """A one-page PDF of ``(y, font, size, text)`` lines, drawn in list order."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    for y, font, size, text in runs:
        canvas.setFont(font, size)
        canvas.drawString(72, y, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("drawn_bottom_up", [False, True], ids=["in-order", "bottom-up"])
def test_a_line_repeating_a_title_line_keeps_its_own_font(drawn_bottom_up: bool) -> None:
    body = "Both sides welcomed the signing of the Agreement on the new project."
    runs = [
        (760, "Helvetica-Bold", 15, "Joint Statement on Environment and"),
        (742, "Helvetica-Bold", 15, "Climate"),
        *[(720 - 14 * n, "Helvetica", 10, body) for n in range(6)],
        (620, "Helvetica-Bold", 10, "Climate"),
        *[(604 - 14 * n, "Helvetica", 10, body) for n in range(6)],
        (504, "Helvetica-Bold", 10, "Environment"),
        *[(488 - 14 * n, "Helvetica", 10, body) for n in range(6)],
    ]
    # the content stream's order need not be the page's: lines are matched top to bottom
    data = _drawn(runs[::-1] if drawn_bottom_up else runs)
    lines = read_pages(data, "x.pdf").pages[0].lines
    assert [(x.style.size, x.style.bold) for x in lines if x.text == "Climate" and x.style] == [
        (15, True),
        (10, True),
    ]
    headings = [(b.text, b.level) for b in pages_to_blocks([Page(1, lines)]) if b.kind == "heading"]
    assert headings == [
        ("Joint Statement on Environment and Climate", 0),
        ("Climate", 1),
        ("Environment", 1),
    ]


# Hostile PDFs -------------------------------------------------------------------


def test_pdf_without_text_layer_is_refused_with_ocr_advice() -> None:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.rect(72, 72, 400, 600, fill=1)  # a "scanned" page: marks, no text
    canvas.showPage()
    canvas.save()
    with pytest.raises(InputError) as caught:
        PdfReader().read(out.getvalue(), "scan.pdf")
    assert caught.value.message == NO_TEXT
    assert "ocrmypdf" in str(caught.value)


def test_pdf_with_one_scanned_page_warns(text: str) -> None:
    from pypdf import PdfReader as PyPdfReader
    from pypdf import PdfWriter

    writer = PdfWriter()
    for source in (build_pdf(text), build_pdf(text)):
        for number, pdf_page in enumerate(PyPdfReader(io.BytesIO(source)).pages):
            if number == 0:
                writer.add_page(pdf_page)
    writer.add_blank_page()
    out = io.BytesIO()
    writer.write(out)
    result = PdfReader().read(out.getvalue(), "x.pdf")
    assert result.blocks
    assert any("page(s) 3 have no text layer" in w and "OCR" in w for w in result.warnings)


def test_a_damaged_page_is_left_out_with_a_warning(
    pdfs: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PageObject

    extract = PageObject.extract_text

    def damaged_second_page(self: Any, *args: Any, **kwargs: Any) -> str:
        if self.page_number == 1:
            raise ValueError("broken content stream")
        return extract(self, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(PageObject, "extract_text", damaged_second_page)
    result = PdfReader().read(pdfs["spaced"], "x.pdf")
    assert result.warnings == ["the text of page(s) 2 could not be read (damaged content)"]
    assert any(b.text.startswith("1. Both sides") for b in result.blocks)
    assert not any(b.text.startswith("2. Japan welcomed") for b in result.blocks)


def test_truncated_pdf_is_one_line_error(pdfs: dict[str, bytes]) -> None:
    data = pdfs["spaced"]
    with pytest.raises(InputError) as caught:
        PdfReader().read(data[: len(data) // 2], "cut.pdf")
    assert caught.value.message.startswith("is not a readable PDF (damaged or truncated")
    assert "\n" not in caught.value.message


def encrypted(user: str, owner: str = "owner") -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, encrypt=StandardEncryption(user, ownerPassword=owner), invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 760, "Both sides welcomed the signing of the Memorandum of Cooperation.")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_encrypted_pdf_with_a_password_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        PdfReader().read(encrypted("secret"), "locked.pdf")
    assert caught.value.message == "is encrypted; jtreport cannot read it without the password"


def test_encrypted_pdf_without_user_password_is_read() -> None:
    blocks = PdfReader().read(encrypted(""), "restricted.pdf").blocks
    assert [b.text for b in blocks] == [
        "Both sides welcomed the signing of the Memorandum of Cooperation."
    ]


def aes_256(user: str) -> bytes:
    """A PDF encrypted with AES-256 (revision 6), as Acrobat writes them today."""
    from pypdf import PdfReader as Reader
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=Reader(io.BytesIO(encrypted(""))))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_aes_256_pdf_without_user_password_is_read() -> None:
    data = aes_256("")
    assert b"/AESV3" in data
    blocks = PdfReader().read(data, "restricted.pdf").blocks
    assert [b.text for b in blocks] == [
        "Both sides welcomed the signing of the Memorandum of Cooperation."
    ]


def test_aes_256_pdf_with_a_password_is_refused_as_encrypted() -> None:
    with pytest.raises(InputError) as caught:
        PdfReader().read(aes_256("secret"), "locked.pdf")
    assert caught.value.message == "is encrypted; jtreport cannot read it without the password"


def test_aes_without_the_cryptography_package_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import _crypt_providers, _encryption
    from pypdf._crypt_providers import _fallback

    data = aes_256("")
    # an installation that lacks cryptography: pypdf falls back to providers that cannot AES
    for module in (_crypt_providers, _encryption):
        for name in ("aes_cbc_decrypt", "aes_ecb_decrypt", "CryptAES"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, getattr(_fallback, name))
    with pytest.raises(InputError) as caught:
        PdfReader().read(data, "modern.pdf")
    assert "damaged" not in caught.value.message
    assert caught.value.message.startswith("is encrypted with AES; reading it needs the")


def test_pypdf_chatter_does_not_reach_the_user(
    pdfs: dict[str, bytes], caplog: pytest.LogCaptureFixture
) -> None:
    data = pdfs["spaced"]
    with pytest.raises(InputError):
        PdfReader().read(data[: len(data) // 3], "cut.pdf")
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    extracted = read_pages(data, "x.pdf")
    assert extracted.pages and extracted.notes == []


# The model: same as from the .txt --------------------------------------------


@pytest.fixture(scope="module")
def txt_statement() -> Any:
    return parse_file(builders.BUNDLED)


@pytest.mark.parametrize("look", sorted(LOOKS))
def test_pdf_statement_parses_to_the_txt_model(
    txt_statement: Any, pdfs: dict[str, bytes], look: str, tmp_path: Path
) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdfs[look])
    statement = parse_file(path)
    assert statement.source is not None and statement.source.format == "pdf"
    view = builders.model_view(statement)
    assert len(view["paragraphs"]) == 39
    assert view == builders.model_view(txt_statement)
    # and the rest too: title, date, parties, leaders, preamble, signatories, item details
    assert builders.full_model(statement) == builders.full_model(txt_statement)
