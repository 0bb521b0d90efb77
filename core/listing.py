"""``jtreport --plugins``: what is installed, as JSON data or as a table made
from the same data (the shape is documented in ``docs/plugins.md``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import click

from .pluginmanager import PluginHost, Registry


def print_plugins(host: PluginHost, *, as_json: bool = False) -> None:
    """Print every plugin, output format and input reader, as a table or JSON."""
    if as_json:
        import json

        click.echo(json.dumps(plugins_data(host), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(plugins_table(host)))


def plugins_data(host: PluginHost) -> dict[str, Any]:
    """The listing as JSON-ready data: ``plugins`` (built-ins first, then by
    name), ``formats`` and ``readers`` by name, and ``problems``."""
    formats = _formats(
        host.exporters,
        lambda e: {"extension": e.extension, "options": [asdict(o) for o in e.extra_options]},
    )
    readers = _formats(host.readers, lambda r: {"extensions": list(r.extensions)})
    plugins = sorted(host.plugins.values(), key=lambda p: (not p.builtin, p.name))
    return {
        "plugins": [p.as_dict() for p in plugins],
        "formats": formats,
        "readers": readers,
        "problems": list(host.problems),
    }


def plugins_table(host: PluginHost) -> list[str]:
    """The listing as lines of text."""
    data = plugins_data(host)
    builtin = sum(p["builtin"] for p in data["plugins"])
    lines = [f"Plugins ({builtin} built-in, {len(data['plugins']) - builtin} third-party):"]
    for p in data["plugins"]:
        kind = "built-in" if p["builtin"] else "third-party"
        lines.append(f"  {p['name']}  {p['distribution']} {p['version']}  ({kind}, {p['state']})")
        fields = [("module", p["module"]), ("hooks", ", ".join(p["hooks"]))]
        for label, table in (("formats", data["formats"]), ("readers", data["readers"])):
            fields.append((label, ", ".join(_used_or_not(p, name, table) for name in p[label])))
        fields += [("warning", w) for w in p["warnings"]] + [("error", p["error"] or "")]
        lines += [f"      {label + ':':9}{value}" for label, value in fields if value]
    lines += ["", "Output formats (--format):", *_rows(data["formats"], "extension")]
    lines += ["", "Input readers:", *_rows(data["readers"], "extensions")]
    options = [
        (f"{o['key']}={'|'.join(o['choices']) or '...'}", f"({name})", o["help"])
        for name, f in data["formats"].items()
        for o in f["options"]
    ]
    if options:
        lines += ["", "Format options (-O KEY=VALUE):", *_aligned(options)]
    return lines


def _rows(table: dict[str, Any], ending: str) -> list[str]:
    """One aligned line per format: name, file endings, plugin, description."""
    rows = []
    for name, f in table.items():
        endings = f[ending] if isinstance(f[ending], str) else " ".join(f[ending])
        rows.append((name, endings, f["origin"], f["description"]))
    return _aligned(rows) or ["  (none)"]


def _aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """``rows`` as lines, every column but the last padded to its widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)] if rows else []
    return ["  " + "  ".join([*map(str.ljust, row, widths), row[-1]]).rstrip() for row in rows]


def _formats(registry: Registry[Any], ending: Any) -> dict[str, Any]:
    return {
        name: {
            **asdict(origin := registry.origins[name]),  # plugin, distribution, version
            "builtin": origin.builtin,
            "origin": origin.describe(),
            **ending(registry[name]),
            "description": registry[name].description,
            "shadowed": [o.describe() for o in registry.shadowed.get(name, [])],
        }
        for name in registry.names()
    }


def _used_or_not(plugin: dict[str, Any], name: str, table: dict[str, Any]) -> str:
    """``name``, marked when another plugin's format of that name is used."""
    winner = table.get(name)
    if winner is None or winner["plugin"] == plugin["name"]:
        return name
    return f"{name} (not used: {winner['origin']} has the name)"
