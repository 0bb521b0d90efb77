"""docs/model.md stays true: its example items are what the parser gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

from jtreport.model import Statement, dump

DOC = Path(__file__).resolve().parent.parent / "docs" / "model.md"


def test_example_items_match_the_parser(bundled: Statement) -> None:
    block = re.search(r"```json\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "docs/model.md has a JSON example"
    example = json.loads(block.group(1))
    actual = {i["id"]: i for i in json.loads(dump(bundled))["items"]}
    shown = [i for i in example["items"] if isinstance(i, dict)]
    assert shown
    for item in shown:
        assert item == actual[item["id"]]
    assert example["title"] == bundled.title and example["date"] == bundled.date


def test_the_example_is_the_current_schema(bundled: Statement) -> None:
    """The example's other values are the model's too: its schema version is the
    current one, a list shown whole is the model's, and every entry shown of a
    list cut short (``…``) is in the model's."""
    from jtreport.model import SCHEMA_VERSION

    block = re.search(r"```json\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.S)
    assert block
    example = json.loads(block.group(1))
    actual = json.loads(dump(bundled))
    assert example["schema_version"] == actual["schema_version"] == SCHEMA_VERSION
    for key, shown in example.items():
        if key == "source":  # the path it was given and a shortened hash
            assert shown["format"] == actual[key]["format"]
        elif not isinstance(shown, list) or "…" not in shown:
            assert shown == actual[key], key
        else:
            assert all(entry in actual[key] for entry in shown if isinstance(entry, dict)), key


def test_every_model_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for cls in ("Statement", "Item"):
        for name in __import__("jtreport.model", fromlist=[cls]).__dict__[cls].__struct_fields__:
            assert f"`{name}`" in text, f"{cls}.{name} is not documented in docs/model.md"
