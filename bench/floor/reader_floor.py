"""The readers' floor: open a document with the library jtreport's reader uses
and take its text out, the plainest way that library offers, and nothing else.

    python reader_floor.py docx|pdf|html FILE
    python reader_floor.py none          # the interpreter alone, to subtract

- docx: python-docx opens the package and gives every paragraph's text,
  tables included (jtreport reads the package with the standard library);
- pdf: pypdf opens the file and extracts every page in layout mode (the mode
  that keeps where lines are, which the reader needs to rebuild paragraphs);
- html: lxml parses the page and gives its text.
"""

from __future__ import annotations

import sys


def docx_text(path: str) -> int:
    """Characters of text in a Word document, by python-docx."""
    import docx

    document = docx.Document(path)
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return sum(len(t) for t in texts)


def pdf_text(path: str) -> int:
    """Characters of text in a PDF, by pypdf in layout mode."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    return sum(len(page.extract_text(extraction_mode="layout")) for page in reader.pages)


def html_text(path: str) -> int:
    """Characters of text in a web page, by lxml."""
    import lxml.html

    return len(lxml.html.parse(path).getroot().text_content())


def main(argv: list[str]) -> int:
    """Extract the text of ``argv[1]`` with the library for ``argv[0]``."""
    kind = argv[0]
    if kind == "none":
        return 0
    extract = {"docx": docx_text, "pdf": pdf_text, "html": html_text}[kind]
    if extract(argv[1]) == 0:
        print(f"reader floor: no text in {argv[1]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
