"""Importing openpyxl without numpy.

openpyxl imports numpy whenever it is installed, only so that cells accept
numpy numbers, which jtreport never writes; that import costs about 0.1 s.
Every first import of openpyxl in the matrix plugin goes through
:func:`import_openpyxl`.
"""

from __future__ import annotations

import sys


def import_openpyxl() -> None:
    """Import openpyxl without letting it import numpy.

    numpy is blocked only while openpyxl itself is first imported, and only when
    numpy is not loaded already: a program that uses numpy keeps openpyxl's
    support for it, and ``import numpy`` works as usual afterwards.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy fails meanwhile
    try:
        import openpyxl  # noqa: F401
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]
