"""jtreport: turn a diplomatic joint statement into a briefing pack.

Data flows one way: read -> parse -> model -> export.  The public API is small:

- :data:`hookimpl`, the marker plugins use (``from jtreport import hookimpl``);
- :func:`parse_file` / :func:`parse_text`, which build the commitment model;
- the model classes in :mod:`jtreport.model`.

Heavy modules are imported lazily so that ``import jtreport`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

__version__ = "0.1.0"

#: Marker for hook implementations: ``@hookimpl def register_exporters(register): ...``
hookimpl = pluggy.HookimplMarker("jtreport")

__all__ = ["__version__", "hookimpl", "parse_file", "parse_text"]

if TYPE_CHECKING:
    from .api import parse_file, parse_text


def __getattr__(name: str) -> Any:
    if name in ("parse_file", "parse_text"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'jtreport' has no attribute {name!r}")
