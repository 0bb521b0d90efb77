"""Dates named in statements: full dates, months, years, relative phrases."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jtreport.api import bundled_statement, parse_file
from jtreport.parser.dates import find_dates, first_full_date, is_future, parse_date

CORPUS = Path("/work/shared/corpus")
REF = datetime.date(2025, 12, 20)


def found(text: str, reference: datetime.date | None = REF) -> list[tuple[str, str, bool | None]]:
    return [(d.text, d.value, d.future) for d in find_dates(text, reference)]


# --- full dates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On December 20, 2025, the leaders met.", ("December 20, 2025", "2025-12-20", False)),
        ("Issued in Tokyo, 26 October 2016", ("26 October 2016", "2016-10-26", False)),
        ("Tokyo, 17th June, 2009", ("17th June, 2009", "2009-06-17", False)),
        ("held on June 27, 2025.", ("June 27, 2025", "2025-06-27", False)),
        ("adopted on 2025-12-20 in Tokyo", ("2025-12-20", "2025-12-20", False)),
        ("archived on 28 of April 2017", ("28 of April 2017", "2017-04-28", False)),
        ("on the 3rd of March 2026", ("3rd of March 2026", "2026-03-03", True)),
        ("on Dec. 21, 2025", ("Dec. 21, 2025", "2025-12-21", True)),
        ("on 21 Sept 2026", ("21 Sept 2026", "2026-09-21", True)),
        ("on December\n20,\n2025", ("December 20, 2025", "2025-12-20", False)),
    ],
)
def test_full_dates_in_any_usual_order(text: str, expected: tuple[str, str, bool]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("met in Hiroshima on May 19-21, 2023.", ("May 19-21, 2023", "2023-05-19", "2023-05-21")),
        (
            "to Japan from 28 to 31 July, 2002, which",
            ("28 to 31 July, 2002", "2002-07-28", "2002-07-31"),
        ),
        ("from June 16 to 21, 2009", ("June 16 to 21, 2009", "2009-06-16", "2009-06-21")),
        ("from 25 to 27 October 2016", ("25 to 27 October 2016", "2016-10-25", "2016-10-27")),
        ("held 25–27 October 2016", ("25–27 October 2016", "2016-10-25", "2016-10-27")),
        (
            "from 28 July to 2 August 2002",
            ("28 July to 2 August 2002", "2002-07-28", "2002-08-02"),
        ),
        ("New Delhi, 9-10 September 2023", ("9-10 September 2023", "2023-09-09", "2023-09-10")),
        ("the Decade 2018-2028", ("2018-2028", "2018", "2028")),
        ("the programme for 2001-02", ("2001-02", "2001", "2002")),
        ("a seat in 2028-29.", ("2028-29", "2028", "2029")),
        ("the Program (2021-2025).", ("2021-2025", "2021", "2025")),
        ("from 2021 to 2025", ("2021 to 2025", "2021", "2025")),
        ("in April–June 2026", ("April–June 2026", "2026-04", "2026-06")),
    ],
)
def test_a_range_gives_both_ends(text: str, expected: tuple[str, str, str]) -> None:
    words, first, last = expected
    assert [(t, v) for t, v, _ in found(text)] == [(words, first), (words, last)]


def test_impossible_dates_are_not_dates() -> None:
    assert found("on February 30, 2025 and 2025-13-01") == []


# --- months and years -------------------------------------------------------


def test_month_and_year() -> None:
    text = "the Conference in May 2026 in Dushanbe, the Dialogue held in September, 2023"
    assert found(text) == [
        ("May 2026", "2026-05", True),
        ("September, 2023", "2023-09", False),
    ]


def test_a_month_equal_to_the_reference_month_is_not_in_the_future() -> None:
    assert found("in December 2025") == [("December 2025", "2025-12", False)]
    assert found("in 2025") == [("2025", "2025", False)]
    assert found("in 2026") == [("2026", "2026", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("commended the Conference in Tajikistan in 2025.", [("2025", "2025", False)]),
        ("achieving the goals by 2030, reducing poverty", [("2030", "2030", True)]),
        ("since 2022 the Secretariat has", [("2022", "2022", False)]),
        ("In 2017, the Philippines will chair ASEAN.", [("2017", "2017", False)]),
        ("by the end of 2026", [("end of 2026", "2026", True)]),
        ("in early 2027", [("early 2027", "2027", True)]),
        ("by mid-2026", [("mid-2026", "2026", True)]),
        ("a vision for post-2020", [("post-2020", "2020", False)]),
        ("in the year 2030", [("2030", "2030", True)]),
        # a year in a name is still a calendar expression
        ("the 2030 Agenda for Sustainable Development", [("2030", "2030", True)]),
        ("the United Nations 2028 Water Conference", [("2028", "2028", True)]),
        ("ASEAN 2025: Forging Ahead Together", [("2025", "2025", False)]),
        ("after the 2008 global financial crisis", [("2008", "2008", False)]),
        ("We begin 2023 together as the closest of allies", [("2023", "2023", False)]),
    ],
)
def test_every_year_is_a_date(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "UN General Assembly Resolution 77/158, titled International Year",
        "Security Council resolution 2231 and Resolution No. 2025",
        "projects in Tajikistan under ADF14.",
        "EU News 477/2013 and 16447/13 of 28/04/2017",
        "training for 1,000 administrative officials and 2000 participants",
        "a fund of US$2025 million and 1990 km of roads",
        "in the 1990s",
    ],
)
def test_numbers_that_are_not_years_are_not_dates(text: str) -> None:
    assert found(text) == []


def test_a_year_after_an_event_name_dates_the_event() -> None:
    text = (
        "Both sides welcomed the success of the Expo 2025 Osaka, Kansai, Japan. "
        "Japan welcomed Tajikistan’s decision to participate in GREENxEXPO 2027."
    )
    assert found(text) == [
        ("Expo 2025", "2025", False),
        ("GREENxEXPO 2027", "2027", True),
    ]


# --- relative phrases ---------------------------------------------------------


def test_relative_phrases_are_resolved_against_the_reference() -> None:
    text = (
        "the Workshop hosted on February 14 this year; the Summit next year; "
        "the meeting held last year; the visit this year; the talks next month"
    )
    assert found(text) == [
        ("February 14 this year", "2025-02-14", False),
        ("next year", "2026", True),
        ("last year", "2024", False),
        ("this year", "2025", False),
        ("next month", "2026-01", True),
    ]


def test_relative_phrases_need_a_reference() -> None:
    text = "on February 14 this year, next year, in October and on June 17"
    assert found(text, None) == []
    assert found("On December 20, 2025 and in May 2026", None) == [
        ("December 20, 2025", "2025-12-20", None),
        ("May 2026", "2026-05", None),
    ]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # future wording: the next such month after the reference
        (
            "invited him to attend the APEC Meeting in coming November.",
            datetime.date(2006, 10, 19),
            ("coming November", "2006-11", True),
        ),
        (
            "We will discuss actions at the Ministerial in October.",
            datetime.date(2023, 9, 21),
            ("October", "2023-10", True),
        ),
        (
            "The leaders will meet again in March.",
            datetime.date(2025, 12, 20),
            ("March", "2026-03", True),
        ),
        (
            "this coming November, the Forum will open",
            datetime.date(2025, 12, 20),
            ("this coming November", "2026-11", True),
        ),
        # past wording: the same year
        (
            "since the start of the negotiations in April.",
            datetime.date(2013, 11, 19),
            ("April", "2013-04", False),
        ),
        (
            "its presidency for the month of January.",
            datetime.date(2023, 1, 13),
            ("January", "2023-01", False),
        ),
        (
            "held a meeting with the Minister on June 17.",
            datetime.date(2009, 6, 17),
            ("June 17", "2009-06-17", False),
        ),
        # a past participle before the date: past, whatever the rest says
        (
            "We will build on the Conference held on 25 October in Berlin.",
            datetime.date(2022, 12, 12),
            ("25 October", "2022-10-25", False),
        ),
        (
            "the summit to be held on 5 March will",
            datetime.date(2022, 12, 12),
            ("5 March", "2023-03-05", True),
        ),
        (
            "as well as the June trilateral dialogue",
            datetime.date(2023, 8, 2),
            ("June", "2023-06", False),
        ),
        (
            "they met last November",
            datetime.date(2025, 10, 1),
            ("last November", "2024-11", False),
        ),
    ],
)
def test_a_month_without_a_year_follows_the_tense(
    text: str, reference: datetime.date, expected: tuple[str, str, bool]
) -> None:
    assert found(text, reference) == [expected]


def test_today_and_the_end_of_the_year_are_resolved_against_the_reference() -> None:
    text = "Today we condemn today’s launches and will report by the end of the year."
    assert found(text, datetime.date(2023, 6, 15)) == [
        ("Today", "2023-06-15", False),
        ("today", "2023-06-15", False),
        ("the end of the year", "2023", False),
    ]


def test_seasons_are_resolved_to_their_year() -> None:
    text = (
        "The program will launch this fall, the forum will meet next spring and in the "
        "coming winter, after the talks held last summer."
    )
    assert [(t, v) for t, v, _ in found(text, datetime.date(2024, 5, 23))] == [
        ("this fall", "2024"),
        ("next spring", "2025"),
        ("the coming winter", "2024"),
        ("last summer", "2023"),
    ]


def test_today_and_tomorrow_in_a_figure_of_speech_are_no_dates() -> None:
    text = "We invest in the workforce of tomorrow and meet the challenges of today and tomorrow."
    assert found(text) == []
    assert found("The ministers will meet tomorrow.", datetime.date(2024, 5, 23)) == [
        ("tomorrow", "2024-05-24", True)
    ]


def test_vague_phrases_and_lone_month_names_are_not_dates() -> None:
    text = (
        "Demand will expand significantly in the coming decades. May the friendship grow. "
        "The parties may meet in due course. March forward together."
    )
    assert found(text) == []


def test_mentions_come_in_text_order_without_repeats() -> None:
    text = "In May 2026 and on 20 December 2025, and again in May 2026 (May 2026)."
    result = find_dates(text, REF)
    assert [d.text for d in result] == ["May 2026", "20 December 2025", "May 2026", "May 2026"]
    spans = [m.start() for m in re.finditer(r"May 2026|20 December 2025", text)]
    assert spans == sorted(spans)


def test_is_future_compares_at_the_precision_given() -> None:
    assert is_future("2025-12-21", REF) is True
    assert is_future("2025-12-20", REF) is False
    assert is_future("2025-12", REF) is False
    assert is_future("2026-01", REF) is True
    assert is_future("2025", REF) is False
    assert is_future("2026", None) is None


# --- the statement's own date -----------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("December 20, 2025", datetime.date(2025, 12, 20)),
        ("20 December 2025", datetime.date(2025, 12, 20)),
        ("17th June, 2009", datetime.date(2009, 6, 17)),
        ("2025-12-20", datetime.date(2025, 12, 20)),
        ("Tokyo, July 29, 2002", datetime.date(2002, 7, 29)),
        ("Tokyo, 17th June, 2009", datetime.date(2009, 6, 17)),
        ("Issued in Tokyo, 26 October 2016", datetime.date(2016, 10, 26)),
        ("Tokyo, 19 November 2013", datetime.date(2013, 11, 19)),
        ("**September 21, 2023**  ", datetime.date(2023, 9, 21)),
        ("date: 2016-10-27T05:46:43UTC", datetime.date(2016, 10, 27)),
        ("date: '2023-01-13'", datetime.date(2023, 1, 13)),
        ("Done at Tokyo on 20 December 2025", datetime.date(2025, 12, 20)),
    ],
)
def test_parse_date_reads_date_lines(line: str, expected: datetime.date) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On December 20, 2025, Prime Minister of Japan TAKAICHI Sanae and President met.",
        "This site has been archived on 28 of April 2017",
        "May 2026",
        "2025",
        "Joint Statement",
        "",
        "Tokyo, February 30, 2025",
    ],
)
def test_parse_date_refuses_sentences_and_partial_dates(text: str) -> None:
    assert parse_date(text) is None


def test_first_full_date_finds_the_date_in_an_opening_sentence() -> None:
    opening = "On December 20, 2025, Prime Minister of Japan TAKAICHI Sanae held a meeting."
    assert first_full_date(opening) == datetime.date(2025, 12, 20)
    assert first_full_date("in May 2026 and in 2027") is None


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("jp-uz-2002-joint-statement-mofa.txt", datetime.date(2002, 7, 29)),
        ("jp-az-2009-fm-joint-press-statement.txt", datetime.date(2009, 6, 17)),
        ("jp-vn-2006-joint-statement.txt", datetime.date(2006, 10, 19)),
        ("caj-2010-3rd-fm-meeting-joint-press-release.txt", datetime.date(2010, 8, 7)),
        ("jp-eu-2013-21st-summit-joint-press-statement.txt", datetime.date(2013, 11, 19)),
    ],
)
def test_the_corpus_date_lines(file: str, expected: datetime.date) -> None:
    lines = (CORPUS / file).read_text(encoding="utf-8").splitlines()
    dates = [d for d in map(parse_date, lines) if d]
    assert dates[0] == expected


# --- the bundled statement ----------------------------------------------------


def test_the_bundled_statement_dates() -> None:
    statement = parse_file(bundled_statement())
    assert statement.date == "2025-12-20"
    by_text = {d.text: (d.value, d.future) for item in statement.items for d in item.dates}
    assert by_text["May 2026"] == ("2026-05", True)
    assert by_text["February 14 this year"] == ("2025-02-14", False)
    assert by_text["GREENxEXPO 2027"] == ("2027", True)
    assert by_text["June 27, 2025"] == ("2025-06-27", False)
    assert by_text["August 2025"] == ("2025-08", False)
    values = [d.value for item in statement.items for d in item.dates if d.text == "2018-2028"]
    assert values == ["2018", "2028"]
    upcoming = [d.value for d, _ in statement.upcoming()]
    assert upcoming == ["2026-05", "2027", "2028", "2028", "2030"]


# --- robustness -------------------------------------------------------------


VOCABULARY = (
    "in by on May June 2025 2026 20 31 - to , . this next coming will year month "
    "of the Expo Summit mid- 1st December 77/158 ADF14 (2021-2025)"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(VOCABULARY.split()),
        max_size=40,
    ).map(" ".join),
    st.one_of(st.none(), st.dates()),
)
def test_mentions_are_always_well_formed(text: str, reference: datetime.date | None) -> None:
    flat = " ".join(text.split())
    for mention in find_dates(text, reference):
        assert mention.text in flat
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", mention.value)
        assert (mention.future is None) == (reference is None)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_never_raises_on_arbitrary_text(text: str, reference: datetime.date | None) -> None:
    find_dates(text, reference)
    parse_date(text)
    first_full_date(text)


def test_pathological_inputs_finish() -> None:
    # Each would take hours with a backtracking blow-up; linear scans take moments.
    for text in (
        "May May June July in May " * 20000,
        "1 2 3 4 5 " * 40000,
        "2025-2026-2027-" * 30000,
        "in " * 100000 + "2025",
        "on 20 to 21 to 22 to " * 20000,
    ):
        assert isinstance(find_dates(text, REF), list)
    assert len(find_dates("in May 2026. " * 50000, REF)) == 50000
