"""The hook specifications: everything a plugin can do.

A plugin is a module (or object) with functions marked ``@hookimpl`` whose names
are those below.  An implementation may accept fewer arguments than the
specification, so hooks can grow without breaking plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .formats import Exporter, Reader
    from .model import Statement

hookspec = pluggy.HookspecMarker("jtreport")


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Called once, when the formats are first needed, to collect output formats.

    Call ``register(exporter)`` with an instance of a :class:`jtreport.formats.Exporter`
    subclass for every format the plugin adds.  Return nothing.  Keep this cheap:
    import heavy libraries inside ``Exporter.export``.
    """


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Called once, when an input is first read, to collect input formats.

    Call ``register(reader)`` with an instance of a :class:`jtreport.formats.Reader`
    subclass for every input format the plugin reads.  Return nothing.
    """


@hookspec
def transform_statement(statement: Statement) -> Statement | None:
    """Called after parsing, before any export, once per input statement.

    Return a new :class:`jtreport.model.Statement` (models are immutable: build
    one with ``msgspec.structs.replace``) to change what every exporter sees, e.g.
    to assign lead agencies or drop items; return ``None`` to leave it as it is.
    When several plugins implement it, each receives the previous one's result.
    """
