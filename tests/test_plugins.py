"""The plugin system: hooks, registries, isolation of failures, control switches,
the listing, and the third-party example plugin ``jtreport-csv``.

Most tests use a fresh ``PluginHost(discover=False)`` with small plugin classes.
End-to-end tests run ``python -m jtreport.cli`` in a subprocess with throwaway
plugins from ``tests/plugin_fixtures`` made discoverable by a ``*.dist-info``
folder on ``PYTHONPATH``, the way ``pip install`` makes them.  Tests of the real
example package skip when it is not installed (CI installs it:
``pip install ./samples/jtreport-csv``).
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import logging
import os
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from importlib.metadata import PackageNotFoundError, distribution, entry_points
from pathlib import Path
from typing import Any, BinaryIO

import jtreport
import jtreport.api
import msgspec
import pytest
from jtreport import hookimpl
from jtreport.entrypoints import Distribution, EntryPoint
from jtreport.errors import ExportError, InputError, NothingToExport, OptionError, PluginError
from jtreport.exporting import check_extra, export_file, export_to_path, remove_stale_temporaries
from jtreport.formats import Exporter, ExportOptions, ExtraOption, Reader
from jtreport.isolation import guarded
from jtreport.listing import plugins_data, plugins_table, print_plugins
from jtreport.model import (
    CATEGORIES,
    Area,
    DateMention,
    Item,
    Paragraph,
    Party,
    Person,
    Source,
    Statement,
)
from jtreport.pluginmanager import GROUP, Origin, PluginHost
from jtreport.plugins.exporters import json_model
from jtreport.reading import read_input
from jtreport.runner import Run, RunSettings, created_time

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "plugin_fixtures"
SAMPLE_PLUGIN = REPO / "samples" / "jtreport-csv"
CSV_HEADER = ["ID", "Paragraph", "Area", "Category", "Commitment", "Actors", "Text", "Dates"]


# A statement built by hand -----------------------------------------------------


def sample_statement() -> Statement:
    """A small but realistic statement: two areas, loose items, every category,
    past and future dates, Cyrillic and Japanese names, formula-like text."""
    areas = [
        Area(id="a1", heading="Green Economy and Resilience"),
        Area(id="a2", heading="Human Resources Development"),
    ]
    texts = {
        1: "Both sides welcomed the signing of the Exchange of Notes.",
        2: "Japan will provide support to strengthen disaster risk reduction.",
        3: '-Both sides concurred on launching a dialogue, "Central Asia plus Japan".',
    }
    paragraphs = [
        Paragraph(index=i, number=i, text=t, area_id="a1" if i < 3 else "a2")
        for i, t in texts.items()
    ]

    def item(n: int, paragraph: int | None, category: str, text: str, **kw: Any) -> Item:
        return Item(
            id=f"{paragraph}.{n}" if paragraph else f"pre1.{n}",
            paragraph=paragraph,
            area_id=None if paragraph is None else ("a1" if paragraph < 3 else "a2"),
            text=text,
            actors=kw.pop("actors", ["both"]),
            verb=kw.pop("verb", category),
            category=category,  # type: ignore[arg-type]
            is_commitment=category in ("pledge", "agreement", "intention"),
            **kw,
        )

    items = [
        item(1, None, "affirmation", "Prime Minister 高市早苗 and President Эмомалӣ Раҳмон met."),
        item(1, 1, "welcome", texts[1], instruments=["Exchange of Notes"]),
        item(2, 1, "appreciation", '=HYPERLINK("http://example.com","click")'),
        item(
            1,
            2,
            "pledge",
            texts[2],
            actors=["JP"],
            dates=[DateMention(text="May 2026", value="2026-05", future=True)],
        ),
        item(
            1,
            3,
            "agreement",
            texts[3],
            dates=[DateMention(text="2025", value="2025", future=False)],
        ),
        item(2, 3, "intention", "Both sides intend to work together,\nacross two lines."),
        item(3, 3, "invitation", "@Tajikistan invited Japan to the Dushanbe Water Process."),
    ]
    assert {i.category for i in items} == set(CATEGORIES)
    return Statement(
        title="Joint Statement between Japan and the Republic of Tajikistan",
        date="2025-12-20",
        place="Tokyo",
        parties=[Party(name="Japan", short_name="JP"), Party(name="Tajikistan", short_name="TJ")],
        leaders=[
            Person(name="高市早苗", title="Prime Minister", party="JP"),
            Person(name="Эмомалӣ Раҳмон", title="President", party="TJ"),
        ],
        areas=areas,
        paragraphs=paragraphs,
        items=items,
        source=Source(path="statement.txt", format="text", sha256="0" * 64),
    )


# Small plugins -------------------------------------------------------------------


class MemoExporter(Exporter):
    """Writes one line per item ID."""

    name = "memo"
    extension = ".memo"
    description = "item IDs, one per line"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Write the IDs."""
        stream.write("".join(f"{i.id}\n" for i in statement.items).encode())


class MemoReader(Reader):
    """Reads files starting with ``MEMO``: one paragraph per line after it."""

    name = "memo"
    extensions = (".memo",)
    description = "memo files"

    def sniff(self, head: bytes) -> bool:
        """Claim files that start with the magic word."""
        return head.startswith(b"MEMO\n")

    def read(self, data: bytes, path: str) -> Any:
        """One paragraph block per line."""
        from jtreport.blocks import Block, ReadResult

        lines = data.decode().splitlines()[1:]
        return ReadResult(blocks=[Block(text=line, kind="paragraph") for line in lines])


def exporter_named(name: str, *, extension: str = ".out", fail: bool = False) -> Exporter:
    """An exporter instance of a new class called ``name``."""

    def export(self: Exporter, statement: Statement, stream: BinaryIO, o: ExportOptions) -> None:
        if fail:
            raise RuntimeError(f"{name} broke\nwith a second line")
        stream.write(f"written by {name}".encode())

    cls = type(f"{name.title()}Exporter", (Exporter,), {"export": export})
    cls.name = name
    cls.extension = extension
    return cls()  # type: ignore[no-any-return]


def registering(*formats: object, hook: str = "register_exporters") -> object:
    """A plugin object whose ``hook`` registers ``formats``."""

    def impl(register: Callable[[Any], None]) -> None:
        for fmt in formats:
            register(fmt)

    impl.__name__ = hook
    return type("Plugin", (), {hook: staticmethod(hookimpl(impl))})


def host_with(*plugins: tuple[str, object], **kwargs: Any) -> PluginHost:
    """A fresh host holding ``(name, plugin)`` pairs from distribution ``dist-NAME``."""
    host = PluginHost(discover=False, **kwargs)
    for name, plugin in plugins:
        host.add_plugin(plugin, name=name, distribution=f"dist-{name}", version="1.0")
    return host


def builtin_json(host: PluginHost) -> None:
    """Add jtreport's own json plugin the way discovery records it."""
    host.add_plugin(json_model, name="json", distribution="jtreport", version=jtreport.__version__)


# The three hooks -----------------------------------------------------------------


def test_hook_register_exporters(tmp_path: Path) -> None:
    host = host_with(("memo", registering(MemoExporter())))
    assert host.exporters.names() == ["memo"]
    assert host.exporters.origins["memo"] == Origin("memo", "dist-memo", "1.0")
    assert host.plugins["memo"].hooks == ["register_exporters"]
    assert host.plugins["memo"].formats == ["memo"]
    target = tmp_path / "out.memo"
    export_to_path(host.exporters["memo"], sample_statement(), ExportOptions(destination=target))
    assert target.read_text().split() == [i.id for i in sample_statement().items]
    assert host.problems == []


def test_hook_register_readers(tmp_path: Path) -> None:
    host = host_with(("memo", registering(MemoReader(), hook="register_readers")))
    assert host.readers.names() == ["memo"]
    assert host.plugins["memo"].readers == ["memo"]
    by_content = tmp_path / "statement.txt"
    by_content.write_text("MEMO\nFirst paragraph.\nSecond paragraph.\n")
    loaded = read_input(host.readers, str(by_content))
    assert loaded.reader == "memo"
    assert [b.text for b in loaded.result.blocks] == ["First paragraph.", "Second paragraph."]
    assert all(b.kind == "paragraph" for b in loaded.result.blocks)


def test_hook_transform_statement() -> None:
    calls: list[str] = []

    class Upper:
        @staticmethod
        @hookimpl
        def transform_statement(statement: Statement) -> Statement:
            calls.append("upper")
            return msgspec.structs.replace(statement, title=statement.title.upper())

    class Lead:
        @staticmethod
        @hookimpl
        def transform_statement(statement: Statement) -> Statement:
            calls.append("lead")
            kept = [i for i in statement.items if i.is_commitment]
            return msgspec.structs.replace(statement, items=kept, title=statement.title + "!")

    class Watcher:
        @staticmethod
        @hookimpl
        def transform_statement() -> None:  # fewer arguments than the spec is allowed
            calls.append("watcher")

    class First:
        @staticmethod
        @hookimpl(tryfirst=True)
        def transform_statement(statement: Statement) -> None:
            calls.append("first")

    # as pluggy does, the plugin added last runs first (tryfirst aside)
    host = host_with(("first", First), ("watcher", Watcher), ("lead", Lead), ("upper", Upper))
    result = host.transform(sample_statement())
    assert calls == ["first", "upper", "lead", "watcher"]
    assert result.title == "JOINT STATEMENT BETWEEN JAPAN AND THE REPUBLIC OF TAJIKISTAN!"
    assert [i.id for i in result.items] == ["2.1", "3.1", "3.2"]
    assert len(sample_statement().items) == 7  # the input is untouched


def test_discovered_transforms_run_builtins_first_then_by_distribution(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def transformer(label: str, **options: bool) -> object:
        @hookimpl(**options)
        def transform_statement(statement: Statement) -> None:
            calls.append(label)

        return type(label, (), {"transform_statement": staticmethod(transform_statement)})

    def entry(name: str, dist: str, plugin: object) -> Any:
        found = EntryPoint(name, f"{name}_module", GROUP, Distribution(dist, "1.0", ""))
        return type("Found", (), {**found._asdict(), "load": lambda self: plugin})()

    found = [
        entry("zulu", "jtreport-zulu", transformer("zulu")),
        entry("late", "jtreport-aaa", transformer("late", trylast=True)),
        entry("own", "jtreport", transformer("own")),
        entry("alpha", "jtreport-alpha", transformer("alpha")),
        entry("beta", "jtreport-alpha", transformer("beta")),
        entry("early", "jtreport-zzz", transformer("early", tryfirst=True)),
    ]
    monkeypatch.setattr("jtreport.pluginmanager.entry_points", lambda group: found)
    PluginHost().transform(sample_statement())
    assert calls == ["early", "own", "alpha", "beta", "zulu", "late"]


def test_transform_failures_name_the_plugin() -> None:
    class Broken:
        @staticmethod
        @hookimpl
        def transform_statement(statement: Statement) -> None:
            raise KeyError("lead agency table")

    class Wrong:
        @staticmethod
        @hookimpl
        def transform_statement(statement: Statement) -> dict[str, str]:
            return {"title": "x"}

    with pytest.raises(PluginError) as broken:
        host_with(("agencies", Broken)).transform(sample_statement())
    assert "agencies (dist-agencies 1.0) failed in transform_statement: KeyError" in str(
        broken.value
    )
    assert "test_plugins.py, line" in str(broken.value)
    with pytest.raises(PluginError, match=r"wrong \(dist-wrong 1.0\) returned dict"):
        host_with(("wrong", Wrong)).transform(sample_statement())


# The plugin manager --------------------------------------------------------------


def test_one_name_everywhere() -> None:
    host = PluginHost(discover=False)
    assert GROUP == "jtreport"
    assert host.pm.project_name == "jtreport"
    assert hookimpl.project_name == "jtreport"


def test_builtins_come_through_the_entry_point_door() -> None:
    ours = {ep.name: ep.value for ep in entry_points(group=GROUP) if ep.dist.name == "jtreport"}
    assert ours["json"] == "jtreport.plugins.exporters.json_model"
    assert ours["text"] == "jtreport.plugins.readers.plain_text"
    host = PluginHost(third_party=False)
    assert host.exporters.origins["json"].builtin
    assert host.readers.origins["text"].builtin
    assert host.plugins["json"].distribution == "jtreport"
    assert host.plugins["json"].version == jtreport.__version__


def test_misspelt_hook_is_reported_with_a_suggestion(caplog: pytest.LogCaptureFixture) -> None:
    class Misspelt:
        @staticmethod
        @hookimpl
        def register_exporter(register: Callable[[Exporter], None]) -> None:
            register(MemoExporter())

    with caplog.at_level(logging.WARNING):
        host = host_with(("typo", Misspelt))
    expected = (
        "plugin typo (dist-typo 1.0) implements unknown hook 'register_exporter', which is "
        "never called (did you mean 'register_exporters'?)"
    )
    assert host.problems == [expected]
    assert caplog.messages == [expected]
    assert host.plugins["typo"].warnings and host.exporters.names() == []
    with pytest.raises(PluginError, match=r"^--strict: stopping because of 1 plugin problem "):
        host_with(("typo", Misspelt), strict=True)


def test_a_silent_host_records_problems_without_logging_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        host = PluginHost(discover=False, report=False)
        host.add_plugin(object(), name="empty")
    assert host.problems == [
        "plugin empty (local 0) implements no jtreport hook (mark them with @hookimpl)"
    ]
    assert caplog.messages == []


def test_hook_without_marker_or_no_hook_at_all_is_reported() -> None:
    class Unmarked:
        @staticmethod
        def register_readers(register: Callable[[Reader], None]) -> None:
            register(MemoReader())

    host = host_with(("unmarked", Unmarked), ("empty", object()))
    assert host.problems == [
        "plugin unmarked (dist-unmarked 1.0) defines register_readers() without @hookimpl, "
        "so it is never called",
        "plugin empty (dist-empty 1.0) implements no jtreport hook (mark them with @hookimpl)",
    ]


def test_misnamed_argument_fails_registration_and_registers_nothing() -> None:
    class BadArgs:
        @staticmethod
        @hookimpl
        def register_exporters(registrar: Callable[[Exporter], None]) -> None:
            registrar(MemoExporter())

        @staticmethod
        @hookimpl
        def transform_statement(statement: Statement) -> None:
            raise AssertionError("a plugin that failed to register must not run")

    host = host_with(("bad", BadArgs))
    assert host.plugins["bad"].error == (
        "failed to register: its register_exporters() asks for 'registrar', "
        "but the hook passes only 'register'"
    )
    assert host.exporters.names() == []
    assert host.transform(sample_statement()) == sample_statement()
    assert not host.pm.has_plugin("bad")


def test_a_failing_hook_keeps_the_others_and_registers_none_of_its_formats() -> None:
    class HalfWay:
        @staticmethod
        @hookimpl
        def register_exporters(register: Callable[[Exporter], None]) -> None:
            register(exporter_named("first"))
            raise OSError("template folder missing")

    host = host_with(("half", HalfWay), ("memo", registering(MemoExporter())))
    assert host.exporters.names() == ["memo"]
    assert host.plugins["half"].formats == []
    assert host.plugins["half"].state == "failed"
    lines = [p for p in host.problems if "half" in p]
    assert len(lines) == 1
    assert lines[0].startswith(
        "plugin half (dist-half 1.0) failed in register_exporters: OSError: template folder missing"
    )
    strict = host_with(("half", HalfWay), strict=True)
    with pytest.raises(PluginError, match="--strict"):
        strict.exporters  # noqa: B018
    assert strict.errors == lines


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        (MemoExporter, "register() takes an instance: register(MemoExporter()), not the class"),
        ("memo", "register() takes a jtreport.formats.Exporter instance, not str"),
        (MemoReader(), "register() takes a jtreport.formats.Exporter instance, not MemoReader"),
        (exporter_named("all"), "AllExporter.name 'all' is reserved"),
        (exporter_named("a,b"), "A,BExporter.name is 'a,b'; a format name is lower-case"),
        (exporter_named("Memo"), "MemoExporter.name is 'Memo'"),
        (exporter_named(""), "Exporter.name is ''"),
        (exporter_named("memo", extension="memo"), "MemoExporter.extension is 'memo'"),
    ],
)
def test_register_refuses_what_is_not_a_usable_format(fmt: object, message: str) -> None:
    host = host_with(("odd", registering(fmt)))
    assert host.exporters.names() == []
    assert message in (host.plugins["odd"].error or "")


def test_a_reader_with_bad_extensions_is_refused() -> None:
    bad = type("DotlessReader", (MemoReader,), {"extensions": ("memo",)})()
    host = host_with(("odd", registering(bad, hook="register_readers")))
    assert host.readers.names() == []
    assert "DotlessReader.extensions is ('memo',)" in (host.plugins["odd"].error or "")


def test_returning_formats_instead_of_registering_is_reported() -> None:
    class Returns:
        @staticmethod
        @hookimpl
        def register_exporters(register: Callable[[Exporter], None]) -> list[Exporter]:
            return [MemoExporter()]

    host = host_with(("ret", Returns))
    assert host.exporters.names() == []
    assert host.problems == [
        "plugin ret (dist-ret 1.0) register_exporters returned a value, which is ignored: "
        "call register(...)"
    ]


def test_hook_wrappers_are_refused() -> None:
    class Wrapper:
        @staticmethod
        @hookimpl(wrapper=True)
        def register_exporters(register: Callable[[Exporter], None]) -> Iterator[None]:
            yield

    host = host_with(("wrap", Wrapper), ("memo", registering(MemoExporter())))
    assert "makes register_exporters a hook wrapper" in (host.plugins["wrap"].error or "")
    assert host.exporters.names() == ["memo"]


def test_plugin_names_are_unique() -> None:
    first = registering(MemoExporter())
    host = host_with(("memo", first))
    second = host.add_plugin(registering(exporter_named("other")), name="memo", distribution="x")
    assert host.pm.get_plugin("memo") is first
    assert host.exporters.names() == ["memo"]
    assert second is not host.plugins["memo"] and second.hooks == []
    assert host.problems == [
        "plugin memo (x 0) is not loaded: the plugin name 'memo' is taken by memo (dist-memo 1.0)"
    ]


# Two plugins, one format name ------------------------------------------------------


@pytest.mark.parametrize("order", [("zeta", "alpha"), ("alpha", "zeta")])
def test_third_party_clash_goes_to_the_first_distribution_in_sort_order(
    order: tuple[str, str],
) -> None:
    plugins = {name: registering(exporter_named("ics", extension=".ics")) for name in order}
    host = host_with(*((name, plugins[name]) for name in order))
    assert host.exporters.origins["ics"].plugin == "alpha"
    assert host.exporters.shadowed["ics"] == [Origin("zeta", "dist-zeta", "1.0")]
    assert host.problems == [
        "format 'ics' is registered by both alpha (dist-alpha 1.0) and zeta (dist-zeta 1.0); "
        "using alpha (use --disable-plugin alpha to use zeta)"
    ]


@pytest.mark.parametrize("builtin_first", [True, False])
def test_builtin_wins_a_clash_whatever_the_order(builtin_first: bool) -> None:
    host = PluginHost(discover=False)
    impostor = registering(exporter_named("json", extension=".json"))
    if builtin_first:
        builtin_json(host)
    host.add_plugin(impostor, name="aaa", distribution="aaa-first", version="9")
    if not builtin_first:
        builtin_json(host)
    assert isinstance(host.exporters["json"], json_model.JsonExporter)
    assert len(host.problems) == 1
    assert "both json (jtreport " in host.problems[0]
    assert "aaa (aaa-first 9)" in host.problems[0]
    table = "\n".join(plugins_table(host))
    assert f"json (not used: json (jtreport {jtreport.__version__}) has the name)" in table


def test_registering_one_name_twice_keeps_the_first() -> None:
    host = host_with(
        ("twice", registering(exporter_named("ics"), exporter_named("ics", fail=True)))
    )
    assert host.exporters.names() == ["ics"]
    assert host.problems == [
        "plugin twice (dist-twice 1.0) registers the format 'ics' twice; using the first"
    ]


# Control switches ------------------------------------------------------------------


def test_disable_a_plugin_by_name() -> None:
    host = host_with(
        ("memo", registering(MemoExporter())),
        ("other", registering(exporter_named("other"))),
        disabled=["memo"],
    )
    assert host.exporters.names() == ["other"]
    assert host.plugins["memo"].disabled and host.plugins["memo"].state == "disabled"
    assert host.plugins["memo"].hooks == []


def test_disable_builtins_and_third_party_switch() -> None:
    host = PluginHost(disabled=["json"])
    assert "json" not in host.exporters
    assert host.plugins["json"].disabled
    assert "text" in host.readers
    no_third = PluginHost(third_party=False)
    assert all(p.builtin or p.disabled for p in no_third.plugins.values())
    assert all(origin.builtin for origin in no_third.exporters.origins.values())


def test_environment_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JTREPORT_DISABLE_PLUGINS", "memo, other")
    host = host_with(
        ("memo", registering(MemoExporter())), ("keep", registering(exporter_named("k")))
    )
    assert host.exporters.names() == ["k"]
    monkeypatch.setenv("JTREPORT_NO_PLUGINS", "1")
    assert PluginHost(discover=False).third_party is False


def test_disabling_an_unknown_plugin_is_reported() -> None:
    host = PluginHost(disabled=["no-such-plugin"])
    host.load()
    assert "cannot disable plugin 'no-such-plugin': no plugin of that name" in host.problems


def test_strict_turns_a_failure_into_an_error() -> None:
    class Broken:
        @staticmethod
        @hookimpl
        def register_readers(register: Callable[[Reader], None]) -> None:
            raise ImportError("No module named 'odfpy'")

    relaxed = host_with(("odt", Broken))
    assert relaxed.readers.names() == []
    assert relaxed.errors == relaxed.problems
    strict = host_with(("odt", Broken), strict=True)
    with pytest.raises(PluginError) as stop:
        strict.readers  # noqa: B018
    assert str(stop.value) == "--strict: stopping because of 1 plugin problem (see above)"
    assert strict.problems == relaxed.problems
    assert strict.problems[0].startswith("plugin odt (dist-odt 1.0) failed in register_readers")


# The listing -----------------------------------------------------------------------


def listing_host() -> PluginHost:
    """A built-in, a working third-party plugin, a failed one and a disabled one."""
    host = PluginHost(discover=False, disabled=["off"])
    builtin_json(host)
    host.add_plugin(registering(MemoExporter()), name="memo", distribution="jtreport-memo")
    host.add_plugin(registering(MemoReader(), hook="register_readers"), name="memo-in")
    host.add_plugin(registering(exporter_named("x")), name="off")
    host.add_plugin(registering(MemoExporter), name="broken", distribution="jtreport-broken")
    return host


def test_listing_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    print_plugins(listing_host(), as_json=True)
    data = json.loads(capsys.readouterr().out)
    plugins = {p["name"]: p for p in data["plugins"]}
    assert list(plugins) == ["json", "broken", "memo", "memo-in", "off"]
    # built-ins are listed with the same information as third-party plugins
    assert {len(p) for p in plugins.values()} == {len(plugins["json"])}
    assert plugins["json"]["builtin"] and plugins["json"]["distribution"] == "jtreport"
    assert plugins["memo"] | {"module": None} == {
        "name": "memo",
        "distribution": "jtreport-memo",
        "version": "0",
        "module": None,
        "builtin": False,
        "state": "ok",
        "hooks": ["register_exporters"],
        "formats": ["memo"],
        "readers": [],
        "disabled": False,
        "error": None,
        "warnings": [],
    }
    assert plugins["memo-in"]["readers"] == ["memo"]
    assert plugins["off"]["state"] == "disabled"
    assert plugins["broken"]["state"] == "failed"
    assert "register(MemoExporter())" in plugins["broken"]["error"]
    assert data["formats"]["memo"]["plugin"] == "memo"
    assert data["formats"]["memo"]["extension"] == ".memo"
    assert data["formats"]["json"]["builtin"] is True
    assert data["readers"]["memo"]["extensions"] == [".memo"]
    assert len(data["problems"]) == 1 and "broken" in data["problems"][0]


def test_listing_as_text() -> None:
    lines = plugins_table(listing_host())
    text = "\n".join(lines)
    assert lines[0] == "Plugins (1 built-in, 4 third-party):"
    assert f"  json  jtreport {jtreport.__version__}  (built-in, ok)" in lines
    assert "  memo  jtreport-memo 0  (third-party, ok)" in lines
    assert "  broken  jtreport-broken 0  (third-party, failed)" in lines
    assert "  off  local 0  (third-party, disabled)" in lines
    assert "      hooks:   register_exporters" in lines
    assert "      error:   failed in register_exporters: register() takes an instance" in text
    formats = lines[lines.index("Output formats (--format):") + 1 :]
    assert formats[0].split()[:3] == ["json", ".json", "json"]
    assert formats[1].split()[:5] == ["memo", ".memo", "memo", "(jtreport-memo", "0)"]
    assert plugins_data(listing_host())["formats"].keys() == {"json", "memo"}


# Failures stay with their plugin: the runner -----------------------------------------


@pytest.fixture
def handmade_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the runner 'parse' any input into :func:`sample_statement`."""
    monkeypatch.setattr(jtreport.api, "parse_file", lambda *a, **k: sample_statement())


class Suspicious(Exporter):
    """Raises while deciding whether it may replace an existing file."""

    name = "suspicious"
    extension = ".txt"

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> None:
        """Never reached in the test: the destination exists."""
        stream.write(b"x")

    def recognizes(self, path: Path) -> bool:
        """Fail."""
        raise ValueError("cannot tell")


def run(host: PluginHost, tmp_path: Path, *formats: str) -> int:
    """Convert one (hand-parsed) input into ``tmp_path`` with ``formats``."""
    settings = RunSettings(inputs=("statement.txt",), formats=formats, output=tmp_path)
    return Run(settings, host).main()


def test_an_exporter_that_raises_fails_alone(
    tmp_path: Path, handmade_parse: None, capsys: pytest.CaptureFixture[str]
) -> None:
    host = PluginHost(discover=False)
    builtin_json(host)
    host.add_plugin(
        registering(exporter_named("boom", fail=True), Suspicious()),
        name="boomer",
        distribution="jtreport-boom",
        version="2.0",
    )
    (tmp_path / "statement.txt").write_text("a user's file")
    assert run(host, tmp_path, "boom", "json", "suspicious") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"jtreport: {tmp_path / 'statement.out'}: the boom exporter failed: RuntimeError: "
        "boom broke with a second line [plugin boomer (jtreport-boom 2.0)]",
        f"jtreport: {tmp_path / 'statement.txt'}: the suspicious exporter failed: ValueError: "
        "cannot tell [plugin boomer (jtreport-boom 2.0)]",
    ]
    written = json.loads((tmp_path / "statement.json").read_text())
    assert [i["id"] for i in written["items"]] == [i.id for i in sample_statement().items]
    assert (tmp_path / "statement.txt").read_text() == "a user's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["statement.json", "statement.txt"]


def test_a_failing_transform_fails_the_input_naming_the_plugin(
    tmp_path: Path, handmade_parse: None, capsys: pytest.CaptureFixture[str]
) -> None:
    class Agencies:
        @staticmethod
        @hookimpl
        def transform_statement(statement: Statement) -> None:
            raise LookupError("no agency for area a1")

    host = PluginHost(discover=False)
    builtin_json(host)
    host.add_plugin(Agencies, name="agencies", distribution="jtreport-mofa", version="1.1")
    assert run(host, tmp_path, "json") == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(
        "jtreport: statement.txt: plugin agencies (jtreport-mofa 1.1) failed in "
        "transform_statement: LookupError: no agency for area a1 (test_plugins.py, line"
    )
    assert not (tmp_path / "statement.json").exists()


# The example third-party plugin ------------------------------------------------------


def _installed(dist: str) -> bool:
    try:
        distribution(dist)
    except PackageNotFoundError:
        return False
    return True


needs_sample = pytest.mark.skipif(
    not _installed("jtreport-csv"),
    reason="the example plugin is not installed: pip install ./samples/jtreport-csv",
)


def export_csv(statement: Statement, **options: Any) -> bytes:
    """Export through the installed plugin, found the way the command finds it."""
    host = PluginHost()
    exporter = host.exporters["csv"]
    stream = io.BytesIO()
    exporter.export(statement, stream, ExportOptions(destination=Path("x.csv"), **options))
    return stream.getvalue()


def read_csv(data: bytes, delimiter: str = ",") -> list[list[str]]:
    """The rows of a CSV the plugin wrote (checks the byte order mark)."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=delimiter))


@needs_sample
def test_sample_plugin_is_listed_like_a_builtin() -> None:
    data = plugins_data(PluginHost())
    plugin = next(p for p in data["plugins"] if p["name"] == "csv")
    assert plugin["distribution"] == "jtreport-csv"
    assert plugin["version"] == distribution("jtreport-csv").version
    assert plugin["builtin"] is False and plugin["state"] == "ok"
    assert plugin["hooks"] == ["register_exporters"] and plugin["formats"] == ["csv"]
    assert plugin["warnings"] == []
    assert data["formats"]["csv"]["plugin"] == "csv"
    assert data["formats"]["csv"]["extension"] == ".csv"
    builtin = next(p for p in data["plugins"] if p["name"] == "json")
    assert builtin.keys() == plugin.keys()


@needs_sample
def test_sample_plugin_writes_one_row_per_item() -> None:
    statement = sample_statement()
    data = export_csv(statement)
    assert data.count(b"\r\n") == len(statement.items) + 1  # the header, then the items
    rows = read_csv(data)
    assert rows[0] == CSV_HEADER
    assert [r[0] for r in rows[1:]] == [i.id for i in statement.items]
    by_id = {r[0]: dict(zip(CSV_HEADER, r, strict=True)) for r in rows[1:]}
    assert by_id["pre1.1"]["Text"] == "Prime Minister 高市早苗 and President Эмомалӣ Раҳмон met."
    assert by_id["pre1.1"]["Area"] == "Preamble"
    assert by_id["pre1.1"]["Paragraph"] == ""
    assert by_id["2.1"] | {"Text": ""} == {
        "ID": "2.1",
        "Paragraph": "2",
        "Area": "Green Economy and Resilience",
        "Category": "pledge",
        "Commitment": "yes",
        "Actors": "JP",
        "Text": "",
        "Dates": "→ May 2026 (2026-05)",
    }
    assert by_id["3.1"]["Actors"] == "Both sides"
    assert by_id["3.1"]["Dates"] == "2025 (2025)"
    assert by_id["3.2"]["Text"] == "Both sides intend to work together,\nacross two lines."
    assert [r[3] for r in rows[1:]].count("welcome") == 1


@needs_sample
def test_sample_plugin_defuses_formulas() -> None:
    rows = {r[0]: r for r in read_csv(export_csv(sample_statement()))}
    assert rows["1.2"][6] == '\'=HYPERLINK("http://example.com","click")'
    assert rows["3.1"][6].startswith("'-Both sides")
    assert rows["3.3"][6].startswith("'@Tajikistan")
    assert rows["1.1"][6] == "Both sides welcomed the signing of the Exchange of Notes."


@needs_sample
def test_sample_plugin_is_reproducible_and_guards_the_destination(tmp_path: Path) -> None:
    assert export_csv(sample_statement()) == export_csv(sample_statement())
    exporter = PluginHost().exporters["csv"]
    target = tmp_path / "statement.csv"
    export_to_path(exporter, sample_statement(), ExportOptions(destination=target))
    assert exporter.recognizes(target)
    other = tmp_path / "other.csv"
    other.write_text("name,amount\nx,1\n")
    assert not exporter.recognizes(other)
    semicolons = read_csv(export_csv(sample_statement(), extra={"csv-delimiter": ";"}), ";")
    assert semicolons[0] == CSV_HEADER


@needs_sample
def test_sample_plugin_own_tests_pass() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=SAMPLE_PLUGIN,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# End to end: installed plugins, broken ones, in a subprocess -----------------------------


def fake_site(tmp_path: Path, *plugins: tuple[str, str, str]) -> Path:
    """A folder that makes ``(distribution, plugin name, module)`` entries look
    pip-installed: one ``*.dist-info`` each, modules from ``plugin_fixtures``."""
    site = tmp_path / "site"
    for dist, name, module in plugins:
        info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[jtreport]\n{name} = {module}\n")
    return site


def jtreport_cli(
    site: Path, *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m jtreport.cli ARGS`` with the fake site on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(FIXTURES)])
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("JTREPORT_NO_PLUGINS", None)
    env.pop("JTREPORT_DISABLE_PLUGINS", None)
    return subprocess.run(
        [sys.executable, "-m", "jtreport.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )


def mentions(stderr: str, plugin: str) -> list[str]:
    """The lines of ``stderr`` that name ``plugin`` as a plugin."""
    return [line for line in stderr.splitlines() if f"plugin {plugin} (" in line]


def listing(site: Path, *args: str) -> tuple[dict[str, Any], str]:
    """``--plugins --json`` data (plugins keyed by name) and stderr."""
    done = jtreport_cli(site, "--plugins", "--json", *args)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    data["plugins"] = {p["name"]: p for p in data["plugins"]}
    return data, done.stderr


def test_e2e_import_failure_is_reported_once(tmp_path: Path) -> None:
    site = fake_site(tmp_path, ("jtfix-boom-import", "boomimport", "jtfix_boom_import"))
    data, stderr = listing(site)
    plugin = data["plugins"]["boomimport"]
    assert plugin["state"] == "failed"
    assert plugin["distribution"] == "jtfix-boom-import" and plugin["version"] == "1.0"
    assert plugin["error"] == (
        "failed to import: RuntimeError: the plugin's configuration file is missing "
        "(jtfix_boom_import.py, line 3)"
    )
    assert mentions(stderr, "boomimport") == [
        "jtreport: plugin boomimport (jtfix-boom-import 1.0) " + plugin["error"]
    ]
    assert "json" in data["formats"]
    help_run = jtreport_cli(site, "--help")
    assert help_run.returncode == 0 and "json " in help_run.stdout.split("Formats:")[1]
    strict = jtreport_cli(site, "--plugins", "--strict")
    assert strict.returncode == 1
    assert mentions(strict.stderr, "boomimport") == [
        "jtreport: plugin boomimport (jtfix-boom-import 1.0) " + plugin["error"]
    ]
    assert strict.stderr.splitlines()[-1].startswith("jtreport: --strict: stopping because of")


def test_e2e_misspelt_hook_and_bad_signature(tmp_path: Path) -> None:
    site = fake_site(
        tmp_path,
        ("jtfix-misspelt", "misspelt", "jtfix_misspelt"),
        ("jtfix-bad-signature", "badsig", "jtfix_bad_signature"),
    )
    data, stderr = listing(site)
    assert mentions(stderr, "misspelt") == [
        "jtreport: plugin misspelt (jtfix-misspelt 1.0) implements unknown hook "
        "'register_exporter', which is never called (did you mean 'register_exporters'?)"
    ]
    assert data["plugins"]["misspelt"]["hooks"] == ["register_exporter"]
    assert mentions(stderr, "badsig") == [
        "jtreport: plugin badsig (jtfix-bad-signature 1.0) failed to register: its "
        "register_exporters() asks for 'registrar', but the hook passes only 'register'"
    ]


def test_e2e_two_plugins_one_format_name(tmp_path: Path) -> None:
    site = fake_site(
        tmp_path,
        ("jtfix-rival-b", "rival-b", "jtfix_rival_b"),
        ("jtfix-rival-a", "rival-a", "jtfix_rival_a"),
    )
    data, stderr = listing(site)
    assert data["formats"]["ics"]["plugin"] == "rival-a"
    assert data["formats"]["ics"]["shadowed"] == ["rival-b (jtfix-rival-b 1.0)"]
    assert data["formats"]["json"]["plugin"] == "json"
    warnings = [line for line in stderr.splitlines() if "is registered by both" in line]
    assert warnings == [
        f"jtreport: format 'json' is registered by both json (jtreport {jtreport.__version__}) "
        "and rival-a (jtfix-rival-a 1.0); using json (use --disable-plugin json to use rival-a)",
        "jtreport: format 'ics' is registered by both rival-a (jtfix-rival-a 1.0) and rival-b "
        "(jtfix-rival-b 1.0); using rival-a (use --disable-plugin rival-a to use rival-b)",
    ]
    data, stderr = listing(site, "--disable-plugin", "rival-a")
    assert data["formats"]["ics"]["plugin"] == "rival-b"
    assert data["plugins"]["rival-a"]["state"] == "disabled"
    assert "registered by both" not in stderr


def test_e2e_switches_and_heavy_import_warning(tmp_path: Path) -> None:
    site = fake_site(
        tmp_path,
        ("jtfix-heavy", "heavy", "jtfix_heavy"),
        ("jtfix-boom-import", "boomimport", "jtfix_boom_import"),
    )
    data, stderr = listing(site)
    assert data["plugins"]["heavy"]["warnings"] == [
        "imports lxml, openpyxl when loaded, which slows every command; "
        "import heavy libraries inside export() or read()"
    ]
    assert "heavy" not in stderr  # the author's problem: shown by --plugins only
    data, stderr = listing(site, "--no-plugins")
    third = [p for p in data["plugins"].values() if not p["builtin"]]
    assert third and all(p["state"] == "disabled" for p in third)
    assert all(f["builtin"] for f in data["formats"].values())
    assert "boomimport" not in stderr
    data, _ = listing(site, "--disable-plugin", "jtfix-boom-import")
    assert data["plugins"]["boomimport"]["state"] == "disabled"
    help_text = jtreport_cli(site, "--help").stdout
    assert "heavy" in help_text.split("Formats:")[1]


# End to end with the real parser (``bundled`` and ``bundled_path`` come from conftest) -----


def test_e2e_broken_plugins_leave_the_other_formats_working(
    tmp_path: Path, bundled: Statement, bundled_path: Path
) -> None:
    site = fake_site(
        tmp_path,
        ("jtfix-boom-import", "boomimport", "jtfix_boom_import"),
        ("jtfix-boom-export", "boom", "jtfix_boom_export"),
    )
    out = tmp_path / "out"
    done = jtreport_cli(site, str(bundled_path), "-f", "boom", "-f", "json", "-o", str(out))
    assert done.returncode == 1
    assert mentions(done.stderr, "boomimport") == [
        "jtreport: plugin boomimport (jtfix-boom-import 1.0) failed to import: RuntimeError: "
        "the plugin's configuration file is missing (jtfix_boom_import.py, line 3)"
    ]
    boom = [line for line in done.stderr.splitlines() if "boom exporter" in line]
    assert boom == [
        f"jtreport: {out / bundled_path.stem}.boom: the boom exporter failed: ZeroDivisionError: "
        "division by zero in the boom exporter [plugin boom (jtfix-boom-export 1.0)]"
    ]
    written = json.loads((out / f"{bundled_path.stem}.json").read_text(encoding="utf-8"))
    assert len(written["items"]) == len(bundled.items)
    assert not (out / f"{bundled_path.stem}.boom").exists()
    assert sorted(p.name for p in out.iterdir()) == [f"{bundled_path.stem}.json"]


@needs_sample
def test_e2e_sample_plugin_converts_the_bundled_statement(
    tmp_path: Path, bundled: Statement, bundled_path: Path
) -> None:
    site = fake_site(tmp_path)
    done = jtreport_cli(site, str(bundled_path), "--format", "csv", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert f"wrote {tmp_path / bundled_path.stem}.csv (csv:" in done.stdout
    rows = read_csv((tmp_path / f"{bundled_path.stem}.csv").read_bytes())
    assert rows[0] == CSV_HEADER
    assert [r[0] for r in rows[1:]] == [i.id for i in bundled.items]
    assert [r[4] == "yes" for r in rows[1:]] == [i.is_commitment for i in bundled.items]
    assert all(not r[6].startswith(("=", "+", "-", "@")) for r in rows[1:])


# Plugins that cannot end the run ----------------------------------------------------


def test_sys_exit_and_a_raised_keyboard_interrupt_are_the_plugins_failure(
    tmp_path: Path,
) -> None:
    class Quitter:
        @staticmethod
        @hookimpl
        def register_exporters(register: Callable[[Exporter], None]) -> None:
            sys.exit(3)

    class Interrupter:
        @staticmethod
        @hookimpl
        def transform_statement(statement: Statement) -> None:
            raise KeyboardInterrupt

    host = host_with(("quitter", Quitter), ("memo", registering(MemoExporter())))
    assert host.exporters.names() == ["memo"]
    assert (host.plugins["quitter"].error or "").startswith(
        "failed in register_exporters: called sys.exit(3) (test_plugins.py, line"
    )
    with pytest.raises(PluginError, match=r"failed in transform_statement: raised KeyboardInter"):
        host_with(("interrupter", Interrupter)).transform(sample_statement())
    exiting = type("Exiting", (MemoExporter,), {"export": lambda *a: sys.exit(0)})()
    target = tmp_path / "out.memo"
    target.write_text("1.1\n")  # a file this exporter may replace: it must stay as it was
    exiting.recognizes = lambda path: True  # type: ignore[method-assign]
    with pytest.raises(ExportError, match=r"the memo exporter called sys.exit\(0\)$"):
        export_file(exiting, sample_statement(), ExportOptions(destination=target))
    assert target.read_text() == "1.1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.memo"]


def test_a_keyboard_interrupt_from_the_user_still_stops_the_run() -> None:
    def pressed_ctrl_c() -> None:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(30)  # interrupted by the signal at once

    with pytest.raises(KeyboardInterrupt):
        guarded(None, pressed_ctrl_c)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_the_plugin_time_limit_stops_a_hanging_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def hang(*args: Any) -> None:
        while True:
            try:
                time.sleep(30)
            except Exception:  # a plugin that swallows errors is stopped all the same
                continue

    class Hanging:
        @staticmethod
        @hookimpl
        def register_readers(register: Callable[[Reader], None]) -> None:
            hang()

    host = host_with(("hanging", Hanging), timeout=0.2)
    assert host.readers.names() == []
    assert (host.plugins["hanging"].error or "").startswith(
        "failed in register_readers: did not finish within 0.2 s (the plugin time limit)"
    )
    slow = type("Slow", (MemoExporter,), {"export": hang})()
    with pytest.raises(ExportError, match=r"the memo exporter did not finish within 0.2 s"):
        export_file(
            slow, sample_statement(), ExportOptions(destination=tmp_path / "x"), timeout=0.2
        )
    assert list(tmp_path.iterdir()) == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    monkeypatch.setenv("JTREPORT_PLUGIN_TIMEOUT", "2.5")
    assert PluginHost(discover=False).timeout == 2.5


def test_debug_traces_every_hook_call(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="jtreport"):
        host = PluginHost(discover=False, trace=True)
        host.add_plugin(registering(MemoExporter()), name="memo", distribution="jtreport-memo")
        host.exporters  # noqa: B018
    assert caplog.messages == [
        "debug: calling register_exporters of memo (jtreport-memo 0)",
        "debug: register_exporters returned []",
    ]


def test_a_missing_format_names_the_disabled_or_failed_plugin() -> None:
    broken = registering(MemoExporter)  # registers the class: fails
    host = host_with(("memo", registering(MemoExporter())), ("ics", broken), disabled=["memo"])
    host.exporters  # noqa: B018
    assert host.unavailable("memo") == (
        "format 'memo' is provided by plugin memo (dist-memo 1.0), which is disabled "
        "(--disable-plugin or JTREPORT_DISABLE_PLUGINS)"
    )
    assert (host.unavailable("ics") or "").startswith(
        "format 'ics' is provided by plugin ics (dist-ics 1.0), which failed in "
        "register_exporters: register() takes an instance"
    )
    assert host.unavailable("csv") is None
    off = PluginHost(discover=False, third_party=False)
    off.add_plugin(registering(MemoExporter()), name="csv", distribution="jtreport-csv")
    assert (off.unavailable("csv") or "").endswith("disabled (--no-plugins or JTREPORT_NO_PLUGINS)")


# What an exporter says it wrote, options it declares ------------------------------------


class Counting(MemoExporter):
    """Says how many IDs it wrote; refuses an empty statement; takes -O memo-sep."""

    extra_options = (ExtraOption("memo-sep", "what to put between IDs", ("newline", "comma")),)

    def export(self, statement: Statement, stream: BinaryIO, options: ExportOptions) -> str:
        """Write the IDs, or nothing at all."""
        if not statement.items:
            raise NothingToExport("the statement has no items")
        super().export(statement, stream, options)
        return f"{len(statement.items)} IDs"


def test_an_exporter_reports_its_figures_or_that_it_had_nothing_to_write(
    tmp_path: Path,
) -> None:
    target = tmp_path / "x.memo"
    written = export_file(Counting(), sample_statement(), ExportOptions(destination=target))
    assert (written.path, written.figures, written.skipped) == (target, "7 IDs", None)
    target.unlink()
    empty = export_file(Counting(), Statement(), ExportOptions(destination=target))
    assert (empty.figures, empty.skipped) == (None, "the statement has no items")
    assert list(tmp_path.iterdir()) == []
    assert (
        export_file(MemoExporter(), Statement(), ExportOptions(destination=target)).figures is None
    )


def test_options_are_checked_against_the_exporters_that_declare_them() -> None:
    check_extra([Counting(), MemoExporter()], {"memo-sep": "Comma"})
    with pytest.raises(OptionError, match=r"-O memo-sep=tab: use one of newline, comma \(the memo"):
        check_extra([Counting()], {"memo-sep": "tab"})
    with pytest.raises(OptionError, match=r"no chosen format takes the option 'paper' \(they ta"):
        check_extra([Counting()], {"paper": "a3"})
    with pytest.raises(OptionError, match=r"\(they take: no -O options\)"):
        check_extra([MemoExporter()], {"memo-sep": "comma"})


def test_export_options_hold_created_as_aware_utc() -> None:
    tokyo = timezone(timedelta(hours=9))
    options = ExportOptions(destination=Path("x"), created=datetime(2025, 12, 20, 9, tzinfo=tokyo))
    assert options.created == datetime(2025, 12, 20, 0, tzinfo=UTC)
    assert options.created.tzinfo is UTC
    assert ExportOptions(destination=Path("x"), created=datetime(2025, 1, 1)).created.tzinfo is UTC
    assert ExportOptions(destination=Path("x")).created == datetime(1980, 1, 1, tzinfo=UTC)
    assert created_time().tzinfo is UTC


# Temporary files --------------------------------------------------------------------


def test_temporary_files_of_killed_runs_are_removed_safely(tmp_path: Path) -> None:
    old = time.time() - 3600

    def leftover(name: str, *, age: float = old) -> Path:
        path = tmp_path / name
        path.write_text("half a file")
        os.utime(path, (age, age))
        return path

    stale = [leftover(".statement.memo.k3j4h5g6.tmp"), leftover(".other.memo.abcd_123.tmp")]
    kept = [
        leftover(".statement.memo.fresh123.tmp", age=time.time()),  # a run still writing
        leftover(".statement.json.k3j4h5g6.tmp"),  # another format's: its exporter cleans it
        leftover(".notes.tmp"),  # not one of jtreport's names
        leftover(".statement.memo.short.tmp"),
        leftover("statement.memo.k3j4h5g6.tmp"),  # not hidden
    ]
    locked = leftover(".locked.memo.a1b2c3d4.tmp")
    link = tmp_path / ".link.memo.a1b2c3d4.tmp"
    link.symlink_to(locked)
    with locked.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # an export running in another process
        export_file(
            MemoExporter(), sample_statement(), ExportOptions(destination=tmp_path / "s.memo")
        )
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in [*kept, locked]) and link.is_symlink()
    assert remove_stale_temporaries(tmp_path, ".memo") == [locked]


# End to end: plugins that try to end the run, quiet and debug runs -------------------


def test_e2e_plugins_calling_sys_exit_or_hanging_fail_alone(
    tmp_path: Path, bundled: Statement, bundled_path: Path
) -> None:
    site = fake_site(
        tmp_path,
        ("jtfix-exit-import", "exitimport", "jtfix_exit_import"),
        ("jtfix-exit-export", "quitter", "jtfix_exit_export"),
        ("jtfix-hang-export", "hang", "jtfix_hang_export"),
    )
    out = tmp_path / "out"
    formats = ("-f", "quitter", "-f", "hang", "-f", "json")
    done = jtreport_cli(
        site, str(bundled_path), *formats, "-o", str(out), "--plugin-timeout", "0.5"
    )
    assert done.returncode == 1
    assert mentions(done.stderr, "exitimport") == [
        "jtreport: plugin exitimport (jtfix-exit-import 1.0) failed to import: "
        "called sys.exit(0) (jtfix_exit_import.py, line 5)"
    ]
    stem = out / bundled_path.stem
    assert f"jtreport: {stem}.quit: the quitter exporter called sys.exit(0) [plugin quitter " in (
        done.stderr
    )
    assert (
        f"jtreport: {stem}.hang: the hang exporter did not finish within 0.5 s "
        "(the plugin time limit) [plugin hang (jtfix-hang-export 1.0)]"
    ) in done.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{bundled_path.stem}.json"]
    model = json.loads((out / f"{bundled_path.stem}.json").read_text(encoding="utf-8"))
    assert len(model["items"]) == len(bundled.items)


def test_e2e_quiet_still_names_a_broken_plugin_and_its_format(tmp_path: Path) -> None:
    site = fake_site(tmp_path, ("jtfix-boom-import", "boomimport", "jtfix_boom_import"))
    done = jtreport_cli(site, "-q", "-f", "boomimport", "-o", str(tmp_path))
    assert done.returncode == 2
    failure = (
        "plugin boomimport (jtfix-boom-import 1.0) failed to import: RuntimeError: the "
        "plugin's configuration file is missing (jtfix_boom_import.py, line 3)"
    )
    assert mentions(done.stderr, "boomimport")[0] == f"jtreport: {failure}"
    assert (
        "format 'boomimport' is provided by plugin boomimport (jtfix-boom-import 1.0), "
        "which failed to import" in done.stderr
    )
    assert "unknown format" not in done.stderr


def test_e2e_debug_shows_the_traceback_of_a_failed_export(
    tmp_path: Path, bundled_path: Path
) -> None:
    site = fake_site(tmp_path, ("jtfix-boom-export", "boom", "jtfix_boom_export"))
    out = tmp_path / "out"
    done = jtreport_cli(site, str(bundled_path), "--debug", "-f", "boom,json", "-o", str(out))
    assert done.returncode == 1
    assert "Traceback (most recent call last):" in done.stderr
    assert 'jtfix_boom_export.py", line 21, in export' in done.stderr
    assert "ZeroDivisionError: division by zero in the boom exporter" in done.stderr
    assert "jtreport: debug: calling register_exporters of boom (jtfix-boom-export 1.0)" in (
        done.stderr
    )
    assert (out / f"{bundled_path.stem}.json").exists()
    plain = jtreport_cli(site, str(bundled_path), "-f", "boom", "-o", str(out))
    assert "Traceback" not in plain.stderr and "debug:" not in plain.stderr


def test_e2e_the_whole_pack_includes_third_party_formats_and_their_figures(
    tmp_path: Path, bundled: Statement, bundled_path: Path
) -> None:
    site = fake_site(
        tmp_path,
        ("jtfix-rival-a", "rival-a", "jtfix_rival_a"),
        ("jtfix-nothing", "cal", "jtfix_nothing"),
    )
    out = tmp_path / "out"
    done = jtreport_cli(site, str(bundled_path), "-f", "all", "-o", str(out))
    assert done.returncode == 0, done.stderr
    endings = {p.suffix for p in out.iterdir()}
    assert {".ics", ".json", ".xlsx", ".docx", ".pdf"} <= endings
    assert ".cal" not in endings
    stem = out / bundled_path.stem
    assert f"skipped {stem}.cal (cal: no milestone after 2100)" in done.stdout.splitlines()
    if _installed("jtreport-csv"):
        assert f"wrote {stem}.csv (csv: {len(bundled.items)} rows)" in done.stdout.splitlines()


# Packaging: nothing to add by hand that a test would not catch -------------------------


def package_folders() -> set[str]:
    """Every import package the repository's folders make, by pyproject's
    package-dir mapping: each folder with an ``__init__.py`` under a mapped one."""
    mapping = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    found: set[str] = set()
    for package, folder in mapping["tool"]["setuptools"]["package-dir"].items():
        for init in (REPO / folder).rglob("__init__.py"):
            parts = init.parent.relative_to(REPO / folder).parts
            inside = [REPO / folder / Path(*parts[:n]) for n in range(1, len(parts))]
            if all(p.isidentifier() for p in parts) and all(
                (d / "__init__.py").exists() for d in inside
            ):
                found.add(".".join([package, *parts]))
    return found


def test_every_package_folder_is_in_the_package_list() -> None:
    listed = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    packages = set(listed["tool"]["setuptools"]["packages"])
    assert package_folders() - packages == set(), "add these to [tool.setuptools] packages"
    assert packages - package_folders() == set(), "these listed packages have no folder"


def test_every_builtin_plugin_module_has_an_entry_point() -> None:
    listed = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(listed["project"]["entry-points"]["jtreport"].values())
    for kind in ("readers", "exporters"):
        for path in sorted((REPO / "plugins" / kind).iterdir()):
            module = path / "__init__.py" if path.is_dir() else path
            if path.name.startswith("_") or module.suffix != ".py" or not module.exists():
                continue
            if "@hookimpl" in module.read_text(encoding="utf-8"):
                name = f"jtreport.plugins.{kind}.{path.stem}"
                assert name in declared, f"{name} has hooks but no [project.entry-points.jtreport]"


def test_a_reader_calling_sys_exit_fails_its_input_only(tmp_path: Path) -> None:
    class Quitting(MemoReader):
        def read(self, data: bytes, path: str) -> Any:
            sys.exit(2)

    host = host_with(("memo", registering(Quitting(), hook="register_readers")))
    source = tmp_path / "statement.memo"
    source.write_text("MEMO\nFirst paragraph.\n")
    with pytest.raises(InputError) as failed:
        jtreport.api.parse_file(source, host=host, cache=False)
    assert str(failed.value) == f"{source}: the memo reader called sys.exit(2)"
