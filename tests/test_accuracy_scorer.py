"""The accuracy scorer's own rules (``bench/scorer``), on small label files and
texts under ``tests/fixtures/accuracy``.  The parser is replaced by the models in
``fixtures/accuracy/parsed/``, each built to break one rule, so these figures
depend on the scorer alone: if a matching or comparison rule changes, they
fail."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jtreport.model import Item, Statement, load

from .accuracy_support import FIXTURES, FLOORS, ROOT, scorer

S = scorer()
from scorer.compare import is_future  # noqa: E402
from scorer.labels import (  # noqa: E402
    DateLabel,
    ItemLabel,
    Label,
    LabelError,
    ParagraphsLabel,
    label_problems,
    load_label,
    read_documents,
)
from scorer.matching import match_items  # noqa: E402
from scorer.normal import (  # noqa: E402
    actor_key,
    paired,
    party_key,
    place_matches,
    plain,
    quote_key,
    surname,
    title_key,
    verb_exact,
    verb_matches,
)
from scorer.render import as_json, markdown, text_report  # noqa: E402
from scorer.scoring import Report, below_floors, load_floors, score  # noqa: E402

LABELS = FIXTURES / "labels"
NO_CORPUS = FIXTURES / "no-corpus-here"


def fake_parse(path: Path) -> Statement:
    """The model a (deliberately imperfect) parser returned for a fixture text."""
    return load((FIXTURES / "parsed" / f"{path.stem}.json").read_bytes())


def fixture_report(*names: str) -> Report:
    documents = read_documents(sorted(LABELS.glob("*.json")), NO_CORPUS, frozenset(names))
    return score(documents, parse=fake_parse)


@pytest.fixture(scope="module")
def report() -> Report:
    return fixture_report()


def figures(report: Report) -> dict[str, tuple[float, float]]:
    return {key: (s.hits, s.total) for key, s in report.scores().items()}


# ----------------------------------------------------------- whole figures ---


def test_every_figure_on_the_fixtures(report: Report) -> None:
    """Worked out by hand from the two labels and the two fake models."""
    assert figures(report) == {
        "title": (2, 2),
        "date": (1, 2),  # alpha: the first day of the visit, not the meeting day
        "place": (1, 2),  # beta: none found
        "parties": (2, 2),  # "Vietnam" / "Viet Nam", "U.S." / "United States"
        "leaders": (3, 4),  # alpha: Nguyen Van An given Japan's party
        "leader_precision": (4, 5),  # beta: a minister listed as a leader
        "areas": (2, 2),
        "paragraph_count": (1, 2),
        "paragraph_numbers": (2, 2),
        "item_found": (11, 13),  # alpha: a merged item; beta: a split one
        "item_precision": (11, 15),
        "item_paragraph": (6, 11),  # beta: the parser counted the preamble as paragraph 1
        "actor": (10, 11),
        "verb": (11, 11),
        "verb_exact": (8, 11),
        "category": (10, 11),
        "commitment_precision": (4, 6),
        "commitment_recall": (4, 4),
        "commitment_f1": (8, 10),
        "organizations_precision": (2, 2),
        "organizations_recall": (2, 2),
        "instruments_precision": (2, 2),
        "instruments_recall": (2, 3),
        "projects_precision": (5, 6),
        "projects_recall": (5, 5),
        "dates_precision": (3, 4),
        "dates_recall": (3, 3),
        "date_future": (3, 3),
    }
    assert report.scores()["commitment_f1"].value == pytest.approx(0.8)


def test_field_scores_are_over_found_items_only(report: Report) -> None:
    """A missed item counts once, in item found, and in no field score."""
    found = report.scores()["item_found"].hits
    for key in ("item_paragraph", "actor", "verb", "verb_exact", "category"):
        assert report.scores()[key].total == found
    columns = report.tally.confusion
    assert sum(n for (row, column), n in columns.items() if column not in {"missed"}) == found + 4


# ---------------------------------------------------------------- matching ---


def test_a_parsed_item_holding_two_labelled_quotes_counts_one_miss(report: Report) -> None:
    alpha = next(d for d in report.documents if d.name == "alpha")
    assert alpha.tally.score("item_found").hits == 6
    missed = [d for d in alpha.disagreements if d.field == "item" and d.expected == "found"]
    assert [d.quote for d in missed] == [
        "and expressed their intention to complete the project by 2027"
    ]
    assert missed[0].got.startswith("merged: item 1.1")
    # the merged item's intention shows as missed, not as a wrong category
    assert report.tally.confusion[("intention", "missed")] == 1


def test_the_first_label_gets_a_shared_item_and_the_order_is_the_files() -> None:
    label = load_label(LABELS / "alpha.json")
    matching = match_items(label, fake_parse(Path("alpha")))
    assert [item.id for _, item in matching.pairs][:1] == ["1.1"]
    assert matching.pairs[0][0].verb == "welcomed"


def test_a_split_item_is_missed_and_its_pieces_are_spurious(report: Report) -> None:
    beta = next(d for d in report.documents if d.name == "beta")
    missed = [d for d in beta.disagreements if d.expected == "found"]
    assert [(d.quote, d.got) for d in missed] == [
        (
            "we commit to expanding cooperation in space",
            "split: the quote runs across items p2.2, p2.3",
        )
    ]
    spurious = [d.got for d in beta.disagreements if d.expected == "no item"]
    assert [g.split()[2] for g in spurious] == ["p1.1", "p2.3"]


def test_a_quote_found_in_another_paragraph_matches_but_the_paragraph_is_wrong(
    report: Report,
) -> None:
    beta = next(d for d in report.documents if d.name == "beta")
    assert beta.tally.score("item_found").hits == 5
    assert beta.tally.score("item_paragraph").hits == 0


def test_another_paragraph_is_tried_only_when_the_own_one_holds_no_quote() -> None:
    """Two labelled items share a quote in paragraphs 1 and 2; the parser merged
    paragraph 1's.  Paragraph 1's second item must not steal paragraph 2's."""
    label = _label(
        labelled_paragraphs=[1, 2],
        items=[
            _item(1, "Both sides welcomed the new bridge"),
            _item(1, "both sides reaffirmed their friendship today"),
            _item(2, "both sides reaffirmed their friendship today"),
        ],
    )
    statement = Statement(
        items=[
            _parsed(
                "1.1",
                1,
                "Both sides welcomed the new bridge and both sides reaffirmed "
                "their friendship today.",
            ),
            _parsed("2.1", 2, "Both sides reaffirmed their friendship today."),
        ]
    )
    matching = match_items(Label(**label), statement)
    assert [(lab.paragraph, item.id) for lab, item in matching.pairs] == [(1, "1.1"), (2, "2.1")]
    assert [lab.paragraph for lab, _ in matching.missed] == [1]


def test_spurious_items_count_only_in_labelled_paragraphs() -> None:
    label = Label(
        **_label(labelled_paragraphs=[1], items=[_item(1, "Both sides welcomed the new bridge")])
    )
    statement = Statement(
        items=[
            _parsed("1.1", 1, "Both sides welcomed the new bridge."),
            _parsed("1.2", 1, "They agreed to meet again."),
            _parsed("2.1", 2, "Japan will build a school."),  # paragraph 2 is not labelled
        ]
    )
    matching = match_items(label, statement)
    assert [item.id for item in matching.spurious] == ["1.2"]
    assert matching.scope == 2


@pytest.mark.parametrize(
    ("quote", "text"),
    [
        ("and expressed their “intention” to act", 'Expressed their "intention" to act.'),
        ("welcomed the North–South   Expressway", "They welcomed the North - South Expressway"),
        ("welcomed the **New** Plan", "They welcomed the New Plan<sup>1</sup>."),
        ("noted Japan’s role", "They noted Japan's role."),
        ("welcomed the Treaty\\.", "They welcomed the TREATY."),
    ],
)
def test_quotes_are_found_through_markup_quotes_dashes_and_case(quote: str, text: str) -> None:
    assert quote_key(quote) in plain(text)


# ------------------------------------------------------------ field rules ---


def test_a_wrong_category_shows_in_the_confusion_matrix(report: Report) -> None:
    assert report.tally.confusion[("appreciation", "welcome")] == 1
    assert report.tally.confusion[("appreciation", "appreciation")] == 0
    assert report.tally.confusion[("spurious", "pledge")] == 2
    text = text_report(report)
    row = next(line for line in text.splitlines() if line.strip().startswith("appreciation"))
    assert row.split()[1:] == [".", ".", ".", ".", "1", ".", ".", "."]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("United States", "U.S."),
        ("United States", "the United States of America"),
        ("Viet Nam", "Vietnam"),
        ("EU", "the European Union"),
        ("Korea", "Republic of Korea"),
        ("both", "Both"),
        ("G7", "the G7"),
    ],
)
def test_party_aliases_agree(one: str, other: str) -> None:
    assert party_key(one) == party_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Japan", "Japanese Prime Minister"), ("United States", "US and Japan"), ("Niger", "Nigeria")],
)
def test_different_parties_differ(one: str, other: str) -> None:
    assert party_key(one) != party_key(other)


def test_an_actor_naming_every_party_is_both() -> None:
    parties = frozenset({"Japan", "Viet Nam"})
    assert actor_key(["Japan", "Vietnam"], parties) == actor_key(["both"], parties)
    assert actor_key(["Japan"], parties) != actor_key(["both"], parties)
    three = frozenset({"Japan", "Viet Nam", "Laos"})
    assert actor_key(["Japan", "Viet Nam"], three) != actor_key(["both"], three)


@pytest.mark.parametrize(
    ("expected", "got", "contained", "exact"),
    [
        ("welcomed", "welcomed", True, True),
        ("agreed", "agreed to", True, False),
        ("will continue to support", "will continue", True, False),
        ("will support", "will", False, False),
        ("expressed their intention", "Expressed their intention to", True, False),
        ("also welcomed", "welcomed", True, True),
        ("welcomed", "reaffirmed", False, False),
        ("welcomed", "", False, False),
        ("highly appreciated", "appreciated", True, False),
    ],
)
def test_verb_rules(expected: str, got: str, contained: bool, exact: bool) -> None:
    assert verb_matches(expected, got) is contained
    assert verb_exact(expected, got) is exact


@pytest.mark.parametrize(
    ("expected", "got", "hits"),
    [
        (["JICA"], ["Japan International Cooperation Agency"], 1),
        (["Japan International Cooperation Agency (JICA)"], ["JICA"], 1),
        (["Asian Development Bank"], ["ADB"], 1),
        (["UNGA"], ["the UN General Assembly"], 1),
        (["UN"], ["United Nations"], 1),
        (["Exchange of Notes"], ["the Exchanges of Notes"], 1),
        (["Security Council"], ["the security council"], 1),
        (["Youth Forum"], ["Youth Forum", "Tokyo"], 1),
        (["ODA Loan"], ["Exchange of Notes"], 0),
        (["JICA", "JICA"], ["JICA"], 1),
        (["UN"], ["EU"], 0),
    ],
)
def test_entity_rules(expected: list[str], got: list[str], hits: int) -> None:
    assert paired(expected, got) == hits


@pytest.mark.parametrize(
    ("expected", "got", "agree"),
    [
        ("Tokyo", "Tokyo", True),
        ("Tokyo", "tokyo", True),
        ("Tokyo", "Tokyo, Japan", True),
        ("Washington, D.C.", "Washington", True),
        ("Japan", "Tokyo, Japan", False),
        ("Tokyo", None, False),
        (None, "Tokyo", False),
        (None, None, True),
    ],
)
def test_place_rule(expected: str | None, got: str | None, agree: bool) -> None:
    assert place_matches(expected, got) is agree


def test_titles_compare_without_markup_quotes_dashes_or_case() -> None:
    assert title_key("**Japan–Viet Nam “Joint” Statement**") == title_key(
        "Japan-Viet Nam joint statement."
    )
    assert title_key("Philippines-Japan Joint Statement") != title_key(
        "Philippines-Japan Joint Statement (DFA)"
    )


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("Rodrigo Roa Duterte", "duterte"),
        ("Joseph R. Biden, Jr.", "biden"),
        ("KISHIDA Fumio", "kishida"),
        ("Emomali Rahmon", "rahmon"),
    ],
)
def test_leaders_match_by_surname(name: str, token: str) -> None:
    assert surname(name) == token


@pytest.mark.parametrize(
    ("value", "date", "future"),
    [
        ("2027", "2024-03-14", True),
        ("2024", "2024-03-14", False),
        ("2024-03", "2024-03-14", False),
        ("2024-04", "2024-03-14", True),
        ("2024-03-15", "2024-03-14", True),
        ("2024-03-14", "2024-03-14", False),
        ("2027", None, None),
    ],
)
def test_a_date_is_future_when_its_earliest_day_follows_the_statement(
    value: str, date: str | None, future: bool | None
) -> None:
    assert is_future(value, date) is future


# ------------------------------------------------------------- label files ---


def test_the_fixture_labels_are_consistent_with_their_texts(report: Report) -> None:
    assert report.problems() == []


def test_label_problems_are_reported(tmp_path: Path) -> None:
    label = Label(
        **_label(
            labelled_paragraphs=[1],
            items=[
                _item(1, "Both sides welcomed the new brigde"),  # a typo
                _item(1, "Both sides agreed"),
                _item(2, "Japan will build a new school", dates=[{"value": "May 2026"}]),
            ],
        )
    )
    problems = label_problems(
        label,
        "1. Both sides welcomed the new bridge. Both sides agreed "
        "to meet.\n\n2. Japan will build a new school.",
    )
    assert len(problems) == 4
    assert "the quote is not in the text" in problems[0]
    assert "fewer than four words" in problems[1]
    assert "not in labelled_paragraphs" in problems[2]
    assert "is not YYYY[-MM[-DD]]" in problems[3]


def test_a_malformed_label_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    data = json.loads((LABELS / "alpha.json").read_text(encoding="utf-8"))
    data["items"][2]["category"] = "promise"
    del data["items"][3]["verb"]
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LabelError) as error:
        read_documents([tmp_path / "labels" / "bad.json"], NO_CORPUS)
    assert "bad.json" in str(error.value)
    assert "$.items[2].category" in str(error.value)


def test_a_corpus_text_that_is_absent_is_skipped_not_failed(tmp_path: Path) -> None:
    data = json.loads((LABELS / "alpha.json").read_text(encoding="utf-8"))
    data["text"] = "corpus:alpha.txt"
    (tmp_path / "labels").mkdir()
    (tmp_path / "labels" / "alpha.json").write_text(json.dumps(data), encoding="utf-8")
    documents = read_documents([tmp_path / "labels" / "alpha.json"], tmp_path / "absent")
    result = score(documents, parse=fake_parse)
    assert result.documents == []
    assert result.skipped[0][0] == "alpha"
    # ... and read from the corpus folder when it is there
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "alpha.txt").write_text("text", encoding="utf-8")
    documents = read_documents([tmp_path / "labels" / "alpha.json"], tmp_path / "corpus")
    assert [d.name for d in score(documents, parse=fake_parse).documents] == ["alpha"]


def test_doc_restricts_the_set() -> None:
    assert [d.name for d in fixture_report("beta").documents] == ["beta"]


# ------------------------------------------------------------------ floors ---


def test_a_score_below_its_floor_fails(report: Report) -> None:
    assert below_floors(report, {"item_found": 0.84, "category": 0.9}) == []
    failures = below_floors(report, {"item_found": 0.9, "title": 1.0})
    assert failures == ["item_found: 0.846 is below its floor 0.900"]


def test_a_floor_naming_no_score_is_an_error(report: Report) -> None:
    with pytest.raises(KeyError, match="item_fund"):
        below_floors(report, {"item_fund": 0.5})


def test_a_score_with_nothing_to_count_is_not_judged() -> None:
    report = fixture_report("beta")
    assert report.scores()["instruments_precision"].value is None
    assert below_floors(report, {"instruments_precision": 1.0}) == []


def test_the_floors_file_names_every_score_once() -> None:
    floors = load_floors(FLOORS)
    assert list(floors) == [spec.key for spec in S.SCORES]
    assert all(0.0 <= value <= 1.0 for value in floors.values())


def test_the_documentation_explains_every_score() -> None:
    page = (ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8")
    missing = [spec.key for spec in S.SCORES if f"`{spec.key}`" not in page]
    assert missing == []
    assert "<!-- figures: begin" in page and "<!-- figures: end -->" in page


# ----------------------------------------------------------------- outputs ---


def test_outputs_carry_every_figure(report: Report) -> None:
    data = as_json(report)
    assert set(data["scores"]) == {spec.key for spec in S.SCORES}
    assert data["scores"]["item_found"] == {"value": 11 / 13, "hits": 11, "total": 13}
    assert data["confusion"]["matrix"]["appreciation"]["welcome"] == 1
    assert data["worst"][0] == "beta"
    assert len(data["disagreements"]) == len(report.disagreements())
    page = markdown(report)
    assert page.startswith("<!-- figures: begin") and page.rstrip().endswith("-->")
    assert "| items | item found (recall) | 0.846 | 11/13 |" in page
    verbose = text_report(report, verbose=True)
    assert (
        "alpha  ¶2  “Viet Nam expressed its appreciation for Japan's support.”  "
        "category: expected 'appreciation'; got 'welcome'"
    ) in verbose


def test_the_command_runs_the_real_parser_and_checks_floors(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"title": 1.0, "item_found": 1.0}}))
    out = tmp_path / "figures.json"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "accuracy.py"),
            "--labels",
            str(LABELS),
            "--json",
            str(out),
            "--floors",
            str(floors),
            "--doc",
            "alpha",
            "-v",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"] == ["alpha"]
    assert "Disagreements" in done.stdout
    below = [key for key in ("title", "item_found") if data["scores"][key]["value"] < 1.0]
    assert done.returncode == (1 if below else 0)
    assert all(f"accuracy: {key}:" in done.stderr for key in below)


# ----------------------------------------------------------------- helpers ---


def _label(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "document": "t",
        "text": "t.txt",
        "title": "T",
        "date": "2024-01-01",
        "place": None,
        "parties": ["Japan", "Viet Nam"],
        "leaders": [],
        "areas": [],
        "paragraphs": ParagraphsLabel(count=2, numbers=[1, 2]),
        "labelled_paragraphs": [1],
        "items": [],
    }
    base.update(fields)
    return base


def _item(paragraph: int | None, quote: str, **fields: Any) -> Any:
    values: dict[str, Any] = {
        "paragraph": paragraph,
        "quote": quote,
        "actor": ["both"],
        "verb": "welcomed",
        "category": "welcome",
        "is_commitment": False,
        "organizations": [],
        "instruments": [],
        "projects": [],
        "dates": [],
    }
    values.update(fields)
    values["dates"] = [DateLabel(**d) for d in values["dates"]]
    return ItemLabel(**values)


def _parsed(ident: str, paragraph: int | None, text: str) -> Item:
    return Item(
        id=ident,
        paragraph=paragraph,
        area_id=None,
        text=text,
        actors=["both"],
        verb="welcomed",
        category="welcome",
        is_commitment=False,
    )
