"""Property: on arbitrary text the parser returns a model or raises its own error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jtreport.api import parse_text
from jtreport.errors import JtreportError
from jtreport.model import Statement, dump, load

LINES = st.sampled_from(
    [
        "",
        "I Cooperation",
        "II. Other fields",
        "1. Both sides welcomed the signing of the Exchange of Notes.",
        "2. Japan will provide support to the Asian Development Bank (ADB).",
        "- The delegates concurred on launching a dialogue",
        "(1) first point;",
        "**Joint Statement**",
        "Tokyo, July 29, 2002",
        "Green Economy: Cooperation including new industry",
        "President Emomali RAHMON",
        "---",
        "title: x",
        "We will continue to work together in May 2026.",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(LINES, max_size=30).map("\n".join)))
def test_parser_returns_a_model_or_its_own_error(text: str) -> None:
    try:
        statement = parse_text(text)
    except JtreportError:
        return
    assert isinstance(statement, Statement)
    assert load(dump(statement)) == statement
    ids = [i.id for i in statement.items]
    assert len(ids) == len(set(ids))
