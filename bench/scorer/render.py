"""The scorer's outputs: the console report, the Markdown figures for
``docs/accuracy.md``, and the JSON of every figure."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from jtreport.model import CATEGORIES as MODEL_CATEGORIES

from .compare import Disagreement
from .scoring import Report
from .tally import COMMITMENT, FIELDS, SCORES, SPECS, Score

#: The confusion matrix lists categories in the model's report order.
CATEGORIES = MODEL_CATEGORIES
MISSED, SPURIOUS = "missed", "spurious"
BEGIN = "<!-- figures: begin (python bench/accuracy.py --markdown) -->"
END = "<!-- figures: end -->"


def _value(score: Score) -> str:
    value = score.value
    return "-" if value is None else f"{value:.3f}"


def _count(key: str, score: Score) -> str:
    if key == "commitment_f1" or not score.total:
        return ""
    return f"{score.hits:g}/{score.total:g}"


def _heading(group: str, report: Report) -> str:
    found = report.scores()["item_found"]
    if group == FIELDS:
        return (
            f"{group} (each over the {found.hits:g} labelled items the parser found;"
            " a missed item counts once, in item found)"
        )
    if group == COMMITMENT:
        return f"{group}: is_commitment over the {found.hits:g} found items"
    return group


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _summary(report: Report) -> str:
    text = (
        f"{_plural(len(report.documents), 'document')}, "
        f"{_plural(report.labelled_items, 'labelled item')} "
        f"(commit {report.commit}, {report.date})"
    )
    if report.skipped:
        text += f"; {len(report.skipped)} skipped: " + "; ".join(
            f"{name} ({why})" for name, why in report.skipped
        )
    return text


def text_report(report: Report, *, verbose: bool = False, worst: int = 5) -> str:
    """The console report; ``verbose`` adds every disagreement."""
    lines = [f"Accuracy of the parser on the labelled set: {_summary(report)}"]
    if not report.documents:
        return "\n".join([*lines, "No labelled document was scored."]) + "\n"
    scores = report.scores()
    group = ""
    for spec in SCORES:
        if spec.group != group:
            group = spec.group
            lines += ["", _heading(group, report)]
        score = scores[spec.key]
        lines.append(
            f"  {spec.name:<34} {_value(score):>6} {_count(spec.key, score):>9}   {spec.over}"
        )
    lines += ["", *confusion_lines(report)]
    lines += ["", f"Worst documents (combined: the mean of a document's scores; {worst} shown)"]
    for document in report.worst(worst):
        weak = ", ".join(f"{SPECS[k].name} {v:.2f}" for k, v in document.weakest())
        lines.append(f"  {document.combined() or 0:.3f}  {document.name:<40} {weak or '-'}")
    problems = report.problems()
    if problems:
        lines += ["", f"Label problems ({len(problems)}): fix the label files"]
        lines += [f"  {problem}" for problem in problems]
    disagreements = report.disagreements()
    if verbose:
        lines += ["", f"Disagreements ({len(disagreements)}): document  paragraph  quote  field"]
        lines += [f"  {disagreement_line(d)}" for d in disagreements]
    else:
        lines += ["", f"{len(disagreements)} disagreements (-v lists them)"]
    return "\n".join(lines) + "\n"


def disagreement_line(d: Disagreement) -> str:
    """One disagreement on one line: document, paragraph, quote, field, both values."""
    quote = d.quote if d.quote == "-" else f"“{d.quote}”"
    return f"{d.document}  {d.paragraph}  {quote}  {d.field}: expected {d.expected}; got {d.got}"


def confusion_rows(report: Report) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """The category confusion as columns and rows: rows are labelled categories
    (then ``spurious``), columns parsed categories (then ``missed``)."""
    confusion = report.tally.confusion
    columns = [*CATEGORIES, MISSED]
    rows = [
        (row, [confusion[(row, column)] for column in columns]) for row in [*CATEGORIES, SPURIOUS]
    ]
    return columns, rows


def confusion_lines(report: Report) -> list[str]:
    """The confusion matrix as aligned console lines (``.`` for zero)."""
    columns, rows = confusion_rows(report)
    head = "".join(f"{column[:7]:>8}" for column in columns)
    lines = [
        "Category confusion (rows: labelled; columns: parsed; "
        "found items, plus missed labelled and spurious parsed items)",
        f"  {'':<14}{head}",
    ]
    for row, counts in rows:
        cells = "".join(f"{count or '.':>8}" for count in counts)
        lines.append(f"  {row:<14}{cells}")
    return lines


def markdown(report: Report, *, worst: int = 5) -> str:
    """The figures section of ``docs/accuracy.md``, between its markers."""
    out = [BEGIN, "", f"Measured with `python bench/accuracy.py`: {_summary(report)}.", ""]
    if not report.documents:
        out += ["No labelled document was scored.", "", END]
        return "\n".join(out) + "\n"
    out += ["| group | score | value | count | over |", "| --- | --- | ---: | ---: | --- |"]
    scores = report.scores()
    for spec in SCORES:
        score = scores[spec.key]
        out.append(
            f"| {spec.group} | {spec.name} | {_value(score)} | {_count(spec.key, score)} "
            f"| {spec.over} |"
        )
    columns, rows = confusion_rows(report)
    out += ["", "Category confusion (rows: labelled; columns: parsed):", ""]
    out.append("| labelled \\ parsed | " + " | ".join(columns) + " |")
    out.append("| --- |" + " ---: |" * len(columns))
    out += [f"| {row} | " + " | ".join(map(str, counts)) + " |" for row, counts in rows]
    out += ["", "Worst documents:", "", "| document | combined | weakest fields |"]
    out.append("| --- | ---: | --- |")
    for document in report.worst(worst):
        weak = ", ".join(f"{SPECS[k].name} {v:.2f}" for k, v in document.weakest())
        out.append(f"| {document.name} | {document.combined() or 0:.3f} | {weak or '-'} |")
    out += ["", END]
    return "\n".join(out) + "\n"


def as_json(report: Report) -> dict[str, Any]:
    """Every figure: the scores, the confusion, each document's scores, the
    worst documents, the disagreements and the label problems."""

    def score_json(score: Score) -> dict[str, Any]:
        return {"value": score.value, "hits": score.hits, "total": score.total}

    columns, rows = confusion_rows(report)
    return {
        "commit": report.commit,
        "date": report.date,
        "documents": [d.name for d in report.documents],
        "labelled_items": report.labelled_items,
        "skipped": [{"document": n, "reason": why} for n, why in report.skipped],
        "scores": {key: score_json(score) for key, score in report.scores().items()},
        "confusion": {
            "rows": "labelled",
            "columns": "parsed",
            "matrix": {row: dict(zip(columns, counts, strict=True)) for row, counts in rows},
        },
        "per_document": {
            d.name: {
                "combined": d.combined(),
                "labelled_items": d.labelled_items,
                "scores": {k: score_json(s) for k, s in d.tally.scores().items()},
            }
            for d in report.documents
        },
        "worst": [d.name for d in report.worst(len(report.documents))],
        "disagreements": [asdict(d) for d in report.disagreements()],
        "label_problems": report.problems(),
    }
