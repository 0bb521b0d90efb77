"""The parser on the bundled Japan–Tajikistan statement: structure, items, entities."""

from __future__ import annotations

import pytest
from jtreport.model import Statement


def item(statement: Statement, item_id: str):  # type: ignore[no-untyped-def]
    return next(i for i in statement.items if i.id == item_id)


def test_title_date_parties_leaders(bundled: Statement) -> None:
    assert bundled.title == (
        "Joint Statement between Japan and the Republic of Tajikistan on Further "
        "Development of Relations to Co-create Mutually Beneficial Cooperation"
    )
    assert "*" not in bundled.title
    assert bundled.date == "2025-12-20"
    assert [p.short_name for p in bundled.parties] == ["Japan", "Tajikistan"]
    assert [(p.name, p.title, p.party) for p in bundled.leaders] == [
        ("TAKAICHI Sanae", "Prime Minister", "Japan"),
        ("Emomali RAHMON", "President", "Tajikistan"),
    ]


def test_signatories_from_the_flattened_signature_block(bundled: Statement) -> None:
    assert [(p.name, p.title, p.party) for p in bundled.signatories] == [
        ("TAKAICHI Sanae", "Prime Minister", "Japan"),
        ("Emomali RAHMON", "President", "Tajikistan"),
    ]


def test_preamble_is_the_seven_unnumbered_opening_paragraphs(bundled: Statement) -> None:
    assert len(bundled.preamble) == 7
    assert bundled.preamble[0].startswith("On December 20, 2025")
    assert bundled.preamble[-1].startswith("The two Leaders concurred on the further development")


def test_parts_and_areas(bundled: Statement) -> None:
    assert [(p.label, p.heading) for p in bundled.parts] == [
        ("I", "Three Priority Areas of Cooperation"),
        ("II", "Cooperation in other fields"),
    ]
    assert [a.heading for a in bundled.areas] == [
        "Green Economy and Resilience",
        "Connectivity",
        "Human Resource and Social System Development",
        "Cooperation in other fields",
    ]
    assert bundled.areas[1].description == (
        "Enhancing logistics, transportation, and people-to-people exchanges"
    )
    assert [a.part_id for a in bundled.areas] == ["I", "I", "I", "II"]


def test_thirty_nine_paragraphs_under_the_right_areas(bundled: Statement) -> None:
    assert [p.number for p in bundled.paragraphs] == list(range(1, 40))
    ranges = {
        bundled.areas[0].id: range(1, 16),
        bundled.areas[1].id: range(16, 26),
        bundled.areas[2].id: range(26, 36),
        bundled.areas[3].id: range(36, 40),
    }
    for para in bundled.paragraphs:
        assert para.number in ranges[para.area_id], para


def test_paragraph_broken_by_a_blank_line_is_joined_with_a_warning(bundled: Statement) -> None:
    p27 = bundled.paragraphs[26]
    assert p27.number == 27
    assert (
        "Intergovernmental Commission for Economic, Technical and Scientific Cooperation "
        "held in June 2025" in p27.text
    )
    assert p27.text.endswith("political consultations held in July 2025.")
    assert any("27" in w and "joined" in w for w in bundled.warnings)


def test_every_item_id_is_unique_and_keyed_on_its_paragraph(bundled: Statement) -> None:
    ids = [i.id for i in bundled.items]
    assert len(ids) == len(set(ids))
    for i in bundled.items:
        if i.paragraph is None:
            assert i.id.startswith("pre")
        else:
            assert i.id.split(".")[0] == str(i.paragraph)


@pytest.mark.parametrize(
    ("item_id", "category", "commitment", "actors"),
    [
        ("1.1", "welcome", False, ["both"]),
        ("4.2", "pledge", True, ["Japan"]),
        ("9.1", "appreciation", False, ["Tajikistan"]),
        ("10.1", "intention", True, ["both"]),
        ("13.1", "pledge", True, ["Japan"]),
        # welcoming another party's decision commits the speaker to nothing
        ("14.3", "welcome", False, ["Japan"]),
        ("18.1", "affirmation", False, ["both"]),  # concurred on the importance of ...
        ("18.2", "agreement", True, ["both"]),  # concurred on pursuing ...
        ("19.1", "agreement", True, ["both"]),
        ("26.1", "affirmation", False, ["both"]),
        ("26.2", "intention", True, ["both"]),
        ("39.1", "appreciation", False, ["Tajikistan"]),
        ("39.2", "invitation", False, ["Tajikistan"]),
    ],
)
def test_categories_of_representative_sentences(
    bundled: Statement, item_id: str, category: str, commitment: bool, actors: list[str]
) -> None:
    found = item(bundled, item_id)
    assert (found.category, found.is_commitment, found.actors) == (category, commitment, actors)


def test_two_verbs_make_two_items_one_verb_with_two_objects_one(bundled: Statement) -> None:
    para_26 = [i for i in bundled.items if i.paragraph == 26]
    assert [i.category for i in para_26][:2] == ["affirmation", "intention"]
    para_16 = [i for i in bundled.items if i.paragraph == 16]
    assert [i.category for i in para_16] == ["welcome", "agreement", "welcome"]
    assert "signing of the Exchange of Notes" in para_16[2].text


def test_passive_act_names_its_actor(bundled: Statement) -> None:
    underlined = [i for i in bundled.items if i.verb.endswith("underlined")]
    assert underlined and underlined[0].actors == ["Japan"]
    assert underlined[0].id.startswith("pre6.")


def test_verbs_as_written(bundled: Statement) -> None:
    assert item(bundled, "19.1").verb == "concurred on"
    assert item(bundled, "13.1").verb == "will provide support"
    assert (
        item(bundled, "24.4" if item(bundled, "24.3").category != "intention" else "24.3").verb
        == "look forward to"
    )


def test_acronyms_are_learnt_from_the_text(bundled: Statement) -> None:
    assert "ADRC" in item(bundled, "12.1").organizations
    assert "JICA" in item(bundled, "12.1").organizations
    assert "ADB" in item(bundled, "15.1").organizations
    assert "WCO" in item(bundled, "16.3").organizations


def test_instruments_and_projects(bundled: Statement) -> None:
    assert "Exchange of Notes" in item(bundled, "1.1").instruments
    assert any("Memorandum of Cooperation" in x for x in item(bundled, "5.1").instruments)
    assert any("Substation" in p for p in item(bundled, "1.1").projects)


def test_dates_resolved_against_the_statement_date(bundled: Statement) -> None:
    relative = [d for i in bundled.items for d in i.dates if "this year" in d.text]
    assert relative and relative[0].value == "2025-02-14" and relative[0].future is False
    may_2026 = [d for d in item(bundled, "2.1").dates if d.value == "2026-05"]
    assert may_2026 and may_2026[0].future is True
    assert any(d.value == "2027" and d.future for d in item(bundled, "14.3").dates)


def test_commitments_are_a_minority_and_include_the_pledges(bundled: Statement) -> None:
    commitments = bundled.commitments
    assert 10 <= len(commitments) <= 30
    assert all(c.category in ("pledge", "agreement", "intention") for c in commitments)


def test_a_long_statement_keeps_four_digit_paragraph_numbers() -> None:
    from jtreport.api import parse_text

    body = "\n".join(f"{n}. Both sides welcomed item {n}." for n in range(990, 1012))
    statement = parse_text(f"Joint Statement\n\nTokyo, 1 May 2026\n\n{body}\n")
    assert [p.number for p in statement.paragraphs] == list(range(990, 1012))
    assert statement.items[-1].id == "1011.1"


def test_a_year_that_starts_a_wrapped_line_is_not_a_paragraph_number() -> None:
    from jtreport.api import parse_text

    wrapped = "\n".join(
        f"{n}. We recognize that achieving the sustainable development goals by the year\n"
        "2030, reducing poverty and responding to global challenges requires the\n"
        "mobilization of resources from all sources, and we commit to doing our part.\n"
        for n in range(1, 5)
    )
    statement = parse_text(f"Joint Statement\n\nTokyo, 1 May 2026\n\n{wrapped}")
    assert [p.number for p in statement.paragraphs] == [1, 2, 3, 4]
    assert "2030, reducing poverty" in statement.paragraphs[0].text
