"""The format matrix: every statement, as Word, web page and PDF, gives its
.txt model.

For each statement of ``../shared/corpus`` and of the labelled set
(``bench/labelled/texts``), and the bundled one, each rendering of
:mod:`tests.renderings` is made in the test run and read back; its model must
have the .txt model's numbered paragraphs, paragraph texts (token for token),
preamble, parts, areas (headings and descriptions, and which paragraphs each
holds), title, and the same number of items in each paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from jtreport.api import bundled_statement, parse_file
from jtreport.model import Statement

from tests import renderings

from .conftest import ROOT, corpus_files

LABELLED = ROOT / "bench" / "labelled" / "texts"


def statements() -> list[Path]:
    """The bundled statement, the corpus and the labelled set's texts."""
    found = {bundled_statement().name: bundled_statement()}
    for path in [*corpus_files(), *sorted(LABELLED.glob("*.txt"))]:
        found.setdefault(path.name, path)
    return sorted(found.values(), key=lambda p: p.name)


_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str | None) -> list[str]:
    """Words and punctuation, whitespace and line breaks aside."""
    return _TOKEN.findall(text or "")


def structure(statement: Statement) -> dict[str, Any]:
    """What must not depend on the format a statement came in."""
    area_index = {area.id: n for n, area in enumerate(statement.areas)}
    part_index = {part.id: n for n, part in enumerate(statement.parts)}
    items: dict[str, int] = {}
    for item in statement.items:
        key = item.id.rsplit(".", 1)[0]
        items[key] = items.get(key, 0) + 1
    return {
        "title": tokens(statement.title),
        "preamble": [tokens(text) for text in statement.preamble],
        "parts": [(part.label, tokens(part.heading)) for part in statement.parts],
        "areas": [
            (tokens(a.heading), tokens(a.description), part_index.get(a.part_id or ""))
            for a in statement.areas
        ],
        "numbers": [p.number for p in statement.paragraphs],
        "paragraphs": [
            (p.number, area_index.get(p.area_id or ""), tokens(p.text))
            for p in statement.paragraphs
        ],
        "items per paragraph": items,
    }


def assert_same_structure(got: Statement, want: Statement) -> None:
    """Compare field by field, so that a failure names what differs."""
    have, expected = structure(got), structure(want)
    for key in expected:
        if key == "paragraphs" and have[key] != expected[key]:
            for index, (a, b) in enumerate(zip(have[key], expected[key], strict=False)):
                assert a == b, f"paragraph {index + 1}: {a} != {b}"
        assert have[key] == expected[key], key


@pytest.mark.parametrize("rendering", sorted(renderings.RENDERINGS))
@pytest.mark.parametrize("path", statements(), ids=lambda p: p.stem)
def test_every_rendering_gives_the_txt_model(path: Path, rendering: str, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    if rendering == "pdf" and not renderings.pdf_fonts_cover(text):
        pytest.skip("no font here prints every character of this statement (install DejaVu)")
    want = parse_file(path)
    target = tmp_path / f"statement{renderings.extension(rendering)}"
    target.write_bytes(renderings.render(rendering, text))
    got = parse_file(target)
    assert got.source is not None and got.source.format == rendering.split("-")[0]
    assert_same_structure(got, want)


# The renderings hold what they claim to ---------------------------------------------


@pytest.fixture(scope="module")
def bundled_text() -> str:
    return bundled_statement().read_text(encoding="utf-8")


def docx_parts(data: bytes) -> dict[str, str]:
    """The XML parts of a .docx, by name."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith("xml")}


def test_numbered_docx_numbers_by_word_lists_with_subtitles_header_and_footer(
    bundled_text: str,
) -> None:
    parts = docx_parts(renderings.render("docx-numbered", bundled_text))
    document = parts["word/document.xml"]
    assert document.count("<w:numPr>") >= 39 + 2  # the paragraphs and the two parts
    assert "<w:startOverride" in parts["word/numbering.xml"]
    assert not re.search(r"<w:t>\d+\. ", document)  # no number is typed
    assert document.count('w:val="Subtitle"') == 3
    header = next(text for name, text in parts.items() if name.startswith("word/header"))
    footer = next(text for name, text in parts.items() if name.startswith("word/footer"))
    assert "Ministry of Foreign Affairs" in header and " PAGE " in footer


def test_typed_docx_types_its_numbers_and_signs_in_a_table(bundled_text: str) -> None:
    document = docx_parts(renderings.render("docx-typed", bundled_text))["word/document.xml"]
    assert len(re.findall(r"<w:t>\d+\. ", document)) == 39
    table = document[document.index("<w:tbl>") :]
    assert "Prime Minister TAKAICHI Sanae" in table and "President Emomali RAHMON" in table


def test_web_pages_hold_lists_or_typed_numbers_inside_a_site(bundled_text: str) -> None:
    listed = renderings.render("html-ol", bundled_text).decode("utf-8")
    typed = renderings.render("html-p", bundled_text).decode("utf-8")
    assert listed.count("<li>") >= 39 and '<ol class="statement"' in listed
    assert '<p class="subtitle">' in listed and "<em>" in typed
    assert len(re.findall(r"<p>\d+\. ", typed)) == 39
    for page in (listed, typed):
        assert '<nav class="global-nav">' in page and 'class="breadcrumb"' in page
        assert "<script>" in page and '<footer class="site-footer">' in page


def test_word_page_types_labels_before_the_text_as_word_saves_it(bundled_text: str) -> None:
    page = renderings.render("html-word", bundled_text)
    assert b"charset=windows-1252" in page and b"Microsoft Word" in page
    assert page.count(b"<p class=MsoListParagraphCxSpFirst") == 39
    assert page.count(b"<p class=MsoSubtitle>") == 3
    assert b"<span>16.<span style='font:7.0pt" in page


def test_pdf_sets_tight_numbers_page_furniture_and_cuts_paragraphs(bundled_text: str) -> None:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(renderings.render("pdf", bundled_text)))
    pages = [[line.strip() for line in p.extract_text().splitlines()] for p in reader.pages]
    total = len(pages)
    assert total > 5
    for number, lines in enumerate(pages, 1):
        assert "Ministry of Foreign Affairs" in lines[0]
        assert any(f"Page {number} of {total}" in line for line in lines)
    text = "\n".join(line for lines in pages for line in lines)
    assert len(re.findall(r"(?m)^\d+\.[A-Z]", text)) >= 30  # "10.Both sides", no space
    # some page ends in the middle of a sentence: a paragraph goes on on the next page
    body_ends = [
        [x for x in lines if "Page " not in x and "www." not in x][-1] for lines in pages[:-1]
    ]
    assert any(not end.endswith((".", "”", '"', ";")) for end in body_ends)
