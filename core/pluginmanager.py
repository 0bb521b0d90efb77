"""Finding, loading and calling plugins.

Plugins come from the ``jtreport`` entry-point group, built-ins included (they
are entry points of the ``jtreport`` distribution itself).  Every step that runs
plugin code is isolated: a plugin that fails to import, to register or to
transform is recorded against its name and distribution, and the others go on.
With ``strict=True`` a load or registration failure raises :class:`PluginError`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError
from .formats import Exporter, Reader
from .model import Statement
from .registry import BUILTIN_DISTRIBUTION, Origin, Registry

log = logging.getLogger(__name__)

GROUP = "jtreport"
HOOK_NAMES: tuple[str, ...] = ("register_exporters", "register_readers", "transform_statement")


@dataclass
class PluginInfo:
    """What ``jtreport --plugins`` shows for one plugin."""

    name: str
    distribution: str
    version: str
    module: str
    hooks: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    error: str | None = None
    disabled: bool = False

    @property
    def builtin(self) -> bool:
        """True for plugins shipped with jtreport itself."""
        return self.distribution == BUILTIN_DISTRIBUTION

    @property
    def origin(self) -> Origin:
        """The registry's record of this plugin."""
        return Origin(self.name, self.distribution, self.version)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "module": self.module,
            "builtin": self.builtin,
            "hooks": self.hooks,
            "formats": self.formats,
            "disabled": self.disabled,
            "error": self.error,
        }


class PluginHost:
    """The plugin manager (named ``jtreport``) with jtreport's policies around it.

    ``third_party=False`` loads only the built-in plugins; ``disabled`` names
    plugins (built-ins included) not to load; ``strict`` makes load failures fatal.
    Pass ``discover=False`` in tests and add plugins with :meth:`add_plugin`.
    """

    def __init__(
        self,
        *,
        third_party: bool = True,
        disabled: Iterable[str] = (),
        strict: bool = False,
        discover: bool = True,
    ) -> None:
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.third_party = third_party
        self.disabled = set(disabled)
        self.strict = strict
        self.plugins: dict[str, PluginInfo] = {}
        #: one readable line per problem, each naming its plugin
        self.problems: list[str] = []
        self._discover = discover
        self._loaded = False
        self._exporters: Registry[Exporter] | None = None
        self._readers: Registry[Reader] | None = None

    # Loading ---------------------------------------------------------------

    def load(self) -> None:
        """Import and register every plugin once (later calls do nothing)."""
        if self._loaded:
            return
        self._loaded = True
        if not self._discover:
            return
        for ep in sorted(entry_points(group=GROUP), key=_entry_point_key):
            self._load_entry_point(ep)
        unknown = self.disabled - set(self.plugins)
        for name in sorted(unknown):
            self._problem(None, f"--disable-plugin {name}: no plugin of that name is installed")

    def _load_entry_point(self, ep: EntryPoint) -> None:
        dist = ep.dist.name if ep.dist is not None else "unknown"
        version = ep.dist.version if ep.dist is not None else "?"
        info = PluginInfo(ep.name, dist, version, ep.value)
        if ep.name in self.plugins:
            self._problem(
                info,
                f"plugin name {ep.name!r} is already taken by "
                f"{self.plugins[ep.name].origin.describe()}; skipped",
            )
            return
        self.plugins[ep.name] = info
        if ep.name in self.disabled or (not self.third_party and not info.builtin):
            info.disabled = True
            return
        try:
            module = ep.load()
        except Exception as exc:  # a broken plugin must not break the others
            self._fail(info, f"failed to import: {_describe(exc)}")
            return
        self._register(info, module)

    def add_plugin(
        self,
        plugin: object,
        *,
        name: str,
        distribution: str = "local",
        version: str = "0",
    ) -> PluginInfo:
        """Register an already imported plugin object (tests, embedding)."""
        self._loaded = True
        info = PluginInfo(name, distribution, version, getattr(plugin, "__name__", repr(plugin)))
        self.plugins[name] = info
        if name in self.disabled:
            info.disabled = True
        else:
            self._register(info, plugin)
        self._exporters = self._readers = None
        return info

    def _register(self, info: PluginInfo, plugin: object) -> None:
        try:
            self.pm.register(plugin, name=info.name)
        except Exception as exc:  # pluggy rejects bad signatures here
            self._fail(info, f"failed to register: {_describe(exc)}")
            return
        info.hooks = sorted(impl_name for impl_name in _hookimpl_names(plugin))
        for misspelt in sorted(set(info.hooks) - set(HOOK_NAMES)):
            self._problem(
                info,
                f"implements unknown hook {misspelt!r} (known hooks: {', '.join(HOOK_NAMES)})",
            )

    # Formats ---------------------------------------------------------------

    @property
    def exporters(self) -> Registry[Exporter]:
        """Every exporter, by format name."""
        if self._exporters is None:
            self._exporters = self._collect("register_exporters", Registry[Exporter]("format"))
        return self._exporters

    @property
    def readers(self) -> Registry[Reader]:
        """Every reader, by input format name."""
        if self._readers is None:
            self._readers = self._collect("register_readers", Registry[Reader]("reader"))
        return self._readers

    def _collect(self, hook_name: str, registry: Registry[Any]) -> Registry[Any]:
        self.load()
        for impl in getattr(self.pm.hook, hook_name).get_hookimpls():
            info = self.plugins.get(impl.plugin_name)
            if info is None:
                continue

            def register(fmt: Any, _info: PluginInfo = info) -> None:
                registry.add(fmt, _info.origin)
                _info.formats.append(fmt.name)

            try:
                impl.function(register=register)
            except Exception as exc:
                self._fail(info, f"failed in {hook_name}: {_describe(exc)}")
        for warning in registry.warnings:
            self._problem(None, warning)
        return registry

    def transform(self, statement: Statement) -> Statement:
        """Run every ``transform_statement`` hook in turn (each gets the last result)."""
        self.load()
        for impl in reversed(self.pm.hook.transform_statement.get_hookimpls()):
            info = self.plugins.get(impl.plugin_name)
            try:
                result = impl.function(statement=statement)
            except Exception as exc:
                label = info.origin.describe() if info else impl.plugin_name
                raise PluginError(f"plugin {label} failed in transform_statement: {exc}") from exc
            if result is not None:
                if not isinstance(result, Statement):
                    raise PluginError(
                        f"plugin {impl.plugin_name} returned {type(result).__name__} "
                        "from transform_statement, not a Statement"
                    )
                statement = result
        return statement

    # Reporting -------------------------------------------------------------

    def _fail(self, info: PluginInfo, message: str) -> None:
        info.error = message
        if self.strict:
            raise PluginError(f"plugin {info.origin.describe()} {message}")
        self._problem(info, message)

    def _problem(self, info: PluginInfo | None, message: str) -> None:
        line = f"plugin {info.origin.describe()} {message}" if info else message
        if line not in self.problems:
            self.problems.append(line)
            log.warning("%s", line)


def _hookimpl_names(plugin: object) -> Iterable[str]:
    for attr in dir(plugin):
        value = getattr(plugin, attr, None)
        if callable(value) and hasattr(value, GROUP + "_impl"):
            yield attr


def _entry_point_key(ep: EntryPoint) -> tuple[bool, str, str]:
    dist = ep.dist.name if ep.dist is not None else ""
    return (dist != BUILTIN_DISTRIBUTION, dist, ep.name)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def load_host(**kwargs: Any) -> PluginHost:
    """A loaded :class:`PluginHost`; keyword arguments as for its constructor."""
    host = PluginHost(**kwargs)
    host.load()
    return host


#: the callback type hooks receive
RegisterCallback = Callable[[Any], None]
