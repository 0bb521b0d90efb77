"""Action verbs under one modal, read from ``data/actions.tsv``.

"We will strengthen X, provide Y and bolster Z" holds three pledges: each action
verb with its own complement is an item, also when it shares its subject and its
"will" with the verb before it.  A verb after "to" belongs to the infinitive
instead ("will act to develop and produce X": one item), and so does one after a
relative or gerund clause that the coordinator does not close with a comma.  The
data file also says which words belong to a verb as written ("will build on",
"will set up").  Nothing is compiled until first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import msgspec

from .lazy import LazyPattern

DATA = Path(__file__).with_name("data") / "actions.tsv"


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: words ending in -ly that are no adverbs
NOT_ADVERBS = _word_set(
    """only early family july italy supply apply reply comply rely ally assembly fly
    multiply likely daily weekly monthly yearly quarterly timely friendly orderly costly
    elderly holy rally anomaly monopoly"""
)

#: a coordinator before a verb: ", ", ", and ", " and ", " as well as "
_COORDINATED = re.compile(
    r"(?P<coord>[;,]?\s*(?:(?:and|or)\s*)?\n\s*[-•*]\s+|\s*,\s*(?:and\s+)?|\s+and\s+|"
    r"\s+as\s+well\s+as\s+)"
    r"(?P<adverbs>(?:(?:further|jointly|also|then|[a-z]+ly)\s+)*)"
    r"(?P<verb>(?:not\s+)?(?P<word>[a-z]+))\b"
)
#: what opens a verb's object: a determiner, a possessive, a name or a number
_OBJECT = LazyPattern(
    r"\s+(?:(?:the|a|an|our|their|its|his|her|this|these|those|all|any|each|every|such|"
    r"new|more|further|greater|closer)\b|[A-Z0-9]|[\w-]+[’']s\b)"
)
#: what cannot open a verb's object: a preposition, a conjunction, punctuation
_NO_OBJECT = LazyPattern(
    r"\s*(?:(?:of|for|in|on|at|and|or|with|to|from|by|as|into|between|among)\b|[,.;:)]|$)"
)
#: after a verb, a noun's preposition ("review of", "support for")
_NOUN_AFTER = LazyPattern(r"\s*(?:of|for)\b|\s*[,.;:)]|\s*$")
#: between two verbs without a comma: an infinitive, relative or gerund clause
#: that the second verb may complete ("to develop and produce")
_NESTED = LazyPattern(
    r"\bto\s+[a-z]+|\b(?:that|which|who|whom|whose|where)\b|"
    r"\b(?:by|in|on|for|of|through|including|while|when|after|before|without)\s+[a-z]{2,}ing\b"
)
#: words in -ing that open no gerund clause
_NOT_GERUNDS = _word_set(
    """bring during thing things spring string king ring sing swing sting nothing
    something anything everything morning evening ceiling"""
)
#: where the verbs under one modal end: a new clause
_CLAUSE_END = re.compile(r";(?!\s*(?:(?:and|or)\s*)?\n\s*[-•*]\s)|:|\.\s|\b(?:will|shall)\b")


class ActionTable(msgspec.Struct, frozen=True):
    """The action verbs (base forms), those that are also nouns, and the words
    each verb may take as part of it ("build" -> ("on",))."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    tails: dict[str, tuple[tuple[str, ...], ...]] = msgspec.field(default_factory=dict)

    def tail(self, verb: str, after: str) -> int:
        """How many characters of ``after`` (the text just after ``verb``) belong
        to the verb as written: " on" in "build on the outcomes"."""
        for words in self.tails.get(verb, ()):
            found = re.match(r"\s+" + r"\s+".join(map(re.escape, words)) + r"\b", after)
            if found:
                return found.end()
        return 0


def parse_actions(text: str) -> ActionTable:
    """The action table in ``text`` (the format of ``data/actions.tsv``)."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    tails: dict[str, list[tuple[str, ...]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        phrase, _, flag = line.partition("\t")
        words = phrase.split()
        if not words or flag.strip() not in ("", "noun"):
            raise ValueError(f"actions table, line {number}: malformed: {line!r}")
        verbs.add(words[0])
        if flag.strip() == "noun":
            nouns.add(words[0])
        if len(words) > 1:
            tails.setdefault(words[0], []).append(tuple(words[1:]))
    ordered = {verb: tuple(sorted(t, key=len, reverse=True)) for verb, t in tails.items()}
    return ActionTable(frozenset(verbs), frozenset(nouns), ordered)


@lru_cache(maxsize=1)
def action_table() -> ActionTable:
    """The package's action table, read on first use."""
    return parse_actions(DATA.read_text(encoding="utf-8"))


class Coordinated(msgspec.Struct, frozen=True):
    """An action verb that shares the modal before it: where its coordinator
    starts, where the verb as written starts and ends, and its text."""

    start: int
    verb_start: int
    verb_end: int
    text: str


def is_adverb(word: str) -> bool:
    """Whether a lower-case word ending in -ly is an adverb ("jointly", not "supply")."""
    return word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS


def _object_follows(after: str, found: list[Coordinated]) -> bool:
    """Whether an object follows a word that is also a noun: a determiner, a
    possessive, a name or a number; in a list of verbs ("accelerate X, and
    advance data ..."), any word that is no preposition or conjunction."""
    if _OBJECT.match(after):
        return True
    return bool(found) and not _NO_OBJECT.match(after)


def _nested(between: str) -> bool:
    """Whether text between two verbs opens a clause the second may complete."""
    return any(m.group().split()[-1] not in _NOT_GERUNDS for m in _NESTED.finditer(between))


def coordinated_verbs(sentence: str, start: int, end: int) -> list[Coordinated]:
    """The action verbs between ``start`` (just after a modal's verb) and ``end``
    that share that modal: "will strengthen X, *provide* Y and *bolster* Z"."""
    table = action_table()
    clause_end = _CLAUSE_END.search(sentence, start, end)
    stop = clause_end.start() if clause_end else end
    found: list[Coordinated] = []
    level = start  # where the last verb under the modal ended
    for match in _COORDINATED.finditer(sentence, start, stop):
        word = match.group("word")
        negated = match.group("verb").startswith("not") and word != "only"
        if word not in table.verbs and not negated:
            continue  # after "not", any word is a verb: "and not target ..."
        adverbs = match.group("adverbs").split()
        if any(not (a in ("further", "jointly", "also", "then") or is_adverb(a)) for a in adverbs):
            continue
        after = sentence[match.end() :]
        if _NOUN_AFTER.match(after) or (word in table.nouns and not _object_follows(after, found)):
            continue
        comma = "," in match.group("coord") or "\n" in match.group("coord")  # or a bullet
        if not comma and _nested(sentence[level : match.start()]):
            continue  # "to develop and produce": the infinitive's own verbs
        verb_end = match.end() + table.tail(word, after)
        trailing = re.match(r"\s+([a-z]+ly)\b(?!\s*,)", sentence[verb_end:])
        if trailing and is_adverb(trailing.group(1)):
            verb_end += trailing.end()  # "contribute jointly"
        verb_start = match.start("verb")
        if adverbs:
            verb_start = match.start("adverbs")
        text = " ".join(w for w in sentence[verb_start:verb_end].split() if w != "also")
        found.append(Coordinated(match.start("coord"), verb_start, verb_end, text))
        level = verb_end
    return found
