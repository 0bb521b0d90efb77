"""The command: through click's runner, and once as the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from jtreport import __version__
from jtreport.cli import main
from jtreport.model import load


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_no_input_converts_the_bundled_statement(tmp_path: Path) -> None:
    result = run("--format", "json", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = tmp_path / "japan-tajikistan-2025.json"
    statement = load(written.read_bytes())
    assert len(statement.paragraphs) == 39
    assert "wrote" in result.output and "39 paragraphs" in result.output


def test_output_file_for_one_input_and_one_format(tmp_path: Path, bundled_path: Path) -> None:
    target = tmp_path / "model.json"
    result = run(str(bundled_path), "-f", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["date"] == "2025-12-20"


def test_standard_input(tmp_path: Path, bundled_path: Path) -> None:
    result = run("-", "-f", "json", "-o", str(tmp_path), input=bundled_path.read_bytes())
    assert result.exit_code == 0, result.output
    assert load((tmp_path / "statement.json").read_bytes()).title.startswith("Joint Statement")


def test_schema_is_printed() -> None:
    result = run("--schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$defs"]["Item"]["properties"]["category"]["enum"]


def test_unknown_format_is_a_usage_error() -> None:
    result = run("-f", "nope")
    assert result.exit_code == 2
    assert "unknown format 'nope'" in result.output


def test_version_and_help() -> None:
    assert run("--version").output.startswith("jtreport, version ")
    help_text = run("--help").output
    assert "Examples:" in help_text and "json" in help_text


def test_quiet_prints_nothing_on_success(tmp_path: Path) -> None:
    result = run("-q", "-f", "json", "-o", str(tmp_path))
    assert result.exit_code == 0 and result.output == ""


def test_parser_warnings_are_printed_unless_quiet(tmp_path: Path) -> None:
    result = run("-f", "json", "-o", str(tmp_path))
    assert "warning: paragraph 27" in result.output
    assert "warning" not in run("-q", "-f", "json", "-o", str(tmp_path)).output


def test_directory_of_statements(tmp_path: Path, bundled_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.md"):
        shutil.copy(bundled_path, folder / name)
    (folder / "notes.xyz").write_text("not a statement")
    out = tmp_path / "out"
    result = run(str(folder), "-f", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_installed_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("jtreport")
    assert script.exists(), "the console script is installed with the package"
    done = subprocess.run(
        [str(script), "--format", "json", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert load((tmp_path / "japan-tajikistan-2025.json").read_bytes()).date == "2025-12-20"


def test_default_is_the_whole_pack(tmp_path: Path) -> None:
    result = run("-q", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    names = {p.suffix for p in tmp_path.iterdir()}
    assert {".json", ".xlsx", ".docx", ".pdf"} <= names


def test_output_file_extension_chooses_the_format(tmp_path: Path) -> None:
    result = run("-q", "-o", str(tmp_path / "note.docx"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["note.docx"]
    assert (tmp_path / "note.docx").read_bytes()[:2] == b"PK"


def test_an_output_extension_naming_no_format_is_a_directory(tmp_path: Path) -> None:
    """As the README says: without --format, ``-o pack.2026`` holds the whole pack;
    with one format it is the file itself."""
    result = run("-q", "-o", str(tmp_path / "pack.2026"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pack.2026").is_dir()
    written = {p.suffix for p in (tmp_path / "pack.2026").iterdir()}
    assert {".json", ".xlsx", ".docx", ".pdf"} <= written
    result = run("-q", "-f", "json", "-o", str(tmp_path / "model.2026"))
    assert result.exit_code == 0, result.output
    assert len(load((tmp_path / "model.2026").read_bytes()).paragraphs) == 39


def test_status_goes_with_one_input_only(tmp_path: Path, bundled_path: Path) -> None:
    result = run(str(bundled_path), str(bundled_path), "-f", "json", "--status", "m.xlsx")
    assert result.exit_code == 2
    assert "--status names the matrix of one statement" in result.output


def test_verbose_says_how_each_input_was_read(tmp_path: Path) -> None:
    result = run("-v", "-f", "json", "-o", str(tmp_path))
    assert "read as text: 39 paragraphs" in result.output
    assert "read as" not in run("-f", "json", "-o", str(tmp_path)).output


# Usage errors that say what is wrong ------------------------------------------------


def test_an_option_no_chosen_format_takes_is_a_usage_error(tmp_path: Path) -> None:
    result = run("-f", "json", "-O", "paper=a3", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "-O paper=a3: no chosen format takes the option 'paper'" in result.output
    assert list(tmp_path.iterdir()) == []
    result = run("-f", "json", "-f", "xlsx", "-O", "colour=red", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "(they take: paper (xlsx), print (xlsx))" in result.output


def test_an_invalid_option_value_is_a_usage_error(tmp_path: Path) -> None:
    result = run("-f", "xlsx", "-O", "paper=b5", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "-O paper=b5: use one of a4, a3, letter, legal (the xlsx format)" in result.output
    assert list(tmp_path.iterdir()) == []
    result = run("-f", "docx", "-O", "annex=sideways", "-o", str(tmp_path))
    assert result.exit_code == 2 and "use one of landscape, portrait" in result.output


def test_a_file_name_for_several_formats_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    result = run("-f", "docx", "-f", "pdf", "-o", str(target))
    assert result.exit_code == 2
    assert f"{target}: -o names a file, but there are 1 input(s) and 2 format(s)" in result.output
    assert not target.exists()
    folder = tmp_path / "pack.v2"  # a suffix that is no format's is a directory name
    assert run("-q", "-f", "json", "-f", "xlsx", "-o", str(folder)).exit_code == 0
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".xlsx"]


def test_directories_without_statements_are_named(tmp_path: Path) -> None:
    empty, other = tmp_path / "empty", tmp_path / "other"
    empty.mkdir()
    other.mkdir()
    (other / "notes.xyz").write_text("not a statement")
    result = run(str(empty), str(other), "-f", "json")
    assert result.exit_code == 2
    assert f"{empty}, {other}: no statements in these directories (files ending" in result.output
    assert ".txt" in result.output


def test_a_disabled_plugins_format_is_named_as_such() -> None:
    result = run("--disable-plugin", "json", "-f", "json")
    assert result.exit_code == 2
    assert (
        "format 'json' is provided by plugin json (jtreport "
        f"{__version__}), which is disabled (--disable-plugin or JTREPORT_DISABLE_PLUGINS)"
    ) in result.output
    assert "unknown format" not in result.output


def test_file_names_are_printed_escaped(tmp_path: Path, bundled_path: Path) -> None:
    name = "evil\n\x1b[2Jname.txt"
    result = run(str(tmp_path / name), "-f", "json", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "evil\n" not in result.output
    assert "evil\\n\\x1b[2Jname.txt: no such file" in result.output
    (tmp_path / name).write_bytes(bundled_path.read_bytes())
    result = run(str(tmp_path / name), "-f", "json", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    wrote = [line for line in result.output.splitlines() if line.startswith("wrote ")]
    assert wrote and "evil\\n\\x1b[2Jname.json (json: 39 paragraphs" in wrote[0]


def test_a_long_output_name_fits_its_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / ("m" * 240 + ".json")
    assert len(target.name) == 245
    result = run("-q", "-f", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert load(target.read_bytes()).date == "2025-12-20"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
