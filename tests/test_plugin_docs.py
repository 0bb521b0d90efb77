"""Keep the plugin authors' documentation (``docs/plugins.md``) honest, the way
datasette does: every hook is documented with its exact signature and has a
test; and beyond that, the tutorial's files are the example package's files,
and the messages the docs quote are the ones jtreport prints."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from jtreport import hookimpl, hookspecs
from jtreport.cli import main
from jtreport.errors import ExportError
from jtreport.exporting import export_file
from jtreport.formats import Exporter, ExportOptions
from jtreport.isolation import ENV_PLUGIN_TIMEOUT
from jtreport.listing import plugins_data
from jtreport.model import Statement
from jtreport.pluginmanager import (
    ENV_DISABLE_PLUGINS,
    ENV_NO_PLUGINS,
    HOOK_NAMES,
    Origin,
    PluginHost,
    Registry,
)

REPO = Path(__file__).resolve().parents[1]
DOCS = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")
SAMPLE = REPO / "samples" / "jtreport-csv"
PLUGIN_TESTS = (REPO / "tests" / "test_plugins.py").read_text(encoding="utf-8")


def signature(hook_name: str) -> str:
    """``name(arg: Type, ...) -> Return`` as written in :mod:`jtreport.hookspecs`."""
    sig = inspect.signature(getattr(hookspecs, hook_name))
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"{hook_name}({params}) -> {sig.return_annotation}"


def test_there_are_hooks() -> None:
    assert set(HOOK_NAMES) >= {"register_exporters", "register_readers", "transform_statement"}


@pytest.mark.parametrize("hook_name", HOOK_NAMES)
def test_every_hook_is_documented_with_its_signature(hook_name: str) -> None:
    assert f"\n### `{signature(hook_name)}`\n" in DOCS


def test_the_docs_document_no_other_hook() -> None:
    reference = DOCS.split("\n## Hook reference\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^### `(\w+)\(", reference, flags=re.M)
    assert sorted(documented) == sorted(HOOK_NAMES)


@pytest.mark.parametrize("hook_name", HOOK_NAMES)
def test_every_hook_has_a_test(hook_name: str) -> None:
    assert f"\ndef test_hook_{hook_name}(" in PLUGIN_TESTS


@pytest.mark.parametrize("hook_name", HOOK_NAMES)
def test_every_hook_says_when_it_is_called_and_what_it_returns(hook_name: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, hook_name)) or ""
    assert "Called" in doc and "Return" in doc
    section = DOCS.split(f"### `{signature(hook_name)}`", 1)[1].split("\n### ", 1)[0]
    assert "**When:**" in section and "**With:**" in section and "**Returns:**" in section
    assert "@hookimpl" in section  # each entry has an example


def tutorial_files() -> dict[str, str]:
    """The files the tutorial shows, marked ``<!-- file: PATH -->``, by path."""
    blocks = re.findall(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```\n", DOCS, flags=re.S)
    return dict(blocks)


def test_the_tutorial_builds_the_example_package_word_for_word() -> None:
    shown = tutorial_files()
    package = {
        str(p.relative_to(SAMPLE))
        for p in SAMPLE.rglob("*")
        if p.suffix in (".py", ".toml") and "build" not in p.parts and "__pycache__" not in p.parts
    }
    assert set(shown) == package
    for path, text in shown.items():
        assert (SAMPLE / path).read_text(encoding="utf-8") == text, path


def test_the_entry_point_in_the_docs_is_the_documented_group() -> None:
    pyproject = tutorial_files()["pyproject.toml"]
    assert '[project.entry-points.jtreport]\ncsv = "jtreport_csv"' in pyproject
    assert 'name = "jtreport-csv"' in pyproject


def test_every_plugin_switch_is_documented() -> None:
    switches = {"list_plugins", "as_json", "no_plugins", "disabled", "strict", "plugin_timeout"}
    options = [p for p in main.params if p.name in switches]
    assert len(options) == len(switches)
    for option in options:
        assert any(re.search(rf"(?<![\w-]){opt}(?![\w-])", DOCS) for opt in option.opts)
    assert f"`{ENV_NO_PLUGINS}=1`" in DOCS
    assert f"`{ENV_DISABLE_PLUGINS}=a,b`" in DOCS
    assert f"`{ENV_PLUGIN_TIMEOUT}=SECONDS`" in DOCS


def test_every_export_option_is_documented() -> None:
    classes = DOCS.split("\n## The Exporter and Reader classes\n", 1)[1].split("\n## ", 1)[0]
    for option in dataclasses.fields(ExportOptions):
        assert f"`{option.name}`" in classes, option.name


def test_the_documented_clash_warning_is_the_real_one() -> None:
    registry: Registry[Exporter] = Registry("format")
    calendar = type("Ics", (Exporter,), {"name": "ics", "extension": ".ics"})
    registry.add(calendar(), Origin("ics-lite", "jtreport-ics", "0.3"))
    registry.add(calendar(), Origin("ics", "jtreport-calendar", "1.2"))
    (warning,) = registry.warnings
    assert f"jtreport: {warning}\n" in DOCS


def test_the_documented_plugin_messages_are_the_real_ones() -> None:
    class Typo:
        @staticmethod
        @hookimpl
        def register_exporter(register: Callable[[Exporter], None]) -> None:
            """Misspelt."""

    class Unmarked:
        @staticmethod
        def register_exporters(register: Callable[[Exporter], None]) -> None:
            """No marker."""

    class BadArgument:
        @staticmethod
        @hookimpl
        def register_exporters(registrar: Callable[[Exporter], None]) -> None:
            """Misnamed argument."""

    class Instance:
        @staticmethod
        @hookimpl
        def register_exporters(register: Callable[[Exporter], None]) -> None:
            register(type("CsvExporter", (Exporter,), {"name": "csv", "extension": ".csv"}))

    for plugin in (Typo, Unmarked, BadArgument, Instance, object()):
        host = PluginHost(discover=False)
        host.add_plugin(plugin, name="X", distribution="dist", version="1.0")
        host.exporters  # noqa: B018
        (line,) = host.problems
        without_location = re.sub(r" \(\w+\.py, line \d+\)$", "", line)
        assert f"| `{without_location}" in DOCS, line


def test_the_documented_json_listing_has_the_real_shape() -> None:
    shown = json.loads(
        DOCS.split("### The shape of `--plugins --json`", 1)[1]
        .split("```json\n")[1]
        .split("```")[0]
    )
    real = plugins_data(PluginHost(third_party=False))
    assert shown.keys() == real.keys()
    assert shown["plugins"][0].keys() == real["plugins"][0].keys()
    assert shown["formats"]["csv"].keys() == real["formats"]["json"].keys()
    assert shown["readers"]["text"] == real["readers"]["text"] | {
        "version": "0.1.0",
        "origin": "text (jtreport 0.1.0)",
    }


def test_the_documented_listing_is_the_real_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tutorial's ``jtreport --plugins`` sample is the listing of the built-ins
    and the example package, in its order; ``...`` stands for lines left out."""
    import jtreport.pluginmanager
    from jtreport.listing import plugins_table

    found = jtreport.pluginmanager.entry_points
    monkeypatch.setattr(  # whatever else this environment has installed
        jtreport.pluginmanager,
        "entry_points",
        lambda group: [ep for ep in found(group) if ep.dist.name == "jtreport"],
    )
    monkeypatch.syspath_prepend(str(SAMPLE / "src"))
    import jtreport_csv

    host = PluginHost()
    host.add_plugin(jtreport_csv, name="csv", distribution="jtreport-csv", version="1.0.0")
    real = "\n".join(plugins_table(host)) + "\n"
    shown = DOCS.split("$ jtreport --plugins\n", 1)[1].split("```", 1)[0]
    pattern = "".join(
        r"(?:.*\n)+?" if line.strip() == "..." else re.escape(line) + r"\n"
        for line in shown.splitlines()
    )
    assert re.fullmatch(pattern, real), real


def test_the_documented_builtin_plugin_names_are_the_entry_points() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    names = sorted(pyproject["project"]["entry-points"]["jtreport"])
    listed = ", ".join(f"`{name}`" for name in names)
    assert f"the built-in plugins' names are taken: {listed}." in " ".join(DOCS.split())


def test_every_exporter_member_is_documented() -> None:
    table = DOCS.split("| `Exporter` | |", 1)[1].split("\n\n", 1)[0]
    members = [n for n in vars(Exporter) if not n.startswith("_")]
    assert members
    for member in members:
        assert f"`{member}" in table or f", `{member}`" in table, member


def test_the_documented_run_messages_are_the_real_ones(tmp_path: Path) -> None:
    class Csv(Exporter):
        name, extension = "csv", ".csv"

    def quit_now(*args: object) -> None:
        sys.exit(0)

    host = PluginHost(discover=False, disabled=["csv"])
    host.add_plugin(object(), name="csv", distribution="jtreport-csv", version="1.0.0")
    assert f"| `{host.unavailable('csv')}` |" in DOCS
    target = tmp_path / "out" / "statement.csv"
    for export, timeout in ((quit_now, None), (lambda *a: time.sleep(5), 0.1)):
        exporter = type("Failing", (Csv,), {"export": export})()
        with pytest.raises(ExportError) as failed:
            export_file(exporter, Statement(), ExportOptions(destination=target), timeout=timeout)
        line = str(failed.value).replace(str(tmp_path) + "/", "").replace("0.1 s", "30 s")
        assert f"`{line} [plugin " in DOCS, line
