"""The briefing pack: every format in one run, many statements, worker processes,
reproducible bytes under SOURCE_DATE_EPOCH, a progress bar on a terminal."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import corpus_files

BUILT_INS = (".json", ".xlsx", ".docx", ".pdf")


def jtreport(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jtreport.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**os.environ, **(env or {})},
    )


def statements_folder(tmp_path: Path, bundled_path: Path, count: int) -> Path:
    """``count`` statements: the corpus where it is present, topped up with copies."""
    folder = tmp_path / "statements"
    folder.mkdir()
    sources = [*corpus_files(), bundled_path]
    for n in range(count):
        source = sources[n % len(sources)]
        shutil.copy(source, folder / f"{n:02d}-{source.stem}.txt")
    return folder


def test_format_all_writes_the_whole_pack_with_a_line_per_file(tmp_path: Path) -> None:
    done = jtreport("--format", "all", "-o", "pack", "--disable-plugin", "csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    written = sorted(p.suffix for p in (tmp_path / "pack").iterdir())
    assert sorted(BUILT_INS) == written
    lines = [line for line in done.stdout.splitlines() if line.startswith("wrote ")]
    assert len(lines) == 4 and all("39 paragraphs" in line for line in lines)


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path, bundled_path: Path) -> None:
    folder = statements_folder(tmp_path, bundled_path, 2)
    (folder / "00-broken.txt").write_bytes(b"")
    done = jtreport(str(folder), "-f", "json", "-o", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert "00-broken.txt: is empty" in done.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 2


@pytest.mark.parametrize("count", [20])
def test_same_bytes_with_one_and_two_workers(
    tmp_path: Path, bundled_path: Path, count: int
) -> None:
    folder = statements_folder(tmp_path, bundled_path, count)
    env = {"SOURCE_DATE_EPOCH": "1766188800"}  # 2025-12-20
    for jobs in ("1", "2"):
        done = jtreport(
            str(folder),
            "-f",
            "all",
            "--disable-plugin",
            "csv",
            "-q",
            "-j",
            jobs,
            "-o",
            f"out{jobs}",
            cwd=tmp_path,
            env=env,
        )
        assert done.returncode == 0, done.stderr
    one = sorted((tmp_path / "out1").iterdir())
    two = sorted((tmp_path / "out2").iterdir())
    assert [p.name for p in one] == [p.name for p in two]
    assert len(one) == count * len(BUILT_INS)
    for a, b in zip(one, two, strict=True):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between -j 1 and -j 2"


def test_reproducible_across_runs(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1766188800"}
    for run in ("a", "b"):
        done = jtreport(
            "-f", "all", "--disable-plugin", "csv", "-q", "-o", run, cwd=tmp_path, env=env
        )
        assert done.returncode == 0, done.stderr
    for suffix in BUILT_INS:
        name = f"japan-tajikistan-2025{suffix}"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_progress_bar_on_a_terminal_only(tmp_path: Path, bundled_path: Path) -> None:
    folder = statements_folder(tmp_path, bundled_path, 3)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jtreport.cli", str(folder), "-f", "json", "-o", "out"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait() == 0
    os.close(leader)
    assert b"Converting" in seen
    piped = jtreport(str(folder), "-f", "json", "-o", "out2", cwd=tmp_path)
    assert "Converting" not in piped.stderr
