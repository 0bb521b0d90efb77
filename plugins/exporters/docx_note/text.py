"""Wording helpers for the note: dates, lists, counts, and short forms of items."""

from __future__ import annotations

import re
from collections.abc import Sequence

from jtreport.digest import actors_label, long_date
from jtreport.followup import FollowUp
from jtreport.model import Item, Paragraph, Party, Person, Statement

# Official names that take "the" in running text ("the Republic of Tajikistan").
_ARTICLE_WORDS = frozenset(
    [
        "republic",
        "kingdom",
        "united",
        "federal",
        "federative",
        "state",
        "states",
        "islamic",
        "democratic",
        "people's",
        "union",
        "sultanate",
        "grand",
        "principality",
        "commonwealth",
        "netherlands",
        "philippines",
        "bahamas",
        "gambia",
        "european",
        "russian",
        "czech",
        "dominican",
        "central",
        "holy",
        "socialist",
        "plurinational",
        "bolivarian",
        "hashemite",
        "arab",
        "independent",
        "swiss",
        "co-operative",
        "cooperative",
        "african",
        "slovak",
    ]
)
_ARTICLE_ENDINGS = frozenset(
    ["republic", "kingdom", "emirates", "states", "islands", "federation", "union", "confederation"]
)
# Words a shortened text should not end on.
_DANGLING = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "within",
        "through",
        "toward",
        "towards",
        "including",
        "such",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
    ]
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘(])")


def join_words(words: Sequence[str], conjunction: str = "and") -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``1 item``, ``3 items``, ``no items``."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n if n else 'no'} {word}"


def with_article(name: str) -> str:
    """A party's name as it reads in a sentence: ``the Republic of Tajikistan``."""
    words = name.casefold().split()
    if not words or words[0] == "the":
        return name
    if words[0] in _ARTICLE_WORDS or words[-1] in _ARTICLE_ENDINGS or " of " in f" {name} ":
        return f"the {name}"
    return name


def parties_phrase(parties: Sequence[Party]) -> str:
    """``Japan and the Republic of Tajikistan``, or ``the parties``."""
    if not parties:
        return "the parties"
    return join_words([with_article(p.name) for p in parties])


def person_phrase(person: Person) -> str:
    """``Prime Minister TAKAICHI Sanae (Japan)``."""
    name = f"{person.title} {person.name}" if person.title else person.name
    return f"{name} ({person.party})" if person.party else name


def shorten(text: str, words: int) -> str:
    """``text`` cut to about ``words`` words at a word boundary, with an ellipsis."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    kept = parts[:words]
    while len(kept) > 1 and kept[-1].strip(',;:(“"‘').casefold() in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(',;:–—-(“"‘ ') + "…"


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (the whole text when it has one)."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def undertaking(statement: Statement, item: Item) -> str:
    """What an item says, starting from who acts: ``Japan will support the
    formulation of an energy transition roadmap``, without the final stop.

    The subject is normalised ("The two Leaders" -> "Both sides") by starting at
    the reporting verb; when the verb cannot be found the sentence is kept whole.
    """
    sentence = _from_verb(item)
    if sentence is None:
        return first_sentence(item.text).rstrip(" .")
    who = actors_label(statement, item)
    if who == "—":
        return _capitalise(sentence)
    return f"{who} {_uncapitalise(sentence)}"


def topic(statement: Statement, item: Item) -> str:
    """What an item is about: the words after its verb (``the formulation of an
    energy transition roadmap``), or the whole undertaking when that fails."""
    sentence = _from_verb(item)
    if sentence is not None:
        rest = sentence[len(item.verb.strip()) :].strip(" ,:")
        rest = re.sub(r"^(?:to|that|on|for|of)\s+", "", rest)
        if len(rest.split()) >= 2:
            return rest
    return undertaking(statement, item)


_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+$", re.I)


def _from_verb(item: Item) -> str | None:
    """The item's first sentence from its reporting verb on; None when the verb
    is missing or used in the passive ("... was underlined by the Japanese side")."""
    verb = item.verb.strip()
    if not verb:
        return None
    found = re.search(rf"\b{re.escape(verb)}\b", item.text, re.I)
    if not found or _PASSIVE.search(item.text[: found.start()]):
        return None
    return first_sentence(item.text[found.start() :]).rstrip(" .")


def _uncapitalise(text: str) -> str:
    """``Expressed their ...`` -> ``expressed their ...``; acronyms are left alone."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def paragraph_ref(item: Item) -> str:
    """``para 4``, or ``preamble`` for an item before the numbered paragraphs."""
    if item.paragraph is None:
        return "preamble"
    return f"para {item.paragraph}"


def paragraph_span(paragraphs: list[Paragraph]) -> str:
    """``paragraphs 1–15``, ``paragraph 36``, or empty."""
    numbers = [p.number if p.number is not None else p.index for p in paragraphs]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    return f"paragraph {low}" if low == high else f"paragraphs {low}–{high}"


# What the meeting should check, by recorded status, then by category.
_CHECK_BY_STATUS = {
    "Not started": "ask when work will start and who leads it",
    "Planned": "confirm the plan and when work starts",
    "In progress": "confirm progress and the timetable",
    "Ongoing": "confirm progress and what remains to be done",
    "Completed": "acknowledge completion and agree any follow-on",
    "Delayed": "ask what is holding it up and agree a revised date",
    "Suspended": "ask whether and when it will resume",
    "Cancelled": "confirm the cancellation and whether anything replaces it",
}
_CHECK_BY_CATEGORY = {
    "pledge": "confirm progress and the timetable",
    "agreement": "ask what has been done since {since} and who leads",
    "intention": "ask whether it has become a concrete plan with a timetable",
    "invitation": "confirm whether the invitation is accepted and propose dates",
}


def check(item: Item, record: FollowUp | None, since: str | None) -> str:
    """The question the meeting should put about a commitment: from its recorded
    status when there is one, else from its next date, else from its category."""
    if record is not None and record.status in _CHECK_BY_STATUS:
        return _CHECK_BY_STATUS[record.status]
    ahead = next((d for d in item.dates if d.future), None)
    if ahead is not None and item.category != "invitation":
        return f"confirm it is on track for {long_date(ahead.value) or ahead.text}"
    question = _CHECK_BY_CATEGORY.get(item.category, "ask what has been done since {since}")
    return question.format(since=long_date(since[:7]) if since else "the statement")
