"""Start-up stays light: ``jtreport --help``, ``--version`` and the plugin listing
import none of the heavy libraries.  Checked in a fresh interpreter by looking at
``sys.modules``, not by timing.  Every installed plugin is loaded by these
commands, so a plugin (built-in or third-party) that imports a heavy library at
module level fails this test, and the message names it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("docx", "openpyxl", "reportlab", "pypdf", "bs4", "lxml", "numpy")

# Prints which heavy modules the interpreter has imported so far.
REPORT = """
heavy = sorted({m.partition(".")[0] for m in sys.modules} & set(json.loads(HEAVY)))
print("HEAVY-MODULES " + json.dumps(heavy))
"""

# Runs the command in-process with the arguments given, then reports.
COMMAND = (
    """
import json, sys
from jtreport.cli import main
try:
    main(args=sys.argv[1:], prog_name="jtreport")
except SystemExit:
    pass
"""
    + REPORT
)


def probe(code: str, *args: str, expect: str = "") -> list[str]:
    """Run ``code`` in a fresh interpreter; the heavy modules it left imported.
    ``expect`` is text its output must hold, to show the command really ran."""
    done = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {json.dumps(json.dumps(HEAVY))}\n{code}", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    marker = [line for line in done.stdout.splitlines() if line.startswith("HEAVY-MODULES ")]
    assert marker and expect in done.stdout, done.stdout + done.stderr
    found: list[str] = json.loads(marker[-1].removeprefix("HEAVY-MODULES "))
    return found


def culprits() -> str:
    """The plugins ``jtreport --plugins --json`` says import a heavy library."""
    done = subprocess.run(
        [sys.executable, "-m", "jtreport.cli", "--plugins", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        plugins = json.loads(done.stdout)["plugins"]
    except (ValueError, KeyError):
        return "(the listing failed: " + done.stderr.strip()[-500:] + ")"
    named = [
        f"{p['name']} ({p['distribution']}): {w}"
        for p in plugins
        for w in p["warnings"]
        if w.startswith("imports ")
    ]
    return "; ".join(named) or "(no plugin is flagged: look at jtreport's own imports)"


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (("--help",), "Formats:"),
        (("-h",), "Usage:"),
        (("--version",), "jtreport, version"),
        (("--plugins",), "Output formats (--format):"),
        (("--plugins", "--json"), '"formats": {'),
    ],
    ids=["help", "h", "version", "plugins", "plugins-json"],
)
def test_command_imports_no_heavy_library(args: tuple[str, ...], expect: str) -> None:
    heavy = probe(COMMAND, *args, expect=expect)
    assert heavy == [], f"jtreport {' '.join(args)} imported {heavy}; culprits: {culprits()}"


@pytest.mark.parametrize(
    "module",
    ["jtreport", "jtreport.formats", "jtreport.pluginmanager", "jtreport.cli", "jtreport.model"],
)
def test_importing_the_api_is_light(module: str) -> None:
    assert probe(f"import json, sys, {module}\n{REPORT}") == []


def test_the_probe_sees_a_heavy_import() -> None:
    assert "openpyxl" in probe(f"import json, sys, openpyxl\n{REPORT}")
