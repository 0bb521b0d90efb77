"""The document level: the title and the header above the body, on small
synthetic statements written in the general patterns real ones follow."""

from __future__ import annotations

import pytest
from jtreport.api import parse_text
from jtreport.parser.title import clean_title, is_banner

BODY = (
    "1. Both sides welcomed the progress of bilateral cooperation.\n\n"
    "2. Both sides concurred on launching a new dialogue.\n"
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("[Title] JOINT STATEMENT OF THE SUMMIT", "JOINT STATEMENT OF THE SUMMIT"),
        ('"Joint Statement of Atlantis and Oceania"', "Joint Statement of Atlantis and Oceania"),
        ('"Joint Statement from Atlantis and Oceania on\\', "Joint Statement from Atlantis and Oceania on"),  # noqa: E501
        ("Joint Statement (Provisional translation)", "Joint Statement"),
        ("PRESS RELEASE: Joint Statement on Trade", "Joint Statement on Trade"),
        ("Atlantis-Oceania Joint Statement (MFA)", "Atlantis-Oceania Joint Statement"),
        ("Joint Statement on the Economic Partnership Agreement (EPA)",
         "Joint Statement on the Economic Partnership Agreement (EPA)"),
        ("Statement of the Leaders [Attacks in the capital]", "Statement of the Leaders"),
        ("Leaders' Visit: Communique(1)", "Leaders' Visit: Communique"),
        ("**Joint Statement**", "Joint Statement"),
        ("Joint Statement on the G20", "Joint Statement on the G20"),
        ("Joint Statement on “Green Growth”", "Joint Statement on “Green Growth”"),
    ],
)  # fmt: skip
def test_title_noise_goes_and_the_title_stays(raw: str, clean: str) -> None:
    assert clean_title(raw) == clean


def test_banners_are_lines_that_only_name_a_kind_of_text() -> None:
    assert is_banner("PRESS RELEASE")
    assert is_banner("(Provisional translation)")
    assert not is_banner("Joint Press Release on the Third Meeting")


def test_a_banner_in_its_own_block_is_not_the_title() -> None:
    text = "PRESS RELEASE\n\nJoint Statement between Atlantis and Oceania\n\n" + BODY
    statement = parse_text(text)
    assert statement.title == "Joint Statement between Atlantis and Oceania"


def test_leading_headings_of_one_level_make_one_title_and_no_area() -> None:
    text = (
        "###### Atlantis-Oceania Joint Declaration:\n\n"
        "###### A Strengthened Partnership for Advancing Shared Goals\n\n"
        "###### of Peace and Growth in the Region\n\n"
        "The President of Atlantis paid a State Visit to Oceania.\n\n"
        "##### I. Partnership for Shared Goals\n\n"
        "Both countries will deepen their dialogue.\n"
    )
    statement = parse_text(text)
    assert statement.title == (
        "Atlantis-Oceania Joint Declaration: A Strengthened Partnership for Advancing "
        "Shared Goals of Peace and Growth in the Region"
    )
    assert [a.heading for a in statement.areas] == ["Partnership for Shared Goals"]
    assert statement.preamble == ["The President of Atlantis paid a State Visit to Oceania."]


def test_a_heading_that_names_the_statement_is_the_title_at_any_level() -> None:
    text = (
        "###### ATLANTIS 2016 LEADERS' DECLARATION\n\n"
        "We, the Leaders, met in the capital.\n\n"
        "##### Growth\n\n"
        "We reaffirm our aspirations towards balanced growth.\n"
    )
    statement = parse_text(text)
    assert statement.title == "ATLANTIS 2016 LEADERS' DECLARATION"
    assert [a.heading for a in statement.areas] == ["Growth"]


def test_a_title_line_carried_on_by_a_line_that_starts_with_a_preposition() -> None:
    text = (
        " News | About us | Contact\n\n"
        " JOINT COMMUNIQUE\n\n"
        " ON THE OCCASION OF THE VISIT OF THE PRIME MINISTER OF OCEANIA TO ATLANTIS\n\n" + BODY
    )
    statement = parse_text(text)
    assert statement.title == (
        "JOINT COMMUNIQUE ON THE OCCASION OF THE VISIT OF THE PRIME MINISTER OF OCEANIA TO ATLANTIS"
    )
    assert any("News | About us" in w for w in statement.warnings)


def test_a_long_title_line_is_not_the_first_paragraph() -> None:
    title = (
        "Statement of the President of the Atlantic Commission Jean Dupont, the President "
        "of the Atlantic Council Maria Rossi and the Prime Minister of Oceania John Smith"
    )
    text = (
        f"{title}\n\nPort Royal, 15 November 2015\n\nSTATEMENT/15/6088\n\n"
        "We strongly condemn the attacks.\n\nWe agreed today to deepen the relationship.\n"
    )
    statement = parse_text(text)
    assert statement.title == title
    assert statement.date == "2015-11-15"
    assert statement.areas == []
    assert len(statement.paragraphs) == 2


def _unnumbered(opening: list[str]) -> str:
    paragraphs = "\n\n".join(opening)
    return (
        "Joint Statement of Atlantis and Oceania\n\n"
        f"{paragraphs}\n\n"
        "**Trade**\n\n"
        "The two sides welcomed the growth of trade.\n"
    )


def test_preamble_ends_at_the_first_act_before_the_first_heading() -> None:
    text = _unnumbered(
        [
            "Today, the leaders of Atlantis and Oceania met in Port Royal for their summit.",
            "Together, we reaffirm our commitment to a free and open region.",
            "We will work together to be a force for good.",
        ]
    )
    statement = parse_text(text)
    assert len(statement.preamble) == 1
    assert len(statement.paragraphs) == 3
    assert statement.paragraphs[0].area_id is None


def test_an_opening_paragraph_with_an_act_starts_the_body() -> None:
    text = _unnumbered(
        [
            "On 10 September 2023, the leaders met in Port Royal. The two leaders "
            "welcomed a new phase of cooperation.",
            "In the ten years since the partnership was formed, the two countries have "
            "made remarkable strides. The leaders underscored its principles.",
        ]
    )
    statement = parse_text(text)
    assert statement.preamble == []
    assert [p.index for p in statement.paragraphs] == [1, 2, 3]


def test_a_lone_opening_paragraph_with_an_act_is_body_even_before_a_heading() -> None:
    text = _unnumbered(
        [
            "The Prime Ministers held talks in Port Royal. The two sides highly valued "
            "their friendship and reaffirmed the following principles."
        ]
    )
    statement = parse_text(text)
    assert statement.preamble == []
    assert len(statement.paragraphs) == 2
    assert statement.paragraphs[0].area_id is None


def test_page_furniture_after_the_statement_is_left_out_with_a_warning() -> None:
    text = (
        "Joint Statement of Atlantis and Oceania\n\n"
        + BODY
        + "\nPort Royal 13 August\n\n13 August 2001\n\n"
        "Media Releases 2001 | 2000 | 1999\n\ntop\n\n"
        "Home | Links | Search | Help | Site Map\n\n"
        "Press contacts:\n\nJane DOE (+32 2 299 13 82)\n\n"
        "Send comments about this site to the Webmaster\n"
    )
    statement = parse_text(text)
    assert statement.areas == []
    assert len(statement.paragraphs) == 2
    assert statement.date == "2001-08-13"
    assert any("Home | Links" in w and "Press contacts" in w for w in statement.warnings)


def test_editors_notes_in_square_brackets_are_no_paragraphs() -> None:
    text = (
        "Joint Communique\n\n"
        "The Prime Minister of Oceania visited Atlantis from 7 to 11 October 1976.\n\n"
        "[matter omitted]\n\n"
        "The two leaders agreed that their discussions had been valuable.\n\n"
        "_[Foreign Affairs Record, vol. 47, no. 10, October 1976, pp. 537-40.]_\n"
    )
    statement = parse_text(text)
    assert [p.text for p in statement.paragraphs] == [
        "The two leaders agreed that their discussions had been valuable."
    ]
    assert any("[matter omitted]" in w for w in statement.warnings)


def test_a_cable_s_begins_and_ends_markers_frame_the_statement() -> None:
    text = (
        "# 93 Leaders' Communique\n\n"
        "## Port Royal, 21 March 1980\n\n"
        "## Leaders' Visit: Communique(1)\n\n"
        "The following Communique was issued by the two Prime Ministers on 21 March.\n\n"
        "### Begins\n\n"
        "The Prime Ministers began their talks with a review of their cooperation.\n\n"
        "The Prime Ministers agreed on a framework for further study.\n\n"
        "### Ends.\n\n"
        "- 1 Conveyed to the capital by cablegram, dated 21 March 1980.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Leaders' Visit: Communique"
    assert statement.areas == []
    assert len(statement.preamble) == 1
    assert len(statement.paragraphs) == 1
    assert any("cablegram" in w for w in statement.warnings)


def test_a_numbered_list_after_a_lead_in_is_not_paragraph_numbering() -> None:
    text = (
        "Joint Communique\n\n"
        "The Prime Ministers met in Port Royal.\n\n"
        "The Prime Ministers agreed that closer relations would bring benefits.\n\n"
        "The Prime Ministers endorsed the following principles:\n\n"
        "  1. The freest possible movement of goods between the two countries;\n"
        "  2. An outward-looking approach to trade;\n"
        "  3. Frequent consultation on matters of common concern.\n\n"
        "The Prime Ministers agreed that a sound foundation already existed.\n"
    )
    statement = parse_text(text)
    assert [p.number for p in statement.paragraphs] == [None, None, None]
    assert statement.paragraphs[1].text.startswith("The Prime Ministers endorsed")
    assert "An outward-looking approach to trade;" in statement.paragraphs[1].text


def test_numbered_paragraphs_after_a_colon_stay_numbered() -> None:
    text = (
        "Joint Statement\n\n"
        "The two leaders issued the following joint statement:\n\n"
        "1. Both sides welcomed the progress of bilateral cooperation.\n\n"
        "2. Both sides concurred on launching a new dialogue.\n\n"
        "The President expressed his gratitude for the warm hospitality.\n"
    )
    statement = parse_text(text)
    assert [p.number for p in statement.paragraphs][:2] == [1, 2]


def test_a_web_page_s_cell_borders_timestamp_and_short_title_are_furniture() -> None:
    text = (
        "|\n|\n"
        "Joint Communique on the Establishment of Relations |\n"
        "|\n"
        "Date:2003-08-11 14:06 Editor: system Source: |\n"
        "|\n"
        "Joint Communique on the Establishment of Relations between Atlantis and Oceania\n\n"
        "Atlantis and Oceania have agreed to recognize each other as of January 1, 1979.\n\n"
        "Atlantis and Oceania reaffirm the principles and emphasize once again that:\n"
        "∥Both wish to reduce the danger of conflict.\n"
        "∥Neither should seek hegemony in the region.\n"
        "Atlantis and Oceania will exchange Ambassadors on March 1, 1979. |\n|\n"
    )
    statement = parse_text(text)
    assert statement.title == (
        "Joint Communique on the Establishment of Relations between Atlantis and Oceania"
    )
    assert all("|" not in p for p in [*statement.preamble, *(q.text for q in statement.paragraphs)])
    texts = [*statement.preamble, *(p.text for p in statement.paragraphs)]
    lead_in = next(t for t in texts if t.startswith("Atlantis and Oceania reaffirm"))
    assert lead_in.endswith("- Neither should seek hegemony in the region.")
    assert statement.date != "2003-08-11"


def test_a_first_line_above_the_dateline_is_the_title_and_a_lone_number_numbers_what_follows() -> (
    None
):
    text = (
        "Vision for the Enhancement of the Atlantis-Oceania Strategic and Global Partnership "
        "upon entering the year of the 60th Anniversary of the Establishment of Diplomatic "
        "Relations\n"
        "December 28, 2011\n"
        "1.\n"
        "The Prime Minister of Japan, H.E. Mr. Taro Sato, is currently paying a\n"
        "State Visit to India for the Annual Summit of the Prime Ministers on\n"
        "27-28 December 2011 at the invitation of the Prime Minister of India,\n"
        "H.E. Dr. Ravi Kumar. The two Prime Ministers held extensive talks on\n"
        "bilateral, regional and global issues of mutual interest on 28 December.\n"
        "2. The two Prime Ministers reaffirmed that the two countries enjoy deep\n"
        "mutual understanding and vibrant people-to-people contact as ever.\n"
    )
    statement = parse_text(text)
    assert statement.title.startswith("Vision for the Enhancement")
    assert statement.date == "2011-12-28"
    assert [p.number for p in statement.paragraphs] == [1, 2]
    assert statement.paragraphs[0].text.startswith("The Prime Minister of Japan")


def test_a_site_heading_above_the_statement_s_own_title_is_no_area() -> None:
    text = (
        "# Ministry of Foreign Affairs of Atlantis\n\n"
        "## Joint Statement between Atlantis and Oceania\n\n"
        "### Port Royal, 4 June 2015\n\n"
        "The leaders met in Port Royal.\n\n"
        "## Trade\n\n"
        "1. Both sides welcomed the growth of trade.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Joint Statement between Atlantis and Oceania"
    assert [a.heading for a in statement.areas] == ["Trade"]
    assert statement.place == "Port Royal"
    assert any("Ministry of Foreign Affairs of Atlantis" in w for w in statement.warnings)


def test_a_publisher_s_kind_line_and_a_document_code_are_no_title() -> None:
    text = (
        "STATEMENT/15/6088\n\n"
        "Atlantic Commission - Statement\n\n"
        "Statement of the Presidents of Atlantis and Oceania on the Attacks\n\n"
        "Port Royal, 15 November 2015\n\n"
        "We strongly condemn the attacks.\n\nWe agreed today to deepen the relationship.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Statement of the Presidents of Atlantis and Oceania on the Attacks"


def test_a_collection_s_numbered_entry_gives_way_to_the_statement_s_own_title() -> None:
    text = (
        "93 Leaders' Communique\n\n"
        "Port Royal, 21 March 1980\n\n"
        "Leaders' Visit: Communique\n\n"
        "The Prime Ministers agreed on a framework for further study.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Leaders' Visit: Communique"
    dated = parse_text(text.replace("93 Leaders' Communique", "2023 Leaders' Communique"))
    assert dated.title == "2023 Leaders' Communique"


def test_a_declaration_s_capitalised_preamble_and_enacting_formula() -> None:
    """ "WE, the ... ," / "RECOGNIZING ...;" / "FURTHER REAFFIRMING ...;" /
    "Mindful ...;" / "WE HEREBY DECLARE:": the preamble, whatever its clauses
    contain; the formula line is neither a paragraph nor an area, and what follows
    it is the body."""
    text = (
        "Atlantis-Oceania Joint Declaration\n\n"
        "Tokyo, 1 May 2026\n\n"
        "**WE**, the Leaders of Atlantis and Oceania,\n\n"
        "**RECOGNIZING** that both countries will continue to work for peace;\n\n"
        "**FURTHER REAFFIRMING** that we will strengthen our partnership;\n\n"
        "Determined to deepen our friendship;\n\n"
        "**WE HEREBY DECLARE:**\n\n"
        "Our partnership is a pillar of the region.\n\n"
        "**Economy**\n\n"
        "- We will expand trade.\n"
        "- We welcome the progress in investment.\n"
    )
    statement = parse_text(text)
    assert len(statement.preamble) == 5
    assert statement.preamble[-1] == "WE HEREBY DECLARE:"
    assert [a.heading for a in statement.areas] == ["Economy"]
    assert [p.text for p in statement.paragraphs] == [
        "Our partnership is a pillar of the region.",
        "We will expand trade.",
        "We welcome the progress in investment.",
    ]


def test_a_formula_without_a_colon_is_no_area_and_bullets_after_it_are_paragraphs() -> None:
    text = (
        "Joint Declaration\n\nTokyo, 1 May 2026\n\n"
        "The Prime Ministers of Atlantis and Oceania,\n\n"
        "Mindful of their shared history,\n\n"
        "HAVE AGREED AS FOLLOWS\n\n"
        "- We will expand trade.\n"
        "- We will hold regular meetings.\n"
    )
    statement = parse_text(text)
    assert statement.areas == []
    assert statement.preamble[-1] == "HAVE AGREED AS FOLLOWS"
    assert len(statement.paragraphs) == 2


def test_a_bold_lead_in_word_does_not_make_its_line_a_heading() -> None:
    """Only a line wholly in bold is a bold line; "**WE**, the Member States ..."
    wrapped over three lines is one paragraph."""
    text = (
        "Joint Vision Statement\n\nTokyo, 1 May 2026\n\n"
        "**WE**, the Leaders of Atlantis and Oceania, gather on the occasion of\n"
        "the Summit, the first to be held in the capital of Atlantis, on the\n"
        "first day of May 2026.\n\n"
        "**Economy**\n\n"
        "We will expand trade.\n"
    )
    statement = parse_text(text)
    assert [a.heading for a in statement.areas] == ["Economy"]
    assert statement.preamble == [
        "WE, the Leaders of Atlantis and Oceania, gather on the occasion of the Summit, the "
        "first to be held in the capital of Atlantis, on the first day of May 2026."
    ]


def test_a_forced_line_break_between_sentences_does_not_end_the_paragraph() -> None:
    """A Markdown hard break (two trailing spaces) or a <br> between two sentences of
    prose is a line break, not a paragraph break, where paragraphs are otherwise
    separated by blank lines; it still ends a heading, a dateline or a signature."""
    text = (
        "Joint Statement of Atlantis and Oceania  \n"
        "Tokyo, 1 May 2026\n\n"
        "**Economy**  \n"
        "We welcome the launch of the new investors network this year.  \n"
        "We intend to support joint research to advance innovation in farming.\n\n"
        "We will expand trade between our two countries in the coming years.<br>"
        "We will hold regular meetings of our trade ministers from next year.\n\n"
        "We will cooperate in the field of energy and of transport.\n\n"
        "We will exchange views on regional issues at all levels.\n\n"
        "We will promote exchanges between our young people.\n\n"
        "Done at Tokyo, 1 May 2026.  \n"
        "Prime Minister of Atlantis  \n"
        "President of Oceania\n"
    )
    statement = parse_text(text)
    assert statement.title == "Joint Statement of Atlantis and Oceania"
    assert statement.date == "2026-05-01"
    assert [a.heading for a in statement.areas] == ["Economy"]
    assert [p.text for p in statement.paragraphs] == [
        "We welcome the launch of the new investors network this year. We intend to "
        "support joint research to advance innovation in farming.",
        "We will expand trade between our two countries in the coming years. We will "
        "hold regular meetings of our trade ministers from next year.",
        "We will cooperate in the field of energy and of transport.",
        "We will exchange views on regional issues at all levels.",
        "We will promote exchanges between our young people.",
    ]


def test_forced_breaks_after_every_line_keep_one_paragraph_a_line() -> None:
    """Where the writer broke every line so, each line is a paragraph."""
    lines = [
        "We welcome the launch of the new investors network this year.",
        "We intend to support joint research to advance innovation in farming.",
        "We will expand trade between our two countries in the coming years.",
    ]
    text = "Joint Statement\n\nTokyo, 1 May 2026\n\n" + "  \n".join(lines) + "\n"
    statement = parse_text(text)
    assert [p.text for p in statement.paragraphs] == lines


def test_a_link_wrapped_over_two_lines_keeps_only_its_text() -> None:
    from jtreport.plugins.readers.plain_text import text_to_blocks

    blocks = text_to_blocks("The two countries [have\ncommitted](https://example.org/a) to work.")
    assert [b.text for b in blocks.blocks] == ["The two countries have", "committed to work."]


def test_an_opening_whose_subject_is_the_states_themselves_starts_the_body() -> None:
    """The title names no party; the opening's states are its subject and act."""
    text = (
        "Trilateral Statement on the Missile Launches\n\nJune 15, 2023\n\n"
        "The United States, Japan, and the Republic of Korea condemn today's missile "
        "launches. These launches are clear violations of resolutions.\n\n"
        "The United States reaffirms its commitments to both Japan and Korea.\n"
    )
    statement = parse_text(text)
    assert statement.preamble == []
    assert len(statement.paragraphs) == 2


def test_a_wrapped_line_shortened_by_a_link_does_not_end_its_paragraph() -> None:
    """The reader takes a link's address out, so the wrapped line looks short; a
    line that stops on "on June" or "the" goes on all the same."""
    wrapped = (
        "We will announce together a comprehensive program to manage the migration,\n"
        "including as the first step the implementation of a six-month pilot phase of\n"
        "the program. The offices of the program will begin accepting appointments on\n"
        "the website [example.org](https://example.org/a/long/address/) on June\n"
        "12, 2023, and will publish their rules on the\n"
        "[website](https://example.org/another/long/address/of/the/site) next week.\n"
    )
    text = "Joint Statement\n\nJune 1, 2023\n\n" + wrapped + "\n" + wrapped
    statement = parse_text(text)
    assert len(statement.paragraphs) == 2
    assert statement.paragraphs[0].text.endswith("on June 12, 2023, and will publish their rules "
                                                 "on the website next week.")  # fmt: skip


def test_a_paragraph_without_its_full_stop_is_not_joined_to_the_next_sentence() -> None:
    """Unnumbered: "... a ceasefire in Gaza" / "We call on ..." are two paragraphs
    (the source left the full stop out); "... between the" / "Governments will
    ..." is one paragraph broken by a blank line."""
    first = (
        "We urge the parties to agree to an immediate ceasefire across the border to "
        "provide space for diplomacy and for the implementation of the resolutions on a "
        "ceasefire in Gaza"
    )
    text = (
        "Joint Statement\n\nMay 1, 2024\n\n"
        f"{first}\n\n"
        "We call on all parties to endorse the ceasefire immediately and to give a real "
        "chance to a diplomatic settlement.\n\n"
        "We welcome the close cooperation between the ministries of our countries and "
        "between the\n\n"
        "Governments of the region in this field, which has grown over the years.\n"
    )
    statement = parse_text(text)
    assert [p.text[:30] for p in statement.paragraphs] == [
        first[:30],
        "We call on all parties to endo",
        "We welcome the close cooperati",
    ]
    end = "between the Governments of the region in this field, which has grown over the years."
    assert statement.paragraphs[-1].text.endswith(end)
