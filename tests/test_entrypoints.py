"""Plugin discovery without importlib.metadata, and a light start-up.

:mod:`jtreport.entrypoints` scans ``sys.path`` for ``*.dist-info`` and
``*.egg-info`` folders itself; these tests build such folders in a temporary
directory (two distributions, a duplicate later on the path, comments, an
egg-info, a missing METADATA, entries that are not directories) and compare the
scanner with importlib.metadata on the real environment.  The start-up tests
run the command in a fresh interpreter and look at ``sys.modules``.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape as sax_escape

import jtreport
import pytest
from jtreport.entrypoints import (
    entry_points,
    normalize,
    parse_entry_points,
    parse_headers,
    read_distribution,
)
from jtreport.model import Statement
from jtreport.pluginmanager import GROUP, PluginHost
from jtreport.plugins.exporters.pdf_summary.fonts import escape

FIXTURES = Path(__file__).resolve().parent / "plugin_fixtures"


def dist_info(
    folder: Path,
    stem: str,
    *,
    metadata: str | None = None,
    entry_points_txt: str | None = None,
    suffix: str = ".dist-info",
) -> Path:
    """Write a metadata folder ``stem + suffix`` in ``folder``."""
    info = folder / (stem + suffix)
    info.mkdir(parents=True)
    if metadata is not None:
        name = "PKG-INFO" if suffix == ".egg-info" else "METADATA"
        (info / name).write_text(textwrap.dedent(metadata), encoding="utf-8")
    if entry_points_txt is not None:
        (info / "entry_points.txt").write_text(textwrap.dedent(entry_points_txt), encoding="utf-8")
    return info


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    """Two site folders: the first with several distributions, the second with
    a duplicate of one of them (which must lose) and one of its own."""
    first, second = tmp_path / "first", tmp_path / "second"
    dist_info(
        first,
        "jtreport_csv-0.1.0",
        metadata="""\
            Metadata-Version: 2.1
            Name: jtreport-csv
            Version: 0.1.0
            Summary: CSV export; Name: in the summary is not the name
            Description-Content-Type: text/markdown

            Name: not-a-header
            """,
        entry_points_txt="""\
            # a comment
            ; another comment
            [console_scripts]
            jtcsv = jtreport_csv.cli:main

            [jtreport]
            csv = jtreport_csv
              spaced   =   jtreport_csv.extra : Plugin.inner  [fancy]
            this line has no equals sign
            """,
    )
    dist_info(
        first,
        "Alpha.Plugins-2.3",
        metadata="Metadata-Version: 2.1\nName: Alpha.Plugins\nVersion: 2.3b1\n",
        entry_points_txt="[jtreport]\nalpha = alpha_plugins:hooks\n[other]\nx = y\n",
    )
    dist_info(first, "nometa-4.5", entry_points_txt="[jtreport]\nbare = nometa_plugin\n")
    dist_info(
        first,
        "legacy_tool",
        suffix=".egg-info",
        metadata="Metadata-Version: 1.1\nName: legacy-tool\nVersion: 0.9\n",
        entry_points_txt="[jtreport]\nlegacy = legacy_tool.plugin\n",
    )
    dist_info(
        first,
        "quiet-1.0",
        metadata="Metadata-Version: 2.1\nName: quiet\nVersion: 1.0\n",
        entry_points_txt="[console_scripts]\nquiet = quiet:main\n",
    )
    dist_info(first, "shadow-1.0", metadata="Metadata-Version: 2.1\nName: shadow\nVersion: 1.0\n")
    (first / "not-a-folder-1.0.dist-info.txt").write_text("x")
    (first / "stray-1.0.dist-info").write_text("a file where a folder belongs")
    dist_info(
        second,
        "jtreport.csv-9.9",
        metadata="Metadata-Version: 2.1\nName: jtreport.csv\nVersion: 9.9\n",
        entry_points_txt="[jtreport]\nimpostor = elsewhere\n",
    )
    dist_info(
        second,
        "shadow-2.0",
        metadata="Metadata-Version: 2.1\nName: shadow\nVersion: 2.0\n",
        entry_points_txt="[jtreport]\nshadowed = shadow\n",
    )
    dist_info(
        second,
        "beta-1.0",
        metadata="Metadata-Version: 2.1\nName: beta\nVersion: 1.0\n",
        entry_points_txt="[jtreport]\nbeta = beta_plugin\n",
    )
    return first, second


def found(path: list[str]) -> list[tuple[str, str, str, str]]:
    """``(name, value, distribution, version)`` of every ``jtreport`` entry point."""
    return sorted(
        (ep.name, ep.value, ep.dist.name, ep.dist.version) for ep in entry_points(GROUP, path)
    )


# The scanner ------------------------------------------------------------------


def test_scanner_reads_names_versions_and_groups(site: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = site
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a directory")
    a_zip = tmp_path / "bundle.zip"
    with zipfile.ZipFile(a_zip, "w") as archive:
        archive.writestr("zipped-1.0.dist-info/entry_points.txt", "[jtreport]\nz = zipped\n")
    path = [str(a_file), str(tmp_path / "missing"), str(first), str(a_zip), str(second)]
    assert found(path) == [
        ("alpha", "alpha_plugins:hooks", "Alpha.Plugins", "2.3b1"),
        ("bare", "nometa_plugin", "nometa", "4.5"),
        ("beta", "beta_plugin", "beta", "1.0"),
        ("csv", "jtreport_csv", "jtreport-csv", "0.1.0"),
        ("legacy", "legacy_tool.plugin", "legacy-tool", "0.9"),
        ("spaced", "jtreport_csv.extra : Plugin.inner  [fancy]", "jtreport-csv", "0.1.0"),
    ]
    every = entry_points("jtreport", path)
    assert {ep.group for ep in every} == {"jtreport"}
    assert [ep.name for ep in entry_points("console_scripts", path)] == ["jtcsv", "quiet"]


def test_first_distribution_on_the_path_wins(site: tuple[Path, Path]) -> None:
    first, second = site
    reverse = found([str(second), str(first)])
    assert ("impostor", "elsewhere", "jtreport.csv", "9.9") in reverse
    assert not [row for row in reverse if row[0] == "csv"]
    # shadow-1.0 in the first folder declares no entry point but still hides shadow-2.0
    assert not [row for row in found([str(first), str(second)]) if row[0] == "shadowed"]
    assert ("shadowed", "shadow", "shadow", "2.0") in reverse
    # the same folder twice on the path does not duplicate anything
    assert found([str(first), str(first)]) == found([str(first)])


def test_scanner_agrees_with_importlib_metadata_on_a_temporary_site(tmp_path: Path) -> None:
    # importlib.metadata fails on the malformed lines the scanner skips: a clean site here
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, stem, version in (
        (first, "Jt_One-1.0", "1.0"),
        (first, "jt_two-2.0", "2.0"),
        (second, "jt.one-3.0", "3.0"),
        (second, "jt_three-0.1", "0.1"),
    ):
        name = stem.partition("-")[0].replace("_", "-")
        dist_info(
            folder,
            stem,
            metadata=f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
            entry_points_txt=f"# {name}\n[jtreport]\n{name} = {name.replace('-', '_')}:hooks\n",
        )
    dist_info(
        second,
        "jt_egg",
        suffix=".egg-info",
        metadata="Metadata-Version: 1.1\nName: jt-egg\nVersion: 0.5\n",
        entry_points_txt="[jtreport]\negg = jt_egg\n[console_scripts]\nx = y:z\n",
    )
    path = [str(first), str(second)]
    seen: set[str] = set()
    expected = []
    for dist in importlib.metadata.distributions(path=path):
        key = normalize(Path(str(dist._path)).name.partition("-")[0])  # type: ignore[attr-defined]
        if key not in seen:
            seen.add(key)
            expected += [
                (ep.name, ep.value, dist.name, dist.version)
                for ep in dist.entry_points.select(group=GROUP)
            ]
    assert found(path) == sorted(expected)
    assert [row[0] for row in found(path)] == ["Jt-One", "egg", "jt-three", "jt-two"]


def test_scanner_agrees_with_importlib_metadata_on_this_environment() -> None:
    ours = found(sys.path)
    theirs = sorted(
        (ep.name, ep.value, ep.dist.name, ep.dist.version)
        for ep in importlib.metadata.entry_points(group=GROUP)
        if ep.dist is not None
    )
    assert ours == theirs
    assert (
        "json",
        "jtreport.plugins.exporters.json_model",
        "jtreport",
        jtreport.__version__,
    ) in ours


def test_empty_path_entry_is_the_current_directory(
    site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = site
    monkeypatch.chdir(first)
    assert found([""]) == found([str(first)])
    assert found([""])  # it did find something


def test_missing_metadata_falls_back_to_the_folder_name(tmp_path: Path) -> None:
    info = dist_info(tmp_path, "My_Tool-1.2.3", entry_points_txt="[jtreport]\nt = t\n")
    dist = read_distribution(str(info))
    assert (dist.name, dist.version) == ("My_Tool", "1.2.3")
    bare = dist_info(tmp_path, "unversioned", entry_points_txt="")
    assert read_distribution(str(bare)).version == "?"
    partial = dist_info(tmp_path, "partial-7.0", metadata="Metadata-Version: 2.1\nName: Partial\n")
    assert (read_distribution(str(partial)).name, read_distribution(str(partial)).version) == (
        "Partial",
        "7.0",
    )


def test_parse_entry_points_syntax() -> None:
    text = (
        "# header comment\n"
        "orphan = before.any.group\n"
        "[jtreport]\n"
        "  a = mod_a  \n"
        "; semicolon comment\n"
        ";off = commented_out\n"
        "#gone = commented_out\n"
        "b=mod_b:obj\n"
        "c = \n"
        "= nameless\n"
        "no equals here\n"
        "\n"
        "[other.group]\n"
        "d = mod_d\n"
        "[jtreport]\n"
        "e = mod_e\n"
    )
    assert parse_entry_points(text) == {
        "jtreport": [("a", "mod_a"), ("b", "mod_b:obj"), ("e", "mod_e")],
        "other.group": [("d", "mod_d")],
    }
    assert parse_entry_points("") == {}


def test_parse_headers_stops_at_the_body() -> None:
    text = "Name: Real-Name\nSummary: a\n  folded Version: 9\nVersion: 1.0\nName: second\n\nName: b"
    assert parse_headers(text) == {"name": "Real-Name", "summary": "a", "version": "1.0"}


def test_normalize_follows_pep_503() -> None:
    assert normalize("Jtreport_CSV") == normalize("jtreport.csv") == "jtreport-csv"
    assert normalize("a--_.b") == "a-b"


def test_load_imports_the_module_and_attribute(tmp_path: Path) -> None:
    package = tmp_path / "jtep_loadme"
    package.mkdir()
    (package / "__init__.py").write_text("class Plugin:\n    class inner:\n        x = 1\n")
    dist_info(
        tmp_path,
        "jtep_loadme-1.0",
        metadata="Name: jtep-loadme\nVersion: 1.0\n",
        entry_points_txt=(
            "[jtreport]\n"
            "module = jtep_loadme\n"
            "attr = jtep_loadme : Plugin.inner [extra]\n"
            "broken = jtep_loadme:Missing\n"
            "absent = jtep_no_such_module\n"
        ),
    )
    sys.path.insert(0, str(tmp_path))
    try:
        eps = {ep.name: ep for ep in entry_points(GROUP, [str(tmp_path)])}
        module = eps["module"].load()
        assert module.__name__ == "jtep_loadme"
        assert eps["attr"].load() is module.Plugin.inner
        with pytest.raises(AttributeError):
            eps["broken"].load()
        with pytest.raises(ModuleNotFoundError):
            eps["absent"].load()
        assert "jtep-loadme" in repr(eps["module"])
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("jtep_loadme", None)


# The plugin manager uses it ------------------------------------------------------


def test_plugin_host_finds_the_builtins_through_the_scanner(bundled: Statement) -> None:
    host = PluginHost(third_party=False)
    assert {"json", "xlsx", "docx", "pdf"} <= set(host.exporters.names())
    assert {"text", "docx", "pdf", "html"} <= set(host.readers.names())
    assert host.plugins["xlsx"].distribution == "jtreport"
    assert host.plugins["xlsx"].version == jtreport.__version__
    assert host.plugins["text"].module == "jtreport.plugins.readers.plain_text"
    # no built-in changes the model: the bundled statement passes through untouched
    assert len(bundled.paragraphs) == 39
    assert host.transform(bundled) is bundled


# A fresh interpreter: what the light commands import ------------------------------

# Prints the imported modules' names with repr(): importing json would spoil the answer.
PROBE = """
import sys
from jtreport.cli import main
try:
    main(args=sys.argv[1:], prog_name="jtreport")
except SystemExit:
    pass
print("MODULES " + repr(sorted(sys.modules)))
"""

#: modules that the light commands must not import (heavy document libraries are
#: checked by test_startup.py)
NEVER = ("importlib.metadata", "email", "msgspec", "jtreport.model", "difflib", "sysconfig")


def probe(*args: str, pythonpath: list[Path] | None = None) -> tuple[set[str], str, str]:
    """Run the command in a fresh interpreter: imported modules, stdout, stderr."""
    env = dict(os.environ)
    env.pop("JTREPORT_DISABLE_PLUGINS", None)
    if pythonpath is None:
        env["JTREPORT_NO_PLUGINS"] = "1"  # an installed third-party plugin may import anything
    else:
        env.pop("JTREPORT_NO_PLUGINS", None)
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, check=False
    )
    marker = [line for line in done.stdout.splitlines() if line.startswith("MODULES ")]
    assert marker, done.stdout + done.stderr
    modules = ast.literal_eval(marker[-1].removeprefix("MODULES "))
    return set(modules), done.stdout, done.stderr


@pytest.mark.parametrize(
    ("args", "expect", "also_never"),
    [
        (("--help",), "Formats:", ("logging", "json", "zipfile", "html", "hashlib")),
        (("--version",), "jtreport, version", ("logging", "json", "jtreport.pluginmanager")),
        (("--plugins",), "Output formats (--format):", ("jtreport.blocks", "hashlib")),
        (("--plugins", "--json"), '"formats": {', ("jtreport.blocks",)),
    ],
    ids=["help", "version", "plugins", "plugins-json"],
)
def test_light_commands_import_only_what_they_need(
    args: tuple[str, ...], expect: str, also_never: tuple[str, ...]
) -> None:
    modules, stdout, stderr = probe(*args)
    assert expect in stdout, stdout + stderr
    unwanted = sorted(
        m for m in modules if m.partition(".")[0] in NEVER + also_never or m in NEVER + also_never
    )
    assert unwanted == []


def test_the_probe_sees_what_a_conversion_imports(tmp_path: Path) -> None:
    modules, stdout, stderr = probe("-f", "json", "-q", "-o", str(tmp_path))
    assert {"msgspec", "jtreport.model"} <= modules, stdout + stderr
    model = json.loads((tmp_path / "japan-tajikistan-2025.json").read_text(encoding="utf-8"))
    assert len(model["paragraphs"]) == 39


def fake_site(tmp_path: Path, dist: str, name: str, module: str) -> Path:
    """A folder on which ``module`` (from plugin_fixtures) looks pip-installed."""
    folder = tmp_path / "site"
    dist_info(
        folder,
        f"{dist.replace('-', '_')}-1.0",
        metadata=f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n",
        entry_points_txt=f"# written by the test\n[jtreport]\n{name} = {module}\n",
    )
    return folder


def test_help_reports_a_broken_plugin_once(tmp_path: Path) -> None:
    site = fake_site(tmp_path, "jtfix-boom-import", "boomimport", "jtfix_boom_import")
    modules, stdout, stderr = probe("--help", pythonpath=[site, FIXTURES])
    assert "json " in stdout.split("Formats:")[1]
    assert stderr.splitlines() == [
        "jtreport: plugin boomimport (jtfix-boom-import 1.0) failed to import: RuntimeError: "
        "the plugin's configuration file is missing (jtfix_boom_import.py, line 3)"
    ]
    assert "importlib.metadata" not in modules


def test_help_with_a_misspelt_hook_suggests_the_name(tmp_path: Path) -> None:
    site = fake_site(tmp_path, "jtfix-misspelt", "misspelt", "jtfix_misspelt")
    modules, _, stderr = probe("--help", pythonpath=[site, FIXTURES])
    assert "did you mean 'register_exporters'?" in stderr
    assert "difflib" in modules  # imported for the suggestion only


def test_pdf_escape_matches_saxutils() -> None:
    for text in ("a & b < c > d", "&amp; already", "", "\"quotes' stay", "Эмомалӣ Раҳмон 高市早苗"):
        assert escape(text) == sax_escape(text)
