"""Stage 3 of the parser: paragraphs -> statement items.

An item is one actor with one reporting verb and its complement.  In each
sentence we find the reporting verbs (:mod:`.verbs`) that have an actor as their
subject (:mod:`.actors`), or that continue the act before them after "and"
(sharing its subject); each starts an item, whose category the verb's rule
decides from the complement (:mod:`.acts`) and whose commitment follows from the
category (:mod:`.commitments`).  Sentences without an act attach to the act
before them (or, at a paragraph's start, to the act after them).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import msgspec

from ..model import Category, Person
from .actions import action_table, coordinated_verbs, is_adverb
from .actors import BOTH, PERSONAL_PRONOUNS, ActorResolver, Actors, clean_subject
from .acts import (
    ADVERBS,
    IMPERSONAL,
    PASSIVE,
    PASSIVE_CATEGORY,
    SHARED_PREDICATE,
    decide_category,
)
from .commitments import is_commitment
from .lazy import LazyPattern
from .sentences import split_sentences
from .verbs import VerbEntry, VerbMatch, verb_forms, verb_table, word_set

_CLAUSE_BOUNDARY = re.compile(
    r"[;:(]|\b(?:that|which|who|whom|whose|where|whereas|while|when|if|because|although|"
    r"though|whether|so\s+as)\b",
    re.I,
)
_NEW_CLAUSE = LazyPattern(
    r"(?:;|:|,\s*(?:and|while|but|whereas)|\.)\s*(?:(?:in|on|to|at|with|for|from|under|"
    r"through|by)\s+[^,;]{1,40},\s*)?$",
    re.I,
)
_COORDINATION = re.compile(
    r"(?:(?:,\s*|\s+)(?:and|while|but|as\s+well\s+as)"
    r"(?:\s+(?:also|further|then|hereby|thereby|[a-z]+ly))*\s+|"
    r"[;,]?\s*(?:(?:and|or)\s*)?\n\s*[-•*]\s+)$",  # a list item: "we will:\n- X;\n- Y"
    re.I,
)
_SHARED_OBJECT = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as)(?:\s+(?:also|further|then|hereby|[a-z]+ly))*\s*", re.I
)
#: a verb after one of these is a noun ("our support", "the note of")
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|our|their|its|his|her|this|that|these|those|of|for|with|by|to|from|in|"
    r"on|at|as|whose|such|no|any|each|every|continued|strong|full|firm|own)|[’']s)\s+$",
    re.I,
)
#: a modal right after a word: the word is a noun, the subject of the modal
_MODALS = word_set("will shall would can could should must may")
_RELATIVE_OPENERS = word_set("in at during by on last earlier")
#: a participle that modifies the noun before it: "the Partnership established in 2023",
#: "the Statement adopted at the Summit", "the plan announced by Japan"
_REDUCED_RELATIVE = LazyPattern(
    r"\s+(?:in\s+(?:\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)|(?:at|during)\s+the\s+[A-Z]|by\s+(?:the\s+)?[A-Z]|on\s+\d|last\s+|"
    r"earlier\s+)"
)
#: a verb that is also a noun, before a preposition ("support for", "note of")
_NOUN_AFTER = re.compile(r"^\s*(?:(?:for|of|from|in|on|to|at|by|over|among)\b|,|\.|;)", re.I)
#: subject words that end a larger noun phrase rather than start one ("the visit of")
_INSIDE_PHRASE = word_set("of the a an for with by to from in on at between among through under")
#: a sentence opened by a subordinate or participial clause ("Recognizing ..., we")
_OPENER = LazyPattern(
    r"^(?:[A-Z][a-z]+ing|Given|As|While|Whereas|Although|Though|If|When|With|Since|"
    r"In\s+(?:view|light)\s+of|Based\s+on|Building\s+on|Guided\s+by|Mindful\s+of|"
    r"Convinced|Determined|Inspired|Encouraged|Concerned)\b"
)
_PAST_IRREGULAR = word_set(
    "took undertook shared held made gave paid met saw sought stood understood was were had "
    "said reaffirmed"
)
#: a subject that ends a list of names after a preposition: "of Japan and [the
#: Philippines]" is no subject of its own
_INSIDE_LIST = re.compile(
    r"\b(?:of|between|among|with|for|from|by|in|on)\s+(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*)*(?:\s*,\s*(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)*"
    r"\s*,?\s+(?:and|or)\s+$"
)
#: a complement that only announces what follows ("the two leaders state the following:")
_FOLLOWING = re.compile(r"\s+(?:as\s+follows|the\s+following)\s*[:.]?\s*$", re.I)
#: a perfect auxiliary between a subject and its verb ("have agreed", "had already indicated")
_PERFECT = re.compile(r"\s+(?:has|have|had)(?:\s+(?:already|also|just|now|further|[a-z]+ly))*$")
#: an acronym in brackets just before a verb, after the name it abbreviates
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z0-9.&+-]{1,12}\)\s*$")
#: what opens a subordinate clause just before its subject
_SUBORDINATORS = word_set(
    "that which who whom whose when whenever while if since because although though whereas "
    "once until unless after before"
)
#: openers between a coordinator and the subject of a new clause ("and *together* we")
_CLAUSE_OPENERS = LazyPattern(
    r"(?:[;:,]|\b(?:and|but|while|whereas))\s*(?P<openers>(?:(?:together|also|further|"
    r"furthermore|moreover|additionally|finally|then|today|now|accordingly|likewise|"
    r"in\s+(?:this|that|the\s+same)\s+(?:regard|context|spirit|connection|vein)|"
    r"in\s+addition|to\s+(?:this|that)\s+end|[a-z]+ly)\s*,?\s*)+)$",
    re.I,
)
#: a sentence opened by a name and a verb ("The President gave ...")
_OPENING_NAME = re.compile(
    r"\s*(?P<subject>(?:The\s+|the\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the))*)"
    r"\s+(?:also\s+)?[a-z]+\b"
)
#: a past time that makes a reporting verb narrative ("Two years ago, we pledged")
_PAST_TIME = re.compile(r"\b(?:years?|months?|weeks?|decades?)\s+ago\b", re.I)
#: verbs of state after "continue to": a description, no act ("continue to enjoy")
_STATIVE = LazyPattern(
    r"\s*(?:be|have|enjoy|remain|face|exist|experience|suffer|benefit|thrive|play|serve)\b"
)
_FUTURE_WORDING = LazyPattern(
    r"\b(?:we|our\s+\w+|both\s+(?:sides|countries)|the\s+(?:two\s+)?(?:sides|leaders|countries))"
    r"\b[^.;]{0,60}?\b(?:will|shall)\s+(?!be\b)",
    re.I,
)
#: how the object of a verb that is also a noun or adjective starts ("support the",
#: "noted that", "supports Japan's")
_OBJECT_START = re.compile(
    r"\s+(?:(?:the|a|an|our|their|its|his|her|this|these|those|that|all|any|each|every|such|"
    r"more|further|greater|other|new|efforts?)\b|[A-Z0-9])",
)
#: a sentence opened by its subject and a narrative verb ("The two leaders discussed")
_NARRATED = LazyPattern(
    r"\s*(?:(?:Today|Yesterday|This\s+\w+|On\s+[^,]{3,40}|In\s+[^,]{3,40}),\s*)?"
    r"(?P<subject>(?:[A-Z][\w’'.-]*|the|two|both|we)(?:\s+(?:[A-Z][\w’'.-]*|the|of|and|two|"
    r"both|leaders|sides|ministers|countries))*)\s+(?:also\s+)?"
    r"(?:[a-z]+ed|met|held|took|gave|made|saw|spoke|sent|went|came|began)\b"
)
#: an apposition after a pronoun, set off by commas or dashes: "we, President X
#: of A and President Y of B, reaffirm"; "we – the presidents of A, B and C – met"
_APPOSITION = LazyPattern(
    r"\b(?P<pronoun>[Ww]e|[Tt]hey)\s*(?P<mark>,|–|—|--?)\s+(?:the\s+|[A-Z])[^;:]{2,300}?"
    r"\s*(?P=mark)\s*$"
)
#: a subject, a copula and adjectives that the verb's participle completes: "we
#: stand strong, united and [absolutely committed to]", "we are ready and [committed to]"
_SHARED_COPULA = LazyPattern(
    r"(?:^|[,;]\s*)(?P<subject>(?:[Ww]e|[Tt]hey|[A-Z][^,;]{1,60}?))\s+(?:are|is|remain|remains|"
    r"stand|stands)\s+(?:[a-z]+ly\s+)?[a-z]+(?:\s*,\s*(?:[a-z]+ly\s+)?[a-z]+)*\s*,?\s+and"
    r"(?:\s+[a-z]+ly)*\s*$"
)
#: an aside set off by dashes just before a verb ("X – an affiliate of Y – will")
_DASHED_ASIDE = LazyPattern(r"\s+[–—]\s+[^–—;:]{2,120}?\s+[–—]\s*$")
#: the same set off by dashes inside a sentence ("we – the presidents of ... – met")
_DASHED_APPOSITION = LazyPattern(
    r"\b(?P<pronoun>[Ww]e|[Tt]hey)\s*(?P<mark>–|—|--?)\s+(?:the\s+|[A-Z])[^;:–—]{2,300}?"
    r"\s*(?P=mark)\s*"
)
#: the rule of an action verb that shares the modal before it (:mod:`.actions`)
COORDINATED = "coordinated"
#: a modal phrase that goes on in an infinitive: its verbs complete it
_STEP = re.compile(r"\b(?:continue|work|strive|endeavou?r|seek|aim|try)\s+to\b")
#: an infinitive right after a modal's verb ("will work together to drive")
_INFINITIVE_NEXT = re.compile(r"\s+(?:[a-z]+ly\s+)*to\s+[a-z]+")
#: a perfect auxiliary and its adverbs just before a verb
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)(?:\s+(?:already|just|further|[a-z]+ly))*\s+$")
#: adverbs just before a verb ("once again underscored", "further encourage")
_ADVERBS_BEFORE = re.compile(r"(?:\b(?:hereby|further|once\s+again|again|[a-z]+ly)\s+)+$")
#: words dropped from a verb as written: "also" and connectives ("we therefore endorse")
_CONNECTIVES = word_set("also thereby therefore thus hence then")
#: an owner after a stance noun: "the commitment of the United States"
_OWNER_AFTER = re.compile(
    r"^\s+of\s+(?P<owner>(?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|"
    r"(?:both|the\s+two)\s+[a-z]+))"
)
REVIEW_FAR_SUBJECT = "the verb stands far from its subject"
REVIEW_NO_ACT = "no reporting verb was recognised, but the text speaks of future action"


def review_not_a_party(actor: str) -> str:
    """The review note for an actor that is not one of the statement's parties."""
    return f"the actor {actor!r} is not one of the statement's parties"


class Act(msgspec.Struct):
    """A reporting verb found in a sentence, with its subject."""

    start: int  # where the item's own text starts in the sentence
    verb_start: int
    verb_end: int
    verb: str
    entry: VerbEntry
    actors: list[str]
    subject: str = ""  # the subject as written ("Both sides")
    inherited: bool = False  # no subject of its own: it continues the act before it
    shared: bool = False  # "welcomes and supports X": it shares the next act's object
    category: Category = "affirmation"
    review: list[str] = msgspec.field(default_factory=list)
    phrase: str = ""  # the verb phrase as the table matched it, for category rules
    modal: str = ""  # "will" for an action verb that shares the modal before it
    modal_start: int = -1  # where that modal stands
    subject_start: int = -1  # where its own subject stands (-1: none of its own)


class ItemDraft(msgspec.Struct):
    """An item being built, before entities are attached."""

    text: str
    actors: list[str]
    verb: str
    category: Category
    is_commitment: bool
    review: list[str] = msgspec.field(default_factory=list)
    #: the words of the act itself, without the narrative sentences attached to
    #: it: what the item's entities are read from (empty: the whole text)
    clause: str = ""

    @property
    def own_text(self) -> str:
        """The item's own clause, or its text when it has none of its own."""
        return self.clause or self.text


class _Subject(msgspec.Struct):
    text: str
    start: int
    actors: Actors
    far: bool = False


class ActReader:
    """Finds acts in sentences, resolving subjects to party short names."""

    def __init__(
        self,
        resolve_party: Callable[[str], str | None],
        people: list[Person],
        parties: list[str] | None = None,
        *,
        agencies: dict[str, str] | None = None,
        group_names: frozenset[str] = frozenset(),
    ) -> None:
        self.actors = ActorResolver(
            resolve_party, people, parties, agencies=agencies, group_names=group_names
        )

    def actors_of(self, subject: str, previous: list[str] | None) -> list[str] | None:
        """The actors a subject phrase names, or None when it names none."""
        found = self.actors.resolve(subject, previous)
        return found.names if found else None

    def _owned_by(self, actors: list[str]) -> Callable[[str], bool]:
        """Whether an owner ("Japan's" in "Japan's intention") is these actors."""

        def own(owner: str) -> bool:
            found = self.actors.resolve(re.sub(r"[’']s$", "", owner), None)
            return found is not None and (found.names == actors or actors == [BOTH])

        return own

    def narrator(self, sentence: str) -> list[str] | None:
        """The named actor a sentence without an act opens with ("The President
        gave the Prime Minister a briefing"), whom a "he" after it means."""
        opening = _OPENING_NAME.match(sentence)
        found = self.actors.resolve(opening.group("subject"), None) if opening else None
        return found.names if found is not None and found.how in ("person", "party") else None

    def speaks(self, subject: str) -> bool:
        """Whether a subject is the speakers themselves (a party, a leader, "we",
        "the two countries"), as in "affirmed that *they* will ..."."""
        if subject.strip().lower() in ("it", "he", "she", "they", "we"):
            return True  # "Australia indicated that *it* is prepared to": the actor itself
        found = self.actors.resolve(subject, None)
        return found is not None and found.how != "generic"

    # Acts ---------------------------------------------------------------------

    def acts_in(self, sentence: str, previous: list[str] | None) -> list[Act]:
        """The acts of one sentence, in order, with their categories."""
        acts: list[Act] = []
        for match in _with_coordinated(sentence, verb_table().scan(sentence)):
            if acts and match.start < acts[-1].verb_end:
                continue
            coordinated = match.entry.rule == COORDINATED
            if not coordinated and (_noun_use(sentence, match) or _narrates(sentence, match)):
                continue
            if coordinated and not (acts and _shares_modal(acts[-1], match)):
                continue  # a verb under a modal whose act was not taken
            if acts:
                link = _link(sentence, acts[-1], match)
                if link == "inside":
                    continue
                if link is not None:
                    acts.append(self._continuation(sentence, acts[-1], match, link))
                    continue
            if coordinated:
                continue
            subject = self._subject(sentence[: match.start], previous)
            if subject is not None and (
                self._outsider(subject.actors)
                or (not acts and _subordinate(sentence[: subject.start]))
                or (match.entry.rule in ("weak", "noun") and _after_noun(sentence[: subject.start]))
            ):
                continue  # "Russia continues to ...", "evidence that Russia is committed"
            if subject is None:
                if not acts:
                    narrated = self._narrative_subject(sentence, match, previous)
                    if narrated is not None:
                        acts.append(narrated)
                continue
            if acts and not _starts_clause(sentence[acts[-1].verb_end : subject.start], subject):
                if not _opened(sentence, acts, subject.start):
                    continue  # a verb inside the first act's object
                acts = []  # the acts so far lay in a participial opener
            start = _clause_start(sentence, acts[-1].verb_end, subject.start) if acts else 0
            acts.append(self._act(sentence, match, subject, start=start))
        if not acts:
            acts = self._passive(sentence, previous)
        for n, act in enumerate(acts):
            last = n
            while acts[last].shared and last + 1 < len(acts):
                last += 1  # "welcomes and supports X": X is the object of both
            end = acts[last + 1].start if last + 1 < len(acts) else len(sentence)
            tail = sentence[acts[last].verb_end if act.shared else act.verb_end : end]
            act.category = decide_category(
                act.entry, act.phrase or act.verb, tail, self.speaks, own=self._owned_by(act.actors)
            )
            owner = _stance_owner(act.phrase, tail)
            if owner and not self._owned_by(act.actors)(owner):
                act.verb = _without_object(act.verb)  # "reaffirmed Japan's support", by another
        return acts

    def _act(self, sentence: str, match: VerbMatch, subject: _Subject, start: int) -> Act:
        review = [REVIEW_FAR_SUBJECT] if subject.far else []
        review += [review_not_a_party(a) for a in subject.actors.names if not self._known(a)]
        return Act(
            start=start,
            verb_start=match.start,
            verb_end=match.end,
            verb=_verb_as_written(sentence, match),
            entry=match.entry,
            actors=subject.actors.names,
            subject=clean_subject(subject.text),
            review=review,
            phrase=_phrase(match),
            subject_start=subject.start,
        )

    def _continuation(self, sentence: str, before: Act, match: VerbMatch, link: str) -> Act:
        between = sentence[before.verb_end : match.start]
        coordinator = _COORDINATION.search(between)
        start = before.verb_end + coordinator.start() if coordinator else match.start
        if link == "shared":
            before.shared = True
        modal, modal_start = "", -1
        if isinstance(match, UnderModal):
            modal = before.modal or _modal_word(before.phrase)
            modal_start = match.modal_start
        return Act(
            start=start,
            verb_start=match.start,
            verb_end=match.end,
            verb=match.text if modal else _verb_as_written(sentence, match),
            entry=match.entry,
            actors=before.actors,
            subject=before.subject,
            inherited=True,
            review=list(before.review),
            phrase=_phrase(match),
            modal=modal,
            modal_start=modal_start,
        )

    def _narrative_subject(
        self, sentence: str, match: VerbMatch, previous: list[str] | None
    ) -> Act | None:
        """An act that shares the subject of a narrative verb before it: "The two
        leaders discussed X and will continue to work ..." (a narrative verb such
        as "discussed" is no act; the reporting verb after "and" is)."""
        before = _without_apposition(sentence[: match.start], _DASHED_APPOSITION)
        if not _COORDINATION.search(before) or _CLAUSE_BOUNDARY.search(before):
            return None
        opening = _NARRATED.match(before)
        if opening is None:
            return None
        found = self.actors.resolve(opening.group("subject"), previous)
        if found is None or found.how == "generic":
            return None
        coordinator = _COORDINATION.search(before)
        start = coordinator.start() if coordinator else match.start
        return Act(
            start=start,
            verb_start=match.start,
            verb_end=match.end,
            verb=_verb_as_written(sentence, match),
            entry=match.entry,
            actors=found.names,
            subject=clean_subject(opening.group("subject")),
            inherited=True,
            phrase=_phrase(match),
        )

    def _outsider(self, actors: Actors) -> bool:
        """Whether a subject names only countries that are not parties of the
        statement ("Russia continues to wage its war"): what they do is no act
        of the speakers."""
        parties = self.actors.parties  # one party known: the others may be missing
        return len(parties) > 1 and actors.how == "party" and not set(actors.names) & set(parties)

    def _known(self, actor: str) -> bool:
        return self.actors.is_party(actor)

    def _subject(self, before: str, previous: list[str] | None) -> _Subject | None:
        """The actor named just before a verb: the longest phrase that resolves,
        back to the start of the clause (at most twelve words)."""
        # "the ... Corporation (DFC) intends to": the acronym closes the name
        before = _ACRONYM_AFTER.sub(lambda m: " " * len(m.group()), before)
        before = _without_apposition(before, _APPOSITION)  # "we, the leaders of ..., affirm"
        # "X and Y (CIPE) – an affiliate of Z – will": the aside is no part of the subject
        if "–" in before or "—" in before:
            before = _DASHED_ASIDE.sub(lambda m: " " * len(m.group()), before)
        before = _ACRONYM_AFTER.sub(lambda m: " " * len(m.group()), before)
        cut = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(before)), default=0)
        clause = ADVERBS.sub("", before[cut:].rstrip())
        clause = _PERFECT.sub("", clause)  # "Australia had already indicated"
        alone = re.search(r"(?:^|,?\s+and\s+|,\s+)(both)\s*$", before[cut:], re.I)
        spans = [(m.start() + cut, m.end() + cut) for m in re.finditer(r"[^\s,]+", clause)]
        if alone and (not spans or clause.rstrip().endswith(("and", ","))):
            found = self.actors.resolve("both", previous)  # "..., and both committed to"
            return _Subject("both", cut + alone.start(1), found) if found else None
        if not spans:
            return None
        if before.rstrip().endswith(","):
            # "The two Leaders, recognising ..., reaffirmed": no subject ends with a
            # comma, so the subject opens the clause and an aside follows it
            far = self._far_subject(before, cut, previous)
            if far is not None:
                return far
        shared = _SHARED_COPULA.search(before[cut:]) if " and" in before[-40:] else None
        if shared:  # "we stand strong, united and committed to": the copula's subject
            found = self.actors.resolve(shared.group("subject"), previous)
            if found is not None and found.how != "generic":
                return _Subject(shared.group("subject"), cut + shared.start("subject"), found)
        end = spans[-1][1]
        last = before[spans[-1][0] : end]
        if last.lower() in PERSONAL_PRONOUNS:
            found = self.actors.resolve(last, previous)
            return _Subject(last, spans[-1][0], found) if found else None
        best: _Subject | None = None
        for k in range(1, min(12, len(spans)) + 1):
            start = spans[-k][0]
            if k < len(spans) and before[spans[-k - 1][0] : spans[-k - 1][1]].lower() in (
                _INSIDE_PHRASE
            ):
                continue
            phrase = before[start:end]
            found = self.actors.resolve(phrase, previous)
            # the longest phrase wins, but a name never gives way to a generic phrase
            if found is not None and (
                best is None or found.how != "generic" or best.actors.how == "generic"
            ):
                best = _Subject(phrase, start, found)
        if best is not None:
            coordinator = re.match(r"\s*(?:and|or)\s+", best.text)
            head = before[: best.start + (coordinator.end() if coordinator else 0)]
            if _INSIDE_LIST.search(head):
                return None  # "the economies of Japan and the Philippines will ..."
            return best
        return None

    def _far_subject(self, before: str, cut: int, previous: list[str] | None) -> _Subject | None:
        """The subject that opens a clause whose verb follows an aside ("The
        Japanese side, considering ..., expressed"; "A and B, under the leadership
        of ..., affirm"; "The Joint Committee meeting in Tokyo, co-chaired by ...,
        reiterated"): the earliest run of its comma-separated pieces that names an
        actor, or the name that opens such a piece."""
        pieces = [(m.start() + cut, m.group()) for m in re.finditer(r"[^,]+", before[cut:])]
        for i in range(len(pieces)):
            for j in range(len(pieces) - 1, i, -1):
                start = pieces[i][0]
                phrase = before[start : pieces[j - 1][0] + len(pieces[j - 1][1])]
                words = phrase.split()
                for n in range(min(len(words), 12), 0, -1) if j == i + 1 else (len(words),):
                    candidate = " ".join(words[:n])
                    found = self.actors.resolve(candidate, previous)
                    if found is not None and found.how != "generic":
                        at = start + len(phrase) - len(phrase.lstrip())
                        # a short aside ("Japan, for its part, intends") is no weak evidence
                        aside = before[at + len(candidate) :].split()
                        return _Subject(candidate, at, found, far=len(aside) > 6)
        return None

    def _passive(self, sentence: str, previous: list[str] | None) -> list[Act]:
        """A passive act: "was underlined by the Japanese side", "It was agreed that"."""
        impersonal = IMPERSONAL.match(sentence)
        if impersonal:
            word = impersonal.group("verb").lower()
            # "it was decided that": a decision, whatever it decides; "agreed that" may judge
            entry = VerbEntry(word, "agreement", "agrees" if word == "agreed" else "")
            verb = sentence[impersonal.start("aux") : impersonal.end("verb")]
            verb = " ".join(w for w in verb.split() if w.lower() not in _CONNECTIVES)
            return [Act(0, 0, impersonal.end("verb"), verb, entry, [BOTH], subject="")]
        passive = PASSIVE.search(sentence)
        if not passive:
            return []
        agents = self.actors_of(passive.group("actor"), previous)
        if not agents:
            return []
        word = passive.group("verb").split()[-1].lower()
        entry = VerbEntry(word, PASSIVE_CATEGORY.get(word, "affirmation"), "")
        start, end = passive.start("verb"), passive.end("verb")
        return [Act(0, start, end, passive.group("verb"), entry, agents)]


def _without_apposition(text: str, pattern: LazyPattern) -> str:
    """A text with the apposition after a pronoun blanked out (the same length,
    so that positions hold): "we, President X of A and President Y of B," is
    "we" for the verb after it."""
    lowered = text.lower()
    if not ("we" in lowered or "they" in lowered) or not any(c in text for c in ",–—-"):
        return text

    def blank(found: re.Match[str]) -> str:
        pronoun = found.group("pronoun")
        return pronoun + " " * (len(found.group()) - len(pronoun))

    return pattern.sub(blank, text)


def _narrates(sentence: str, match: VerbMatch) -> bool:
    """A reporting verb that tells what happened rather than acts: after a past
    time ("Two years ago our nations pledged"), "continue to" with a verb of
    state ("continue to enjoy"), a courtesy call ("called on President X")."""
    before = sentence[: match.start]
    clause = before[max((m.end() for m in _CLAUSE_BOUNDARY.finditer(before)), default=0) :]
    if _PAST_TIME.search(clause) and _tense(match.text) == "past":
        return True
    lemma = match.entry.phrase.split()[0].split("/")[0].split("|")[0]
    if _PERFECT_BEFORE.search(before) and lemma in action_table().verbs:
        return True  # "we have launched a proposal": what was done, not an act
    after = sentence[match.end :]
    if match.entry.rule == "continues" and _STATIVE.match(after):
        return True
    if _FOLLOWING.match(after):
        return True  # a framing act: "the leaders state the following:"
    if re.match(r"call(?:s|ed)?\s+(?:on|upon)$", match.text.strip(), re.I):
        return not re.match(r"[^.;]*?\b(?:to\s+[a-z]+|for)\b", after)
    return False


def _after_noun(before: str) -> bool:
    """Whether a subject follows a name with nothing between ("the Partnership
    both countries share"): a relative clause without "that", no act."""
    return bool(re.search(r"\b[A-Z][a-z]+\s+$", before)) and not re.search(
        r"(?:^|[.;:,]\s*)(?:[A-Z][a-z]+)\s+$", before
    )


def _subordinate(before: str) -> bool:
    """Whether a subject opens a subordinate clause ("... evidence that Russia is
    committed", "As we celebrate the anniversary, ..."): with no act before it in
    the sentence, the clause is narrative or sets the scene for the main one."""
    words = before.lower().split()
    if not words:
        return False
    if words[-1] == "as":  # not "such as", "as well as", "so as"
        return len(words) < 2 or words[-2] not in ("such", "well", "so")
    return words[-1] in _SUBORDINATORS


def _noun_use(sentence: str, match: VerbMatch) -> bool:
    """A verb form used as a noun: "our support", "Japan's support", "support for"."""
    if _NOUN_BEFORE.search(sentence[: match.start]):
        return True
    transitive = match.entry.category == "agreement" and " " not in match.entry.phrase
    after = sentence[match.end : match.end + 10].split(None, 1)
    transitive = transitive and bool(after) and after[0] in _RELATIVE_OPENERS
    if transitive and match.text.endswith("ed") and _REDUCED_RELATIVE.match(sentence, match.end):
        return True  # "the Partnership established in 2023": a participle with no object
    following = sentence[match.end : match.end + 12].split(None, 1)
    if match.entry.rule != "modal" and following and following[0] in _MODALS:
        return True  # "Central Asian states will ...": a verb is not followed by "will"
    return match.entry.rule in ("weak", "noun") and bool(_NOUN_AFTER.match(sentence[match.end :]))


def _tense(verb: str) -> str:
    words = [w.lower() for w in verb.split()]
    first = next((w for w in words if not w.endswith("ly")), words[0])
    if first in ("will", "shall"):
        return "future"
    return "past" if first.endswith("ed") or first in _PAST_IRREGULAR else "present"


class UnderModal(VerbMatch, frozen=True):
    """An action verb that shares the modal at ``modal_start``."""

    modal_start: int = 0


def _with_coordinated(sentence: str, matches: list[VerbMatch]) -> list[VerbMatch]:
    """The table's matches with the action verbs that share a modal before them
    ("will strengthen X, *provide* Y"); such a verb replaces the table's match at
    the same place ("and *support* Z" under "will" is a pledge), unless the
    table holds a longer phrase there ("and continue to ...")."""
    extra: list[VerbMatch] = []
    for n, match in enumerate(matches):
        if match.entry.rule != "modal" or _STEP.search(match.text):
            continue
        if _INFINITIVE_NEXT.match(sentence, match.end):
            continue  # "will work together to drive X, evolve Y": the infinitive's verbs
        limit = next(
            (m.start for m in matches[n + 1 :] if m.entry.rule == "modal" or _reports(m)),
            len(sentence),
        )
        for found in coordinated_verbs(sentence, match.end, limit):
            word = found.text.split()[-1]
            entry = VerbEntry(word, "pledge", COORDINATED)
            extra.append(
                UnderModal(found.verb_start, found.verb_end, found.text, entry, match.start)
            )
    if not extra:
        return matches
    longer = [m for m in matches if " " in m.entry.phrase and m.entry.rule != "modal"]
    extra = [e for e in extra if not any(m.start <= e.start < m.end for m in longer)]
    kept = [m for m in matches if not any(e.start < m.end and m.start < e.end for e in extra)]
    return sorted(kept + extra, key=lambda m: m.start)


def _shares_modal(before: Act, match: VerbMatch) -> bool:
    """Whether an action verb under a modal follows that modal's own act (or
    another verb under it), rather than an act of another clause."""
    modal = match.modal_start if isinstance(match, UnderModal) else -1
    return before.verb_start == modal or before.modal_start == modal


def _reports(match: VerbMatch) -> bool:
    """A reporting verb of its own ("welcome", "call on"), which no modal before
    it reaches, rather than an action ("support", "launch")."""
    entry = match.entry
    return entry.category not in ("pledge", "agreement") and entry.rule != "weak"


def _phrase(match: VerbMatch) -> str:
    return " ".join(match.text.split())


def _modal_word(phrase: str) -> str:
    first = phrase.split()[0].lower() if phrase.split() else ""
    return first if first in ("will", "shall") else ""


def _stance_owner(phrase: str, tail: str) -> str:
    """Who owns the stance noun a verb phrase holds: "Japan's" in "reaffirmed
    Japan's support", "the United States" in "reiterated the commitment of the
    United States"; empty when the phrase names no owner."""
    owner = re.search(r"\b(?:[A-Z][\w.-]*(?:[’']s|[’'])|(?:[A-Z]\.){2,})(?=\s)", phrase)
    if owner and owner.start() > 0:
        return owner.group()
    after = _OWNER_AFTER.match(tail)
    if after and re.search(r"\s(?:the|a)\s", phrase):
        return after.group("owner")
    return ""


def _without_object(verb: str) -> str:
    """A verb phrase without the stance noun it held ("reaffirmed Japan's support"
    -> "reaffirmed"), when the noun is someone else's."""
    return re.split(r"\s+(?=(?:the|a|an|our|their|its|his|her)\b|[A-Z])", verb, maxsplit=1)[0]


def _link(sentence: str, before: Act, match: VerbMatch) -> str | None:
    """How a verb after an earlier act of the sentence relates to it:
    ``shared`` ("welcomes and supports X": two acts, one object), ``own``
    ("welcomed X and expressed Y": a second act with its own object, sharing the
    subject), ``inside`` (it belongs to the earlier act's object: "to develop and
    support", "will strengthen X and support Y"), or None (a new clause, which
    needs a subject of its own)."""
    between = sentence[before.verb_end : match.start]
    if match.entry.rule == COORDINATED:  # bullets under "we will:" too
        return "shared" if _SHARED_OBJECT.fullmatch(between) else "own"
    if re.search(r"\n\s*(?:[-•*]|\(?[a-z0-9]{1,3}[.)])\s", between):
        return None  # a list item of its own
    modal, was_modal = match.entry.rule == "modal", before.entry.rule == "modal"
    weak = match.entry.rule in ("weak", "noun")
    listed = (
        re.search(r"[,;]\s*$", between)
        and (not weak or (_tense(match.text) == "past" and match.text.strip().endswith("ed")))
        and (modal == was_modal)
        and (modal or _tense(before.verb) == _tense(match.text))
        and not re.match(r"\s*(?:by|in|on|at|with|during|under|for)\b", sentence[match.end :])
    )  # "We recognised X, welcomed Y and urged Z"; "will help X, will support Y"
    if not (_COORDINATION.search(between) or listed):
        return None
    if _singular(match) and (len(before.actors) > 1 or before.actors == [BOTH]):
        return None  # "we are committed to ensuring X is aligned and continues to": X's verb
    if not modal and _plain(match) and _one_subject(before):
        return None  # "the Chinese side expressed the hope that X will honor ... and support"
    if (
        not modal
        and _tense(match.text) == "past"
        and _tense(before.verb) == "present"
        and not _OBJECT_START.match(sentence[match.end :])
        and not re.match(r"\s+(?:to|that|on|upon|with|in|for)\b", sentence[match.end :])
    ):
        return None  # "on voluntary and mutually agreed terms": an adjective
    if weak and not _OBJECT_START.match(sentence[match.end :]):
        return None  # "and shared prosperity": an adjective, not a verb
    if was_modal and not modal and (weak or _acts_under_modal(match)):
        return "inside"  # one modal, several verbs: "will strengthen X, and support Y"
    infinitive = before.verb.endswith(" to") or re.search(r"\bto\s+[a-z]+\b[^;]*$", between)
    if weak and infinitive and _tense(match.text) != "past":
        return "inside"  # "agreed to develop and support ..."
    if _SHARED_OBJECT.fullmatch(between):
        return "shared"
    if modal or _tense(before.verb) == _tense(match.text) or not weak or not listed:
        return "own"  # a weak verb after "and" has shown its object above
    return None


def _singular(match: VerbMatch) -> bool:
    """Whether a verb is written in the third person singular ("continues",
    "commits"), which cannot share a plural subject."""
    word = match.text.split()[0].lower() if match.text.split() else ""
    first = match.entry.phrase.split()[0] if match.entry.phrase.split() else ""
    return any(verb_forms(lemma)[1] == word for lemma in first.split("|") if lemma != "be")


def _plain(match: VerbMatch) -> bool:
    """Whether a verb is written in its plain form ("support", "appreciate"),
    which a singular subject cannot take."""
    word = match.text.split()[0].lower() if match.text.split() else ""
    first = match.entry.phrase.split()[0] if match.entry.phrase.split() else ""
    return any(lemma.split("/")[0] == word for lemma in first.split("|") if lemma != "be")


def _one_subject(act: Act) -> bool:
    """Whether an act's subject is one party or person, written in the singular
    ("the Chinese side", "Japan", "President Santos"), not "we" or a list."""
    subject = act.subject.lower()
    plural = subject in PERSONAL_PRONOUNS or re.search(r"\b(?:and|sides|leaders|both)\b", subject)
    return len(act.actors) == 1 and act.actors != [BOTH] and bool(subject) and not plural


def _acts_under_modal(match: VerbMatch) -> bool:
    """A one-word action verb after "will ... and" shares the modal ("will launch X
    and establish Y"); a reporting phrase ("stand ready to", "reaffirm") does not."""
    return " " not in match.entry.phrase and match.entry.category in ("pledge", "agreement")


def _starts_clause(between: str, subject: _Subject) -> bool:
    """Whether a subject after an earlier act starts a clause of its own: after
    ";", ", and", "and", or, for a pronoun ("and on JETPs, we will ..."), after any
    comma outside a relative or "that" clause."""
    lead = re.match(r"\s*(?:and|but|while|whereas)\b", subject.text, re.I)
    if lead:  # the subject was read with its coordinator: ", and President X"
        between += subject.text[: lead.end()]
    if _NEW_CLAUSE.search(between) or re.search(r"\s(?:and|but|while|whereas)\s*$", between):
        return True
    pronoun = subject.text.strip().lower() in PERSONAL_PRONOUNS
    return pronoun and "," in between and not _CLAUSE_BOUNDARY.search(between)


def _clause_start(sentence: str, low: int, subject_start: int) -> int:
    """Where the clause of a second subject starts: with the openers between its
    coordinator and the subject ("..., and together we stand with ...",
    "...; in this regard, they welcome ..."), so that the item reads as written."""
    head = sentence[low:subject_start]
    found = _CLAUSE_OPENERS.search(head)
    return low + found.start("openers") if found else subject_start


def _opened(sentence: str, acts: list[Act], subject_start: int) -> bool:
    """Whether the acts found so far lay in a participial or subordinate opener
    ("Recognizing that Japan will ..., both sides ...") that ends before this
    subject."""
    if not _OPENER.match(sentence):
        return False
    first = acts[0].subject_start
    if first > 0 and sentence[:first].rstrip().endswith(","):
        return False  # "Looking ahead, the leaders express ...": the opener had ended
    comma = sentence.rfind(",", 0, subject_start)
    return comma >= 0 and all(act.verb_end <= comma for act in acts)


def _verb_as_written(sentence: str, match: VerbMatch) -> str:
    """The verb as written: with the adverbs just before it ("strongly condemn",
    "once again underscored", "further encourage", "hereby establish") or just
    after a one-word verb ("welcomed once again", "state unequivocally"), with
    "continue to" the verb it continues ("continue to deliver"), without "also"
    and connectives ("therefore", "thereby")."""
    words = match.text.split()
    perfect = _PERFECT_BEFORE.search(sentence[: match.start])
    before = _ADVERBS_BEFORE.search(sentence[: match.start])
    if perfect and match.entry.rule != "modal":
        words = perfect.group().split() + words  # "had already indicated", "have agreed to"
        before = None
    if before:
        leading = before.group().split()
        while leading and not _leading_adverb(leading[0], leading[1:]):
            leading.pop(0)
        words = leading + words
    after = sentence[match.end :]
    if " " not in match.text.strip():
        trailing = re.match(r"\s+(once\s+again|again|[a-z]+ly)\b(?!\s*,)", after)
        if trailing and (trailing.group(1).endswith("again") or is_adverb(trailing.group(1))):
            words += trailing.group(1).split()
    elif match.entry.rule == "continues":
        words += _continued(after)
    elif match.entry.rule == "commits" and (shared := SHARED_PREDICATE.match(after)):
        words += shared.group().split()  # "committed to and invested in"
    return " ".join(w for w in words if w.lower() not in _CONNECTIVES)


def _leading_adverb(word: str, rest: list[str]) -> bool:
    """Whether the first word of an adverb run before a verb belongs to it."""
    if word in ("hereby", "further", "again") or (word == "once" and rest[:1] == ["again"]):
        return True
    return is_adverb(word)


def _continued(after: str) -> list[str]:
    """The verb "continue to" continues, as written: a reporting phrase ("look
    forward to", "support") or the next lexical verb ("deliver")."""
    stripped = after.lstrip()
    inner = verb_table().scan(stripped)
    if inner and inner[0].start == 0 and inner[0].entry.rule != "modal":
        return inner[0].text.split()
    word = re.match(r"(?:[a-z]+ly\s+)*[a-z]+\b", stripped)
    return word.group().split() if word else []


def has_act(text: str) -> bool:
    """Whether a text holds a reporting act by a plausible actor (a cheap check
    used to tell an opening paragraph from the body of an unnumbered statement).
    Countries count as actors ("The United States, Japan, and the Republic of
    Korea condemn ..."): the parties are not known yet at that stage."""
    reader = ActReader(_country, [])
    return any(reader.acts_in(sentence, None) for sentence in split_sentences(text))


def _country(phrase: str) -> str | None:
    """The short name of the country a phrase names, a party or not."""
    from .gazetteer import find_country

    country = find_country(phrase)
    return country.name if country else None


class LeadIn(msgspec.Struct, frozen=True):
    """A formula that ends with a colon and announces the points after it ("WE
    HEREBY DECLARE:", "The Ministers decided:"): a point that opens with an
    infinitive ("To work together to ...") completes it, and is its item."""

    actors: list[str]
    verb: str  # as written
    entry: VerbEntry
    phrase: str  # as the table matched it, for the category rules


#: a point that completes a lead-in: it opens with an infinitive
_INFINITIVE_POINT = LazyPattern(r"^\s*[Tt]o\s+(?:[a-z]+ly\s+)?[a-z]+")


def lead_in(text: str, reader: ActReader) -> LeadIn | None:
    """The lead-in a paragraph ends with, if any: its last sentence ends with a
    colon and holds a reporting verb (a line in capitals is read in lower case).
    With no subject of its own ("HEREBY DECLARE:" after "WE, the Leaders ...;"),
    the speakers of the declaration act."""
    if not text.rstrip().endswith(":"):
        return None
    sentences = split_sentences(text)
    if not sentences:
        return None
    last = sentences[-1]
    probe = last.lower() if last.upper() == last else last
    probe = _FOLLOWING.sub(":", probe)  # "decided the following:" announces the points
    acts = reader.acts_in(probe, None)
    if acts:
        act = acts[-1]
        return LeadIn(act.actors, act.verb, act.entry, act.phrase or act.verb)
    found = [m for m in verb_table().scan(probe) if m.entry.rule != "modal"]
    if not found:
        return None
    match = found[-1]
    return LeadIn([BOTH], _verb_as_written(probe, match), match.entry, _phrase(match))


def completes(text: str, lead: LeadIn | None) -> bool:
    """Whether a paragraph is a point that completes a lead-in ("To deepen ...")."""
    return lead is not None and bool(_INFINITIVE_POINT.match(text))


def point_item(text: str, lead: LeadIn, reader: ActReader) -> ItemDraft:
    """The item of a point that completes a lead-in: the lead-in's actor and
    verb, with the point as its complement ("WE HEREBY DECLARE: 1. To deepen
    ..." is a pledge to deepen)."""
    complement = " " + text.strip()[:1].lower() + text.strip()[1:]
    category = decide_category(lead.entry, lead.phrase, complement, reader.speaks)
    return ItemDraft(
        text=text.strip(),
        actors=lead.actors,
        verb=lead.verb,
        category=category,
        is_commitment=is_commitment(category, lead.verb, complement),
    )


def read_items(text: str, reader: ActReader, *, fallback: bool) -> list[ItemDraft]:
    """The items of one paragraph.

    With ``fallback``, a paragraph with no act whose text speaks of the speakers'
    future action still yields one item, marked for review, so that a possible
    commitment is not lost without a trace.
    """
    drafts: list[ItemDraft] = []
    leading: list[str] = []
    previous: list[str] | None = None
    for sentence in split_sentences(text):
        acts = reader.acts_in(sentence, previous)
        if not acts:
            previous = reader.narrator(sentence) or previous  # "The President gave ... He"
            if drafts:
                drafts[-1].text = f"{drafts[-1].text} {sentence}"
            else:
                leading.append(sentence)
            continue
        for n, act in enumerate(acts):
            drafts.append(_draft(sentence, acts, n))
            previous = act.actors
        if leading:
            drafts[-len(acts)].text = " ".join([*leading, drafts[-len(acts)].text])
            leading = []
    if leading:
        joined = " ".join(leading)
        if drafts:
            drafts[-1].text = f"{drafts[-1].text} {joined}"
        elif fallback and _FUTURE_WORDING.search(joined):
            drafts.append(
                ItemDraft(joined, [BOTH], "", "affirmation", False, review=[REVIEW_NO_ACT])
            )
    return drafts


def _draft(sentence: str, acts: list[Act], n: int) -> ItemDraft:
    """The item of the ``n``-th act of a sentence."""
    act = acts[n]
    first = n
    while first > 0 and acts[first - 1].shared:
        first -= 1  # "welcomes and supports X": the text of the whole group
    last = n
    while acts[last].shared and last + 1 < len(acts):
        last += 1
    end = acts[last + 1].start if last + 1 < len(acts) else len(sentence)
    piece = sentence[acts[first].start : end].strip(" ,;")
    piece = re.sub(r"^(?:(?:and|or)\s*)?\n\s*[-•*]\s+", "", piece)  # a list item's mark
    piece = re.sub(r"^(?:and|while|but|as\s+well\s+as)\s+", "", piece, flags=re.I)
    if acts[first].inherited and acts[first].subject:
        subject = acts[first].subject.strip()
        if acts[first].modal:
            subject = f"{subject} {acts[first].modal}"  # "We will provide ..."
        piece = f"{subject} {piece}"
    own_end = acts[n + 1].start if n + 1 < len(acts) else len(sentence)
    tail = sentence[acts[last].verb_end if act.shared else act.verb_end : own_end]
    if act.shared:
        tail = sentence[acts[last].verb_end : end]
    return ItemDraft(
        text=_sentence_case(piece),
        actors=act.actors,
        verb=act.verb,
        category=act.category,
        is_commitment=is_commitment(act.category, act.verb, tail),
        review=list(dict.fromkeys(act.review)),
        clause=_sentence_case(piece),
    )


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
