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
from jtreport.digest import digest, progress
from jtreport.digest.briefing import brief
from jtreport.digest.signed import signed_documents
from jtreport.errors import ExportError
from jtreport.exporting import export_to_path
from jtreport.followup import NO_STATUS_COLOUR, STATUS_COLOURS, STATUSES, FollowUp, is_overdue
from jtreport.formats import ExportOptions
from jtreport.model import Area, DateMention, Item, Paragraph, Party, Person, Source, Statement
from jtreport.pluginmanager import PluginHost
from jtreport.plugins.exporters import pdf_summary
from jtreport.plugins.exporters.pdf_summary import PdfExporter, charts, fontpaths, fonts
from jtreport.plugins.exporters.pdf_summary.page import Decor, fitted_title, marking_alone
from jtreport.plugins.exporters.pdf_summary.render import MIN_LAST_PAGE, lay_out
from jtreport.plugins.exporters.pdf_summary.summary import (
    AreaStatus,
    RunningTitle,
    build_summary,
    clean,
    nice_date,
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
                        "text": f"Japan will provide support to the {project} ({number}).",
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

AS_OF = date(2026, 5, 4)
MEETING = date(2026, 5, 20)
SECTIONS = [
    "Issue",
    "Recommendations",
    "Timing",
    "Documents signed and launched",
    "Commitments by area and status",
    "Overdue and upcoming",
    "Lines to take",
]


def flat(path: Path) -> str:
    """The whole text on one line, spaces collapsed."""
    return " ".join(" ".join(pages_text(path)).split())


def bundled_records(bundled: Statement) -> dict[str, FollowUp]:
    """A matrix filled for the first commitments: one overdue, one closed."""
    plan = [
        ("Delayed", "METI", date(2026, 4, 30)),
        ("Completed", "MOFA", date(2026, 2, 15)),
        ("In progress", "JICA", date(2026, 9, 30)),
        ("Ongoing", "MOFA", None),
        ("Planned", "MLIT", date(2026, 6, 10)),
        ("Suspended", "MOF", None),
    ]
    return {
        item.id: FollowUp(item_id=item.id, status=status, lead_agency=lead, due_date=due)
        for item, (status, lead, due) in zip(bundled.commitments, plan, strict=False)
    }


def test_bundled_summary_is_two_to_four_pages_with_no_near_empty_last_page(
    bundled: Statement,
) -> None:
    for followup in (None, bundled_records(bundled)):
        options = ExportOptions(
            destination=Path("x.pdf"), as_of=AS_OF, meeting_date=MEETING, followup=followup
        )
        data, layout = lay_out(bundled, options)
        assert 2 <= layout.pages <= 4
        assert len(PdfReader(io.BytesIO(data)).pages) == layout.pages
        assert layout.last_fill >= MIN_LAST_PAGE


def test_every_page_has_page_x_of_y_and_the_classification(bundled_pdf: Path) -> None:
    texts = pages_text(bundled_pdf)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert text.count("OFFICIAL") == 2  # top and bottom


def test_outline_follows_the_briefing(bundled: Statement, bundled_pdf: Path) -> None:
    entries = outline(bundled_pdf)
    assert [title for title, _, _ in entries] == SECTIONS
    pages = [page for _, page, _ in entries]
    assert pages == sorted(pages)
    lines = entries[-1][2]
    labels = [g.label for g in digest(bundled) if g.commitments]
    assert [title for title, _, _ in lines] == labels[: len(lines)]
    texts = [" ".join(t.split()) for t in pages_text(bundled_pdf)]
    for title, page, _ in entries:
        assert title in texts[page]


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


def test_the_front_is_the_notes_front_sheet(bundled: Statement, tmp_path: Path) -> None:
    """The issue, recommendations, timing, documents and lines to take are the
    shared briefing's, word for word."""
    records = bundled_records(bundled)
    path, options = export(
        bundled, tmp_path, followup=records, as_of=AS_OF, meeting_date=MEETING, meeting="Talks"
    )
    text = flat(path)
    found = brief(bundled, as_of=AS_OF, followup=records, meeting="Talks", meeting_date=MEETING)
    for paragraph in [*found.issue, *found.recommendations, found.timing]:
        assert " ".join(paragraph.split()) in text
    for document in found.documents:
        assert " ".join(document.name.split()) in text  # whole, never cut
    shown = [line for group in found.lines for line in group.lines]
    printed = [line for line in shown if " ".join(line.text.split()) in text]
    assert len(printed) >= min(len(bundled.commitments), 6)
    summary = build_summary(bundled, options)
    assert [g.label for g in summary.lines] == [g.label for g in found.lines]


def test_overdue_items_are_flagged_for_the_as_of_date(bundled: Statement, tmp_path: Path) -> None:
    records = bundled_records(bundled)
    late = {k for k, r in records.items() if is_overdue(r, AS_OF)}
    assert len(late) == 1
    path, _ = export(bundled, tmp_path, followup=records, as_of=AS_OF, meeting_date=MEETING)
    summary = build_summary(bundled, ExportOptions(destination=path, followup=records, as_of=AS_OF))
    assert {row.item.split(" ")[0] for row in summary.overdue} == late
    text = flat(path)
    (item_id,) = late
    assert re.search(rf"due 30 April 2026 .*? Delayed, overdue {re.escape(item_id)} \(", text)
    assert text.count("Delayed, overdue") == 1
    assert "overdue since 30 April 2026" in text  # in its line to take
    # the day before the due date, nothing is overdue
    early, _ = export(bundled, tmp_path, "early.pdf", followup=records, as_of=date(2026, 4, 29))
    assert "overdue" not in flat(early)


def test_the_status_chart_uses_the_shared_colours(bundled: Statement, tmp_path: Path) -> None:
    records = bundled_records(bundled)
    path, _ = export(bundled, tmp_path, followup=records, as_of=AS_OF)
    content = b"".join(page.get_contents().get_data() for page in PdfReader(path).pages)
    from reportlab.lib.rl_accel import fp_str

    def fill(colour: str) -> bytes:
        """How reportlab writes a fill colour into a page's content."""
        rgb = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return f"{fp_str(*rgb)} rg".encode()

    for status in {r.status for r in records.values() if r.status}:
        assert fill(STATUS_COLOURS[status]) in content, status
    assert fill(NO_STATUS_COLOUR) in content  # "No status" is pale grey, never white
    assert "No status" in flat(path)


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
    marks = [*SECTIONS]
    marks += [g.label for g in digest(bundled) if g.commitments][:1]
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
    # the user's font, and another for the Cyrillic letters it lacks
    assert "BitstreamVeraSans-Roman" in names and len(names) >= 2


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
    records = {
        item.id: FollowUp(item_id=item.id, status="Planned", due_date=date(2026, 9, 1))
        for item in statement.commitments
    }
    path, _ = export(statement, tmp_path, followup=records, as_of=AS_OF)
    texts = pages_text(path)
    joined = " ".join(" ".join(texts).split())
    assert "Overdue and upcoming (continued)" in joined
    for item in statement.commitments:  # every due date is in the timeline
        assert f"{item.id} (para {item.paragraph})" in joined or item.paragraph is None
    # the pages after the first timeline page carry its header row again
    first = next(n for n, t in enumerate(texts) if "Overdue and upcoming" in t)
    following = [t for t in texts[first + 1 :] if "(continued)" in t]
    assert following and all("When What Status Item" in " ".join(t.split()) for t in following)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
    assert PdfExporter().recognizes(path)


def test_chart_labels_are_never_cut() -> None:
    label = "Human Resource and Social System Development, Governance and Public Finance Reform"
    areas = [AreaStatus(key="a", label=label, commitments=3, by_status={"No status": 3}, overdue=0)]
    found, _ = fonts.choose_fonts([label])
    chart = charts.status_chart(areas, [*STATUSES, "No status"])
    drawing = charts.draw_chart(chart, found, 300)
    printed = [
        s.text
        for s in drawing.contents
        if getattr(s, "textAnchor", "") == "end"  # the labels, right-aligned to the bars
    ]
    assert len(printed) > 1 and " ".join(printed) == label
    assert not any("…" in text for text in printed)
    assert chart.legend == [("No status", f"#{NO_STATUS_COLOUR}")]


def test_the_header_keeps_the_date_when_the_classification_is_long(tmp_path: Path) -> None:
    marking = "OFFICIAL-SENSITIVE // RELEASABLE TO JAPAN AND TAJIKISTAN ONLY // NOT FOR PUBLICATION"
    statement = make_statement(commitments_per_area=8)
    path, _ = export(statement, tmp_path, classification=marking)
    texts = pages_text(path)
    assert len(texts) >= 2
    for text in texts[1:]:
        top = " ".join(text.splitlines()[:3])  # the header, read first
        assert marking in top and "20 December 2025" in top and "As of" in top
        assert text.count(marking) == 2  # at the bottom too
    # the marking then has a line of its own; a short one shares the line
    found, _ = fonts.choose_fonts([marking])
    title = RunningTitle(head="Japan – Tajikistan joint statement", date="20 December 2025")
    assert marking_alone(Decor(running_title=title, classification=marking, fonts=found))
    assert not marking_alone(Decor(running_title=title, classification="OFFICIAL", fonts=found))
    assert fitted_title(title, found.name(), 7.5, 60) == "20 December 2025"
    assert fitted_title(title, found.name(), 7.5, 400) == (
        "Japan – Tajikistan joint statement, 20 December 2025"
    )


def test_many_areas_fit_their_chart(tmp_path: Path) -> None:
    areas = [Area(id=f"a{n}", heading=f"Area number {n}") for n in range(40)]
    items = [
        _item(n + 1, 1, f"a{n}", "pledge", text=f"Japan will fund item {n} of area {n}.")
        for n in range(40)
    ]
    statement = Statement(title="Many areas", areas=areas, items=items)
    path, _ = export(statement, tmp_path)
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
    assert 'R&D <pilot> projects & "smart" grids' in flat(path)


def test_empty_statement_still_gives_a_summary(tmp_path: Path) -> None:
    path, options = export(Statement(), tmp_path)
    text = flat(path)
    assert "Joint statement" in text
    assert "The statement records no document signed and no mechanism launched." in text
    assert "The statement holds no commitments." in text
    assert [t for t, _, _ in outline(path)] == SECTIONS
    assert options.warnings == []


def test_follow_up_status(tmp_path: Path) -> None:
    statement = make_statement()
    ids = [i.id for i in statement.commitments]
    followup = {
        ids[1]: FollowUp(item_id=ids[1], status="Completed", lead_agency="MOFA Energy Division"),
        ids[2]: FollowUp(item_id=ids[2], status="Delayed", due_date=date(2026, 3, 31)),
    }
    path, _ = export(statement, tmp_path, followup=followup, as_of=AS_OF)
    text = flat(path)
    done = progress(statement, followup)
    assert done is not None and done.sentence() in text
    assert "lead MOFA Energy Division" in text and "due 31 March 2026" in text
    assert "No status" in text and "1/3 done" in text


def test_options_reach_the_page(tmp_path: Path) -> None:
    path, _ = export(
        make_statement(),
        tmp_path,
        classification="restricted",
        meeting="Follow-up consultations",
        meeting_date=MEETING,
        as_of=AS_OF,
        language="ja",
    )
    texts = pages_text(path)
    assert all("RESTRICTED" in t and "As of 4 May 2026" in t for t in texts)
    assert "Follow-up consultations, 20 May 2026" in texts[0]
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
    summary = build_summary(make_statement(), ExportOptions(destination=Path("x.pdf")))
    assert summary.areas[0].label == "Preamble"  # the loose items all come from the preamble
    assert sum(a.commitments for a in summary.areas) == len(make_statement().commitments)
    assert any("TAKAICHI Sanae" in t for t in summary.texts())
    assert summary.running_title.date == "20 December 2025"


@needs_corpus
@pytest.mark.parametrize("source", corpus_files(), ids=lambda p: p.stem)
def test_corpus_statements_give_complete_summaries(source: Path, tmp_path: Path) -> None:
    statement = parse_file(source)
    options = ExportOptions(destination=tmp_path / "x.pdf", created=CREATED, as_of=AS_OF)
    data, layout = lay_out(statement, options)
    assert options.warnings == []
    assert layout.pages <= 4 and (layout.pages == 1 or layout.last_fill >= MIN_LAST_PAGE)
    texts = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
    joined = " ".join(" ".join(texts).split())
    assert "…" not in joined
    for document in signed_documents(statement):
        assert " ".join(document.name.split()) in joined
    assert [t for t, _, _ in outline_of(data)] == SECTIONS


def outline_of(data: bytes) -> list[Any]:
    """The top-level outline titles of a PDF in memory."""
    reader = PdfReader(io.BytesIO(data))
    return [(e.title, 0, []) for e in reader.outline if not isinstance(e, list)]


def _fields(statement: Statement) -> dict[str, Any]:
    return {name: getattr(statement, name) for name in statement.__struct_fields__}


def test_the_note_and_the_pdf_flag_the_same_items_overdue(
    bundled: Statement, tmp_path: Path
) -> None:
    """One rule, one as-of date, the same items in both reports."""
    import docx
    from jtreport.plugins.exporters.docx_note import DocxExporter

    records = bundled_records(bundled)
    for as_of in (date(2026, 3, 1), AS_OF, date(2026, 12, 4)):
        expected = {k for k, r in records.items() if is_overdue(r, as_of)}
        options = ExportOptions(
            destination=tmp_path / "note.docx", created=CREATED, followup=records, as_of=as_of
        )
        note = docx.Document(str(export_to_path(DocxExporter(), bundled, options)))
        annex = next(t for t in note.tables if t.rows[0].cells[0].text == "ID")
        status = [c.text for c in annex.rows[0].cells].index("Status")
        in_note = {r.cells[0].text for r in annex.rows[1:] if "overdue" in r.cells[status].text}
        summary = build_summary(bundled, options)
        in_pdf = {row.item.split(" ")[0] for row in summary.overdue}
        assert in_note == in_pdf == expected, as_of
    assert expected  # the last date has items overdue
