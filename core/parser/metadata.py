"""The statement's date and place.

The date is the dateline's (above the text or in the signature block), else the
meeting day the opening gives ("On December 20, 2025, ..."), else the source's
metadata (not a timestamp such as "2016-11-21T20:55:00", which says when a copy
was posted), else the first full date of the opening.  The place is the dateline's
("Tokyo, 26 October 2016", "20 May 2023, Hiroshima", "Jakarta 13 August"), else
where the opening says the meeting was held ("met today in Tokyo", "was held on
12 November 2022 in Phnom Penh", "convened at Camp David"), else where a leader
was welcomed ("welcomed ... to India"), else the country of a visit ("an official
visit to Japan") - never a city the text does not give.
"""

from __future__ import annotations

import datetime as dt
import re

import msgspec

from .lazy import LazyPattern

#: a place's name: capitalised words, and "D.C." only last (a full stop ends it)
_PLACE_NAME = r"[A-Z][\w’'-]*(?:(?:,\s+|\s+)(?!D\.C\.)[A-Z][\w’'-]*){0,3}(?:,?\s+D\.C\.)?"
#: a stretch of one sentence: a full stop only after an initial or in "Jr."
_IN_SENTENCE = r"(?:[^.;:]|(?<=\b[A-Z])\.|(?<=\b[JS]r)\.)"
_PLACE_VERB = re.compile(
    r"(?:\b(?:was|were|be|been|being|is|are)\s+(?:\w+ly\s+)?held"
    r"|\b(?i:summit|meeting|conference|dialogue|forum|session|talks|consultations),?\s+held"
    r"|\bheld\s+(?:\w+\s+){0,2}"
    r"(?:talks|meetings?|summits?|consultations|dialogues?|discussions)"
    r"|\b(?:met|meet|meeting|took\s+place|convened|gathered|(?:co-)?chaired)"
    r"|\bon\s+the\s+(?:margins|sidelines)\s+of)\b"
    # the place of the meeting, not of a purpose it serves ("met to promote growth in X")
    rf"(?:(?!\bto\s+(?!the\b)[a-z]){_IN_SENTENCE}){{0,120}}?\s(?:in|at)\s+(?P<place>{_PLACE_NAME})"
)
_WELCOMED_TO = re.compile(
    rf"(?P<host>(?<![^.;:\n]){_IN_SENTENCE}{{0,200}}?)\bwelcom(?:ed|es|e|ing)\s+"
    rf"(?P<guest>{_IN_SENTENCE}{{3,120}}?)"
    rf"\s+to\s+(?P<place>{_PLACE_NAME})"
)
_VISIT_TO = re.compile(
    r"\b(?i:visit(?:ed)?)\s+(?:to\s+)?(?P<place>(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,5})"
)
_ISSUED = re.compile(r"^(?:issued|done|signed|adopted|made)\s+(?:in|at)\s+", re.I)
_ON_DATE = re.compile(r"^\s*On\s+(?P<date>[^,]{4,30},\s*\d{4}|\d{1,2}\s+\w+\s+\d{4})\b")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?",
)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: the meeting itself, then the day it was held ("the summit meeting on", "talks held on")
_MEETING_ON = LazyPattern(
    r"\b(?i:summit|meeting|talks|consultations)(?:\s+(?:was|were))?(?:\s+held)?\s+on\s+(?=\S)"
)
_POSTING_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_DAY_OR_YEAR = re.compile(r"\b\d{1,4}(?:st|nd|rd|th)?\b")
_WEEKDAY = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
#: words that start a place's name but are no place
_NOT_PLACES = frozenset({"The", "This", "Our", "Their", "Its", "We", "Today", "Both"})


class Dated(msgspec.Struct, frozen=True):
    """The statement's date and place as found."""

    date: dt.date | None
    place: str | None
    #: the header or closing line the date was read from, if any
    line: str | None = None
    #: a date of the source that was not taken (a posting time), to say so
    passed_over: str | None = None


def find_date_and_place(
    header_lines: list[str], closing: list[str], metadata_date: str | None, opening: list[str]
) -> Dated:
    """The date and place (``header_lines``: the header's date lines and lines that
    only name a place): header date line, then closing line, then an opening
    "On December 20, 2025, ...", then the source's metadata, then the first full
    date in the opening paragraph; the place as the module's docstring says."""
    from .dates import find_dates, parse_date

    dated_lines = [
        *[h for h in header_lines if parse_date(h)],
        *[c for c in closing if parse_date(c)],
    ]
    place = (
        next((p for p in map(_place_of, [*dated_lines, *closing]) if p is not None), None)
        or next((_place_like(h) for h in header_lines if not parse_date(h)), None)
        or _place_in(opening)
    )
    for line in dated_lines:
        value = parse_date(line)
        if value:
            return Dated(value, place, line)
    # "On December 20, 2025, ..." opening the statement is its own word on the date
    for text in opening[:2]:
        on_date = _ON_DATE.match(text)
        value = parse_date(on_date.group("date")) if on_date else None
        if value:
            return Dated(value, place)
    # then the source's metadata (front matter, <meta>, document properties), unless
    # it is a timestamp: when a copy was posted, not when the statement was issued
    if metadata_date and not _POSTING_TIME.search(metadata_date):
        value = _iso_date(metadata_date) or parse_date(metadata_date)
        if value:
            return Dated(value, place)
    first = next(
        (
            dt.date.fromisoformat(mention.value)
            for text in opening[:2]
            for mention in find_dates(text, None)
            if _FULL_DATE.fullmatch(mention.value)
        ),
        None,
    )
    meeting_day = _meeting_day(opening[:2], first)
    if meeting_day or first:
        return Dated(meeting_day or first, place)
    return Dated(None, place, passed_over=metadata_date)


def _meeting_day(opening: list[str], first: dt.date | None) -> dt.date | None:
    """The day the opening gives for the meeting itself ("During the summit
    meeting on September 29, ...", "the talks held on 12 May"), its year, when
    not written, that of the first full date (the visit's)."""
    from .dates import find_dates

    for text in opening:
        for match in _MEETING_ON.finditer(text):
            for mention in find_dates(text[match.end() : match.end() + 40], first):
                if _FULL_DATE.fullmatch(mention.value):
                    return dt.date.fromisoformat(mention.value)
                break
    return None


def _iso_date(text: str) -> dt.date | None:
    match = re.match(r"^\s*'?(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _place_of(line: str) -> str | None:
    """The place of a dateline: before the date ("Tokyo, 26 October 2016",
    "Jakarta 13 August", "Issued in Tokyo, ...") or after it ("20 May 2023,
    Hiroshima")."""
    text = _ISSUED.sub("", line.strip())
    if len(text.split()) > 9:
        return None
    dates = [m.span() for m in _MONTH.finditer(text)]
    if not dates:
        return None
    dates += [m.span() for m in _DAY_OR_YEAR.finditer(text)]
    first = min(start for start, _end in dates)
    last = max(end for _start, end in dates)
    for part in (text[:first], text[last:]):
        place = _place_like(part)
        if place:
            return place
    return None


def _place_like(text: str) -> str | None:
    """``text`` as a place's name (one to four capitalised words), or None."""
    place = text.strip(" ,;:-–")
    if place.endswith(".") and place.count(".") == 1:
        place = place[:-1]
    words = place.replace(",", " ").split()
    if not 0 < len(words) <= 4 or words[0] in _NOT_PLACES or _WEEKDAY.match(words[0]):
        return None
    if any(ch.isdigit() for ch in place) or _MONTH.fullmatch(words[0]):
        return None
    if not all(w[:1].isupper() for w in words):
        return None
    return place


def _place_in(opening: list[str]) -> str | None:
    """Where the opening says the meeting was held, a leader was welcomed, or (in
    its first paragraph) a visit was paid (the country, when no city is given)."""
    from .people import country_at

    for pattern in (_PLACE_VERB, _WELCOMED_TO):
        for text in opening[:2]:
            for match in pattern.finditer(text):
                place = _place_like(match.group("place"))
                if place and (pattern is _PLACE_VERB or _welcomed_to_place(match, place)):
                    return _with_whole_country(place, text[match.start("place") :])
    for text in opening[:1]:
        for match in _VISIT_TO.finditer(text):
            host = country_at(match.group("place"))
            if host is not None:
                return host[0].name
    return None


def _with_whole_country(place: str, text: str) -> str:
    """``place`` with the whole name of the country that qualifies its city, where
    the name ran longer than a place's words ("Port Moresby, Papua New Guinea");
    a country qualifies no country ("in Brazil, Norway and Chile agreed": Brazil)."""
    from .people import country_at

    city, comma, qualifier = place.partition(",")
    if not comma:
        return place
    named = country_at(city)
    if named is not None and named[1] == city.strip():
        return city
    after_city = text[len(city) + 1 :]
    country = country_at(after_city)
    if country is None or len(country[1]) <= len(qualifier.strip()):
        return place
    return f"{city}, {country[1]}"


def _welcomed_to_place(match: re.Match[str], place: str) -> bool:
    """Whether "welcome(d) X to Y" welcomes a guest to a place: X is a person (a
    capitalised title or name: "Prime Minister Z", "His Excellency Z") or Y a
    known place ("welcomed the trade mission ... to Indonesia"), not "welcome
    commencement of negotiations ... pursuant to Article".)"""
    from .gazetteer import country_of_place

    return match.group("guest")[:1].isupper() or country_of_place(place) is not None


def host_of_meeting(opening: list[str]) -> tuple[str, str] | None:
    """Who hosted the meeting, from "X welcomed Y to <place>": the words before
    "welcomed" in that sentence, and the place."""
    for text in opening[:2]:
        for match in _WELCOMED_TO.finditer(text):
            place = _place_like(match.group("place"))
            if place and _welcomed_to_place(match, place):
                return match.group("host"), place
    return None
