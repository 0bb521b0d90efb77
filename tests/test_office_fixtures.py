"""Statements as LibreOffice writes them (PDF, "Save as HTML", XHTML), made once
from the matrix's Word rendering by ``tests/fixtures/office/make_fixtures.py``
and committed: each gives the .txt model, as the format matrix asks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jtreport.api import bundled_statement, parse_file

from .conftest import CORPUS
from .test_format_matrix import assert_same_structure

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "office"
SOURCES = {
    "japan-tajikistan-2025": bundled_statement(),
    "g7-2023-hiroshima-leaders-communique": CORPUS / "g7-2023-hiroshima-leaders-communique.txt",
}
CASES = [
    (stem, extension) for stem in sorted(SOURCES) for extension in ("docx", "pdf", "html", "xhtml")
]


@pytest.mark.parametrize(("stem", "extension"), CASES, ids=lambda v: str(v))
def test_office_suite_rendering_gives_the_txt_model(
    stem: str, extension: str, tmp_path: Path
) -> None:
    source = SOURCES[stem]
    if not source.is_file():
        pytest.skip(f"{source} is not beside this checkout")
    fixture = FIXTURES / f"{stem}.{extension}"
    # XHTML is served as HTML: read it under the name a site gives it
    target = tmp_path / f"{stem}.{'html' if extension == 'xhtml' else extension}"
    shutil.copy(fixture, target)
    got = parse_file(target)
    assert got.source is not None and got.source.format in ("docx", "pdf", "html")
    assert_same_structure(got, parse_file(source))


def test_fixtures_are_what_libreoffice_wrote() -> None:
    # what the readers must cope with is really in the files
    html = (FIXTURES / "japan-tajikistan-2025.html").read_text("utf-8")
    assert 'content="LibreOffice' in html and '<div title="header">' in html
    assert "<ol>\n\t<li><p" in html  # a continued list: a bare <ol>
    xhtml = (FIXTURES / "japan-tajikistan-2025.xhtml").read_text("utf-8")
    assert xhtml.startswith("<?xml") and 'style="display:block;float:left;' in xhtml
    from pypdf import PdfReader

    pdf = PdfReader(FIXTURES / "japan-tajikistan-2025.pdf")
    assert pdf.metadata is not None and str(pdf.metadata.producer).startswith("LibreOffice")
