"""Shortening a statement's sentences the way an editor would: at a sentence or a
clause boundary, never inside a name, a quotation or a parenthesis.

Reports need short forms of long sentences ("Japan will support the formulation
of an energy transition roadmap", not the whole paragraph).  Cutting after a
number of words lands in the middle of the words that matter ("the Agreement
between Japan and the Republic…"); these helpers cut only where a clause ends,
so what is kept always reads as a whole phrase, and nothing is ever marked with
an ellipsis.  When no boundary gives a short enough text, the whole first
clause is kept: a longer line is better than a truncated one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Brackets and quotation marks that enclose text no cut may enter.
_CLOSERS = {"(": ")", "[": "]", "“": "”", "‘": "’", "«": "»"}
_MARKS = re.compile('[()\\[\\]“”‘’«»"]')
#: Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "gen",
        "col",
        "lt",
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "etc",
        "vs",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "h.e",
    ]
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_PURPOSE_VERBS = (
    "achieve|enhance|promote|strengthen|ensure|support|contribute|facilitate|improve|"
    "develop|address|maximi[sz]e|foster|build|advance|deepen|expand|implement|reali[sz]e|"
    "reduce|protect|prevent|tackle|combat|accelerate|harness|encourage|create|increase|"
    "boost|help|bring|secure|maintain|mobili[sz]e|counter"
)
#: Where a clause may end: the cut falls before the matched words (after a comma,
#: a semicolon or a dash, or before a connective that opens a subordinate phrase).
_BOUNDARY = re.compile(
    r";\s|\s[—–]\s"
    r"|,\s(?=(?:which|who|whose|whereby|where|while|including|as well as|to|in order to|"
    r"so as to|with a view to|aiming|aimed|considering|contributing|bearing|taking|noting|"
    r"recogni[sz]ing|based on|through|under|in line with|in accordance with|with|within|"
    r"by|among other things)\b)"
    r"|\s(?=(?:including|as well as|in order to|so as to|with a view to|aiming to|aimed at|"
    r"through|via|under the|in line with|in accordance with|in the framework of|"
    r"within the framework of|based on|in cooperation with|in collaboration with|"
    r"with the participation of|toward|towards|which|by using|between|"
    r"(?:adopted|held|signed|launched|hosted|conducted|provided|organi[sz]ed) (?:by|in|on|at)|"
    rf"to (?:{_PURPOSE_VERBS}))\b)"
)
#: Words a kept clause must not end on: they wait for what was cut off.
_DANGLING = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "within",
        "through",
        "toward",
        "towards",
        "including",
        "such",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "both",
        "all",
        "any",
        "each",
    ]
)
#: Words in -ing that are nouns, so a clause may end on them.
_ING_NOUNS = frozenset(
    [
        "training",
        "building",
        "meeting",
        "funding",
        "planning",
        "financing",
        "understanding",
        "reporting",
        "monitoring",
        "housing",
        "shipping",
        "processing",
        "manufacturing",
        "peacekeeping",
        "wellbeing",
        "well-being",
        "offering",
        "gathering",
        "hearing",
        "briefing",
        "setting",
        "thing",
        "spring",
        "morning",
        "evening",
        "beijing",
        "nanjing",
        "king",
        "ring",
        "ceiling",
    ]
)
#: A name ends a phrase when one of these words follows it ("the Memorandum of
#: Cooperation | between A and B"); never "and" or "of", which continue it.
_AFTER_NAME = re.compile(
    r"\s(?:on|in|for|between|concerning|regarding|with|at|by|under|through|which|that|"
    r"as|from|during|signed|held|adopted|launched|toward|towards|to)\b"
)
_PROPER_START = '“"‘('
#: Fewer words than this make a fragment, not a line: such boundaries are skipped.
MIN_WORDS = 6


def top_level(text: str) -> list[bool]:
    """For each character of ``text``: True when it lies outside every
    parenthesis and quotation.  A closing curly quote that closes nothing is an
    apostrophe (``Japan’s``); straight double quotes pair up.  After an opening
    mark that is never closed, nothing is trusted."""
    flags = [True] * len(text)
    stack: list[str] = []
    first: int | None = None
    opened = 0
    for match in _MARKS.finditer(text):
        at, char = match.start(), match.group()
        if stack and char == stack[-1]:
            stack.pop()
            if not stack:
                flags[opened : at + 1] = [False] * (at + 1 - opened)
            continue
        if char == '"':
            closer = '"'
        elif char in _CLOSERS and not (char == "‘" and stack and stack[-1] == "’"):
            closer = _CLOSERS[char]
        else:
            continue  # an apostrophe, or a closing mark that closes nothing
        if not stack:
            opened = at
        if first is None:
            first = at
        stack.append(closer)
    if stack and first is not None:
        flags[first:] = [False] * (len(text) - first)
    return flags


def sentences(text: str) -> list[str]:
    """``text`` split into sentences at full stops outside brackets and quotes,
    not after abbreviations (``U.S.``, ``No.``) or initials (``Joseph R. Biden``)."""
    text = " ".join(text.split())
    flags = top_level(text)
    found: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if not flags[match.start()]:
            continue
        word = text[start : match.start()].rsplit(" ", 1)[-1].strip("(“\"'‘")
        if _is_abbreviation(word):
            continue
        found.append(text[start : match.end()].strip())
        start = match.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def _is_abbreviation(word: str) -> bool:
    bare = word.rstrip(".").casefold()
    return bare in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (the whole text when it has one)."""
    found = sentences(text)
    return found[0] if found else ""


def clause_ends(text: str, names: Iterable[str] = ()) -> list[int]:
    """The positions where a clause of ``text`` may be cut (the cut keeps
    ``text[:position]``), outside brackets and quotations, in order.

    ``names`` are the names the text holds (organisations, instruments,
    projects): no cut falls inside one of them, and a phrase may also end just
    after one ("welcomed the signing of the Exchange of Notes | concerning a
    grant for ..."), unless that place lies inside a longer name.
    """
    flags = top_level(text)
    spans = [
        (m.start(), m.end()) for name in names if name for m in re.finditer(re.escape(name), text)
    ]
    ends = {
        m.start()
        for m in _BOUNDARY.finditer(text)
        if flags[m.start()] and not any(s < m.start() < e for s, e in spans)
    }
    for start, end in spans:
        inside = any(s < end < e or s < start < e for s, e in spans if (s, e) != (start, end))
        proper = text[start] in _PROPER_START or text[start].isupper()
        if flags[start] and proper and not inside and _AFTER_NAME.match(text, end):
            ends.add(end)
    return sorted(ends)


def shorten(text: str, words: int, *, minimum: int = MIN_WORDS, names: Iterable[str] = ()) -> str:
    """The first sentence of ``text``, cut at the last clause boundary that keeps
    at most ``words`` words (and at least ``minimum``).  A sentence at most half
    as long again as ``words`` is kept whole rather than cut to a short fragment;
    without a boundary that fits, the whole first clause is kept, or the whole
    sentence when it has only one.

    The result never ends inside a name, a quotation or a parenthesis, and never
    carries an ellipsis; its final full stop (if any) is removed.  ``names`` (see
    :func:`clause_ends`) add places where a phrase may end.
    """
    sentence = first_sentence(text).rstrip(" .")
    if len(sentence.split()) <= words:
        return sentence
    heads = [_tidy(sentence[:end]) for end in clause_ends(sentence, names)]
    heads = [h for h in heads if len(h.split()) >= minimum and _complete(h)]
    fitting = [h for h in heads if len(h.split()) <= words]
    if fitting and len(fitting[-1].split()) * 2 >= words:
        return fitting[-1]
    # a cut that keeps only a fragment of a sentence barely over the limit loses
    # more than it saves: keep the sentence
    if len(sentence.split()) * 2 <= words * 3:
        return sentence
    if fitting:
        return fitting[-1]
    return heads[0] if heads else sentence


def _tidy(head: str) -> str:
    return head.rstrip(" ,;:—–-")


def _complete(head: str) -> bool:
    """False for a head that stops on a word waiting for its object (``of``,
    ``including``, a gerund such as ``hosting``)."""
    last = head.rsplit(" ", 1)[-1].strip("“”\"'‘’()").casefold()
    if last in _DANGLING:
        return False
    return not (last.endswith("ing") and last not in _ING_NOUNS)


def ends_inside(text: str) -> bool:
    """True when ``text`` stops inside a parenthesis or a quotation (a check for
    shortened texts: a whole phrase never does)."""
    flags = top_level(text)
    return bool(text) and not flags[-1] and text.rstrip()[-1] not in ')]”’"»'
