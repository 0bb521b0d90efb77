"""The wheel: the package is `jtreport` only, carries its data, and runs from a fresh
virtual environment outside the checkout."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(f"building the wheel failed: {done.stderr[-2000:]}")
    return next(out.glob("jtreport-*.whl"))


def test_wheel_holds_only_the_jtreport_package_with_its_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"jtreport"}
    for needed in (
        "jtreport/py.typed",
        "jtreport/samples/japan-tajikistan-2025.txt",
        "jtreport/templates/briefing-note.docx",
        "jtreport/plugins/exporters/xlsx_matrix/__init__.py",
        "jtreport/parser/document.py",
    ):
        assert needed in names, needed
    assert not any("jtreport-csv" in n or n.startswith("jtreport/samples/jtreport") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[jtreport]" in text and "xlsx = jtreport.plugins.exporters.xlsx_matrix" in text


def test_wheel_runs_from_a_fresh_environment_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the wheel itself, unpacked as pip would; the dependencies come from this
    # environment's site-packages, added as a plain path (its .pth files, and with
    # them the editable install of the checkout, are not processed)
    zipfile.ZipFile(wheel).extractall(purelib)
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib) / "deps.pth").write_text("\n".join(deps) + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    code = (
        "import sys, jtreport; from jtreport.cli import main;"
        "print(jtreport.__file__, file=sys.stderr); sys.argv=['jtreport', '-q', '-o', 'pack'];"
        " main()"
    )
    done = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, cwd=work, check=False
    )
    assert done.returncode == 0, done.stderr
    assert str(ROOT) not in done.stderr.splitlines()[0], "imported from the checkout"
    written = sorted(p.suffix for p in (work / "pack").iterdir())
    assert {".docx", ".json", ".pdf", ".xlsx"} <= set(written)
