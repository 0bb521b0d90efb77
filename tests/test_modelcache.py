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


def test_code_fingerprint_changes_with_the_parser(cache: Path, bundled_path: Path) -> None:
    from jtreport.api import default_host
    from jtreport.reading import choose_reader

    reader = choose_reader(default_host().readers, bundled_path.read_bytes(), str(bundled_path))
    before = modelcache.cache_key("x" * 64, reader)
    parser_file = Path(modelcache.__file__).parent / "parser" / "units.py"
    stat = parser_file.stat()
    try:
        os.utime(parser_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert modelcache.cache_key("x" * 64, reader) != before
    finally:
        os.utime(parser_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))


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
