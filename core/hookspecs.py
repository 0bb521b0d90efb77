"""The hook specifications: everything a plugin can do.

A plugin is a module (or object) with functions marked ``@hookimpl`` (``from
jtreport import hookimpl``) whose names are those below; it is found through an
entry point in the ``jtreport`` group.  An implementation may accept fewer
arguments than its specification, so hooks can grow new arguments without
breaking plugins.  ``docs/plugins.md`` documents each hook with its signature.

pluggy calls the hooks; jtreport calls each plugin's implementation on its own,
so that a plugin that raises (or calls ``sys.exit``) is reported by name and the
other plugins still run.
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
    """Add output formats (``--format NAME``).

    Called once per run, when the output formats are first needed (``--help``,
    ``--plugins`` or a conversion), with ``register``: call ``register(exporter)``
    with an *instance* of a :class:`jtreport.formats.Exporter` subclass for every
    format the plugin adds.  Return nothing.

    Keep this cheap: it runs for ``--help`` too, so import heavy libraries inside
    ``Exporter.export``, never here or at module level.  If this function raises,
    none of the plugin's formats is registered and the error names the plugin.
    """


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Add input formats (the files jtreport can read).

    Called once per run, when the first input is read (or for ``--plugins``), with
    ``register``: call ``register(reader)`` with an *instance* of a
    :class:`jtreport.formats.Reader` subclass for every input format the plugin
    reads.  Return nothing.  The same rules as for ``register_exporters`` apply.
    """


@hookspec
def transform_statement(statement: Statement) -> Statement | None:
    """Change the commitment model after parsing, before any exporter sees it.

    Called once per input, with the parsed :class:`jtreport.model.Statement`.
    Return a new ``Statement`` to change what every exporter receives (the model
    is immutable: build one with ``msgspec.structs.replace``), e.g. to assign lead
    agencies or to drop items; return ``None`` to leave it as it is.

    When several plugins implement it, they run one after another, each receiving
    the previous one's result: built-in plugins first, then third-party plugins
    sorted by distribution and plugin name (``@hookimpl(tryfirst=True)`` or
    ``trylast=True`` moves a plugin to the front or the back).  If one raises or
    returns something else, the input fails with a message naming the plugin:
    exporting a model that was only half enriched would mislead.

    It receives no ``-O`` options: those belong to the exporters that declare
    them and are checked against the formats chosen, while a transform runs once
    per input whatever the formats.  Configure a transform plugin with its own
    environment variable or file.
    """
