"""Bounded work: the parser refuses, with one line, text, paragraphs or items
beyond its limits, before spending minutes on them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from jtreport.api import parse_text
from jtreport.errors import ParseError
from jtreport.parser import limits


def statement(paragraphs: int) -> str:
    body = "\n".join(
        f"{n}. Both sides welcomed the progress of cooperation." for n in range(1, paragraphs + 1)
    )
    return f"Joint Statement\n\n{body}\n"


def test_too_many_paragraphs_is_one_line_from_the_command(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    paragraphs = "\n\n".join(
        f"Both sides welcomed the progress of project {n}."
        for n in range(limits.MAX_PARAGRAPHS + 1)
    )
    path.write_text(f"Joint Statement\n\n{paragraphs}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "jtreport.cli", str(path), "-f", "json", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"jtreport: {path}: holds {limits.MAX_PARAGRAPHS + 2:,} paragraphs; jtreport reads "
        f"statements of at most {limits.MAX_PARAGRAPHS:,} (a long communiqué has a few hundred)"
    )
    assert not list(tmp_path.glob("*.json"))


def test_a_statement_at_the_paragraph_limit_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PARAGRAPHS", 41)
    assert len(parse_text(statement(40)).paragraphs) == 40  # and the title makes 41
    with pytest.raises(ParseError, match="holds 42 paragraphs"):
        parse_text(statement(41))


def test_text_beyond_the_limit_is_refused_before_it_is_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(ParseError, match="holds more than 1,000 characters of text"):
        parse_text("Joint Statement\n\n" + "Both sides agreed. " * 60)


def test_items_beyond_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ITEMS", 5)
    text = "Joint Statement\n\n1. " + " ".join(["Both sides welcomed the plan."] * 6) + "\n"
    with pytest.raises(ParseError, match="makes 6 statement items"):
        parse_text(text)
