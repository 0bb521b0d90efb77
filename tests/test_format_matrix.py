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
