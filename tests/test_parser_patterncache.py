"""The parser's stored patterns: what one process compiled, the next one gets back
identical, and nothing is stored where Python may not write bytecode."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from jtreport.parser import patterncache
from jtreport.parser.gazetteer import _build_trie, trie_pattern

PATTERN = r"(?P<head>[A-Z]\w+)\s+(?i:of|on)\s+(?P<rest>\w+(?:\s+\w+)?)(?![\w-])"

pytestmark = pytest.mark.skipif(
    patterncache.cache_file() is None, reason="no pattern cache on this interpreter"
)


@pytest.fixture
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has loaded nothing yet, allowed to write bytecode."""
    monkeypatch.setattr(patterncache, "_STATE", patterncache._State())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    re.purge()


def _next_process(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Forget this process's patterns and load the stored ones, as a new run does."""
    re.purge()
    monkeypatch.setattr(patterncache, "_STATE", patterncache._State())
    patterncache.install(folder)


def test_a_stored_pattern_comes_back_equal_and_matches_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_state: None
) -> None:
    patterncache.install(tmp_path)
    compiled = re.compile(PATTERN, re.MULTILINE)
    patterncache.save(tmp_path)
    assert patterncache.cache_file(tmp_path).is_file()  # type: ignore[union-attr]

    _next_process(monkeypatch, tmp_path)
    stored = re._cache[(str, PATTERN, int(re.MULTILINE))]  # type: ignore[attr-defined]
    assert stored is not compiled
    assert stored == compiled
    assert stored.groupindex == compiled.groupindex
    found = re.compile(PATTERN, re.MULTILINE).search("the Treaty ON Open Skies")
    assert found is not None
    assert (found.group("head"), found.group("rest")) == ("Treaty", "Open Skies")


def test_a_trie_built_once_is_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_state: None
) -> None:
    words = ["japan", "jamaica", "jordan"]
    patterncache.install(tmp_path)
    built = trie_pattern(words)
    assert built == _build_trie(words)
    patterncache.save(tmp_path)

    _next_process(monkeypatch, tmp_path)
    assert patterncache._STATE.tries == {"\x00".join(sorted(words)): built}
    assert re.fullmatch(trie_pattern(words), "jordan")


def test_the_same_words_in_another_order_are_not_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_state: None
) -> None:
    # a set of words comes out in another order in each process
    words = ["jordan", "japan", "jamaica", "japan"]
    patterncache.install(tmp_path)
    built = trie_pattern(words)
    patterncache.save(tmp_path)

    _next_process(monkeypatch, tmp_path)
    assert trie_pattern(reversed(words)) == built == _build_trie(words)
    assert patterncache._STATE.tries_built == set()


def test_nothing_is_written_when_python_may_not_write_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_state: None
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterncache.install(tmp_path)
    re.compile(PATTERN)
    patterncache.save(tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe9\x03\x00\x00"])
def test_an_unreadable_file_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_state: None, content: bytes
) -> None:
    path = patterncache.cache_file(tmp_path)
    assert path is not None
    path.write_bytes(content)
    patterncache.install(tmp_path)
    assert patterncache._STATE.programs == {}
    assert re.compile(PATTERN).search("Treaty of Rome") is not None
