"""The gazetteer: which states and unions a phrase or a text names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jtreport.api import bundled_statement, parse_file
from jtreport.parser.gazetteer import (
    COUNTRIES,
    Country,
    countries_in,
    find_country,
    is_country_name,
    party_name,
)

CORPUS = Path("/work/shared/corpus")


def names(text: str) -> list[str]:
    return [c.name for c in countries_in(text)]


def country(name: str) -> Country:
    return next(c for c in COUNTRIES if c.name == name)


# --- the table ------------------------------------------------------------


def test_table_covers_every_un_member_the_observers_and_the_unions() -> None:
    states = [c for c in COUNTRIES if not c.is_union]
    unions = {c.name for c in COUNTRIES if c.is_union}
    # 193 members, 2 observer states, Kosovo, the Cook Islands and Niue, and the two
    # territories that are full members of the Pacific Islands Forum
    assert len(states) == 200
    assert unions == {"EU", "ASEAN", "African Union"}
    for name in (
        "Holy See",
        "Palestine",
        "Tuvalu",
        "Eswatini",
        "Timor-Leste",
        "South Sudan",
        "New Caledonia",
    ):
        assert any(c.name == name for c in states), name


def test_every_name_in_the_table_leads_back_to_its_country() -> None:
    for entry in COUNTRIES:
        for written in (entry.name, *entry.formal, *entry.aliases):
            assert find_country(written) == entry, written


def test_names_are_unique_across_the_table() -> None:
    seen: dict[str, str] = {}
    for entry in COUNTRIES:
        for written in (entry.name, *entry.formal, *entry.adjectives, *entry.aliases):
            key = written.lower().removeprefix("the ")
            assert seen.setdefault(key, entry.name) == entry.name, written


# --- find_country ---------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the Republic of Tajikistan", "Tajikistan"),
        ("Tajikistan", "Tajikistan"),
        ("The Tajikistan side", "Tajikistan"),
        ("The Japanese side", "Japan"),
        ("the Uzbek side", "Uzbekistan"),
        ("Japan's", "Japan"),
        ("Japan’s", "Japan"),
        ("the United States", "United States"),
        ("U.S.", "United States"),
        ("the United States of America", "United States"),
        ("the European Union", "EU"),
        ("the Association of Southeast Asian Nations", "ASEAN"),
        ("the Kyrgyz Republic", "Kyrgyzstan"),
        ("the Socialist Republic of Viet Nam", "Viet Nam"),
        ("the Socialist Republic of Vietnam", "Viet Nam"),
        ("Vietnam", "Viet Nam"),
        ("the Republic of the Philippines", "Philippines"),
        ("the Azerbaijani side", "Azerbaijan"),
        ("the Russian Federation", "Russia"),
        ("the Democratic People's Republic of Korea", "North Korea"),
        ("the Republic of Korea", "Korea"),
        ("the Lao People's Democratic Republic", "Laos"),
        ("Türkiye", "Türkiye"),
        ("Turkey", "Türkiye"),
        ("Côte d’Ivoire", "Côte d'Ivoire"),
        ("São Tomé and Príncipe", "Sao Tome and Principe"),
        ("the African Union", "African Union"),
        ("the Government of the Republic of Uzbekistan", "Uzbekistan"),
        ("Prime Minister of Japan", "Japan"),
    ],
)
def test_find_country_reads_short_noun_phrases(phrase: str, expected: str) -> None:
    found = find_country(phrase)
    assert found is not None and found.name == expected


@pytest.mark.parametrize(
    "phrase",
    ["Both sides", "the two Leaders", "us", "Let us", "the delegates", "", "   ", "japan"],
)
def test_find_country_is_none_for_phrases_that_name_no_country(phrase: str) -> None:
    assert find_country(phrase) is None


# --- countries_in ---------------------------------------------------------


def test_countries_in_lists_each_country_once_in_order_of_first_appearance() -> None:
    text = (
        "Prime Minister of Japan TAKAICHI Sanae and President of the Republic of Tajikistan "
        "Emomali RAHMON held a meeting. Tajikistan thanked Japan."
    )
    assert names(text) == ["Japan", "Tajikistan"]


def test_adjectives_count_only_when_they_qualify_a_side_a_government_or_a_leader() -> None:
    assert names("The Japanese side highly appreciated the progress.") == ["Japan"]
    assert names("the Uzbek Government and the Tajik delegation") == ["Uzbekistan", "Tajikistan"]
    assert names("the Japanese and Uzbek sides agreed") == ["Japan", "Uzbekistan"]
    assert names("Japanese language education and Tajik National University") == []
    assert names("the Korean Peninsula and Indian Ocean") == []


def test_the_longest_name_wins() -> None:
    assert names("the Democratic Republic of the Congo") == ["DR Congo"]
    assert names("the Republic of the Congo") == ["Congo"]
    assert names("Guinea-Bissau and Papua New Guinea") == ["Guinea-Bissau", "Papua New Guinea"]
    assert names("Niger and Nigeria") == ["Niger", "Nigeria"]
    assert names("South Sudan, then Sudan") == ["South Sudan", "Sudan"]
    assert names("Dominica and the Dominican Republic") == ["Dominica", "Dominican Republic"]
    assert names("the Democratic People's Republic of Korea") == ["North Korea"]


def test_places_that_contain_a_country_name_are_not_countries() -> None:
    text = (
        "freedom of navigation in the South China Sea and the East China Sea, "
        "Northern Ireland, the Gulf of Guinea, Lake Chad and the Congo Basin"
    )
    assert names(text) == []


def test_case_matters_where_words_are_ambiguous() -> None:
    assert names("let us talk turkey over china by the chad") == []
    assert names("US and U.S.-Japan and USA") == ["United States", "Japan"]
    assert names("sanctions worth US$ 5 billion") == []
    assert names("JOINT STATEMENT BETWEEN JAPAN AND THE REPUBLIC OF TAJIKISTAN") == [
        "Japan",
        "Tajikistan",
    ]


def test_names_broken_across_lines_and_curly_apostrophes_still_match() -> None:
    assert names("the United\nStates and Japan") == ["United States", "Japan"]
    assert names("Côte d’Ivoire’s delegation") == ["Côte d'Ivoire"]
    assert names("President of the Lao People’s Democratic Republic") == ["Laos"]


def test_unions_acting_as_parties_are_found() -> None:
    text = "the 21st Summit between Japan and the European Union (EU); ASEAN centrality"
    assert names(text) == ["Japan", "EU", "ASEAN"]
    assert country("EU").is_union and not country("Japan").is_union


@pytest.mark.parametrize(
    ("file", "first_lines", "expected"),
    [
        ("jp-uz-2002-joint-statement-mofa.txt", 3, ["Japan", "Uzbekistan"]),
        ("jp-az-2009-fm-joint-press-statement.txt", 1, ["Japan", "Azerbaijan"]),
        ("jp-vn-2006-joint-statement.txt", 1, ["Japan", "Viet Nam"]),
        ("jp-au-2007-joint-declaration-security-cooperation.txt", 1, ["Japan", "Australia"]),
        ("jp-eu-2013-21st-summit-joint-press-statement.txt", 7, ["EU", "Japan"]),
    ],
)
def test_titles_in_the_corpus_name_their_parties(
    file: str, first_lines: int, expected: list[str]
) -> None:
    lines = (CORPUS / file).read_text(encoding="utf-8").splitlines()
    title = " ".join(line for line in lines[:first_lines] if line.strip())
    assert names(title) == expected


def test_the_six_presidents_of_the_c5_plus_1_declaration() -> None:
    text = (CORPUS / "c5p1-2023-new-york-declaration.txt").read_text(encoding="utf-8")
    opening = text[text.index("This week") : text.index("commit to the following")]
    assert names(opening) == [
        "United States",
        "Kazakhstan",
        "Kyrgyzstan",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
    ]


def test_statements_from_other_regions() -> None:
    g20 = (
        "We welcome the participation of the Leaders of Bangladesh, Egypt, Mauritius, "
        "the Netherlands, Nigeria, Oman, Singapore, Spain and the United Arab Emirates."
    )
    assert names(g20) == [
        "Bangladesh",
        "Egypt",
        "Mauritius",
        "Netherlands",
        "Nigeria",
        "Oman",
        "Singapore",
        "Spain",
        "United Arab Emirates",
    ]
    asean = "the Lao PDR, Brunei Darussalam, Myanmar and Timor-Leste as an observer"
    assert names(asean) == ["Laos", "Brunei", "Myanmar", "Timor-Leste"]
    au = "The Ethiopian Government, the AU and the Federal Republic of Somalia"
    assert names(au) == ["Ethiopia", "African Union", "Somalia"]


# --- party_name -----------------------------------------------------------


def test_party_name_keeps_the_formal_name_as_written_without_the_article() -> None:
    tajikistan = country("Tajikistan")
    assert party_name(tajikistan, "the Republic of Tajikistan") == "Republic of Tajikistan"
    assert party_name(country("Kyrgyzstan"), "The Kyrgyz Republic") == "Kyrgyz Republic"
    viet_nam = country("Viet Nam")
    written = "the Socialist Republic of Vietnam"
    assert party_name(viet_nam, written) == "Socialist Republic of Vietnam"
    written = "the Government of the Republic\nof Uzbekistan"
    assert party_name(country("Uzbekistan"), written) == "Republic of Uzbekistan"


def test_party_name_falls_back_to_the_common_name() -> None:
    assert party_name(country("Tajikistan")) == "Tajikistan"
    assert party_name(country("Tajikistan"), "Tajikistan") == "Tajikistan"
    assert party_name(country("Tajikistan"), "The Tajik side") == "Tajikistan"
    # a formal name of another country is not this country's name
    assert party_name(country("Japan"), "the Republic of Tajikistan") == "Japan"


def test_is_country_name_keeps_unions_apart() -> None:
    assert is_country_name("the Republic of Tajikistan")
    assert is_country_name("Japan")
    assert not is_country_name("European Union")
    assert not is_country_name("Japan Foundation")


def test_the_bundled_statement_has_its_two_parties() -> None:
    statement = parse_file(bundled_statement())
    assert [(p.name, p.short_name) for p in statement.parties] == [
        ("Japan", "Japan"),
        ("Republic of Tajikistan", "Tajikistan"),
    ]


# --- robustness -----------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    found = countries_in(text)
    assert len({c.name for c in found}) == len(found)
    result = find_country(text)
    if result is not None:
        assert isinstance(party_name(result, text), str)


def test_megabytes_of_text_are_read_in_one_pass() -> None:
    text = bundled_statement().read_text(encoding="utf-8") * 100
    assert names(text) == ["Japan", "Tajikistan", "Afghanistan"]
    pathological = "Republic of the Republic of the " * 20000 + "Congo"
    assert names(pathological) == ["Congo"]
