"""Registries of formats keyed by name, filled through the plugin hooks.

The rule for two plugins registering one name: a built-in format (one shipped in
the ``jtreport`` distribution) wins over a third-party one; between third-party
plugins, the one whose (distribution, plugin) names sort first wins.  The rule
does not depend on the order plugins load in, and the user is warned with both
names.  To replace a built-in, disable it with ``--disable-plugin NAME`` and
register your own format under the freed name.
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
    """Formats of one kind by name, with the plugin each came from.

    ``kind`` names the kind in messages (``"format"``, ``"reader"``).
    """

    kind: str
    formats: dict[str, F] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    #: the plugins whose format of the same name lost to the one in ``origins``
    shadowed: dict[str, list[Origin]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, fmt: F, origin: Origin) -> None:
        """Register ``fmt`` (already checked with :func:`check_format`); resolve a
        clash of names by the module's rule and record a warning naming both."""
        name = fmt.name
        held = self.origins.get(name)
        if held is None:
            self.formats[name] = fmt
            self.origins[name] = origin
            return
        if held == origin:
            self.warnings.append(
                f"plugin {origin.describe()} registers the {self.kind} {name!r} twice; "
                "using the first"
            )
            return
        if _outranks(origin, held):
            winner, loser = origin, held
            self.formats[name] = fmt
            self.origins[name] = origin
        else:
            winner, loser = held, origin
        self.shadowed.setdefault(name, []).append(loser)
        self.warnings.append(
            f"{self.kind} {name!r} is registered by both {winner.describe()} and "
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
    kind = base.__name__
    if isinstance(fmt, type) and issubclass(fmt, base):
        return f"register() takes an instance: register({fmt.__name__}()), not the class"
    if not isinstance(fmt, base):
        return f"register() takes a jtreport.formats.{kind} instance, not {type(fmt).__name__}"
    name = fmt.name
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        return (
            f"{type(fmt).__name__}.name is {name!r}; a format name is lower-case letters, "
            "digits and . _ + - (no spaces or commas)"
        )
    if name in RESERVED_NAMES:
        return f"{type(fmt).__name__}.name {name!r} is reserved"
    if isinstance(fmt, Exporter):
        if not isinstance(fmt.extension, str) or not _EXTENSION.fullmatch(fmt.extension):
            return (
                f"{type(fmt).__name__}.extension is {fmt.extension!r}; "
                "give the file name ending, lower case with its dot, e.g. '.csv'"
            )
    elif isinstance(fmt, Reader):
        bad = [e for e in fmt.extensions if not isinstance(e, str) or not _EXTENSION.fullmatch(e)]
        if not isinstance(fmt.extensions, tuple) or bad:
            return (
                f"{type(fmt).__name__}.extensions is {fmt.extensions!r}; "
                "give a tuple of file name endings, lower case with their dots, e.g. ('.ics',)"
            )
    return None


def _outranks(new: Origin, held: Origin) -> bool:
    if new.builtin != held.builtin:
        return new.builtin
    return (new.distribution, new.plugin) < (held.distribution, held.plugin)
