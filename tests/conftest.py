"""Shared fixtures: the bundled statement, the corpus folder, a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The tests exercise the parser itself, not the model cache (tests/test_modelcache.py
# turns it on where it is the subject); subprocesses inherit this.
os.environ["JTREPORT_NO_CACHE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_files() -> list[Path]:
    """The statements in ../shared/corpus (empty when the folder is absent)."""
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="../shared/corpus is not beside this checkout (a user's own clone); CI has it",
)


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    """The bundled Japan–Tajikistan statement, as installed with the package."""
    from jtreport.api import bundled_statement

    return bundled_statement()


@pytest.fixture(scope="session")
def bundled(bundled_path: Path):  # type: ignore[no-untyped-def]
    """The bundled statement, parsed once per session."""
    from jtreport.api import parse_file

    return parse_file(bundled_path)
