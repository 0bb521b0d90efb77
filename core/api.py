"""The library entry points: read and parse a statement in one call."""

from __future__ import annotations

from pathlib import Path

from .blocks import ReadResult
from .model import Source, Statement
from .parser import parse_blocks
from .pluginmanager import PluginHost
from .reading import read_input

_default_host: PluginHost | None = None


def default_host() -> PluginHost:
    """The plugin host library calls share: plugins are found and reported once."""
    global _default_host
    if _default_host is None:
        _default_host = PluginHost()
    return _default_host


def parse_file(path: str | Path, *, host: PluginHost | None = None) -> Statement:
    """Read ``path`` with the installed readers and parse it into the model.

    Raises :class:`jtreport.errors.InputError` for input that cannot be read.
    Transform hooks are *not* run here (the command runs them after parsing).
    """
    host = host or default_host()
    loaded = read_input(host.readers, str(path))
    source = Source(path=loaded.path, format=loaded.reader, sha256=loaded.sha256)
    return parse_blocks(loaded.result, source=source)


def parse_text(text: str, *, path: str | None = None) -> Statement:
    """Parse a statement given as text (plain or Markdown)."""
    import hashlib

    from jtreport.plugins.readers.plain_text import text_to_blocks

    result: ReadResult = text_to_blocks(text)
    source = Source(
        path=path, format="text", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()
    )
    return parse_blocks(result, source=source)


def bundled_statement() -> Path:
    """The path of the bundled Japan–Tajikistan statement inside the package."""
    from importlib.resources import files

    return Path(str(files("jtreport.samples").joinpath("japan-tajikistan-2025.txt")))
