"""Entry points of the installed distributions, read straight from ``sys.path``.

:mod:`importlib.metadata` answers the same question, but importing it costs
about 18 ms (it brings in ``email``, ``zipfile``, ``csv``...) on every run,
``jtreport --help`` included.  Plugin discovery needs much less: every
``*.dist-info`` (or ``*.egg-info``) folder's ``entry_points.txt`` and, for the
distributions that declare plugins, the ``Name:`` and ``Version:`` header lines
of their ``METADATA`` (``PKG-INFO``).

The rules follow :func:`importlib.metadata.entry_points`: path entries in order
(``""`` is the current directory), and the first distribution found for a name
wins, names compared normalised (``jtreport_csv`` and ``jtreport-csv`` are one
name).  Differences: zip files on the path and distributions provided by custom
``sys.meta_path`` finders are not searched, and malformed lines of an
``entry_points.txt`` are skipped instead of failing the whole lookup.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from importlib import import_module
from typing import Any

#: folder endings that hold a distribution's metadata
INFO_SUFFIXES = (".dist-info", ".egg-info")
#: the metadata file, by folder ending
_METADATA_FILE = {".dist-info": "METADATA", ".egg-info": "PKG-INFO"}
_SEPARATORS = re.compile(r"[-_.]+")
# ``module.sub:attr.sub [extra1, extra2]``, as importlib.metadata.EntryPoint.pattern
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[.*\]\s*)?$")


class Distribution:
    """An installed distribution: its real name and version, and the folder
    (``*.dist-info`` or ``*.egg-info``) its metadata is in."""

    __slots__ = ("name", "path", "version")

    def __init__(self, name: str, version: str, path: str) -> None:
        self.name = name
        self.version = version
        self.path = path

    def __repr__(self) -> str:
        return f"Distribution({self.name!r}, {self.version!r}, {self.path!r})"


class EntryPoint:
    """One ``name = value`` line of a distribution's ``entry_points.txt``."""

    __slots__ = ("dist", "group", "name", "value")

    def __init__(self, name: str, value: str, group: str, dist: Distribution) -> None:
        self.name = name
        self.value = value
        self.group = group
        self.dist = dist

    def __repr__(self) -> str:
        return f"EntryPoint({self.name!r}, {self.value!r}, {self.group!r}, {self.dist.name!r})"

    def load(self) -> Any:
        """Import the module and return the object the value names
        (``module`` or ``module:attr.subattr``); extras in brackets are ignored.
        Import errors propagate, as from :meth:`importlib.metadata.EntryPoint.load`."""
        match = _VALUE.match(self.value.strip())
        if match is None:
            raise ValueError(f"entry point {self.name!r} has a malformed value {self.value!r}")
        target: Any = import_module(match.group("module"))
        for attr in filter(None, (match.group("attr") or "").split(".")):
            target = getattr(target, attr)
        return target


def entry_points(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    """Every entry point of ``group``, distribution by distribution in path order
    (in name order within a folder), each in its file's order.

    ``path`` defaults to ``sys.path``.
    """
    found: list[EntryPoint] = []
    for info in _info_folders(sys.path if path is None else path):
        pairs = _group_pairs(_read_text(os.path.join(info, "entry_points.txt")), group)
        if pairs:
            dist = read_distribution(info)
            found.extend(EntryPoint(name, value, group, dist) for name, value in pairs)
    return found


def read_distribution(info: str) -> Distribution:
    """The distribution whose metadata folder is ``info``: name and version from
    the ``Name:`` and ``Version:`` headers; from the folder name when the
    metadata file is missing or lacks them."""
    stem, suffix = os.path.splitext(os.path.basename(info))
    folder_name, _, folder_version = stem.partition("-")
    metadata = os.path.join(info, _METADATA_FILE.get(suffix.lower(), "METADATA"))
    headers = parse_headers(_read_text(metadata))
    return Distribution(
        headers.get("name") or folder_name,
        headers.get("version") or folder_version.partition("-")[0] or "?",
        info,
    )


def parse_headers(text: str) -> dict[str, str]:
    """The header fields of a metadata file (lower-case keys), up to the first
    blank line; the first occurrence of a field wins."""
    headers: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        if line[0] in " \t":  # a folded continuation: only Name and Version matter
            continue
        key, colon, value = line.partition(":")
        if colon:
            headers.setdefault(key.strip().lower(), value.strip())
    return headers


def parse_entry_points(text: str) -> dict[str, list[tuple[str, str]]]:
    """The ``(name, value)`` pairs of an ``entry_points.txt``, by group.

    INI syntax: ``[group]`` headers, ``name = value`` lines; blank lines and
    lines starting with ``#`` or ``;`` are ignored, and so is any line outside a
    group or without ``=``.
    """
    groups: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], [])
            continue
        name, equals, value = line.partition("=")
        if current is not None and equals and name.strip() and value.strip():
            current.append((name.strip(), value.strip()))
    return groups


def normalize(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return _SEPARATORS.sub("-", name).lower()


def _group_pairs(text: str, group: str) -> list[tuple[str, str]]:
    # Most distributions declare no entry point of this group: skip the parse.
    if f"[{group}]" not in text:
        return []
    return parse_entry_points(text).get(group, [])


def _info_folders(path: Iterable[str]) -> Iterator[str]:
    """The metadata folders on ``path``, the first of each normalised name.

    A metadata *file* (an old ``*.egg-info`` written by distutils) takes its name
    too, as it does for importlib.metadata, but holds no entry points."""
    seen: set[str] = set()
    for entry in path:
        if not isinstance(entry, str):  # the import system ignores bytes entries too
            continue
        directory = entry or "."
        try:
            children = sorted(os.listdir(directory))
        except OSError:  # missing, not a directory (a zip), unreadable
            continue
        for child in children:
            if not child.lower().endswith(INFO_SUFFIXES):
                continue
            # the name part of "name-version.dist-info" or "name.egg-info"
            key = normalize(child.rpartition(".")[0].partition("-")[0])
            if key not in seen:
                seen.add(key)
                yield os.path.join(entry, child) if entry else child


def _read_text(file: str) -> str:
    """The file's text, or ``""`` when it cannot be read (missing, or its folder
    is a file)."""
    try:
        with open(file, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""
