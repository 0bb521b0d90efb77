"""``jtreport --plugins``: what is installed, as a table or JSON."""

from __future__ import annotations

import json

import click

from .pluginmanager import PluginHost


def print_plugins(host: PluginHost, *, as_json: bool = False) -> None:
    """Print every plugin with its version, distribution, hooks, formats and error."""
    exporters, readers = host.exporters, host.readers
    plugins = sorted(host.plugins.values(), key=lambda p: (not p.builtin, p.name))
    if as_json:
        data = {
            "plugins": [p.as_dict() for p in plugins],
            "formats": {
                name: exporters.origins[name].plugin for name in exporters.names()
            },
            "readers": {name: readers.origins[name].plugin for name in readers.names()},
            "problems": host.problems,
        }
        click.echo(json.dumps(data, indent=2))
        return
    for p in plugins:
        state = "disabled" if p.disabled else ("FAILED" if p.error else "ok")
        kind = "built-in" if p.builtin else "third-party"
        click.echo(f"{p.name}  {p.distribution} {p.version}  ({kind}, {state})")
        click.echo(f"    module:  {p.module}")
        if p.hooks:
            click.echo(f"    hooks:   {', '.join(p.hooks)}")
        if p.formats:
            click.echo(f"    formats: {', '.join(p.formats)}")
        if p.error:
            click.echo(f"    error:   {p.error}")
    click.echo("")
    click.echo("output formats: " + ", ".join(exporters.names()))
    click.echo("input readers:  " + ", ".join(readers.names()))
