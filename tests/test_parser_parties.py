"""Who the parties are: the speakers' opening, a title naming them, a list of
participants, groups that stand for their members only where the text lists
them, and countries named as places or beneficiaries that are no parties.

Sentences are synthetic, written in the general patterns of joint statements.
"""

from __future__ import annotations

import pytest
from jtreport.api import parse_text
from jtreport.parser.doc_rules import sections
from jtreport.parser.parties import find_parties

TABLE = sections("parties.txt")


def parties(title: str, *opening: str) -> list[str]:
    """The parties' short names for a title and opening paragraphs (nobody named)."""
    return [p.short_name for p in find_parties(title, [], list(opening))]


# --- the speakers' opening ----------------------------------------------------


def test_a_second_set_of_speakers_continues_the_list() -> None:
    opening = (
        "On 2 May 2024, the Presidents of Chile and Peru and the Prime Ministers of "
        "Spain, Portugal, and Italy met in Lima for their summit."
    )
    assert parties("Readout of the Leaders' Summit", opening) == [
        "Chile",
        "Peru",
        "Spain",
        "Portugal",
        "Italy",
    ]


def test_governments_that_represent_a_group_are_the_parties() -> None:
    opening = (
        "We—the Example Islands Council, represented at this meeting by the "
        "governments of Fiji, Samoa, and Tonga, and Japan—meet today in Suva."
    )
    assert parties("Leaders Dialogue", opening) == ["Fiji", "Samoa", "Tonga", "Japan"]


def test_governments_of_countries_a_text_calls_on_are_no_speakers() -> None:
    opening = (
        "The Leaders of Japan and Chile met in Tokyo. They called on the governments "
        "of Peru and Bolivia to join the initiative."
    )
    assert parties("Japan-Chile Joint Statement", opening) == ["Japan", "Chile"]


# --- groups -----------------------------------------------------------------


def test_a_group_the_text_never_breaks_down_stays_the_group() -> None:
    opening = "We, the Prime Ministers of the Baltic states and Japan, met in Riga today."
    assert parties("Joint statement", opening) == ["Baltic states", "Japan"]


def test_a_group_stands_for_the_members_the_text_lists_as_subject() -> None:
    opening = [
        "We, the leaders of Southern Europe, met today in Rome to chart our path.",
        "Home to many people, Italy, Spain, and Greece produce much of the region's food.",
    ]
    assert parties("A Prosperous South", *opening) == ["Italy", "Spain", "Greece"]


def test_countries_after_a_verb_are_no_members_of_the_group() -> None:
    opening = [
        "We, the Leaders of the G7, met in Paris.",
        "We condemn Russia and Belarus for their actions.",
    ]
    assert parties("G7 Leaders' Statement", *opening) == ["G7"]


def test_a_city_after_the_speakers_is_no_group() -> None:
    opening = "Joint statement by the Prime Ministers of the Nordic countries and Japan, Oslo."
    assert parties("Joint statement", opening) == ["Nordic countries", "Japan"]


def test_a_parenthesised_list_of_participants_names_the_parties() -> None:
    opening = [
        "Baltic-Benelux leaders' statement (Belgium, Estonia, Latvia, Lithuania, "
        "Luxembourg, Netherlands, 3 March 2025).",
        "We stand together.",
    ]
    assert parties("Joint statement from the Baltic-Benelux leaders", *opening) == [
        "Belgium",
        "Estonia",
        "Latvia",
        "Lithuania",
        "Luxembourg",
        "Netherlands",
    ]


# --- places and beneficiaries -------------------------------------------------


def test_countries_a_title_names_as_beneficiaries_are_no_parties() -> None:
    title = (
        "Joint Statement from Japan and the European Union on Support for Kenya, "
        "Uganda and Tanzania's Railway Plans"
    )
    assert parties(title, "Today, Japan and the European Union welcomed the plan.") == [
        "Japan",
        "EU",
    ]


def test_a_country_that_qualifies_the_place_in_a_title_is_no_party() -> None:
    title = "France-Pacific Dialogue in Port Vila, Vanuatu"
    assert parties(title, "The Leaders of France and Fiji met today.") == ["France", "Fiji"]


def test_a_country_in_the_title_still_names_a_party() -> None:
    assert parties("Joint Statement between Japan and the Republic of Chile") == [
        "Japan",
        "Chile",
    ]


def test_the_pacific_forum_territories_are_parties() -> None:
    opening = "We, the Leaders of New Caledonia and French Polynesia, met in Noumea."
    assert parties("Joint statement", opening) == ["New Caledonia", "French Polynesia"]


def test_parties_reach_the_model() -> None:
    text = (
        "Joint Statement from Japan and Canada on Support for Ghana\n\n"
        "The Prime Ministers of Japan and Canada met in Ottawa on 2 May 2024.\n\n"
        "Both sides will continue to support Ghana.\n"
    )
    assert [p.short_name for p in parse_text(text).parties] == ["Japan", "Canada"]


# --- the rule table (data/parties.txt): every entry does what its section says ---


def test_the_table_holds_no_duplicate() -> None:
    for section, entries in TABLE.items():
        assert entries, section
        assert len(set(entries)) == len(entries), section


@pytest.mark.parametrize("speakers", TABLE["speakers"])
def test_each_speakers_word_names_the_parties(speakers: str) -> None:
    opening = f"We, the {speakers.title()} of Japan and Chile, met in Lima today."
    assert parties("Joint Statement", opening) == ["Japan", "Chile"]


@pytest.mark.parametrize("speakers", TABLE["represented speakers"])
def test_each_represented_speakers_word_names_the_parties_after_we(speakers: str) -> None:
    opening = f"We, the {speakers.title()} of Japan and Chile, met in Lima today."
    assert parties("Joint Statement", opening) == ["Japan", "Chile"]


@pytest.mark.parametrize("word", TABLE["group words"])
def test_each_group_word_ends_a_group_name(word: str) -> None:
    opening = f"We, the Prime Ministers of the Andean {word} and Japan, met in Lima today."
    assert parties("Joint Statement", opening) == [f"Andean {word}", "Japan"]


@pytest.mark.parametrize("word", TABLE["place or beneficiary words"])
def test_each_place_or_beneficiary_word_keeps_a_country_out(word: str) -> None:
    title = f"Joint Statement of Japan and Chile on Support {word} Peru and Bolivia"
    assert parties(title) == ["Japan", "Chile"]


@pytest.mark.parametrize("word", TABLE["not verbs"])
def test_each_non_verb_keeps_a_list_from_naming_a_groups_members(word: str) -> None:
    opening = [
        "We, the Leaders of the Andean Group, met in Lima.",
        f"Since 1990, Peru and Bolivia {word} many others have worked together.",
    ]
    assert parties("Joint Statement", *opening) == ["Andean Group"]


def test_a_list_longer_than_any_statement_is_read_to_a_whole_name() -> None:
    opening = "We, the Leaders of " + ", ".join(["Japan", "Chile"] * 2000) + ", met today."
    assert parties("Joint Statement", opening) == ["Japan", "Chile"]
