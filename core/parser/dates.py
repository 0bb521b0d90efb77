"""Dates named in a statement: full dates, months, years and relative phrases.

What counts as a date mention (the rules a careful reader applies): every
calendar expression, and nothing else.

* A full date in any usual order: ``December 20, 2025``, ``20 December 2025``,
  ``17th June, 2009``, ``the 28th of April 2017``, ``2025-12-20``.
* A month and year: ``May 2026``, ``September, 2023``.
* A year, wherever it stands: ``in 2025``, ``by the end of 2025``,
  ``mid-2026``, ``post-2020``, and in names too (``the 2030 Agenda``, ``Expo
  2025``, ``ASEAN 2025``): the labels count every calendar year.  A number
  that counts or numbers something is no year: resolution numbers (``77/158``,
  ``resolution 2231``), codes (``ADF14``), amounts (``US$2025 million``,
  ``2000 participants``, ``1,000 officials``), decades (``the 1990s``).
* A range gives both ends, each a mention with the range's words as text:
  ``2018-2028``, ``2001-02``, ``2028-29``, ``from 2021 to 2025``, ``7-8 December
  2000``, ``June 22-23``, ``28 July to 2 August 2002``, ``April-June 2026``.
* Relative phrases, resolved against the reference (the statement's date):
  ``today``, ``February 14 this year``, ``this year``, ``next year``, ``last
  year``, ``next month``, ``by the end of the year``; a day or month without a
  year (``on June 17``, ``in October``, ``the June dialogue``, ``in coming
  November``) falls in the reference's year, or in the next year when the
  sentence speaks of the future (``will``, ``coming``, ``next``...) and that
  year's date would already be past - unless a past participle stands right
  before it (``the Conference held on 25 October``); ``last November`` is the
  latest November before the reference.  Vague phrases such as ``the coming
  decades`` or ``the coming year`` are not dates.  Without a reference these
  relative mentions cannot be resolved and are left out.

Values are ISO to the precision given (``2025-12-20``, ``2026-05``, ``2026``);
``future`` compares at that precision, so a month equal to the reference month
is not in the future.  Mention texts never include the leading preposition.
The statement's own date (:func:`parse_date`, :func:`first_full_date`) reads
the same expressions, a range by its first day.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from functools import lru_cache

import msgspec

from ..model import DateMention
from .gazetteer import trie_pattern

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

# A month is any capitalised word here, checked against the tables when a
# candidate is made (see :func:`_months_valid`): twelve names and their
# abbreviations in every case, written into the expressions, would cost more to
# compile than most statements cost to read.
_FULL_MONTH = r"[A-Z][A-Za-z]{2,8}"
_ANY_MONTH = rf"{_FULL_MONTH}\.?(?!\w)"
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
_YEAR_AT = re.compile(
    rf"(?P<y>{_YEAR})(?:{_RANGE}(?P<y2>{_YEAR})|[-‐‑–/](?P<yy>\d\d)(?!\d))?"
    r"(?![\w/]|[-‐‑–]\d|[.,]\d)"
)
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


class _Candidate(msgspec.Struct, frozen=True):
    """A date-like span before it is resolved to a value; ``fields`` holds the
    parts found (y, m1, m2, d1, rel, mod, unit)."""

    start: int
    end: int
    kind: str
    fields: Mapping[str, str | None]


def _month_number(word: str | None) -> int | None:
    if not word:
        return None
    key = word.rstrip(".").lower()
    return _MONTHS.get(key) or _ABBREVIATIONS.get(key)


def _months_valid(match: re.Match[str]) -> bool:
    """Whether every month a match holds is a month's name."""
    groups = match.groupdict()
    return all(_month_number(groups[name]) is not None for name in ("m1", "m2") if groups.get(name))


def _from_match(kind: str, match: re.Match[str], start: int | None = None) -> _Candidate:
    fields = {k: v for k, v in match.groupdict().items() if v is not None}
    return _Candidate(match.start() if start is None else start, match.end(), kind, fields)


def _digit_candidates(text: str) -> list[_Candidate]:
    """Full dates that start with a number, ISO dates and years."""
    found = []
    for run in _DIGITS.finditer(text):
        start, end = run.span()
        before = text[start - 1] if start else " "
        if (before.isalnum() or before in "/.,-‐‑–_$€£¥#") and not _after_mid(text, start):
            continue
        if end - start <= 2:
            match = _DMY.match(text, start)
            if match and _months_valid(match):
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
    """Whether a number follows "mid-", "post-" or "pre-" ("mid-2026", "post-2020")."""
    return _YEAR_PREFIX.search(text, max(0, start - 6), start) is not None


_YEAR_PREFIX = re.compile(r"(?<![\w-])(?i:mid|post|pre)-$")


def _year_candidate(text: str, year: re.Match[str]) -> list[_Candidate]:
    """A year, with the words that qualify it ('the end of 2026', 'early
    2027', 'mid-2026', 'Expo 2025'), or nothing when the number counts or
    numbers something ('1,000 officials' has no year; 'resolution 2231', '2000
    participants', 'US$2025')."""
    start = year.start()
    lo = max(0, start - 40)
    if _NOT_A_YEAR_BEFORE.search(text, lo, start) or _NOT_A_YEAR_AFTER.match(text, year.end()):
        return []
    fields = {"y": year["y"], "y2": year["y2"], "yy": year["yy"]}
    event = _EVENT_CONTEXT.search(text, lo, start)
    if event:
        return [_Candidate(event.start(), year.end(), "event", fields)]
    context = _YEAR_CONTEXT.search(text, lo, start)
    if context and context["qual"]:
        the = _LEADING_THE.match(context["qual"])
        start = context.start("qual") + (the.end() if the else 0)
    else:
        prefix = _YEAR_PREFIX.search(text, max(0, start - 6), start)
        start = prefix.start() if prefix else start  # "post-2020"
    return [_Candidate(start, year.end(), "year", fields)]


_NOT_A_YEAR_BEFORE = re.compile(
    r"(?i:\b(?:no\.?|nos\.|number|resolutions?|article|articles|paragraph|paragraphs|para\."
    r"|section|rule|chapter|annex|page|pages|pp?\.|flight|item|code|us\$|\$|€|£|¥)\s*)$"
)
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|(?i:per\s*cent|percent|km|kilomet(?:er|re)s?|miles|tons|tonnes|[kmg]w\b|mwh|gwh"
    r"|hectares|people|persons|participants|students|officials|members|troops|units"
    r"|personnel|staff|experts|trainees|scholarships|cases|patients|times|million|billion"
    r"|trillion|dollars|yen|euros)\b)"
)


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
            if match and _months_valid(match):
                found.append(_from_match(kind, match))
        alone = _MONTH_ALONE.match(text, start)
        if alone:
            before = _word_before(text, start).lower()
            if before not in _MONTH_LEADS and not before.endswith("-"):
                continue
            context = _MONTH_CONTEXT.search(text, max(0, start - 60), start)
            if before == "the" and _LOWER_NOUN_AFTER.match(text, alone.end()):
                # "the June trilateral dialogue": the month of an event
                found.append(_Candidate(start, alone.end(), "month", {"m1": alone["m1"]}))
            elif context and (context["prep"] or context["mod"]):
                begin = context.start("mod") if context["mod"] else start
                fields = {"m1": alone["m1"], "mod": context["mod"]}
                found.append(_Candidate(begin, alone.end(), "month", fields))
    return found


_LOWER_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|to|and|or|in|on|at|by|for|with|the|a|an|this|that|these|those|be|is|are"
    r"|was|were|will|would|may|might|can|could|should|must|not)\b)[a-z][a-z-]+"
)


def _relative_candidates(text: str) -> list[_Candidate]:
    """'this year', 'next year', 'last month', 'later this year', 'the end of
    the year', 'today'."""
    found = []
    for word in _UNIT_WORD.finditer(text):
        start = word.start()
        if start and text[start - 1].isalnum():
            continue
        before = _word_before(text, start).lower()
        if before == "the" and word.group() == "year":
            # "by the end of the year": the reference's year
            part = _PART_OF_THE.search(text, max(0, start - 40), start)
            if part:
                fields = {"rel": "this", "unit": "year"}
                found.append(_Candidate(part.start(), word.end(), "relative", fields))
            continue
        if before not in ("this", "next", "last"):
            continue
        context = _RELATIVE_CONTEXT.search(text, max(0, start - 40), start)
        if context:
            fields = {"rel": context["rel"], "unit": word.group()}
            found.append(_Candidate(context.start(), word.end(), "relative", fields))
    days = _DAY_WORD.finditer(text) if "day" in text or "morrow" in text else ()
    for day in days:
        if _FIGURATIVE_DAY.search(text, max(0, day.start() - 12), day.start()):
            continue  # "the workforce of tomorrow", "the challenges of today and tomorrow"
        found.append(_Candidate(day.start(), day.end(), "day", {"rel": day.group().lower()}))
    seasons = _SEASON.finditer(text) if _SEASON_HINT.search(text) else ()
    for season in seasons:
        fields = {"rel": season["rel"].lower(), "season": season["season"].lower()}
        found.append(_Candidate(season.start(), season.end(), "season", fields))
    return found


#: "of tomorrow", "today and tomorrow": the present and the future, no day
_FIGURATIVE_DAY = re.compile(r"(?i:\bof|\btoday\s+and)\s+$")
_SEASON_HINT = re.compile(r"(?i:spring|summer|autumn|fall|winter)")
# "this fall", "next spring", "the coming winter", "later this summer": the year of
# that season, relative to the statement's date
_SEASON = re.compile(
    r"(?i:\b(?:(?:earlier|later|early|late)\s+)?"
    r"(?P<rel>this|next|last|coming|the\s+coming|upcoming|the\s+upcoming)\s+)"
    r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\b"
)
#: the month each season starts in (the northern seasons statements mean)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


_PART_OF_THE = re.compile(
    r"(?i:\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|first\s+half|second\s+half)"
    r"\s+of\s+the\s+)$"
)
# "today", "today’s launches", "tomorrow", "yesterday": a day relative to the
# statement's own
_DAY_WORD = re.compile(r"(?<![\w-])(?:[Tt]oday|[Tt]omorrow|[Yy]esterday)(?![\w-])")
_DAY_DELTA = {"today": 0, "tomorrow": 1, "yesterday": -1}


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


# A past participle right before a date says the date is past, whatever the
# rest of the sentence: "the Conference held on 25 October" (not "to be held").
_DONE_BEFORE = re.compile(
    r"(?<!to be )(?<!will be )\b(?:held|signed|adopted|launched|hosted|concluded|convened"
    r"|organi[sz]ed|issued|announced|released|opened|began|started|took\s+place)"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:on|in)\s+(?:the\s+)?$"
)
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
                and not _DONE_BEFORE.search(text, max(0, cand.start - 50), cand.start)
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
            done = _DONE_BEFORE.search(text, max(0, cand.start - 50), cand.start)
            year += 1 if _is_future_context(text, cand.start, cand.end, memo) and not done else 0
        return f"{year:04d}-{month:02d}"
    if kind == "day":
        return (reference + datetime.timedelta(days=_DAY_DELTA[f["rel"]])).isoformat()
    if kind == "season":
        # this season: the statement's year; next / coming: the first such season
        # to start after the statement's date; last: the one before it
        start = _SEASON_START[f["season"]]
        rel = f["rel"].split()[-1]
        if rel == "this":
            return f"{reference.year:04d}"
        if rel == "last":
            return f"{reference.year - (1 if reference.month < start + 3 else 0):04d}"
        return f"{reference.year + (1 if start <= reference.month else 0):04d}"
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
        for end in (value, _range_end(cand, value)):
            if end:
                mentions.append(
                    DateMention(text=words, value=end, future=is_future(end, reference))
                )
    return tuple(mentions)


def _range_end(cand: _Candidate, first: str) -> str | None:
    """The value of a range's other end, at the first end's precision:
    "2018-2028", "2001-02", "7-8 December 2000", "June 22-23", "28 July to 2
    August 2002", "April-June 2026"; None for a single date."""
    f = {k: v for k, v in cand.fields.items() if v}
    year = int(first[:4])
    if cand.kind in ("year", "event"):
        if "y2" in f:
            last = int(f["y2"])
        elif "yy" in f:
            last = year - year % 100 + int(f["yy"])
        else:
            return None
        return f"{last:04d}" if year < last <= year + 100 else None
    if "d2" in f and cand.kind in ("mdy", "dmy"):
        month = _month_number(f.get("m2") or f.get("m1"))
        day = int(f["d2"])
        if month is None or not _valid_day(year, month, day):
            return None
        last_day = f"{year:04d}-{month:02d}-{day:02d}"
        return last_day if last_day > first else None
    if cand.kind == "month_year" and "m2" in f:
        month = _month_number(f["m2"])
        return f"{year:04d}-{month:02d}" if month and f"{year:04d}-{month:02d}" > first else None
    return None


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
