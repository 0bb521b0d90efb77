"""The parser on real statements it was not tuned to: ../shared/corpus.

Two kinds of test: "no text lost" over every file, and the structure a careful
reader sees in each file (title, date, parties, headings, paragraphs).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jtreport.api import parse_file
from jtreport.model import Statement

from .conftest import CORPUS, corpus_files, needs_corpus

pytestmark = needs_corpus

MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
# a place-and-date line ("Tokyo, July 29, 2002", "Issued in Tokyo, 26 October 2016"):
# metadata, kept as the model's date and place
DATE_LINE = re.compile(
    r"^\s*(?:(?:issued|done|signed)\s+(?:in|at)\s+)?(?:[A-Z][\w-]*\s*,\s*)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}|\w+\s+\d{1,2},\s+\d{4})\s*$",
    re.I,
)
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def words_of_source(path: Path) -> set[str]:
    text = FRONT_MATTER.sub("", path.read_text(encoding="utf-8").replace("\r\n", "\n"))
    text = re.sub(r"<[^>]+>|&#?\w+;", " ", text)
    kept = [line for line in text.split("\n") if not DATE_LINE.match(line.strip(" *"))]
    return {
        w.lower()
        for w in re.findall(r"[A-Za-z][A-Za-z’']+", "\n".join(kept))
        if len(w) >= 3 and w.lower() not in MONTHS
    }


def haystack(s: Statement) -> str:
    parts = [s.title, s.place or "", *s.preamble, *s.warnings]
    parts += [f"{p.label or ''} {p.heading}" for p in s.parts]
    parts += [f"{a.heading} {a.description or ''}" for a in s.areas]
    parts += [p.text for p in s.paragraphs]
    parts += [f"{p.title or ''} {p.name}" for p in s.signatories]
    parts += [p.name for p in s.parties]
    return "\n".join(parts).lower()


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_no_text_lost(path: Path) -> None:
    statement = parse_file(path)
    found = set(re.findall(r"[a-z][a-z’']+", haystack(statement)))
    missing = sorted(words_of_source(path) - found)
    assert not missing, f"{path.name}: words not in the model: {missing[:20]}"


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_numbered_paragraphs_found_in_order(path: Path) -> None:
    statement = parse_file(path)
    source = path.read_text(encoding="utf-8")
    printed = [int(n) for n in re.findall(r"(?m)^\s*(\d{1,3})\\?[.,]\s", source)]
    numbers = [p.number for p in statement.paragraphs if p.number is not None]
    assert numbers == sorted(numbers)
    headings = {a.heading for a in statement.areas}
    for n in printed:
        assert n in numbers or any(
            re.search(rf"(?m)^\s*{n}\.\s+{re.escape(h)}", source) for h in headings
        ), f"{path.name}: paragraph {n} not found"


# a sentence a careful coder always codes as an item: a joint subject, then a
# common reporting verb
PLAIN_ACT = re.compile(
    r"(?:^|\.\s+)(?:Both sides|We|The (?:two )?(?:Leaders|leaders|Ministers|sides))\s+"
    r"(?:also\s+)?(?:welcomed|concurred|affirmed|reaffirmed|expressed|will|agreed|appreciated)\b"
)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.stem)
def test_every_paragraph_with_a_plain_act_has_an_item(path: Path) -> None:
    # Narrative paragraphs ("The Minister visited Japan ... they discussed ...")
    # hold no item (annotation guidelines, "Item"); a paragraph with a plain act does.
    statement = parse_file(path)
    with_items = {i.paragraph for i in statement.items if i.paragraph is not None}
    for para in statement.paragraphs:
        key = para.number if para.number is not None else para.index
        if PLAIN_ACT.search(para.text):
            assert key in with_items, f"{path.name}: paragraph {key} has no item"


EXPECTED = {
    "jp-uz-2002-joint-statement-mofa": dict(
        title="Joint Statement on Friendship, Strategic Partnership and Cooperation "
        "between Japan and the Republic of Uzbekistan",
        date="2002-07-29",
        place="Tokyo",
        parties=["Japan", "Uzbekistan"],
        preamble=4,
        parts=["Cooperation in the fields of politics and security"],
        first_number=1,
    ),
    "caj-2010-3rd-fm-meeting-joint-press-release": dict(
        title='"Central Asia plus Japan" Dialogue Third Foreign Ministers\' Meeting '
        "Joint Press Release",
        date="2010-08-07",
        min_parties=6,
        leaders=5,  # Turkmenistan was represented by an ambassador: a party, not a leader
        numbered=False,
        preamble=1,
    ),
    "jp-az-2009-fm-joint-press-statement": dict(
        title="Joint Press Statement on the Japan-Azerbaijan Foreign Ministerial Meeting",
        date="2009-06-17",
        place="Tokyo",
        parties=["Japan", "Azerbaijan"],
        preamble=0,
        first_number=1,
    ),
    "jp-vn-2006-joint-statement": dict(
        date="2006-10-19",
        numbered=False,
        # the opening paragraph holds acts ("The two sides highly valued ..."): body
        preamble=0,
        areas=["Promotion of Dialogue", "Japan's Economic Assistance to Vietnam"],
    ),
    "ph-jp-2016-joint-statement": dict(
        date="2016-10-26",
        place="Tokyo",
        preamble=2,
        first_number=1,
        last_number=15,
    ),
    "us-jp-2023-joint-statement": dict(
        title="Joint Statement of the United States and Japan",
        date="2023-01-13",
        parties=["United States", "Japan"],
        numbered=False,
        areas=[],
    ),
    "c5p1-2023-new-york-declaration": dict(
        date="2023-09-21",
        min_parties=6,
        numbered=False,
        preamble=0,  # the opening already commits: body paragraph 1 (labelled set, Conventions)
        signatories=6,
        areas=[
            "Resilience through Partnership",
            "Expanded Security Cooperation",
            "C5+1 Economic and Energy Corridor",
            "Enhancing Energy Security and Combating the Effects of Climate Change",
            "Partnership through People",
            "Towards A New Atmosphere of Partnership",
        ],
    ),
    "g7-2023-hiroshima-leaders-communique": dict(
        title="G7 Hiroshima Leaders’ Communiqué",
        date="2023-05-20",
        first_number=1,
    ),
    "jp-eu-2013-21st-summit-joint-press-statement": dict(
        title="21st EU-Japan Summit Joint Press Statement",
        date="2013-11-19",
        place="Tokyo",
        parties=["EU", "Japan"],
        first_number=1,
        parts=["Realising the full potential of political and economic ties for mutual benefit"],
    ),
    # only the opening of a declaration: its subject line and participial clauses
    "jp-au-2007-joint-declaration-security-cooperation": dict(
        title="Japan-Australia Joint Declaration on Security Cooperation",
        parties=["Japan", "Australia"],
        preamble=9,
        paragraphs=0,
        # participial clauses ("Affirming ...;", "Committing to ...;") have no
        # subject: by the annotation guidelines they are no items
        items=0,
    ),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_structure_a_careful_reader_sees(stem: str) -> None:
    path = CORPUS / f"{stem}.txt"
    statement = parse_file(path)
    want = EXPECTED[stem]
    if "title" in want:
        assert statement.title == want["title"]
    if "date" in want:
        assert statement.date == want["date"]
    if "place" in want:
        assert statement.place == want["place"]
    if "parties" in want:
        assert [p.short_name for p in statement.parties] == want["parties"]
    if "min_parties" in want:
        assert len(statement.parties) >= want["min_parties"]
    if "preamble" in want:
        assert len(statement.preamble) == want["preamble"]
    if "parts" in want:
        assert [p.heading for p in statement.parts] == want["parts"]
    if "areas" in want:
        assert [a.heading for a in statement.areas] == want["areas"]
    if "leaders" in want:
        assert len(statement.leaders) == want["leaders"]
        assert all(p.party for p in statement.leaders)
    if "signatories" in want:
        assert len(statement.signatories) == want["signatories"]
    if "paragraphs" in want:
        assert len(statement.paragraphs) == want["paragraphs"]
    if want.get("items") == 0:
        assert not statement.items
        return
    numbers = [p.number for p in statement.paragraphs]
    if want.get("numbered") is False:
        assert statement.paragraphs and all(n is None for n in numbers)
    if "first_number" in want:
        assert numbers[0] == want["first_number"]
    if "last_number" in want:
        assert numbers[-1] == want["last_number"]
    assert statement.items
