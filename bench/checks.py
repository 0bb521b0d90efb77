"""What a run imports, looked up in ``sys.modules`` of a fresh interpreter:
``--help`` and ``--version`` must import no document library, and the xlsx
path must not import numpy (openpyxl imports it whenever it is installed).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence

#: The libraries nothing on the ``--help`` path may import.
HEAVY = ("docx", "openpyxl", "reportlab", "pypdf", "bs4", "lxml", "numpy")

_PROBE = """
import json, sys
from jtreport.cli import main
try:
    main(args=sys.argv[1:], prog_name="jtreport")
except SystemExit:
    pass
top = sorted({name.partition(".")[0] for name in sys.modules})
numpy = None
try:
    import importlib.util
    numpy = importlib.util.find_spec("numpy") is not None
except (ImportError, ValueError):
    numpy = False
print("PROBE " + json.dumps({"modules": top, "numpy_installed": numpy}))
"""


def imported_by(python: str, args: Sequence[str], env: Mapping[str, str]) -> tuple[list[str], bool]:
    """Top-level modules a ``jtreport ARGS`` run leaves imported, and whether
    numpy could have been imported at all."""
    done = subprocess.run(
        [python, "-c", _PROBE, *args], env=dict(env), capture_output=True, text=True, check=False
    )
    for line in done.stdout.splitlines():
        if line.startswith("PROBE "):
            found = json.loads(line.removeprefix("PROBE "))
            return found["modules"], bool(found["numpy_installed"])
    raise RuntimeError(f"the import probe failed: {done.stderr.strip()[-1000:]}")


def heavy_modules(modules: Sequence[str]) -> list[str]:
    """The heavy libraries among ``modules``."""
    return sorted(set(modules) & set(HEAVY))
