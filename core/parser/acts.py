"""What follows a reporting verb, and what it does to the act's category.

The verb table (:mod:`.verbs`, ``data/verbs.tsv``) gives each verb a category
and a rule; the rules below read the verb's complement:

- ``states`` (affirm, reaffirm, reiterate, express, announce ...): an embedded
  act decides.  "reaffirmed their commitment to strengthen ..." is a pledge,
  "... to the G20" an affirmation; "their intention / willingness to ..." an
  intention; "their hope / expectation ..." an affirmation; "our decision" an
  agreement; "that they will ..." (the speakers' own future act) a pledge, "that
  they intend to ..." an intention.
- ``commits`` (commit to, are committed to): + an action is a pledge, + a
  principle or an institution ("to the G20", "to high standards") an affirmation.
- ``agrees`` (agreed, concurred): "on the importance of" and "that" + a judgement
  ("the talks had been useful") are affirmations; "that" + what the parties or
  their officials will or should do is an agreement.
- ``looks`` (look forward to): + the speakers' own action ("discussing",
  "further work", "meetings") is an intention, + an event others hold or an
  outcome ("a successful conference") an affirmation.
- ``tasks`` (instruct, ask, task): their own officials or ministers, an
  agreement; a third party, an affirmation (like urge, call on, encourage).
- ``continues`` (continue to): + a reporting verb is that verb's act ("continue
  to support X" is support), + another action a pledge.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Category
from .actions import action_table
from .lazy import LazyPattern
from .verbs import VerbEntry, verb_table, word_set

#: adverbs between a subject and its verb ("Both sides also welcomed")
ADVERBS = re.compile(
    r"(?:\s+(?:also|further|once\s+again|again|highly|fully|strongly|warmly|firmly|jointly|"
    r"together|sincerely|deeply|greatly|duly|heartily|furthermore|moreover|both|all|each|"
    r"hereby|therefore|then|today|likewise|similarly|equally|collectively|unanimously|"
    r"unequivocally|resolutely|wholeheartedly|positively|actively|particularly|especially|"
    r"still|now|thus|happily|[a-z]+ly))+$",
    re.I,
)

#: a second adjective that shares the complement: "committed to *and invested in* X"
SHARED_PREDICATE = LazyPattern(
    r"^\s*(?:and|or)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|ive|ful|ant|ent)\s+(?:in|to|of|about|on)\s+"
)

#: passive acts: "was underlined by the Japanese side"
PASSIVE = re.compile(
    r"\b(?P<verb>(?:was|were|is|are|has\s+been|have\s+been)\s+(?:highly\s+)?(?:underlined|"
    r"welcomed|appreciated|emphasized|emphasised|stressed|recognized|recognised|affirmed|"
    r"reaffirmed|acknowledged|commended|noted|highlighted|confirmed|agreed|decided))\s+by\s+"
    r"(?P<actor>[^,.;]{2,80})",
    re.I,
)
PASSIVE_CATEGORY: dict[str, Category] = {
    "welcomed": "welcome",
    "commended": "welcome",
    "appreciated": "appreciation",
    "agreed": "agreement",
    "decided": "agreement",
}
#: "It was agreed that ...": an act of all the parties
IMPERSONAL = re.compile(
    r"^(?:it\s+)?(?P<aux>was|has\s+been|is)\s+(?:also\s+|further\s+)?(?P<verb>agreed|decided)"
    r"(?=\s+(?:that|to|on)\b)",
    re.I,
)

_DETERMINERS = word_set(
    "the a an our their its his her this that these those all any each every such"
)
_POSS = (
    r"^\s*(?:(?:their|its|his|her|our|the|a|an)\s+)?"
    r"(?:(?P<owner>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*(?:’s|'s))\s+)?"
    r"(?:[a-z-]+[’']?\s+(?:and\s+)?){0,3}?"
)
_IMPORTANCE = re.compile(
    r"^\s*(?:on|upon|in|with|that)?\s*(?:the\s+)?(?:great\s+|utmost\s+|vital\s+|critical\s+)?"
    r"(?:importance|significance|need|necessity|view|value|relevance|fact|recognition|"
    r"understanding)\b",
    re.I,
)
_COMMITMENT_NOUN = re.compile(
    _POSS + r"(?:commitment|commitments|determination|resolve|resolution|dedication)"
    r"(?:\s+of\s+[^,;]{1,60}?)?\s+(?:to|towards|for)\s+(?P<rest>.*)",
    re.S,
)
_INTENTION_NOUN = re.compile(
    _POSS + r"(?:intention|intentions|intent|willingness|readiness|plans?|aspirations?|"
    r"desire|wish)(?:\s+of\s+[^,;]{1,60}?)?\s+to\s+(?!see\b)",
)
_HOPE_NOUN = re.compile(
    _POSS + r"(?:hope|hopes|expectation|expectations|wish|wishes|desire\s+to\s+see|desire)\b"
)
_DECISION_NOUN = re.compile(_POSS + r"decision\b")
#: "confirm their continuing coordination to ...": their own action goes on
_CONTINUED_ACTION = LazyPattern(
    r"^\s*(?:their|our|its)\s+continu(?:ed|ing)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b"
)
#: "... and our commitment to": a second object that commits
_AND_COMMITMENT = re.compile(
    r"\band\s+(?:our|their|its)\s+(?:[a-z-]+\s+){0,2}(?:commitment|determination|resolve)"
    r"\s+(?:to|towards)\s+(?P<rest>.*)"
)
#: "shared the view that ...", "their conviction that ...": the clause decides
_VIEW_THAT = re.compile(
    r"^\s*(?:(?:the|a|their|our|its|his|her)\s+)?(?:[a-z-]+\s+){0,2}?(?:view|views|recognition|"
    r"understanding|belief|conviction)\s+(?=that\b)"
)
#: an addressee between a verb and its "that" clause ("to the international community")
_ADDRESSEE = LazyPattern(
    r"^\s*to\s+(?:the\s+|his\s+|her\s+|their\s+)?[\w\s.’'-]{2,60}?\s+(?=that\b)"
)
_TO_ACTION = re.compile(r"^\s*to\s+(?!the\b|a\b|an\b)[a-z]+")
_THAT_CLAUSE = re.compile(
    r"^\s*,?\s*(?:(?:also|today|further|now|jointly)\s+)?"
    r"(?:that\s+|(?=(?:we|they|it|he|she)\s))(?P<subject>[^,;:]{1,80}?)\s+(?:(?:also|further|fully|jointly|[a-z]+ly)\s+)*"
    r"(?P<aux>will|would|shall|should|must|intends?\s+to|plans?\s+to|stands?\s+ready|"
    r"(?:are|is|was|were)\s+(?:ready|prepared|willing)|commits?\b|are\s+(?:fully\s+)?committed|is\s+(?:fully\s+)?committed|"
    r"remains?\s+committed|are\s+determined|is\s+determined)\b(?!\s+(?:be|have)\s+(?![a-z]+ing\b))",
    re.I,
)
_AGENTS = LazyPattern(
    r"^\s*(?:(?:our|their|the|its)\s+)?(?:(?:relevant|respective|senior|appropriate|"
    r"(?-i:[A-Z][\w-]*))\s+)*(?:officials|ministers|ministries|governments|agencies|teams|"
    r"negotiators|representatives|experts|sherpas|envoys|administrations|delegations|"
    r"economies|working\s+groups?)\b",
    re.I,
)
_OWN_AGENTS_SUBJECT = LazyPattern(
    r"\b(?:officials|ministers|ministries|governments|agencies|negotiators|representatives|"
    r"experts|administrations|they|we)\b",
    re.I,
)
_PRESCRIPTIVE = LazyPattern(r"\b(?:should|shall)\b(?!\s+be\s+(?:no|not)\b)", re.I)
_LEADING_ADVERBS = re.compile(
    r"^\s*(?:(?:further|also|jointly|swiftly|fully|continue\s+to|actively|together|"
    r"[a-z]+ly)\s+)*"
)
#: "that X will / would be established": an action planned in the passive
_PASSIVE_FUTURE = LazyPattern(
    r"\b(?:will|would|shall)\s+(?:also\s+|further\s+|soon\s+)?be\s+(?P<participle>[a-z]+(?:ed|en)|"
    r"held|made|set|built|sent|met|led)\b"
)
_IRREGULAR_PARTICIPLES = {
    "held": "hold",
    "made": "make",
    "set": "set",
    "built": "build",
    "sent": "send",
    "given": "give",
    "taken": "take",
    "undertaken": "undertake",
    "led": "lead",
    "chosen": "choose",
    "met": "meet",
    "strengthened": "strengthen",
}
#: gerunds after "look forward to" that receive rather than act
_RECEIVING = frozenset({"receiving", "seeing", "hearing", "witnessing"})
#: meetings: looking forward to one is looking forward to taking part in it
_MEETINGS = word_set("summit summits forum meeting meetings ministerial session sessions")
#: outcomes and others' events: looking forward to them is an expectation
_OUTCOMES = word_set(
    """successful success outcome outcomes result results report reports review reviews
    anniversary celebration mission by hosted"""
)
#: what the speakers themselves do, as nouns ("look forward to further work")
_JOINT_WORK = word_set(
    """work meeting meetings launch talks consultations consultation dialogue dialogues
    discussions discussion cooperation collaboration engagement exchanges completion
    conclusion"""
)
#: nouns of action: "commitment to the implementation of", "to international cooperation"
_ACTION_NOUNS = word_set(
    """implementation completion realization realisation achievement promotion
    strengthening expansion enhancement establishment cooperation collaboration
    coordination engagement assistance sharing recognition activities action actions
    efforts measures defense defence protection provision delivery deployment
    reduction elimination mobilization mobilisation financing funding investment
    investments contribution contributions exchange exchanges dialogue partnership
    work reform reforms consultation consultations"""
)
#: words in -ing that are adjectives far more often than gerunds ("to leading
#: democracies", "the emerging technologies"): they open a noun phrase
_PARTICIPLES = word_set(
    """leading emerging developing existing ongoing remaining following underlying
    evolving rising changing lasting enduring outstanding pressing growing neighbouring
    neighboring promising thriving upcoming forthcoming coming pending prevailing
    founding governing"""
)
#: nouns of action that name a stance rather than an act
_STANCES = word_set("support recognition assistance")
#: adjectives that open a noun phrase ("international", "constructive", "continued")
_ADJECTIVE_ENDINGS = ("al", "ive", "ous", "ic", "ful", "ary", "ed", "ible", "able")
#: where a noun phrase's head has been passed
_PHRASE_ENDS = word_set(
    """of to in for with on that which by as at from between among including such
    especially particularly notably through via while where whose under within across
    toward towards against into so"""
)
#: goals and values: "commitment to peace" is a principle
_GOALS = word_set("peace unity order rules law trust values")
#: endings of nouns ("to diplomacy", "to multilateralism", "to high standards") ...
_NOUN_ENDINGS = (
    "tion",
    "sion",
    "ment",
    "ity",
    "ism",
    "ance",
    "ence",
    "ness",
    "cy",
    "dom",
    "ship",
    "s",
    # adjectives: what follows is a noun phrase ("to international cooperation")
    "al",
    "ive",
    "ous",
    "ic",
    "ful",
    "ary",
)
#: short adjectives that open a noun phrase
_SHORT_ADJECTIVES = word_set("high full free open fair safe new strong close clear just deep broad")
#: ... and verbs that end like nouns ("to advance", "to enhance")
_VERBS_LIKE_NOUNS = word_set(
    """advance enhance finance commence balance experience influence reinforce address
    access assess discuss harness progress stress pass express focus achieve receive
    perceive reveal appeal signal"""
)

Speaks = Callable[[str], bool]


def is_action(text: str) -> bool:
    """Whether what follows "to" names an action of the speakers ("strengthen",
    "supporting", "the implementation of", "international cooperation", "open
    sharing of data") rather than a principle, goal or body ("peace", "the G20",
    "high standards", "the complete denuclearization of ...")."""
    text = re.sub(r"^\s*(?:to|towards|for)\s+", "", text)
    if text.lstrip().startswith(("and ", "or ")):
        text = SHARED_PREDICATE.sub("", text, count=1)  # "committed to and invested in X"
    words = re.findall(r"[\w’'-]+", _LEADING_ADVERBS.sub("", text)[:160])
    if not words:
        return False
    first = words[0]
    if first[:1].isupper() or first[:1].isdigit():
        return False
    lowered = re.sub(r"^non-", "", first.lower())
    if lowered in action_table().verbs:
        return True  # "to drive", "to secure"
    if (
        lowered in _DETERMINERS
        or lowered in _SHORT_ADJECTIVES
        or lowered in _PARTICIPLES
        or _adjective(lowered)
    ):
        return _head_is_action(words[1:])  # a noun phrase: its head decides
    if lowered in _ACTION_NOUNS or _gerund(lowered):
        return True
    if lowered in _GOALS:
        return False
    if lowered in _VERBS_LIKE_NOUNS or len(lowered) < 6:
        return True  # short words: "drive", "deal", "act" are verbs more often than not
    return not lowered.endswith(_NOUN_ENDINGS)


def _adjective(word: str) -> bool:
    """A word that opens a noun phrase as its adjective ("international",
    "outward-looking")."""
    hyphened = "-" in word and word.endswith("ing")
    return hyphened or (word.endswith(_ADJECTIVE_ENDINGS) and word not in _ACTION_NOUNS)


def _gerund(word: str) -> bool:
    return word.endswith("ing") and len(word) > 5 and "-" not in word and word not in _PARTICIPLES


def _head_is_action(words: list[str]) -> bool:
    """Whether a noun phrase's head (its last word before a preposition) is an
    act: "a broad and constructive engagement with", "international cooperation",
    "open sharing of data"; not "a comprehensive reform agenda"."""
    head = ""
    for word in words[:10]:
        lowered = word.lower()
        if lowered in _PHRASE_ENDS:
            break
        head = re.sub(r"^non-", "", lowered)
    return head in _ACTION_NOUNS or _gerund(head)


def embedded_category(
    tail: str, speaks: Speaks, *, agreeing: bool = False, own: Speaks | None = None
) -> Category | None:
    """The category of an act embedded in a verb's complement, or None when the
    complement holds none (see the module docstring, rule ``states``).  A noun
    owned by someone else than the actor ("noted Japan's intention to ...")
    embeds no act of the speakers: ``own`` tells whether an owner is the actor."""
    for noun in (_COMMITMENT_NOUN, _INTENTION_NOUN, _HOPE_NOUN, _DECISION_NOUN):
        found = noun.match(tail)
        if found:
            owner = found.group("owner")
            if owner and own is not None and not own(owner):
                return None
            break
    commitment = _COMMITMENT_NOUN.match(tail)
    if commitment:
        return "pledge" if is_action(commitment.group("rest")) else "affirmation"
    if _INTENTION_NOUN.match(tail):
        return "intention"
    if _HOPE_NOUN.match(tail):
        return "affirmation"
    if _DECISION_NOUN.match(tail):
        return "agreement"
    continued = _CONTINUED_ACTION.match(tail) if "continu" in tail[:24] else None
    if continued and continued.group("noun") in _ACTION_NOUNS - _STANCES:
        return "pledge"  # support stays a stance: "reaffirmed their continued support"
    if not agreeing and _TO_ACTION.match(tail):
        return "pledge"
    clause = _THAT_CLAUSE.match(_VIEW_THAT.sub("", tail, count=1))
    if clause and speaks(clause.group("subject")):
        aux = clause.group("aux").lower()
        if aux.startswith(("intend", "plan", "stand")) or re.search(
            r"\b(?:ready|prepared|willing)$", aux
        ):
            return "intention"
        if aux in ("should", "must"):
            return "agreement" if agreeing else None
        return "agreement" if agreeing else "pledge"
    return None


def _also_committed(tail: str) -> bool:
    """Whether an object goes on with the speakers' commitment to act: "... and
    our commitment to promoting cooperation"."""
    clause = re.split(r"[;.]", tail, maxsplit=1)[0]
    found = _AND_COMMITMENT.search(clause)
    return found is not None and is_action(found.group("rest"))


def _agreement(verb: str, tail: str, speaks: Speaks) -> Category:
    if _IMPORTANCE.match(tail):
        return "affirmation"
    if not (verb.rstrip().lower().endswith("that") or re.match(r"^\s*that\b", tail)):
        return "agreement"
    clause = tail if re.match(r"^\s*that\b", tail) else f"that {tail}"
    sentence_clause = re.split(r"[;.]", clause, maxsplit=1)[0]
    if _PRESCRIPTIVE.search(sentence_clause[:200]):
        return "agreement"
    embedded = embedded_category(
        clause, lambda s: speaks(s) or bool(_OWN_AGENTS_SUBJECT.search(s)), agreeing=True
    )
    if embedded is None and _planned(sentence_clause):
        return "agreement"  # "agreed that a joint committee would be established"
    return embedded or "affirmation"


def _planned(clause: str) -> bool:
    """Whether a "that" clause plans an action in the passive: "that a committee
    will / would be established", "that the next meeting will be held in Tokyo"."""
    found = _PASSIVE_FUTURE.search(clause[:200])
    return found is not None and bool(_lemmas(found.group("participle")) & action_table().verbs)


def _lemmas(participle: str) -> set[str]:
    """The base forms a past participle may come from ("convened" -> convene,
    "established" -> establish, "planned" -> plan, "held" -> hold)."""
    if participle in _IRREGULAR_PARTICIPLES:
        return {_IRREGULAR_PARTICIPLES[participle]}
    forms = {participle[:-1], participle[:-2]}
    if participle.endswith("ied"):
        forms.add(participle[:-3] + "y")
    if len(participle) > 4 and participle[-3] == participle[-4]:
        forms.add(participle[:-3])
    return forms


def _looking_forward(tail: str) -> Category:
    words = re.findall(r"[\w’'-]+", _LEADING_ADVERBS.sub("", tail)[:80])
    if not words:
        return "affirmation"
    first = words[0].lower()
    mutual = " ".join(words[1:3]).lower() in ("one another", "each other")
    if first.endswith("ing") and (first not in _RECEIVING or mutual) and len(first) > 5:
        return "intention"  # "discussing ...", "seeing one another again"
    head = [w.lower() for w in words[:4] if w.lower() not in _DETERMINERS]
    adjectives = {
        "further",
        "future",
        "continued",
        "regular",
        "closer",
        "more",
        "new",
        "next",
        "early",
        "swift",
        "timely",
    }
    for word in head:
        if word in _JOINT_WORK:
            return "intention"
        if word not in adjectives:
            break
    return "intention" if _own_meeting(words) else "affirmation"


def _own_meeting(words: list[str]) -> bool:
    """A meeting the parties hold themselves ("the sixth Ministerial Forum", "the
    convening of the Commemorative Summit"), not an outcome or another's event
    ("a successful summit", "the report of the council")."""
    for word in words[:8]:
        lowered = word.lower()
        if lowered in _OUTCOMES:
            return False
        if lowered in _MEETINGS:
            return True
    return False


def _continuing(tail: str, speaks: Speaks) -> Category:
    inner = verb_table().scan(tail.lstrip())
    if inner and inner[0].start == 0 and inner[0].entry.rule != "continues":
        rest = tail.lstrip()[inner[0].end :]
        return decide_category(inner[0].entry, inner[0].text, rest, speaks)
    return "pledge"


def decide_category(
    entry: VerbEntry, verb: str, tail: str, speaks: Speaks, own: Speaks | None = None
) -> Category:
    """The category of an act: the verb's, as its rule reads the complement.
    ``speaks`` tells whether a phrase names the speakers, ``own`` whether it
    names this act's own actor."""
    rule = entry.rule
    if rule in ("states", "noun"):
        # the verb's object: "their determination to ..." when the phrase holds the noun
        words = verb.split(None, 1)
        # the stance noun the phrase holds is the object ("reaffirm *our commitment*");
        # a phrase that ends in its verb ("are pleased to announce") has none
        held = len(words) > 1 and " to " not in f" {words[1]} "
        obj = f"{words[1]} {tail.lstrip()}" if held else tail
        embedded = embedded_category(obj, speaks, own=own)
        if embedded is None and tail.lstrip().startswith("to ") and _ADDRESSEE.match(tail):
            # an addressee before the clause: "sent a message to the world that ..."
            embedded = embedded_category(_ADDRESSEE.sub("", tail, count=1), speaks, own=own)
        category = embedded or entry.category
        if category == "affirmation" and _also_committed(tail):
            return "pledge"  # "reiterate our condemnation of X and our commitment to pursuing Y"
        return category
    if rule == "commits":
        return "pledge" if is_action(tail) else "affirmation"
    if rule == "agrees":
        return _agreement(verb, tail, speaks)
    if rule == "looks":
        return _looking_forward(tail)
    if rule == "tasks":
        return "agreement" if _AGENTS.match(tail) else "affirmation"
    if rule == "continues":
        return _continuing(tail, speaks)
    return entry.category
