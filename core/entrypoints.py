"""Entry points of the installed distributions, read straight from ``sys.path``.

:mod:`importlib.metadata` answers the same question, but importing it costs
about 20 ms (``email``, ``zipfile``, ``csv``...) on every run, ``--help``
included.  Discovery needs only each ``*.dist-info`` (or ``*.egg-info``) folder's
``entry_points.txt`` and, for the distributions that declare plugins, the
``Name:`` and ``Version:`` headers of their ``METADATA`` (``PKG-INFO``).

The rules are importlib.metadata's: path entries in order (``""`` is the current
directory), the first distribution found for a normalised name wins.  Zip files
on the path and custom finders are not searched, and malformed lines of an
``entry_points.txt`` are skipped instead of failing the whole lookup.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from importlib import import_module
from typing import Any, NamedTuple


class Distribution(NamedTuple):
    """An installed distribution and the folder its metadata is in."""

    name: str
    version: str
    path: str


class EntryPoint(NamedTuple):
    """One ``name = value`` line of a distribution's ``entry_points.txt``."""

    name: str
    value: str
    group: str
    dist: Distribution

    def load(self) -> Any:
        """Import and return what the value names (``module`` or
        ``module:attr.sub``; extras in brackets are ignored)."""
        module, _, attributes = re.sub(r"\s+|\[.*\]", "", self.value).partition(":")
        target = import_module(module)
        for attribute in filter(None, attributes.split(".")):
            target = getattr(target, attribute)
        return target


def entry_points(group: str, path: Iterable[str] | None = None) -> list[EntryPoint]:
    """Every entry point of ``group`` on ``path`` (default ``sys.path``),
    distribution by distribution, each in its file's order."""
    found: list[EntryPoint] = []
    for info in _info_folders(sys.path if path is None else path):
        text = _read_text(os.path.join(info, "entry_points.txt"))
        pairs = parse_entry_points(text).get(group) if f"[{group}]" in text else None
        if pairs:
            dist = read_distribution(info)
            found += [EntryPoint(name, value, group, dist) for name, value in pairs]
    return found


def read_distribution(info: str) -> Distribution:
    """The distribution whose metadata folder is ``info``, named by its
    ``Name:`` and ``Version:`` headers, else by the folder's name."""
    stem, suffix = os.path.splitext(os.path.basename(info))
    folder_name, _, folder_version = stem.partition("-")
    metadata = "PKG-INFO" if suffix.lower() == ".egg-info" else "METADATA"
    headers = parse_headers(_read_text(os.path.join(info, metadata)))
    version = headers.get("version") or folder_version.partition("-")[0] or "?"
    return Distribution(headers.get("name") or folder_name, version, info)


def parse_headers(text: str) -> dict[str, str]:
    """A metadata file's header fields (lower-case keys) up to the first blank
    line; the first occurrence wins and folded continuation lines are skipped."""
    headers: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        key, colon, value = line.partition(":")
        if colon and line[0] not in " \t":
            headers.setdefault(key.strip().lower(), value.strip())
    return headers


def parse_entry_points(text: str) -> dict[str, list[tuple[str, str]]]:
    """The ``(name, value)`` pairs of an ``entry_points.txt`` by group: INI
    ``[group]`` headers and ``name = value`` lines; comments (``#``, ``;``), lines
    outside a group and lines without a name or a value are skipped."""
    groups: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for line in map(str.strip, text.splitlines()):
        name, _, value = line.partition("=")
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], [])
        elif current is not None and line[:1] not in ("#", ";") and name.strip() and value.strip():
            current.append((name.strip(), value.strip()))
    return groups


def normalize(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _info_folders(path: Iterable[str]) -> Iterator[str]:
    """The metadata folders on ``path``, the first of each normalised name (a
    metadata *file*, an old distutils ``*.egg-info``, takes its name too)."""
    seen: set[str] = set()
    for entry in path:
        if not isinstance(entry, str):  # the import system ignores bytes entries too
            continue
        try:
            children = sorted(os.listdir(entry or "."))
        except OSError:  # missing, a zip file, unreadable
            continue
        for child in children:
            key = normalize(child.rpartition(".")[0].partition("-")[0])
            if child.lower().endswith((".dist-info", ".egg-info")) and key not in seen:
                seen.add(key)
                yield os.path.join(entry, child) if entry else child


def _read_text(file: str) -> str:
    """The file's text, or ``""`` when it cannot be read."""
    try:
        with open(file, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""
