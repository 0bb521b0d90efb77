"""Where the meeting was held: the place of the meeting, not of a purpose it
serves; the margins of a larger event; a city with its country's whole name.

Sentences are synthetic, written in the general patterns of joint statements.
"""

from __future__ import annotations

from jtreport.api import parse_text

BODY = "Both sides will continue to work together on trade.\n"


def place(opening: str, title: str = "Joint Statement of Norway and Chile") -> str | None:
    """The place parsed from a statement with ``opening`` as its first paragraph."""
    return parse_text(f"{title}\n\n{opening}\n\n{BODY}").place


def test_we_meet_in_a_place_in_the_present_tense() -> None:
    opening = "We, the Leaders of Norway and Chile, meet today in Bergen, Norway on 3 March 2019."
    assert place(opening) == "Bergen, Norway"


def test_a_city_keeps_the_whole_name_of_its_country() -> None:
    opening = (
        "We, the Leaders of Fiji and Japan, meet on the occasion of the Island Leaders "
        "Dialogue in Port Moresby, Papua New Guinea on May 2, 2024."
    )
    assert place(opening, "Fiji-Japan Leaders Dialogue") == "Port Moresby, Papua New Guinea"


def test_a_meeting_on_the_margins_of_an_event_is_held_where_the_event_is() -> None:
    opening = (
        "Today, on the margins of the Example Summit at the G20 in Brazil, Norway and "
        "Chile welcomed the new trade plan."
    )
    assert place(opening) == "Brazil"


def test_a_place_in_the_purpose_of_the_meeting_is_not_where_it_was_held() -> None:
    opening = (
        "President Ana Rojas hosted Prime Minister Kari Dahl on 3 March 2019 for a virtual "
        "meeting to review cooperation and to promote growth in Northern Chile."
    )
    assert place(opening) is None


def test_a_place_before_the_purpose_is_still_the_place() -> None:
    opening = (
        "The Prime Ministers of Norway and Chile met in Bergen on 3 March 2019 to promote "
        "growth in Northern Chile."
    )
    assert place(opening) == "Bergen"
