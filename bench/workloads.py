"""The inputs the benchmark times: the bundled statement, a statement N times
longer, and a folder of 20+ statements; and their JSON models for the floors.

A longer statement repeats the bundled statement's numbered paragraphs inside
each of its areas, renumbered 1, 2, 3... to the end, so it stays a valid
statement with the same title, areas, parts and signature block (a 100x
statement has 3,900 paragraphs in the same four areas).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

_NUMBERED = re.compile(r"^(\d+)\.(\s)")


def repo_root() -> Path:
    """The checkout this benchmark belongs to."""
    return Path(__file__).resolve().parents[1]


def bundled_statement() -> Path:
    """The statement ``jtreport`` converts when given no input."""
    return repo_root() / "samples" / "japan-tajikistan-2025.txt"


def default_template() -> Path:
    """The Word reference document the briefing note starts from."""
    return repo_root() / "templates" / "briefing-note.docx"


def reader_fixtures() -> Path:
    """The bundled statement as LibreOffice wrote it (.docx, .pdf, .html), made by
    ``tests/fixtures/office/make_fixtures.py``: the readers' workload."""
    return repo_root() / "tests" / "fixtures" / "office"


def corpus_dir() -> Path:
    """The shared corpus of real statements (``../shared/corpus`` beside the checkout)."""
    return repo_root().parent / "shared" / "corpus"


def _is_structure(line: str) -> bool:
    """A heading, part title or signature line (not a paragraph's continuation):
    paragraphs end with a full stop, these lines do not."""
    return bool(line.strip()) and not line.rstrip().endswith((".", ".”", '."'))


def scale_statement(text: str, factor: int) -> str:
    """``text`` with every run of numbered paragraphs repeated ``factor`` times,
    renumbered from 1; the lines around them (title, preamble, headings,
    signatures) appear once, where they were."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if _NUMBERED.match(line)]
    if not starts or factor < 1:
        return text
    out = lines[: starts[0]]
    block: list[list[str]] = []
    number = 0

    def flush() -> None:
        nonlocal number
        for _ in range(factor):
            for chunk in block:
                number += 1
                out.append(_NUMBERED.sub(rf"{number}.\2", chunk[0], count=1))
                out.extend(chunk[1:])
        block.clear()

    index = starts[0]
    while index < len(lines):
        line = lines[index]
        if _NUMBERED.match(line):
            chunk = [line]
            index += 1
            # blank lines and continuation lines belong to the paragraph
            while (
                index < len(lines)
                and not _NUMBERED.match(lines[index])
                and not _is_structure(lines[index])
            ):
                chunk.append(lines[index])
                index += 1
            block.append(chunk)
            continue
        flush()
        out.append(line)
        index += 1
    flush()
    return "\n".join(out) + "\n"


def batch_inputs(folder: Path, count: int, sources: Sequence[Path]) -> list[Path]:
    """``count`` statement files in ``folder``, copied round-robin from ``sources``.

    Every file's bytes differ (the n-th round of copies ends in n more blank
    lines, which no reader keeps), so a batch is ``count`` statements new to
    the model cache, not a few parsed and the rest looked up.
    """
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{index:02d}-{source.stem}{source.suffix}"
        data = source.read_bytes()
        target.write_bytes(data + b"\n" * (index // len(sources)))
        made.append(target)
    return made


def batch_sources() -> list[Path]:
    """The corpus statements when the shared corpus is there, else the bundled one."""
    found = sorted(corpus_dir().glob("*.txt")) if corpus_dir().is_dir() else []
    return found or [bundled_statement()]


def write_models(
    jtreport: Sequence[str], inputs: Sequence[Path], out_dir: Path, env: Mapping[str, str]
) -> list[Path]:
    """The JSON model of each input (``jtreport -f json``), for the floor scripts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    argv = [*jtreport, *map(str, inputs), "-f", "json", "-o", str(out_dir), "-q", "--force"]
    done = subprocess.run(argv, env=dict(env), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"jtreport could not convert the inputs:\n{done.stderr.strip()}")
    return [out_dir / f"{path.stem}.json" for path in inputs]
