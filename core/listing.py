"""``jtreport --plugins``: what is installed, as a table or JSON.

Built-in and third-party plugins are listed alike: name, distribution and
version, state, module, hooks, formats, warnings and the error of any that
failed; then every output format and input reader with the plugin it comes from.
"""

from __future__ import annotations

from typing import Any

import click

from .pluginmanager import PluginHost, PluginInfo
from .registry import Origin, Registry


def print_plugins(host: PluginHost, *, as_json: bool = False) -> None:
    """Print every plugin with its version, distribution, hooks, formats and error."""
    if as_json:
        import json

        lines = json.dumps(plugins_data(host), indent=2, ensure_ascii=False).splitlines()
    else:
        lines = plugins_table(host)
    for line in lines:
        click.echo(line)


def plugins_data(host: PluginHost) -> dict[str, Any]:
    """The listing as JSON-ready data."""
    exporters, readers = host.exporters, host.readers
    return {
        "plugins": [p.as_dict() for p in _sorted(host)],
        "formats": {
            name: {
                **_origin_dict(exporters.origins[name]),
                "extension": exporters[name].extension,
                "description": exporters[name].description,
                "shadowed": [o.describe() for o in exporters.shadowed.get(name, [])],
            }
            for name in exporters.names()
        },
        "readers": {
            name: {
                **_origin_dict(readers.origins[name]),
                "extensions": list(readers[name].extensions),
                "description": readers[name].description,
                "shadowed": [o.describe() for o in readers.shadowed.get(name, [])],
            }
            for name in readers.names()
        },
        "problems": list(host.problems),
    }


def plugins_table(host: PluginHost) -> list[str]:
    """The listing as lines of text."""
    exporters, readers = host.exporters, host.readers
    plugins = _sorted(host)
    builtin = sum(p.builtin for p in plugins)
    lines = [f"Plugins ({builtin} built-in, {len(plugins) - builtin} third-party):"]
    for p in plugins:
        lines.extend(_plugin_lines(p, exporters, readers))
    lines += ["", "Output formats (--format):"]
    lines += _format_rows(exporters, lambda name: exporters[name].extension)
    lines += ["", "Input readers:"]
    lines += _format_rows(readers, lambda name: " ".join(readers[name].extensions))
    return lines


def _plugin_lines(p: PluginInfo, exporters: Registry[Any], readers: Registry[Any]) -> list[str]:
    kind = "built-in" if p.builtin else "third-party"
    lines = [f"  {p.name}  {p.distribution} {p.version}  ({kind}, {p.state})"]
    fields = [("module", p.module), ("hooks", ", ".join(p.hooks))]
    fields.append(("formats", ", ".join(_mark_shadowed(p, n, exporters) for n in p.formats)))
    fields.append(("readers", ", ".join(_mark_shadowed(p, n, readers) for n in p.readers)))
    fields += [("warning", w) for w in p.warnings]
    fields.append(("error", p.error or ""))
    lines += [f"      {label + ':':9}{value}" for label, value in fields if value]
    return lines


def _mark_shadowed(p: PluginInfo, name: str, registry: Registry[Any]) -> str:
    winner = registry.origins.get(name)
    if winner is None or winner.plugin == p.name:
        return name
    return f"{name} (not used: {winner.describe()} has the name)"


def _format_rows(registry: Registry[Any], ending: Any) -> list[str]:
    if not registry.names():
        return ["  (none)"]
    rows = [
        (name, ending(name), registry.origins[name].describe(), registry[name].description)
        for name in registry.names()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return [
        f"  {n:{widths[0]}}  {e:{widths[1]}}  {o:{widths[2]}}  {d}".rstrip() for n, e, o, d in rows
    ]


def _origin_dict(origin: Origin) -> dict[str, Any]:
    return {
        "plugin": origin.plugin,
        "distribution": origin.distribution,
        "version": origin.version,
        "builtin": origin.builtin,
    }


def _sorted(host: PluginHost) -> list[PluginInfo]:
    return sorted(host.plugins.values(), key=lambda p: (not p.builtin, p.name))
