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
  ``next``...) and that year's date would already be past.  Vague phrases such
  as ``the coming decades`` are not dates.  Without a reference these relative
  mentions cannot be resolved and are left out.

Values are ISO to the precision given (``2025-12-20``, ``2026-05``, ``2026``);
``future`` compares at that precision, so a month equal to the reference month
is not in the future.  Mention texts never include the leading preposition.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..model import DateMention
from .gazetteer import capitalised_trie

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

_ISO = re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_MDY = re.compile(
    rf"(?<!\w){_month('m1')}\s+{_day('d1')}"
    rf"(?:{_RANGE}(?:{_month('m2')}\s+)?{_day('d2')})?"
    rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR})|{_REL_YEAR})?"
)
_DMY = re.compile(
    rf"(?<![\w.,/-]){_day('d1')}(?:\s+(?:of\s+)?{_month('m1')})?"
    rf"(?:{_RANGE}{_day('d2')})?\s+(?:of\s+)?{_month('m2')}"
    rf"(?:,?\s*(?P<y>{_YEAR})|{_REL_YEAR})?"
)
_MONTH_YEAR = re.compile(
    rf"(?<!\w){_month('m1')}(?:{_RANGE}{_month('m2')})?(?:\s+of)?,?\s+(?P<y>{_YEAR})"
)
_MONTH_ONLY = re.compile(
    r"(?:(?P<prep>(?i:\b(?:in|on|by|since|until|till|from|during|for|through|before|after"
    r"|around|as\s+of))\s+(?:the\s+(?:month\s+of\s+|end\s+of\s+|beginning\s+of\s+"
    r"|middle\s+of\s+)?)?))?"
    r"(?P<body>(?P<mod>(?i:(?:this\s+coming|the\s+coming|coming|the\s+upcoming|upcoming"
    r"|forthcoming|next|last|this|early|late)\s+|mid-\s*))?"
    rf"{_month('m1', _FULL_MONTH)})(?!\w)(?!,?\s*(?:\d|of\s+\d))"
)
_BARE_YEAR = re.compile(
    r"(?:(?P<prep>(?i:\b(?:in|by|since|until|till|from|during|for|through|throughout|before"
    r"|after|beyond|towards?|around|as\s+of|as\s+early\s+as))\s+(?:the\s+year\s+)?)"
    r"|(?P<qual>(?i:\b(?:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half"
    r"|first\s+quarter|spring|summer|autumn|fall|winter)\s+of\s+(?:the\s+year\s+)?"
    r"|early\s+|late\s+|mid-\s*))))"
    rf"(?P<body>(?P<y>{_YEAR})(?:{_RANGE}{_YEAR})?)(?![\w/]|[-‐‑–]\d|[.,]\d)"
)
_EVENT_YEAR = re.compile(
    r"(?<![\w-])(?P<event>[A-Z][\w-]*(?i:expo)|Expo|EXPO|Summit|Games|Olympics|Paralympics"
    r"|Cup|Conference|Forum|Festival|Week|Exhibition)\s+"
    rf"(?P<y>{_YEAR})(?![\w/]|[-‐‑–]\d|[.,]\d)"
)
_RELATIVE = re.compile(
    r"(?i:\b(?:(?:earlier|later|early|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of)\s+)?"
    r"(?P<rel>this|next|last)\s+(?P<unit>year|month)\b)"
)

_FUTURE_CUE = re.compile(
    r"(?i:\b(?:will|shall|would|coming|upcoming|forthcoming|next|look(?:s|ed|ing)?\s+forward"
    r"|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|scheduled|to\s+be\s+(?:held|hosted|convened)"
    r"|going\s+to)\b)"
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n\s*\n")
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

_KINDS = (
    ("iso", _ISO),
    ("mdy", _MDY),
    ("dmy", _DMY),
    ("month_year", _MONTH_YEAR),
    ("month", _MONTH_ONLY),
    ("year", _BARE_YEAR),
    ("event", _EVENT_YEAR),
    ("relative", _RELATIVE),
)


@dataclass(frozen=True)
class _Candidate:
    """A matched span before it is resolved to a value."""

    start: int
    end: int
    kind: str
    match: re.Match[str]


def _month_number(word: str | None) -> int | None:
    if not word:
        return None
    key = word.rstrip(".").lower()
    return _MONTHS.get(key) or _ABBREVIATIONS.get(key)


def _candidates(text: str) -> list[_Candidate]:
    """Every non-overlapping date-like span, in text order; at one start the
    longest span wins, and a span inside an earlier one is dropped."""
    found: list[_Candidate] = []
    for kind, pattern in _KINDS:
        for match in pattern.finditer(text):
            start, end = _span(kind, match)
            if start < end:
                found.append(_Candidate(start, end, kind, match))
    found.sort(key=lambda c: (c.start, -c.end))
    chosen: list[_Candidate] = []
    last_end = -1
    for cand in found:
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen


def _span(kind: str, match: re.Match[str]) -> tuple[int, int]:
    """The part of a match that is the mention's text (prepositions left out)."""
    if kind == "month":
        if not (match.group("prep") or match.group("mod")):
            return 0, 0
        return match.span("body")
    if kind == "year":
        if match.group("qual"):
            qual_start = match.start("qual")
            the = _LEADING_THE.match(match.group("qual"))
            return qual_start + (the.end() if the else 0), match.end("body")
        return match.span("body")
    return match.span()


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span (bounded, so long texts stay fast)."""
    lo = max(0, start - 600)
    before = text[lo:start]
    cut = None
    for cut in _SENTENCE_END.finditer(before):
        pass
    begin = lo + cut.end() if cut else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + 600))
    return text[begin : after.start() if after else min(len(text), end + 600)]


def _is_future_context(text: str, start: int, end: int) -> bool:
    return _FUTURE_CUE.search(_sentence(text, start, end)) is not None


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _resolve(text: str, cand: _Candidate, reference: datetime.date | None) -> str | None:
    """The ISO value of a candidate, or None when it cannot be settled."""
    match = cand.match
    kind = cand.kind
    if kind == "iso":
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        return f"{y:04d}-{m:02d}-{d:02d}" if _valid_day(y, m, d) else None
    if kind in ("mdy", "dmy"):
        month = _month_number(match["m1"] or match["m2"])
        day = int(match["d1"])
        if month is None:
            return None
        if match["y"]:
            year = int(match["y"])
        elif reference is None:
            return None
        elif match["rel"]:
            year = reference.year + {"this": 0, "next": 1, "last": -1}[match["rel"].lower()]
        else:
            year = reference.year
            if (
                _valid_day(year, month, day)
                and datetime.date(year, month, day) < reference
                and _is_future_context(text, cand.start, cand.end)
            ):
                year += 1
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid_day(year, month, day) else None
    if kind == "month_year":
        month = _month_number(match["m1"])
        return f"{int(match['y']):04d}-{month:02d}" if month else None
    if kind in ("year", "event"):
        return f"{int(match['y']):04d}"
    if reference is None:
        return None
    if kind == "month":
        month = _month_number(match["m1"])
        if month is None:
            return None
        mod = _SPACES.sub(" ", (match["mod"] or "").strip().lower())
        year = reference.year
        if mod == "last":
            year -= 1 if month >= reference.month else 0
        elif mod in ("coming", "the coming", "this coming", "upcoming", "the upcoming", "next"):
            year += 1 if month <= reference.month else 0
        elif mod != "this" and month < reference.month:
            year += 1 if _is_future_context(text, cand.start, cand.end) else 0
        return f"{year:04d}-{month:02d}"
    # relative: this/next/last year or month
    delta = {"this": 0, "next": 1, "last": -1}[match["rel"].lower()]
    if match["unit"].lower() == "year":
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
    """Every date mention in text: DateMention(text=words as written, value=ISO to the precision given,
    future=value lies after reference at that precision (None without reference))."""
    mentions = []
    for cand in _candidates(text):
        value = _resolve(text, cand, reference)
        if value is None:
            continue
        words = _SPACES.sub(" ", text[cand.start : cand.end])
        mentions.append(DateMention(text=words, value=value, future=is_future(value, reference)))
    return mentions


def first_full_date(text: str) -> datetime.date | None:
    """The first complete date (day, month and year) anywhere in ``text``, e.g.
    the meeting date in 'On December 20, 2025, Prime Minister ... held a meeting'."""
    for cand in _candidates(text):
        if cand.kind in ("iso", "mdy", "dmy") and cand.match["y"]:
            value = _resolve(text, cand, None)
            if value:
                return datetime.date.fromisoformat(value)
    return None


def parse_date(text: str) -> datetime.date | None:
    """A full date written alone or in a date line: 'December 20, 2025', '20 December 2025',
    '17th June, 2009', '2025-12-20', 'Tokyo, July 29, 2002' -> the date (for the statement's own date).

    A date line holds the date with at most a few words before it (a place,
    'Issued in Tokyo,', 'Done at Tokyo on') and a time or a place after it;
    markup and quotes are ignored.  A sentence that merely contains a date gives
    None: use :func:`first_full_date` for those."""
    line = text.translate(_MARKUP)
    if len(line) > 200:
        return None
    for cand in _candidates(line):
        if cand.kind not in ("iso", "mdy", "dmy") or not cand.match["y"]:
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
