"""The document level: parties, leaders with their party, and the place, on small
synthetic statements written in the general patterns real ones follow."""

from __future__ import annotations

import pytest
from jtreport.api import parse_text
from jtreport.model import Statement

BODY = "1. Both sides welcomed the progress of bilateral cooperation.\n"


def leaders(statement: Statement) -> list[tuple[str, str | None]]:
    return [(p.name, p.party) for p in statement.leaders]


def parties(statement: Statement) -> list[str]:
    return [p.short_name for p in statement.parties]


def test_titles_and_names_alternating_are_paired_in_the_shape_the_list_starts_with() -> None:
    text = (
        "Joint Communique\n\n"
        "At the invitation of the Prime Minister of New Zealand, the Right Hon. A. B. Tane, "
        "the Prime Minister of Australia, the Right Hon. Carl Wattle, visited Wellington.\n\n"
        + BODY
    )
    statement = parse_text(text)
    assert leaders(statement) == [("A. B. Tane", "New Zealand"), ("Carl Wattle", "Australia")]
    assert parties(statement) == ["New Zealand", "Australia"]


def test_names_first_with_honorifics_and_an_institution_of_a_union() -> None:
    text = (
        "21st EU-Japan Summit Joint Press Statement\n\n"
        "1. Mr. Taro Sato, Prime Minister of Japan, Mr. Jan Peeters, President of the "
        "European Council, and Mr. Luis Costa, President of the European Commission, met in "
        "Tokyo.\n\n2. Both sides welcomed the progress of cooperation.\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [
        ("Taro Sato", "Japan"),
        ("Jan Peeters", "EU"),
        ("Luis Costa", "EU"),
    ]
    assert statement.place == "Tokyo"


def test_the_country_written_before_the_title_and_a_body_of_the_country() -> None:
    text = (
        "Joint Statement\n\n"
        "On September 10, 2023, General Secretary of the Communist Party of Vietnam Central "
        "Committee Van Anh Tran and United States President John Q. Public, Jr. met and held "
        "talks in Hanoi, Vietnam. The two Leaders hailed a new phase of cooperation.\n\n"
        "In the ten years since President Van Ba and President Jane Roe formed the "
        "partnership, the two countries have made strides.\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [
        ("Van Anh Tran", "Viet Nam"),
        ("John Q. Public, Jr.", "United States"),
    ]
    assert statement.place == "Hanoi, Vietnam"
    assert statement.date == "2023-09-10"


def test_a_guest_of_another_country_is_no_leader_of_a_group_statement() -> None:
    text = (
        "G7 Leaders' Statement\n\n"
        "1. We, the Leaders of the Group of Seven (G7), met on 12 December, to reflect on "
        "progress of our cooperation under Germany's Presidency. We were joined by "
        "Ukraine's President Ivan Petrenko. This year we stood more united than ever.\n\n"
        "2. We reaffirm our unwavering support for Ukraine.\n"
    )
    statement = parse_text(text)
    assert parties(statement) == ["G7"]
    assert statement.leaders == []


def test_a_member_of_a_union_party_speaks_for_the_union() -> None:
    text = (
        "CHAIRMAN'S STATEMENT OF THE 25TH ASEAN-JAPAN SUMMIT\n"
        "1. The 25th ASEAN-Japan Summit was held on 12 November 2022 in Phnom Penh, Cambodia. "
        "The Meeting was chaired by Samdech Akka Moha Sena Padei Techo SOK DARA, Prime "
        "Minister of the Kingdom of Cambodia, and attended by H.E. SATO Taro, Prime Minister "
        "of Japan.\n"
        "2. We welcomed the progress of the partnership.\n"
    )
    statement = parse_text(text)
    assert parties(statement) == ["ASEAN", "Japan"]
    assert leaders(statement) == [("SOK DARA", "ASEAN"), ("SATO Taro", "Japan")]
    assert statement.place == "Phnom Penh, Cambodia"


def test_an_ambassador_stands_for_a_party_but_is_no_leader() -> None:
    text = (
        "Joint Press Release\n\n"
        "The Meeting was held in Tashkent, with the participation of Ali Valiev, Minister "
        "of Foreign Affairs of the Republic of Uzbekistan, Taro Sato, Minister for Foreign "
        "Affairs of Japan, and Murat Amanov, Ambassador Extraordinary and Plenipotentiary "
        "of Turkmenistan.\n\nThe delegates welcomed the progress of the dialogue.\n"
    )
    statement = parse_text(text)
    assert parties(statement) == ["Uzbekistan", "Japan", "Turkmenistan"]
    assert [name for name, _party in leaders(statement)] == ["Ali Valiev", "Taro Sato"]


def test_a_country_the_title_is_about_is_no_party() -> None:
    text = (
        "Trilateral National Security Advisors Statement on the Democratic People's "
        "Republic of Korea's Missile Launches\n\n"
        "The United States, Japan, and the Republic of Korea condemn today's missile "
        "launches.\n\n"
        "The United States reaffirms its commitments. National Security Secretariat "
        "Secretary General Sato Taro, ROK National Security Advisor Kim Min-jun, and U.S. "
        "National Security Advisor John Doe met today in Tokyo.\n"
    )
    statement = parse_text(text)
    assert parties(statement) == ["United States", "Japan", "Korea"]
    assert leaders(statement) == [
        ("Sato Taro", "Japan"),
        ("Kim Min-jun", "Korea"),
        ("John Doe", "United States"),
    ]
    assert statement.place == "Tokyo"


def test_the_signatories_are_the_leaders_when_the_opening_names_none() -> None:
    text = (
        "Joint Declaration\n\n"
        "This week, we - the presidents of the United States and the Republic of "
        "Kazakhstan - met in New York.\n\n"
        "**Partnership**\n\nWe reaffirm our commitment to cooperation.\n\n"
        "September 21, 2023\n\n"
        "President Aidar Nurlanov of the Republic of Kazakhstan\n"
        "President John Doe of the United States of America\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [("Aidar Nurlanov", "Kazakhstan"), ("John Doe", "United States")]
    assert statement.parties[0].name == "United States of America"


def test_a_leader_without_a_country_speaks_for_the_party_without_a_leader() -> None:
    text = (
        "Joint Statement from India and the United States\n\n"
        "1. Prime Minister Ravi Kumar welcomed United States President John Doe, Jr., to "
        "India ahead of the Summit.\n\n2. The leaders welcomed the progress.\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [("Ravi Kumar", "India"), ("John Doe, Jr.", "United States")]
    assert statement.place == "India"


def test_the_host_of_a_visit_is_a_party() -> None:
    text = (
        "Communique\n\n"
        "At the invitation of His Excellency President Budi, the Prime Minister of "
        "Australia the Right Honourable Carl Wattle, M.P., visited Indonesia from 7 to 11 "
        "October 1976.\n\n"
        "The Prime Minister said that the visit was a positive indication.\n"
    )
    statement = parse_text(text)
    assert parties(statement) == ["Australia", "Indonesia"]
    assert leaders(statement) == [("Budi", "Indonesia"), ("Carl Wattle", "Australia")]
    assert statement.place == "Indonesia"


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("Tokyo, 26 October 2016", "Tokyo"),
        ("20 May 2023, Hiroshima", "Hiroshima"),
        ("Issued in Manila, 4 June 2015", "Manila"),
        ("September 21, 2023", None),
        ("Monday, September 21, 2023", None),
    ],
)
def test_the_place_of_a_dateline(dateline: str, place: str | None) -> None:
    statement = parse_text(f"Joint Statement\n\n{dateline}\n\n{BODY}")
    assert statement.place == place


def test_the_place_of_the_meeting_in_the_opening() -> None:
    opening = {
        "The leaders convened at Camp David to open a new era.": "Camp David",
        "We, the Leaders, met on the margins of the G20 Summit in New Delhi to reaffirm "
        "our commitment.": "New Delhi",
        "The President paid an official visit to Japan.": "Japan",
        "The Prime Ministers met for the third Summit, hosted by Prime Minister Doe.": None,
    }
    for sentence, place in opening.items():
        statement = parse_text(f"Joint Statement\n\n{sentence}\n\n{BODY}")
        assert statement.place == place, sentence


def test_a_closing_line_gives_the_place_without_the_year() -> None:
    text = f"Joint Communique\n\n{BODY}\nJakarta 13 August\n\n13 August 2001\n"
    statement = parse_text(text)
    assert statement.place == "Jakarta"
    assert statement.date == "2001-08-13"


def test_a_title_folded_over_lines_in_front_matter() -> None:
    text = (
        "---\n"
        "date: '2023-09-09'\n"
        'title: "Joint Statement from the United\\_States, India, and Brazil on\\\n'
        '  \\ the\\_G20"\n'
        "---\n"
        "We, the Leaders of India, Brazil, and the United States, met in New Delhi.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Joint Statement from the United States, India, and Brazil on the G20"
    assert parties(statement) == ["United States", "India", "Brazil"]


def test_the_host_who_welcomed_a_guest_to_a_capital_speaks_for_its_party() -> None:
    text = (
        "Joint Statement on the Partnership between the United States of America and "
        "Mongolia\n\n"
        "Vice President Jane Doe welcomed Prime Minister Bat-Erdene Dorj to Washington, "
        "D.C., on August 2 to celebrate the partnership. The two sides acknowledged the "
        "progress.\n\n"
        "**Economy**\n\nThe two sides welcomed the growth of trade.\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [("Jane Doe", "United States"), ("Bat-Erdene Dorj", "Mongolia")]
    assert statement.place == "Washington, D.C."


def test_a_wrapped_first_line_cut_short_stays_with_its_paragraph() -> None:
    line = "The two sides acknowledged the advancement of relations since the declaration"
    text = (
        "Joint Statement between the United States of America and Mongolia\n\n"
        "August 2, 2023\n\n"
        "Vice President Jane Doe welcomed Prime\n"
        "Minister Bat-Erdene Dorj to Washington, D.C., on August 2 to celebrate the\n"
        f"{line}\nof the Strategic Partnership, which has provided a firm foundation.\n\n"
        f"{line}\nof the Strategic Partnership, which has provided a firm foundation.\n"
    )
    statement = parse_text(text)
    assert statement.paragraphs[0].text.startswith(
        "Vice President Jane Doe welcomed Prime Minister"
    )
    assert [p.title for p in statement.leaders] == ["Vice President", "Prime Minister"]


def test_a_posting_timestamp_is_not_the_statement_s_date() -> None:
    text = (
        "---\ntitle: Leaders' Declaration\ndate: 2016-11-21T20:55:00UTC\n---\n\n"
        "We, the Leaders of APEC, met in Lima.\n\nWe reaffirm our aspirations.\n"
    )
    statement = parse_text(text)
    assert statement.date is None
    assert any("2016-11-21T20:55:00UTC" in w for w in statement.warnings)
    dated = parse_text(text.replace("2016-11-21T20:55:00UTC", "2016-11-20"))
    assert dated.date == "2016-11-20"


def test_a_title_in_capitals_names_its_leaders_and_a_place_line_its_place() -> None:
    text = (
        "JOINT STATEMENT OF<br/>\n"
        "JAPANESE PRIME MINISTER TARO SATO AND<br/>\n"
        "PHILIPPINE PRESIDENT JUAN DELA CRUZ<br/>\n"
        "Tokyo, Japan<br/>\n"
        "October 26, 2016<br/>\n\n"
        "The two leaders welcomed the progress of the partnership.\n"
    )
    statement = parse_text(text)
    assert statement.title == (
        "JOINT STATEMENT OF JAPANESE PRIME MINISTER TARO SATO AND PHILIPPINE PRESIDENT "
        "JUAN DELA CRUZ"
    )
    assert leaders(statement) == [("Taro Sato", "Japan"), ("Juan Dela Cruz", "Philippines")]
    assert statement.place == "Tokyo, Japan"
    assert statement.date == "2016-10-26"


def test_ministers_and_advisers_of_a_ministers_statement_are_its_leaders() -> None:
    text = (
        "Joint Statement from Canada, Mexico and the United States\n\n"
        "On April 13, 2023, U.S. Homeland Security Advisor Dr. Jane Doe convened the first "
        "meeting of the committee with Mexican Secretary of Security Ana Garcia and "
        "Canadian National Security and Intelligence Advisor John Roe.\n\n"
        "The three governments committed to enhance drug surveillance capabilities.\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [
        ("Jane Doe", "United States"),
        ("Ana Garcia", "Mexico"),
        ("John Roe", "Canada"),
    ]


def test_a_leader_named_in_the_title_by_surname_is_named_in_full_by_the_opening() -> None:
    """ "President Doe and President Roe" in the title, "President John A. Doe Jr. of
    the United States and President Ana Maria Roe da Costa of the Federative Republic
    of Brazil" in the opening: one person each, named in full with their party."""
    text = (
        "Joint Statement Following the Meeting Between President Doe and President Roe\n\n"
        "Today, President John A. Doe Jr. of the United States and President Ana Maria "
        "Roe da Costa of the Federative Republic of Brazil met in Washington, D.C.  During "
        "the meeting, the two leaders reaffirmed the nature of the relationship.\n\n"
        "The two leaders welcomed the progress.\n"
    )
    statement = parse_text(text)
    assert parties(statement) == ["United States", "Brazil"]
    assert leaders(statement) == [
        ("John A. Doe Jr.", "United States"),
        ("Ana Maria Roe da Costa", "Brazil"),
    ]
    assert statement.place == "Washington, D.C."


def test_the_place_a_host_is_honoured_to_welcome_a_guest_to() -> None:
    text = (
        "Joint Statement of the Leaders of the United States and the Philippines\n\n"
        "President John Doe is honored to welcome Philippine President Juan Cruz to "
        "Washington, DC. The leaders recognize the ties of friendship.\n\n"
        "We welcome commencement of negotiations on an arrangement pursuant to Article "
        "14.\n\n"
        "The leaders welcome the progress.\n"
    )
    statement = parse_text(text)
    assert statement.place == "Washington, DC"
    assert leaders(statement) == [("John Doe", "United States"), ("Juan Cruz", "Philippines")]
    welcome_article = parse_text(
        "Joint Statement\n\nWe welcome commencement of negotiations on an arrangement "
        "pursuant to Article 14.\n\nThe leaders welcome the progress.\n"
    )
    assert welcome_article.place is None


def test_a_title_only_one_party_s_system_has_names_its_leader() -> None:
    """No country is written, and the table of heads knows neither name: "Prime
    Minister" is Japan's (Kenya's system has none), and the president then speaks
    for the one party left."""
    text = (
        "Joint Statement of Japan and Kenya\n\nMay 1, 2036\n\n"
        "Prime Minister Sato and President Lind met in Tokyo.\n\n"
        "The two leaders welcomed the progress.\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [("Sato", "Japan"), ("Lind", "Kenya")]


def test_leaders_by_surname_from_the_dated_table_of_heads() -> None:
    text = (
        "Joint Statement of Japan, the Republic of Korea, and the United States\n\n"
        "August 18, 2023\n\n"
        "We, the leaders of Japan, the Republic of Korea, and the United States, met at "
        "Camp David.\n\n"
        "President Biden commended President Yoon and Prime Minister Kishida for their "
        "courageous leadership.\n"
    )
    statement = parse_text(text)
    assert set(leaders(statement)) == {
        ("Biden", "United States"),
        ("Yoon", "Korea"),
        ("Kishida", "Japan"),
    }
    earlier = parse_text(text.replace("August 18, 2023", "August 18, 2015"))
    # in 2015 the table's President Biden and President Yoon held no office: no guess
    assert ("Kishida", "Japan") in leaders(earlier)
    assert ("Biden", None) in leaders(earlier)


def test_the_adviser_to_a_leader_is_not_that_leader() -> None:
    text = (
        "Joint Statement from the United States and Guatemala\n\n"
        "On May 31, 2023, National Security Advisor to the Vice President Dr. Phil Gordon "
        "met with President Juan Perez of Guatemala.\n\n"
        "The two governments commit to take a series of steps.\n"
    )
    statement = parse_text(text)
    assert leaders(statement) == [("Juan Perez", "Guatemala")]


def test_held_is_a_meeting_only_when_a_meeting_is_held() -> None:
    opening = {
        "We support the deal for the hostages held by the group in Gaza.": None,
        "We met at the first Summit, held during the session of the General Assembly in "
        "New York City, and commit to these principles.": "New York City",
        "The Summit was held on 12 November 2022 in Phnom Penh, Cambodia.": "Phnom Penh, Cambodia",
    }
    for sentence, place in opening.items():
        statement = parse_text(f"Joint Statement\n\n{sentence}\n\n{BODY}")
        assert statement.place == place, sentence
