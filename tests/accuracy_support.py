"""What the accuracy tests share: the scorer (``bench/scorer``, imported by
path, so ``bench/`` stays off ``sys.path``) and the fixtures' folders."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "accuracy"
LABELS = ROOT / "bench" / "labelled" / "labels"
FLOORS = ROOT / "bench" / "labelled" / "floors.json"


def scorer() -> ModuleType:
    """The ``scorer`` package of ``bench/`` (imported once)."""
    if "scorer" not in sys.modules:
        package = BENCH / "scorer"
        spec = importlib.util.spec_from_file_location(
            "scorer", package / "__init__.py", submodule_search_locations=[str(package)]
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["scorer"] = module
        spec.loader.exec_module(module)
    return sys.modules["scorer"]
