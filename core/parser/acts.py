"""The language of joint statements: reporting verbs and what they signal.

Each pattern matches a reporting verb *as written* ("concurred on", "expressed
their intention to", "will provide support") and gives its category.  Whether
the act commits anyone to future action is decided in :mod:`.items`, from the
category and from what follows the verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Category

ADVERB_WORDS = (
    r"also|further|once\s+again|again|highly|fully|strongly|warmly|firmly|jointly|together|sincerely|"
    r"deeply|greatly|duly|heartily|furthermore|moreover|both|all|each|hereby|therefore|then|today|"
    r"further|likewise|similarly|equally|collectively|unanimously|unequivocally|resolutely|"
    r"wholeheartedly|positively|actively|particularly|especially"
)
_POSS = (
    r"(?:their|its|his|her|our|the|a|his\s+own|their\s+own|its\s+own|strong|sincere|deep|"
    r"heartfelt|full|firm|shared|common)"
)


@dataclass(frozen=True)
class VerbPattern:
    """A reporting verb and the category it signals."""

    source: str
    category: Category
    #: "future" when the verb itself looks ahead; "object" when what follows decides
    tense: str


def _p(pattern: str, category: Category, tense: str = "object") -> VerbPattern:
    return VerbPattern(pattern, category, tense)


# Order matters: longer, more specific phrases first.
VERB_PATTERNS: tuple[VerbPattern, ...] = (
    # invitations
    _p(
        r"extended\s+(?:an?|the|their|his|her|its)\s+(?:cordial\s+|kind\s+)?invitation",
        "invitation",
        "past",
    ),
    _p(
        r"(?:invited|invites|invite)(?=\s+(?:[A-Z]|him|her|them|the|his|all))", "invitation", "past"
    ),
    # intentions
    _p(
        rf"(?:expressed|express|expresses|confirmed|confirm|showed|show|shared|share|reaffirmed|reaffirm|stated|state)\s+{_POSS}?\s*"
        r"(?:intention|intent|willingness|readiness|desire|resolve|determination|wish|wishes|plan|plans|hope|hopes|expectation|expectations|aspiration)"
        r"(?:\s+(?:to|that|for))?",
        "intention",
    ),
    _p(r"(?:look|looks|looked|looking)\s+forward\s+to", "intention", "future"),
    _p(
        r"(?:intend|intends|intended|plan|plans|planned|aim|aims|aimed|seek|seeks|sought|hope|hopes|hoped|wish|wishes|wished|aspire|aspires)\s+to",
        "intention",
        "future",
    ),
    _p(
        r"(?:are|is|were|remain|remains|remained|stand|stands|stood)\s+(?:ready|prepared|willing|eager)\s+to",
        "intention",
        "future",
    ),
    # pledges
    _p(
        r"(?:are|is|were|remain|remains|remained)\s+(?:fully\s+|firmly\s+|strongly\s+)?(?:committed|determined|resolved)\s+to",
        "pledge",
        "future",
    ),
    _p(
        r"(?:commit|commits|committed|pledge|pledges|pledged|undertake|undertakes|undertook|resolve|resolves|resolved|vow|vows|vowed|recommit|recommits)\s+(?:ourselves\s+|themselves\s+)?to",
        "pledge",
        "future",
    ),
    _p(
        r"(?:will|shall)\s+(?:continue\s+to\s+|further\s+|also\s+|together\s+|work\s+to\s+|endeavou?r\s+to\s+|strive\s+to\s+|not\s+|[a-z]+ly\s+)*(?!be\b)[a-z]+(?:\s+(?:support|assistance|cooperation|efforts))?",
        "pledge",
        "future",
    ),
    _p(
        r"(?:extended|extends|gave|offered|offers)\s+(?:his|her|its|their|the)?\s*(?:firm\s+|strong\s+)?assurances?",
        "pledge",
        "future",
    ),
    # accepting an invitation commits the guest to the visit
    _p(
        r"(?:accepted|accepts|accept)\s+(?:the|this|that|an?|his|her|their)\s+(?:kind\s+)?invitation",
        "agreement",
        "future",
    ),
    _p(
        r"(?:tasked|instructed|directed|mandated|charged|requested|asked)(?=\s+(?:their|the|our|relevant|respective)\b)",
        "agreement",
        "future",
    ),
    # agreements
    _p(
        r"(?:agreed|agree|agrees|concurred|concur|concurs)(?:\s+(?:on|upon|to|that|in|with))?",
        "agreement",
    ),
    _p(r"(?:decided|decide|decides|resolved)(?:\s+(?:to|that|on))?", "agreement", "future"),
    _p(
        r"(?:signed|sign|signs|adopted|adopt|adopts|endorsed|endorse|endorses|launched|launch|launches)(?=\s)",
        "agreement",
        "past",
    ),
    # appreciation
    _p(
        rf"(?:expressed|express|expresses|extended|conveyed)\s+{_POSS}?\s*(?:gratitude|appreciation|thanks|gratefulness)",
        "appreciation",
        "past",
    ),
    _p(
        r"(?:highly\s+|deeply\s+|greatly\s+)?(?:appreciated|appreciate|appreciates|thanked|thank|thanks|valued|value|values|paid\s+tribute|pays\s+tribute)",
        "appreciation",
        "past",
    ),
    # welcomes
    _p(
        r"(?:noted|note|notes|took\s+note)\s+with\s+(?:satisfaction|appreciation|pleasure|approval)",
        "welcome",
        "past",
    ),
    _p(
        rf"(?:expressed|express|expresses)\s+{_POSS}?\s*(?:approval|satisfaction|support)",
        "welcome",
        "past",
    ),
    _p(
        r"(?:welcomed|welcome|welcomes|commended|commend|commends|congratulated|congratulate|congratulates|praised|praise|praises|hailed|applauded|celebrated|celebrate|lauded)",
        "welcome",
        "past",
    ),
    # affirmations
    _p(
        rf"(?:expressed|express|expresses)\s+{_POSS}?\s*(?:confidence|concern|concerns|condolences|sympathy|solidarity|conviction|belief|view|support|opposition|regret)",
        "affirmation",
        "past",
    ),
    _p(
        r"shared\s+(?:the|a|their|an?)\s+(?:common\s+|same\s+)?(?:recognition|view|understanding|concern|assessment|determination|perception|vision)",
        "affirmation",
        "past",
    ),
    _p(
        r"(?:share|shares)\s+(?:the|a|their|an?)\s+(?:common\s+|same\s+)?(?:recognition|view|understanding|concern|assessment|vision|goal|commitment)",
        "affirmation",
        "past",
    ),
    _p(
        r"(?:reaffirmed|reaffirm|reaffirms|affirmed|affirm|affirms|reiterated|reiterate|reiterates|recognized|recognised|recognize|recognise|recognizes|recognises|acknowledged|acknowledge|acknowledges|emphasized|emphasised|emphasize|emphasise|emphasizes|emphasises|stressed|stress|stresses|underlined|underline|underlines|underscored|underscore|underscores|highlighted|highlight|highlights|confirmed|confirm|confirms|noted|note|notes|recalled|recall|recalls|condemned|condemn|condemns|opposed|oppose|opposes|deplored|deplore|urged|urge|urges|called\s+(?:on|upon|for)|call\s+(?:on|upon|for)|calls\s+(?:on|upon|for)|discussed|discuss|reviewed|review|exchanged\s+views|exchanged\s+opinions|attached\s+(?:great\s+)?importance|attach\s+(?:great\s+)?importance|re-?emphasi[sz]ed?|re-?emphasi[sz]es|declared|declare|declares|stated|believe|believes|believed|remain\s+concerned|are\s+convinced|were\s+convinced|encouraged|encourage|encourages|supported|support|supports|reconfirmed|reconfirm|considered|consider|regretted|regret)",
        "affirmation",
        "past",
    ),
)

#: Every verb pattern in one expression, scanned once per sentence: at each
#: position the first alternative that matches wins, which is why the table
#: lists longer, more specific phrases first.  Case-sensitive on purpose: a
#: reporting verb follows its subject in lower case ("State", "Support" are names),
#: and a case-sensitive scan is several times faster.
VERBS = re.compile(
    r"\b(?:" + "|".join(f"(?P<v{n}>{p.source})" for n, p in enumerate(VERB_PATTERNS)) + r")\b"
)

#: passive acts: "was underlined by the Japanese side"
PASSIVE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?P<verb>(?:highly\s+)?(?:underlined|welcomed|appreciated|emphasized|emphasised|stressed|recognized|recognised|affirmed|reaffirmed|acknowledged|commended|noted|highlighted|confirmed|agreed|decided))\s+by\s+(?P<actor>[^,.;]{2,80})",
    re.I,
)
PASSIVE_CATEGORY: dict[str, Category] = {
    "welcomed": "welcome",
    "commended": "welcome",
    "appreciated": "appreciation",
    "agreed": "agreement",
    "decided": "agreement",
}

ADVERBS = re.compile(rf"(?:\s+(?:{ADVERB_WORDS}))+$", re.I)

#: what follows an agreement verb when it only affirms ("concurred on the importance of")
AFFIRMING_OBJECT = re.compile(
    r"^\s*(?:on|upon|in|with|that)?\s*(?:the\s+)?(?:great\s+|utmost\s+|vital\s+|critical\s+)?"
    r"(?:importance|significance|need|necessity|view|value|relevance|fact|recognition|understanding)\b",
    re.I,
)

#: what follows a welcome/appreciation when the thing welcomed is still to come
FUTURE_OBJECT = re.compile(
    r"\b(?:will|shall|to\s+be\s+(?:held|launched|hosted|signed|established|organi[sz]ed|convened)|"
    r"forthcoming|upcoming|coming|next\s+(?:year|month|meeting|summit|session|round)|"
    r"(?:decision|plan|plans|intention|intent|commitment|readiness|willingness|offer|proposal)\s+to|"
    r"(?:decision|plan|plans|intention)\s+(?:of|by)\s+[^,.]{1,60}?\s+to)\b",
    re.I,
)

#: objects that hold a commitment inside an affirmation ("reaffirmed their commitment to")
COMMITTING_OBJECT = re.compile(
    r"^\s*(?:their|its|our|his|her|the)?\s*(?:firm\s+|strong\s+|continued\s+|unwavering\s+|full\s+)?"
    r"(?:commitment|determination|resolve|support\s+for\s+continu|intention)\s+to\b",
    re.I,
)

#: intentions that only hope ("expressed their expectation that ...")
HOPING = re.compile(
    r"\b(?:hope|hopes|wish|wishes|expectation|expectations|aspiration|hoped|wished)\b", re.I
)
