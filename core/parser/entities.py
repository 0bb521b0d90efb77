"""Organisations, instruments and projects named in a statement, and the acronyms
it defines: the entry point of the entity readers.

These lists fill the matrix columns and the briefing note, so they favour
precision: a name is listed only when the structure of diplomatic English says it
is one (an acronym defined in parentheses, a head noun such as *Agency* or
*Agreement*, a quoted or Title Case name with a word such as *Project* or
*Dialogue*).  Each kind has its own module:

- :mod:`.acronyms`: the acronyms a statement defines;
- :mod:`.organisations`: named bodies;
- :mod:`.instruments`: documents and aid modalities;
- :mod:`.projects`: named projects, programmes, initiatives and events;
- :mod:`.names`: what they share (the words of names, spans).

Speed: a cheap scan finds rare anchors (head nouns, key words, quotes) and the
detailed expressions run only around them; every repetition is bounded, so there
is no catastrophic backtracking and a megabyte costs a fraction of a second.
Results are kept per text (the functions are pure), so a repeated sentence is
free.
"""

from __future__ import annotations

from .acronyms import Acronyms, learn_acronyms
from .instruments import find_instruments
from .organisations import find_organizations, speaking_bodies
from .projects import find_projects

__all__ = [
    "Acronyms",
    "find_instruments",
    "find_organizations",
    "find_projects",
    "learn_acronyms",
    "speaking_bodies",
]
