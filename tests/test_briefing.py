"""The shared views behind the front sheet of the note and the PDF: shortening at
clause boundaries, the documents signed and launched, time relative to the
reader, deadlines and overdue items, and the briefing itself."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from jtreport.digest import deadlines, document_date, milestones, period, timing
from jtreport.digest.briefing import brief, document_kind, event_name, in_sentence, structure
from jtreport.digest.clauses import ends_inside, sentences, shorten, top_level
from jtreport.digest.signed import signed_documents
from jtreport.digest.wording import undertaking, with_subject
from jtreport.followup import FollowUp, is_overdue
from jtreport.model import Area, DateMention, Item, Paragraph, Part, Party, Person, Statement

# Building statements -----------------------------------------------------------


def item(item_id: str, text: str, verb: str, category: str = "welcome", **kw: Any) -> Item:
    """An item of paragraph ``item_id``'s number, acted by both sides."""
    fields: dict[str, Any] = {
        "id": item_id,
        "paragraph": int(item_id.split(".")[0]),
        "area_id": None,
        "text": text,
        "actors": ["both"],
        "verb": verb,
        "category": category,
        "is_commitment": category in ("pledge", "agreement", "intention"),
    }
    fields.update(kw)
    return Item(**fields)


def statement(*items: Item, parties: int = 2, **kw: Any) -> Statement:
    """A statement of ``items`` between Japan and Tajikistan (or one party)."""
    names = [("Japan", "Japan"), ("Republic of Tajikistan", "Tajikistan")][:parties]
    fields: dict[str, Any] = {
        "title": "Joint Statement",
        "date": "2025-12-20",
        "parties": [Party(name=n, short_name=s) for n, s in names],
        "items": list(items),
    }
    fields.update(kw)
    return Statement(**fields)


# Shortening at clause boundaries --------------------------------------------------------


def test_a_short_sentence_is_kept_whole() -> None:
    assert shorten("Both sides concurred on launching the Consultations.", 20) == (
        "Both sides concurred on launching the Consultations"
    )


def test_a_long_sentence_is_cut_where_a_clause_ends() -> None:
    text = (
        "Japan will provide support to strengthen Tajikistan's efforts toward disaster risk "
        "reduction and urban resilience through the Japan-World Bank Program for "
        "Mainstreaming Disaster Risk Management in Developing Countries under the World Bank "
        "Tokyo Disaster Risk Management (DRM) Hub."
    )
    assert shorten(text, 16) == (
        "Japan will provide support to strengthen Tajikistan's efforts toward disaster risk "
        "reduction and urban resilience"
    )


def test_no_cut_inside_a_quotation_or_a_parenthesis() -> None:
    text = (
        "Both sides welcomed the project “Improving Climate Resilient Pasture Management, "
        "including the upland areas, through community groups” (phase two, including "
        "training, through JICA) and its results."
    )
    short = shorten(text, 8)
    assert not ends_inside(short)
    assert short.count("“") == short.count("”")
    assert short.count("(") == short.count(")")


def test_no_cut_inside_a_name_the_item_holds() -> None:
    name = (
        "Agreement between Japan and the Republic of Tajikistan for the Liberalization, "
        "Promotion and Protection of Investment"
    )
    text = f"Both sides welcomed the signing of the {name}, which intends to develop trade."
    short = shorten(text, 10, minimum=3, names=[name])
    assert short.endswith(name)


def test_a_phrase_may_end_after_a_name() -> None:
    text = (
        "the signing of the Exchange of Notes concerning a grant for the Project for the "
        "Construction of the Substation"
    )
    assert shorten(text, 9, minimum=3, names=["Exchange of Notes"]) == (
        "the signing of the Exchange of Notes"
    )


def test_no_boundary_keeps_the_whole_clause_and_never_an_ellipsis() -> None:
    text = " ".join(["word"] * 40) + "."
    assert shorten(text, 10) == " ".join(["word"] * 40)
    assert "…" not in shorten(text, 10)


def test_a_cut_never_ends_on_a_word_waiting_for_its_object() -> None:
    text = (
        "Japan welcomed Tajikistan’s initiatives on water, including hosting in the framework "
        "of the Dushanbe Water Process the Fourth Conference in May 2026 in Dushanbe as an "
        "important preparatory event for the Water Conference."
    )
    assert shorten(text, 16) == "Japan welcomed Tajikistan’s initiatives on water"


def test_sentences_do_not_end_at_abbreviations_or_initials() -> None:
    text = "President Joseph R. Biden, Jr. of the U.S. met. The sides (see No. 4. above) agreed."
    assert sentences(text) == [
        "President Joseph R. Biden, Jr. of the U.S. met.",
        "The sides (see No. 4. above) agreed.",
    ]


def test_an_apostrophe_is_not_a_closing_quote() -> None:
    text = "Japan’s support for ‘the Project’ is (a) key"
    flags = top_level(text)
    assert flags[text.index("support")]
    assert not flags[text.index("Project")]
    assert flags[text.index("is")]
    assert not flags[text.index("a)")]


# Items read with their subject ----------------------------------------------------------


def test_an_item_that_starts_at_its_verb_gets_its_subject_back() -> None:
    bare = item(
        "26.2", "Expressed their intention to strengthen trade.", "expressed their intention to"
    )
    st = statement(bare)
    assert with_subject(st, bare) == "Both sides expressed their intention to strengthen trade."
    assert undertaking(st, bare) == "Both sides expressed their intention to strengthen trade"


def test_first_person_statements_keep_we() -> None:
    spoken = item("7.1", "We will continue to monitor financial markets.", "will continue to")
    bare = item("8.1", "Support a just transition.", "support")
    st = statement(spoken, bare, parties=1)
    assert undertaking(st, spoken) == "We will continue to monitor financial markets"
    assert with_subject(st, bare) == "We support a just transition."


# Documents signed and launched ----------------------------------------------------------


def test_signed_documents_with_parties_named_in_the_text() -> None:
    signing = item(
        "5.1",
        "Both sides welcomed the signing of the Memorandum of Cooperation on energy "
        "transitions between the Ministry of Economy, Trade and Industry of Japan and the "
        "Ministry of Energy and Water Resources of the Republic of Tajikistan as the progress "
        "of the Dialogue.",
        "welcomed",
        instruments=["Memorandum of Cooperation"],
    )
    [found] = signed_documents(statement(signing))
    assert found.name == "Memorandum of Cooperation on energy transitions"
    assert found.parties == [
        "Ministry of Economy, Trade and Industry of Japan",
        "Ministry of Energy and Water Resources of the Republic of Tajikistan",
    ]
    assert (found.action, found.done, found.event) == ("signed", True, "signed")
    assert found.item is signing


def test_a_name_that_goes_on_after_its_parties_is_kept_whole() -> None:
    name = (
        "Agreement between Japan and the Republic of Tajikistan for the Liberalization, "
        "Promotion and Protection of Investment"
    )
    signing = item(
        "28.1", f"Both sides welcomed the signing of the {name}, which intends to help.", "welcomed"
    )
    st = statement(signing)
    [found] = signed_documents(st)
    assert found.name == name
    assert found.parties == ["Japan", "Republic of Tajikistan"]
    assert document_date(st, found) == "by 20 December 2025"


def test_a_signing_coordinated_with_another_object_and_its_date() -> None:
    text = (
        "Both sides welcomed the training of customs officials and the signing and exchange "
        "of notes in August 2025 for the implementation of JDS for the next period."
    )
    found = signed_documents(
        statement(
            item(
                "29.2",
                text,
                "welcomed",
                dates=[DateMention(text="August 2025", value="2025-08", future=False)],
            )
        )
    )
    assert [d.name for d in found] == [
        "Exchange of notes for the implementation of JDS for the next period"
    ]
    assert found[0].date is not None and found[0].date.value == "2025-08"
    assert found[0].parties == ["Japan", "Tajikistan"]


def test_launches_agreed_and_launched() -> None:
    agreed = item(
        "19.1",
        "Both sides concurred on launching the Japan-Tajikistan Consultations on Afghanistan.",
        "concurred on",
        "agreement",
    )
    pledged = item(
        "8.4", "We will launch a C5+1 Critical Minerals Dialogue.", "will launch", "pledge"
    )
    launched = item(
        "24.1",
        "Both sides concurred on working together, including through the newly launched "
        "Japan-Central Asia Partnership for AI Cooperation.",
        "concurred on",
        "agreement",
    )
    found = {d.name: d for d in signed_documents(statement(agreed, pledged, launched))}
    assert set(found) == {
        "Japan-Tajikistan Consultations on Afghanistan",
        "C5+1 Critical Minerals Dialogue",
        "Japan-Central Asia Partnership for AI Cooperation",
    }
    assert found["Japan-Tajikistan Consultations on Afghanistan"].event == "launch agreed"
    assert not found["C5+1 Critical Minerals Dialogue"].done
    assert found["Japan-Central Asia Partnership for AI Cooperation"].event == "launched"
    # the members of a mechanism are in its name, or unknown
    assert found["Japan-Central Asia Partnership for AI Cooperation"].parties == []


@pytest.mark.parametrize(
    "text, verb",
    [
        (
            "Both sides look forward to discussing possible cooperation on the resolution, "
            "including the establishment of a Regional AI Center in Dushanbe.",
            "look forward to",
        ),
        (
            "The two leaders recognized the visit as significant, to celebrate the 60th "
            "anniversary of the establishment of the Diplomatic Relationship.",
            "recognized",
        ),
        (
            "The important role of the Dushanbe Process launched by Tajikistan was underlined.",
            "underlined",
        ),
    ],
)
def test_events_not_governed_by_the_verb_are_not_deliverables(text: str, verb: str) -> None:
    assert signed_documents(statement(item("3.1", text, verb))) == []


def test_a_document_welcomed_twice_is_listed_once() -> None:
    text = "Both sides welcomed the signing of the Memorandum of Cooperation on Transport."
    found = signed_documents(
        statement(item("25.1", text, "welcomed"), item("26.1", text, "welcomed"))
    )
    assert [d.item.id for d in found] == ["25.1"]


# Time relative to the reader ------------------------------------------------------------


def test_period_of_a_date_to_its_precision() -> None:
    assert period("2026-05") == (date(2026, 5, 1), date(2026, 5, 31))
    assert period("2027") == (date(2027, 1, 1), date(2027, 12, 31))
    assert period("2026-02-14") == (date(2026, 2, 14), date(2026, 2, 14))
    assert period("next spring") is None


@pytest.mark.parametrize(
    "value, as_of, meeting, expected",
    [
        ("2026-05", date(2026, 6, 1), None, "passed"),
        ("2026-05", date(2026, 5, 31), None, "ahead"),
        ("2026-05", date(2026, 4, 1), date(2026, 6, 10), "before the meeting"),
        ("2026-05", date(2026, 4, 1), date(2026, 5, 20), "around the meeting"),
        ("2027", date(2026, 4, 1), date(2026, 5, 20), "later"),
        ("2026-04-30", date(2026, 5, 4), date(2026, 5, 20), "passed"),
    ],
)
def test_timing_from_the_readers_day(
    value: str, as_of: date, meeting: date | None, expected: str
) -> None:
    assert timing(value, as_of, meeting) == expected


def test_milestones_are_placed_for_the_reader() -> None:
    conference = item(
        "2.1",
        "Japan welcomed the Conference in May 2026.",
        "welcomed",
        dates=[DateMention(text="May 2026", value="2026-05", future=True)],
    )
    st = statement(conference)
    assert milestones(st)[0].timing is None  # no reader's day given: no timing
    assert milestones(st, date(2026, 12, 4))[0].timing == "passed"
    assert milestones(st, date(2026, 3, 1), date(2026, 6, 1))[0].timing == "before the meeting"


def test_deadlines_flag_overdue_by_the_one_rule() -> None:
    items = [
        item(f"{n}.1", f"Both sides agreed on task {n}.", "agreed on", "agreement")
        for n in range(1, 5)
    ]
    records = {
        "1.1": FollowUp(item_id="1.1", status="Delayed", due_date=date(2026, 4, 30)),
        "2.1": FollowUp(item_id="2.1", status="Completed", due_date=date(2026, 3, 1)),
        "3.1": FollowUp(item_id="3.1", status="Planned", due_date=date(2026, 6, 30)),
        "4.1": FollowUp(item_id="4.1", status="Ongoing"),
    }
    as_of = date(2026, 5, 4)
    found = deadlines(statement(*items), records, as_of, date(2026, 7, 1))
    assert [d.item.id for d in found] == ["2.1", "1.1", "3.1"]  # by due date
    assert (
        {d.item.id for d in found if d.overdue}
        == {k for k, r in records.items() if is_overdue(r, as_of)}
        == {"1.1"}
    )
    assert [d.timing for d in found] == ["passed", "passed", "before the meeting"]
    assert deadlines(statement(*items), None, as_of) == []


# The briefing ---------------------------------------------------------------------------


def structured() -> Statement:
    """Parts and areas as the bundled statement has them, one commitment each."""
    areas = [
        Area(id="green", heading="Green Economy and Resilience", part_id="I"),
        Area(id="connect", heading="Connectivity", part_id="I"),
        Area(id="other", heading="Cooperation in other fields", part_id="II"),
    ]
    items = [
        item(
            "4.2",
            "In this regard, Japan will support the formulation of an energy transition "
            "roadmap toward the net-zero goal.",
            "will support",
            "pledge",
            area_id="green",
            actors=["Japan"],
        ),
        item(
            "14.3",
            "Both sides will hold the Water Conference in May 2026 in Dushanbe.",
            "will hold",
            "pledge",
            area_id="green",
            projects=["Water Conference"],
            dates=[DateMention(text="May 2026", value="2026-05", future=True)],
        ),
        item(
            "19.1",
            "Both sides concurred on launching the Japan-Tajikistan Consultations on Afghanistan.",
            "concurred on",
            "agreement",
            area_id="connect",
        ),
        item(
            "39.2",
            "Extended an invitation to Prime Minister TAKAICHI Sanae to pay an official visit.",
            "extended an invitation",
            "invitation",
            area_id="other",
            actors=["Tajikistan"],
        ),
    ]
    return statement(
        *items,
        parts=[
            Part(id="I", label="I", heading="Three Priority Areas of Cooperation"),
            Part(id="II", label="II", heading="Cooperation in other fields"),
        ],
        areas=areas,
        paragraphs=[Paragraph(index=1, number=4, text="x", area_id="green")],
        leaders=[Person(name="TAKAICHI Sanae", title="Prime Minister", party="Japan")],
        place="Tokyo",
    )


def test_structure_in_the_statements_own_words() -> None:
    assert structure(structured()) == (
        "three priority areas of cooperation (Green Economy and Resilience; Connectivity) "
        "and cooperation in other fields"
    )
    assert in_sentence("Cooperation with Central Asia") == "Cooperation with Central Asia"
    assert structure(statement()) == ""


def test_issue_names_the_meeting_its_date_and_purpose() -> None:
    found = brief(
        structured(),
        as_of=date(2026, 4, 26),
        meeting="Consultations",
        meeting_date=date(2026, 5, 20),
    )
    assert found.issue[0].startswith("Consultations, on 20 May 2026: to take stock of the joint")
    # one leader does not speak for both parties: the parties issued it
    assert "that Japan and the Republic of Tajikistan issued on 20 December 2025" in found.issue[0]
    assert "three priority areas of cooperation" in found.issue[1]
    assert "3 commitments to future action" in found.issue[1]
    assert "1 new mechanism launched or agreed" in found.issue[1]
    assert found.timing.startswith("The meeting is on 20 May 2026, 24 days from 26 April 2026")
    assert "the Water Conference (May 2026)" in found.timing


def test_lines_to_take_one_per_commitment_by_area_none_repeated() -> None:
    st = structured()
    records = {
        "4.2": FollowUp(
            item_id="4.2", status="Delayed", lead_agency="METI", due_date=date(2026, 4, 30)
        ),
        "14.3": FollowUp(item_id="14.3", status="In progress", lead_agency="MOFA"),
    }
    found = brief(st, as_of=date(2026, 5, 4), followup=records, meeting_date=date(2026, 5, 20))
    assert [(g.label, [line.item.id for line in g.lines]) for g in found.lines] == [
        ("Green Economy and Resilience", ["4.2", "14.3"]),
        ("Connectivity", ["19.1"]),
    ]
    texts = [line.text for g in found.lines for line in g.lines]
    assert len(set(texts)) == len(texts)
    delayed = found.lines[0].lines[0]
    assert delayed.overdue and delayed.status == "Delayed"
    assert delayed.text == (
        "Japan will support the formulation of an energy transition roadmap toward the "
        "net-zero goal (para 4) — Delayed, lead METI, overdue since 30 April 2026: ask METI "
        "what holds it up and agree a revised date."
    )
    conference = found.lines[0].lines[1].text
    assert "In progress, lead MOFA, May 2026 (around the meeting)" in conference
    assert "ask MOFA for the expected completion date" in conference
    assert (
        found.recommendations[0]
        == "Press for revised dates on the 1 item overdue on 4 May 2026: item 4.2."
    )
    assert any(
        r.startswith("Agree the reply to the invitation (para 39): Tajikistan extended")
        for r in found.recommendations
    )
    assert len(set(found.recommendations)) == len(found.recommendations)


def test_the_line_budget_keeps_every_area_and_the_most_pressing() -> None:
    st = structured()
    records = {"14.3": FollowUp(item_id="14.3", status="Delayed", due_date=date(2026, 4, 30))}
    found = brief(st, as_of=date(2026, 5, 4), followup=records, line_budget=2)
    kept = {line.item.id for g in found.lines for line in g.lines}
    assert kept == {"14.3", "19.1"}
    assert [g.more for g in found.lines] == [1, 0]


def test_event_names_come_from_the_words_before_the_date() -> None:
    summit = item(
        "10.6",
        "We will work together starting with the Summit organized in Paris on June 22-23 "
        "to revitalize development financing.",
        "will work",
        "pledge",
        dates=[DateMention(text="June 22-23", value="2023-06-22", future=True)],
    )
    st = statement(summit, parties=1, date="2023-05-20")
    assert event_name(st, milestones(st)[0]) == "the Summit organized in Paris"


def test_who_issued_the_statement_reads_as_english() -> None:
    pair = statement(
        parties=0,
        leaders=[
            Person(name="Joseph R. Biden, Jr.", title="President", party="United States"),
            Person(name="Kishida Fumio", title="Prime Minister", party="Japan"),
        ],
    )
    pair = Statement(
        title=pair.title,
        date=pair.date,
        leaders=pair.leaders,
        parties=[
            Party(name="United States", short_name="United States"),
            Party(name="Japan", short_name="Japan"),
        ],
    )
    assert (
        "that President Joseph R. Biden, Jr. of the United States and Prime Minister Kishida "
        "Fumio of Japan issued on 20 December 2025" in brief(pair, as_of=date(2024, 3, 1)).issue[0]
    )
    group = Statement(date="2023-05-20", parties=[Party(name="G7", short_name="G7")])
    issue = brief(group, as_of=date(2024, 3, 1)).issue[0]
    assert "joint statement that the G7 issued on 20 May 2023" in issue


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("G7 Hiroshima Leaders’ Communiqué", "communiqué"),
        ("Readout from the 6th High-Level Dialogue on Climate", "readout"),
        ("Japan-Australia Joint Declaration on Security Cooperation", "joint declaration"),
        ("CHAIRMAN'S STATEMENT OF THE 25TH SUMMIT", "chairman’s statement"),
        ("Joint Press Statement on the Foreign Ministers' Meeting", "joint press statement"),
        ("Philippines-Japan Joint Statement", "joint statement"),
        ("Partnership for the Next Decade", "joint statement"),
    ],
)
def test_the_note_calls_the_statement_what_its_title_calls_it(title: str, kind: str) -> None:
    st = statement(title=title)
    assert document_kind(st) == kind
    found = brief(st, as_of=date(2026, 12, 4))
    assert found.meeting == f"Follow-up to the {kind} of 20 December 2025"
    assert f"to take stock of the {kind} that" in found.issue[0]


def test_a_distant_goal_year_is_a_horizon_not_a_preparation() -> None:
    goal = item(
        "4.1",
        "Both sides will work toward the Sustainable Development Goals by 2030.",
        "will work toward",
        "pledge",
        dates=[DateMention(text="2030", value="2030", future=True)],
    )
    expo = item(
        "5.1",
        "Japan will take part in the Expo in 2027.",
        "will take part",
        "pledge",
        dates=[DateMention(text="2027", value="2027", future=True)],
    )
    found = brief(statement(goal, expo), as_of=date(2026, 12, 4))
    prepare = [r for r in found.recommendations if r.startswith("Confirm preparations")]
    assert len(prepare) == 1 and "2027" in prepare[0] and "2030" not in prepare[0]
    assert "2030" not in found.timing and "2027" in found.timing
    # with a meeting after 2030, the goal is around the meeting and is named
    later = brief(statement(goal, expo), as_of=date(2026, 12, 4), meeting_date=date(2030, 6, 1))
    assert any("2030" in r for r in later.recommendations)
