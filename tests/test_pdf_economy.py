"""The PDF summary does its work once: fewer lines to take without working the
briefing out again, tries with fewer lines laid out from where the lines to
take begin (the same outcome as laying the whole PDF out each time), and the
italic face read only when a caption prints in it.  Outcomes only: no timing."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from jtreport.api import parse_text
from jtreport.digest.briefing import brief, with_line_budget
from jtreport.formats import ExportOptions
from jtreport.model import Statement
from jtreport.plugins.exporters.pdf_summary import render
from jtreport.plugins.exporters.pdf_summary.fonts import choose_fonts
from jtreport.plugins.exporters.pdf_summary.summary import build_summary, with_fewer_lines

from .conftest import CORPUS, needs_corpus

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 1, 10)


def options() -> ExportOptions:
    return ExportOptions(destination=Path("summary.pdf"), created=datetime(2026, 1, 1), as_of=AS_OF)


@pytest.fixture(scope="module")
def longer(bundled_path: Path) -> Statement:
    """The bundled statement with its numbered paragraphs four times over: its
    summary needs several tries to fit its lines to take."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import workloads
    finally:
        sys.path.remove(str(ROOT / "bench"))
    text = workloads.scale_statement(bundled_path.read_text(encoding="utf-8"), 4)
    return parse_text(text, path="longer.txt")


def test_fewer_lines_to_take_are_what_a_new_briefing_gives(
    bundled: Statement, longer: Statement
) -> None:
    for statement in (bundled, longer):
        full = brief(statement, as_of=AS_OF, line_budget=30)
        summary = build_summary(statement, options(), 30)
        for budget in (16, 9, 4, 1):
            assert with_line_budget(full, budget) == brief(
                statement, as_of=AS_OF, line_budget=budget
            )
            assert with_fewer_lines(summary, budget) == build_summary(statement, options(), budget)


def test_a_try_laid_out_from_the_lines_to_take_matches_the_whole_pdf(
    bundled: Statement, longer: Statement
) -> None:
    for statement in (bundled, longer):
        summary = build_summary(statement, options(), 30)
        fonts, _ = choose_fonts(summary.texts())
        _, first, start = render._lay_out(summary, fonts, options())
        assert start.page >= 1 and start.state
        for budget in (30, 20, 12, 6, 4):
            fewer = with_fewer_lines(summary, budget)
            predicted = render._predict(fewer, fonts, start).layout
            _, whole, _ = render._lay_out(fewer, fonts, options())
            assert (predicted.pages, predicted.last_fill) == pytest.approx(
                (whole.pages, whole.last_fill)
            ), budget
        assert first.pages >= 2


def _same_as_every_try_in_full(statement: Statement) -> None:
    opts = options()
    data, layout = render.lay_out(statement, opts)
    summary = build_summary(statement, opts, 30)
    fonts, _ = choose_fonts(summary.texts())
    again, again_layout = render._exhaustive(statement, options(), fonts)
    assert data == again
    assert layout.same(again_layout)


def test_the_chosen_pdf_is_the_one_every_try_in_full_gives(
    bundled: Statement, longer: Statement
) -> None:
    for statement in (bundled, longer):
        _same_as_every_try_in_full(statement)


@needs_corpus
@pytest.mark.parametrize("name", ["jp-eu-2013-21st-summit-joint-press-statement.txt"])
def test_the_compact_layout_is_chosen_as_before(name: str) -> None:
    from jtreport.api import parse_file

    _same_as_every_try_in_full(parse_file(CORPUS / name))


_PROBE = """
import sys
from pathlib import Path
from jtreport.api import export, parse_text
from jtreport.plugins.exporters.pdf_summary import fonts
statement = parse_text(Path(sys.argv[1]).read_text(encoding="utf-8"), path="s.txt")
export(statement, "pdf", sys.argv[2], force=True)
italic = [f for f in fonts._CACHE.values() if type(f).__name__ == "LazyTTFont"]
print("LOADED" if italic and italic[0].loaded else "UNREAD" if italic else "NONE")
"""


def _italic_read(text: str, tmp_path: Path) -> str:
    source = tmp_path / "s.txt"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(source), str(tmp_path / "s.pdf")],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


SHORT = """Joint Statement between Japan and Mongolia

Tokyo, 3 March 2024

1. Both sides welcomed the progress of cooperation in the field of energy.

2. Japan intends to hold the next consultations in Tokyo in May 2026.
"""


def test_the_italic_face_is_read_only_when_a_caption_prints_in_it(
    bundled_path: Path, tmp_path: Path
) -> None:
    found = _italic_read(SHORT, tmp_path)
    if found == "NONE":
        pytest.skip("the body font installed has no italic face")
    assert found == "UNREAD"  # one page: no table breaks, no "(continued)"
    # the bundled summary's documents table breaks across pages
    assert _italic_read(bundled_path.read_text(encoding="utf-8"), tmp_path) == "LOADED"


def test_a_lazy_font_is_the_font_reportlab_reads(tmp_path: Path) -> None:
    import reportlab
    from jtreport.plugins.exporters.pdf_summary.lazyfont import lazy_font
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    italic, regular = folder / "VeraIt.ttf", folder / "Vera.ttf"
    eager = TTFont("jtr-test-eager", str(italic))
    lazy = lazy_font("jtr-test-lazy", italic, 0, (regular, 0))
    pdfmetrics.registerFont(eager)
    pdfmetrics.registerFont(lazy)
    assert not lazy.loaded  # registering reads nothing
    assert pdfmetrics.stringWidth("Connectivity (continued)", "jtr-test-lazy", 8) == (
        pdfmetrics.stringWidth("Connectivity (continued)", "jtr-test-eager", 8)
    )
    assert lazy.loaded and lazy.face.name == eager.face.name
    assert set(vars(lazy)) == set(vars(eager))
    assert set(vars(eager.face)) <= set(vars(lazy.face))
    # a file that cannot be read gives way to the fallback face
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 64)
    stand_in = lazy_font("jtr-test-broken", broken, 0, (regular, 0))
    assert stand_in.face.charWidths == TTFont("jtr-test-regular", str(regular)).face.charWidths
