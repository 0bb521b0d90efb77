"""The PDF summary exporter (``--format pdf``): reopened with pypdf (and
pdftotext where installed) to check what a reader gets: pages, footers,
outline, metadata, embedded fonts, the commitments and Unicode text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import reportlab
from jtreport.api import parse_file
from jtreport.digest import category_counts, digest, milestones, progress
from jtreport.errors import ExportError
from jtreport.exporting import export_to_path
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import Area, DateMention, Item, Paragraph, Party, Person, Source, Statement
from jtreport.pluginmanager import PluginHost
from jtreport.plugins.exporters import pdf_summary
from jtreport.plugins.exporters.pdf_summary import PdfExporter, fontpaths, fonts
from jtreport.plugins.exporters.pdf_summary.summary import (
    build_summary,
    clean,
    nice_date,
    sentence_with,
)
from pypdf import PdfReader

from .conftest import corpus_files, needs_corpus

CREATED = datetime(2025, 12, 21, 9, 30)
TAJIK_LETTERS = "ғӣқӯҳҷ"
RAHMON = "Эмомалӣ Раҳмон"
TAKAICHI = "高市早苗"
#: a project name in Tajik, with the letters Russian Cyrillic lacks
TAJIK_PROJECT = "Лоиҳаи роҳи Истиқлол – Кӯлоб (ғарб, ҷануб)"
#: reportlab's own TrueType font, which has no Cyrillic or Japanese glyphs
VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"


# A statement built by hand -------------------------------------------------------

AREAS = [
    Area(
        id="green",
        heading="Green Economy and Resilience",
        description="Cooperation including new industry development and industrial upgrading",
        part_id="I",
    ),
    Area(id="connectivity", heading="Connectivity", description="Logistics and exchanges"),
    Area(id="people", heading="Human Resource and Social System Development"),
    Area(id="other", heading="Cooperation in other fields", part_id="II"),
]


def _item(number: int, n: int, area: str | None, category: str, **kw: Any) -> Item:
    commits = category in ("pledge", "agreement", "intention", "invitation")
    fields: dict[str, Any] = {
        "id": f"{number}.{n}",
        "paragraph": number,
        "area_id": area,
        "text": f"Both sides {category} item {number}.{n} on cooperation.",
        "actors": ["both"],
        "verb": category,
        "category": category,
        "is_commitment": commits,
    }
    fields.update(kw)
    return Item(**fields)


def make_statement(
    *,
    commitments_per_area: int = 3,
    others_per_area: int = 4,
    pm: str = "TAKAICHI Sanae",
    president: str = "Emomali RAHMON",
    project: str = "Energy Transition Roadmap",
) -> Statement:
    """Four areas, a preamble commitment, every category, dates past and future."""
    paragraphs: list[Paragraph] = []
    items = [
        _item(
            0,
            1,
            None,
            "agreement",
            id="pre3.1",
            paragraph=None,
            text="The two Leaders concurred on promoting concrete projects.",
            verb="concurred on promoting",
        )
    ]
    number = 0
    kinds = ("pledge", "agreement", "intention")
    for area in AREAS:
        for k in range(commitments_per_area + others_per_area):
            number += 1
            if k < commitments_per_area:
                category = kinds[k % 3]
                extra: dict[str, Any] = {}
                if category == "pledge":
                    extra = {
                        "text": f"Japan will provide support to the energy roadmap ({number}).",
                        "verb": "will provide support",
                        "actors": ["Japan"],
                        "organizations": ["JICA", "World Bank"],
                        "instruments": ["grant"],
                        "projects": [project],
                    }
                if category == "intention":
                    extra = {
                        "text": "Both sides expressed their intention to hold the conference "
                        "in May 2026 in Dushanbe, after the dialogue of June 2025.",
                        "verb": "expressed their intention to",
                        "dates": [
                            DateMention(text="in May 2026", value="2026-05", future=True),
                            DateMention(text="June 2025", value="2025-06", future=False),
                        ],
                    }
                item = _item(number, 1, area.id, category, **extra)
            else:
                category = ("welcome", "appreciation", "affirmation")[k % 3]
                item = _item(number, 1, area.id, category)
            items.append(item)
            paragraphs.append(
                Paragraph(index=number, number=number, text=item.text, area_id=area.id)
            )
    items.append(
        _item(
            number,
            2,
            "other",
            "invitation",
            actors=["Tajikistan"],
            verb="extended an invitation",
            text=f"President {president} extended an invitation to Prime Minister {pm} to "
            "pay an official visit to the Republic of Tajikistan.",
        )
    )
    return Statement(
        title="Joint Statement between Japan and the Republic of Tajikistan",
        date="2025-12-20",
        place="Tokyo",
        parties=[
            Party(name="Japan", short_name="Japan"),
            Party(name="Republic of Tajikistan", short_name="Tajikistan"),
        ],
        leaders=[
            Person(name=pm, title="Prime Minister", party="Japan"),
            Person(name=president, title="President", party="Tajikistan"),
        ],
        areas=AREAS,
        paragraphs=paragraphs,
        items=items,
        source=Source(path="hand-built.txt", format="text", sha256="0" * 64),
    )


# Helpers -----------------------------------------------------------------------------


def export(
    statement: Statement, folder: Path, name: str = "summary.pdf", **kw: Any
) -> tuple[Path, ExportOptions]:
    """Export through the core's atomic writer, as the command does."""
    options = ExportOptions(destination=folder / name, created=CREATED, **kw)
    path = export_to_path(PdfExporter(), statement, options)
    return path, options


def pages_text(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(path).pages]


def outline(path: Path) -> list[Any]:
    """The outline as ``[(title, page index, [children...]), ...]``."""
    reader = PdfReader(path)

    def walk(entries: list[Any]) -> list[Any]:
        result: list[Any] = []
        for entry in entries:
            if isinstance(entry, list):
                result[-1][2].extend(walk(entry))
            else:
                result.append((entry.title, reader.get_destination_page_number(entry), []))
        return result

    return walk(reader.outline)


def has_japanese_font() -> bool:
    """True when some installed TrueType font can print Japanese."""
    found, _ = fonts.choose_fonts([TAKAICHI])
    return not found.missing


def has_tajik_font() -> bool:
    """True when some installed TrueType font can print Tajik Cyrillic."""
    found, _ = fonts.choose_fonts([RAHMON + TAJIK_LETTERS])
    return not found.missing


needs_tajik = pytest.mark.skipif(
    not has_tajik_font(),
    reason="no TrueType font with Tajik Cyrillic glyphs installed "
    "(Debian/Ubuntu: apt-get install fonts-dejavu-core)",
)
needs_japanese = pytest.mark.skipif(
    not has_japanese_font(),
    reason="no TrueType font with Japanese glyphs installed "
    "(Debian/Ubuntu: apt-get install fonts-ipafont-gothic)",
)


@pytest.fixture(scope="module")
def bundled_pdf(bundled: Statement, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundled")
    path, options = export(bundled, folder, author="Second Central Asia Division")
    assert options.warnings == []
    return path


# The plugin --------------------------------------------------------------------------


def test_plugin_registers_pdf_without_loading_reportlab() -> None:
    registered: list[Any] = []
    pdf_summary.register_exporters(registered.append)
    assert [(e.name, e.extension) for e in registered] == [("pdf", ".pdf")]
    assert isinstance(PluginHost(third_party=False).exporters["pdf"], PdfExporter)
    code = (
        "import sys, jtreport.plugins.exporters.pdf_summary as p; "
        "p.register_exporters(lambda e: None); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pypdf')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# The bundled statement ---------------------------------------------------------------


def test_bundled_summary_is_two_to_four_pages(bundled_pdf: Path) -> None:
    assert 2 <= len(PdfReader(bundled_pdf).pages) <= 4


def test_every_page_has_page_x_of_y_footer(bundled_pdf: Path) -> None:
    texts = pages_text(bundled_pdf)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "OFFICIAL" in text


def test_outline_has_one_entry_per_area_on_its_page(bundled: Statement, bundled_pdf: Path) -> None:
    entries = outline(bundled_pdf)
    titles = [title for title, _, _ in entries]
    assert titles == ["Key figures", "Commitments by area", "Upcoming milestones"]
    areas = entries[1][2]
    assert [title for title, _, _ in areas] == [group.label for group in digest(bundled)]
    assert {a.heading for a in bundled.areas} <= {title for title, _, _ in areas}
    texts = [t.replace("\n", " ") for t in pages_text(bundled_pdf)]
    pages = [page for _, page, _ in areas]
    assert pages == sorted(pages)
    for (title, page, _), group in zip(areas, digest(bundled), strict=True):
        assert title in texts[page]
        if group.commitments:  # a heading is never left without its first row
            assert re.search(rf"(?<![\w.]){re.escape(group.commitments[0].id)}\b", texts[page])


def test_metadata(bundled: Statement, bundled_pdf: Path) -> None:
    reader = PdfReader(bundled_pdf)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == bundled.title
    assert meta.author == "Second Central Asia Division"
    assert meta.subject is not None and "20 December 2025" in meta.subject
    keywords = str(meta.get("/Keywords"))
    for area in bundled.areas:
        assert area.heading in keywords
    assert meta.creator is not None and meta.creator.startswith("jtreport ")
    assert meta.get("/CreationDate") == "D:20251221093000+00'00'"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_commitment_ids_and_counts_in_text(bundled: Statement, bundled_pdf: Path) -> None:
    text = "\n".join(pages_text(bundled_pdf))
    assert bundled.commitments
    for item in bundled.commitments:
        assert re.search(rf"(?<![\w.]){re.escape(item.id)}(?![\w])", text), item.id
    for group in digest(bundled):
        assert group.label in text


def test_key_figures_and_charts_on_the_first_page(bundled: Statement, bundled_pdf: Path) -> None:
    first = pages_text(bundled_pdf)[0]
    numbers = {len(bundled.paragraphs), len(bundled.items), len(bundled.commitments)}
    assert {str(n) for n in numbers} <= set(first.split())
    assert "Items by category" in first and "Items per area" in first
    for category, count in category_counts(bundled).items():
        if count:
            assert category.capitalize() in first


def test_every_font_is_embedded(bundled_pdf: Path) -> None:
    reader = PdfReader(bundled_pdf)
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen += 1
    assert seen


def test_export_is_byte_identical_for_the_same_created_time(bundled: Statement) -> None:
    outputs = []
    for created in (CREATED, CREATED, datetime(2026, 1, 2)):
        stream = io.BytesIO()
        options = ExportOptions(destination=Path("x.pdf"), created=created)
        PdfExporter().export(bundled, stream, options)
        outputs.append(stream.getvalue())
    assert outputs[0] == outputs[1]
    assert outputs[0] != outputs[2]
    assert b"D:20260102000000" in outputs[2]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_pdftotext_reads_sections_in_order(bundled: Statement, bundled_pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(bundled_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    marks = ["Key figures", "Commitments by area"]
    for group in digest(bundled):
        marks.append(f"\n{group.label}\n")
        marks += [f"{item.id}\n" for item in group.commitments]
    marks.append("Upcoming milestones")
    marks += [f"{m.item.id}\n" for m in milestones(bundled)]
    position = 0
    for mark in marks:  # each after the one before
        found = text.find(mark, position)
        assert found >= 0, (mark, text[position : position + 200])
        position = found + len(mark)


# Hand-built statements: Unicode, fonts, warnings -------------------------------------


@needs_tajik
def test_tajik_cyrillic_prints_and_extracts(tmp_path: Path) -> None:
    statement = make_statement(president=RAHMON, project=TAJIK_PROJECT)
    path, options = export(statement, tmp_path)
    text = " ".join(pages_text(path)).replace("\n", " ")
    assert RAHMON in text and TAJIK_PROJECT in text
    for letter in TAJIK_LETTERS:
        assert letter in text
    assert options.warnings == []


@needs_japanese
def test_japanese_name_prints_with_a_fallback_font(tmp_path: Path) -> None:
    statement = make_statement(president=RAHMON, pm=TAKAICHI)
    path, options = export(statement, tmp_path)
    assert options.warnings == []
    text = "".join(pages_text(path))
    assert TAKAICHI in text and RAHMON in text
    names = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(path).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert len({name.split("+")[-1] for name in names}) >= 3  # body, bold + a CJK face


def test_unprintable_characters_are_named_in_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # only reportlab's Latin-only Vera font, and nowhere to look for another
    monkeypatch.setattr(fontpaths, "FALLBACK", ())
    monkeypatch.setattr(fonts, "fontconfig_covering", lambda char: [])
    statement = make_statement(president=RAHMON)
    path, options = export(statement, tmp_path, font=VERA)
    assert path.exists()
    assert len(options.warnings) == 1
    warning = options.warnings[0]
    assert "U+04E3 'ӣ'" in warning and "U+04B3 'ҳ'" in warning
    assert "Bitstream Vera Sans" in warning or "Vera" in warning
    assert "\n" not in warning


@needs_tajik
def test_user_font_lacking_cyrillic_falls_back_per_character(tmp_path: Path) -> None:
    path, options = export(make_statement(president=RAHMON), tmp_path, font=VERA)
    assert options.warnings == []
    text = "".join(pages_text(path))
    assert RAHMON in text
    names = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(path).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "BitstreamVeraSans-Roman" in names and len(names) > 2


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "no such file"),
        (b"not a font at all", "not a recognized TrueType font"),
        (b"OTTO" + bytes(200), "PostScript (CFF) outlines"),
    ],
)
def test_unusable_font_option_is_a_one_line_error(
    tmp_path: Path, content: bytes | None, says: str
) -> None:
    font = tmp_path / "font.ttf"
    if content is not None:
        font.write_bytes(content)
    with pytest.raises(ExportError) as caught:
        export(make_statement(), tmp_path, font=font)
    message = str(caught.value)
    assert says.lower() in message.lower() and str(font) in message and "\n" not in message
    assert not (tmp_path / "summary.pdf").exists()


# Layout ------------------------------------------------------------------------------


def test_long_tables_split_with_repeated_header(tmp_path: Path) -> None:
    statement = make_statement(commitments_per_area=40, others_per_area=2)
    path, _ = export(statement, tmp_path)
    texts = pages_text(path)
    assert len(texts) > 4
    joined = "\n".join(texts)
    for item in statement.commitments:
        assert re.search(rf"(?<![\w.]){re.escape(item.id)}(?![\w])", joined), item.id
    # every page after the first carries a commitments or milestones table header
    for number, text in enumerate(texts[1:], start=2):
        assert "Partners named" in text or "Milestone" in text, number
        assert f"Page {number} of {len(texts)}" in text
    assert "Connectivity (continued)" in joined
    assert PdfExporter().recognizes(path)


def test_many_areas_fit_their_charts_and_outline(tmp_path: Path) -> None:
    areas = [Area(id=f"a{n}", heading=f"Area number {n}") for n in range(40)]
    items = [
        _item(n + 1, 1, f"a{n}", "pledge" if n % 2 else "welcome", text=f"Item of area {n}.")
        for n in range(40)
    ]
    statement = Statement(title="Many areas", areas=areas, items=items)
    path, _ = export(statement, tmp_path)
    entries = outline(path)
    assert [title for title, _, _ in entries[1][2]] == [a.heading for a in areas]
    assert "23 more areas" in "".join(pages_text(path))  # the chart sums the overflow


def test_markup_characters_print_literally(tmp_path: Path) -> None:
    base = make_statement()
    odd = Item(
        id="9.9",
        paragraph=9,
        area_id="green",
        text='Japan will fund R&D <pilot> projects & "smart" grids.',
        actors=["Japan"],
        verb="will fund",
        category="pledge",
        is_commitment=True,
    )
    statement = Statement(**{**_fields(base), "items": [*base.items, odd]})
    path, _ = export(statement, tmp_path)
    text = "".join(pages_text(path))
    assert "R&D <pilot> projects &" in text.replace("\n", " ")


def test_empty_statement_still_gives_a_summary(tmp_path: Path) -> None:
    path, options = export(Statement(), tmp_path)
    text = "".join(pages_text(path))
    assert "Joint statement" in text
    assert "The statement names no date after its own." in text
    assert [t for t, _, _ in outline(path)] == [
        "Key figures",
        "Commitments by area",
        "Upcoming milestones",
    ]
    assert options.warnings == []


def test_follow_up_status_section(tmp_path: Path) -> None:
    statement = make_statement()
    ids = [i.id for i in statement.commitments]
    followup = {
        ids[0]: FollowUp(item_id=ids[0], status="Completed", lead_agency="MOFA Energy Division"),
        ids[1]: FollowUp(item_id=ids[1], status="Delayed", due_date=date(2026, 3, 31)),
    }
    path, _ = export(statement, tmp_path, followup=followup)
    text = "\n".join(pages_text(path)).replace("\n", " ")
    sentence = progress(statement, followup)
    assert sentence is not None and sentence.sentence() in text
    assert "MOFA Energy Division" in text and "due 31 March 2026" in text
    assert "Status" in text and "No status" in text
    titles = [t for t, _, _ in outline(path)]
    assert titles[:2] == ["Key figures", "Follow-up status"]


def test_options_reach_the_page(tmp_path: Path) -> None:
    path, _ = export(
        make_statement(),
        tmp_path,
        classification="restricted",
        meeting="Follow-up consultations, May 2026",
        language="ja",
    )
    texts = pages_text(path)
    assert all("RESTRICTED" in t for t in texts)
    assert "Follow-up consultations, May 2026" in texts[0]
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "ja"


# Replacing files -----------------------------------------------------------------------


def test_recognizes_its_own_pdf_only(tmp_path: Path) -> None:
    path, _ = export(make_statement(), tmp_path)
    exporter = PdfExporter()
    assert exporter.recognizes(path)
    export(make_statement(), tmp_path)  # regenerating over its own file is allowed
    foreign = tmp_path / "foreign.pdf"
    foreign.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Creator (Word) >>\nendobj\n")
    assert not exporter.recognizes(foreign)
    (tmp_path / "notes.pdf").write_text("hello")
    assert not exporter.recognizes(tmp_path / "notes.pdf")
    assert not exporter.recognizes(tmp_path / "missing.pdf")
    with pytest.raises(ExportError, match="not overwriting"):
        export(make_statement(), tmp_path, name="foreign.pdf")


# The summary's words --------------------------------------------------------------------


def test_summary_texts_and_formatting() -> None:
    assert nice_date("2025-12-20") == "20 December 2025"
    assert nice_date("2026-05") == "May 2026"
    assert nice_date("2027") == "2027"
    assert nice_date("soon") == "soon"
    assert clean("a\u200bb\n c\x07") == "ab c"
    text = "Japan welcomed the plan. The conference in May 2026 will follow. Then more."
    assert sentence_with(text, "in May 2026") == "The conference in May 2026 will follow."
    summary = build_summary(make_statement(), ExportOptions(destination=Path("x.pdf")))
    assert summary.areas[0].label == "Preamble"  # the loose items all come from the preamble
    assert sum(len(a.commitments) for a in summary.areas) == len(make_statement().commitments)
    assert any("TAKAICHI Sanae" in t for t in summary.texts())


@needs_corpus
@pytest.mark.parametrize("source", corpus_files(), ids=lambda p: p.stem)
def test_corpus_statements_give_complete_summaries(source: Path, tmp_path: Path) -> None:
    statement = parse_file(source)
    path, options = export(statement, tmp_path)
    assert options.warnings == []
    reader = PdfReader(path)
    texts = [page.extract_text() for page in reader.pages]
    joined = "\n".join(texts)
    for item in statement.commitments:
        assert re.search(rf"(?<![\w.]){re.escape(item.id)}(?![\w])", joined), item.id
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
    areas = outline(path)[1][2]
    assert len(areas) == len(digest(statement))


def _fields(statement: Statement) -> dict[str, Any]:
    return {name: getattr(statement, name) for name in statement.__struct_fields__}
