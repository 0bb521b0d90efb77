"""The reporting verbs of joint statements, read from ``data/verbs.tsv``.

Each line of the data file gives a verb phrase in its base form, its category and
the rule by which what follows may change that category; this module expands the
phrases into their written forms and scans sentences for them.  The table is
read and compiled once, on first use, so that importing the parser stays cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import cast, get_args

import msgspec

from ..model import Category
from .actions import action_table, is_adverb
from .lazy import LazyPattern

DATA = Path(__file__).with_name("data") / "verbs.tsv"

#: how what follows a verb may change its category (see docs/parser.md, section 4)
RULES = frozenset(
    {"", "states", "agrees", "commits", "looks", "tasks", "continues", "weak", "noun"}
)


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, separated by white space."""
    return frozenset(text.split())


MODAL_ENTRY_PHRASE = "will"

#: possessives and articles that may open a verb's object ("express *their* intention")
_DETERMINERS = word_set("their its his her our the a an this these those")
#: words that end a {poss} run: a preposition starts another phrase ("gratitude for")
_STOP = word_set("for to of that with on in at by from as")
#: words of an {aside} addressee besides names ("to the President", "to his counterpart")
_ASIDE = word_set("the his her their its")
#: adverbs of {adv} and of the modal group ("will *also further* strengthen")
_ADVERBS = word_set(
    "also further again once fully firmly strongly jointly together all both each still "
    "thereby therefore then now not"
)
#: after "will": "continue to" goes on to the verb it continues ...
_MODAL_STEP = ("continue", "to")
#: ... and these end the modal phrase at their "to" ("will work to", "will strive to")
_MODAL_AIMS = word_set("work strive endeavor endeavour seek aim try")
#: the marks of list items after a modal's colon
_BULLETS = frozenset({"-", "•", "*"})
#: "will do so": a pro-form that repeats the act before it, no act of its own
_PRO_FORMS = word_set("so likewise this that the same")
#: words that open an aside set off by commas inside a verb phrase ("expressed, on
#: behalf of the people of Japan, his gratitude")
_ASIDE_OPENERS = word_set("on in to for as with at")
#: an addressee inside a verb phrase, written "...": "expressed ... his gratitude"
_ASIDE_WRITTEN = re.compile(
    r"^(\S+)\s+to\s+(?:(?:the|his|her|their|its)\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}"
)
_COMMA_ASIDE_WRITTEN = LazyPattern(r"^(\S+)\s*,[^,]+,\s*")
_BE = ("is", "are", "was", "were", "am", "be", "been")
#: words and single punctuation marks, as the matcher walks them
_TOKEN = re.compile(r"[\w’'-]+|[^\s\w’'-]")


class VerbEntry(msgspec.Struct, frozen=True):
    """One line of the verb table: a phrase, its category and its rule."""

    phrase: str
    category: Category
    rule: str


class VerbMatch(msgspec.Struct, frozen=True):
    """A reporting verb found in a sentence."""

    start: int
    end: int
    text: str
    entry: VerbEntry


@lru_cache(maxsize=1024)
def verb_forms(lemma: str) -> tuple[str, ...]:
    """The written forms of a verb given as ``base`` or ``base/past``: base,
    third person singular and past (``commit/committed`` -> commit, commits,
    committed), with British ``-ise`` spellings for ``-ize`` verbs."""
    if lemma == "be":
        return _BE
    base, _, past = lemma.partition("/")
    if base == "have":
        third = "has"
    elif base.endswith(("s", "sh", "ch", "x", "z", "o")):
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
    return tuple(forms)


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


_Slot = tuple[str, frozenset[str]]


def _slots(phrase: str) -> list[_Slot]:
    """A phrase of the table as slots: ``verb`` (the forms of its first word),
    ``word`` / ``optional`` (choices), ``poss`` and ``adv``, and ``mark`` where
    the verb as written ends (``>``: the words after it must follow, but are
    not part of the verb)."""
    first, *rest = phrase.split()
    forms: list[str] = []
    for lemma in first.split("|"):
        forms += verb_forms(lemma)
    slots: list[_Slot] = [("verb", frozenset(forms))]
    for word in rest:
        if word == ">":
            slots.append(("mark", frozenset()))
            continue
        if word in ("{poss}", "{adv}", "{aside}"):
            slots.append((word.strip("{}"), frozenset()))
            continue
        choices = word.strip("[]").split("|")
        choices += [c.replace("iz", "is") for c in choices if "iz" in c]
        optional = word.startswith("[") and word.endswith("]")
        slots.append(("optional" if optional else "word", frozenset(choices)))
    return slots


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (word.islower() and is_adverb(word))


_Found = tuple[int, int | None]


def _match_slots(words: list[str], at: int, slots: list[_Slot]) -> _Found | None:
    """Where the phrase whose ``slots`` starts at token ``at`` ends (the index
    after its last token) and where its ``mark`` stood (None: no mark), or None
    when it does not match there."""
    if not slots:
        return at, None
    kind, choices = slots[0]
    rest = slots[1:]
    if kind == "mark":
        found = _match_slots(words, at, rest)
        return (found[0], at) if found is not None else None
    if kind in ("verb", "word"):
        if at < len(words) and words[at] in choices:
            return _match_slots(words, at + 1, rest)
        return None
    if kind == "optional":
        if at < len(words) and words[at] in choices:
            found = _match_slots(words, at + 1, rest)
            if found is not None:
                return found
        return _match_slots(words, at, rest)
    if kind == "adv":
        end = at
        while end < len(words) and _is_adverb(words[end]):
            end += 1
        for stop in range(end, at - 1, -1):  # "stand firmly together": the last may be a word
            found = _match_slots(words, stop, rest)
            if found is not None:
                return found
        return None
    if kind == "aside":  # "expressed [to the President] his gratitude"
        if at < len(words) and words[at] == ",":  # "expressed, on behalf of X, his"
            close = next((n for n in range(at + 2, min(at + 16, len(words))) if words[n] == ","), 0)
            found = _match_slots(words, close + 1, rest) if close else None
            if found is not None and words[at + 1] in _ASIDE_OPENERS:
                return found
        if at < len(words) and words[at] == "to":
            for size in range(4, 0, -1):
                middle = words[at + 1 : at + 1 + size]
                if len(middle) == size and all(w in _ASIDE or w[:1].isupper() for w in middle):
                    found = _match_slots(words, at + 1 + size, rest)
                    if found is not None:
                        return found
        return _match_slots(words, at, rest)
    # poss: an optional determiner or owner ("Japan's", "U.S."), then up to three words
    starts = [at]
    owner = _owner_end(words, at)
    if owner is not None:
        starts.insert(0, owner)
    for start in starts:
        most = 0  # the longest run of plain words (the longest phrase wins)
        while most < 3 and start + most < len(words):
            word = words[start + most]
            if word in _STOP or not word[:1].islower():
                break
            most += 1
        for extra in range(most, -1, -1):
            found = _match_slots(words, start + extra, rest)
            if found is not None:
                return found
    return None


def _owner_end(words: list[str], at: int) -> int | None:
    """Where a determiner or an owner that opens a verb's object ends: "their",
    "Japan's", "U.S." (as the tokens U . S .); None when none opens there."""
    if at >= len(words):
        return None
    word = words[at]
    if word in _DETERMINERS or (word.endswith(("’s", "'s")) and word[:1].isupper()):
        return at + 1
    end = at
    while end + 1 < len(words) and len(words[end]) == 1 and words[end].isupper():
        if words[end + 1] != ".":
            break
        end += 2
    return end if end - at >= 4 else None


def _match_modal(words: list[str], at: int) -> int | None:
    """ "will ..." / "shall continue to ...": the modal, adverbs and "continue
    to", then a verb that is not "be" with the words that belong to it ("will
    build on", "will set up", "will provide support"); "will work to" ends at its
    "to"; "will do so" is no act."""
    end = at + 1
    while end < len(words):
        if _is_adverb(words[end]):
            end += 1
        elif tuple(words[end : end + 2]) == _MODAL_STEP:
            end += 2
        elif words[end] == ":" and end + 1 < len(words) and words[end + 1] in _BULLETS:
            end += 2  # "we will:\n- strengthen ...;\n- provide ..."
        else:
            break
    if end >= len(words) or not words[end].isalpha() or not words[end].islower():
        return None
    verb = words[end]
    following = words[end + 1] if end + 1 < len(words) else ""
    if verb == "be" or (verb == "do" and following in _PRO_FORMS):
        return None
    if verb in _MODAL_AIMS and following == "to":
        return end + 2
    end += 1
    if verb == "continue" and following.endswith("ing") and following.islower():
        return end + 1  # "will continue working"
    for tail in action_table().tails.get(verb, ()):
        if tuple(words[end : end + len(tail)]) == tail:
            return end + len(tail)
    return end


class VerbTable:
    """The verb table, indexed by the written forms of each phrase's first word.

    A sentence is split into words once; a word that starts a phrase of the table
    is tried against that phrase's slots (longer phrases first).  Nothing is
    compiled, so that the table costs the parser's cold start next to nothing.
    """

    def __init__(self, entries: list[VerbEntry]) -> None:
        # more words first, then longer words: "seek to" before "seek/sought"
        ordered = sorted(
            entries, key=lambda e: (len(e.phrase.split()), len(e.phrase)), reverse=True
        )
        self.entries = [VerbEntry(MODAL_ENTRY_PHRASE, "pledge", "modal"), *ordered]
        self._by_form: dict[str, list[tuple[VerbEntry, list[_Slot]]]] = {}
        for entry in self.entries:
            if entry.rule == "modal":
                for form in ("will", "shall"):
                    self._by_form.setdefault(form, []).append((entry, []))
                continue
            slots = _slots(entry.phrase)
            for form in slots[0][1]:
                self._by_form.setdefault(form, []).append((entry, slots))

    def scan(self, sentence: str) -> list[VerbMatch]:
        """Every reporting verb of a sentence, earliest first, not overlapping
        (at one place the longest phrase of the table wins).  Case-sensitive on
        purpose: a reporting verb follows its subject in lower case ("State",
        "Support" are names)."""
        tokens = list(_TOKEN.finditer(sentence))
        words = [t.group() for t in tokens]
        found: list[VerbMatch] = []
        at = 0
        while at < len(words):
            for entry, slots in self._by_form.get(words[at], ()):
                if entry.rule == "modal":
                    end = _match_modal(words, at)
                else:
                    matched = _match_slots(words, at, slots)
                    end, mark = matched if matched is not None else (None, None)
                    if mark is not None:
                        end = mark  # the words after the mark follow the verb
                if end is not None:
                    start, stop = tokens[at].start(), tokens[end - 1].end()
                    text = sentence[start:stop]
                    if entry.rule == "modal" and ":" in text:  # "will:\n- strengthen"
                        text = re.sub(r"\s*:\s*[-•*]\s+", " ", text)
                    if "{aside}" in entry.phrase:
                        text = _ASIDE_WRITTEN.sub(r"\1 ... ", text, count=1)
                        if "," in text:
                            text = _COMMA_ASIDE_WRITTEN.sub(r"\1 ... ", text, count=1)
                    found.append(VerbMatch(start, stop, text, entry))
                    at = end
                    break
            else:
                at += 1
        return found


@lru_cache(maxsize=1)
def verb_table() -> VerbTable:
    """The package's verb table, read and compiled on first use."""
    return VerbTable(parse_table(DATA.read_text(encoding="utf-8")))
