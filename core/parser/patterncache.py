"""Compiled regular expressions and trie alternations kept between processes.

Python compiles every regular expression again in each process, and the parser
uses about 250 of them (its gazetteer, verb and entity alternations among them):
about 75 ms of every first parse, against a few milliseconds for the parse
itself.  This module keeps what a parse compiled in a file beside the parser's
bytecode (``jtreport/parser/__pycache__``), and when the parser is imported it
puts those patterns into the ``re`` module's own cache, so that ``re.compile``
returns them at once.  The parser's modules are unchanged: they still call
``re.compile`` with their pattern text.

Why this cannot change a result:

- an entry is keyed by the exact pattern text and flags, so an edited pattern
  is simply not found and compiles as before;
- the file's name holds the interpreter's cache tag and the regular expression
  engine's version (``_sre.MAGIC``), so another Python never reads it;
- an entry is written only after the pattern rebuilt from it compares equal to
  the one ``re`` compiled (same flags, same program); anything unreadable is
  ignored.

The file is written where Python writes bytecode for the parser, only when
Python may write bytecode (not under ``PYTHONDONTWRITEBYTECODE``) and the
folder is writable: never in the user's home.  It uses private parts of
CPython's ``re`` (``re._cache``, ``re._parser``, ``re._compiler``) and
``_sre.compile``; on any other interpreter, or if they change shape, the cache
turns itself off and patterns compile as usual.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import marshal
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: at most this many patterns and as many trie texts in the file (patterns
#: built from one statement's own words would otherwise accumulate)
MAX_ENTRIES = 1024

_FORMAT = 1
#: a compiled pattern's arguments to ``_sre.compile`` after its text:
#: (flags, code, groups, groupindex, indexgroup)
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


class _State:
    """What this process loaded and what the re cache held before the parser."""

    def __init__(self) -> None:
        self.installed = False
        self.saved = False
        self.programs: dict[tuple[str, int], _Program] = {}
        self.tries: dict[str, str] = {}
        self.tries_built: set[str] = set()
        self.keys_before: set[tuple[Any, ...]] = set()


_STATE = _State()


def _engine_tag() -> str | None:
    """The interpreter and regex engine this cache is valid for, or None."""
    tag = sys.implementation.cache_tag
    if sys.implementation.name != "cpython" or tag is None:
        return None
    if not isinstance(getattr(re, "_cache", None), dict):
        return None
    magic, codesize = getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None)
    if magic is None or codesize is None:
        return None
    return f"{tag}-{magic}-{codesize}"


def cache_file(folder: Path | None = None) -> Path | None:
    """Where the cache of this interpreter lives (None: no cache here)."""
    tag = _engine_tag()
    if tag is None:
        return None
    folder = folder if folder is not None else Path(__file__).resolve().parent / "__pycache__"
    return folder / f"patterns.{tag}.marshal"


def _read(path: Path) -> tuple[dict[tuple[str, int], _Program], dict[str, str]]:
    """The programs and tries stored in ``path`` (empty when unusable)."""
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == _FORMAT):
        return {}, {}
    programs, tries = stored[1], stored[2]
    if not (isinstance(programs, dict) and isinstance(tries, dict)):
        return {}, {}
    return programs, tries


def install(folder: Path | None = None) -> None:
    """Put the stored patterns into ``re``'s cache (once per process)."""
    if _STATE.installed:
        return
    _STATE.installed = True
    path = cache_file(folder)
    if path is None:
        return
    programs, tries = _read(path)
    cache = re._cache  # type: ignore[attr-defined]
    _STATE.keys_before = set(cache)
    for (text, flags), program in programs.items():
        try:
            cache[(str, text, flags)] = _sre.compile(text, *program)
        except (TypeError, ValueError, RuntimeError):
            return  # not this engine's programs after all: compile as usual
    _STATE.programs = programs
    _STATE.tries = tries


def stored_trie(words: list[str], build: Callable[[list[str]], str]) -> str:
    """``build(words)``, or the text a previous process built from the same words."""
    key = "\x00".join(words)
    found = _STATE.tries.get(key)
    if found is None:
        found = build(words)
        _STATE.tries[key] = found
        _STATE.tries_built.add(key)
    return found


def _program(text: str, flags: int, compiled: re.Pattern[str]) -> _Program | None:
    """The arguments that rebuild ``compiled``, checked to rebuild it exactly."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(text, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program: _Program = (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    if _sre.compile(text, *program) != compiled:
        return None
    return program


def save(folder: Path | None = None) -> None:
    """Store the patterns the parser compiled in this process, if any are new
    (once per process; only where Python may write bytecode)."""
    if _STATE.saved or not _STATE.installed or sys.dont_write_bytecode:
        return
    _STATE.saved = True
    path = cache_file(folder)
    if path is None:
        return
    cache: dict[tuple[Any, ...], Any] = re._cache  # type: ignore[attr-defined]
    fresh = [
        key
        for key in cache
        if key not in _STATE.keys_before
        and len(key) == 3
        and key[0] is str
        and (key[1], key[2]) not in _STATE.programs
    ]
    if not fresh and not _STATE.tries_built:
        return
    try:
        path.parent.mkdir(exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            return
        programs = dict(_STATE.programs)
        for _, text, flags in fresh:
            program = _program(text, flags, cache[(str, text, flags)])
            if program is not None:
                programs[(text, flags)] = program
        _write(path, _newest(programs), _newest(_STATE.tries))
    except Exception:  # a cache that cannot be written is no error
        return


def _newest(entries: dict[Any, Any]) -> dict[Any, Any]:
    """The last :data:`MAX_ENTRIES` entries (the most recently added)."""
    items = list(entries.items())[-MAX_ENTRIES:]
    return dict(items)


def _write(path: Path, programs: dict[tuple[str, int], _Program], tries: dict[str, str]) -> None:
    """Replace ``path`` at once (a concurrent reader sees the old or the new file)."""
    import tempfile  # only a process that writes pays for it (about 3 ms)

    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps((_FORMAT, programs, tries)))
        os.chmod(temp, Path(__file__).stat().st_mode & 0o666)  # as readable as the bytecode
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# Importing this module (the parser's modules do, before their own patterns
# compile) loads the stored patterns.
install()
