"""Stage 3 of the parser: paragraphs -> statement items.

An item is one actor with one reporting verb.  In each sentence we find the
reporting verbs that have an actor as their subject (or, after "and", share the
previous act's subject); each starts an item.  Sentences without an act attach
to the act before them (or, at a paragraph's start, to the act after them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Category, Person
from .acts import (
    ADVERBS,
    AFFIRMING_OBJECT,
    COMMITTING_OBJECT,
    FUTURE_OBJECT,
    HOPING,
    PASSIVE,
    PASSIVE_CATEGORY,
    VERB_PATTERNS,
    VERBS,
)
from .sentences import split_sentences

BOTH = "both"

_COLLECTIVE = re.compile(
    r"^(?:both|all|the)?\s*(?:two|both|three|four|five|six|seven|all)?\s*"
    r"(?:sides|leaders|heads\s+of\s+(?:state|government)|countries|governments|parties|delegates|"
    r"participants|ministers|foreign\s+ministers|prime\s+ministers|presidents|members|nations|"
    r"partners|delegations|sides'?\s+leaders|summit\s+leaders|leaders\s+of\s+[\w\s]+)$",
    re.I,
)
_FIRST_PERSON = re.compile(
    r"^(?:we|us|our\s+\w+(?:\s+\w+)?|together,?\s+we|they|both|all\s+of\s+us)$", re.I
)
_PARTY_WORDS = frozenset(
    [
        "the",
        "side",
        "sides",
        "government",
        "governments",
        "delegation",
        "people",
        "of",
        "republic",
        "state",
        "kingdom",
        "federation",
        "union",
        "socialist",
        "democratic",
        "islamic",
        "commonwealth",
        "federal",
        "united",
        "arab",
    ]
)
_PRONOUN = re.compile(r"^(?:he|she|it)$", re.I)
_NOT_SUBJECT = re.compile(
    r"^(?:which|that|who|whom|whose|this|these|those|it|there|such|what|where|when|while|as|and|or|"
    r"to|of|in|on|for|with|by|from|including)\b",
    re.I,
)
_NEW_CLAUSE = re.compile(r"(?:;|,\s*(?:and|while|but|whereas)|\.)\s*$", re.I)
_CLAUSE_START = re.compile(r"(?:[,;:(]|\bthat\b|\bwhere\b|\bwhile\b|\bwhich\b|\bwho\b)", re.I)
_COORDINATION = re.compile(r"(?:,\s*|\s+)(?:and|while|but)\s+(?:then\s+)?$", re.I)
_ACTOR_NOUNS = re.compile(
    r"\b(?:side|sides|leader|leaders|president|presidents|prime\s+minister|minister|ministers|"
    r"government|governments|chancellor|king|emperor|secretary|delegation|delegates|country|"
    r"countries|ministry|ministries|department|agency|council|commission|we|they|he|she|teams?)\b",
    re.I,
)


@dataclass
class Act:
    """A reporting verb found in a sentence, with its subject."""

    start: int  # where the item's text starts in the sentence
    verb_start: int
    verb_end: int
    verb: str
    category: Category
    tense: str
    actors: list[str]


@dataclass
class ItemDraft:
    """An item being built, before entities are attached."""

    text: str
    actors: list[str]
    verb: str
    category: Category
    is_commitment: bool


class ActReader:
    """Finds acts in sentences, resolving subjects to party short names."""

    def __init__(self, resolve_party: Callable[[str], str | None], people: list[Person]) -> None:
        self._resolve_party = resolve_party
        self._people = people

    # Actors -------------------------------------------------------------------

    def actors_of(self, subject: str, previous: list[str] | None) -> list[str] | None:
        """The actors a subject phrase names, or None when it names none."""
        found = self.resolve(subject, previous)
        return found[0] if found else None

    def resolve(self, subject: str, previous: list[str] | None) -> tuple[list[str], str] | None:
        """The actors a subject names and how they were found: ``collective``,
        ``person``, ``party`` or ``generic`` (an actor-like noun phrase)."""
        phrase = _clean_subject(subject)
        if not phrase or _NOT_SUBJECT.match(phrase) or _verb_candidates(phrase):
            return None
        lowered = phrase.lower()
        if _COLLECTIVE.match(lowered) or _FIRST_PERSON.match(lowered):
            if lowered == "they" and previous:
                return previous, "collective"
            return [BOTH], "collective"
        if _PRONOUN.match(lowered):
            return (previous, "person") if previous else None
        if not _proper_noun_phrase(phrase):
            return None
        person = self._person_in(phrase)
        if person is not None and person.party:
            return [person.party], "person"
        parties = self._parties_in(phrase)
        if parties:
            return parties, "party"
        words = phrase.split()
        if (
            len(words) <= 8
            and phrase[:1].isupper()
            and _ACTOR_NOUNS.search(" ".join(words[-4:]))
            and not _verb_candidates(phrase)
        ):
            return [phrase], "generic"
        return None

    def _person_in(self, phrase: str) -> Person | None:
        for person in self._people:
            names = [n for n in re.split(r"[\s,]+", person.name) if len(n) > 2 and n[0].isupper()]
            if any(re.search(rf"\b{re.escape(n)}\b", phrase, re.I) for n in names):
                return person
        lowered = phrase.lower()
        titled = [p for p in self._people if p.title and p.title.lower() in lowered]
        return titled[0] if len(titled) == 1 else None

    def _parties_in(self, phrase: str) -> list[str]:
        """Parties named by a subject made only of party names ("Japan", "the
        Japanese side", "the United States and Japan"), not one that merely
        mentions a party ("the signing of the Exchange of Notes on Japan's")."""
        found: list[str] = []
        for part in re.split(r"\s*(?:,|\band\b|&)\s*", phrase):
            if not part.strip():
                continue
            leftover = [
                w
                for w in re.findall(r"[\w’'.-]+", part)
                if w[:1].islower() and w.lower() not in _PARTY_WORDS
            ]
            party = self._resolve_party(part) if not leftover else None
            if party is None:
                return []
            if party not in found:
                found.append(party)
        return found

    # Acts ---------------------------------------------------------------------

    def acts_in(self, sentence: str, previous: list[str] | None) -> list[Act]:
        """The acts of one sentence, in order."""
        candidates = _verb_candidates(sentence)
        acts: list[Act] = []
        for start, end, pattern_category, tense, verb in candidates:
            if acts and start < acts[-1].verb_end:
                continue
            before = sentence[:start]
            if acts and _coordinated(before[acts[-1].verb_end :], acts[-1].verb, verb):
                coord = _COORDINATION.search(before)
                cut = coord.start() if coord else start
                acts.append(Act(cut, start, end, verb, pattern_category, tense, acts[-1].actors))
                continue
            subject = _subject_before(before)
            if subject is None:
                continue
            resolved = self.resolve(subject, previous)
            if resolved is None:
                continue
            actors, how = resolved
            generic_pledge = pattern_category == "pledge" and tense == "future" and how == "generic"
            if generic_pledge and not _ACTOR_NOUNS.search(subject):
                continue
            start_at = 0
            if acts:
                # a second subject in one sentence starts an act only after "; " or
                # ", and": inside "reaffirmed that the two countries commit to ..."
                # the inner verb belongs to the first act's object
                start_at = before.rfind(subject)
                if not _NEW_CLAUSE.search(before[acts[-1].verb_end : max(start_at, 0)]):
                    continue
            acts.append(Act(start_at, start, end, verb, pattern_category, tense, actors))
        passive = PASSIVE.search(sentence)
        if passive and not any(a.verb_start <= passive.start("verb") < a.verb_end for a in acts):
            agents = self.actors_of(passive.group("actor"), previous)
            if agents and not acts:
                word = passive.group("verb").split()[-1].lower()
                category = PASSIVE_CATEGORY.get(word, "affirmation")
                acts.append(
                    Act(
                        0,
                        passive.start("verb"),
                        passive.end("verb"),
                        passive.group("verb"),
                        category,
                        "past",
                        agents,
                    )
                )
        return acts


_NOUN_PHRASE_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "on",
        "in",
        "at",
        "side",
        "sides",
        "government",
        "governments",
        "delegation",
        "delegations",
        "de",
        "van",
        "von",
        "bin",
        "binti",
        "al",
        "el",
        "la",
        "le",
        "da",
        "du",
        "der",
        "dos",
        "das",
        "y",
        "leader",
        "leaders",
        "president",
        "presidents",
        "minister",
        "ministers",
        "prime",
        "secretary",
        "state",
        "states",
        "ministry",
        "ministries",
        "department",
        "agency",
        "council",
        "commission",
        "countries",
        "country",
        "people",
        "teams",
        "team",
        "representatives",
        "representative",
        "officials",
        "side's",
        "two",
        "both",
        "all",
        "foreign",
    ]
)


def _proper_noun_phrase(phrase: str) -> bool:
    """A subject is a name or an actor noun phrase, not a clause: its lower-case
    words are articles, particles and actor nouns only."""
    for word in re.findall(r"[\w’'.-]+", phrase):
        if word[:1].islower() and word.lower().strip("’'.") not in _NOUN_PHRASE_WORDS:
            return False
    return True


def _verb_candidates(sentence: str) -> list[tuple[int, int, Category, str, str]]:
    """Reporting verbs in a sentence, earliest first, not overlapping."""
    found: list[tuple[int, int, Category, str, str]] = []
    for match in VERBS.finditer(sentence):
        verb = match.group(0)
        if verb[:1].isupper():
            continue  # "State", "Support": a name, not a verb (verbs follow their subject)
        pattern = VERB_PATTERNS[int((match.lastgroup or "v0")[1:])]
        found.append((match.start(), match.end(), pattern.category, pattern.tense, verb))
    return found


def _subject_before(before: str) -> str | None:
    text = before.rstrip()
    if not text:
        return None
    cut = max((m.end() for m in _CLAUSE_START.finditer(text)), default=0)
    subject = text[cut:].strip()
    subject = ADVERBS.sub("", subject).strip()
    if not subject or len(subject.split()) > 12:
        return None
    return subject


def _clean_subject(subject: str) -> str:
    phrase = re.sub(
        r"^(?:also|further|in\s+this\s+(?:regard|context),?|moreover|furthermore|finally|then)\s+",
        "",
        subject.strip(),
        flags=re.I,
    )
    phrase = re.sub(
        r"^(?:both\s+)?(?:h\.e\.|his\s+excellency|her\s+excellency|mr\.?|ms\.?|mrs\.?|dr\.?)\s+",
        "",
        phrase,
        flags=re.I,
    )
    return phrase.strip(" ,")


_PAST_IRREGULAR = frozenset(
    [
        "took",
        "undertook",
        "shared",
        "held",
        "made",
        "gave",
        "paid",
        "met",
        "saw",
        "sought",
        "stood",
        "understood",
        "reaffirmed",
    ]
)


def _is_past(verb: str) -> bool:
    words = [w.lower() for w in verb.split()]
    first = next((w for w in words if not w.endswith("ly")), words[0])
    return first.endswith("ed") or first in _PAST_IRREGULAR


def _coordinated(between: str, first_verb: str, verb: str) -> bool:
    """'welcomed X and expressed Y': a second verb sharing the first one's subject.

    It must follow "and" and agree in tense with the first verb, so that "to develop
    and support" or "the progress of support" do not start a new act."""
    if not _COORDINATION.search(between) or "\n" in between:
        return False
    if re.search(r"\bto\s+[a-z]+(?:\s+[a-z]+)?\s*,?\s+and\s+$", between):
        return False
    if re.match(r"(?:will|shall)\b", verb, re.I):
        return True  # "discussed X and will continue to work ..."
    return _is_past(first_verb) == _is_past(verb)


def has_act(text: str) -> bool:
    """Whether a text holds a reporting act by a plausible actor (a cheap check
    used to tell an opening paragraph from the body of an unnumbered statement)."""
    reader = ActReader(lambda _phrase: None, [])
    return any(reader.acts_in(sentence, None) for sentence in split_sentences(text))


_PARTICIPLE_TABLE: tuple[tuple[str, Category, bool], ...] = (
    (
        r"committing\s+(?:themselves\s+)?to|resolving\s+to|determined\s+to|pledging\s+to",
        "pledge",
        True,
    ),
    (r"desiring\s+to|seeking\s+to|intending\s+to|aiming\s+to", "intention", True),
    (r"deciding\s+to|agreeing\s+(?:to|on|that)", "agreement", True),
    (r"welcoming|commending|congratulating", "welcome", False),
    (
        r"appreciating|expressing\s+(?:their|its)\s+(?:gratitude|appreciation)",
        "appreciation",
        False,
    ),
    (
        r"affirming|reaffirming|recognising|recognizing|recalling|noting|acknowledging|"
        r"emphasi[sz]ing|stressing|underlining|underscoring|reiterating|considering|"
        r"convinced|mindful|bearing\s+in\s+mind|taking\s+into\s+account|sharing",
        "affirmation",
        False,
    ),
)
_PARTICIPLES: tuple[tuple[re.Pattern[str], Category, bool], ...] = tuple(
    (re.compile(rf"^(?P<verb>{pattern})\b", re.I), category, commits)
    for pattern, category, commits in _PARTICIPLE_TABLE
)


def read_participial_clause(text: str, actors: list[str]) -> ItemDraft | None:
    """A declaration's participial clause ("Affirming that ...;", "Committing to
    ...;") is an act of the subject line that opens the declaration."""
    for pattern, category, commits in _PARTICIPLES:
        match = pattern.match(text.strip())
        if match:
            return ItemDraft(
                text=text.strip(),
                actors=actors,
                verb=re.sub(r"\s+", " ", match.group("verb")),
                category=category,
                is_commitment=commits,
            )
    return None


def read_items(text: str, reader: ActReader, *, fallback: bool) -> list[ItemDraft]:
    """The items of one paragraph.

    With ``fallback``, a paragraph with no act still yields one ``affirmation``
    item spoken by both sides, so that every body paragraph is on the matrix.
    """
    drafts: list[ItemDraft] = []
    leading: list[str] = []
    previous: list[str] | None = None
    for sentence in split_sentences(text):
        acts = reader.acts_in(sentence, previous)
        if not acts:
            if drafts:
                drafts[-1].text = f"{drafts[-1].text} {sentence}"
            else:
                leading.append(sentence)
            continue
        for i, act in enumerate(acts):
            end = acts[i + 1].start if i + 1 < len(acts) else len(sentence)
            piece = sentence[act.start : end].strip(" ,;")
            piece = re.sub(r"^(?:and|while|but)\s+", "", piece, flags=re.I)
            tail = sentence[act.verb_end : end]
            drafts.append(
                ItemDraft(
                    text=_sentence_case(piece),
                    actors=act.actors,
                    verb=re.sub(r"\s+", " ", act.verb.strip()),
                    category=_category(act, tail),
                    is_commitment=_commits(act, tail),
                )
            )
            previous = act.actors
        if leading:
            drafts[-len(acts)].text = " ".join([*leading, drafts[-len(acts)].text])
            leading = []
    if leading:
        if drafts:
            drafts[-1].text = f"{drafts[-1].text} {' '.join(leading)}"
        elif fallback:
            joined = " ".join(leading)
            drafts.append(
                ItemDraft(
                    text=joined,
                    actors=[BOTH],
                    verb="",
                    category="affirmation",
                    is_commitment=bool(re.search(r"\b(?:will|shall)\s+(?!be\b)\w+", joined))
                    and bool(re.search(r"\b(?:we|our|both|the two)\b", joined, re.I)),
                )
            )
    return drafts


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _category(act: Act, tail: str) -> Category:
    if act.category == "agreement" and AFFIRMING_OBJECT.match(tail):
        return "affirmation"
    if act.category == "affirmation" and re.match(
        r"^\s*that\s+(?:they|the\s+two\s+\w+|both\s+\w+|we)\s+(?:would|will|shall)\b", tail, re.I
    ):
        return "agreement"
    return act.category


_INNER_COMMITMENT = re.compile(
    r"^\s*that\s+[^;]{0,100}?\b(?:will|shall|would|commit|commits|are\s+committed|"
    r"remain\s+committed|are\s+determined|intend)\b(?!\s+be\b)",
    re.I,
)


def _commits(act: Act, tail: str) -> bool:
    category = _category(act, tail)
    if category in ("pledge",):
        return True
    if category != act.category and category == "agreement":
        return True  # "shared the view that they would ..."
    if category == "intention":
        return not HOPING.search(act.verb)
    if category == "agreement":
        if act.tense == "past":
            return bool(FUTURE_OBJECT.search(tail))
        return not AFFIRMING_OBJECT.match(tail)
    if category == "invitation":
        return False
    if category == "affirmation":
        return bool(COMMITTING_OBJECT.match(tail)) or (
            act.category == "affirmation"
            and bool(_INNER_COMMITMENT.match(tail))
            and not re.match(r"^\s*that\s+(?:this|the\s+(?:joint|statement|visit))", tail, re.I)
        )
    # welcome, appreciation: only when what is welcomed is still to come
    return bool(FUTURE_OBJECT.search(tail))
