"""The one rule for commitments (issue 11.4).

An item is a commitment when its category is a pledge, an agreement or an
intention: the speakers undertake, agree or intend to act.  Welcomes,
appreciations, affirmations and invitations never are, whatever they welcome
or affirm.  The only exception: an agreement or pledge that the document itself
fulfils ("agreed to issue this Joint Statement", "hereby establish ..."), which
leaves nothing to follow up.
"""

from __future__ import annotations

import re

from ..model import Category
from .lazy import LazyPattern

COMMITTING: frozenset[Category] = frozenset({"pledge", "agreement", "intention"})

_FULFILLED_HERE = re.compile(
    r"^\s*(?:to\s+|on\s+)?(?:issue|issuing|adopt|adopting|sign|signing|release|releasing|"
    r"publish|publishing)\s+(?:this|the\s+present|the\s+following)\s+(?:joint\s+)?"
    r"(?:statement|communiqu[eé]|declaration|document|press\s+(?:release|statement)|"
    r"action\s+plan)",
    re.I,
)


#: "hereby declare / commit / resolve to X": the document performs the declaring,
#: what is declared still lies ahead
_DECLARING = LazyPattern(
    r"\b(?:declare|commit|pledge|resolve|undertake|agree|decide|affirm|reaffirm|confirm)\w*\s*$",
    re.I,
)


def is_commitment(category: Category, verb: str = "", complement: str = "") -> bool:
    """Whether an act of this category commits the speakers: pledge, agreement and
    intention do, unless the statement itself fulfils the act (``hereby``, "agreed
    to issue this statement")."""
    if category not in COMMITTING:
        return False
    performed = "hereby" in verb.lower() and not _DECLARING.search(verb)
    return not (performed or _FULFILLED_HERE.match(complement))
