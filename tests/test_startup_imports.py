"""A conversion imports only what it uses: converting a plain text statement
sets up no logging (nothing is logged), finds the package's data files without
importlib.resources, and decodes HTML entities only in a text that has some.
Checked in a fresh interpreter by looking at ``sys.modules``, not by timing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from jtreport.plugins.readers.plain_text import text_to_blocks

PROBE = """
import json, sys
from jtreport.cli import main
try:
    main(args=sys.argv[1:], prog_name="jtreport")
except SystemExit:
    pass
print("MODULES " + json.dumps(sorted(sys.modules)))
"""


def modules_after(*args: str, cwd: Path) -> set[str]:
    """The modules a ``jtreport ARGS`` run left imported (third-party plugins off)."""
    env = {**os.environ, "JTREPORT_NO_PLUGINS": "1", "JTREPORT_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
    )
    line = [x for x in done.stdout.splitlines() if x.startswith("MODULES ")]
    assert line, done.stdout + done.stderr
    return set(json.loads(line[-1].removeprefix("MODULES ")))


def test_a_plain_text_conversion_imports_only_what_it_uses(tmp_path: Path) -> None:
    found = modules_after("-f", "json", "-o", str(tmp_path), "-q", cwd=tmp_path)
    assert (tmp_path / "japan-tajikistan-2025.json").is_file()  # the bundled statement
    assert not found & {"logging", "importlib.resources", "html", "html.entities"}


def test_a_run_that_has_something_to_say_still_logs_it(tmp_path: Path) -> None:
    env = {**os.environ, "JTREPORT_NO_PLUGINS": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "jtreport.cli", "--disable-plugin", "nosuch", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert "jtreport: cannot disable plugin 'nosuch': no plugin of that name" in done.stderr


def test_entities_are_decoded_only_where_there_are_some() -> None:
    texts = [b.text for b in text_to_blocks("Trade &amp; investment; R&amp;D &lt;2026&gt;").blocks]
    assert texts == ["Trade & investment; R&D <2026>"]
    plain = "Both sides welcomed the progress of cooperation."
    assert [b.text for b in text_to_blocks(plain).blocks] == [plain]


def test_a_pdf_summary_runs_no_subprocess_when_its_fonts_cover_the_text(tmp_path: Path) -> None:
    found = modules_after("-f", "pdf", "-o", str(tmp_path), "-q", cwd=tmp_path)
    assert (tmp_path / "japan-tajikistan-2025.pdf").is_file()
    # fontconfig (fc-list) is asked only for a character no known font covers
    assert "subprocess" not in found


CHOOSE = """
import json, sys
from jtreport.pluginmanager import PluginHost
from jtreport.reading import open_input
chosen = open_input(PluginHost(third_party=False).readers, sys.argv[1]).reader.name
heavy = sorted({m.partition(".")[0] for m in sys.modules} & {"docx", "lxml", "pypdf", "bs4"})
print("CHOSEN " + json.dumps([chosen, heavy]))
"""


@pytest.mark.parametrize(("name", "reader"), [("docx", "docx"), ("pdf", "pdf"), ("html", "html")])
def test_a_reader_is_chosen_before_its_library_loads(name: str, reader: str) -> None:
    fixture = Path(__file__).parent / "fixtures" / "office" / f"japan-tajikistan-2025.{name}"
    done = subprocess.run(
        [sys.executable, "-c", CHOOSE, str(fixture)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "JTREPORT_NO_PLUGINS": "1"},
    )
    line = [x for x in done.stdout.splitlines() if x.startswith("CHOSEN ")]
    assert line, done.stdout + done.stderr
    assert json.loads(line[-1].removeprefix("CHOSEN ")) == [reader, []]
