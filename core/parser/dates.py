"""Dates named in a statement: full dates, months, years and relative phrases.

What counts as a date mention (the rules a careful reader applies):

* A full date in any usual order: ``December 20, 2025``, ``20 December 2025``,
  ``17th June, 2009``, ``the 28th of April 2017``, ``2025-12-20``.  A range of
  days (``May 19-21, 2023``, ``from 28 to 31 July, 2002``, ``28 July to 2 August
  2002``) is one mention: its text is the whole range, its value the first day.
* A month and year: ``May 2026``, ``September, 2023``, ``April-June 2026``.
* A bare year only after a preposition (``in 2025``, ``by 2030``, ``since
  2022``, ``from 2021 to 2025``, ``by the end of 2025``, ``mid-2026``).  A year
  that is part of a name is not a date: ``the 1991 Joint Declaration``, ``the
  2030 Agenda``, ``Sendai Framework ... 2015-2030``, ``Program (2021-2025)``,
  ``ASEAN 2025``, resolution numbers such as ``77/158`` and codes such as
  ``ADF14`` never are.
* The one exception: a year right after the name of an *event* (an Expo, Summit,
  Games, Cup, Conference, Forum, Festival, Week, Exhibition) says when the event
  takes place, so ``Expo 2025`` and ``participate in GREENxEXPO 2027`` are listed
  with the year as value (text ``GREENxEXPO 2027``): a desk officer wants the
  2027 event on the calendar.
* Relative phrases, resolved against the reference (the statement's date):
  ``February 14 this year``, ``this year``, ``next year``, ``last year``, ``next
  month``; a day or month without a year (``on June 17``, ``in October``, ``in
  coming November``, ``this coming November``) falls in the reference's year, or
  in the next year when the sentence speaks of the future (``will``, ``coming``,
  ``next``...) and that year's date would already be past; ``last November`` is
  the latest November before the reference.  Vague phrases such as ``the coming
  decades`` or ``the coming year`` are not dates.  Without a reference these relative
  mentions cannot be resolved and are left out.

Values are ISO to the precision given (``2025-12-20``, ``2026-05``, ``2026``);
``future`` compares at that precision, so a month equal to the reference month
is not in the future.  Mention texts never include the leading preposition.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import DateMention
from .gazetteer import capitalised_trie, trie_pattern

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_FULL_MONTH = capitalised_trie(_MONTHS)
_ANY_MONTH = rf"(?:{_FULL_MONTH}|{capitalised_trie(_ABBREVIATIONS)}\.?)(?!\w)"
_RANGE = r"(?:\s*[-‐‑–—]\s*|\s+(?:to|until|till|through|and)\s+)"


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?(?![A-Za-z])"


def _month(name: str, pattern: str = _ANY_MONTH) -> str:
    return rf"(?P<{name}>{pattern})"


_YEAR = r"(?:1[89]|2\d)\d\d(?!\d)"
_REL_YEAR = r",?\s+(?P<rel>(?i:this|next|last))\s+year\b"

# Each kind of mention is found from an anchor that a fast scan finds (a run of
# digits, a month name, the word "year" or "month"); the words around the anchor
# are then matched in place, and the words before it (a preposition, "coming",
# "this") are looked up in a short window.  No expression is tried at every
# position of the text, which keeps megabytes fast.
_DIGITS = re.compile(r"[0-9]+")
# A cheap first filter for month names (checked against the table afterwards).
_MONTH_WORD = re.compile(r"[ADFJMNOS][aceopuACEOPU][bcglnprtvyBCGLNPRTVY][a-zA-Z]*")
_UNIT_WORD = re.compile(r"[ym](?:ear|onth)\b")

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_MDY = re.compile(
    rf"{_month('m1')}\s+{_day('d1')}"
    rf"(?:{_RANGE}(?:{_month('m2')}\s+)?{_day('d2')})?"
    rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR})|{_REL_YEAR})?"
)
_DMY = re.compile(
    rf"{_day('d1')}(?:\s+(?:of\s+)?{_month('m1')})?"
    rf"(?:{_RANGE}{_day('d2')})?\s+(?:of\s+)?{_month('m2')}"
    rf"(?:,?\s*(?P<y>{_YEAR})|{_REL_YEAR})?"
)
_MONTH_YEAR = re.compile(rf"{_month('m1')}(?:{_RANGE}{_month('m2')})?(?:\s+of)?,?\s+(?P<y>{_YEAR})")
_MONTH_ALONE = re.compile(rf"{_month('m1', _FULL_MONTH)}(?!\w)(?!,?\s*(?:\d|of\s+\d))")
_MONTH_CONTEXT = re.compile(
    r"(?P<prep>(?i:\b(?:in|on|by|since|until|till|from|during|for|through|before|after"
    r"|around|as\s+of))\s+(?:the\s+(?:month\s+of\s+|end\s+of\s+|beginning\s+of\s+"
    r"|middle\s+of\s+)?)?)?"
    r"(?P<mod>(?i:\b(?:this\s+coming|the\s+coming|coming|the\s+upcoming|upcoming"
    r"|forthcoming|next|last|this|early|late)\s+|\bmid-\s*))?$"
)
_YEAR_AT = re.compile(rf"(?P<y>{_YEAR})(?:{_RANGE}{_YEAR})?(?![\w/]|[-‐‑–]\d|[.,]\d)")
_YEAR_CONTEXT = re.compile(
    r"(?:(?P<prep>(?i:\b(?:in|by|since|until|till|from|during|for|through|throughout|before"
    r"|after|beyond|towards?|around|as\s+of|as\s+early\s+as))\s+(?:the\s+year\s+)?)"
    r"|(?P<qual>(?i:\b(?:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half"
    r"|first\s+quarter|spring|summer|autumn|fall|winter)\s+of\s+(?:the\s+year\s+)?"
    r"|early\s+|late\s+|mid-\s*))))$"
)
_EVENT_CONTEXT = re.compile(
    r"(?<![\w-])(?P<event>[A-Z][\w-]*(?i:expo)|Expo|EXPO|Summit|Games|Olympics|Paralympics"
    r"|Cup|Conference|Forum|Festival|Week|Exhibition)\s+$"
)
_RELATIVE_CONTEXT = re.compile(
    r"(?i:\b(?:(?:earlier|later|early|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of)\s+)?"
    r"(?P<rel>this|next|last)\s+)$"
)

# Words that put a sentence in the future (looked for case-sensitively: a cheap
# scan; a cue must start a word).
_FUTURE_CUE = re.compile(
    trie_pattern(
        [
            *("will", "shall", "would", "coming", "upcoming", "forthcoming", "next", "Next"),
            "scheduled",
            *(f"{w} forward" for w in ("look", "looks", "looking")),
            *(f"{w} to" for w in ("plan", "plans", "planned", "intend", "intends", "going")),
            *(f"to be {w}" for w in ("held", "hosted", "convened")),
        ]
    )
    + r"\b"
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n\s*\n")
_STOPS = (". ", "; ", "! ", "? ", ".\n", ";\n", "\n\n")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(?i:the)\s+")

# A date line: a few words (a place, "Issued in Tokyo,", "Done at X on") before
# the date, at most a time or a place after it; markup and quotes ignored.
_MARKUP = str.maketrans("", "", "*_#>\"'“”‘’`|()[]\\")
_LINE_PREFIX = re.compile(r"\s*(?:[^\W\d][\w.'’-]*[,:]?\s+){0,5}")
_LINE_SUFFIX = re.compile(
    r"\s*(?:T[\d:.]+(?:Z|UTC|[+-]\d\d:?\d\d)?)?\s*[.,;:]?\s*"
    r"(?:[^\W\d][\w.'’-]*(?:\s+[^\W\d][\w.'’-]*){0,3}\s*\.?)?\s*"
)


@dataclass(frozen=True)
class _Candidate:
    """A date-like span before it is resolved to a value; ``fields`` holds the
    parts found (y, m1, m2, d1, rel, mod, unit)."""

    start: int
    end: int
    kind: str
    fields: dict[str, str | None]


def _month_number(word: str | None) -> int | None:
    if not word:
        return None
    key = word.rstrip(".").lower()
    return _MONTHS.get(key) or _ABBREVIATIONS.get(key)


def _from_match(kind: str, match: re.Match[str], start: int | None = None) -> _Candidate:
    fields = {k: v for k, v in match.groupdict().items() if v is not None}
    return _Candidate(match.start() if start is None else start, match.end(), kind, fields)


def _digit_candidates(text: str) -> list[_Candidate]:
    """Full dates that start with a number, ISO dates and years."""
    found = []
    for run in _DIGITS.finditer(text):
        start, end = run.span()
        before = text[start - 1] if start else " "
        if (before.isalnum() or before in "/.,-‐‑–_") and not _after_mid(text, start):
            continue
        if end - start <= 2:
            match = _DMY.match(text, start)
            if match:
                found.append(_from_match("dmy", match))
        elif end - start == 4:
            iso = _ISO.match(text, start) if text.startswith("-", end) else None
            if iso:
                found.append(_from_match("iso", iso))
            year = _YEAR_AT.match(text, start)
            if year and not iso:
                found.extend(_year_candidate(text, year))
    return found


# The word right before a month or a year must be one of these for the longer
# context expressions to be worth trying.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTH_LEADS = _word_set(
    """
    in on by since until till from during for through before after around of the coming
    upcoming forthcoming next last this early late
    """
)
_YEAR_LEADS = _word_set(
    """
    in by since until till from during for through throughout before after beyond toward
    towards around of as early late year summit games olympics paralympics cup conference
    forum festival week exhibition expo
    """
)


def _word_before(text: str, pos: int) -> str:
    """The word that ends (across blanks) right before ``pos``."""
    end = pos
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    lo = max(0, end - 40)
    start = max(text.rfind(" ", lo, end), text.rfind("\n", lo, end), text.rfind("\t", lo, end))
    return text[start + 1 : end]


def _after_mid(text: str, start: int) -> bool:
    """Whether a number follows "mid-" ("mid-2026")."""
    return text[max(0, start - 4) : start].lower() == "mid-"


def _year_candidate(text: str, year: re.Match[str]) -> list[_Candidate]:
    """A bare year with the words that make it a date ('in', 'by the end of',
    an event's name), or nothing."""
    start = year.start()
    lo = max(0, start - 40)
    before = _word_before(text, start)
    if before.lower() not in _YEAR_LEADS and not before.endswith(("-", "xpo", "XPO")):
        return []
    event = _EVENT_CONTEXT.search(text, lo, start)
    if event:
        return [_Candidate(event.start(), year.end(), "event", {"y": year["y"]})]
    context = _YEAR_CONTEXT.search(text, lo, start)
    if not context:
        return []
    if context["qual"]:
        the = _LEADING_THE.match(context["qual"])
        start = context.start("qual") + (the.end() if the else 0)
    return [_Candidate(start, year.end(), "year", {"y": year["y"]})]


def _month_candidates(text: str) -> list[_Candidate]:
    """Dates that start with a month name, and months alone after 'in',
    'coming', 'this'..."""
    found = []
    for word in _MONTH_WORD.finditer(text):
        start = word.start()
        glued = start and (text[start - 1].isalnum() or text[start - 1] == "-")
        if glued and not _after_mid(text, start):
            continue
        if _month_number(word.group()) is None:
            continue
        for kind, pattern in (("mdy", _MDY), ("month_year", _MONTH_YEAR)):
            match = pattern.match(text, start)
            if match:
                found.append(_from_match(kind, match))
        alone = _MONTH_ALONE.match(text, start)
        if alone:
            before = _word_before(text, start).lower()
            if before not in _MONTH_LEADS and not before.endswith("-"):
                continue
            context = _MONTH_CONTEXT.search(text, max(0, start - 60), start)
            if context and (context["prep"] or context["mod"]):
                begin = context.start("mod") if context["mod"] else start
                fields = {"m1": alone["m1"], "mod": context["mod"]}
                found.append(_Candidate(begin, alone.end(), "month", fields))
    return found


def _relative_candidates(text: str) -> list[_Candidate]:
    """'this year', 'next year', 'last month', 'later this year'."""
    found = []
    for word in _UNIT_WORD.finditer(text):
        start = word.start()
        if start and text[start - 1].isalnum():
            continue
        if _word_before(text, start).lower() not in ("this", "next", "last"):
            continue
        context = _RELATIVE_CONTEXT.search(text, max(0, start - 40), start)
        if context:
            fields = {"rel": context["rel"], "unit": word.group()}
            found.append(_Candidate(context.start(), word.end(), "relative", fields))
    return found


def _candidates(text: str) -> list[_Candidate]:
    """Every non-overlapping date-like span, in text order; at one start the
    longest span wins, and a span inside an earlier one is dropped."""
    found = [*_digit_candidates(text), *_month_candidates(text), *_relative_candidates(text)]
    found.sort(key=lambda c: (c.start, -c.end))
    chosen: list[_Candidate] = []
    last_end = -1
    for cand in found:
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around a span (at most 300 characters
    either side)."""
    lo = max(0, start - 300)
    begin = max(text.rfind(stop, lo, start) for stop in _STOPS)
    begin = lo if begin < 0 else begin + 1
    hi = min(len(text), end + 300)
    after = _SENTENCE_END.search(text, end, hi)
    return begin, after.start() if after else hi


def _is_future_context(text: str, start: int, end: int, memo: dict[int, bool]) -> bool:
    """Whether the sentence around a span speaks of the future."""
    begin, stop = _sentence(text, start, end)
    if begin not in memo:
        memo[begin] = _has_future_cue(text, begin, stop)
    return memo[begin]


def _has_future_cue(text: str, begin: int, end: int) -> bool:
    for cue in _FUTURE_CUE.finditer(text, begin, end):
        if cue.start() == 0 or not text[cue.start() - 1].isalpha():
            return True
    return False


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


_DELTA = {"this": 0, "next": 1, "last": -1}
_AHEAD = frozenset(("coming", "the coming", "this coming", "upcoming", "the upcoming", "next"))


def _resolve(
    text: str,
    cand: _Candidate,
    reference: datetime.date | None,
    memo: dict[int, bool] | None = None,
) -> str | None:
    """The ISO value of a candidate, or None when it cannot be settled;
    ``memo`` keeps what is known of each sentence's tense."""
    memo = {} if memo is None else memo
    f = {k: v for k, v in cand.fields.items() if v}
    kind = cand.kind
    if kind == "iso":
        y, m, d = int(f["y"]), int(f["m"]), int(f["d"])
        return f"{y:04d}-{m:02d}-{d:02d}" if _valid_day(y, m, d) else None
    if kind in ("year", "event"):
        return f"{int(f['y']):04d}"
    month = _month_number(f.get("m1") or f.get("m2"))
    if kind == "month_year":
        return f"{int(f['y']):04d}-{month:02d}" if month else None
    if kind in ("mdy", "dmy"):
        if month is None:
            return None
        day = int(f["d1"])
        if "y" in f:
            year = int(f["y"])
        elif reference is None:
            return None
        elif "rel" in f:
            year = reference.year + _DELTA[f["rel"].lower()]
        else:
            year = reference.year
            if (
                _valid_day(year, month, day)
                and datetime.date(year, month, day) < reference
                and _is_future_context(text, cand.start, cand.end, memo)
            ):
                year += 1
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid_day(year, month, day) else None
    if reference is None:
        return None
    if kind == "month":
        if month is None:
            return None
        mod = _SPACES.sub(" ", f.get("mod", "").strip().lower())
        year = reference.year
        if mod == "last":
            year -= 1 if month >= reference.month else 0
        elif mod in _AHEAD:
            year += 1 if month <= reference.month else 0
        elif mod != "this" and month < reference.month:
            year += 1 if _is_future_context(text, cand.start, cand.end, memo) else 0
        return f"{year:04d}-{month:02d}"
    # relative: this/next/last year or month
    delta = _DELTA[f["rel"].lower()]
    if f["unit"] == "year":
        return f"{reference.year + delta:04d}"
    index = reference.year * 12 + reference.month - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def is_future(value: str, reference: datetime.date | None) -> bool | None:
    """Whether an ISO value (any precision) lies after the reference, compared at
    the value's precision; None without a reference."""
    if reference is None:
        return None
    parts = tuple(int(p) for p in value.split("-"))
    ref = (reference.year, reference.month, reference.day)[: len(parts)]
    return parts > ref


def find_dates(text: str, reference: datetime.date | None) -> list[DateMention]:
    """Every date mention in text: DateMention(text=words as written, value=ISO to the precision
    given, future=value lies after reference at that precision (None without reference))."""
    if len(text) > _CACHED_LENGTH:
        return list(_find_dates.__wrapped__(text, reference))
    return list(_find_dates(text, reference))


# Pure and often asked again for a repeated sentence: results are kept per text
# (texts of item size only, so the cache stays small).
_CACHED_LENGTH = 5000


@lru_cache(maxsize=4096)
def _find_dates(text: str, reference: datetime.date | None) -> tuple[DateMention, ...]:
    mentions = []
    memo: dict[int, bool] = {}
    for cand in _candidates(text):
        value = _resolve(text, cand, reference, memo)
        if value is None:
            continue
        words = _SPACES.sub(" ", text[cand.start : cand.end])
        mentions.append(DateMention(text=words, value=value, future=is_future(value, reference)))
    return tuple(mentions)


def first_full_date(text: str) -> datetime.date | None:
    """The first complete date (day, month and year) anywhere in ``text``, e.g.
    the meeting date in 'On December 20, 2025, Prime Minister ... held a meeting'."""
    for cand in _candidates(text):
        if cand.kind in ("iso", "mdy", "dmy") and cand.fields.get("y"):
            value = _resolve(text, cand, None)
            if value:
                return datetime.date.fromisoformat(value)
    return None


def parse_date(text: str) -> datetime.date | None:
    """A full date written alone or in a date line: 'December 20, 2025', '20 December 2025', '17th
    June, 2009', '2025-12-20', 'Tokyo, July 29, 2002' -> the date (for the statement's own
    date).

    A date line holds the date with at most a few words before it (a place,
    'Issued in Tokyo,', 'Done at Tokyo on') and a time or a place after it;
    markup and quotes are ignored.  A sentence that merely contains a date gives
    None: use :func:`first_full_date` for those."""
    line = text.translate(_MARKUP)
    if len(line) > 200:
        return None
    for cand in _candidates(line):
        if cand.kind not in ("iso", "mdy", "dmy") or not cand.fields.get("y"):
            continue
        value = _resolve(line, cand, None)
        if (
            value
            and _LINE_PREFIX.fullmatch(line, 0, cand.start)
            and _LINE_SUFFIX.fullmatch(line, cand.end)
        ):
            return datetime.date.fromisoformat(value)
        return None
    return None
