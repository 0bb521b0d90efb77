"""The batch floor: a pack for each of many statements, in one process or in
worker processes as ``jtreport DIR -f all -j N`` does (a process pool; each
worker imports the libraries itself, as jtreport's workers do).

Usage: python batch_floor.py JOBS TEMPLATE.docx OUT_DIR MODEL.json...
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def one(job: tuple[str, str, str]) -> str:
    """Write the pack of one statement; returns its stem."""
    from common import Model
    from pack_floor import write_pack

    model_path, template, out_dir = job
    stem = Path(model_path).stem
    write_pack(Model.load(model_path), template, Path(out_dir), stem)
    return stem


def main(argv: list[str]) -> None:
    """``batch_floor.py JOBS TEMPLATE.docx OUT_DIR MODEL.json...``."""
    jobs, template, out_dir = int(argv[0]), argv[1], argv[2]
    work = [(model, template, out_dir) for model in argv[3:]]
    if jobs <= 1:
        for job in work:
            one(job)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, work))


if __name__ == "__main__":
    main(sys.argv[1:])
