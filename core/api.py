"""The library entry points: read and parse a statement in one call."""

from __future__ import annotations

from pathlib import Path

from .blocks import ReadResult
from .model import Source, Statement
from .pluginmanager import PluginHost
from .reading import open_input

_default_host: PluginHost | None = None


def default_host() -> PluginHost:
    """The plugin host library calls share: plugins are found and reported once."""
    global _default_host
    if _default_host is None:
        _default_host = PluginHost()
    return _default_host


def parse_file(
    path: str | Path, *, host: PluginHost | None = None, cache: bool = True
) -> Statement:
    """Read ``path`` with the installed readers and parse it into the model.

    With ``cache`` (and unless ``JTREPORT_NO_CACHE`` is set) a model parsed before
    from the same bytes by the same code is reused (see :mod:`jtreport.modelcache`).
    Raises :class:`jtreport.errors.InputError` for input that cannot be read.
    Transform hooks are *not* run here (the command runs them after parsing).
    """
    from . import modelcache

    host = host or default_host()
    name = str(path)
    opened = open_input(host.readers, name)
    folder = modelcache.cache_dir() if cache else None
    key = modelcache.cache_key(opened.sha256, opened.reader) if folder else ""
    if folder is not None:
        cached = modelcache.load(folder, key, name)
        if cached is not None:
            return cached
    from .parser import parse_blocks

    source = Source(path=name, format=opened.reader.name, sha256=opened.sha256)
    statement = parse_blocks(opened.reader.read(opened.data, name), source=source)
    if folder is not None:
        modelcache.save(folder, key, statement)
    return statement


def parse_text(text: str, *, path: str | None = None) -> Statement:
    """Parse a statement given as text (plain or Markdown)."""
    import hashlib

    from jtreport.plugins.readers.plain_text import text_to_blocks

    from .parser import parse_blocks

    result: ReadResult = text_to_blocks(text)
    source = Source(
        path=path, format="text", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()
    )
    return parse_blocks(result, source=source)


def bundled_statement() -> Path:
    """The path of the bundled Japan–Tajikistan statement inside the package."""
    from importlib.resources import files

    return Path(str(files("jtreport.samples").joinpath("japan-tajikistan-2025.txt")))
