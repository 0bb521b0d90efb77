"""The document level's rule tables (``parser/data/*.txt``): every entry does
what its table says, so adding a line to a table is tested by this file."""

from __future__ import annotations

import pytest
from jtreport.parser.doc_rules import lines, sections, statement_words
from jtreport.parser.furniture import cable_marker, is_editorial_intro, is_furniture
from jtreport.parser.gazetteer import COUNTRIES, country_of_place
from jtreport.parser.layout import is_formula, is_preambular_clause
from jtreport.parser.people import clean_name, is_leader_title, is_office_title
from jtreport.parser.title import clean_title, is_banner
from jtreport.parser.units import Unit

NOISE = sections("title_noise.txt")
FURNITURE = sections("page_furniture.txt")
OFFICES = sections("offices.txt")
PREAMBLE = sections("preamble_openers.txt")


@pytest.mark.parametrize(
    "name", ["title_noise.txt", "page_furniture.txt", "offices.txt", "preamble_openers.txt"]
)
def test_sectioned_tables_hold_no_duplicate(name: str) -> None:
    for section, entries in sections(name).items():
        assert entries, section
        assert len(set(entries)) == len(entries), section


@pytest.mark.parametrize("prefix", NOISE["prefixes"])
def test_each_title_prefix_is_removed(prefix: str) -> None:
    assert clean_title(f"{prefix} Joint Statement on Trade") == "Joint Statement on Trade"


@pytest.mark.parametrize("suffix", NOISE["suffixes"])
def test_each_title_suffix_is_removed(suffix: str) -> None:
    assert clean_title(f"Joint Statement on Trade {suffix}") == "Joint Statement on Trade"


@pytest.mark.parametrize("banner", NOISE["banners"])
def test_each_banner_is_a_banner(banner: str) -> None:
    assert is_banner(banner.upper())


@pytest.mark.parametrize("phrase", lines("statement_types.txt"))
def test_each_statement_type_names_a_statement(phrase: str) -> None:
    assert statement_words().search(f"The {phrase.title()} of the Summit")


@pytest.mark.parametrize("phrase", FURNITURE["phrases"])
def test_each_furniture_phrase_makes_a_short_line_furniture(phrase: str) -> None:
    assert is_furniture(Unit(text=f"{phrase.capitalize()} page"))
    assert not is_furniture(Unit(text=f"The leaders agreed on {phrase} measures."))


@pytest.mark.parametrize("marker", FURNITURE["begin_markers"])
def test_each_begin_marker(marker: str) -> None:
    assert cable_marker(Unit(text=f"{marker.capitalize()}.")) == "begin"


@pytest.mark.parametrize("marker", FURNITURE["end_markers"])
def test_each_end_marker(marker: str) -> None:
    assert cable_marker(Unit(text=marker.upper())) == "end"


@pytest.mark.parametrize("intro", FURNITURE["editorial_intros"])
def test_each_editorial_intro(intro: str) -> None:
    text = f"{intro.capitalize()} communique issued on 10 October at the end of the visit:"
    assert is_editorial_intro(Unit(text=text))


@pytest.mark.parametrize("honorific", lines("honorifics.txt"))
def test_each_honorific_is_no_part_of_a_name(honorific: str) -> None:
    assert clean_name(f"{honorific.title()} Jane Doe") == "Jane Doe"


@pytest.mark.parametrize("title", OFFICES["leaders"])
def test_each_leader_title_is_a_leader_s(title: str) -> None:
    assert is_office_title(title)
    assert is_leader_title(title)


@pytest.mark.parametrize("title", OFFICES["others"])
def test_each_other_title_is_no_leader_s(title: str) -> None:
    assert is_office_title(title)
    assert not is_leader_title(title)


@pytest.mark.parametrize("word", OFFICES["portfolio_words"])
def test_each_portfolio_word_makes_a_minister_s_title(word: str) -> None:
    assert is_office_title(f"Minister for {word}")


@pytest.mark.parametrize("line", lines("capitals.txt"))
def test_each_capital_belongs_to_a_party_of_the_gazetteer(line: str) -> None:
    city, _bar, party = (part.strip() for part in line.partition("|"))
    assert party in {c.name for c in COUNTRIES}
    country = country_of_place(city)
    assert country is not None
    assert country.name == party


@pytest.mark.parametrize("phrase", lines("formulas.txt"))
def test_each_formula_phrase_ends_an_enacting_formula(phrase: str) -> None:
    assert is_formula(Unit(text=f"The Leaders {phrase.upper()}:"))
    assert is_formula(Unit(text=f"The leaders {phrase}"))
    assert not is_formula(Unit(text=f"The leaders {phrase}."))


@pytest.mark.parametrize("opener", PREAMBLE["openers"])
def test_each_opener_opens_a_preambular_clause(opener: str) -> None:
    assert is_preambular_clause(f"{opener.capitalize()} the need for peace;")
    assert is_preambular_clause(f"FURTHER {opener.upper()} the need for peace;")


@pytest.mark.parametrize("adverb", PREAMBLE["adverbs"])
def test_each_adverb_may_stand_before_a_participle(adverb: str) -> None:
    assert is_preambular_clause(f"{adverb.capitalize()} recalling the Charter;")


HEADS = sections("heads.txt")


@pytest.mark.parametrize("line", HEADS["holders"])
def test_each_holder_is_of_a_listed_system_with_a_dated_term(line: str) -> None:
    import datetime as dt

    from jtreport.parser.heads import systems, title_key

    country, title, name, start, end = (part.strip() for part in line.split("|"))
    assert country in {c.name for c in COUNTRIES}
    assert title_key(title) in systems()[country]
    assert name and dt.date.fromisoformat(start) < (
        dt.date.fromisoformat(end) if end else dt.date(9999, 1, 1)
    )


def test_terms_of_one_office_do_not_overlap() -> None:
    import datetime as dt
    from itertools import pairwise

    from jtreport.parser.heads import holders

    by_office: dict[tuple[str, str, str], list[tuple[dt.date, dt.date | None]]] = {}
    for holder in holders():
        # the EU has two presidents (the Commission's and the European Council's)
        key = (holder.country, holder.title, "" if holder.country != "EU" else holder.name)
        by_office.setdefault(key, []).append((holder.start, holder.end))
    for terms in by_office.values():
        terms.sort()
        for (_s1, e1), (s2, _e2) in pairwise(terms):
            assert e1 is not None and e1 <= s2


@pytest.mark.parametrize("line", HEADS["systems"])
def test_each_system_is_a_party_of_the_gazetteer(line: str) -> None:
    country = line.partition("|")[0].strip()
    assert country in {c.name for c in COUNTRIES}
