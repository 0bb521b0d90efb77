"""Bad input: one line on stderr naming the file, a non-zero exit, no traceback,
and never a half-written or overwritten file."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jtreport import reading
from jtreport.api import parse_file


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jtreport.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def one_line_error(done: subprocess.CompletedProcess[str], path: str, words: str) -> None:
    assert done.returncode == 1, done
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert lines[0].startswith("jtreport: ") and path in lines[0] and words in lines[0], lines[0]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"   \n\n  \n", "is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
    ],
)
def test_unreadable_inputs(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    (tmp_path / name).write_bytes(content)
    done = cli(name, "-f", "json", cwd=tmp_path)
    one_line_error(done, name, words)
    assert not list(tmp_path.glob("*.json"))


def test_missing_file(tmp_path: Path) -> None:
    one_line_error(cli("nowhere.txt", cwd=tmp_path), "nowhere.txt", "no such file")


def test_directory_without_statements_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = cli("empty", cwd=tmp_path)
    assert done.returncode == 2 and "no statements" in done.stderr


def test_cp1252_is_decoded_with_a_warning(tmp_path: Path, bundled_path: Path) -> None:
    text = bundled_path.read_text(encoding="utf-8").replace("’", "'").replace("“", '"')
    text = (
        text.replace("”", '"').replace("–", "-").replace("ā", "a")
        + "\n40. Both sides noted the café.\n"
    )
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    statement = parse_file(tmp_path / "cp.txt")
    assert "café" in statement.paragraphs[-1].text
    assert any("cp1252" in w for w in statement.warnings)


def test_utf16_with_bom_is_decoded(tmp_path: Path, bundled_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(bundled_path.read_text(encoding="utf-8").encode("utf-16"))
    assert len(parse_file(tmp_path / "u16.txt").paragraphs) == 39


def test_crlf_and_bom(tmp_path: Path, bundled_path: Path) -> None:
    data = b"\xef\xbb\xbf" + bundled_path.read_bytes().replace(b"\n", b"\r\n")
    (tmp_path / "crlf.txt").write_bytes(data)
    statement = parse_file(tmp_path / "crlf.txt")
    assert len(statement.paragraphs) == 39 and statement.title.startswith("Joint Statement")


def test_text_without_numbered_paragraphs_gives_a_model_with_warnings(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("Some remarks about the weather.\n\nNothing else.\n")
    done = cli("plain.txt", "-f", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    statement = parse_file(tmp_path / "plain.txt")
    assert statement.warnings and all(p.number is None for p in statement.paragraphs)


def test_too_large_file_is_refused_with_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"1. Both sides agreed.\n" * 1000)
    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(reading.InputError, match="at most"):
        reading.read_bytes(str(big))


def test_a_failure_leaves_no_partial_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text("my own notes, not a jtreport model")
    done = cli("-f", "json", "-o", str(target), cwd=tmp_path)
    assert done.returncode == 1
    assert "not overwriting" in done.stderr and "--force" in done.stderr
    assert target.read_text() == "my own notes, not a jtreport model"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]
    assert cli("-f", "json", "-o", str(target), "--force", cwd=tmp_path).returncode == 0
    assert target.read_text().startswith("{")


def test_regenerating_our_own_output_replaces_it(tmp_path: Path) -> None:
    assert cli("-f", "json", cwd=tmp_path).returncode == 0
    first = (tmp_path / "japan-tajikistan-2025.json").stat().st_ino
    assert cli("-f", "json", cwd=tmp_path).returncode == 0
    assert (tmp_path / "japan-tajikistan-2025.json").exists()
    assert first is not None and not list(tmp_path.glob(".*.tmp"))


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    done = cli("--debug", "missing.txt", cwd=tmp_path)
    assert done.returncode != 0
    assert "missing.txt" in done.stderr


def test_unwritable_output_directory(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    done = cli("-f", "json", "-o", str(locked), cwd=tmp_path)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1


# Only regular files are read by name, and never more than the limit ----------------


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "statement.txt"
    os.mkfifo(fifo)
    # nobody ever writes to the FIFO: opening it for reading must not block
    done = subprocess.run(
        [sys.executable, "-m", "jtreport.cli", str(fifo), "-f", "json", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    one_line_error(done, str(fifo), "is a named pipe (FIFO), not a statement file")
    assert "standard input" in done.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_by_name(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this system")
    with pytest.raises(reading.InputError, match="is a device, not a statement file"):
        reading.read_bytes(device)


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "statement.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(reading.InputError, match="is a device"):
        reading.read_bytes(str(link))


def test_standard_input_is_read_up_to_the_limit_only(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless(io.RawIOBase):
        """A stream that never ends, counting what was taken from it."""

        taken = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            Endless.taken += len(buffer)
            buffer[:] = b"1" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 3 * 1024 * 1024)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    with pytest.raises(reading.InputError, match="holds more than 3 MiB"):
        reading.read_bytes("-")
    # what was read: the limit and one more buffer's worth at most
    assert Endless.taken <= 3 * 1024 * 1024 + 2 * io.DEFAULT_BUFFER_SIZE + 1


def test_a_file_that_grows_past_its_size_is_read_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # /proc files say they are empty and hold text: st_size is not trusted
    path = tmp_path / "grows.txt"
    path.write_bytes(b"1. Both sides agreed.\n" * 100)
    real_fstat = os.fstat

    def lying_fstat(fd: int) -> os.stat_result:
        found = real_fstat(fd)
        return os.stat_result((found.st_mode, *found[1:6], 0, *found[7:]))

    monkeypatch.setattr(os, "fstat", lying_fstat)
    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(reading.InputError, match="holds more than"):
        reading.read_bytes(str(path))
