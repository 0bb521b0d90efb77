"""The Word reader: documents built with python-docx (typed numbers, Word's
automatic numbering with restarts, numbering carried by a style, headings as
styles or as bold paragraphs) read back block by block, and parsed into the
same model as the .txt statement."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from jtreport.api import parse_file
from jtreport.blocks import Block
from jtreport.errors import InputError
from jtreport.pluginmanager import PluginHost
from jtreport.plugins.readers._wordnum import format_number, label_number
from jtreport.plugins.readers.word import WordReader
from jtreport.reading import choose_reader, read_input

from tests import builders
from tests.builders import WordLists, add_lines, build_docx, bundled_text

VARIANTS = [
    ("typed", "bold"),
    ("typed", "styles"),
    ("word", "styles"),
    ("word", "bold"),
    ("style", "styles"),
]


def read(data: bytes) -> list[Block]:
    """The blocks the Word reader makes of ``data``."""
    return WordReader().read(data, "test.docx").blocks


def saved(document: Any) -> bytes:
    """A python-docx document as bytes."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def text() -> str:
    return bundled_text()


# The bundled statement, every way an office types it ---------------------------


@pytest.mark.parametrize(("numbering", "headings"), VARIANTS)
def test_every_variant_gives_back_the_statements_paragraphs(
    text: str, numbering: str, headings: str
) -> None:
    blocks = read(build_docx(text, numbering=numbering, headings=headings))  # type: ignore[arg-type]
    assert builders.logical_paragraphs(blocks) == builders.expected_paragraphs(text)


def test_word_numbering_comes_out_as_list_items_numbered_1_to_39(text: str) -> None:
    blocks = read(build_docx(text, numbering="word"))
    items = [b for b in blocks if b.kind == "list_item"]
    assert [b.number for b in items] == [str(n) for n in range(1, 40)]
    assert all(b.level == 0 for b in items)
    # the number exists only in numbering.xml: the text does not repeat it
    assert items[15].text.startswith("Both sides welcomed Japan's new approach")


def test_numbered_part_headings_print_their_roman_numbers(text: str) -> None:
    blocks = read(build_docx(text, numbering="word"))
    headings = [b.text for b in blocks if b.kind == "heading" and b.level == 1]
    assert headings == [
        "I Three Priority Areas of Cooperation",
        "II Cooperation in other fields",
    ]


def test_list_number_style_carries_the_numbering(text: str) -> None:
    blocks = read(build_docx(text, numbering="style"))
    numbers = [b.number for b in blocks if b.kind == "list_item"]
    assert numbers == [str(n) for n in range(1, 40)]


def test_typed_numbers_stay_in_paragraph_text(text: str) -> None:
    blocks = read(build_docx(text, numbering="typed"))
    assert not any(b.kind == "list_item" for b in blocks)
    assert any(b.kind == "paragraph" and b.text.startswith("39. President") for b in blocks)


def test_headings_by_style_and_title(text: str) -> None:
    blocks = read(build_docx(text, headings="styles"))
    headings = [(b.level, b.text[:30]) for b in blocks if b.kind == "heading"]
    assert headings[0] == (0, "Joint Statement between Japan ")
    assert (1, "I Three Priority Areas of Coop") in headings
    assert (2, "Connectivity: Enhancing logist") in headings
    assert blocks[0].text.endswith("Mutually Beneficial Cooperation")  # title lines joined


def test_bold_paragraph_headings_are_paragraphs_with_the_bold_hint(text: str) -> None:
    blocks = read(build_docx(text, headings="bold"))
    assert not any(b.kind == "heading" for b in blocks)
    area = next(b for b in blocks if b.text.startswith("Connectivity:"))
    assert area.kind == "paragraph" and area.bold
    body = next(b for b in blocks if b.text.startswith("1. Both sides"))
    assert not body.bold
    # the title typed on two lines keeps its manual line break, as the .txt has it
    assert [b.text for b in blocks[:3]] == [
        "Joint Statement between Japan and the Republic of Tajikistan",
        "on Further Development of Relations to Co-create Mutually Beneficial Cooperation",
        "",
    ]
    assert blocks[0].kind == "line" and blocks[0].bold


def test_signature_table_is_read_row_by_row_with_its_line_breaks(text: str) -> None:
    blocks = read(build_docx(text))
    tail = [(b.kind, b.text) for b in blocks[-10:]]
    assert tail == [
        ("paragraph", "Prime Minister of Japan"),
        ("line", "President of the Republic of"),
        ("line", "Tajikistan"),
        ("line", ""),
        ("line", "Prime Minister"),
        ("line", "TAKAICHI Sanae"),
        ("line", ""),
        ("line", "President"),
        ("line", "Emomali RAHMON"),
        ("line", ""),
    ]


def test_core_properties_become_metadata(text: str) -> None:
    result = WordReader().read(build_docx(text, created=datetime(2025, 12, 21)), "x.docx")
    assert result.metadata["date"] == "2025-12-21"
    assert result.metadata["title"].startswith("Joint Statement between Japan")


def test_reader_is_installed_and_chosen_by_content(text: str, tmp_path: Path) -> None:
    host = PluginHost()
    assert "docx" in host.readers
    data = build_docx(text)
    assert choose_reader(host.readers, data, "statement.txt").name == "docx"
    misnamed = tmp_path / "statement.txt"
    misnamed.write_bytes(data)
    assert read_input(host.readers, str(misnamed)).reader == "docx"


# Word list numbering -------------------------------------------------------------


def numbered_document() -> bytes:
    """Lists that continue, nest, restart and change format."""
    document = docx.Document()
    lists = WordLists(document)
    first = lists.new_list()
    restarted = lists.new_list(start_override=1)
    continued = lists.new_list()
    roman = lists.new_list(fmt="upperRoman", text="%1.")
    late = lists.new_list(start=5, fmt="decimal", text="(%1)")
    rows = [
        ("Alpha", first, 0),
        ("Beta", first, 0),
        ("Beta one", first, 1),
        ("Beta two", first, 1),
        ("Beta two first", first, 2),
        ("Gamma", first, 0),
        ("Gamma one", first, 1),
        ("Delta", restarted, 0),
        ("Epsilon", restarted, 0),
        ("Zeta", continued, 0),
        ("Part one", roman, 0),
        ("Part two", roman, 0),
        ("Fifth", late, 0),
    ]
    for text, num_id, level in rows:
        paragraph = document.add_paragraph()
        add_lines(paragraph, [text])
        lists.number(paragraph, num_id, level)
    return saved(document)


def test_word_numbering_counts_nests_restarts_and_formats() -> None:
    items = [(b.text, b.number, b.level) for b in read(numbered_document())]
    assert items == [
        ("Alpha", "1", 0),
        ("Beta", "2", 0),
        ("Beta one", "a", 1),
        ("Beta two", "b", 1),
        ("Beta two first", "i", 2),
        ("Gamma", "3", 0),
        ("Gamma one", "a", 1),  # a deeper level restarts after a higher one
        ("Delta", "1", 0),  # w:startOverride restarts the list
        ("Epsilon", "2", 0),
        ("Zeta", "3", 0),  # a new w:num of the same list continues it
        ("Part one", "I", 0),
        ("Part two", "II", 0),
        ("Fifth", "5", 0),  # w:start, and "(%1)" printed without its brackets
    ]


def test_num_id_zero_removes_a_styles_numbering() -> None:
    document = docx.Document()
    document.add_paragraph("Numbered by its style", style="List Number")
    plain = document.add_paragraph("Style numbering switched off", style="List Number")
    WordLists(document).number(plain, "0")
    document.add_paragraph("Numbered again", style="List Number")
    blocks = read(saved(document))
    assert [(b.kind, b.number) for b in blocks] == [
        ("list_item", "1"),
        ("paragraph", None),
        ("list_item", "2"),
    ]


def test_bullets_are_list_items_without_number() -> None:
    document = docx.Document()
    document.add_paragraph("A point made", style="List Bullet")
    document.add_paragraph("Another point", style="List Bullet")
    blocks = read(saved(document))
    assert [(b.kind, b.number, b.level) for b in blocks] == [("list_item", None, 0)] * 2


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [
        (4, "decimal", "4"),
        (4, "decimalZero", "04"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (3, "lowerLetter", "c"),
        (28, "upperLetter", "BB"),
        (2, "ordinal", "2nd"),
        (12, "ordinal", "12th"),
        (3, "decimalEnclosedCircle", "③"),
        (12, "decimalFullWidth", "１２"),
        (21, "japaneseCounting", "二十一"),
        (2, "aiueoFullWidth", "イ"),
        (3, "ideographTraditional", "丙"),
        (5, "somethingNew", "5"),
        (1, "bullet", ""),
    ],
)
def test_number_formats_print_as_word_does(value: int, fmt: str, printed: str) -> None:
    assert format_number(value, fmt) == printed


@pytest.mark.parametrize(
    ("value", "fmt", "printed"),
    [
        (10**10, "upperRoman", "32767"),  # clamped to Word's range, past Roman numerals
        (3999, "upperRoman", "MMMCMXCIX"),
        (4000, "lowerRoman", "4000"),
        (260, "upperLetter", "Z" * 10),
        (261, "upperLetter", "261"),
        (-(10**12), "decimal", "-32767"),
        (10**6, "japaneseCounting", "32767"),
    ],
)
def test_huge_list_values_give_short_labels(value: int, fmt: str, printed: str) -> None:
    assert format_number(value, fmt) == printed


def test_a_list_starting_at_ten_billion_in_roman_numerals_gives_short_labels() -> None:
    document = docx.Document()
    lists = WordLists(document)
    roman = lists.new_list(fmt="upperRoman", text="%1%1%1%1%1%1%1%1%1." * 20)
    restarted = lists.new_list(fmt="upperRoman", start_override=10**10)
    for num_id in (roman, restarted):
        for text in ("Both sides welcomed the signing.", "Both sides agreed to meet."):
            paragraph = document.add_paragraph()
            add_lines(paragraph, [text])
            lists.number(paragraph, num_id)
    numbering = document.part.numbering_part.element
    for start in numbering.iter(f"{builders._W}start"):
        start.set(f"{builders._W}val", str(10**10))
    blocks = read(saved(document))
    assert [b.text for b in blocks] == [
        "Both sides welcomed the signing.",
        "Both sides agreed to meet.",
    ] * 2
    assert all(b.number is not None and len(b.number) <= 64 for b in blocks)


@pytest.mark.parametrize(
    ("label", "number"),
    [("3.", "3"), ("(a)", "a"), ("1.2.", "1.2"), ("iv)", "iv"), ("（３）", "３")],
)
def test_label_number_drops_punctuation(label: str, number: str) -> None:
    assert label_number(label) == number


# Styles, bold, tables, tracked changes -----------------------------------------


def test_headings_through_based_on_chain_and_outline_level() -> None:
    document = docx.Document()
    custom = document.styles.add_style("Statement Section", 1)  # a paragraph style
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph(
        "The two Leaders held a meeting in the capital and discussed the relations between "
        "their countries."
    )
    document.add_paragraph("Section by custom style", style="Statement Section")
    outlined = document.add_paragraph("Section by outline level")
    outlined._p.get_or_add_pPr().append(
        builders._w_element('<w:outlineLvl w:val="2"/>')  # level 3 in Word's terms
    )
    blocks = read(saved(document))
    assert [(b.kind, b.level) for b in blocks] == [
        ("paragraph", None),
        ("heading", 1),  # Heading 2 is the highest heading present: shifted to 1
        ("heading", 2),
    ]


def test_bold_hint_only_when_the_whole_paragraph_is_bold() -> None:
    document = docx.Document()
    whole = document.add_paragraph()
    whole.add_run("All of this ").bold = True
    whole.add_run("is bold").bold = True
    part = document.add_paragraph()
    part.add_run("Only this").bold = True
    part.add_run(" is bold")
    strong = document.styles.add_style("Strong Words", 2)  # a character style
    strong.font.bold = True
    by_style = document.add_paragraph()
    by_style.add_run("Bold through a character style", style="Strong Words")
    blocks = read(saved(document))
    assert [b.bold for b in blocks] == [True, False, True]


def test_tables_in_document_order_with_merged_cells_once() -> None:
    document = docx.Document()
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Merged across"
    table.cell(1, 0).text = "Left"
    table.cell(1, 1).text = "Right"
    document.add_paragraph("After the table.")
    texts = [b.text for b in read(saved(document))]
    assert texts == ["Before the table.", "Merged across", "Left", "Right", "After the table."]


def test_tracked_changes_read_as_accepted_and_hidden_text_skipped() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Both sides ")
    paragraph._p.append(
        builders._w_element(
            '<w:del w:id="1" w:author="A"><w:r><w:delText>rejected </w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(
        builders._w_element(
            '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">welcomed </w:t>'
            "</w:r></w:ins>"
        )
    )
    hidden = paragraph.add_run("SECRET NOTE ")
    hidden.font.hidden = True
    paragraph.add_run("the signing.")
    result = WordReader().read(saved(document), "x.docx")
    assert [b.text for b in result.blocks] == ["Both sides welcomed the signing."]
    assert any("tracked changes" in w for w in result.warnings)


def test_text_boxes_are_skipped_with_a_warning() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Body text of the statement.")
    paragraph._p.append(
        builders._w_element(
            '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
            "<w:txbxContent><w:p><w:r><w:t>Letterhead in a box</w:t></w:r></w:p>"
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    result = WordReader().read(saved(document), "x.docx")
    assert [b.text for b in result.blocks] == ["Body text of the statement."]
    assert result.warnings == ["1 text box skipped (their text is not read)"]


def test_unicode_text_survives() -> None:
    document = docx.Document()
    document.add_paragraph("Президент Республики Таджикистан Эмомалӣ Раҳмон и 高市早苗 総理大臣.")
    document.add_paragraph("第一　両首脳は、協力を歓迎した。")
    texts = [b.text for b in read(saved(document))]
    assert texts == [
        "Президент Республики Таджикистан Эмомалӣ Раҳмон и 高市早苗 総理大臣.",
        "第一 両首脳は、協力を歓迎した。",  # the ideographic space becomes a space
    ]


# Headings with a subtitle line ------------------------------------------------------


def test_a_heading_and_its_subtitle_make_one_area_with_a_description(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Joint Statement between Two Countries", style="Title")
    document.add_paragraph("on Further Cooperation", style="Subtitle")
    document.add_paragraph(
        "The two Leaders met in the capital and held talks on the relations between them."
    )
    document.add_heading("Green Economy", level=2)
    document.add_paragraph("Cooperation including new industry development", style="Subtitle")
    document.add_paragraph("1. Both sides welcomed the signing of the Agreement.")
    document.add_heading("Connectivity", level=2)
    italic = document.add_paragraph()
    italic.add_run("Enhancing logistics and people-to-people exchanges").italic = True
    document.add_paragraph("2. Both sides concurred on promoting tourism.")
    blocks = read(saved(document))
    headings = [(b.level, b.text, b.description) for b in blocks if b.kind == "heading"]
    assert headings == [
        (0, "Joint Statement between Two Countries on Further Cooperation", None),
        (1, "Green Economy", "Cooperation including new industry development"),
        (1, "Connectivity", "Enhancing logistics and people-to-people exchanges"),
    ]
    path = tmp_path / "statement.docx"
    path.write_bytes(saved(document))
    statement = parse_file(path)
    assert [(a.heading, a.description) for a in statement.areas] == [
        ("Green Economy", "Cooperation including new industry development"),
        ("Connectivity", "Enhancing logistics and people-to-people exchanges"),
    ]
    assert [p.number for p in statement.paragraphs] == [1, 2]


def test_headings_typed_as_bold_lines_are_named_as_uncertain(text: str) -> None:
    bold = WordReader().read(build_docx(text, headings="bold"), "x.docx")
    assert bold.warnings == [
        "the document uses no heading styles: areas were found from bold lines only; check them"
    ]
    assert WordReader().read(build_docx(text, headings="styles"), "x.docx").warnings == []


def test_numbers_in_a_column_of_their_own_go_before_their_text() -> None:
    document = docx.Document()
    document.add_paragraph("The two Leaders held a meeting and issued the following statement.")
    table = document.add_table(rows=3, cols=2)
    for row, (number, text) in zip(
        table.rows,
        [
            ("1.", "Both sides welcomed the signing."),
            ("2.", "Both sides agreed to meet."),
            ("(3)", "Japan will provide support."),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = number, text
    signatures = document.add_table(rows=1, cols=2)
    signatures.rows[0].cells[0].text = "Prime Minister of Japan"
    signatures.rows[0].cells[1].text = "President of Tajikistan"
    texts = [b.text for b in read(saved(document))][1:]
    assert texts == [
        "1. Both sides welcomed the signing.",
        "2. Both sides agreed to meet.",
        "(3) Japan will provide support.",
        "Prime Minister of Japan",  # a table without a number column is read cell by cell
        "President of Tajikistan",
    ]


def test_tables_nested_deeper_than_the_recursion_limit_are_read() -> None:
    depth = 3000
    inner = "<w:p><w:r><w:t>Both sides welcomed the signing of the Agreement.</w:t></w:r></w:p>"
    nested = "<w:tbl><w:tr><w:tc>" * depth + inner + "</w:tc></w:tr></w:tbl>" * depth
    data = saved(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    xml = xml.replace("<w:body>", f"<w:body>{nested}", 1)
    deep = builders.docx_with_parts(data, {"word/document.xml": xml.encode()})
    assert [b.text for b in read(deep)] == ["Both sides welcomed the signing of the Agreement."]


# The package, read without python-docx ---------------------------------------------


def test_headers_footers_and_comments_are_not_the_statement() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL - Ministry of Foreign Affairs"
    section.footer.paragraphs[0].text = "Page 1"
    document.add_paragraph("Both sides welcomed the signing of the Agreement.")
    document.core_properties.title = "Joint   Statement\non Cooperation"
    result = WordReader().read(saved(document), "x.docx")
    assert [b.text for b in result.blocks] == ["Both sides welcomed the signing of the Agreement."]
    assert result.metadata["title"] == "Joint Statement on Cooperation"


def test_main_part_found_through_the_package_relationships() -> None:
    data = saved(docx.Document())
    body = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{builders._W[1:-1]}"><w:body><w:p><w:r>'
        "<w:t>Both sides welcomed the signing of the Agreement.</w:t></w:r></w:p></w:body>"
        "</w:document>"
    ).encode()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("_rels/.rels").decode().replace("word/document.xml", "word/main.xml")
        doc_rels = archive.read("word/_rels/document.xml.rels")
    moved = builders.docx_with_parts(
        data,
        {
            "word/document.xml": b"<not-read/>",
            "word/main.xml": body,
            "word/_rels/main.xml.rels": doc_rels,
            "_rels/.rels": rels.encode(),
        },
    )
    assert [b.text for b in read(moved)] == ["Both sides welcomed the signing of the Agreement."]


def test_a_workbook_named_docx_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
        )
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("word/unrelated.xml", "<x/>")
    with pytest.raises(InputError, match=r"its main part xl/workbook\.xml is not a Word body"):
        read(out.getvalue())


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused(text: str) -> None:
    data = bytearray(build_docx(text))
    # the central directory entry of word/document.xml: claim a tenth of the real size
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + 17] != b"word/document.xml":
        entry = data.find(b"PK\x01\x02", entry + 4)
    size = int.from_bytes(data[entry + 24 : entry + 28], "little")
    data[entry + 24 : entry + 28] = (size // 10).to_bytes(4, "little")
    with pytest.raises(InputError, match="does not unpack to what it declares"):
        read(bytes(data))


# The model: same as from the .txt --------------------------------------------


@pytest.fixture(scope="module")
def txt_statement() -> Any:
    return parse_file(builders.BUNDLED)


@pytest.mark.parametrize(("numbering", "headings"), VARIANTS)
def test_docx_statement_parses_to_the_txt_model(
    txt_statement: Any, text: str, numbering: str, headings: str, tmp_path: Path
) -> None:
    path = tmp_path / "statement.docx"
    path.write_bytes(build_docx(text, numbering=numbering, headings=headings))  # type: ignore[arg-type]
    statement = parse_file(path)
    assert statement.source is not None and statement.source.format == "docx"
    view = builders.model_view(statement)
    assert len(view["paragraphs"]) == 39
    assert view == builders.model_view(txt_statement)
    # and the rest too: title, date, parties, leaders, preamble, signatories, item details
    assert builders.full_model(statement) == builders.full_model(txt_statement)
