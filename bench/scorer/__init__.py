"""The accuracy scorer: the parser measured against the hand-labelled set
(``bench/labelled/``).  ``python bench/accuracy.py`` is its command line;
``docs/accuracy.md`` says what every score means."""

from .labels import LabelError, LabelledDocument, read_documents
from .scoring import Report, below_floors, load_floors, score
from .tally import SCORES

__all__ = [
    "SCORES",
    "LabelError",
    "LabelledDocument",
    "Report",
    "below_floors",
    "load_floors",
    "read_documents",
    "score",
]
