"""Formats keyed by name, filled through the plugin hooks.

When two plugins register one name, a built-in format (from the ``jtreport``
distribution) wins over a third-party one; between third-party plugins, the one
whose (distribution, plugin) names sort first wins.  The rule does not depend on
load order, and the warning names both.  To replace a built-in, disable it
(``--disable-plugin NAME``) and register your format under the freed name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .formats import Exporter, Reader

F = TypeVar("F", Exporter, Reader)

BUILTIN_DISTRIBUTION = "jtreport"
#: ``--format all`` means every format, so no format may take the name.
RESERVED_NAMES = frozenset({"all"})

# Lower case, no commas or spaces: ``--format a,b`` splits on commas.
_NAME = re.compile(r"[a-z0-9][a-z0-9_.+-]*")
_EXTENSION = re.compile(r"\.[a-z0-9][a-z0-9_.+-]*")


@dataclass(frozen=True)
class Origin:
    """Which plugin registered a format."""

    plugin: str
    distribution: str
    version: str

    @property
    def builtin(self) -> bool:
        """True for the plugins shipped with jtreport itself."""
        return self.distribution == BUILTIN_DISTRIBUTION

    def describe(self) -> str:
        """``plugin (distribution version)``, for messages."""
        return f"{self.plugin} ({self.distribution} {self.version})"


@dataclass
class Registry(Generic[F]):
    """Formats of one ``kind`` (``"format"``, ``"reader"``) by name, with the
    plugin each came from and the plugins whose format of that name lost."""

    kind: str
    formats: dict[str, F] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    shadowed: dict[str, list[Origin]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, fmt: F, origin: Origin) -> None:
        """Register ``fmt`` (checked by :func:`check_format`), settling a clash of
        names by the module's rule with a warning naming both plugins."""
        held = self.origins.get(fmt.name)
        if held == origin:
            self.warnings.append(
                f"plugin {origin.describe()} registers the {self.kind} {fmt.name!r} twice; "
                "using the first"
            )
            return
        if held is None or _outranks(origin, held):
            self.formats[fmt.name], self.origins[fmt.name] = fmt, origin
        if held is None:
            return
        winner, loser = (origin, held) if self.origins[fmt.name] == origin else (held, origin)
        self.shadowed.setdefault(fmt.name, []).append(loser)
        self.warnings.append(
            f"{self.kind} {fmt.name!r} is registered by both {winner.describe()} and "
            f"{loser.describe()}; using {winner.plugin} "
            f"(use --disable-plugin {winner.plugin} to use {loser.plugin})"
        )

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self.formats)

    def __contains__(self, name: object) -> bool:
        return name in self.formats

    def __getitem__(self, name: str) -> F:
        return self.formats[name]


def check_format(fmt: object, base: type[Exporter] | type[Reader]) -> str | None:
    """Why ``fmt`` cannot be registered as a ``base``, or None when it can."""
    cls = type(fmt).__name__
    if isinstance(fmt, type) and issubclass(fmt, base):
        return f"register() takes an instance: register({fmt.__name__}()), not the class"
    if not isinstance(fmt, base):
        return f"register() takes a jtreport.formats.{base.__name__} instance, not {cls}"
    if not isinstance(fmt.name, str) or not _NAME.fullmatch(fmt.name):
        return (
            f"{cls}.name is {fmt.name!r}; a format name is lower-case letters, "
            "digits and . _ + - (no spaces or commas)"
        )
    if fmt.name in RESERVED_NAMES:
        return f"{cls}.name {fmt.name!r} is reserved"
    if isinstance(fmt, Exporter) and not _is_extension(fmt.extension):
        return (
            f"{cls}.extension is {fmt.extension!r}; "
            "give the file name ending, lower case with its dot, e.g. '.csv'"
        )
    if isinstance(fmt, Reader) and not (
        isinstance(fmt.extensions, tuple) and all(map(_is_extension, fmt.extensions))
    ):
        return (
            f"{cls}.extensions is {fmt.extensions!r}; "
            "give a tuple of file name endings, lower case with their dots, e.g. ('.ics',)"
        )
    return None


def _is_extension(ending: object) -> bool:
    return isinstance(ending, str) and _EXTENSION.fullmatch(ending) is not None


def _outranks(new: Origin, held: Origin) -> bool:
    if new.builtin != held.builtin:
        return new.builtin
    return (new.distribution, new.plugin) < (held.distribution, held.plugin)
