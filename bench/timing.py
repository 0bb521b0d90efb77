"""Timing whole processes: wall time, CPU time and peak memory of each run.

Two timers, both measuring complete processes (start-up included):

- ``python`` (the default): the commands of one comparison run *interleaved*
  (jtreport, floor, floor, jtreport, ...), each timed with
  :func:`time.perf_counter` around :func:`os.wait4`, which also reports the
  child's CPU time and peak resident memory.  Interleaving keeps the ratio fair
  when the machine is busy with something else.
- ``hyperfine``: each comparison handed to hyperfine (``--shell=none``, with
  warm-up runs and a prepare command); memory still comes from one extra run
  under :func:`os.wait4`.

Every figure kept is the median of the runs.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Run before each timed run (e.g. remove the output directory).
Prepare = Callable[[], None]


@dataclass(frozen=True)
class Command:
    """One process to time: its arguments and what to do before each run."""

    label: str
    argv: Sequence[str]
    #: directories emptied before every run, so each run writes fresh files
    #: (a model cache folder here makes every run a first run)
    clean: Sequence[Path] = ()
    #: variables set for this command on top of the benchmark's environment
    env: Mapping[str, str] = field(default_factory=dict)
    #: (source, target) folders: target is emptied, then given source's files
    #: before every run (a pack to regenerate over)
    seed: tuple[Path, Path] | None = None
    #: the exit status that counts as success (1: a refusal being timed)
    expect: int = 0

    def prepare(self) -> None:
        """Remove the outputs of the previous run (the directories stay, empty)."""
        for folder in self.clean:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        if self.seed is not None:
            source, target = self.seed
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)

    def environment(self, base: Mapping[str, str]) -> dict[str, str]:
        """``base`` with this command's own variables."""
        return {**base, **self.env}


#: hyperfine's prepare command: the same emptying, without a shell
_EMPTY = (
    "import shutil, sys, pathlib\n"
    "for p in sys.argv[1:]:\n"
    "    shutil.rmtree(p, True)\n"
    "    pathlib.Path(p).mkdir(parents=True)\n"
)


@dataclass
class Sample:
    """The runs of one command."""

    label: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    #: peak resident set size of the process (and its waited-for children), MiB
    rss: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        """Median wall time, seconds."""
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        """Median CPU time (user + system), seconds; NaN when unknown."""
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def peak_mib(self) -> float:
        """Largest peak memory seen, MiB; NaN when unknown."""
        return max(self.rss) if self.rss else float("nan")


def paired_ratio(mine: Sample, theirs: Sample) -> float:
    """The median of ``mine``'s run-by-run wall times over ``theirs``: the runs
    of one round follow each other, so each ratio sees the same load."""
    ratios = [a / b for a, b in zip(mine.wall, theirs.wall, strict=False) if b > 0]
    return statistics.median(ratios) if ratios else float("nan")


class RunFailed(RuntimeError):
    """A timed command exited with an error."""


def run_once(command: Command, env: Mapping[str, str]) -> tuple[float, float, float]:
    """Run ``command`` once; (wall s, cpu s, peak MiB).  Raises :class:`RunFailed`."""
    command.prepare()
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command.argv),
            env=command.environment(env),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != command.expect:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            raise RunFailed(
                f"{command.label} exited with {process.returncode}: {shlex.join(command.argv)}\n"
                + "\n".join(tail)
            )
    # ru_maxrss is in KiB on Linux
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def compare_python(
    commands: Sequence[Command], env: Mapping[str, str], *, runs: int, warmup: int
) -> list[Sample]:
    """Time ``commands`` interleaved, the order reversed every other round."""
    samples = [Sample(c.label) for c in commands]
    for _ in range(warmup):
        for command in commands:
            run_once(command, env)
    order = list(range(len(commands)))
    for round_number in range(runs):
        for index in order if round_number % 2 == 0 else order[::-1]:
            wall, cpu, rss = run_once(commands[index], env)
            samples[index].wall.append(wall)
            samples[index].cpu.append(cpu)
            samples[index].rss.append(rss)
    return samples


def compare_hyperfine(
    commands: Sequence[Command], env: Mapping[str, str], *, runs: int, warmup: int
) -> list[Sample]:
    """Time ``commands`` with hyperfine, then one run each for memory."""
    binary = shutil.which("hyperfine")
    if binary is None:
        raise RuntimeError("hyperfine is not installed (apt-get install hyperfine)")
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "hyperfine.json"
        argv = [
            binary,
            "--shell=none",
            "--style=none",
            f"--warmup={warmup}",
            f"--runs={max(runs, 2)}",
            f"--export-json={export}",
        ]
        if any(c.expect for c in commands):
            argv.append("--ignore-failure")  # a refusal being timed exits 1
        for command in commands:
            if command.seed is not None:
                raise RuntimeError("hyperfine cannot seed an output folder: use --timer python")
            prepare = shlex.join([sys.executable, "-c", _EMPTY, *map(str, command.clean)])
            argv += ["--prepare", prepare, "--command-name", command.label]
            # hyperfine has no per-command environment: env(1) sets it
            variables = [f"{k}={v}" for k, v in command.env.items()]
            run = ["env", *variables, *command.argv] if variables else list(command.argv)
            argv.append(shlex.join(run))
        done = subprocess.run(argv, env=dict(env), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RunFailed(f"hyperfine failed:\n{done.stderr.strip()[-2000:]}")
        results = json.loads(export.read_text())["results"]
    samples = []
    for command, result in zip(commands, results, strict=True):
        sample = Sample(command.label, wall=list(result["times"]))
        # hyperfine reports the mean CPU time only
        sample.cpu = [result["user"] + result["system"]]
        _, _, rss = run_once(command, env)
        sample.rss = [rss]
        samples.append(sample)
    return samples


def compare(
    commands: Sequence[Command],
    env: Mapping[str, str],
    *,
    runs: int,
    warmup: int,
    timer: str = "python",
) -> list[Sample]:
    """Time ``commands`` against each other with the chosen timer."""
    if timer == "hyperfine":
        return compare_hyperfine(commands, env, runs=runs, warmup=warmup)
    return compare_python(commands, env, runs=runs, warmup=warmup)
