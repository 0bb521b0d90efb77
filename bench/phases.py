"""Where one conversion's time goes, phase by phase, in one process.

    .venv/bin/python bench/phases.py [STATEMENT] [--formats xlsx,docx,pdf]

Prints the cost of: importing the command, finding and loading the plugins,
reading the input, importing the parser (its regular expressions compile then),
the first parse and a second one (the difference is what a long-lived process
would not pay again), then each exporter's first export (its library is
imported then) and a second one.  Run it in a fresh process for each figure
you quote: everything here happens once per ``jtreport`` invocation.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

_START = time.perf_counter()


def clock(label: str, action: Callable[[], Any], out: list[tuple[str, float]]) -> Any:
    """Run ``action``, recording its wall time under ``label``."""
    start = time.perf_counter()
    result = action()
    out.append((label, time.perf_counter() - start))
    return result


def main(argv: list[str] | None = None) -> int:
    """Time the phases and print them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("statement", nargs="?", help="default: the bundled statement")
    parser.add_argument("--formats", default="json,xlsx,docx,pdf")
    args = parser.parse_args(argv)
    marks: list[tuple[str, float]] = []

    clock("import jtreport.cli (click, pluggy)", lambda: __import__("jtreport.cli"), marks)
    modules = clock(
        "import runner, plugin manager, api",
        lambda: (
            __import__("jtreport.runner"),
            __import__("jtreport.api"),
            __import__("jtreport.formats"),
        ),
        marks,
    )
    del modules
    from jtreport.api import bundled_statement
    from jtreport.formats import ExportOptions
    from jtreport.parser import parse_blocks
    from jtreport.pluginmanager import PluginHost
    from jtreport.reading import read_input

    host = PluginHost(third_party=False)
    clock("plugins: entry points, import, register", host.load, marks)
    exporters = clock("plugins: collect formats and readers", lambda: host.exporters, marks)
    clock("plugins: readers", lambda: host.readers, marks)
    path = args.statement or str(bundled_statement())
    loaded = clock("read input", lambda: read_input(host.readers, path), marks)
    clock("import the parser", lambda: __import__("jtreport.parser.document"), marks)
    statement = clock("parse, first time", lambda: parse_blocks(loaded.result), marks)
    clock("parse, second time", lambda: parse_blocks(loaded.result), marks)
    for fmt in args.formats.split(","):
        exporter = exporters[fmt]
        for attempt in ("first", "second"):
            options = ExportOptions(
                destination=Path(f"/nonexistent/x{exporter.extension}"),
                created=datetime(2026, 1, 1),
            )
            sink = io.BytesIO()
            clock(
                f"export {fmt}, {attempt} time",
                lambda exporter=exporter, sink=sink, options=options: exporter.export(
                    statement, sink, options
                ),
                marks,
            )
    total = time.perf_counter() - _START
    print(f"{len(statement.paragraphs)} paragraphs, {len(statement.items)} items ({path})")
    for label, seconds in marks:
        print(f"  {label:42} {seconds * 1000:8.1f} ms")
    print(f"  {'total since this script started':42} {total * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
