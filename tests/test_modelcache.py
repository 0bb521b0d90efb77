"""The model cache: a second parse of the same bytes by the same code is a load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jtreport import modelcache
from jtreport.api import parse_file


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("JTREPORT_NO_CACHE", raising=False)
    monkeypatch.setenv("JTREPORT_CACHE_DIR", str(folder))
    return folder


def test_second_parse_loads_the_same_model(cache: Path, bundled_path: Path, tmp_path: Path) -> None:
    first = parse_file(bundled_path)
    assert len(list(cache.glob("*.json"))) == 1
    copy = tmp_path / "copy.txt"
    shutil.copy(bundled_path, copy)
    second = parse_file(copy)
    assert second.source is not None and second.source.path == str(copy)
    assert second.paragraphs == first.paragraphs and second.items == first.items
    assert second.warnings == first.warnings
    assert len(list(cache.glob("*.json"))) == 1


def test_the_cache_is_really_used_and_bypassed_on_request(
    cache: Path, bundled_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse_file(bundled_path)
    import jtreport.parser as parser

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser ran although the model was cached")

    monkeypatch.setattr(parser, "parse_blocks", refuse)
    assert len(parse_file(bundled_path).paragraphs) == 39
    with pytest.raises(AssertionError, match="parser ran"):
        parse_file(bundled_path, cache=False)


def test_changed_bytes_or_damaged_entries_are_parsed_again(
    cache: Path, bundled_path: Path, tmp_path: Path
) -> None:
    parse_file(bundled_path)
    edited = tmp_path / "edited.txt"
    edited.write_text(
        bundled_path.read_text(encoding="utf-8") + "\n40. Both sides agreed to meet again.\n"
    )
    assert parse_file(edited).paragraphs[-1].number == 40
    for entry in cache.glob("*.json"):
        entry.write_bytes(b"{not json")
    assert len(parse_file(bundled_path).paragraphs) == 39


_KEY_SCRIPT = """
import sys
from pathlib import Path
import jtreport
from jtreport import modelcache
from jtreport.api import default_host
from jtreport.reading import choose_reader
assert Path(jtreport.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve())
reader = choose_reader(default_host().readers, b"Joint Statement", "statement.txt")
print(modelcache.cache_key("x" * 64, reader))
"""


def _installed_copy(target: Path) -> Path:
    """A copy of the package laid out as installed (jtreport/, jtreport/plugins/)."""
    import jtreport
    import jtreport.plugins

    ignore = shutil.ignore_patterns("__pycache__")
    package = target / "jtreport"
    shutil.copytree(Path(jtreport.__file__).parent, package, ignore=ignore)
    if not (package / "plugins").exists():  # an editable install: plugins/ lives apart
        shutil.copytree(Path(jtreport.plugins.__file__).parent, package / "plugins", ignore=ignore)
    return package


def _key_in(copy: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(copy), JTREPORT_NO_PLUGINS="1")
    done = subprocess.run(
        [sys.executable, "-c", _KEY_SCRIPT, str(copy)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_an_edit_to_any_module_of_the_package_misses_the_cache(tmp_path: Path) -> None:
    package = _installed_copy(tmp_path)
    first = _key_in(tmp_path)
    assert _key_in(tmp_path) == first  # the same code gives the same key
    # A reader helper that the plain-text reader never imports, edited with its
    # size and modification time kept: only its content tells.
    helper = package / "plugins" / "readers" / "_wordbody.py"
    stat = helper.stat()
    text = helper.read_text(encoding="utf-8")
    edited = text.replace("def ", "def  ", 1)[:-1]  # same length
    assert len(edited.encode()) == len(text.encode())
    helper.write_text(edited, encoding="utf-8")
    os.utime(helper, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _key_in(tmp_path) != first


def test_library_versions_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from jtreport.api import default_host
    from jtreport.reading import choose_reader

    reader = choose_reader(default_host().readers, b"Joint Statement", "statement.txt")
    before = modelcache.cache_key("x" * 64, reader)
    versions = dict(modelcache.library_versions(modelcache.LIBRARIES))
    assert versions["msgspec"] != "-"  # found without importing anything
    monkeypatch.setattr(
        modelcache,
        "library_versions",
        lambda names: [(n, "0.0.1" if n == "pypdf" else versions[n]) for n in sorted(names)],
    )
    assert modelcache.cache_key("x" * 64, reader) != before


def test_unwritable_cache_falls_back_to_parsing(
    tmp_path: Path, bundled_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("JTREPORT_NO_CACHE", raising=False)
    monkeypatch.setenv("JTREPORT_CACHE_DIR", str(blocker / "cache"))
    assert len(parse_file(bundled_path).paragraphs) == 39


def test_no_cache_switch_and_environment(cache: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "JTREPORT_NO_CACHE"}
    env["JTREPORT_CACHE_DIR"] = str(cache)
    run = [sys.executable, "-m", "jtreport.cli", "-f", "json", "-q", "-o", str(tmp_path / "o")]
    assert subprocess.run([*run, "--no-cache"], env=env, check=False).returncode == 0
    assert not cache.exists()
    assert subprocess.run(run, env=env, check=False).returncode == 0
    assert len(list(cache.glob("*.json"))) == 1
