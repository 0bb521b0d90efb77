"""The parser's one-time cost, in one fresh process: what importing the parser
and parsing a statement for the first time cost over parsing it again.

    .venv/bin/python bench/parser_cost.py [STATEMENT]

Sets up what a conversion has before it parses (jtreport's API, the built-in
readers, the input read into blocks), then times, in this order:

- ``import``: importing ``jtreport.parser.document`` (the parser's modules;
  their module-level regular expressions compile then);
- ``first``: the first parse (patterns built in functions, data files and the
  modules imported on first use);
- ``second``: a second parse of the same blocks (what a long-lived process
  pays per statement).

``import + first - second`` is the one-time cost every ``jtreport`` process
pays before its first statement (issue #17's target: under 25 ms).  Each phase
is timed on the wall clock and in CPU time (``*_cpu``: this process's user +
system time, steadier on a busy machine).  Prints one line of JSON;
``bench/run.py --only parser`` runs this in fresh processes and keeps the
medians.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> int:
    """Time the import, the first and the second parse; print them as JSON (ms)."""
    from jtreport.api import bundled_statement
    from jtreport.pluginmanager import PluginHost
    from jtreport.reading import read_input

    host = PluginHost(third_party=False)
    path = argv[0] if argv else str(bundled_statement())
    loaded = read_input(host.readers, path)
    already = sorted(m for m in sys.modules if m.startswith("jtreport.parser."))
    start, start_cpu = time.perf_counter(), time.process_time()
    import jtreport.parser.document  # noqa: F401

    imported, imported_cpu = time.perf_counter(), time.process_time()
    from jtreport.parser import parse_blocks

    first = parse_blocks(loaded.result)
    parsed, parsed_cpu = time.perf_counter(), time.process_time()
    second = parse_blocks(loaded.result)
    again, again_cpu = time.perf_counter(), time.process_time()
    if len(first.items) != len(second.items):
        print("parser_cost: the two parses differ", file=sys.stderr)
        return 1
    print(
        json.dumps(
            {
                "import": (imported - start) * 1000,
                "first": (parsed - imported) * 1000,
                "second": (again - parsed) * 1000,
                "import_cpu": (imported_cpu - start_cpu) * 1000,
                "first_cpu": (parsed_cpu - imported_cpu) * 1000,
                "second_cpu": (again_cpu - parsed_cpu) * 1000,
                "items": len(first.items),
                "imported_before": already,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
