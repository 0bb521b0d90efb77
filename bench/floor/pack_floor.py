"""The pack floor: the four files of ``jtreport -f all`` for one statement, with
the libraries alone (the JSON with the standard library, then the xlsx, docx
and pdf floors), in one process.

Usage: python pack_floor.py MODEL.json TEMPLATE.docx OUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import docx_floor
import pdf_floor
import xlsx_floor
from common import Model


def write_pack(model: Model, template: str, out_dir: Path, stem: str) -> None:
    """json, xlsx, docx and pdf for ``model`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.data, ensure_ascii=False, indent=2) + "\n"
    (out_dir / f"{stem}.json").write_text(text, encoding="utf-8")
    xlsx_floor.write(model, str(out_dir / f"{stem}.xlsx"))
    docx_floor.write(model, template, str(out_dir / f"{stem}.docx"))
    pdf_floor.write(model, str(out_dir / f"{stem}.pdf"))


def main(argv: list[str]) -> None:
    """``pack_floor.py MODEL.json TEMPLATE.docx OUT_DIR``."""
    model_path = Path(argv[0])
    write_pack(Model.load(model_path), argv[1], Path(argv[2]), model_path.stem)


if __name__ == "__main__":
    main(sys.argv[1:])
