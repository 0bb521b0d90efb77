"""Finding, loading and calling plugins.

Plugins come from the ``jtreport`` entry-point group, built-ins included (they
are entry points of the ``jtreport`` distribution itself).  Every step that runs
plugin code is isolated: a plugin that fails to import, to register or to
register its formats is recorded against its name and distribution, reported
once, and the others go on.  With ``strict=True`` every such failure, and every
defect such as a misspelt hook, is still reported once, and then a
:class:`PluginError` stops the command.

Two environment variables do what the command's switches do, for every program
that uses jtreport: ``JTREPORT_NO_PLUGINS=1`` (load no third-party plugin) and
``JTREPORT_DISABLE_PLUGINS=name,name`` (do not load these plugins).
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .entrypoints import EntryPoint, entry_points, normalize
from .errors import JtreportError, PluginError
from .formats import Exporter, Reader
from .registry import BUILTIN_DISTRIBUTION, Origin, Registry, check_format

if TYPE_CHECKING:
    from .model import Statement

#: the plugin manager's project name and the entry-point group
GROUP = "jtreport"
#: every hook a plugin may implement, from :mod:`jtreport.hookspecs`
HOOK_NAMES: tuple[str, ...] = tuple(
    name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), GROUP + "_spec")
)
#: libraries too slow to import when a plugin loads; formats import them when used
HEAVY_MODULES = frozenset(
    {"docx", "openpyxl", "reportlab", "pypdf", "bs4", "lxml", "numpy", "pandas"}
)
ENV_NO_PLUGINS = "JTREPORT_NO_PLUGINS"
ENV_DISABLE_PLUGINS = "JTREPORT_DISABLE_PLUGINS"

_CORE_DIR = Path(__file__).resolve().parent


@dataclass
class PluginInfo:
    """What ``jtreport --plugins`` shows for one plugin."""

    name: str
    distribution: str
    version: str
    module: str
    hooks: list[str] = field(default_factory=list)
    #: the output formats it registered
    formats: list[str] = field(default_factory=list)
    #: the input formats it registered
    readers: list[str] = field(default_factory=list)
    #: defects that did not stop it loading (misspelt hook, heavy import...)
    warnings: list[str] = field(default_factory=list)
    #: why it does not work, when it failed to load or register
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

    @property
    def state(self) -> str:
        """``disabled``, ``failed`` or ``ok``."""
        return "disabled" if self.disabled else ("failed" if self.error else "ok")

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "module": self.module,
            "builtin": self.builtin,
            "state": self.state,
            "hooks": self.hooks,
            "formats": self.formats,
            "readers": self.readers,
            "disabled": self.disabled,
            "error": self.error,
            "warnings": self.warnings,
        }


class PluginHost:
    """The plugin manager (named ``jtreport``) with jtreport's policies around it.

    ``third_party=False`` loads only the built-in plugins; ``disabled`` names
    plugins (built-ins included; a third-party distribution's name disables all
    its plugins) not to load; ``strict`` makes plugin failures fatal.  Pass
    ``discover=False`` in tests and add plugins with :meth:`add_plugin`, and
    ``report=False`` where another host already reported the same plugins (a
    worker process): its problems are recorded but not logged.
    """

    def __init__(
        self,
        *,
        third_party: bool = True,
        disabled: Iterable[str] = (),
        strict: bool = False,
        discover: bool = True,
        report: bool = True,
    ) -> None:
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        self.third_party = third_party and not _env_flag(ENV_NO_PLUGINS)
        self.disabled = {*disabled, *_env_list(ENV_DISABLE_PLUGINS)}
        self.strict = strict
        #: every plugin found, in load order: built-ins first, then by distribution
        self.plugins: dict[str, PluginInfo] = {}
        #: one readable line per problem, each naming its plugin, each once
        self.problems: list[str] = []
        #: the problems ``strict`` makes fatal: failures and defects, not clashes
        self.errors: list[str] = []
        self._errors_raised = 0
        self._discover = discover
        self._report = report
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
        for ep in sorted(entry_points(GROUP), key=_entry_point_key):
            self._load_entry_point(ep)
        known = {normalize(n) for p in self.plugins.values() for n in (p.name, p.distribution)}
        for name in sorted(self.disabled):
            if normalize(name) not in known:
                self._problem(None, f"cannot disable plugin {name!r}: no plugin of that name")
        self._stop_if_strict()

    def add_plugin(
        self,
        plugin: object,
        *,
        name: str,
        distribution: str = "local",
        version: str = "0",
    ) -> PluginInfo:
        """Register an already imported plugin object (tests, embedding), after
        the discovered ones; the formats are collected again on next use."""
        self.load()
        info = PluginInfo(name, distribution, version, getattr(plugin, "__name__", repr(plugin)))
        if self._claim(info):
            if self._is_disabled(info):
                info.disabled = True
            else:
                self._register(info, plugin)
        self._exporters = self._readers = None
        self._stop_if_strict()
        return info

    def _load_entry_point(self, ep: EntryPoint) -> None:
        info = PluginInfo(ep.name, ep.dist.name, ep.dist.version, ep.value)
        if not self._claim(info):
            return
        if self._is_disabled(info):
            info.disabled = True
            return
        before = set(sys.modules)
        try:
            plugin = ep.load()
        except (Exception, SystemExit) as exc:  # a broken plugin must not break the others
            self._fail(info, f"failed to import: {_describe(exc, where=True)}")
            return
        heavy = sorted({m.partition(".")[0] for m in set(sys.modules) - before} & HEAVY_MODULES)
        if heavy:
            # Shown by --plugins only: the user cannot fix it, its author can.
            info.warnings.append(
                f"imports {', '.join(heavy)} when loaded, which slows every command; "
                "import heavy libraries inside export() or read()"
            )
        self._register(info, plugin)

    def _claim(self, info: PluginInfo) -> bool:
        """Record ``info`` under its name; False (and a problem) when it is taken."""
        held = self.plugins.get(info.name)
        if held is not None:
            self._problem(
                info,
                f"is not loaded: the plugin name {info.name!r} is taken by "
                f"{held.origin.describe()}",
            )
            return False
        self.plugins[info.name] = info
        return True

    def _is_disabled(self, info: PluginInfo) -> bool:
        if not self.third_party and not info.builtin:
            return True
        wanted = {normalize(n) for n in self.disabled}
        return normalize(info.name) in wanted or (
            not info.builtin and normalize(info.distribution) in wanted
        )

    def _register(self, info: PluginInfo, plugin: object) -> None:
        try:
            self.pm.register(plugin, name=info.name)
        except Exception as exc:  # pluggy rejects bad hook signatures here
            if self.pm.has_plugin(info.name):  # older pluggy leaves part of it registered
                self.pm.unregister(name=info.name)
            reason = self._bad_arguments(plugin) or _describe(exc)
            self._fail(info, f"failed to register: {reason}")
            return
        callers = self.pm.get_hookcallers(plugin) or []
        info.hooks = sorted(caller.name for caller in callers)
        for caller in callers:
            for impl in caller.get_hookimpls():
                if impl.plugin is plugin and (impl.hookwrapper or impl.wrapper):
                    self.pm.unregister(name=info.name)
                    info.hooks = []
                    self._fail(
                        info, f"makes {caller.name} a hook wrapper, which jtreport does not run"
                    )
                    return
        for unknown in sorted(c.name for c in callers if not c.has_spec()):
            import difflib  # only for a misspelt hook

            close = difflib.get_close_matches(unknown, HOOK_NAMES, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(HOOK_NAMES)}"
            self._warn(info, f"implements unknown hook {unknown!r}, which is never called ({hint})")
        unmarked = [
            n for n in HOOK_NAMES if n not in info.hooks and callable(getattr(plugin, n, None))
        ]
        for name in unmarked:
            self._warn(info, f"defines {name}() without @hookimpl, so it is never called")
        if not info.hooks and not unmarked:
            self._warn(info, "implements no jtreport hook (mark them with @hookimpl)")

    def _bad_arguments(self, plugin: object) -> str | None:
        """Say which hook asks for an argument its specification does not pass
        (pluggy's own message for this is a paragraph)."""
        for attr in dir(plugin):
            opts = self.pm.parse_hookimpl_opts(plugin, attr)
            if opts is None:
                continue
            hook_name = opts.get("specname") or attr
            spec = getattr(getattr(self.pm.hook, hook_name, None), "spec", None)
            if spec is None:
                continue
            try:
                asked = list(inspect.signature(getattr(plugin, attr)).parameters)
            except (TypeError, ValueError):
                continue
            unknown = [name for name in asked if name not in spec.argnames]
            if unknown:
                return (
                    f"its {attr}() asks for {', '.join(map(repr, unknown))}, but the hook "
                    f"passes only {', '.join(map(repr, spec.argnames))}"
                )
        return None

    # Formats ---------------------------------------------------------------

    @property
    def exporters(self) -> Registry[Exporter]:
        """Every output format, by name."""
        if self._exporters is None:
            registry: Registry[Exporter] = Registry("format")
            self._collect("register_exporters", registry, Exporter, "formats")
            self._exporters = registry
        return self._exporters

    @property
    def readers(self) -> Registry[Reader]:
        """Every input format, by name."""
        if self._readers is None:
            registry: Registry[Reader] = Registry("reader")
            self._collect("register_readers", registry, Reader, "readers")
            self._readers = registry
        return self._readers

    def _collect(
        self,
        hook_name: str,
        registry: Registry[Any],
        base: type[Exporter] | type[Reader],
        attr: str,
    ) -> None:
        """Call every plugin's ``hook_name``; keep a plugin's formats only when its
        hook returned normally and every format it registered is valid."""
        self.load()
        for info in self.plugins.values():
            getattr(info, attr).clear()
        for impl in self._hookimpls(hook_name):
            info = self.plugins[impl.plugin_name]
            found, register = _collector(base)
            ok, returned = self._call(info, impl, register=register)
            if not ok:
                continue
            if returned is not None:
                self._warn(
                    info, f"{hook_name} returned a value, which is ignored: call register(...)"
                )
            for fmt in found:
                registry.add(fmt, info.origin)
                getattr(info, attr).append(fmt.name)
        for warning in registry.warnings:
            self._problem(None, warning)
        self._stop_if_strict()

    def transform(self, statement: Statement) -> Statement:
        """Run every ``transform_statement`` hook in turn (each gets the last result).

        Raises :class:`PluginError`, naming the plugin, when one raises or returns
        something that is neither a ``Statement`` nor ``None``.
        """
        from .model import Statement  # the model (and msgspec) only when converting

        self.load()
        for impl in self._hookimpls("transform_statement"):
            info = self.plugins[impl.plugin_name]
            try:
                result = impl.function(**_arguments(impl, statement=statement))
            except Exception as exc:
                raise PluginError(
                    f"plugin {info.origin.describe()} failed in transform_statement: "
                    f"{_describe(exc, where=True)}"
                ) from exc
            if result is None:
                continue
            if not isinstance(result, Statement):
                raise PluginError(
                    f"plugin {info.origin.describe()} returned {type(result).__name__} "
                    "from transform_statement; return a Statement or None"
                )
            statement = result
        return statement

    def _hookimpls(self, hook_name: str) -> list[Any]:
        """The implementations of a hook in run order: load order, with pluggy's
        ``tryfirst`` and ``trylast`` honoured."""
        rank = {name: i for i, name in enumerate(self.plugins)}
        impls = getattr(self.pm.hook, hook_name).get_hookimpls()
        return sorted(
            (impl for impl in impls if impl.plugin_name in rank),
            key=lambda impl: (
                0 if impl.tryfirst else 2 if impl.trylast else 1,
                rank[impl.plugin_name],
            ),
        )

    def _call(self, info: PluginInfo, impl: Any, **available: Any) -> tuple[bool, Any]:
        """Call one implementation, isolating its failure; ``(ok, result)``."""
        try:
            return True, impl.function(**_arguments(impl, **available))
        except Exception as exc:
            self._fail(info, f"failed in {impl.function.__name__}: {_describe(exc, where=True)}")
            return False, None

    # Reporting -------------------------------------------------------------

    def _fail(self, info: PluginInfo, message: str) -> None:
        """The plugin does not work: record why and report it (an error when strict)."""
        info.error = message
        self._problem(info, message, error=True)

    def _warn(self, info: PluginInfo, message: str) -> None:
        """The plugin works but has a defect: report it (an error when strict)."""
        if message not in info.warnings:
            info.warnings.append(message)
        self._problem(info, message, error=True)

    def _problem(self, info: PluginInfo | None, message: str, *, error: bool = False) -> None:
        line = f"plugin {info.origin.describe()} {message}" if info else message
        if line in self.problems:
            return
        self.problems.append(line)
        if error:
            self.errors.append(line)
        if self._report:
            log_problem(line, error=error and self.strict)

    def _stop_if_strict(self) -> None:
        """With ``strict``, raise once the new errors have all been reported."""
        new = len(self.errors) - self._errors_raised
        if self.strict and new:
            self._errors_raised = len(self.errors)
            problems = "problem" if new == 1 else "problems"
            raise PluginError(f"--strict: stopping because of {new} plugin {problems} (see above)")


def log_problem(line: str, *, error: bool = False) -> None:
    """Log one plugin problem on this module's logger, as a warning or an error.

    :mod:`logging` is imported here, on the first problem: most runs have none.
    """
    import logging

    logging.getLogger(__name__).log(logging.ERROR if error else logging.WARNING, "%s", line)


def _collector(base: type[Exporter] | type[Reader]) -> tuple[list[Any], Callable[[Any], None]]:
    """A ``register`` callback for a hook, and the list it fills."""
    found: list[Any] = []

    def register(fmt: Any) -> None:
        problem = check_format(fmt, base)
        if problem:
            raise PluginError(problem)
        found.append(fmt)

    return found, register


def _arguments(impl: Any, **available: Any) -> dict[str, Any]:
    """The arguments an implementation asks for (it may take fewer than the spec)."""
    names = (*impl.argnames, *impl.kwargnames)
    return {name: available[name] for name in names if name in available}


def _entry_point_key(ep: EntryPoint) -> tuple[bool, str, str]:
    dist = ep.dist.name
    return (dist != BUILTIN_DISTRIBUTION, normalize(dist), ep.name)


def _describe(exc: BaseException, *, where: bool = False) -> str:
    """One line: the exception's type and message, and with ``where`` the plugin
    code line it came from (the innermost frame outside jtreport's core)."""
    text = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    if len(text) > 300:
        text = text[:297] + "..."
    if not isinstance(exc, JtreportError):
        text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    if where:
        if isinstance(exc, SyntaxError) and exc.filename:
            return f"{text} ({Path(exc.filename).name}, line {exc.lineno})"
        import traceback  # only for a plugin that failed

        frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_plugin_code(f.filename)]
        if frames:
            text += f" ({Path(frames[-1].filename).name}, line {frames[-1].lineno})"
    return text


def _is_plugin_code(filename: str) -> bool:
    """False for frames of jtreport's core, the standard library and frozen modules."""
    if filename.startswith("<"):
        return False
    path = Path(filename).resolve()
    return not (path.is_relative_to(_CORE_DIR) or path.is_relative_to(_stdlib_dir()))


@cache
def _stdlib_dir() -> Path:
    """The standard library's folder (sysconfig is imported only when needed)."""
    import sysconfig

    return Path(sysconfig.get_paths()["stdlib"]).resolve()


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, "").split(",") if part.strip()]
