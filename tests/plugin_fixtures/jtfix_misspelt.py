"""A plugin with a misspelt hook name: it must be reported, not ignored."""

from collections.abc import Callable

from jtreport import hookimpl
from jtreport.formats import Exporter


@hookimpl
def register_exporter(register: Callable[[Exporter], None]) -> None:
    """Misspelt: the hook is ``register_exporters``."""
