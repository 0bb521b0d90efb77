"""Organisations, instruments and projects named in a statement, and the acronyms
it defines: the entry point of the entity readers.

These lists fill the matrix columns and the briefing note, so they favour
precision: a name is listed only when the structure of diplomatic English says it
is one (an acronym defined in parentheses, a head noun such as *Agency* or
*Agreement*, a quoted or Title Case name with a word such as *Project* or
*Dialogue*).  Each kind has its own module, which finds the spans of text that
name one:

- :mod:`.acronyms`: the acronyms a statement defines;
- :mod:`.organisations`: named bodies;
- :mod:`.instruments`: documents and aid modalities;
- :mod:`.projects`: named projects, programmes, initiatives and events;
- :mod:`.names`: what they share (the words of names, spans).

This module settles what lies between the kinds: a name is of one kind only.
An instrument's name is not also a project ("Paris Agreement"), and an
organisation named inside a longer name ("G7 Hiroshima Summit", "UN Charter",
"Japan-IMF Scholarship Program") is part of that name, not listed on its own.

Speed: a cheap scan finds rare anchors (head nouns, key words, quotes) and the
detailed expressions run only around them; every repetition is bounded, so there
is no catastrophic backtracking and a megabyte costs a fraction of a second.
Results are kept per text (the functions are pure), so a repeated sentence is
free.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

from .acronyms import Acronyms, learn_acronyms, project_acronyms
from .instruments import instrument_key, instrument_spans
from .names import CACHED_LENGTH, Span, resolve_spans, unique
from .organisations import known_label, organisation_key, organisation_spans, speaking_bodies
from .projects import project_spans

__all__ = [
    "Acronyms",
    "find_instruments",
    "find_organizations",
    "find_projects",
    "learn_acronyms",
    "speaking_bodies",
]

_Result = TypeVar("_Result")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][\w&.-]{1,14}\)")
_Items = tuple[tuple[str, str], ...]


def _per_text(function: Callable[..., _Result], text: str, *args: object) -> _Result:
    """``function(text, *args)``, from its cache unless the text is long (the
    caches hold texts of item size only, so that they stay small)."""
    if len(text) > CACHED_LENGTH:
        wrapped: Callable[..., _Result] = getattr(function, "__wrapped__", function)
        return wrapped(text, *args)
    return function(text, *args)


def find_organizations(
    text: str, acronyms: Mapping[str, str], speakers: frozenset[str] = frozenset()
) -> list[str]:
    """Organisations named in text, by acronym when the statement defines one ('JICA', 'ADB',
    'WCO'), else by name as written ('World Bank', 'Ministry of Economy, Trade and Industry of
    Japan', 'Japan Foundation', 'Tajik National University', 'Embassy of Japan in Tajikistan').
    A defined acronym counts when either the acronym or its expansion appears (also in
    possessive 'JICA's'). Include well-known organisations (``data/organisations.txt``: United
    Nations, World Bank, IMF, ASEAN, G7, G20, EU, NATO, APEC, OECD, WTO, IAEA ...), and
    pattern-found ones (Ministry/Ministries of ..., Agency, Bank, Organization/Organisation,
    Council, Commission, Secretariat, University, Academy, Foundation, Center/Centre,
    Institute, Embassy of ...). Not countries themselves (those are parties), and not
    ``speakers``: the statement's own parties and the group it speaks as (see
    :func:`speaking_bodies`).

    Two names of one well-known organisation ("UN", "United Nations") are
    listed once, as first written.  An organisation named inside a longer name
    of another kind ("G7 Hiroshima Summit", "UN Charter", "the 2023 World Bank
    Group (WBG) Annual Meetings") is part of that name, and so is its acronym
    right after that name ("the Charter of the United Nations (UN)").  A
    country's name after a university or foundation is dropped ('Akita
    University of Japan' -> 'Akita University'); after a ministry or embassy it
    is kept.
    """
    items = tuple(acronyms.items())
    found = _per_text(_organizations, text, items, project_acronyms(acronyms))
    return [name for name in found if organisation_key(name) not in speakers]


@lru_cache(maxsize=4096)
def _organizations(text: str, items: _Items, presented: frozenset[str]) -> tuple[str, ...]:
    spans = organisation_spans(text, items)
    if not spans:
        return ()
    names = resolve_spans([*instrument_spans(text, items), *_projects_only(text, items, presented)])
    inner = [s for s in spans if _within_longer(s, names)]
    documents = {(s.start, s.end) for s in instrument_spans(text, items)}
    listed: dict[str, str] = {}
    for span in spans:
        if span in inner or _defines_inner(text, span, inner, names):
            continue
        if (span.start, span.end) in documents:
            continue  # "Bank of Japan Loan Agreement": a document's name, not a body's
        listed.setdefault(organisation_key(span.label), span.label)
    return tuple(listed.values())


def _defines_inner(text: str, span: Span, inner: list[Span], names: Sequence[Span]) -> bool:
    """Whether ``span`` is the acronym in parentheses right after a longer name,
    of an organisation named inside it: "the Charter of the United Nations
    (UN)" names the Charter only."""
    opening = text.rfind("(", 0, span.start)
    if opening < 0 or text[opening + 1 : span.start].strip():
        return False
    before = opening
    while before > 0 and text[before - 1].isspace():
        before -= 1
    key = organisation_key(span.label)
    return any(n.end == before for n in names) and any(
        organisation_key(s.label) == key and s.end <= before for s in inner
    )


def find_instruments(text: str, acronyms: Mapping[str, str] | None = None) -> list[str]:
    """Instruments named in text, as written (without a leading article) or by
    the acronym the statement defines for them (``acronyms``): documents -
    exchanges of notes, memoranda, agreements, treaties, conventions,
    resolutions, frameworks, strategies, plans, charters, declarations - and the
    aid modalities grant, loan, technical cooperation, ODA.

    'Exchange of Notes', 'MoU', 'grants', 'ODA' and 'loan' ('ODA loan' is two),
    'Agreement between Japan and the Republic of Tajikistan for the
    Liberalization, Promotion and Protection of Investment', 'UN Charter',
    'UN General Assembly Resolution 77/158', 'Sendai Framework for Disaster Risk
    Reduction 2015-2030', 'TFA' where the statement defines it.  Lower-case
    'agreement' is no name, nor is a head alone ('the Agreement'); a named grant
    programme ('Grant Assistance for Grassroots Projects') is a project.  See
    :mod:`.instruments`.
    """
    items = tuple((acronyms or {}).items())
    return list(_per_text(_instruments, text, items))


@lru_cache(maxsize=4096)
def _instruments(text: str, items: _Items) -> tuple[str, ...]:
    # two names of one instrument ("UN Charter", "Charter of the United
    # Nations") are listed once, as first written; one inside a body's name
    # ("the Trade and Investment Framework Agreement Council") is the body's
    spans = instrument_spans(text, items)
    bodies = organisation_spans(text, items) if spans else ()
    listed: dict[str, str] = {}
    for span in spans:
        if _within_longer(span, bodies):
            continue
        listed.setdefault(instrument_key(span.label), span.label)
    return tuple(listed.values())


def find_projects(text: str, acronyms: Mapping[str, str]) -> list[str]:
    """Named projects, programmes, initiatives, events: quoted names (straight or curly quotes;
    strip 'the' and the quotes), Title Case names ending in or containing
    Project/Program(me)/Initiative/ Partnership/Process/Dialogue/Conference/Workshop/Expo/Forum/
    Summit/Framework/Strategy/Plan/Route/ Corridor, and acronyms the statement defines for such
    names ('JDS', 'OVOP', 'SATREPS', 'LITACA').

    Names of instruments and of known organisations are left to the other
    lists; see :func:`.projects.project_spans` for what makes a name.
    """
    items = tuple(acronyms.items())
    return list(_per_text(_projects, text, items, project_acronyms(acronyms)))


@lru_cache(maxsize=4096)
def _projects(text: str, items: _Items, presented: frozenset[str]) -> tuple[str, ...]:
    return tuple(unique(s.label for s in _projects_only(text, items, presented)))


@lru_cache(maxsize=8)
def _projects_only(text: str, items: _Items, presented: frozenset[str]) -> tuple[Span, ...]:
    """The project spans that are not an instrument's name, nor an
    organisation's ("Climate Club Task Force", a known one)."""
    blocked = instrument_spans(text, items)
    bodies = {(s.start, s.end) for s in organisation_spans(text, items)}
    return tuple(
        s
        for s in project_spans(text, items, presented)
        if not _within(s, blocked) and not known_label(s.label) and (s.start, s.end) not in bodies
    )


def _within(span: Span, spans: Sequence[Span]) -> bool:
    """Whether ``span`` lies within one of ``spans`` (in text order, not
    overlapping)."""
    i = bisect_right([s.start for s in spans], span.start) - 1
    return i >= 0 and spans[i].end >= span.end


def _within_longer(span: Span, spans: Sequence[Span]) -> bool:
    """Whether ``span`` lies within a longer one of ``spans``."""
    i = bisect_right([s.start for s in spans], span.start) - 1
    return (
        i >= 0
        and spans[i].end >= span.end
        and spans[i].end - spans[i].start > span.end - span.start
    )
