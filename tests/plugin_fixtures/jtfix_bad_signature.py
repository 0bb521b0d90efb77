"""A plugin whose hook asks for an argument the specification does not have."""

from collections.abc import Callable

from jtreport import hookimpl
from jtreport.formats import Exporter


@hookimpl
def register_exporters(registrar: Callable[[Exporter], None]) -> None:
    """The argument must be called ``register``."""
