"""How reports word the model: lists, counts, parties' names in a sentence, and
an item read with its subject ("Both sides expressed their intention ...", never
"Expressed their intention ...").  Shared by the Word note and the PDF summary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Item, Party, Statement
from . import actors_label
from .clauses import first_sentence

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
#: Groups whose short names take "the" in running text.
_GROUP = re.compile(r"G\d{1,2}|EU|UN|AU")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+$", re.I)
_WE = re.compile(
    r"\b[Ww]e\s+(?:(?:also|further|fully|strongly|therefore|again|jointly|all|each)\s+)*$"
)


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
    if _GROUP.fullmatch(name):  # "the G7", "the EU"
        return f"the {name}"
    return name


def parties_phrase(parties: Sequence[Party]) -> str:
    """``Japan and the Republic of Tajikistan``, or ``the parties``."""
    if not parties:
        return "the parties"
    return join_words([with_article(p.name) for p in parties])


def paragraph_ref(item: Item) -> str:
    """``para 4``, or ``preamble`` for an item before the numbered paragraphs."""
    if item.paragraph is None:
        return "preamble"
    return f"para {item.paragraph}"


def capitalise(text: str) -> str:
    """``text`` with its first letter in capitals."""
    return text[:1].upper() + text[1:]


def uncapitalise(text: str) -> str:
    """``Expressed their ...`` -> ``expressed their ...``; acronyms are left alone."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _verb_at(item: Item) -> int | None:
    """Where the item's reporting verb starts in its text; None when it is
    missing or used in the passive ("... was underlined by the Japanese side")."""
    verb = item.verb.strip()
    if not verb:
        return None
    found = re.search(rf"\b{re.escape(verb)}\b", item.text, re.I)
    if not found or _PASSIVE.search(item.text[: found.start()]):
        return None
    return found.start()


def undertaking(statement: Statement, item: Item) -> str:
    """What an item says, starting from who acts: ``Japan will support the
    formulation of an energy transition roadmap ...``, its first sentence
    without the final stop.

    The subject is normalised ("The two Leaders" -> "Both sides") by starting at
    the reporting verb; when the verb cannot be found the sentence is kept whole.
    """
    start = _verb_at(item)
    if start is None:
        return first_sentence(item.text).rstrip(" .")
    sentence = first_sentence(item.text[start:]).rstrip(" .")
    who = subject(statement, item, item.text[:start])
    if who == "—":
        return capitalise(sentence)
    return f"{who} {uncapitalise(sentence)}"


def subject(statement: Statement, item: Item, before: str = "") -> str:
    """Who an item's sentence is about, for a text that starts at its verb:
    "We" where the statement speaks in the first person (the words before the
    verb end in "we", or a single party such as the G7 speaks and the item
    starts at its verb), else the actors (``Both sides``, ``Japan``)."""
    if _WE.search(before) or (not before.strip() and len(statement.parties) == 1):
        return "We"
    return actors_label(statement, item)


def topic(statement: Statement, item: Item) -> str:
    """What an item is about: the words after its verb (``the formulation of an
    energy transition roadmap ...``), or the whole undertaking when that fails."""
    start = _verb_at(item)
    if start is not None:
        sentence = first_sentence(item.text[start:]).rstrip(" .")
        rest = sentence[len(item.verb.strip()) :].strip(" ,:")
        # "to" goes before an infinitive ("to work together"), stays before a
        # name ("gratitude to Japan for ...")
        rest = re.sub(
            r"^(?:that|on|for|of)\s+|^to\s+(?=(?!(?:the|a|an|its|their|his|her)\b)[a-z])",
            "",
            rest,
        )
        if len(rest.split()) >= 2:
            return rest
    return undertaking(statement, item)


def with_subject(statement: Statement, item: Item) -> str:
    """The item's whole text, as the statement words it, with its subject put
    back where the statement left it to an earlier sentence: ``Expressed their
    intention to ...`` reads ``Both sides expressed their intention to ...``."""
    text = item.text.strip()
    start = _verb_at(item)
    who = subject(statement, item)
    if start == 0 and who != "—":
        return f"{who} {uncapitalise(text)}"
    return text
