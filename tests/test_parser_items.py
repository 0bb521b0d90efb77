"""Statement items: how sentences are cut into items, and each item's actor,
verb, category, commitment and review notes (docs/parser.md, section 4).

Every sentence here is synthetic, written in the general patterns of joint
statements rather than copied from one of them.
"""

from __future__ import annotations

import pytest
from jtreport.api import parse_text
from jtreport.model import Item, Statement
from jtreport.parser.commitments import is_commitment
from jtreport.parser.items import REVIEW_FAR_SUBJECT, REVIEW_NO_ACT
from jtreport.parser.verbs import VerbTable, parse_table, verb_forms, verb_table

HEADER = (
    "Joint Statement between Japan and the Republic of the Philippines\n\n"
    "Tokyo, 1 May 2026\n\n"
    "Prime Minister of Japan SATO Kenji and President of the Republic of the "
    "Philippines Maria Santos held a summit meeting in Tokyo.\n\n"
)


def statement(*paragraphs: str) -> Statement:
    """A small numbered statement between Japan and the Philippines."""
    body = "\n\n".join(f"{n}. {text}" for n, text in enumerate(paragraphs, start=1))
    return parse_text(HEADER + body + "\n")


def items_of(text: str) -> list[Item]:
    """The items of a statement whose only body paragraph is ``text``."""
    return [i for i in statement(text).items if i.paragraph == 1]


def only(text: str) -> Item:
    found = items_of(text)
    assert len(found) == 1, [(i.verb, i.text) for i in found]
    return found[0]


# The verb table ---------------------------------------------------------------


def test_verb_forms_are_generated_from_the_base_form() -> None:
    assert set(verb_forms("welcome")) == {"welcome", "welcomes", "welcomed"}
    assert set(verb_forms("commit/committed")) == {"commit", "commits", "committed"}
    assert "emphasised" in verb_forms("emphasize")
    assert "applies" in verb_forms("apply") and "applied" in verb_forms("apply")
    assert "stresses" in verb_forms("stress")


def test_adding_a_verb_is_one_line_of_data() -> None:
    table = VerbTable(parse_table("salute\twelcome\n"))
    found = table.scan("Both sides saluted the progress.")
    assert [(m.text, m.entry.category) for m in found] == [("saluted", "welcome")]


def test_a_malformed_table_line_names_itself() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_table("welcome\twelcome\nhail\tcheering\n")
    with pytest.raises(ValueError, match="unknown rule"):
        parse_table("welcome\twelcome\tguess\n")


def test_phrases_with_possessives_and_optional_words() -> None:
    found = verb_table().scan("They expressed their strong intention to act.")
    assert [m.text for m in found] == ["expressed their strong intention"]
    found = verb_table().scan("They expressed gratitude for their intention to act.")
    assert found[0].entry.category == "appreciation"
    assert [m.text for m in verb_table().scan("X agreed on a plan")] == ["agreed on"]


def test_the_package_table_loads_every_line() -> None:
    table = verb_table()
    assert len(table.entries) > 100
    assert {e.category for e in table.entries} >= {"pledge", "welcome", "invitation"}


# Categories -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        (
            "Japan, the Philippines and their partners will continue to advance maritime safety.",
            "pledge",
        ),
        ("We commit ourselves to building a resilient region.", "pledge"),
        ("Both sides reiterated their willingness to explore cooperation in space.", "intention"),
        ("Both sides concurred that the discussions had been useful.", "affirmation"),
        ("Both sides agreed that their officials will meet every year.", "agreement"),
        ("The Philippine side reiterated the invitation to visit Manila.", "invitation"),
        ("Japan extended an invitation to President Santos to visit Japan.", "invitation"),
        (
            "Both sides expressed their expectation that these officials would contribute.",
            "affirmation",
        ),
        ("Both sides noted with satisfaction the progress of the project.", "welcome"),
        ("We acclaim the progress of our partnership.", "welcome"),
        ("The two leaders affirmed that their governments will continue to cooperate.", "pledge"),
        ("The two leaders confirmed that they intend to meet again.", "intention"),
        ("Both sides look forward to discussing a new framework.", "intention"),
        ("Both sides look forward to a successful conference next year.", "affirmation"),
        ("We urge all parties to refrain from unilateral action.", "affirmation"),
        ("We call on the international community to support the process.", "affirmation"),
        ("We encourage the private sector to invest in the region.", "affirmation"),
        ("We stand ready to assist the countries of the region.", "intention"),
        ("We seek to deepen our trade ties.", "intention"),
        ("We will seek to deepen our trade ties.", "pledge"),
        ("Japan undertakes to provide training for officials.", "pledge"),
        ("The leaders instructed their ministers to draft a plan.", "agreement"),
        ("The leaders reaffirmed their commitment to strengthening cooperation.", "pledge"),
        ("The leaders reaffirmed their commitment to the rule of law.", "affirmation"),
        ("Both sides expressed their hope that the talks would succeed.", "affirmation"),
        ("Both sides reiterated their decision to open a consulate.", "agreement"),
        ("The Philippines noted Japan's intention to open a new office.", "affirmation"),
        ("We continue to support the objectives of the regional strategy.", "affirmation"),
        ("We continue to deliver on these goals.", "pledge"),
        ("Both sides concurred on the importance of people-to-people exchanges.", "affirmation"),
        ("The two leaders shared the view that they would further enhance ties.", "pledge"),
        ("Both sides expressed their commitment to high standards of safety.", "affirmation"),
        ("We endorse the roadmap adopted by our ministers.", "welcome"),
        ("We announce the establishment of a new trilateral dialogue.", "pledge"),
        ("We announce our intention to open a new office.", "intention"),
        ("We encourage our economies to collaborate on education.", "agreement"),
        ("We encourage third countries to join the initiative.", "affirmation"),
        ("The two leaders looked forward to the next Ministerial Forum in Manila.", "intention"),
        ("The two leaders looked forward to a successful summit next year.", "affirmation"),
        ("We remain committed to international cooperation on health.", "pledge"),
        ("We commit to open sharing of observation data.", "pledge"),
        ("We remain committed to an outward-looking approach to trade.", "affirmation"),
        (
            "We remain committed to a comprehensive reform agenda, including expansion.",
            "affirmation",
        ),
        ("We are jointly committed to drive the reform agenda.", "pledge"),
        (
            "We reiterate our condemnation of terrorism and our commitment to pursuing "
            "designations of terrorists.",
            "pledge",
        ),
        (
            "President Santos reiterated the unwavering commitment of the Philippines to the "
            "defense of its partners.",
            "pledge",
        ),
        ("The Prime Minister expressed to the President his deep gratitude.", "appreciation"),
    ],
)
def test_the_category_follows_the_guidelines(sentence: str, category: str) -> None:
    found = items_of(sentence)
    assert found and found[0].category == category, [(i.verb, i.category) for i in found]


# The verb as written ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Both sides agreed that their officials will meet every year.", "agreed"),
        ("Both sides agreed to establish a joint committee.", "agreed to"),
        ("We reaffirm our commitment to a peaceful region.", "reaffirm our commitment"),
        (
            "The leaders reiterated their strong support for the process.",
            "reiterated their strong support",
        ),
        ("Japan reaffirmed Japan's support for the reform.", "reaffirmed Japan's support"),
        ("The Philippines reaffirmed Japan's support for the reform.", "reaffirmed"),
        ("We once again condemn the missile launches.", "once again condemn"),
        ("We further encourage the private sector to invest.", "further encourage"),
        ("We also welcome the new programme.", "welcome"),
        ("We therefore endorse the roadmap.", "endorse"),
        ("The leaders welcomed once again the progress made.", "welcomed once again"),
        ("We will also set up a secretariat for the platform.", "will set up"),
        ("We will thereby build on the outcomes of the conference.", "will build on"),
        ("We will work to further strengthen our ties.", "will work to"),
        ("We will continue to support the region.", "will continue to support"),
        ("We will continue cooperation in the field of energy.", "will continue"),
        ("We continue to deliver on these goals.", "continue to deliver"),
        (
            "We are resolute in our determination to uphold peace.",
            "are resolute in our determination",
        ),
        ("President Santos accepted the invitation with pleasure.", "accepted"),
        ("It was agreed that officials should meet again.", "was agreed"),
        ("Sato expressed to the President his deep gratitude.", "expressed ... his deep gratitude"),
    ],
)
def test_the_verb_is_written_as_the_conventions_say(sentence: str, verb: str) -> None:
    found = items_of(sentence)
    assert found and found[0].verb == verb, [(i.verb, i.text) for i in found]


# One rule for commitments -----------------------------------------------------


def test_commitment_follows_from_the_category() -> None:
    for category in ("pledge", "agreement", "intention"):
        assert is_commitment(category)
    for category in ("welcome", "appreciation", "affirmation", "invitation"):
        assert not is_commitment(category)


def test_a_welcome_of_a_future_event_is_no_commitment() -> None:
    item = only("Japan welcomed the Philippines' decision to host the conference in 2027.")
    assert (item.category, item.is_commitment) == ("welcome", False)


def test_what_the_statement_itself_fulfils_is_no_commitment() -> None:
    assert not is_commitment("agreement", "agreed to", " issue this Joint Statement")
    assert not is_commitment("agreement", "hereby establish", " a dialogue")
    item = only("We hereby establish an open and cooperative forum.")
    assert (item.category, item.is_commitment) == ("agreement", False)


def test_no_item_disagrees_with_its_category() -> None:
    text = (
        "Both sides welcomed the plan to hold a summit next year and expressed their "
        "intention to prepare it. Japan will provide support. Both sides emphasized "
        "their resolve to cooperate."
    )
    for item in items_of(text):
        assert item.is_commitment == (item.category in ("pledge", "agreement", "intention"))


# Cutting sentences into items -------------------------------------------------


def test_two_reporting_acts_in_one_sentence_make_two_items() -> None:
    found = items_of(
        "The Philippines reconfirmed its support for the initiative and reaffirmed "
        "its intention to join the working group."
    )
    assert [(i.verb, i.category) for i in found] == [
        ("reconfirmed its support", "affirmation"),
        ("reaffirmed its intention", "intention"),
    ]
    assert found[1].actors == ["Philippines"]
    assert found[1].text.startswith("The Philippines reaffirmed its intention")


def test_two_verbs_sharing_one_object_make_two_whole_items() -> None:
    found = items_of("In this regard, the Philippines welcomes and supports the views of Japan.")
    assert [(i.verb, i.category) for i in found] == [
        ("welcomes", "welcome"),
        ("supports", "affirmation"),
    ]
    for item in found:
        assert (
            item.text == "In this regard, the Philippines welcomes and supports the views of Japan."
        )
        assert item.actors == ["Philippines"]


def test_a_list_of_acts_after_one_subject() -> None:
    found = items_of(
        "We recognised the difficulties of the region, welcomed the progress made and "
        "urged all parties to continue the reforms."
    )
    assert [i.verb for i in found] == ["recognised", "welcomed", "urged"]


def test_a_list_of_past_acts_holds_verbs_that_are_also_nouns() -> None:
    found = items_of(
        "The two leaders welcomed the strong trade links, noted that trade had grown "
        "by a quarter, and expressed their desire to see it grow further."
    )
    assert [i.verb for i in found] == ["welcomed", "noted", "expressed their desire"]


def test_acts_listed_after_semicolons_share_the_subject() -> None:
    found = items_of(
        "Both sides underscored the importance of cooperation between agencies; decided "
        "to deepen cooperation on law enforcement; and welcomed the new dialogue."
    )
    assert [(i.verb, i.actors) for i in found] == [
        ("underscored", ["both"]),
        ("decided to", ["both"]),
        ("welcomed", ["both"]),
    ]


def test_a_past_verb_after_an_infinitive_is_an_act_of_its_own() -> None:
    found = items_of(
        "Japan commended the Philippines' work to promote good governance and supported "
        "the development of its legal framework."
    )
    assert [i.verb for i in found] == ["commended", "supported"]


def test_a_name_with_its_acronym_is_a_subject() -> None:
    item = only(
        "The Japan Overseas Development Corporation (JODC) intends to continue to "
        "finance private sector projects."
    )
    assert (item.actors, item.verb, item.category) == (["Japan"], "intends to", "intention")


def test_a_relative_clause_without_that_is_no_act() -> None:
    found = items_of(
        "The partnership culminated in the Strategic Partnership both countries share "
        "today. Japan commends the Philippines for its reforms."
    )
    assert [i.verb for i in found] == ["commends"]


def test_one_verb_with_several_objects_stays_one_item() -> None:
    found = items_of(
        "Both sides welcomed the training of officials and the signing of the agreement."
    )
    assert len(found) == 1


def test_each_verb_under_one_modal_is_an_item() -> None:
    found = items_of("We will strengthen our dialogue, expand trade and support each other.")
    assert [(i.verb, i.category, i.actors) for i in found] == [
        ("will strengthen", "pledge", ["both"]),
        ("expand", "pledge", ["both"]),
        ("support", "pledge", ["both"]),
    ]
    assert [i.text for i in found] == [
        "We will strengthen our dialogue",
        "We will expand trade",
        "We will support each other.",
    ]
    assert all(i.is_commitment for i in found)


def test_a_negated_verb_under_one_modal_is_an_item() -> None:
    found = items_of(
        "We will refrain from unfair practices, resist protectionism and not devalue "
        "our currencies."
    )
    assert [i.verb for i in found] == ["will refrain from", "resist", "not devalue"]


def test_verbs_completing_an_infinitive_stay_one_item() -> None:
    assert len(items_of("We will act with resolve to develop and produce new capabilities.")) == 1
    assert len(items_of("We will continue to impose sanctions and provide assistance.")) == 1
    assert len(items_of("We will work to expand trade and support investment.")) == 1


def test_as_well_as_joins_a_verb_under_the_modal() -> None:
    found = items_of(
        "We will hold the first meeting between our ministers as well as launch a new "
        "track that will meet annually."
    )
    assert [i.verb for i in found] == ["will hold", "launch"]


def test_a_noun_after_a_modal_verb_is_no_verb() -> None:
    found = items_of("Japan will strengthen cooperation in trade, finance and support for SMEs.")
    assert [i.verb for i in found] == ["will strengthen"]


def test_a_repeated_modal_starts_a_new_item() -> None:
    found = items_of("We will help the region, will continue to support its people.")
    assert [i.verb for i in found] == ["will help", "will continue to support"]


def test_an_infinitive_keeps_its_coordinated_verbs() -> None:
    found = items_of("Both sides concurred on working together to develop and support governance.")
    assert len(found) == 1


def test_a_narrative_verb_lends_its_subject_to_the_act_after_it() -> None:
    found = items_of(
        "The two leaders discussed regional issues and agreed to meet again next year."
    )
    assert [(i.verb, i.actors, i.category) for i in found] == [("agreed to", ["both"], "agreement")]
    assert found[0].text.startswith("The two leaders agreed to meet")


def test_a_verb_inside_an_object_is_no_act_of_its_own() -> None:
    found = items_of("Both sides confirmed that Japan will provide a grant for the project.")
    assert [(i.verb, i.actors) for i in found] == [("confirmed", ["both"])]
    assert found[0].category == "pledge"  # the embedded act of one of the speakers


def test_a_participial_opener_is_no_act() -> None:
    found = items_of(
        "Recognizing that the region will need investment, both sides welcomed the new fund."
    )
    assert [(i.verb, i.actors) for i in found] == [("welcomed", ["both"])]


def test_a_subject_after_and_starts_a_new_clause() -> None:
    found = items_of(
        "We are determined to defend our values and we are jointly committed to drive reform."
    )
    assert [i.category for i in found] == ["pledge", "pledge"]


def test_a_noun_that_looks_like_a_verb_is_no_act() -> None:
    found = items_of("We remain resolute in our support to the people and shared prosperity.")
    assert [i.verb for i in found] == ["remain resolute in our support"]


def test_narrative_sentences_hold_no_item() -> None:
    assert items_of("The Foreign Minister visited Tokyo and held talks with his counterpart.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Two years ago our nations pledged to deepen their integration.",
        "We have not seen evidence that the other side is committed to peace.",
        "In Europe, Russia continues to wage its war of aggression.",
        "Both countries continue to enjoy a robust economic partnership.",
        "During the visit, Prime Minister Sato called on President Santos.",
        "Closer ties between the economies of Japan and the Philippines will lead to growth.",
        "With a view to the future, the two leaders state the following:",
    ],
)
def test_what_tells_rather_than_acts_holds_no_item(text: str) -> None:
    assert items_of(text) == []


def test_a_perfect_reporting_verb_acts_and_a_perfect_action_tells() -> None:
    item = only("Japan had already indicated that it is prepared to help with the task.")
    assert (item.verb, item.category, item.actors) == (
        "had already indicated",
        "intention",
        ["Japan"],
    )
    assert only("We have agreed to establish a joint committee.").verb == "have agreed to"
    assert items_of("Since then, we have launched an ambitious proposal.") == []


def test_a_call_on_someone_to_act_is_an_item() -> None:
    assert only("We call on all parties to refrain from violence.").verb == "call on"


def test_participial_clauses_of_a_declaration_hold_no_item() -> None:
    text = (
        "Joint Declaration on Security Cooperation between Japan and Australia\n\n"
        "The Prime Ministers of Japan and Australia,\n\n"
        "Affirming that the partnership is based on shared values;\n\n"
        "Committing to the continuing development of their partnership;\n"
    )
    assert parse_text(text).items == []


# Actors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    ["We", "The Leaders", "The delegates", "The Ministers", "Both sides", "The two leaders"],
)
def test_joint_subjects_are_both(subject: str) -> None:
    assert only(f"{subject} welcomed the progress of the dialogue.").actors == ["both"]


def test_a_named_leader_stands_for_the_party() -> None:
    assert only("President Santos welcomed the new programme.").actors == ["Philippines"]
    assert only("Prime Minister Sato reaffirmed the importance of trade.").actors == ["Japan"]


def test_all_the_parties_named_together_are_both() -> None:
    assert only(
        "Japan and the Philippines remain committed to reestablishing dialogue."
    ).actors == ["both"]


def test_a_side_of_a_party_is_the_party() -> None:
    assert only("The Japanese side will provide support for the project.").actors == ["Japan"]


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        ("JICA will provide training for teachers.", ["Japan"]),
        ("The Japan International Cooperation Agency will provide training.", ["Japan"]),
        (
            "At the request of the Civil Aviation Authority of the Philippines, the Japanese "
            "Civil Aviation Bureau will provide training.",
            ["Japan"],
        ),
        ("The Joint Committee will meet every year.", ["both"]),
        ("To that end, our officials will meet regularly.", ["both"]),
        (
            "The two sides exchanged views on regional issues, and both committed to engage "
            "further in security cooperation.",
            ["both"],
        ),
    ],
)
def test_agencies_bodies_and_bare_subjects(sentence: str, actors: list[str]) -> None:
    assert only(sentence).actors == actors


def test_an_acronym_the_statement_defines_with_a_party_name_is_that_party() -> None:
    found = items_of(
        "Both sides welcomed the work of the Japan Overseas Development Corporation (JODC). "
        "JODC will provide training for engineers."
    )
    assert [i.actors for i in found] == [["both"], ["Japan"]]


def test_they_after_one_party_is_all_of_them() -> None:
    found = items_of("Japan welcomed the progress. They also affirmed the value of dialogue.")
    assert [i.actors for i in found] == [["Japan"], ["both"]]


def test_he_is_the_person_a_narrative_sentence_opens_with() -> None:
    found = items_of(
        "President Santos gave the Prime Minister a briefing on the reform. He reiterated "
        "the importance of the process."
    )
    assert [i.actors for i in found] == [["Philippines"]]


# Review notes -----------------------------------------------------------------


def test_a_verb_far_from_its_subject_is_marked_for_review() -> None:
    item = only(
        "The Japanese side, considering the Philippines an important partner in the "
        "region and in the wider world, expressed its intention to cooperate."
    )
    assert item.actors == ["Japan"] and REVIEW_FAR_SUBJECT in item.review


def test_an_actor_that_is_no_party_is_marked_for_review() -> None:
    item = only("The Regional Development Council will provide training for teachers.")
    assert any("not one of the statement's parties" in note for note in item.review)


def test_future_wording_without_a_reporting_verb_is_marked_for_review() -> None:
    item = only("Our cooperation in the field of energy will continue and deepen over time.")
    assert item.verb == "" and item.review == [REVIEW_NO_ACT]
    assert not item.is_commitment


def test_clear_items_carry_no_review() -> None:
    for item in items_of("Both sides welcomed the progress. Japan will provide support."):
        assert item.review == []


# Openings and subjects set off from their verb --------------------------------


def test_an_opening_where_the_countries_act_starts_the_body() -> None:
    text = (
        "Joint Statement of Japan and the Philippines\n\n"
        "Japan and the Philippines condemn today's missile launches.\n\n"
        "Japan reaffirms its commitment to the security of the region.\n"
    )
    parsed = parse_text(text)
    assert parsed.preamble == []
    assert [(i.paragraph, i.verb) for i in parsed.items] == [
        (1, "condemn"),
        (2, "reaffirms its commitment"),
    ]


def test_a_pronoun_with_an_apposition_is_the_subject() -> None:
    item = only(
        "Today, we, President Maria Santos of the Philippines and Prime Minister Sato "
        "Kenji of Japan, reaffirm the importance of our partnership."
    )
    assert (item.verb, item.actors) == ("reaffirm", ["both"])


def test_an_act_after_a_narrative_verb_and_a_dashed_apposition() -> None:
    item = only(
        "This week, we – the leaders of Japan and the Philippines – met in Tokyo and "
        "commit to the following principles of cooperation."
    )
    assert (item.verb, item.actors, item.category) == ("commit to", ["both"], "affirmation")


def test_a_subject_after_comma_and_starts_its_own_act() -> None:
    found = items_of(
        "President Santos invited Prime Minister Sato to visit Manila, and Prime Minister "
        "Sato accepted the invitation."
    )
    assert [(i.verb, i.actors, i.category) for i in found] == [
        ("invited", ["Philippines"], "invitation"),
        ("accepted", ["Japan"], "intention"),
    ]


def test_every_leader_named_together_is_both_even_without_their_parties() -> None:
    parsed = parse_text(
        "Joint Statement\n\nPresident Anna Berg and President Carl Dorn met in Geneva on "
        "3 May 2026.\n\nPresident Berg and President Dorn welcomed the agreement on trade.\n"
    )
    assert [i.actors for i in parsed.items] == [["both"]]


def test_an_act_after_an_opener_that_has_ended_is_the_main_clause() -> None:
    item = only(
        "Looking to the future, Prime Minister Sato and President Santos express their "
        "confidence that the ties between their nations will grow, as Japan and the "
        "Philippines continue to deepen their partnership."
    )
    assert (item.verb, item.category) == ("express their confidence", "affirmation")


@pytest.mark.parametrize(
    ("sentence", "verb", "category"),
    [
        ("We salute the courage of the rescue teams.", "salute", "welcome"),
        ("The leaders convey support for the peace process.", "convey support", "affirmation"),
        ("They voiced support for the grain initiative.", "voiced support", "affirmation"),
        ("Japan has full confidence in the alliance.", "has full confidence", "affirmation"),
        ("Both sides know that trade drives growth.", "know", "affirmation"),
        ("Together we stand with the people of the region.", "stand with", "affirmation"),
        ("We denounce all forms of terrorism.", "denounce", "affirmation"),
        ("We reject any attempt to change the status quo.", "reject", "affirmation"),
        ("The two sides took note of the report.", "took note of", "affirmation"),
        ("We are dedicated to expanding exchanges.", "are dedicated to", "pledge"),
        (
            "We recommit our efforts to ensure the success of the forum.",
            "recommit our efforts to",
            "pledge",
        ),
        ("We strive to deepen our ties.", "strive to", "intention"),
        (
            "The leaders remain steadfast in their pursuit of dialogue.",
            "remain steadfast in",
            "affirmation",
        ),
        (
            "We reinforce our commitment to democratic values.",
            "reinforce our commitment",
            "affirmation",
        ),
        ("We are encouraged by the progress of the talks.", "are encouraged", "welcome"),
        (
            "The leaders send a firm message to the world that Japan and the Philippines "
            "will stand together.",
            "send a firm message",
            "pledge",
        ),
    ],
)
def test_reporting_verbs_of_communiques(sentence: str, verb: str, category: str) -> None:
    item = only(sentence)
    assert (item.verb, item.category) == (verb, category)


def test_a_participle_adjective_is_no_act_of_the_speakers() -> None:
    assert only("We reaffirm our commitment to leading democracies.").category == "affirmation"
    assert only("We reaffirm our commitment to expanding exchanges.").category == "pledge"


def test_openers_of_a_second_clause_stay_with_its_item() -> None:
    found = items_of(
        "Japan and the Philippines affirm the value of human rights, and together we stand "
        "with people around the world."
    )
    assert found[1].text.startswith("Together we stand with")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Alliance commits to engage in deeper consultations.",
        "Japan will provide training, and the Alliance will maintain robust communication.",
        "Our strategic partnership will help advance a green transition.",
    ],
)
def test_the_alliance_or_partnership_of_the_parties_is_both(sentence: str) -> None:
    assert items_of(sentence)[-1].actors == ["both"]


def test_a_subordinate_clause_before_the_main_one_holds_no_act() -> None:
    found = items_of(
        "As we celebrate the anniversary of our relations, we commit to establish a new "
        "partnership."
    )
    assert [i.verb for i in found] == ["commit to"]


def test_a_verb_that_cannot_share_the_subject_is_no_act() -> None:
    found = items_of(
        "We are committed to ensuring our work is aligned with the plan and continues to "
        "support its implementation."
    )
    assert [i.verb for i in found] == ["are committed to"]
    found = items_of(
        "We are committed to the transfer of knowledge on voluntary and mutually agreed terms."
    )
    assert [i.verb for i in found] == ["are committed to"]


@pytest.mark.parametrize(
    ("sentence", "verb", "category"),
    [
        ("The leaders reaffirm they will undertake urgent action.", "reaffirm", "pledge"),
        (
            "The two leaders look forward to seeing one another again.",
            "look forward to",
            "intention",
        ),
        (
            "We look forward to the early completion of the necessary process.",
            "look forward to",
            "intention",
        ),
        (
            "We remain committed to and invested in prosperity and development.",
            "remain committed to and invested in",
            "affirmation",
        ),
    ],
)
def test_what_follows_the_verb_decides(sentence: str, verb: str, category: str) -> None:
    item = only(sentence)
    assert (item.verb, item.category) == (verb, category)


def test_a_pronoun_after_and_and_an_adverbial_starts_a_clause() -> None:
    found = items_of(
        "The leaders welcome cooperation with partners that share their values, and in that "
        "spirit, they reaffirm their support for the regional architecture."
    )
    assert [i.verb for i in found] == ["welcome", "reaffirm their support"]


def test_under_one_will_discuss_is_an_action_of_its_own() -> None:
    found = items_of(
        "We will continue our dialogue on trade and discuss concrete actions for the region."
    )
    assert [i.verb for i in found] == ["will continue", "discuss"]


def test_reaffirming_their_continuing_action_is_a_pledge() -> None:
    assert (
        only("Both countries confirm their continuing coordination to resolve issues.").category
        == "pledge"
    )
    assert (
        only("Both countries confirm their continued support for the plan.").category
        == "affirmation"
    )


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        (
            "The Japanese Ministry of Foreign Affairs and the Center for Private Enterprise "
            "– an affiliate of the Chamber of Commerce – will work to establish a platform.",
            ["Japan"],
        ),
        ("The Japanese NEXI and the Philippine DOTR will build the railway.", ["both"]),
        ("Japan and Southeast Asian states will unlock the benefits of trade.", ["both"]),
    ],
)
def test_bodies_lists_and_states(sentence: str, actors: list[str]) -> None:
    assert only(sentence).actors == actors


def test_a_word_before_will_is_its_subject_not_a_verb() -> None:
    assert [i.verb for i in items_of("Japan and Southeast Asian states will unlock trade.")] == [
        "will unlock"
    ]


def test_entities_are_read_from_the_items_own_clause() -> None:
    item = only(
        "Both sides welcomed the signing of the Exchange of Notes on the new programme. "
        "The Asian Development Bank had funded a first study of the route in 2019."
    )
    assert "Asian Development Bank" in item.text  # the text keeps the narrative sentence
    assert item.organizations == [] and item.dates == []
    assert item.instruments == ["Exchange of Notes"]


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        (
            "On the occasion of the summit in Manila, Japan and the Philippines, under the "
            "leadership of President Maria Santos and Prime Minister Sato Kenji, affirm their "
            "commitment to expand their partnership.",
            ["both"],
        ),
        (
            "The Japan-Philippines Joint Committee meeting in Tokyo, co-chaired by the two "
            "foreign ministers, reiterated the value of the partnership.",
            ["both"],
        ),
    ],
)
def test_a_subject_before_an_aside_that_ends_with_a_comma(sentence: str, actors: list[str]) -> None:
    item = only(sentence)
    assert item.actors == actors and REVIEW_FAR_SUBJECT in item.review


def test_taking_steps_is_a_pledge() -> None:
    item = only("We are taking additional steps today to support the people of the region.")
    assert (item.verb, item.category) == ("are taking additional steps", "pledge")


def test_an_aside_inside_the_verb_phrase() -> None:
    item = only(
        "Prime Minister Sato expressed, on behalf of the people of Japan, his profound "
        "gratitude for the support of the Philippines."
    )
    assert (item.verb, item.category, item.actors) == (
        "expressed ... his profound gratitude",
        "appreciation",
        ["Japan"],
    )
    item = only("They highlighted their commitment to working in tandem for peace.")
    assert (item.verb, item.category) == ("highlighted their commitment", "pledge")


def test_points_that_complete_a_declaration_formula_are_its_items() -> None:
    parsed = parse_text(
        "Joint Declaration of Japan and the Philippines\n\n"
        "WE, the Leaders of Japan and the Philippines, meeting in Manila on 1 May 2026;\n\n"
        "RECALLING the Joint Statement of 2015;\n\n"
        "HEREBY DECLARE:\n\n"
        "1. To deepen economic integration between our two countries.\n\n"
        "2. To hold regular consultations on maritime security.\n\n"
        "3. Japan will provide training for coast guard officers.\n"
    )
    assert [(i.paragraph, i.actors, i.verb, i.category, i.is_commitment) for i in parsed.items] == [
        (1, ["both"], "hereby declare", "pledge", True),
        (2, ["both"], "hereby declare", "pledge", True),
        (3, ["Japan"], "will provide", "pledge", True),
    ]


def test_hereby_performs_an_establishment_not_a_declaration() -> None:
    assert not is_commitment("agreement", "hereby establish", " a joint committee")
    assert is_commitment("pledge", "hereby declare", " to deepen integration")


def test_every_bullet_under_a_modal_lead_in_is_a_pledge() -> None:
    found = items_of(
        "To advance our partnership, we will:\n- strengthen maritime security cooperation;\n"
        "- provide capacity building for coast guards; and\n- expand exchanges."
    )
    assert [(i.verb, i.text) for i in found] == [
        (
            "will strengthen",
            "To advance our partnership, we will:\n- strengthen maritime security cooperation",
        ),
        ("provide", "We will provide capacity building for coast guards"),
        ("expand", "We will expand exchanges."),
    ]


def test_bullets_that_complete_an_infinitive_stay_one_item() -> None:
    found = items_of("The leaders agreed to:\n- hold annual consultations;\n- establish a group.")
    assert [i.verb for i in found] == ["agreed to"]


def test_continuing_their_own_activity_is_a_pledge() -> None:
    item = only("Both countries continue their close consultations on regional issues.")
    assert (item.verb, item.category) == ("continue", "pledge")
    assert only("We continue our support for the regional architecture.").category == "affirmation"


def test_a_plain_verb_cannot_continue_a_singular_subject() -> None:
    found = items_of(
        "The Philippine side expressed the hope that Japan will honor its commitments and "
        "support the Philippine position."
    )
    assert [i.verb for i in found] == ["expressed the hope"]


def test_neither_side_is_both() -> None:
    assert only("Neither side supports any attempt to change the status quo.").actors == ["both"]


def test_adverbs_before_the_last_word_of_a_phrase() -> None:
    assert only("We stand firmly together in the pursuit of peace.").verb == "stand firmly together"


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("It was decided that a Joint Committee would be established.", "agreement"),
        ("Both sides agreed that the next meeting will be held in Manila.", "agreement"),
        ("Both sides agreed that the situation would be difficult.", "affirmation"),
    ],
)
def test_a_decision_or_an_agreed_plan_in_the_passive(sentence: str, category: str) -> None:
    assert only(sentence).category == category


def test_the_leaders_of_the_parties_are_the_parties() -> None:
    item = only("The leaders of Japan and the Philippines reaffirmed the importance of trade.")
    assert item.actors == ["both"]


def test_a_short_aside_after_the_subject_needs_no_review() -> None:
    item = only("Japan, for its part, intends to extend a new loan.")
    assert (item.actors, item.review) == (["Japan"], [])


def test_a_chairmans_statement_the_meeting_and_a_party_s_leaders() -> None:
    parsed = parse_text(
        "Chairman's Statement of the ASEAN-Japan Summit\n\nJakarta, 6 September 2023\n\n"
        "1. The Meeting welcomed the Comprehensive Strategic Partnership established in 2023.\n\n"
        "2. ASEAN Leaders appreciated Japan's contribution to the ASEAN Centre for Energy.\n"
    )
    assert [(i.actors, i.verb) for i in parsed.items] == [
        (["both"], "welcomed"),
        (["ASEAN"], "appreciated"),
    ]


def test_an_announcement_in_the_progressive_acts_a_progress_report_does_not() -> None:
    assert only("Today, Japan is announcing new loans for the railway.").category == "pledge"
    assert items_of("Japan is providing training for engineers.") == []


@pytest.mark.parametrize(
    ("sentence", "verb", "category"),
    [
        (
            "We stand strong, united and absolutely committed to rebuilding a peaceful future.",
            "absolutely committed to",
            "pledge",
        ),
        (
            "We remain firm in our resolve to meet the challenges.",
            "remain firm in our resolve",
            "pledge",
        ),
        ("We are united in our support for the people.", "are united in", "affirmation"),
        (
            "Japan and the Philippines are pleased to announce an intention to open an office.",
            "are pleased to announce",
            "intention",
        ),
    ],
)
def test_copulas_and_adjectives_of_the_speakers(sentence: str, verb: str, category: str) -> None:
    item = only(sentence)
    assert (item.actors, item.verb, item.category) == (["both"], verb, category)


def test_united_by_is_a_description() -> None:
    assert items_of("Our two countries are united by a shared vision.") == []


def test_they_after_a_sentence_that_names_several_officials_is_both() -> None:
    found = items_of(
        "Japan reaffirms its commitment to the region. Foreign Minister Tanaka Ichiro, "
        "Philippine Secretary Jose Cruz, and Secretary General Lee Min met today in Tokyo and "
        "discussed cooperation. They also affirmed that their cooperation would not be shaken."
    )
    assert [i.actors for i in found] == [["Japan"], ["both"]]
