"""Instruments named in a statement: documents (agreements, memoranda,
declarations, resolutions...) and aid modalities (grant, loan...)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .gazetteer import trie_pattern
from .names import (
    INSTRUMENT_WORD,
    MONTH_WORDS,
    NAME_LIST,
    NAME_RUN,
    QUOTED,
    QUOTED_NAME_RUN,
    STOP_STARTS,
    Span,
    clean_name,
    resolve_spans,
    tokens_before,
    windows,
    word_set,
    word_start,
)

_TYPED_INSTRUMENTS: tuple[tuple[str, str], ...] = (
    (r"(?i:\bexchanges?\s+of\s+notes?\b)|(?<![\w/])E/N(?![\w/])", "Exchange of Notes"),
    (r"(?i:\bmemorand(?:um|a)\s+of\s+cooperation\b)|\bM[Oo]Cs?\b", "Memorandum of Cooperation"),
    (r"(?i:\bmemorand(?:um|a)\s+of\s+understanding\b)|\bM[Oo]Us?\b", "Memorandum of Understanding"),
    (r"(?i:\bmemorand(?:um|a)\s+of\s+implementation\b)", "Memorandum of Implementation"),
    (r"(?i:\bletters?\s+of\s+arrangement\b)", "Letter of Arrangement"),
    (r"(?i:\bletters?\s+of\s+intent\b)", "Letter of Intent"),
    (r"(?i:\bstatements?\s+of\s+intent\b)", "Statement of Intent"),
    (r"(?i:\bdeclarations?\s+of\s+intent\b)", "Declaration of Intent"),
    (r"(?i:\brecords?\s+of\s+discussions?\b)", "Record of Discussions"),
    (
        r"(?i:\b(?:Japanese\s+)?(?:ODA|official\s+development\s+assistance(?:\s*\(ODA\))?|yen)"
        r"\s+loans?\b)",
        "ODA Loan",
    ),
    (r"(?i:\bloans?\b)", "loan"),
    (r"(?i:\btechnical\s+cooperation\s+projects?\b)", "technical cooperation project"),
    (r"(?i:\bgrants?(?:\s+aid)?\b)(?!-)", "grant"),
    (
        r"\bCharter\s+of\s+the\s+United\s+Nations\b|\b(?:UN|United\s+Nations)\s+Charter\b",
        "Charter of the United Nations",
    ),
)
# Each typed instrument is looked for only around a piece of its key word.
_TYPED = tuple(re.compile(p) for p, _ in _TYPED_INSTRUMENTS)
_TYPED_BY_ANCHOR: dict[str, tuple[int, ...]] = {
    "otes": (0,),
    "ote": (0,),
    "E/N": (0,),
    "emorand": (1, 2, 3),
    "MOC": (1,),
    "MoC": (1,),
    "MOU": (2,),
    "MoU": (2,),
    "rrangement": (4,),
    "ntent": (5, 6, 7),
    "iscussion": (8,),
    "oan": (9, 10),
    "ooperation project": (11,),
    "rant": (12,),
    "harter": (13,),
}
_TYPED_ANCHOR = re.compile(trie_pattern(_TYPED_BY_ANCHOR))

# Something an instrument's name must contain: most sentences have none.
_INSTRUMENT_GATE = re.compile(
    trie_pattern(
        word_set(
            """
            otes ote emorand rrangement ntent iscussion oan rant harter MOC MoC MOU MoU E/N
            esolution Agreement Treaty Convention Protocol Accord Declaration Communiqu
            Statement Plan Covenant Pact
            """
        )
        | {"ooperation project"}
    )
)
_NAMED_GRANT = re.compile(rf"Grant(?:\s+Assistance|\s+Aid)?\s+for\s+{NAME_RUN}")
_RESOLUTION_ANCHOR = re.compile(r"esolution")
_RESOLUTION_NUMBER = re.compile(
    r"(?:\b(?:UN|United\s+Nations)\s+)?(?:\b(?:General\s+Assembly|Security\s+Council|UNGA|UNSC"
    r"|Human\s+Rights\s+Council)\s+)?\b(?P<word>[Rr]esolutions?)\s+(?:No\.?\s*)?"
    r"(?P<num>\d{1,5}(?:/\d{1,5})?)(?![\w/])"
)
_RESOLUTION_TITLED = re.compile(
    r"\b[Rr]esolutions?\s+(?:titled|entitled|on)\s+[\"“](?P<title>[^\"“”\n]{3,200})[\"”]"
)
_INSTRUMENT_HEAD = re.compile(
    trie_pattern(
        word_set(
            """
            Agreement Treaty Convention Protocol Accord Charter Declaration Communiqué
            Communique Statement Plan Covenant Pact
            """
        )
    )
    + r"(?![\w'’-])"
)
_BETWEEN = re.compile(
    rf"\s+between\s+(?:the\s+)?{NAME_RUN}(?:\s+of\s+(?:the\s+)?{NAME_RUN})?"
    rf"\s+and\s+(?:the\s+)?{NAME_RUN}(?:\s+of\s+(?:the\s+)?{NAME_RUN})?"
)
_INSTRUMENT_COMPLEMENT = re.compile(
    rf"\s+(?P<conn>on|of|for|concerning|regarding|toward|towards|in)\s+(?:the\s+)?"
    rf"(?P<unit>{NAME_LIST}|{QUOTED_NAME_RUN})"
)
_SHORT_NAME = re.compile(r"\s*\((?P<short>[A-Z][\w'’ -]{2,60})\)")
_LEADING_YEAR = re.compile(r"^(?:(?:1[89]|2\d)\d\d\s+)+")


def _instrument_label(raw: str) -> str:
    label = _LEADING_YEAR.sub("", clean_name(raw))
    return label.strip(" ,;:")


def _instrument_end(text: str, end: int) -> int:
    """The end of an instrument's name after its head noun: 'between X and Y',
    then up to four 'on/of/for ...' complements."""
    between = _BETWEEN.match(text, end)
    if between:
        end = between.end()
    count = 0
    while count < 4:
        if not between:
            between = _BETWEEN.match(text, end)
            if between:
                end = between.end()
        comp = _INSTRUMENT_COMPLEMENT.match(text, end)
        if not comp or (comp.group("conn") == "in" and count == 0):
            break
        words = comp.group("unit").split()
        if words[0] in MONTH_WORDS or not any(
            w[0].isalpha() and w not in MONTH_WORDS for w in words
        ):
            break
        end = comp.end()
        count += 1
    return end


def _named_instruments(text: str) -> Iterator[Span]:
    """Instruments named by a head noun: 'Paris Agreement', 'Agreement between
    Japan and ... for the Liberalization, Promotion and Protection of
    Investment', 'Treaty on the Non-Proliferation of Nuclear Weapons'."""
    for match in _INSTRUMENT_HEAD.finditer(text):
        if not word_start(text, match.start()):
            continue
        head = match.group()
        pre = tokens_before(text, match.start(), lists=True)
        while pre and (pre[0][2] in STOP_STARTS or pre[0][2] in MONTH_WORDS or pre[0][2] == "and"):
            pre = pre[1:]
        words = [w for _, _, w in pre]
        if head == "Plan" and (not words or words[-1] != "Action"):
            continue
        start = pre[0][0] if pre else match.start()
        end = _instrument_end(text, match.end())
        complemented = end > match.end()
        if head == "Statement":
            naming = [w for w in words if w not in ("Joint", "Press")]
            joint = len(naming) < len(words)
            if not ((joint and (naming or complemented)) or (naming and complemented)):
                continue
        before = text[max(0, start - 12) : start].lower().split()
        if before and before[-1] in ("this", "present", "these"):
            continue
        label = _instrument_label(text[start:end])
        short = _SHORT_NAME.match(text, end)
        if short and any(h in short.group("short") for h in ("Declaration", "Agreement", "Treaty")):
            label = short.group("short").strip()
            end = short.end()
        if label:
            yield Span(start, end, label, 1)


def _quoted_instruments(text: str) -> Iterator[Span]:
    """Quoted titles that name an instrument: the whole title is the label."""
    for match in QUOTED.finditer(text):
        inner = match.group("c") or match.group("s") or ""
        if INSTRUMENT_WORD.search(inner) and inner[:1].isupper():
            yield Span(match.start(), match.end(), _instrument_label(inner), 0)


def _typed_instruments(text: str) -> Iterator[Span]:
    """Instruments with a fixed label, found around their anchors."""
    for anchor in _TYPED_ANCHOR.finditer(text):
        lo, hi = max(0, anchor.start() - 48), min(len(text), anchor.end() + 32)
        for index in _TYPED_BY_ANCHOR[anchor.group()]:
            for match in _TYPED[index].finditer(text, lo, hi):
                yield Span(match.start(), match.end(), _TYPED_INSTRUMENTS[index][1], 0)


def _resolutions(text: str) -> Iterator[Span]:
    """'UN General Assembly Resolution 77/158', 'the resolution titled "..."'."""
    anchors = [m.start() for m in _RESOLUTION_ANCHOR.finditer(text)]
    for lo, hi in windows(anchors, 60, 260, len(text)):
        for match in _RESOLUTION_NUMBER.finditer(text, lo, hi):
            # the span starts at "Resolution": the body that adopted it stays
            # an organisation ("UN General Assembly")
            start = match.start("word")
            yield Span(start, match.end(), f"Resolution {match.group('num')}", 0)
        for match in _RESOLUTION_TITLED.finditer(text, lo, hi):
            title = clean_name(match.group("title"))
            yield Span(match.start(), match.end(), f"Resolution “{title}”", 0)


# find_instruments and find_projects (which must not list an instrument's name as
# a project) usually read the same item one after the other: keep the last few.
@lru_cache(maxsize=8)
def instrument_spans(text: str) -> tuple[Span, ...]:
    """Every instrument named in ``text``, as non-overlapping spans."""
    if not _INSTRUMENT_GATE.search(text):
        return ()
    spans: list[Span] = [*_typed_instruments(text), *_resolutions(text)]
    spans.extend(
        Span(m.start(), m.end(), clean_name(m.group()), 1)
        for m in _NAMED_GRANT.finditer(text)
        if word_start(text, m.start())
    )
    spans.extend(_named_instruments(text))
    spans.extend(_quoted_instruments(text))
    return tuple(resolve_spans(spans))
