"""The Word briefing note (``--format docx``): reopened with python-docx and checked."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from jtreport.digest.clauses import ends_inside
from jtreport.errors import ExportError, TemplateError
from jtreport.exporting import export_to_path
from jtreport.followup import STATUS_COLOURS, FollowUp, is_overdue
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

AS_OF = date(2026, 5, 4)
MEETING = date(2026, 5, 20)


def body_texts(note: Any) -> list[str]:
    """Every paragraph of the body with text, and every table cell's text."""
    texts = [p.text for p in note.paragraphs if p.text.strip()]
    for table in note.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return texts


def section(note: Any, heading: str) -> list[str]:
    """The texts of the paragraphs under a Heading 1, up to the next one."""
    found: list[str] = []
    inside = False
    for p in note.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == heading
            continue
        if inside and p.text.strip():
            found.append(p.text)
    return found


def test_note_follows_the_briefing_shape(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path, meeting="Consultations, May 2026"))
    assert style_texts(note, "Title") == ["Briefing note"]
    assert style_texts(note, "Subtitle") == ["Consultations, May 2026"]
    assert style_texts(note, "Heading 1") == [
        "Issue",
        "Recommendations",
        "Timing",
        "Key deliverables",
        "Lines to take",
        "Documents signed and launched",
        "Milestones and deadlines",
        "Commitments by area",
        "Annex: all statement items",
    ]
    assert style_texts(note, "Heading 2") == [
        "Preamble",
        "Green Economy and Resilience",
        "Connectivity",
        "Cooperation in other fields",
    ]
    # the body starts on the page after the front sheet
    documents = next(p for p in note.paragraphs if p.text == "Documents signed and launched")
    assert documents._p.pPr.find(f"{W}pageBreakBefore") is not None


def test_to_from_date_copy_block(tmp_path: Path) -> None:
    note = open_note(
        export(
            hand_statement(),
            tmp_path,
            author="Central Asia Division",
            as_of=AS_OF,
            extra={"to": "Minister for Foreign Affairs", "copy": "Embassy in Dushanbe"},
        )
    )
    assert style_texts(note, S.NOTE_META) == [
        "To\tMinister for Foreign Affairs",
        "From\tCentral Asia Division",
        "Date\t4 May 2026",
        "Copy\tEmbassy in Dushanbe",
        "Subject\tJoint Statement between Japan and the Republic of Tajikistan on “Co-creation”",
    ]
    # without the options: the head of delegation, and dashes
    plain = open_note(export(hand_statement(), tmp_path, "plain.docx", as_of=AS_OF))
    assert style_texts(plain, S.NOTE_META)[:4] == [
        "To\tHead of delegation",
        "From\t—",
        "Date\t4 May 2026",
        "Copy\t—",
    ]
    # without --meeting, the subtitle describes the follow-up
    assert style_texts(plain, "Subtitle") == [
        "Follow-up to the joint statement of 20 December 2025"
    ]


def test_issue_recommendations_and_timing(tmp_path: Path) -> None:
    note = open_note(
        export(
            hand_statement(),
            tmp_path,
            meeting="Consultations",
            meeting_date=MEETING,
            as_of=date(2026, 4, 26),
        )
    )
    issue = section(note, "Issue")
    assert issue[0] == (
        "Consultations, on 20 May 2026: to take stock of the joint statement that Prime "
        "Minister 高市早苗 (TAKAICHI Sanae) of Japan and President Эмомалӣ Раҳмон of "
        "Tajikistan issued on 20 December 2025 in Tokyo, and to agree what comes next."
    )
    # the structure in the statement's own words; counts only where they inform
    assert issue[1] == (
        "The statement sets out three priority areas of cooperation (Green Economy and "
        "Resilience; Connectivity) and cooperation in other fields. It records 5 commitments "
        "to future action, 1 document signed and 1 new mechanism launched or agreed."
    )
    assert not any("areas" in t and t[0].isdigit() for t in issue)
    recommendations = section(note, "Recommendations")
    assert recommendations == [
        "Confirm preparations for the Water Conference (May 2026, around the meeting; para 2).",
        "Agree a lead agency, a first step and a due date for each of the 5 commitments, "
        "and record them in the implementation matrix.",
        "Agree the reply to the invitation (para 39): Tajikistan extended an invitation to "
        "Prime Minister 高市早苗 to pay an official visit to the Republic of Tajikistan.",
        "Ask each lead ministry for a first report on the 1 document signed or launched "
        "(listed below).",
    ]
    assert section(note, "Timing") == [
        "The meeting is on 20 May 2026, 24 days from 26 April 2026; before or around it: "
        "the Water Conference (May 2026)."
    ]


def test_key_deliverables_and_the_table_of_documents_signed(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    assert section(note, "Key deliverables")[:2] == [
        "Signed: Exchange of Notes for “the Substation Project” (para 1).",
        "Launch agreed: Japan-Tajikistan Consultations on Afghanistan issue (para 19).",
    ]
    table = next(t for t in note.tables if t.rows[0].cells[0].text == "Document")
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Document", "Parties", "Date"],
        [
            "Exchange of Notes for “the Substation Project”\nsigned, para 1",
            "Japan; Tajikistan",
            "by 20 December 2025",
        ],
        [
            "Japan-Tajikistan Consultations on Afghanistan issue\nlaunch agreed, para 19",
            "not named",
            "not set",
        ],
    ]


def test_lines_to_take_by_area_one_per_commitment(tmp_path: Path) -> None:
    statement = hand_statement()
    note = open_note(export(statement, tmp_path))
    texts = [p.text for p in note.paragraphs]
    start = texts.index("Lines to take")
    end = texts.index("Documents signed and launched")
    headings = [p.text for p in note.paragraphs[start:end] if p.style.name == "Heading 3"]
    assert headings == ["Preamble", "Green Economy and Resilience", "Connectivity"]
    bullets = [p.text for p in note.paragraphs[start:end] if p.style.name == "List Bullet"]
    assert len(bullets) == len(statement.commitments)
    assert bullets[1] == (
        "Japan will support the formulation of an energy transition roadmap toward the "
        "net-zero goal (para 4)."
    )
    # every item reads with its subject
    assert all(b.startswith(("Both sides ", "Japan ")) for b in bullets)


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
        "; Tajikistan’s hosting of the Water Conference in May 2026 in Dushanbe (Japan, para 2);"
        in welcomed
    )
    assert (
        "Invited (1): Prime Minister 高市早苗 to pay an official visit to the Republic of "
        "Tajikistan (Tajikistan, para 39)." in bullets
    )


def test_every_commitment_appears_with_its_id_and_subject(tmp_path: Path) -> None:
    statement = hand_statement()
    note = open_note(export(statement, tmp_path))
    lines = style_texts(note, S.COMMITMENT)
    assert [line.split("\t")[0] for line in lines] == [i.id for i in statement.commitments]
    assert "\tIn this regard, Japan will support the formulation" in lines[1]
    assert lines[1].endswith("(para 4)")
    details = style_texts(note, S.COMMITMENT_DETAIL)
    assert any("Partners: JICA" in d for d in details)


def test_milestones_are_placed_for_the_reader(tmp_path: Path) -> None:
    def rows(**options: Any) -> list[list[str]]:
        note = open_note(export(hand_statement(), tmp_path, **options))
        table = next(t for t in note.tables if t.rows[0].cells[0].text == "When")
        return [[c.text for c in row.cells] for row in table.rows[1:]]

    # read after the conference, before the meeting: passed, then later
    assert rows(as_of=date(2026, 6, 15), meeting_date=date(2026, 12, 1)) == [
        ["May 2026", "The Water Conference", "passed", "2.1 (para 2)"],
        [
            "2027",
            "Tajikistan’s decision to participate in GREENxEXPO 2027",
            "later",
            "14.1 (para 14)",
        ],
    ]  # the past workshop date is no milestone
    early = rows(as_of=date(2026, 3, 1), meeting_date=date(2026, 6, 10))
    assert [r[2] for r in early] == ["before the meeting", "later"]
    # no meeting date: what is not passed is ahead
    assert [r[2] for r in rows(as_of=date(2026, 3, 1))] == ["ahead", "ahead"]


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


def test_items_flagged_for_review_are_counted_and_marked(tmp_path: Path) -> None:
    import msgspec

    statement = hand_statement()
    doubtful = msgspec.structs.replace(statement.items[2], review=["weak verb"])
    statement = msgspec.structs.replace(
        statement, items=[*statement.items[:2], doubtful, *statement.items[3:]]
    )
    note = open_note(export(statement, tmp_path))
    assert any(
        r.startswith("Check the 1 item the parser flagged for review")
        and f"(item {doubtful.id})" in r
        for r in section(note, "Recommendations")
    )
    rows = {row.cells[0].text: row.cells[2].text for row in annex_table(note).rows[1:]}
    assert "flagged for review" in rows[doubtful.id]
    assert sum("flagged for review" in text for text in rows.values()) == 1
    # what an officer corrected in the matrix is marked too
    corrected = msgspec.structs.replace(statement.items[0], corrected=["category"])
    statement = msgspec.structs.replace(statement, items=[corrected, *statement.items[1:]])
    note = open_note(export(statement, tmp_path, "corrected.docx"))
    assert "corrected: category" in annex_table(note).rows[1].cells[2].text


def test_portrait_annex_on_request(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path, extra={"annex": "portrait"}))
    assert len(note.sections) == 1
    annex = next(p for p in note.paragraphs if p.text == "Annex: all statement items")
    assert annex._p.pPr.find(f"{W}pageBreakBefore") is not None
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


# Follow-up status and time ----------------------------------------------------------


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
            item_id="16.1",
            lead_agency="MLIT",
            status="Delayed",
            next_step="Agree the route survey",
            due_date=date(2026, 4, 30),
        ),
        "19.1": FollowUp(item_id="19.1", status="Planned", due_date=date(2026, 6, 30)),
        "2.1": FollowUp(item_id="2.1", status="Ongoing", lead_agency="MOFA"),
    }


def overdue_ids(records: dict[str, FollowUp], as_of: date) -> set[str]:
    """The items the one overdue rule flags."""
    return {k for k, r in records.items() if is_overdue(r, as_of)}


def test_status_from_a_filled_matrix(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path, followup=followup(), as_of=AS_OF))
    assert section(note, "Issue")[2] == (
        "The implementation matrix records 1 of 5 commitments completed, 1 planned, "
        "1 delayed, 2 without a status; 1 overdue."
    )
    details = style_texts(note, S.COMMITMENT_DETAIL)
    assert (
        "Who: Japan  ·  Kind: pledge  ·  Status: ■ Completed  ·  Lead agency: METI  ·  "
        "Due: 31 March 2026  ·  Next step: Publish the roadmap" in details
    )
    assert "Who: Both sides  ·  Kind: agreement  ·  Status: □ not recorded" in details
    assert any("Status: ■ Delayed (overdue)  ·  Lead agency: MLIT" in d for d in details)
    table = annex_table(note)
    assert [c.text for c in table.rows[0].cells][-2:] == ["Status", "Lead agency"]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}
    assert rows["16.1"][-2:] == ["■ Delayed\ndue 30 April 2026\noverdue", "MLIT"]
    assert rows["2.1"][-2:] == ["■ Ongoing", "MOFA"]
    assert rows["1.1"][-2:] == ["", ""]
    assert any(
        r.startswith("Obtain a status for the 2 commitments")
        for r in section(note, "Recommendations")
    )


def test_status_marks_carry_the_shared_status_colours(tmp_path: Path) -> None:
    path = export(hand_statement(), tmp_path, followup=followup(), as_of=AS_OF)
    with zipfile.ZipFile(path) as package:
        body = package.read("word/document.xml").decode()
    for status in ("Completed", "Delayed", "Planned", "Ongoing"):
        mark = (
            f'<w:color w:val="{STATUS_COLOURS[status]}"/></w:rPr><w:t xml:space="preserve">■ </w:t>'
        )
        assert mark in body, status
    # the colour is never the only sign: the status's name follows its square
    assert "■ Delayed" in "\n".join(body_texts(open_note(path)))


def test_overdue_items_are_flagged_for_the_as_of_date(tmp_path: Path) -> None:
    records = followup()
    note = open_note(export(hand_statement(), tmp_path, followup=records, as_of=AS_OF))
    assert overdue_ids(records, AS_OF) == {"16.1"}
    lines = [t for t in section(note, "Lines to take") if "overdue since" in t]
    assert lines == [
        "■ Both sides concurred on promoting cooperation regarding the “Trans-Caspian "
        "International Transport Route” (para 16) — Delayed, lead MLIT, overdue since "
        "30 April 2026: ask MLIT what holds it up and agree a revised date."
    ]
    assert section(note, "Recommendations")[0] == (
        "Press for revised dates on the 1 item overdue on 4 May 2026: item 16.1."
    )
    assert "1 item is overdue" in section(note, "Timing")[0]
    timeline = next(t for t in note.tables if t.rows[0].cells[0].text == "When")
    flagged = [r.cells[3].text for r in timeline.rows[1:] if "overdue" in r.cells[2].text]
    assert flagged == ["16.1 (para 16)"]
    annex = {r.cells[0].text for r in annex_table(note).rows[1:] if "overdue" in r.cells[6].text}
    assert annex == overdue_ids(records, AS_OF)
    # a day before the due date nothing is overdue, in any part of the note
    early = open_note(
        export(hand_statement(), tmp_path, "early.docx", followup=records, as_of=date(2026, 4, 29))
    )
    assert overdue_ids(records, date(2026, 4, 29)) == set()
    assert not any("overdue" in t for t in body_texts(early))


def test_without_a_matrix_there_are_no_status_columns(tmp_path: Path) -> None:
    note = open_note(export(hand_statement(), tmp_path))
    assert "Status" not in [c.text for c in annex_table(note).rows[0].cells]
    assert not any("Status:" in d for d in style_texts(note, S.COMMITMENT_DETAIL))
    assert section(note, "Lines to take")[0].startswith(
        "What each side undertook, by area. No lead agency, status or due date is recorded yet"
    )


# No line repeated, no text cut ------------------------------------------------------


def assert_reads_well(note: Any) -> None:
    """No paragraph repeated, no sentence of the front sheet repeated, and no
    text cut with an ellipsis inside a name, a quotation or a parenthesis."""
    # headings and the labelled detail lines ("Who: Both sides · Kind: pledge")
    # are structure, not prose
    prose = [p for p in note.paragraphs if p.style.name not in (S.COMMITMENT_DETAIL, S.NOTE_META)]
    paragraphs = [
        p.text for p in prose if p.text.strip() and not p.style.name.startswith("Heading")
    ]
    repeated = {t for t in paragraphs if paragraphs.count(t) > 1}
    assert not repeated
    front = [
        t
        for heading in ("Issue", "Recommendations", "Timing", "Key deliverables", "Lines to take")
        for t in section(note, heading)
    ]
    sentences = [s for t in front for s in clause_sentences(t)]
    assert len(sentences) == len(set(sentences))
    for text in body_texts(note):
        assert "…" not in text
        assert not ends_inside(text.rstrip(" .:;"))


def clause_sentences(text: str) -> list[str]:
    from jtreport.digest.clauses import sentences

    return sentences(text)


def test_the_note_reads_well(tmp_path: Path) -> None:
    assert_reads_well(open_note(export(hand_statement(), tmp_path)))
    assert_reads_well(
        open_note(export(hand_statement(), tmp_path, "f.docx", followup=followup(), as_of=AS_OF))
    )


def test_the_bundled_note_reads_well_filled_and_unfilled(
    tmp_path: Path, bundled: Statement
) -> None:
    assert_reads_well(open_note(export(bundled, tmp_path, as_of=AS_OF, meeting_date=MEETING)))
    records = {
        item.id: FollowUp(item_id=item.id, status=status, lead_agency="MOFA", due_date=due)
        for item, (status, due) in zip(
            bundled.commitments,
            [
                ("Delayed", date(2026, 4, 30)),
                ("In progress", date(2026, 9, 30)),
                ("Completed", date(2026, 2, 1)),
                ("Planned", date(2026, 3, 31)),
            ],
            strict=False,  # the first four commitments
        )
    }
    note = open_note(export(bundled, tmp_path, "f.docx", followup=records, as_of=AS_OF))
    assert_reads_well(note)
    flagged = {r.cells[0].text for r in annex_table(note).rows[1:] if "overdue" in r.cells[6].text}
    assert flagged == overdue_ids(records, AS_OF) and len(flagged) == 2


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_bundled_note_front_sheet_two_pages_body_eight(tmp_path: Path, bundled: Statement) -> None:
    """Laid out by LibreOffice: the front sheet takes at most two pages, the
    front sheet and the areas at most eight, the annex follows."""
    from pypdf import PdfReader

    records = {
        item.id: FollowUp(
            item_id=item.id,
            status="Delayed",
            lead_agency="Ministry of Economy, Trade and Industry",
            due_date=date(2026, 4, 30),
            next_step="Send the draft terms of reference to the counterpart ministry",
        )
        for item in bundled.commitments
    }
    path = export(bundled, tmp_path, followup=records, as_of=AS_OF, meeting_date=MEETING)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    pages = [p.extract_text() for p in PdfReader(tmp_path / "note.pdf").pages]

    def first_page(heading: str) -> int:
        return next(n for n, text in enumerate(pages, 1) if heading in text.splitlines())

    assert first_page("Documents signed and launched") == 3  # the front sheet is two pages
    assert first_page("Annex: all statement items") <= 9
    # the classification at the top and the bottom of every page (its style
    # spaces the letters out)
    lines = [[line.replace(" ", "") for line in text.splitlines()] for text in pages]
    assert all(page[0] == "OFFICIAL" and page[-1] == "OFFICIAL" for page in lines)


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
    documents = next(t for t in note.tables if t.rows[0].cells[0].text == "Document")
    for table, sect in ((documents, section), (annex_table(note), note.sections[1])):
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
    assert [p.text for p in footer.paragraphs] == ["Ministry page 1", "OFFICIAL"]
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
    assert "No decision is needed: the statement holds nothing to follow up." in texts
    assert "The statement holds no commitments to future action." in texts
    assert not note.tables
    assert "Subject\tUntitled joint statement" in style_texts(note, S.NOTE_META)
    assert_reads_well(note)


def test_three_parties_act_as_all_parties(tmp_path: Path) -> None:
    import msgspec

    statement = hand_statement()
    statement = msgspec.structs.replace(
        statement,
        parties=[*statement.parties, Party(name="Kyrgyz Republic", short_name="Kyrgyzstan")],
    )
    note = open_note(export(statement, tmp_path))
    lines = section(note, "Lines to take")
    assert any(t.startswith("All parties concurred on launching") for t in lines)
    # two leaders do not speak for three parties: the parties issued it
    assert (
        "joint statement that Japan, the Republic of Tajikistan and the Kyrgyz Republic issued"
        in section(note, "Issue")[0]
    )


def test_a_blank_matrix_adds_no_status_columns(tmp_path: Path) -> None:
    blank = {i.id: FollowUp(item_id=i.id) for i in hand_statement().items}
    note = open_note(export(hand_statement(), tmp_path, followup=blank))
    assert "Status" not in [c.text for c in annex_table(note).rows[0].cells]
    assert not any("Status:" in d for d in style_texts(note, S.COMMITMENT_DETAIL))
    # nothing is recorded yet: every commitment still needs a lead
    recommendations = section(note, "Recommendations")
    assert any(r.startswith("Agree a lead agency, a first step") for r in recommendations)


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
