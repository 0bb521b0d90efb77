"""Registries of formats keyed by name, filled through the plugin hooks.

The rule for two plugins registering one name: a built-in format (one shipped in
the ``jtreport`` distribution) wins over a third-party one; between third-party
plugins, the one whose (distribution, plugin) name sorts first wins.  Either way
the user is warned with both names.  To replace a built-in, disable it with
``--disable-plugin NAME`` and register your own under the freed name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .formats import Exporter, Reader

F = TypeVar("F", Exporter, Reader)

BUILTIN_DISTRIBUTION = "jtreport"


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
    """Formats of one kind by name, with the plugin each came from."""

    kind: str
    formats: dict[str, F] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, fmt: F, origin: Origin) -> None:
        """Register ``fmt``; resolve a clash of names by the module's rule."""
        name = fmt.name
        if not name:
            self.warnings.append(f"plugin {origin.describe()} registered a {self.kind} with no name")
            return
        held = self.origins.get(name)
        if held is None:
            self.formats[name] = fmt
            self.origins[name] = origin
            return
        if _outranks(origin, held):
            winner, loser = origin, held
            self.formats[name] = fmt
            self.origins[name] = origin
        else:
            winner, loser = held, origin
        self.warnings.append(
            f"{self.kind} {name!r} is registered by both {winner.describe()} and "
            f"{loser.describe()}; using {winner.plugin}"
        )

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self.formats)

    def __contains__(self, name: object) -> bool:
        return name in self.formats

    def __getitem__(self, name: str) -> F:
        return self.formats[name]


def _outranks(new: Origin, held: Origin) -> bool:
    if new.builtin != held.builtin:
        return new.builtin
    return (new.distribution, new.plugin) < (held.distribution, held.plugin)
