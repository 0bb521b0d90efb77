"""The documents a statement records as signed, concluded, entered into force or
launched: exchanges of notes, memoranda, agreements, new mechanisms.  They are
the summit's deliverables, the first thing a minister's office asks for, and
they lie scattered through the items ("Both sides welcomed the signing of the
Memorandum of Cooperation ... between A and B").

A document is found where the item's reporting verb governs the event
directly: "welcomed the signing of X", "welcomed ... and the signing of X",
"concurred on launching X", "will launch X", or where X is "newly launched".
Events buried deeper ("look forward to discussing ..., including the
establishment of X") and anniversaries ("the anniversary of the establishment
of ...") are not deliverables.  What is welcomed or appreciated is recorded as
done; what the sides agree or pledge to sign or launch is recorded as agreed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import DateMention, Item, Statement
from .clauses import top_level

#: The event nouns, by the past participle reports use for them.
_NOUNS = {
    "signing and exchange": "signed",
    "signing": "signed",
    "signature": "signed",
    "conclusion": "concluded",
    "entry into force": "entered into force",
    "launch": "launched",
    "establishment": "established",
}
_NOUN = re.compile(
    r"\b(?:the\s+)?(signing and exchange|signing|signature|conclusion|entry into force|"
    r"launch|establishment)\s+of\s+",
    re.I,
)
#: Verb forms that commit to the event, by the participle of the event.
_VERB = re.compile(r"(?:to\s+|will\s+)?(launch|establish|sign|conclude)(?:ing)?\s+", re.I)
_PARTICIPLES = {
    "launch": "launched",
    "establish": "established",
    "sign": "signed",
    "conclude": "concluded",
}
#: The object of an event verb must be named: a capitalised or quoted name.
_NAMED = re.compile(r"(?:the\s+|a\s+|an\s+)?(?:new\s+)?[A-Z“\"‘]")
_NEWLY = re.compile(r"\b(?:newly|recently|jointly)\s+(launched|established|signed|concluded)\s+")
_PASSIVE_AFTER = (
    r"\s+(?:(?:was|were|has been|have been)\s+(signed|concluded|launched)"
    r"|(entered into force|came into force))\b"
)
#: What may stand between the reporting verb and the event it governs.
_LEAD_IN = re.compile(r"^\s*(?:(?:also|further|furthermore|both)\s+)*$", re.I)
_COORDINATED = re.compile(r"(?:,?\s+and|,?\s+as well as)\s+(?:also\s+)?$", re.I)
_ANNIVERSARY = re.compile(r"anniversar\w*\s+of\s+(?:the\s+)?$", re.I)
#: Where the name of a document ends (at the top level of the text).
_NAME_END = re.compile(
    r"[.;:](?:\s|$)|,\s(?:which|as|including|with|aiming|to)\b"
    r"|\s(?:which|that|as the|as an|as a|as well as|including|aiming|in order to|"
    r"with the participation|to (?:develop|promote|enhance|strengthen|support|facilitate|"
    r"ensure|achieve|contribute|improve))\b"
    r"|,?\s+and\s+(?:also\s+)?(?:the\s+)?(?:signing|signature|conclusion|entry into force|"
    r"launch|establishment)\b"
    r"|,?\s+and\s+(?:also\s+)?(?:welcomed|commended|appreciated|affirmed|reaffirmed|"
    r"expressed|concurred|noted|recogni[sz]ed|decided|agreed|confirmed|highlighted)\b",
    re.I,
)
_BETWEEN = re.compile(r"\sbetween\s", re.I)
_NAME_GOES_ON = re.compile(
    r"\s(?:for|on|concerning|regarding|in the field of|in the area of|relating to)\s", re.I
)


@dataclass(frozen=True)
class SignedDocument:
    """One document or mechanism the statement records as signed or launched."""

    #: its name as the statement words it, whole (``Memorandum of Cooperation in
    #: the field of industry``)
    name: str
    #: ``signed``, ``concluded``, ``entered into force``, ``launched`` or ``established``
    action: str
    #: True when the statement records the event as done; False when the sides
    #: agree or pledge to bring it about
    done: bool
    #: the parties to it as the statement names them ("between A and B"); for an
    #: instrument the text does not attribute, the statement's parties; empty
    #: for a mechanism whose members the text does not name
    parties: list[str]
    #: the date the statement gives for the event, when it gives one
    date: DateMention | None
    item: Item

    @property
    def event(self) -> str:
        """What happened, for people: ``signed``, or ``launch agreed`` for an event
        still to come."""
        if self.done:
            return self.action
        noun = {"launched": "launch", "established": "establishment", "signed": "signing"}
        return f"{noun.get(self.action, 'conclusion')} agreed"


def signed_documents(statement: Statement) -> list[SignedDocument]:
    """Every document the statement records as signed, concluded, entered into
    force or launched, in the statement's order, each once."""
    found: dict[str, SignedDocument] = {}
    for item in statement.items:
        for document in _documents(statement, item):
            found.setdefault(document.name.casefold(), document)
    return list(found.values())


#: Words without which an item records no document (a quick test first).
_ANY_EVENT = re.compile(r"sign|conclu|force|launch|establish", re.I)


def _documents(statement: Statement, item: Item) -> list[SignedDocument]:
    if not _ANY_EVENT.search(item.text):
        return []
    text = " ".join(item.text.split())
    flags = top_level(text)
    verb_end = _verb_end(text, item.verb)
    future = item.category in ("pledge", "agreement", "intention")
    result: list[SignedDocument] = []
    for match in _NOUN.finditer(text):
        if not flags[match.start()] or verb_end is None or match.start() < verb_end:
            continue
        between = text[verb_end : match.start()]
        if _ANNIVERSARY.search(between):
            continue
        if not (_LEAD_IN.match(between) or _COORDINATED.search(between)):
            continue
        noun = match.group(1).lower()
        start = match.end()
        if noun == "signing and exchange":  # "the signing and exchange of notes"
            start = match.start(1) + len("signing and ")
        result.append(_document(statement, item, text, start, _NOUNS[noun], done=not future))
    if verb_end is not None:
        agreed = _agreed_event(text, item.verb, verb_end)
        if agreed is not None:
            action, start = agreed
            result.append(_document(statement, item, text, start, action, done=False))
    for match in _NEWLY.finditer(text):
        if flags[match.start()]:
            result.append(_document(statement, item, text, match.end(), match.group(1), done=True))
    for instrument in item.instruments:
        passive = re.search(re.escape(instrument) + _PASSIVE_AFTER, text)
        if passive:
            action = passive.group(1) or "entered into force"
            start = text.find(instrument)
            result.append(_document(statement, item, text, start, action, done=True))
    return [d for d in result if d.name]


def _verb_end(text: str, verb: str) -> int | None:
    verb = verb.strip()
    if not verb:
        return None
    found = re.search(rf"\b{re.escape(verb)}\b", text, re.I)
    return found.end() if found else None


def _skip_lead_in(text: str, position: int) -> int:
    rest = re.match(r"\s*(?:(?:also|further)\s+)?(?:on\s+|to\s+)?", text[position:], re.I)
    return position + (rest.end() if rest else 0)


def _agreed_event(text: str, verb: str, verb_end: int) -> tuple[str, int] | None:
    """An event the sides commit to: the reporting verb is the event ("will
    launch X") or governs it ("concurred on launching X"); the participle of
    the event and where its object starts."""
    position = _skip_lead_in(text, verb_end)
    last = verb.strip().casefold().split()[-1:] or [""]
    stem = last[0].removesuffix("ing").removesuffix("e") if last else ""
    own = next((s for s in _PARTICIPLES if s.removesuffix("e") == stem), None)
    if own is not None:
        return (_PARTICIPLES[own], position) if _NAMED.match(text, position) else None
    found = _VERB.match(text, position)
    if found is None or not _NAMED.match(text, found.end()):
        return None
    return _PARTICIPLES[found.group(1).lower()], found.end()


def _document(
    statement: Statement, item: Item, text: str, start: int, action: str, *, done: bool
) -> SignedDocument:
    phrase = _name_phrase(text, start)
    date = next((d for d in item.dates if d.text and d.text in phrase), None)
    if date is not None:
        phrase = re.sub(rf",?\s+(?:in|on|of|dated)\s+{re.escape(date.text)}", "", phrase)
    name, parties = _split_parties(phrase)
    if not parties and action not in ("launched", "established"):
        # a signed instrument the text does not attribute binds the statement's
        # parties; a mechanism's members are in its name, or unknown
        parties = [p.short_name or p.name for p in statement.parties]
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(" ,"), flags=re.I)
    return SignedDocument(
        name=name[:1].upper() + name[1:],
        action=action,
        done=done,
        parties=parties,
        date=date,
        item=item,
    )


def _name_phrase(text: str, start: int) -> str:
    """From ``start`` to where the document's name ends, at the top level."""
    rest = text[start:]
    flags = top_level(rest)
    for match in _NAME_END.finditer(rest):
        if flags[match.start()]:
            return rest[: match.start()].strip()
    return rest.rstrip(" .").strip()


def _split_parties(phrase: str) -> tuple[str, list[str]]:
    """``Memorandum ... between A and B`` -> the name and ``[A, B]``; a name
    that goes on after the parties ("Agreement between A and B for the ...")
    is kept whole."""
    flags = top_level(phrase)
    found = next((m for m in _BETWEEN.finditer(phrase) if flags[m.start()]), None)
    if found is None:
        return phrase, []
    after = phrase[found.end() :]
    goes_on = next((m for m in _NAME_GOES_ON.finditer(after) if top_level(after)[m.start()]), None)
    listed = after[: goes_on.start()] if goes_on else after
    parties = _parties(listed)
    if goes_on is not None:
        return phrase, parties
    return phrase[: found.start()], parties


def _parties(listed: str) -> list[str]:
    """``the Ministry of X and the Ministry of Y`` -> both names, without "the"."""
    split = re.split(r"\s+and\s+(?=the\s)", listed, maxsplit=1, flags=re.I)
    if len(split) == 1:
        last = list(re.finditer(r"\s+and\s+(?=[A-Z])", listed))
        if last:
            cut = last[-1]
            split = [listed[: cut.start()], listed[cut.end() :]]
    return [re.sub(r"^the\s+", "", p.strip(" ,"), flags=re.I) for p in split if p.strip()]
