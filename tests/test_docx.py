"""The Word briefing note (``--format docx``): reopened with python-docx and checked."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from jtreport.errors import ExportError, TemplateError
from jtreport.exporting import export_to_path
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions
from jtreport.model import (
    Area,
    DateMention,
    Item,
    Paragraph,
    Part,
    Party,
    Person,
    Source,
    Statement,
)
from jtreport.plugins.exporters.docx_note import DocxExporter, template_path
from jtreport.plugins.exporters.docx_note import styles as S

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CREATED = datetime(2026, 1, 15, 9, 30, 0)


# A statement built by hand -------------------------------------------------------


def _item(
    item_id: str,
    area: str | None,
    text: str,
    verb: str,
    category: str,
    *,
    commitment: bool = False,
    actors: tuple[str, ...] = ("both",),
    dates: tuple[DateMention, ...] = (),
    organizations: tuple[str, ...] = (),
    projects: tuple[str, ...] = (),
) -> Item:
    head = item_id.split(".")[0]
    return Item(
        id=item_id,
        paragraph=int(head) if head.isdigit() else None,
        area_id=area,
        text=text,
        actors=list(actors),
        verb=verb,
        category=category,  # type: ignore[arg-type]
        is_commitment=commitment,
        organizations=list(organizations),
        projects=list(projects),
        dates=list(dates),
    )


def hand_statement() -> Statement:
    """A small statement with every category, past and future dates, three areas,
    preamble items and Unicode (Cyrillic, Japanese, curly quotes)."""
    areas = [
        Area(
            id="green",
            heading="Green Economy and Resilience",
            description="Energy and climate",
            part_id="I",
        ),
        Area(id="connect", heading="Connectivity", description="Transport and people", part_id="I"),
        Area(id="other", heading="Cooperation in other fields", part_id="II"),
    ]
    items = [
        _item(
            "pre1.1",
            None,
            "The two Leaders concurred on promoting concrete projects with Japan.",
            "concurred on",
            "agreement",
            commitment=True,
        ),
        _item(
            "pre2.1",
            None,
            "The two Leaders affirmed the importance of the UN Charter.",
            "affirmed",
            "affirmation",
        ),
        _item(
            "1.1",
            "green",
            "Both sides welcomed the signing of the Exchange of Notes for "
            "“the Substation Project”.",
            "welcomed",
            "welcome",
            projects=("the Substation Project",),
        ),
        _item(
            "2.1",
            "green",
            "Japan welcomed Tajikistan’s hosting of the Water Conference in May 2026 in Dushanbe.",
            "welcomed",
            "welcome",
            actors=("Japan",),
            dates=(DateMention(text="May 2026", value="2026-05", future=True),),
        ),
        _item(
            "4.1",
            "green",
            "In this regard, Japan will support the formulation of an energy transition "
            "roadmap toward the net-zero goal.",
            "will support",
            "pledge",
            commitment=True,
            actors=("Japan",),
        ),
        _item(
            "10.1",
            "green",
            "Both sides expressed their intention to work together on energy efficiency with JICA.",
            "expressed their intention to",
            "intention",
            commitment=True,
            organizations=("JICA",),
        ),
        _item(
            "14.1",
            "green",
            "Japan welcomed Tajikistan’s decision to participate in GREENxEXPO 2027.",
            "welcomed",
            "welcome",
            actors=("Japan",),
            dates=(DateMention(text="2027", value="2027", future=True),),
        ),
        _item(
            "16.1",
            "connect",
            "Both sides concurred on promoting cooperation regarding the "
            "“Trans-Caspian International Transport Route”.",
            "concurred on",
            "agreement",
            commitment=True,
            projects=("Trans-Caspian International Transport Route",),
        ),
        _item(
            "19.1",
            "connect",
            "Both sides concurred on launching the Japan-Tajikistan Consultations on "
            "Afghanistan issue.",
            "concurred on",
            "agreement",
            commitment=True,
        ),
        _item(
            "21.1",
            "connect",
            "Both sides welcomed the workshop held on February 14, 2025.",
            "welcomed",
            "welcome",
            dates=(DateMention(text="February 14", value="2025-02-14", future=False),),
        ),
        _item(
            "22.1",
            "connect",
            "Tajikistan appreciated Japan's contribution to capacity building.",
            "appreciated",
            "appreciation",
            actors=("Tajikistan",),
        ),
        _item(
            "36.1",
            "other",
            "Tajikistan appreciated the cultural exchange conducted by the Japan Foundation.",
            "appreciated",
            "appreciation",
            actors=("Tajikistan",),
            organizations=("Japan Foundation",),
        ),
        _item(
            "39.1",
            "other",
            "President Эмомалӣ Раҳмон extended an invitation to Prime Minister 高市早苗 "
            "to pay an official visit to the Republic of Tajikistan.",
            "extended an invitation",
            "invitation",
            actors=("Tajikistan",),
        ),
    ]
    numbers = sorted({int(i.id.split(".")[0]) for i in items if i.paragraph is not None})
    area_of = {int(i.id.split(".")[0]): i.area_id for i in items if i.paragraph is not None}
    paragraphs = [
        Paragraph(index=k + 1, number=n, text=f"Paragraph {n}.", area_id=area_of[n])
        for k, n in enumerate(numbers)
    ]
    return Statement(
        title="Joint Statement between Japan and the Republic of Tajikistan on “Co-creation”",
        date="2025-12-20",
        place="Tokyo",
        parties=[
            Party(name="Japan", short_name="Japan"),
            Party(name="Republic of Tajikistan", short_name="Tajikistan"),
        ],
        leaders=[
            Person(name="高市早苗 (TAKAICHI Sanae)", title="Prime Minister", party="Japan"),
            Person(name="Эмомалӣ Раҳмон", title="President", party="Tajikistan"),
        ],
        preamble=["On December 20, 2025, the two Leaders held a meeting in Tokyo."],
        parts=[
            Part(id="I", label="I", heading="Three Priority Areas of Cooperation"),
            Part(id="II", label="II", heading="Cooperation in other fields"),
        ],
        areas=areas,
        paragraphs=paragraphs,
        items=items,
        source=Source(path="statement.txt", format="text", sha256="0" * 64),
    )


# Helpers --------------------------------------------------------------------------


def export(statement: Statement, tmp_path: Path, name: str = "note.docx", **options: Any) -> Path:
    """Export through the core (atomic write) and return the path."""
    target = tmp_path / name
    export_to_path(
        DocxExporter(),
        statement,
        ExportOptions(destination=target, created=CREATED, **options),
    )
    return target


def open_note(path: Path) -> Any:
    return docx.Document(str(path))


def style_texts(document: Any, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def annex_table(document: Any) -> Any:
    return next(t for t in document.tables if t.rows[0].cells[0].text == "ID")


@pytest.fixture(scope="module")
def bundled() -> Statement:
    """The bundled statement, parsed (skipped while the parser is unavailable)."""
    from jtreport.api import bundled_statement, parse_file

    try:
        return parse_file(bundled_statement())
    except ModuleNotFoundError as exc:  # pragma: no cover - parser pending
        if not (exc.name or "").startswith("jtreport.parser"):
            raise
        pytest.skip(f"the parser is not available: {exc}")


# The content ----------------------------------------------------------------------


def test_note_follows_the_briefing_shape(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path, meeting="Consultations, May 2026"))
    assert style_texts(note, "Title") == ["Briefing note"]
    assert style_texts(note, "Subtitle") == ["Consultations, May 2026"]
    assert style_texts(note, "Heading 1") == [
        "Purpose",
        "Summary",
        "Background",
        "Commitments by area",
        "Upcoming milestones",
        "Points to raise",
        "Next steps",
        "Annex: all statement items",
    ]
    assert style_texts(note, "Heading 2") == [
        "Preamble",
        "Green Economy and Resilience",
        "Connectivity",
        "Cooperation in other fields",
    ]


def test_heading_block_names_meeting_statement_date_parties_and_classification(
    tmp_path: Path,
) -> None:
    note = open_note(export(hand_statement(), tmp_path, classification="SECRET//REL JPN"))
    meta = "\n".join(style_texts(note, S.NOTE_META))
    assert "Classification\tSECRET//REL JPN" in meta
    assert [p.text for p in note.sections[0].header.paragraphs] == ["SECRET//REL JPN"]
    assert (
        "Statement\tJoint Statement between Japan and the Republic of Tajikistan on “Co-creation”"
        in meta
    )
    assert "Date\t20 December 2025, Tokyo" in meta
    assert "Parties\tJapan; Republic of Tajikistan" in meta
    assert "Prepared\t15 January 2026" in meta
    # without --meeting, the subtitle describes the follow-up
    assert style_texts(note, "Subtitle") == ["Follow-up to the joint statement of 20 December 2025"]


def test_summary_gives_the_bottom_line_first(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    texts = [p.text for p in note.paragraphs]
    first = texts[texts.index("Summary") + 1]
    assert first.startswith("The joint statement has 11 paragraphs and 13 items in 3 areas")
    assert (
        "Of these, 5 are commitments to future action: 1 pledge, 3 agreements and 1 intention."
        in first
    )
    bullets = style_texts(note, "List Bullet")
    green = next(b for b in bullets if b.startswith("Green Economy and Resilience: "))
    assert "2 commitments" in green and "the formulation of an energy transition" in green
    assert any(b.startswith("Next milestone: May 2026") for b in bullets)
    assert any(b.startswith("Open invitation: ") and "高市早苗" in b for b in bullets)


def test_every_commitment_appears_with_its_id(tmp_path: Path) -> None:
    statement = hand_statement()
    note = open_note(export(statement, tmp_path))
    lines = style_texts(note, S.COMMITMENT)
    assert [line.split("\t")[0] for line in lines] == [i.id for i in statement.commitments]
    assert "\tIn this regard, Japan will support the formulation" in lines[1]
    assert lines[1].endswith("(para 4)")
    details = style_texts(note, S.COMMITMENT_DETAIL)
    assert any("Partners: JICA" in d for d in details)


def test_other_items_are_listed_in_brief_with_their_paragraph(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    bullets = style_texts(note, "List Bullet")
    assert (
        "Appreciated (1): Japan's contribution to capacity building (Tajikistan, para 22)."
        in bullets
    )
    assert "Affirmed (1): the importance of the UN Charter (preamble)." in bullets
    welcomed = next(b for b in bullets if b.startswith("Welcomed (3): "))
    assert (
        "; Tajikistan’s hosting of the Water Conference in May 2026… (Japan, para 2);" in welcomed
    )
    assert "Welcomed (1): the workshop held on February 14, 2025 (para 21)." in bullets


def test_milestones_are_the_future_dates_in_order(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    table = next(t for t in note.tables if t.rows[0].cells[0].text == "Date")
    dates = [row.cells[0].text for row in table.rows[1:]]
    assert dates == ["May 2026", "2027"]  # the past workshop date is left out


def test_points_to_raise_are_checks_grouped_by_side(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    texts = [p.text for p in note.paragraphs]
    start, end = texts.index("Points to raise"), texts.index("Next steps")
    section = texts[start:end]
    assert "Both sides (joint undertakings)" in section
    assert "Japan undertook" in section
    assert "Invitations to answer" in section
    assert (
        "Japan will support the formulation of an energy transition roadmap toward the net-zero "
        "goal (para 4): confirm progress and the timetable." in section
    )
    assert any(t.startswith("Both sides concurred on launching") for t in section)


def test_annex_has_a_row_per_item_and_a_repeating_header(tmp_path: Path) -> None:
    statement = hand_statement()
    note = open_note(export(statement, tmp_path))
    table = annex_table(note)
    assert [c.text for c in table.rows[0].cells] == [
        "ID",
        "Area",
        "Category",
        "Text",
        "Partners",
        "Dates",
    ]
    assert len(table.rows) == len(statement.items) + 1
    assert [row.cells[0].text for row in table.rows[1:]] == [i.id for i in statement.items]
    header_pr = table.rows[0]._tr.trPr
    assert header_pr is not None and header_pr.find(f"{W}tblHeader") is not None
    assert table.rows[1]._tr.trPr.find(f"{W}tblHeader") is None
    assert table.style.name == S.TABLE
    row = next(r for r in table.rows if r.cells[0].text == "2.1")
    assert row.cells[5].text == "→ May 2026"
    past = next(r for r in table.rows if r.cells[0].text == "21.1")
    assert past.cells[5].text == "14 February 2025"
    # the annex is a landscape section of its own
    assert len(note.sections) == 2
    assert note.sections[1].page_width > note.sections[1].page_height


def test_portrait_annex_on_request(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path, extra={"annex": "portrait"}))
    assert len(note.sections) == 1
    with pytest.raises(ExportError, match="annex"):
        export(hand_statement(), tmp_path, "bad.docx", extra={"annex": "sideways"})


def test_unicode_survives(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    body = "\n".join(p.text for p in note.paragraphs)
    assert "Эмомалӣ Раҳмон" in body and "高市早苗" in body and "“Co-creation”" in body
    annex = "\n".join(c.text for row in annex_table(note).rows for c in row.cells)
    assert "Эмомалӣ Раҳмон" in annex and "高市早苗" in annex


def test_control_characters_in_the_statement_do_not_break_the_file(tmp_path: Path) -> None:
    import msgspec

    statement = hand_statement()
    odd = msgspec.structs.replace(statement.items[0], text="Bad\x00 text\x0b with\tcontrols\x1f.")
    statement = msgspec.structs.replace(statement, items=[odd, *statement.items[1:]])
    note = open_note(export(statement, tmp_path))
    assert "Bad text with\tcontrols." in [c.text for c in annex_table(note).rows[1].cells]


# Follow-up status ---------------------------------------------------------------


def followup() -> dict[str, FollowUp]:
    return {
        "4.1": FollowUp(
            item_id="4.1",
            lead_agency="METI",
            status="Completed",
            next_step="Publish the roadmap",
            due_date=date(2026, 3, 31),
        ),
        "16.1": FollowUp(
            item_id="16.1", lead_agency="MLIT", status="Delayed", next_step="Agree the route survey"
        ),
        "19.1": FollowUp(item_id="19.1", status="In progress"),
        "2.1": FollowUp(item_id="2.1", status="Ongoing", lead_agency="MOFA"),
    }


def test_status_from_a_filled_matrix(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path, followup=followup()))
    assert (
        "Progress: 1 of 5 commitments completed, 1 in progress, 1 delayed, 2 without a status."
        in [p.text for p in note.paragraphs]
    )
    details = style_texts(note, S.COMMITMENT_DETAIL)
    assert any(
        d.startswith("Status: Completed")
        and "Lead agency: METI" in d
        and "Next step: Publish the roadmap" in d
        and "Due: 31 March 2026" in d
        for d in details
    )
    assert "Status: not recorded in the matrix" in details
    table = annex_table(note)
    assert [c.text for c in table.rows[0].cells][-2:] == ["Status", "Lead agency"]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert rows["16.1"][-2:] == ["Delayed", "MLIT"]
    assert rows["2.1"][-2:] == ["Ongoing", "MOFA"]
    assert rows["1.1"][-2:] == ["", ""]
    texts = [p.text for p in note.paragraphs]
    assert any(t.startswith("16.1: Agree the route survey (MLIT, no due date)") for t in texts)
    assert any("ask what is holding it up" in t for t in texts)
    glance = next(t for t in note.tables if t.rows[0].cells[0].text == "Area")
    assert glance.rows[0].cells[-1].text == "Progress"


def test_without_a_matrix_there_are_no_status_columns(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    assert "Status" not in [c.text for c in annex_table(note).rows[0].cells]
    assert not any(d.startswith("Status:") for d in style_texts(note, S.COMMITMENT_DETAIL))


# A real document ------------------------------------------------------------------


def _footer_xml(note: Any) -> str:
    return "".join(p._p.xml for p in note.sections[0].footer.paragraphs)


def test_header_shows_classification_and_footer_page_x_of_y(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path, classification="OFFICIAL-SENSITIVE"))
    section = note.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["OFFICIAL-SENSITIVE"]
    footer = _footer_xml(note)
    assert "> PAGE <" in footer and "> NUMPAGES <" in footer
    assert section.footer.paragraphs[0].text.startswith("Page ")
    # the annex section inherits them
    assert note.sections[1].header.is_linked_to_previous
    assert note.sections[1].footer.is_linked_to_previous


def test_core_properties(tmp_path: Path) -> None:
    note = open_note(
        export(hand_statement(), tmp_path, author="Desk Officer, Central Asia", language="en-GB")
    )
    props = note.core_properties
    assert props.title.startswith("Briefing note: Joint Statement between Japan")
    assert props.subject == "Follow-up to the joint statement of 20 December 2025"
    assert "Tajikistan" in props.keywords and "Connectivity" in props.keywords
    assert props.author == "Desk Officer, Central Asia"
    assert props.language == "en-GB"
    stamp = CREATED.replace(tzinfo=UTC)
    assert props.created == stamp and props.modified == stamp and props.last_printed == stamp
    assert props.content_status == "OFFICIAL"


def test_headings_are_outline_levels_for_the_navigation_pane(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    for level in (1, 2, 3):
        style = note.styles[f"Heading {level}"]
        outline = style.element.pPr.find(f"{W}outlineLvl")
        assert outline is not None and outline.get(f"{W}val") == str(level - 1)


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    first = export(hand_statement(), tmp_path, "a.docx", followup=followup())
    second = export(hand_statement(), tmp_path, "b.docx", followup=followup())
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 1, 15, 9, 30, 0)}


def test_recognizes_its_own_notes_only(tmp_path: Path) -> None:
    exporter = DocxExporter()
    note = export(hand_statement(), tmp_path)
    assert exporter.recognizes(note)
    other = tmp_path / "other.docx"
    docx.Document().save(str(other))
    assert not exporter.recognizes(other)
    (tmp_path / "text.docx").write_text("not a zip")
    assert not exporter.recognizes(tmp_path / "text.docx")
    # regenerating over its own note is allowed; over someone else's file it is not
    export(hand_statement(), tmp_path)
    with pytest.raises(ExportError, match="not overwriting"):
        export(hand_statement(), tmp_path, "other.docx")


# Templates ------------------------------------------------------------------------


def ministry_template(tmp_path: Path, edit: Callable[[Any], None] | None = None) -> Path:
    """The default template with other fonts, margins and a letterhead header."""
    from docx.shared import Cm, Pt

    document = docx.Document(io.BytesIO(DocxExporter().default_template()))
    document.styles["Normal"].font.name = "Georgia"
    document.styles["Normal"].font.size = Pt(12)
    document.styles["Heading 1"].font.name = "Times New Roman"
    section = document.sections[0]
    section.left_margin = Cm(4)
    section.right_margin = Cm(3)
    section.top_margin = Cm(3.5)
    section.header.paragraphs[0].text = "Ministry of Foreign Affairs — Central Asia Division"
    document.add_paragraph("This body text must not reach the note.")
    if edit:
        edit(document)
    path = tmp_path / "ministry.docx"
    document.save(str(path))
    return path


def test_template_fonts_margins_and_header_reach_the_note(tmp_path: Path) -> None:
    from docx.shared import Emu, Pt

    note = open_note(export(hand_statement(), tmp_path, template=ministry_template(tmp_path)))
    assert note.styles["Normal"].font.name == "Georgia"
    assert note.styles["Normal"].font.size == Pt(12)
    assert note.styles["Heading 1"].font.name == "Times New Roman"
    section = note.sections[0]
    margins = (section.left_margin, section.right_margin, section.top_margin)
    assert [round(m.cm, 2) for m in margins] == [4.0, 3.0, 3.5]
    header = [p.text for p in section.header.paragraphs]
    assert header == ["OFFICIAL", "Ministry of Foreign Affairs — Central Asia Division"]
    assert "> PAGE <" in _footer_xml(note)
    body = "\n".join(p.text for p in note.paragraphs)
    assert "must not reach the note" not in body
    # the annex keeps the template's margins, turned sideways
    assert round(note.sections[1].left_margin.cm, 2) == 4.0
    # tables fit between the template's margins
    glance = next(t for t in note.tables if t.rows[0].cells[0].text == "Area")
    for table, sect in ((glance, section), (annex_table(note), note.sections[1])):
        width = Emu(sect.page_width - sect.left_margin - sect.right_margin).twips
        grid = table._tbl.tblGrid.findall(f"{W}gridCol")
        assert width - 10 <= sum(int(col.get(f"{W}w")) for col in grid) <= width


def test_a_header_already_showing_the_classification_is_kept_as_is(tmp_path: Path) -> None:
    def mark(document: Any) -> None:
        document.sections[0].header.paragraphs[0].text = "OFFICIAL — Ministry"

    note = open_note(export(hand_statement(), tmp_path, template=ministry_template(tmp_path, mark)))
    assert [p.text for p in note.sections[0].header.paragraphs] == ["OFFICIAL — Ministry"]


def test_a_footer_with_its_own_page_field_is_kept(tmp_path: Path) -> None:
    from jtreport.plugins.exporters.docx_note.fields import field

    def number(document: Any) -> None:
        paragraph = document.sections[0].footer.paragraphs[0]
        paragraph.text = "Ministry page "
        for element in field("PAGE", "1"):
            paragraph._p.append(element)

    note = open_note(
        export(hand_statement(), tmp_path, template=ministry_template(tmp_path, number))
    )
    footer = note.sections[0].footer
    assert [p.text for p in footer.paragraphs] == ["Ministry page 1"]
    assert "NUMPAGES" not in _footer_xml(note)


def test_template_missing_a_style_is_named(tmp_path: Path) -> None:
    def drop(document: Any) -> None:
        element = document.styles["Commitment Detail"].element
        element.getparent().remove(element)

    path = ministry_template(tmp_path, drop)
    with pytest.raises(TemplateError) as caught:
        export(hand_statement(), tmp_path, template=path)
    assert "'Commitment Detail'" in caught.value.message
    assert caught.value.path == str(path)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "note.docx").exists()


def test_template_with_a_style_of_the_wrong_kind(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    def swap(document: Any) -> None:
        element = document.styles["Label"].element
        element.getparent().remove(element)
        document.styles.add_style("Label", WD_STYLE_TYPE.PARAGRAPH)

    with pytest.raises(TemplateError, match="'Label' is a paragraph style, not a character"):
        export(hand_statement(), tmp_path, template=ministry_template(tmp_path, swap))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"plain text, not a document", "is not a Word .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old-format Word .doc"),
        (None, "is not a usable Word .docx file"),
    ],
)
def test_unusable_templates_give_one_line(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.docx"
    if content is None:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("hello.txt", "a zip, but no Word document in it")
    else:
        path.write_bytes(content)
    with pytest.raises(TemplateError, match=message) as caught:
        export(hand_statement(), tmp_path, template=path)
    assert "\n" not in str(caught.value)


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot read the template"):
        export(hand_statement(), tmp_path, template=tmp_path / "nowhere.docx")


def test_a_word_template_dotx_is_accepted(tmp_path: Path) -> None:
    source = ministry_template(tmp_path)
    dotx = tmp_path / "ministry.dotx"
    document_type = b"wordprocessingml.document.main+xml"
    template_type = b"wordprocessingml.template.main+xml"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(document_type, template_type)
            dst.writestr(info, data)
    note = open_note(export(hand_statement(), tmp_path, template=dotx))
    assert note.styles["Normal"].font.name == "Georgia"


def test_default_template_has_every_style_and_an_a4_page() -> None:
    template = docx.Document(io.BytesIO(DocxExporter().default_template()))
    from jtreport.plugins.exporters.docx_note.template import check_styles

    ids = check_styles(template, "default")
    assert set(ids.ids) == {name for name, _ in S.REQUIRED}
    section = template.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_default_template_is_rebuilt_identically_by_its_script() -> None:
    script = Path(__file__).resolve().parents[1] / "templates" / "make_template.py"
    if not script.exists():  # pragma: no cover - installed without the source tree
        pytest.skip("templates/make_template.py is not in this tree")
    spec_globals: dict[str, Any] = {"__name__": "make_template", "__file__": str(script)}
    exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), spec_globals)
    assert spec_globals["build_template"]() == template_path().read_bytes()


def test_write_template_command_writes_the_default(tmp_path: Path) -> None:
    from jtreport.cli import run

    target = tmp_path / "mine.docx"
    assert run(["--write-template", str(target), "-f", "docx", "-q"]) == 0
    assert target.read_bytes() == DocxExporter().default_template()


# The plugin -------------------------------------------------------------------------


def test_help_does_not_import_python_docx() -> None:
    code = (
        "import sys\n"
        "from jtreport.pluginmanager import PluginHost\n"
        "host = PluginHost()\n"
        "assert 'docx' in host.exporters\n"
        "heavy = [m for m in ('docx', 'lxml') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "docx" not in result.stdout.split(",")
    assert "lxml" not in result.stdout.strip().split(",")


def test_a_long_statement_builds_linearly(tmp_path: Path) -> None:
    """A 3,900-paragraph statement: the annex holds every item (this runs in seconds;
    a quadratic build would take minutes)."""
    import msgspec

    base = hand_statement()
    items = [
        msgspec.structs.replace(item, id=f"{n}.{k}", paragraph=n)
        for n in range(1, 3901)
        for k, item in enumerate(base.items[2:4], start=1)
    ]
    paragraphs = [Paragraph(index=n, number=n, text="x", area_id="green") for n in range(1, 3901)]
    statement = msgspec.structs.replace(base, items=items, paragraphs=paragraphs)
    note = open_note(export(statement, tmp_path))
    assert len(annex_table(note).rows) == len(items) + 1


# The bundled statement --------------------------------------------------------------


def test_bundled_statement_note(tmp_path: Path, bundled: Statement) -> None:
    note = open_note(export(bundled, tmp_path))
    headings = style_texts(note, "Heading 2")
    for area in bundled.areas:
        assert area.heading in headings
    commitments = [line.split("\t")[0] for line in style_texts(note, S.COMMITMENT)]
    assert sorted(commitments) == sorted(i.id for i in bundled.commitments)
    assert len(annex_table(note).rows) == len(bundled.items) + 1
    assert "Annex: all statement items" in style_texts(note, "Heading 1")


def test_bundled_statement_through_the_command(tmp_path: Path, bundled: Statement) -> None:
    from jtreport.cli import run

    assert run(["-f", "docx", "-o", str(tmp_path), "-q"]) == 0
    note = open_note(tmp_path / "japan-tajikistan-2025.docx")
    assert len(annex_table(note).rows) == len(bundled.items) + 1


def test_an_empty_statement_still_gives_a_note(tmp_path: Path) -> None:
    note = open_note(export(Statement(), tmp_path))
    texts = [p.text for p in note.paragraphs]
    assert "Briefing note" in texts
    assert "The statement holds no items." in texts
    assert "The statement holds no commitments or invitations to follow up." in texts
    assert not note.tables
    meta = style_texts(note, S.NOTE_META)
    assert "Statement\tUntitled joint statement" in meta and "Date\tNot stated" in meta


def test_three_parties_act_as_all_parties(tmp_path: Path) -> None:
    import msgspec

    statement = hand_statement()
    statement = msgspec.structs.replace(
        statement,
        parties=[*statement.parties, Party(name="Kyrgyz Republic", short_name="Kyrgyzstan")],
    )
    note = open_note(export(statement, tmp_path))
    texts = [p.text for p in note.paragraphs]
    assert "All parties (joint undertakings)" in texts
    purpose = texts[texts.index("Purpose") + 1]
    assert "Japan, the Republic of Tajikistan and the Kyrgyz Republic agreed" in purpose


def test_a_blank_matrix_adds_no_status_columns(tmp_path: Path) -> None:
    blank = {i.id: FollowUp(item_id=i.id) for i in hand_statement().items}
    note = open_note(export(hand_statement(), tmp_path, followup=blank))
    texts = [p.text for p in note.paragraphs]
    assert "Progress: 0 of 5 commitments completed, 5 without a status." in texts
    assert "Status" not in [c.text for c in annex_table(note).rows[0].cells]
    assert not any(d.startswith("Status:") for d in style_texts(note, S.COMMITMENT_DETAIL))
    assert any(t.startswith("Obtain a status for the 5 commitments") for t in texts)


def test_long_titles_and_many_areas_fit_the_core_properties(tmp_path: Path) -> None:
    import msgspec
    from jtreport.model import Area

    base = hand_statement()
    long = msgspec.structs.replace(
        base,
        title="Joint Statement " + "on Very Long Matters of Common Interest " * 12,
        areas=[Area(id=f"a{n}", heading=f"Area number {n} with a long heading") for n in range(20)],
    )
    note = open_note(export(long, tmp_path))
    props = note.core_properties
    assert len(props.title) <= 255 and props.title.endswith("…")
    assert len(props.keywords) <= 255 and props.keywords.startswith(
        "joint statement; briefing note"
    )


# Memory: the body is written as text ------------------------------------------------


def _body_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record how many lxml elements the body holds when the note is saved."""
    from jtreport.plugins.exporters.docx_note import package

    sizes: list[int] = []
    save = package.save

    def counting(document: Any, *args: Any) -> bytes:
        sizes.append(sum(1 for _ in document.element.body.iter()))
        return save(document, *args)

    monkeypatch.setattr(package, "save", counting)
    return sizes


def test_the_body_holds_placeholders_not_elements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However long the statement, the body is a handful of lxml elements until it
    is saved (460,000 on a 3,900-paragraph statement when it was built as a tree)."""
    import msgspec

    sizes = _body_sizes(monkeypatch)
    base = hand_statement()
    items = [
        msgspec.structs.replace(item, id=f"{n}.{k}", paragraph=n)
        for n in range(1, 1001)
        for k, item in enumerate(base.items, start=1)
    ]
    long = msgspec.structs.replace(base, items=items)
    export(base, tmp_path, "short.docx")
    note = open_note(export(long, tmp_path, "long.docx"))
    assert len(sizes) == 2 and sizes[0] == sizes[1]
    assert sizes[1] < 40
    # ...and the saved note holds every item, with no placeholder left
    assert len(annex_table(note).rows) == len(items) + 1
    with zipfile.ZipFile(tmp_path / "long.docx") as package:
        xml = package.read("word/document.xml")
    assert b"<?jtreport" not in xml
    # every table has its repeating header: counts by area, milestones, the annex
    assert xml.count(b"<w:tblHeader/>") == len(note.tables) == 3


def test_content_stays_in_order_around_the_section_break(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    body = note.element.body
    children = [child for child in body if child.tag in (f"{W}p", f"{W}tbl")]
    breaks = [i for i, c in enumerate(children) if c.find(f"{W}pPr/{W}sectPr") is not None]
    assert len(breaks) == 1
    annex_heading = next(
        i for i, c in enumerate(children) if "".join(c.itertext()).startswith("Annex:")
    )
    tables = [i for i, c in enumerate(children) if c.tag == f"{W}tbl"]
    # the portrait part ends with the break; the annex heading and table follow it
    assert tables[0] < breaks[0] < annex_heading < tables[-1]
    text = "".join(children[breaks[0]].itertext())
    assert text == ""
    assert body[-1].tag == f"{W}sectPr"


def test_text_paragraphs_are_what_lxml_writes() -> None:
    """The text renderer writes exactly what the lxml builder writes, for any
    text: markup characters, controls XML refuses, tabs, breaks, edge spaces."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from jtreport.plugins.exporters.docx_note.bodyxml import attribute, paragraph_xml
    from jtreport.plugins.exporters.docx_note.ooxml import W_NS, Span, paragraph
    from lxml import etree

    pieces = st.text(alphabet=list("ab &<>\"'\t\n\r\x00\x0b\ufffeЭм高市😀"), max_size=12)
    spans = st.builds(Span, pieces, st.sampled_from([None, "Label", 'a&b"<']))
    styles = st.sampled_from(["Normal", "Annex Table Text", 'x<y&"z'])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.one_of(pieces, spans), max_size=4), styles)
    def check(content: list[Any], style: str) -> None:
        # the reference, serialised inside a parent that declares the w prefix
        parent = etree.Element(f"{{{W_NS}}}body", nsmap={"w": W_NS})
        parent.append(paragraph(style, content))
        expected = etree.tostring(parent, encoding="unicode")
        expected = expected[expected.index(">") + 1 : expected.rindex("</w:body>")]
        assert paragraph_xml(attribute(style), content) == expected

    check()


def test_lxml_tables_for_scripts_match_the_text_tables() -> None:
    """``ooxml.table`` (used by the template's script) parses the same text."""
    from jtreport.plugins.exporters.docx_note.bodyxml import Table
    from jtreport.plugins.exporters.docx_note.ooxml import W_NS, Span, TableSpec, table
    from lxml import etree

    spec = TableSpec(style="T", widths=[1000, 2000], text_style="A", heading_style="H")
    rows = [[[["1.1"]], [["a & b", Span(" → c", "Label")]]], [[], [["x" * 2000]]]]
    element = table(spec, ["ID", "Text"], rows)
    parent = etree.Element(f"{{{W_NS}}}body", nsmap={"w": W_NS})
    parent.append(element)
    written = etree.tostring(element, encoding="unicode").replace(f' xmlns:w="{W_NS}"', "")
    assert written == "".join(Table(spec, ["ID", "Text"], rows).xml())
    trs = element.findall(f"{W}tr")
    assert len(trs) == 3
    assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert trs[1].find(f"{W}trPr/{W}cantSplit") is not None
    assert trs[2].find(f"{W}trPr/{W}cantSplit") is None  # a long row may break
    assert len(trs[2].findall(f"{W}tc")[0].findall(f"{W}p")) == 1  # an empty cell
