"""How well the parser agrees with the hand-labelled development set.

    python bench/accuracy.py                  # scores, confusion, worst documents
    python bench/accuracy.py -v               # ... and every disagreement
    python bench/accuracy.py --doc ph-jp-2016 # one document (repeatable)
    python bench/accuracy.py --json out.json  # every figure as JSON
    python bench/accuracy.py --markdown       # the figures section of docs/accuracy.md
    python bench/accuracy.py --floors bench/labelled/floors.json  # exit 1 below a floor

Each statement of ``bench/labelled/labels/*.json`` is parsed through
``jtreport.api.parse_file`` with the model cache off.  What each score means is
in ``docs/accuracy.md``.  Exit status: 0, 1 when a score is below its floor,
2 when a label file is malformed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scorer import LabelError, below_floors, load_floors, read_documents, score
from scorer.render import as_json, markdown, text_report

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "labelled" / "labels"
CORPUS = ROOT.parent / "shared" / "corpus"


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="bench/accuracy.py", description="Score the parser against the labelled set."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("--json", metavar="FILE", type=Path, help="write every figure as JSON")
    parser.add_argument(
        "--doc",
        metavar="NAME",
        action="append",
        default=[],
        help="score only this document (its name or file stem; repeatable)",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print the figures section of docs/accuracy.md instead",
    )
    parser.add_argument(
        "--floors", metavar="FILE", type=Path, help="exit 1 when a score is below its floor in FILE"
    )
    parser.add_argument(
        "--worst", metavar="N", type=int, default=5, help="how many worst documents to show (5)"
    )
    parser.add_argument(
        "--labels",
        metavar="DIR",
        type=Path,
        default=LABELS,
        help="the label files' folder (bench/labelled/labels)",
    )
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        default=CORPUS,
        help="where corpus: texts are (../shared/corpus)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the scorer; the exit status says whether every floor holds."""
    args = arguments(argv)
    try:
        documents = read_documents(
            sorted(args.labels.glob("*.json")), args.corpus, frozenset(args.doc)
        )
    except LabelError as error:
        print(f"accuracy: malformed label file(s):\n{error}", file=sys.stderr)
        return 2
    if args.doc and not documents:
        print(f"accuracy: no labelled document named {', '.join(args.doc)}", file=sys.stderr)
        return 2
    report = score(documents)
    if args.markdown:
        sys.stdout.write(markdown(report, worst=args.worst))
    else:
        sys.stdout.write(text_report(report, verbose=args.verbose, worst=args.worst))
    if args.json:
        args.json.write_text(
            json.dumps(as_json(report), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if args.floors:
        failures = below_floors(report, load_floors(args.floors))
        for failure in failures:
            print(f"accuracy: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
