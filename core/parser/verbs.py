"""The reporting verbs of joint statements, read from ``data/verbs.tsv``.

Each line of the data file gives a verb phrase in its base form, its category and
the rule by which what follows may change that category; this module expands the
phrases into their written forms and scans sentences for them.  The table is
read and compiled once, on first use, so that importing the parser stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast, get_args

from ..model import Category

DATA = Path(__file__).with_name("data") / "verbs.tsv"

#: how what follows a verb may change its category (see docs/parser.md, section 4)
RULES = frozenset(
    {"", "states", "agrees", "commits", "looks", "tasks", "continues", "weak", "noun"}
)

#: "will ...", "shall continue to ...": a pledge by grammar, not by one verb
MODAL = (
    r"(?:will|shall)(?:\s+(?:continue\s+to|further|also|together|jointly|each|work\s+to|"
    r"endeavou?r\s+to|strive\s+to|seek\s+to|not|thereby|therefore|then|now|still|again|"
    r"[a-z]+ly))*\s+(?!be\b)[a-z]+"
    r"(?:\s+(?:support|assistance|cooperation|efforts))?"
)
MODAL_ENTRY_PHRASE = "will"

#: an optional possessive or article and up to three adjectives ("their strong"),
#: never running over a preposition into another phrase ("gratitude for their")
_POSS = (
    r"(?:\s+(?:their|its|his|her|our|the|a|an|this|these|those|"
    r"[A-Z][\w.’'-]*(?:’s|'s)))?"
    r"(?:\s+(?!(?:for|to|of|that|with|on|in|at|by|from|as)\b)[a-z][a-z-]*){0,3}?"
)
_ADV = (
    r"(?:\s+(?:also|further|again|once\s+again|fully|firmly|strongly|jointly|together|"
    r"all|both|each|still|[a-z]+ly))*"
)
_BE = ("is", "are", "was", "were", "am", "be", "been")
_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z-]*")


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, separated by white space."""
    return frozenset(text.split())


@dataclass(frozen=True)
class VerbEntry:
    """One line of the verb table: a phrase, its category and its rule."""

    phrase: str
    category: Category
    rule: str


@dataclass(frozen=True)
class VerbMatch:
    """A reporting verb found in a sentence."""

    start: int
    end: int
    text: str
    entry: VerbEntry


def verb_forms(lemma: str) -> list[str]:
    """The written forms of a verb given as ``base`` or ``base/past``: base,
    third person singular and past (``commit/committed`` -> commit, commits,
    committed), with British ``-ise`` spellings for ``-ize`` verbs."""
    if lemma == "be":
        return list(_BE)
    base, _, past = lemma.partition("/")
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if not past:
        if base.endswith("e"):
            past = base + "d"
        elif base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
            past = base[:-1] + "ied"
        else:
            past = base + "ed"
    forms = [past, third, base]
    if "iz" in base:
        forms += [form.replace("iz", "is") for form in forms]
    return forms


def parse_table(text: str) -> list[VerbEntry]:
    """The entries of a verb table (the format is described in ``data/verbs.tsv``);
    a malformed line raises ``ValueError`` naming it."""
    entries: list[VerbEntry] = []
    categories = set(get_args(Category))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or fields[1] not in categories:
            raise ValueError(f"verbs table, line {number}: no known category: {line!r}")
        rule = fields[2] if len(fields) > 2 else ""
        if rule not in RULES:
            raise ValueError(f"verbs table, line {number}: unknown rule {rule!r}")
        entries.append(VerbEntry(fields[0], cast(Category, fields[1]), rule))
    return entries


class VerbTable:
    """The verb table, indexed by the written forms of each phrase's first word.

    A sentence is scanned word by word: a word that starts a phrase of the table
    is tried against that phrase (longer phrases first); each phrase's expression
    is compiled the first time its verb is seen, so that a statement compiles only
    the few phrases it uses.
    """

    def __init__(self, entries: list[VerbEntry]) -> None:
        ordered = sorted(entries, key=lambda e: len(e.phrase), reverse=True)
        self.entries = [VerbEntry(MODAL_ENTRY_PHRASE, "pledge", "modal"), *ordered]
        self._by_form: dict[str, list[VerbEntry]] = {}
        for entry in self.entries:
            first = "will|shall" if entry.rule == "modal" else entry.phrase.split()[0]
            for lemma in first.split("|"):
                forms = [lemma] if entry.rule == "modal" else verb_forms(lemma)
                for form in forms:
                    self._by_form.setdefault(form, []).append(entry)
        self._compiled: dict[VerbEntry, re.Pattern[str]] = {}

    def _pattern(self, entry: VerbEntry) -> re.Pattern[str]:
        pattern = self._compiled.get(entry)
        if pattern is None:
            source = MODAL if entry.rule == "modal" else phrase_regex(entry.phrase)
            pattern = re.compile(source + r"(?![\w’'-])")
            self._compiled[entry] = pattern
        return pattern

    def scan(self, sentence: str) -> list[VerbMatch]:
        """Every reporting verb of a sentence, earliest first, not overlapping
        (at one place the longest phrase of the table wins).  Case-sensitive on
        purpose: a reporting verb follows its subject in lower case ("State",
        "Support" are names)."""
        found: list[VerbMatch] = []
        taken = 0
        for word in _WORD.finditer(sentence):
            if word.start() < taken:
                continue
            for entry in self._by_form.get(word.group(), ()):
                match = self._pattern(entry).match(sentence, word.start())
                if match:
                    found.append(VerbMatch(match.start(), match.end(), match.group(0), entry))
                    taken = match.end()
                    break
        return found


def phrase_regex(phrase: str) -> str:
    """The regular expression of one phrase of the table: its verb's forms, then
    its words, each with its own leading space (so that "agree [on|to]" matches
    both "agreed" and "agreed on")."""
    first, *rest = phrase.split()
    alternatives: list[str] = []
    for lemma in first.split("|"):
        alternatives += verb_forms(lemma)
    alternatives.sort(key=len, reverse=True)
    pattern = "(?:" + "|".join(re.escape(a) for a in alternatives) + ")"
    for word in rest:
        if word == "{poss}":
            pattern += _POSS
        elif word == "{adv}":
            pattern += _ADV
        else:
            optional = word.startswith("[") and word.endswith("]")
            words = word.strip("[]").split("|")
            words += [w.replace("iz", "is") for w in words if "iz" in w]
            choices = "|".join(re.escape(c) for c in words)
            piece = rf"\s+(?:{choices})"
            pattern += f"(?:{piece})?" if optional else piece
    return pattern


@lru_cache(maxsize=1)
def verb_table() -> VerbTable:
    """The package's verb table, read and compiled on first use."""
    return VerbTable(parse_table(DATA.read_text(encoding="utf-8")))
