"""Finding, loading and calling plugins: pluggy's plugin manager ``jtreport``
with jtreport's policies around it.

Plugins come from the ``jtreport`` entry-point group, built-ins included.  pluggy
calls the hooks (passing each implementation the arguments it asks for), orders
them, blocks disabled plugins and traces calls for ``--debug``.  What this module
adds is failure isolation: each plugin's implementation is called on its own
(through pluggy's ``subset_hook_caller``, guarded by :mod:`jtreport.isolation`),
so one that fails to import, to register or in a hook is reported once by name
and the others go on.  With ``strict`` every failure or defect is still
reported, then :class:`PluginError` stops the command.

Two plugins registering one format name: a built-in wins, else the one whose
(distribution, plugin) names sort first, whatever the load order; the warning
names both.

``JTREPORT_NO_PLUGINS=1``, ``JTREPORT_DISABLE_PLUGINS=a,b`` and
``JTREPORT_PLUGIN_TIMEOUT=SECONDS`` do what the command's switches do.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import pluggy

from . import hookspecs
from .entrypoints import EntryPoint, entry_points, normalize
from .errors import PluginError, shown
from .formats import Exporter, Reader, check_format
from .isolation import describe, guarded, timeout_from_env

if TYPE_CHECKING:
    from .model import Statement

GROUP = "jtreport"
BUILTIN_DISTRIBUTION = "jtreport"
#: every hook a plugin may implement, from :mod:`jtreport.hookspecs`
HOOK_NAMES = tuple(n for n in dir(hookspecs) if hasattr(getattr(hookspecs, n), GROUP + "_spec"))
#: libraries too slow to import when a plugin loads; formats import them when used
HEAVY_MODULES = frozenset(
    {"docx", "openpyxl", "reportlab", "pypdf", "bs4", "lxml", "numpy", "pandas"}
)
ENV_NO_PLUGINS = "JTREPORT_NO_PLUGINS"
ENV_DISABLE_PLUGINS = "JTREPORT_DISABLE_PLUGINS"

F = TypeVar("F", Exporter, Reader)


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
        """Register ``fmt``; a clash of names is settled by rank, with a warning."""
        name, held = fmt.name, self.origins.get(fmt.name)
        if held == origin:
            self.warnings.append(
                f"plugin {origin.describe()} registers the {self.kind} {name!r} twice; "
                "using the first"
            )
            return
        if held is None or _rank(origin) < _rank(held):
            self.formats[name], self.origins[name] = fmt, origin
        if held is not None:
            winner = self.origins[name]
            loser = held if winner == origin else origin
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


@dataclass
class PluginInfo:
    """What ``jtreport --plugins`` shows for one plugin."""

    name: str
    distribution: str
    version: str
    module: str
    hooks: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # output formats it registered
    readers: list[str] = field(default_factory=list)  # input formats it registered
    #: defects that did not stop it loading (misspelt hook, heavy import...)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # why it does not work
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
        """A JSON-ready view (the ``plugins`` entries of ``--plugins --json``)."""
        return {**asdict(self), "builtin": self.builtin, "state": self.state}


class PluginHost:
    """The plugin manager (``pm``) with jtreport's policies around it.

    ``third_party=False`` loads only the built-ins; ``disabled`` names plugins (or
    third-party distributions) not to load; ``strict`` makes plugin failures
    fatal; ``timeout`` limits each plugin call (seconds; default
    ``JTREPORT_PLUGIN_TIMEOUT``); ``trace`` logs every hook call (``--debug``).
    ``discover=False`` finds nothing (tests add plugins with :meth:`add_plugin`);
    ``report=False`` records problems without logging them (a worker process).
    """

    def __init__(
        self,
        *,
        third_party: bool = True,
        disabled: Iterable[str] = (),
        strict: bool = False,
        discover: bool = True,
        report: bool = True,
        timeout: float | None = None,
        trace: bool = False,
    ) -> None:
        self.pm = pluggy.PluginManager(GROUP)
        self.pm.add_hookspecs(hookspecs)
        if trace:
            self.pm.add_hookcall_monitoring(self._before_call, self._after_call)
        no_plugins = os.environ.get(ENV_NO_PLUGINS, "").strip().lower() in {
            "1",
            "true",
            "yes",
            "on",
        }
        self.third_party = third_party and not no_plugins
        extra = os.environ.get(ENV_DISABLE_PLUGINS, "").split(",")
        self.disabled = {*disabled, *filter(None, map(str.strip, extra))}
        self.strict = strict
        self.timeout = timeout or timeout_from_env()
        #: every plugin found, in load order: built-ins first, then by distribution
        self.plugins: dict[str, PluginInfo] = {}
        #: one readable line per problem, each naming its plugin, each once
        self.problems: list[str] = []
        #: the problems ``strict`` makes fatal: failures and defects, not clashes
        self.errors: list[str] = []
        self._raised = 0
        self._discover, self._report, self._loaded = discover, report, False
        self._registries: dict[str, Registry[Any]] = {}

    def load(self) -> None:
        """Import and register every plugin once (later calls do nothing)."""
        if self._loaded or not self._discover:
            self._loaded = True
            return
        self._loaded = True
        imported: list[tuple[PluginInfo, object]] = []
        for ep in sorted(entry_points(GROUP), key=_load_order):
            info = PluginInfo(ep.name, ep.dist.name, ep.dist.version, ep.value)
            if not self._admit(info):
                continue
            before = set(sys.modules)
            try:
                imported.append((info, guarded(self.timeout, ep.load)))
            except Exception as exc:  # a broken plugin must not break the others
                self._fail(info, f"failed to import: {describe(exc, where=True)}")
            heavy = sorted({m.split(".")[0] for m in set(sys.modules) - before} & HEAVY_MODULES)
            if heavy:  # shown by --plugins only: the user cannot fix it, its author can
                info.warnings.append(
                    f"imports {', '.join(heavy)} when loaded, which slows every command; "
                    "import heavy libraries inside export() or read()"
                )
        for info, plugin in reversed(imported):  # pluggy calls the last registered first
            self._register(info, plugin)
        known = {normalize(n) for p in self.plugins.values() for n in (p.name, p.distribution)}
        for name in sorted(n for n in self.disabled if normalize(n) not in known):
            self._problem(None, f"cannot disable plugin {name!r}: no plugin of that name")
        self._stop_if_strict()

    def add_plugin(
        self, plugin: object, *, name: str, distribution: str = "local", version: str = "0"
    ) -> PluginInfo:
        """Register an imported plugin object (tests, embedding) after the discovered
        ones; as pluggy does, the last one added is called first."""
        self.load()
        info = PluginInfo(name, distribution, version, getattr(plugin, "__name__", repr(plugin)))
        if self._admit(info):
            self._register(info, plugin)
        self._registries.clear()
        self._stop_if_strict()
        return info

    def _admit(self, info: PluginInfo) -> bool:
        """Record ``info`` under its name (a problem when the name is taken) and
        block it in pluggy when it is disabled; True when it is to be loaded."""
        held = self.plugins.setdefault(info.name, info)
        if held is not info:
            self._problem(
                info,
                f"is not loaded: the plugin name {info.name!r} is taken by "
                f"{held.origin.describe()}",
            )
            return False
        names = {normalize(info.name)} | (set() if info.builtin else {normalize(info.distribution)})
        if (not self.third_party and not info.builtin) or names & set(
            map(normalize, self.disabled)
        ):
            self.pm.set_blocked(info.name)
        info.disabled = self.pm.is_blocked(info.name)
        return not info.disabled

    def _register(self, info: PluginInfo, plugin: object) -> None:
        """Register ``plugin`` in pluggy and report its defects."""
        try:
            guarded(self.timeout, self.pm.register, plugin, info.name)
        except Exception as exc:  # pluggy refuses a hook asking for unknown arguments
            if self.pm.has_plugin(info.name):  # pluggy < 1.6 leaves part of it registered
                self.pm.unregister(name=info.name)
            self._fail(info, f"failed to register: {self._bad_arguments(plugin) or describe(exc)}")
            return
        callers = self.pm.get_hookcallers(plugin) or []
        wrapped = [
            c.name
            for c in callers
            for i in c.get_hookimpls()
            if i.plugin is plugin and (i.wrapper or i.hookwrapper)
        ]
        if wrapped:  # a wrapper around one plugin's call at a time would wrap nothing
            self.pm.unregister(plugin)
            return self._fail(
                info, f"makes {wrapped[0]} a hook wrapper, which jtreport does not run"
            )
        info.hooks = sorted(c.name for c in callers)
        for unknown in sorted(c.name for c in callers if not c.has_spec()):
            import difflib  # only for a misspelt hook

            close = difflib.get_close_matches(unknown, HOOK_NAMES, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(HOOK_NAMES)}"
            self._warn(info, f"implements unknown hook {unknown!r}, which is never called ({hint})")
        unmarked = [
            n for n in HOOK_NAMES if n not in info.hooks and callable(getattr(plugin, n, 0))
        ]
        for name in unmarked:
            self._warn(info, f"defines {name}() without @hookimpl, so it is never called")
        if not info.hooks and not unmarked:
            self._warn(info, "implements no jtreport hook (mark them with @hookimpl)")

    def _bad_arguments(self, plugin: object) -> str | None:
        """Which hook asks for an argument its specification does not pass (pluggy
        says so in a paragraph)."""
        import inspect

        for attr in dir(plugin):
            opts = self.pm.parse_hookimpl_opts(plugin, attr)
            spec = getattr(hookspecs, (opts.get("specname") or attr) if opts else "", None)
            if spec is None or opts is None:
                continue
            passed = list(inspect.signature(spec).parameters)
            asked = [
                n for n in inspect.signature(getattr(plugin, attr)).parameters if n not in passed
            ]
            if asked:
                return (
                    f"its {attr}() asks for {', '.join(map(repr, asked))}, but the hook "
                    f"passes only {', '.join(map(repr, passed))}"
                )
        return None

    # Calling hooks ------------------------------------------------------------

    def _each(self, hook_name: str) -> list[tuple[PluginInfo, Callable[..., list[Any]]]]:
        """Each plugin's implementation of a hook as a hook caller of its own, in
        the order pluggy calls them, so that one plugin's failure is its own."""
        impls = getattr(self.pm.hook, hook_name).get_hookimpls()
        return [
            (
                self.plugins[impl.plugin_name],
                self.pm.subset_hook_caller(hook_name, [i.plugin for i in impls if i is not impl]),
            )
            for impl in reversed(impls)  # pluggy runs its list from the end
        ]

    @property
    def exporters(self) -> Registry[Exporter]:
        """Every output format, by name."""
        return self._collect("register_exporters", Exporter)

    @property
    def readers(self) -> Registry[Reader]:
        """Every input format, by name."""
        return self._collect("register_readers", Reader)

    def _collect(self, hook_name: str, base: type[Any]) -> Registry[Any]:
        """Call every plugin's ``hook_name``; keep a plugin's formats only when its
        hook returned normally and every format it registered is valid."""
        if hook_name in self._registries:
            return self._registries[hook_name]
        self.load()
        registry = self._registries[hook_name] = Registry(
            "format" if base is Exporter else "reader"
        )
        for info, call in self._each(hook_name):
            found: list[Any] = []

            def register(fmt: Any, found: list[Any] = found) -> None:
                problem = check_format(fmt, base)
                if problem:
                    raise PluginError(problem)
                found.append(fmt)

            try:
                if guarded(self.timeout, call, register=register):
                    returned = f"{hook_name} returned a value, which is ignored: call register(...)"
                    self._warn(info, returned)
            except Exception as exc:
                self._fail(info, f"failed in {hook_name}: {describe(exc, where=True)}")
                found.clear()
            for fmt in found:
                registry.add(fmt, info.origin)
            setattr(info, "formats" if base is Exporter else "readers", [f.name for f in found])
        for warning in registry.warnings:
            self._problem(None, warning)
        self._stop_if_strict()
        return registry

    def transform(self, statement: Statement) -> Statement:
        """Run every ``transform_statement`` hook in turn (each gets the last result).

        Raises :class:`PluginError`, naming the plugin, when one fails or returns
        something that is neither a ``Statement`` nor ``None``.
        """
        from .model import Statement  # the model (and msgspec) only when converting

        self.load()
        for info, call in self._each("transform_statement"):
            try:
                results = guarded(self.timeout, call, statement=statement)
            except Exception as exc:
                raise PluginError(
                    f"plugin {info.origin.describe()} failed in transform_statement: "
                    f"{describe(exc, where=True)}"
                ) from exc
            for result in results:  # empty when it returned None
                if not isinstance(result, Statement):
                    raise PluginError(
                        f"plugin {info.origin.describe()} returned {type(result).__name__} "
                        "from transform_statement; return a Statement or None"
                    )
                statement = result
        return statement

    def unavailable(self, fmt: str) -> str | None:
        """Why the format ``fmt`` is missing when a plugin that would provide it
        (by its name or its distribution's, ``jtreport-<fmt>``) is disabled or
        failed; None when no such plugin is installed."""
        for info in self.plugins.values():
            dist = normalize(info.distribution)
            if info.state == "ok" or normalize(fmt) not in {
                normalize(info.name),
                dist,
                dist.removeprefix("jtreport-"),
            }:
                continue
            if not info.disabled:
                why = f"which {info.error}"
            elif not self.third_party and not info.builtin:
                why = "which is disabled (--no-plugins or JTREPORT_NO_PLUGINS)"
            else:
                why = "which is disabled (--disable-plugin or JTREPORT_DISABLE_PLUGINS)"
            return f"format {fmt!r} is provided by plugin {info.origin.describe()}, {why}"
        return None

    # Reporting ------------------------------------------------------------------

    def _fail(self, info: PluginInfo, message: str) -> None:
        """The plugin does not work: record why and report it, even with ``-q``."""
        info.error = message
        self._problem(info, message, error=True, loud=True)

    def _warn(self, info: PluginInfo, message: str) -> None:
        """The plugin works but has a defect: report it (an error when strict)."""
        if message not in info.warnings:
            info.warnings.append(message)
        self._problem(info, message, error=True)

    def _problem(
        self, info: PluginInfo | None, message: str, *, error: bool = False, loud: bool = False
    ) -> None:
        line = f"plugin {info.origin.describe()} {message}" if info else message
        if line in self.problems:
            return
        self.problems.append(line)
        if error:
            self.errors.append(line)
        if self._report:
            log_problem(line, error=loud or (error and self.strict))

    def _stop_if_strict(self) -> None:
        """With ``strict``, raise once the new errors have all been reported."""
        new, self._raised = len(self.errors) - self._raised, len(self.errors)
        if self.strict and new:
            problems = "problem" if new == 1 else "problems"
            raise PluginError(f"--strict: stopping because of {new} plugin {problems} (see above)")

    def _before_call(self, hook_name: str, impls: Sequence[Any], kwargs: Mapping[str, Any]) -> None:
        names = [self.plugins[i.plugin_name].origin.describe() for i in impls]
        log_problem(f"debug: calling {hook_name} of {', '.join(names)}", level=10)

    def _after_call(
        self, outcome: Any, hook_name: str, impls: Sequence[Any], kwargs: Mapping[str, Any]
    ) -> None:
        failed = outcome.exception
        said = (
            f"raised {describe(failed)}"
            if failed
            else f"returned {[type(r).__name__ for r in outcome.get_result()]}"
        )
        log_problem(f"debug: {hook_name} {said}", level=10)


def _rank(origin: Origin) -> tuple[bool, str, str]:
    """Who wins a clash of format names: built-ins, then by (distribution, plugin)."""
    return not origin.builtin, origin.distribution, origin.plugin


def _load_order(ep: EntryPoint) -> tuple[bool, str, str]:
    """Built-ins first, then by distribution, then by plugin name."""
    return ep.dist.name != BUILTIN_DISTRIBUTION, normalize(ep.dist.name), ep.name


#: what sets up logging before the first line is logged (see :func:`defer_log_setup`)
_log_setup: list[Callable[[], None]] = []


def defer_log_setup(setup: Callable[[], None]) -> None:
    """Have ``setup`` run just before the first line is logged (the command sets
    up stderr then): a run with nothing to say never imports :mod:`logging`."""
    _log_setup[:] = [setup]


def log_problem(line: str, *, error: bool = False, level: int = 0) -> None:
    """Log one line about plugins on this module's logger: as an error, a warning,
    or at ``level`` (10: debug).  :mod:`logging` is imported on the first line,
    after the setup :func:`defer_log_setup` was given."""
    while _log_setup:
        _log_setup.pop()()
    import logging

    level = level or (logging.ERROR if error else logging.WARNING)
    logging.getLogger(__name__).log(level, "%s", shown(line))
