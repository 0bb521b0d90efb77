"""jtreport's benchmark: every target of the performance issue, each timed
against a floor script doing the same library work without jtreport, in the
same run.  Run by hand, never in CI (see ``bench/README.md``):

    .venv/bin/python bench/run.py                 # the full run (about 5 minutes)
    .venv/bin/python bench/run.py --quick         # a smoke run
    .venv/bin/python bench/run.py --json out.json # also write the table as JSON

The exit status is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import checks
import timing
import workloads
from report import FAIL, PASS, SKIP, Row, tables, write_json
from timing import Command, Sample

FLOOR = Path(__file__).resolve().parent / "floor"
FORMATS = ("xlsx", "docx", "pdf")


@dataclass
class Settings:
    """How the benchmark runs."""

    jtreport: list[str]
    python: str
    runs: int
    slow_runs: int
    warmup: int
    timer: str
    batch_size: int
    scale: tuple[int, int]
    numpy_path: str | None
    sections: tuple[str, ...]


class Bench:
    """The prepared inputs and environment, and the timing of comparisons."""

    def __init__(self, settings: Settings, workdir: Path) -> None:
        self.s = settings
        self.work = workdir
        self.env = child_environment()
        self.inputs = workdir / "inputs"
        self.models = workdir / "models"
        self.out = workdir / "out"
        self.bundled = workloads.bundled_statement()
        self.template = str(workloads.default_template())
        #: rows of comparisons that could not run
        self.failed: list[Row] = []
        self._models: dict[Path, Path] = {}

    def floor(self, script: str, *args: str | Path) -> list[str]:
        """The argv of a floor script."""
        return [self.s.python, str(FLOOR / script), *map(str, args)]

    def jt(self, *args: str | Path) -> list[str]:
        """The argv of a jtreport run."""
        return [*self.s.jtreport, *map(str, args)]

    def run_jt(
        self,
        label: str,
        args: Sequence[str | Path],
        out: Path,
        *,
        warm: bool = False,
        seed: Path | None = None,
        expect: int = 0,
    ) -> Command:
        """A timed jtreport run writing into ``out`` (emptied before every run).

        A first run (``warm=False``) gets a model cache folder of its own,
        emptied before every run too: every run parses, computes the cache key
        and saves the model, as a user's first conversion of a statement does.
        A warm run shares one cache folder that the warm-up runs fill.
        """
        key = "".join(c if c.isalnum() else "-" for c in label)
        if warm:
            cache, clean = self.work / "cache-warm", [out]
        else:
            cache = self.work / "cache-first" / key
            clean = [out, cache]
        if seed is not None:
            clean.remove(out)
        return Command(
            label,
            self.jt(*args),
            clean,
            env={"JTREPORT_CACHE_DIR": str(cache)},
            seed=(seed, out) if seed is not None else None,
            expect=expect,
        )

    def outdir(self, name: str) -> Path:
        """An output directory, emptied before every run."""
        return self.out / name

    def model_of(self, statement: Path) -> Path:
        """The JSON model of a statement, written once with jtreport."""
        if statement not in self._models:
            found = workloads.write_models(self.s.jtreport, [statement], self.models, self.env)
            self._models[statement] = found[0]
        return self._models[statement]

    def compare(
        self, target: str, commands: Sequence[Command], runs: int | None = None
    ) -> list[Sample] | None:
        """Time ``commands`` against each other; None (and a failed ``target``
        row in :attr:`failed`) when one of them exits with an error."""
        try:
            return timing.compare(
                commands,
                self.env,
                runs=runs or self.s.runs,
                warmup=self.s.warmup,
                timer=self.s.timer,
            )
        except timing.RunFailed as exc:
            self.failed.append(Row(target, None, verdict=FAIL, note=_last_line(exc)))
            return None


def child_environment() -> dict[str, str]:
    """The environment of every timed process.

    Bytecode caches are allowed (an installed jtreport has its ``.pyc`` files,
    whatever ``PYTHONDONTWRITEBYTECODE`` says here) and kept out of the source
    tree; output dates are fixed; no third-party plugin is loaded.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # each command says which model cache it uses (see Bench.run_jt)
    for name in ("JTREPORT_NO_CACHE", "JTREPORT_CACHE_DIR"):
        env.pop(name, None)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    env.setdefault("PYTHONPYCACHEPREFIX", str(cache / "jtreport-bench" / "pycache"))
    env["SOURCE_DATE_EPOCH"] = "1767225600"
    env["JTREPORT_NO_PLUGINS"] = "1"
    return env


# Sections ---------------------------------------------------------------------


#: issue #17's limits, measured on a first run (no cached model)
HELP_LIMIT = 1.3
FORMAT_LIMIT = 1.35
PACK_LIMIT = 1.2
PACK_MEMORY_MIB = 75
BATCH_LIMITS = {1: 11.0, 2: 18.0}
#: the parser's one-time cost (import + first parse - second parse), ms
PARSER_ONCE_MS = 25.0


def startup(bench: Bench) -> list[Row]:
    """``--help`` and ``--version`` against a bare click command; their imports."""
    rows = []
    for flag in ("--help", "--version"):
        found = bench.compare(
            f"jtreport {flag}",
            [
                Command(f"jtreport {flag}", bench.jt(flag)),
                Command(f"click {flag}", bench.floor("help_click.py", flag)),
            ],
            runs=bench.s.runs * 2,
        )
        if found:
            jt, floor = found
            paired = timing.paired_ratio(jt, floor)
            rows.append(
                Row(f"jtreport {flag}", jt.median, floor.median, limit=HELP_LIMIT, paired=paired)
            )
    for flag in ("--help", "--version"):
        modules, _ = checks.imported_by(bench.s.python, [flag], bench.env)
        heavy = checks.heavy_modules(modules)
        rows.append(
            Row(
                f"{flag} imports no document library",
                None,
                verdict=FAIL if heavy else PASS,
                note=", ".join(heavy),
            )
        )
    rows.append(_help_in_sync(bench))
    return rows


def _help_in_sync(bench: Bench) -> Row:
    """The floor prints what ``jtreport --help`` prints (else the comparison is unfair)."""
    import difflib
    import subprocess

    def output(argv: list[str]) -> list[str]:
        done = subprocess.run(argv, capture_output=True, text=True, env=bench.env)
        return done.stdout.splitlines()

    ours, floor = output(bench.jt("--help")), output(bench.floor("help_click.py", "--help"))
    differ = [
        line
        for line in difflib.unified_diff(floor, ours, lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    return Row(
        "--help floor prints jtreport's help",
        None,
        verdict=FAIL if differ else PASS,
        note=("update bench/floor/help_click.py: " + " | ".join(differ[:4])) if differ else "",
    )


def parser_cost(bench: Bench) -> list[Row]:
    """The parser's import and first parse, each in a fresh process (medians)."""
    import json
    import statistics
    import subprocess

    script = str(Path(__file__).resolve().parent / "parser_cost.py")
    argv = [bench.s.python, script, str(bench.bundled)]
    phases = ("import", "first", "second")
    figures: dict[str, list[float]] = {
        key: [] for phase in phases for key in (phase, f"{phase}_cpu")
    }
    for run in range(bench.s.warmup + bench.s.runs * 2):
        done = subprocess.run(argv, env=bench.env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            note = _last_line(RuntimeError(done.stderr or "failed"))
            return [Row("parser: one-time cost", None, verdict=FAIL, note=note)]
        if run >= bench.s.warmup:
            found = json.loads(done.stdout.strip().splitlines()[-1])
            for key in figures:
                figures[key].append(found[key] / 1000)
    med = {key: statistics.median(values) for key, values in figures.items()}

    def once(suffix: str) -> float:
        """The median over the runs of import + first - second."""
        i, f, s = (figures[phase + suffix] for phase in phases)
        return statistics.median(a + b - c for a, b, c in zip(i, f, s, strict=True))

    return [
        Row("parser: import (fresh process)", med["import"]),
        Row("parser: first parse, bundled statement", med["first"]),
        Row("parser: second parse (a warm process)", med["second"]),
        Row(
            "parser: one-time cost (import + first - second)",
            once(""),
            checks="value",
            limit=PARSER_ONCE_MS / 1000,
            note="#17.1",
        ),
        Row(
            "parser: one-time cost, CPU time (user + system)",
            once("_cpu"),
            checks="value",
            limit=PARSER_ONCE_MS / 1000,
            note="#17.1",
        ),
    ]


def formats(bench: Bench) -> list[Row]:
    """Each format and the full pack on the bundled statement, against the
    floors: first runs (no cached model) first, then with the cache warm."""
    model = bench.model_of(bench.bundled)
    rows = []
    for warm in (False, True):
        when = "cache warm" if warm else "first run"
        for fmt in FORMATS:
            mine, theirs = bench.outdir(f"jt-{fmt}"), bench.outdir(f"floor-{fmt}")
            argv: list[str | Path] = [model, theirs / f"statement.{fmt}"]
            if fmt == "docx":
                argv.insert(1, bench.template)
            target = f"-f {fmt}, bundled statement, {when}"
            args = [bench.bundled, "-f", fmt, "-o", mine, "-q"]
            found = bench.compare(
                target,
                [
                    bench.run_jt(f"jtreport -f {fmt}", args, mine, warm=warm),
                    Command(f"{fmt} floor", bench.floor(f"{fmt}_floor.py", *argv), [theirs]),
                ],
            )
            if found:
                jt, floor = found
                paired = timing.paired_ratio(jt, floor)
                row = Row(target, jt.median, floor.median, limit=FORMAT_LIMIT, warm=warm)
                row.paired = paired
                rows.append(row)
        mine, theirs = bench.outdir("jt-pack"), bench.outdir("floor-pack")
        target = f"-f all (pack), bundled statement, {when}"
        args = [bench.bundled, "-f", "all", "-o", mine, "-q"]
        found = bench.compare(
            target,
            [
                bench.run_jt("jtreport -f all", args, mine, warm=warm),
                Command(
                    "pack floor",
                    bench.floor("pack_floor.py", model, bench.template, theirs),
                    [theirs],
                ),
            ],
        )
        if not found:
            continue
        jt, floor = found
        row = Row(target, jt.median, floor.median, limit=PACK_LIMIT, warm=warm)
        row.paired = timing.paired_ratio(jt, floor)
        rows.append(row)
        rows.append(
            Row(
                f"-f all, peak memory, {when}",
                jt.peak_mib,
                floor.peak_mib,
                unit="MiB",
                checks="value",
                limit=PACK_MEMORY_MIB,
                warm=warm,
            )
        )
    return rows


def batch(bench: Bench) -> list[Row]:
    """Packs per second over a folder of statements new to the cache, in one and
    two processes; then the same folder again with the cache warm."""
    folder = bench.inputs / "batch"
    inputs = workloads.batch_inputs(folder, bench.s.batch_size, workloads.batch_sources())
    models = workloads.write_models(bench.s.jtreport, inputs, bench.models / "batch", bench.env)
    rows = []
    for warm in (False, True):
        when = "cache warm" if warm else "first run"
        for jobs, limit in BATCH_LIMITS.items():
            mine, theirs = bench.outdir(f"jt-batch-{jobs}"), bench.outdir(f"floor-batch-{jobs}")
            count = len(inputs)
            target = f"batch of {count}, -j {jobs}: packs per second, {when}"
            args = [folder, "-f", "all", "-o", mine, "-q", "-j", str(jobs)]
            found = bench.compare(
                target,
                [
                    bench.run_jt(f"jtreport DIR -j {jobs}", args, mine, warm=warm),
                    Command(
                        f"batch floor -j {jobs}",
                        bench.floor("batch_floor.py", str(jobs), bench.template, theirs, *models),
                        [theirs],
                    ),
                ],
                runs=bench.s.slow_runs,
            )
            if not found:
                continue
            jt, floor = found
            rows.append(
                Row(
                    target,
                    count / jt.median,
                    count / floor.median,
                    unit="/s",
                    checks="value",
                    sense="min",
                    limit=limit,
                    warm=warm,
                )
            )
    return rows


def _scaled(bench: Bench, factor: int) -> Path:
    """The statement ``factor`` times the bundled one, written once."""
    path = bench.inputs / f"statement-{factor}x.txt"
    if not path.exists():
        text = bench.bundled.read_text(encoding="utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(workloads.scale_statement(text, factor), encoding="utf-8")
    return path


def scale(bench: Bench) -> list[Row]:
    """Statements 10 and 100 times the bundled one, first runs: time, memory,
    linearity; and regenerating each pack over the one it wrote."""
    small, big = bench.s.scale
    paths = {factor: _scaled(bench, factor) for factor in (small, big)}
    times: dict[tuple[str, int], Sample] = {}
    rows = []
    for factor in (small, big):
        for fmt in (*FORMATS, "all"):
            mine = bench.outdir(f"jt-{fmt}-{factor}x")
            args = [paths[factor], "-f", fmt, "-o", mine, "-q"]
            commands = [bench.run_jt(f"jtreport -f {fmt} {factor}x", args, mine)]
            if fmt == "all" and factor == big:
                theirs = bench.outdir(f"floor-pack-{factor}x")
                model = bench.model_of(paths[factor])
                commands.append(
                    Command(
                        "pack floor",
                        bench.floor("pack_floor.py", model, bench.template, theirs),
                        [theirs],
                    )
                )
            found = bench.compare(f"-f {fmt}, {factor}x statement", commands, bench.s.slow_runs)
            if not found:
                continue
            times[fmt, factor] = found[0]
            if len(found) > 1:
                pack, floor = found
                rows.append(
                    Row(
                        f"-f all, {big}x statement",
                        pack.median,
                        floor.median,
                        checks="value",
                        limit=10.0,
                    )
                )
                rows.append(
                    Row(
                        f"-f all, {big}x statement, peak memory",
                        pack.peak_mib,
                        floor.peak_mib,
                        unit="MiB",
                        checks="value",
                        limit=150,
                    )
                )
        # regenerating over the pack this factor wrote (the monthly use)
        previous = bench.outdir(f"jt-all-{factor}x")
        if previous.is_dir() and any(previous.iterdir()):
            seed = bench.work / "seeds" / f"pack-{factor}x"
            shutil.rmtree(seed, ignore_errors=True)
            shutil.copytree(previous, seed)
            mine = bench.outdir(f"jt-regen-{factor}x")
            args = [paths[factor], "-f", "all", "-o", mine, "-q"]
            label = f"jtreport -f all {factor}x over its pack"
            found = bench.compare(
                f"-f all over the previous pack, {factor}x statement",
                [bench.run_jt(label, args, mine, seed=seed)],
                bench.s.slow_runs,
            )
            if found:
                times["regenerate", factor] = found[0]
    rows.append(_parses_whole(bench, paths[big], big))
    limit = 1.1 * big / small
    for fmt in (*FORMATS, "all", "regenerate"):
        if (fmt, big) not in times or (fmt, small) not in times:
            continue
        grow = times[fmt, big].median / times[fmt, small].median
        what = "-f all over the previous pack" if fmt == "regenerate" else f"-f {fmt}"
        rows.append(
            Row(
                f"{what}: {big}x time / {small}x time",
                grow,
                unit="x",
                checks="value",
                limit=limit,
                note=f"({_ms(times[fmt, small].median)} -> {_ms(times[fmt, big].median)})",
            )
        )
    return rows


#: issue #13's 49 MiB text: one short paragraph repeated to just under the
#: 50 MiB input cap
HUGE_LINE = "1. Both sides welcomed the progress of cooperation in the field of energy.\n"
#: the longest statement the parser takes: 245 bundled statements make 9,555
#: paragraphs and about 16,000 items (the parser's cap is 10,000 paragraphs)
LARGEST_FACTOR = 245
#: the base the largest statement's time is compared with
LIMITS_BASE_FACTOR = 100


def limits(bench: Bench) -> list[Row]:
    """The largest inputs: the 49 MiB text of #13 (refused in one pass, before
    any parsing), and the longest statement the parser takes, whose pack must
    cost in proportion to its length."""
    huge = bench.inputs / "huge-49mib.txt"
    if not huge.exists():
        huge.parent.mkdir(parents=True, exist_ok=True)
        line = HUGE_LINE.encode("ascii")
        huge.write_bytes(line * (49 * 1024 * 1024 // len(line)))
    rows = []
    mine = bench.outdir("jt-huge")
    found = bench.compare(
        "49 MiB text (#13)",
        [bench.run_jt("jtreport 49 MiB", [huge, "-f", "all", "-o", mine, "-q"], mine, expect=1)],
        bench.s.slow_runs,
    )
    if found:
        (jt,) = found
        rows.append(
            Row(
                "49 MiB text (#13): -f all refused (over 5,000,000 characters)",
                jt.median,
                checks="value",
                limit=2.0,
            )
        )
        rows.append(Row("49 MiB text: peak memory", jt.peak_mib, unit="MiB"))
    base, top = LIMITS_BASE_FACTOR, LARGEST_FACTOR
    samples: dict[int, Sample] = {}
    for factor in (base, top):
        path = _scaled(bench, factor)
        mine = bench.outdir(f"jt-limit-{factor}x")
        args = [path, "-f", "all", "-o", mine, "-q"]
        found = bench.compare(
            f"-f all, {factor}x statement",
            [bench.run_jt(f"jtreport -f all {factor}x", args, mine)],
            bench.s.slow_runs,
        )
        if found:
            samples[factor] = found[0]
    if top in samples:
        size = _scaled(bench, top).stat().st_size / 1048576
        longest = f"-f all, {top}x statement ({size:.1f} MiB), the longest taken"
        rows.append(Row(longest, samples[top].median))
        memory = f"-f all, {top}x statement, peak memory"
        rows.append(Row(memory, samples[top].peak_mib, unit="MiB"))
        rows.append(_parses_whole(bench, _scaled(bench, top), top))
    if top in samples and base in samples:
        rows.append(
            Row(
                f"-f all: {top}x time / {base}x time",
                samples[top].median / samples[base].median,
                unit="x",
                checks="value",
                limit=1.1 * top / base,
                note=f"({_ms(samples[base].median)} -> {_ms(samples[top].median)})",
            )
        )
    return rows


#: the readers' workload: the bundled statement as LibreOffice wrote it, and the
#: most a reader may cost over its library's open-and-extract floor
READER_INPUTS = {"docx": "docx", "pdf": "pdf", "html": "html"}
READER_LIMITS = {"docx": 1.5, "pdf": 2.0, "html": 2.0}


def readers(bench: Bench) -> list[Row]:
    """What reading a .docx, .pdf or .html costs over reading the same
    statement as .txt, against what the library alone takes to open the file
    and extract its text (each less the bare interpreter's start-up)."""
    fixtures = workloads.reader_fixtures()
    rows = []
    for kind, extension in READER_INPUTS.items():
        document = fixtures / f"japan-tajikistan-2025.{extension}"
        if not document.is_file():
            rows.append(Row(f"{kind} reader", None, verdict=SKIP, note=f"{document} missing"))
            continue
        mine, text = bench.outdir(f"jt-read-{kind}"), bench.outdir(f"jt-read-{kind}-txt")
        target = f"{kind} reader: cost over the .txt"
        found = bench.compare(
            target,
            [
                Command(
                    f"jtreport {kind} -f json",
                    bench.jt(document, "-f", "json", "-o", mine, "-q", "--no-cache"),
                    [mine],
                ),
                Command(
                    "jtreport txt -f json",
                    bench.jt(bench.bundled, "-f", "json", "-o", text, "-q", "--no-cache"),
                    [text],
                ),
                Command(f"{kind} floor", bench.floor("reader_floor.py", kind, document)),
                Command("interpreter", bench.floor("reader_floor.py", "none")),
            ],
        )
        if not found:
            continue
        jt, txt, floor, bare = found
        rows.append(
            Row(
                target,
                jt.median - txt.median,
                floor.median - bare.median,
                limit=READER_LIMITS[kind],
                note=f"({_ms(jt.median)} for the {kind}, {_ms(txt.median)} for the .txt)",
            )
        )
    return rows


def _parses_whole(bench: Bench, statement: Path, factor: int) -> Row:
    """The long statement is read as ``factor`` times the bundled one's paragraphs
    (else the scale figures are about another document)."""
    import json

    def paragraphs(path: Path) -> int:
        data = json.loads(bench.model_of(path).read_text(encoding="utf-8"))
        return len(data["paragraphs"])

    want, got = factor * paragraphs(bench.bundled), paragraphs(statement)
    return Row(
        f"{factor}x statement parses to {want:,} paragraphs",
        None,
        verdict=PASS if got == want else FAIL,
        note="" if got == want else f"the parser found {got:,}",
    )


def numpy_check(bench: Bench) -> list[Row]:
    """``-f xlsx`` must not import numpy even where numpy is installed."""
    env = dict(bench.env)
    if bench.s.numpy_path:
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [bench.s.numpy_path, env.get("PYTHONPATH")])
        )
    out = bench.outdir("numpy")
    shutil.rmtree(out, ignore_errors=True)
    modules, installed = checks.imported_by(
        bench.s.python, [str(bench.bundled), "-f", "xlsx", "-o", str(out), "-q"], env
    )
    if not installed:
        return [
            Row(
                "-f xlsx does not import numpy",
                None,
                verdict=SKIP,
                note="numpy is not installed (--numpy-path DIR)",
            )
        ]
    found = "numpy" in modules
    return [Row("-f xlsx does not import numpy", None, verdict=FAIL if found else PASS)]


def _last_line(exc: Exception) -> str:
    """The last line of an error (jtreport's own one-line message)."""
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[-1][-160:] if lines else type(exc).__name__


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


SECTIONS = {
    "startup": startup,
    "parser": parser_cost,
    "formats": formats,
    "batch": batch,
    "scale": scale,
    "limits": limits,
    "readers": readers,
    "numpy": numpy_check,
}


# Command line -------------------------------------------------------------------


def default_jtreport() -> list[str]:
    """The checkout's ``.venv/bin/jtreport``, else the one on PATH."""
    local = workloads.repo_root() / ".venv" / "bin" / "jtreport"
    if local.exists():
        return [str(local)]
    found = shutil.which("jtreport")
    if found is None:
        sys.exit("bench: jtreport is not installed (python -m pip install -e .)")
    return [found]


def default_python() -> str:
    """The checkout's ``.venv/bin/python``, else this interpreter."""
    local = workloads.repo_root() / ".venv" / "bin" / "python"
    return str(local) if local.exists() else sys.executable


def parse(argv: Sequence[str] | None) -> tuple[Settings, argparse.Namespace]:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer runs, 5x/10x")
    parser.add_argument("--runs", type=int, help="timed runs per command (default 7; quick 3)")
    parser.add_argument(
        "--slow-runs", type=int, help="runs for batch and scale (default 3; quick 1)"
    )
    parser.add_argument("--warmup", type=int, help="untimed runs first (default 2; quick 1)")
    parser.add_argument("--timer", choices=("python", "hyperfine"), default="python")
    parser.add_argument("--json", type=Path, help="also write the table as JSON here")
    parser.add_argument("--only", help="comma-separated sections: " + ",".join(SECTIONS))
    parser.add_argument(
        "--skip", help="comma-separated sections not to run (e.g. limits, the slowest)"
    )
    parser.add_argument("--batch-size", type=int, default=22, help="statements in the batch")
    parser.add_argument("--scale", help="the two scale factors (default 10,100; quick 5,10)")
    parser.add_argument("--numpy-path", help="a directory holding numpy, added to PYTHONPATH")
    parser.add_argument("--jtreport", help="the jtreport command (default .venv/bin/jtreport)")
    parser.add_argument("--python", help="the Python of the floors (default .venv/bin/python)")
    parser.add_argument("--workdir", type=Path, help="keep inputs and outputs here")
    args = parser.parse_args(argv)
    quick = args.quick
    factors = args.scale or ("5,10" if quick else "10,100")
    small, big = (int(x) for x in factors.split(","))
    sections = tuple(args.only.split(",")) if args.only else tuple(SECTIONS)
    skipped = tuple(args.skip.split(",")) if args.skip else ()
    unknown = [s for s in (*sections, *skipped) if s not in SECTIONS]
    sections = tuple(s for s in sections if s not in skipped)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")
    settings = Settings(
        jtreport=[args.jtreport] if args.jtreport else default_jtreport(),
        python=args.python or default_python(),
        runs=args.runs or (3 if quick else 7),
        slow_runs=args.slow_runs or (1 if quick else 3),
        warmup=args.warmup if args.warmup is not None else (1 if quick else 2),
        timer=args.timer,
        batch_size=args.batch_size,
        scale=(small, big),
        numpy_path=args.numpy_path,
        sections=sections,
    )
    return settings, args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sections asked for; print the table; 1 when a target is missed."""
    settings, args = parse(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="jtreport-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    bench = Bench(settings, workdir)
    rows: list[Row] = []
    try:
        for name in settings.sections:
            print(f"bench: {name}...", file=sys.stderr, flush=True)
            found = SECTIONS[name](bench) + bench.failed
            bench.failed = []
            rows += [row.judge() for row in found]
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(tables(rows))
    if args.json:
        write_json(args.json, rows, {**vars(settings), "timer": settings.timer})
    missed = [r for r in rows if r.verdict == FAIL]
    print(f"\n{len(missed)} target(s) missed" if missed else "\nevery target met", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
