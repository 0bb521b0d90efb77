"""Document-level rules for how statements are printed and reprinted: mirrors'
watermarks and captions, readouts, accords, declarations, news-site reprints with
a headline above the statement's own title.  Small synthetic statements in the
general patterns (docs/parser.md, sections 2 and 3)."""

from __future__ import annotations

from jtreport.api import parse_text

TITLE = "Joint Statement of Norway and Chile\n\n"
BODY = (
    "Both sides welcomed the progress of bilateral cooperation.\n\n"
    "Both sides agreed to launch a new dialogue on trade.\n"
)


def test_a_mirrors_tag_in_another_script_is_no_part_of_the_lines() -> None:
    mark = "资料来源-https://www.example.cn/12.html"
    text = (
        f"标题Joint Statement of Norway and Chile\n\n"
        f"Oslo, 3 March 2019{mark}\n\n"
        f"Both sides welcomed the progress of bilateral cooperation.{mark}\n\n"
        "Both sides agreed to launch a new dialogue on trade.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Joint Statement of Norway and Chile"
    assert statement.date == "2019-03-03"
    assert statement.place == "Oslo"
    assert "资料" not in statement.paragraphs[0].text


def test_words_of_another_script_inside_a_line_stay() -> None:
    text = f"Joint Statement of Norway and Chile\n\nDone at Tokyo (東京), 3 March 2019\n\n{BODY}"
    statement = parse_text(text)
    assert statement.title == "Joint Statement of Norway and Chile"
    assert statement.date == "2019-03-03"


def test_an_accord_is_a_statement_and_its_title_runs_on_after_a_colon() -> None:
    text = (
        "The Lisbon Accord:\n"
        "A renewed Atlantic partnership\n"
        "Portugal and Canada are bound by shared values and a long friendship.\n"
        "We are determined to deepen our cooperation on trade and security.\n"
    )
    statement = parse_text(text)
    assert statement.title == "The Lisbon Accord: A renewed Atlantic partnership"


def test_a_last_line_cut_off_in_mid_sentence_is_a_paragraph_not_a_signature() -> None:
    statement = parse_text(f"{TITLE}{BODY}\nBoth sides will expand the\n")
    assert [p.text for p in statement.paragraphs][-1] == "Both sides will expand the"


def test_a_signature_line_stays_out_of_the_body() -> None:
    statement = parse_text(f"{TITLE}{BODY}\nPrime Minister of Norway\n")
    assert len(statement.paragraphs) == 2


def test_a_pages_details_listed_above_a_readouts_title_heading_are_no_body() -> None:
    text = (
        "* 2 May 2024\n"
        "  * Directorate-General for Trade\n"
        "  * 3 min read\n\n\n"
        "# Readout from the 4th Norway-Chile Dialogue on Fisheries\n"
        "![Ministers of Norway and Chile at the dialogue](https://example.org/photo.jpg)\n"
        "On 30 April 2024, the ministers of Norway and Chile met in Oslo for the dialogue.\n"
        "Both sides agreed to launch a joint study on fish stocks.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Readout from the 4th Norway-Chile Dialogue on Fisheries"
    assert statement.areas == []
    assert statement.preamble == [
        "On 30 April 2024, the ministers of Norway and Chile met in Oslo for the dialogue."
    ]
    assert [p.text for p in statement.paragraphs] == [
        "Both sides agreed to launch a joint study on fish stocks."
    ]


def test_the_statements_own_title_below_the_pages_shorter_title_is_the_title() -> None:
    text = (
        "News story\n\n"
        "Norway-Chile Joint Statement\n\n"
        "During a visit to Oslo by President Ana Rojas of Chile, Norway and Chile "
        "released the following statement.\n\n"
        "Prime Minister Jonas Berg of Norway and President Ana Rojas of Chile.\n\n"
        "Norway-Chile Joint Statement: A partnership for the oceans\n\n"
        f"{BODY}"
    )
    statement = parse_text(text)
    assert statement.title == "Norway-Chile Joint Statement: A partnership for the oceans"
    assert statement.areas == []
    assert len(statement.paragraphs) == 2
    # the statement names nobody: the page's summary and caption say who met
    assert {leader.name for leader in statement.leaders} == {"Jonas Berg", "Ana Rojas"}


def test_a_title_line_further_down_that_does_not_repeat_the_title_is_no_title() -> None:
    text = (
        "Norway-Chile Joint Statement\n\n"
        "The two leaders met in Oslo on 3 March 2019.\n\n"
        "Joint Statement on Fisheries\n\n"
        f"{BODY}"
    )
    assert parse_text(text).title == "Norway-Chile Joint Statement"


def test_a_news_reprint_gives_the_statements_own_title_and_the_agencys_dateline() -> None:
    text = (
        "Full text of joint statement of Norway-Chile summit\n\n"
        "OSLO, March 3 (Nordpress) -- The following is the full text of a joint statement "
        "released after the summit in Oslo on Monday.\n\n"
        "Norway-Chile Joint Statement\n\n"
        "1. President Ana Rojas of Chile paid a state visit to Norway on March 2-4, 2019. "
        "During the summit meeting on March 3, the two leaders reviewed relations.\n\n"
        "2. Both sides agreed to launch a new dialogue on trade.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Norway-Chile Joint Statement"
    assert statement.areas == []
    assert statement.place == "Oslo"
    # the meeting day, not the first day of the visit
    assert statement.date == "2019-03-03"


def test_without_a_meeting_day_the_first_full_date_of_the_opening_stays() -> None:
    text = (
        "Joint Statement of Norway and Chile\n\n"
        "1. President Ana Rojas of Chile paid a state visit to Norway on March 2-4, 2019.\n\n"
        "2. Both sides agreed to launch a new dialogue on trade.\n"
    )
    assert parse_text(text).date == "2019-03-02"


def test_the_place_where_a_dialogue_was_chaired_is_the_place() -> None:
    text = (
        "Readout from the 2nd Norway-Chile Dialogue on Fisheries\n\n"
        "On 3 March 2019, Minister Kari Dahl and Minister Luis Soto chaired the Second "
        "Norway-Chile Dialogue on Fisheries in Oslo, Norway.\n\n"
        f"{BODY}"
    )
    place = parse_text(text).place
    assert place is not None and place.split(",")[0] == "Oslo"


def test_the_meeting_place_may_stand_far_after_the_talks_in_their_sentence() -> None:
    text = (
        "Joint Statement of Norway and Chile\n\n"
        "1. The two Prime Ministers held extensive talks during their Annual Summit on "
        "bilateral, regional and global issues on 3 March 2019 in Bergen.\n\n"
        "2. Both sides agreed to launch a new dialogue on trade.\n"
    )
    assert parse_text(text).place == "Bergen"


def test_the_groups_whose_members_speak_are_the_parties() -> None:
    text = (
        "Joint Declaration of the Seventh Summit\n\n"
        "We, the Heads of State and Government of the Member States of the African Union "
        "(AU) and the European Union (EU), met on 4 May 2024 in Accra for our 7th Summit.\n\n"
        "1. We reaffirm our commitment to the partnership between our two continents.\n"
    )
    assert [p.name for p in parse_text(text).parties] == ["African Union", "European Union"]


def test_a_group_that_speaks_in_the_second_numbered_paragraph_is_the_party() -> None:
    text = (
        "G20 Rome Leaders' Declaration\n\n"
        "1. We are one world with one future.\n\n"
        "2. We, the Leaders of the G20, met in Rome on 4-5 May 2024.\n\n"
        "3. We will pursue inclusive growth.\n"
    )
    assert [p.short_name for p in parse_text(text).parties] == ["G20"]


def test_a_list_numbered_from_1_under_a_numbered_lead_in_belongs_to_its_paragraph() -> None:
    text = (
        "Joint Declaration of Norway and Chile\n\n"
        "1. We met in Oslo on 3 March 2019.\n\n"
        "2. We commit to:\n\n"
        "  1. Accelerate inclusive growth.\n"
        "  2. Protect the oceans.\n\n"
        "3. We will meet again next year.\n"
    )
    statement = parse_text(text)
    assert [p.number for p in statement.paragraphs] == [1, 2, 3]
    assert "Protect the oceans." in statement.paragraphs[1].text


def test_a_text_cut_off_inside_a_list_under_a_numbered_lead_in_keeps_its_count() -> None:
    text = (
        "Joint Declaration of Norway and Chile\n\n"
        "1. We met in Oslo on 3 March 2019.\n\n"
        "2. We commit to:\n\n"
        "  1. Accelerate inclusive growth.\n"
        "  2. Protect the\n"
    )
    assert [p.number for p in parse_text(text).paragraphs] == [1, 2]


def test_numbering_that_starts_again_for_a_new_section_stays_paragraph_numbers() -> None:
    text = (
        "Joint Declaration of Norway and Chile\n\n"
        "1. We met in Oslo on 3 March 2019.\n\n"
        "2. Both sides agreed as follows:\n\n"
        "1. Both sides will expand trade in fish and timber.\n\n"
        "2. Both sides will open consulates.\n\n"
        "3. Both sides will hold a dialogue every year.\n"
    )
    assert len(parse_text(text).paragraphs) == 5


def test_the_president_of_a_member_of_the_african_union_speaks_for_it() -> None:
    text = (
        "Joint Declaration of the Seventh Summit\n\n"
        "We, the Heads of State and Government of the Member States of the African Union "
        "(AU) and the European Union (EU), met on 4 May 2024 in Accra under the "
        "Co-Chairmanship of H.E. Mr. Kofi Mensah, President of the Republic of Ghana and "
        "Chairperson of the African Union, and H.E. Mr. Jan Novak, President of the "
        "European Council.\n\n"
        "1. We reaffirm our commitment to the partnership between our two continents.\n"
    )
    leaders = {(p.name, p.party) for p in parse_text(text).leaders}
    assert ("Kofi Mensah", "African Union") in leaders


def test_a_vice_premier_written_with_a_hyphen_is_a_leader_of_the_country_named() -> None:
    text = (
        "Readout from the 2nd EU-China Dialogue on Fisheries\n\n"
        "On 3 March 2019, Commissioner Jan Novak and Vice-Premier of the People's Republic "
        "of China Li Wei chaired the Second EU-China Dialogue on Fisheries in Beijing.\n\n"
        f"{BODY}"
    )
    leaders = {(p.name, p.party) for p in parse_text(text).leaders}
    assert ("Li Wei", "China") in leaders


def test_the_chairperson_of_the_au_commission_speaks_for_the_african_union() -> None:
    text = (
        "Joint Declaration of the Seventh Summit\n\n"
        "We, the Heads of State and Government of the Member States of the African Union "
        "(AU) and the European Union (EU), met on 4 May 2024 in Accra, with H.E. Amina "
        "Diallo, Chairperson of the AU Commission, and H.E. Jan Novak, President of the "
        "European Commission.\n\n"
        "1. We reaffirm our commitment to the partnership between our two continents.\n"
    )
    leaders = {(p.name, p.party) for p in parse_text(text).leaders}
    assert ("Amina Diallo", "African Union") in leaders


def test_a_plain_preamble_heading_above_the_first_numbered_paragraph_is_an_area() -> None:
    text = (
        "G20 Rome Leaders' Declaration\n\n"
        "Preamble\n\n"
        "1. We, the Leaders of the G20, met in Rome on 4-5 May 2024.\n\n"
        "2. We will pursue inclusive growth.\n"
    )
    statement = parse_text(text)
    assert [a.heading for a in statement.areas] == ["Preamble"]
    assert statement.title == "G20 Rome Leaders' Declaration"


def test_the_head_of_a_legislature_who_meets_a_visitor_is_no_leader() -> None:
    text = (
        "Joint Statement of Norway and Chile\n\n"
        "At the invitation of H.E. Prime Minister Jonas Berg of Norway, H.E. President "
        "Ana Rojas of Chile paid a state visit to Norway from 2 to 4 March 2019.\n\n"
        "During the visit, H.E. Erik Lund, Speaker of the National Assembly, and H.E. Per "
        "Holm, Chairman of the Standing Committee of the Parliament, met with President "
        "Ana Rojas.\n\n"
        f"{BODY}"
    )
    leaders = {p.name for p in parse_text(text).leaders}
    assert leaders == {"Jonas Berg", "Ana Rojas"}


def test_a_pages_details_above_a_plain_title_line_are_no_body_either() -> None:
    text = (
        "* Directorate-General for Trade\n"
        "* 3 min read\n\n"
        "Readout from the 4th Norway-Chile Dialogue on Fisheries\n\n"
        "On 30 April 2024, the ministers of Norway and Chile met in Oslo for the dialogue.\n\n"
        "Both sides agreed to launch a joint study on fish stocks.\n"
    )
    statement = parse_text(text)
    assert statement.title == "Readout from the 4th Norway-Chile Dialogue on Fisheries"
    assert len(statement.paragraphs) == 1


def test_a_name_after_an_honorific_may_run_to_its_title_without_a_comma() -> None:
    text = (
        "Joint Declaration of the Seventh Summit\n\n"
        "We, the Heads of State and Government of the Member States of the African Union "
        "(AU) and the European Union (EU), met on 4 May 2024 in Accra, with H.E. Amina "
        "Diallo Chairperson of the AU Commission and H.E. Jan Novak, President of the "
        "European Commission.\n\n"
        "1. We reaffirm our commitment to the partnership between our two continents.\n"
    )
    leaders = {(p.name, p.party) for p in parse_text(text).leaders}
    assert ("Amina Diallo", "African Union") in leaders
