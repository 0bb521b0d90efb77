"""Wording helpers for the note; the shared ones come from :mod:`jtreport.digest.wording`
and :mod:`jtreport.digest.clauses`."""

from __future__ import annotations

from jtreport.digest.clauses import shorten
from jtreport.digest.wording import (
    capitalise,
    count,
    join_words,
    paragraph_ref,
    parties_phrase,
    topic,
    undertaking,
    with_subject,
)
from jtreport.model import Paragraph, Person

__all__ = [
    "capitalise",
    "count",
    "join_words",
    "paragraph_ref",
    "paragraph_span",
    "parties_phrase",
    "person_phrase",
    "shorten",
    "topic",
    "undertaking",
    "with_subject",
]


def person_phrase(person: Person) -> str:
    """``Prime Minister TAKAICHI Sanae (Japan)``."""
    name = f"{person.title} {person.name}" if person.title else person.name
    return f"{name} ({person.party})" if person.party else name


def paragraph_span(paragraphs: list[Paragraph]) -> str:
    """``paragraphs 1–15``, ``paragraph 36``, or empty."""
    numbers = [p.number if p.number is not None else p.index for p in paragraphs]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    return f"paragraph {low}" if low == high else f"paragraphs {low}–{high}"
