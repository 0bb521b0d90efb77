"""jtreport: turn a diplomatic joint statement into a briefing pack.

Data flows one way: read -> parse -> model -> export.  The public API is
documented in ``docs/api.md``:

- :data:`hookimpl`, the marker plugins use (``from jtreport import hookimpl``);
- :mod:`jtreport.api`: parse a file or text, run the transform plugins, export
  to any installed format (:func:`parse_file` and :func:`parse_text` are here too);
- the model classes in :mod:`jtreport.model` and their views in :mod:`jtreport.digest`.

Heavy modules are imported lazily so that ``import jtreport`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl", "parse_file", "parse_text"]

if TYPE_CHECKING:
    import pluggy

    from .api import parse_file, parse_text

    #: Marker for hook implementations: ``@hookimpl def register_exporters(register): ...``
    hookimpl: pluggy.HookimplMarker


def __getattr__(name: str) -> Any:
    if name == "hookimpl":
        # pluggy is imported on first use: ``jtreport --version`` does not need it
        import pluggy

        marker = pluggy.HookimplMarker("jtreport")
        globals()["hookimpl"] = marker  # one marker for every plugin
        return marker
    if name in ("parse_file", "parse_text"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'jtreport' has no attribute {name!r}")
