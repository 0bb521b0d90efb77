"""The commitment model: JSON round trip, schema, validation."""

from __future__ import annotations

import json

import jsonschema
import msgspec
import pytest
from jtreport.model import SCHEMA_VERSION, Item, Statement, dump, json_schema, load


def test_round_trip_of_the_bundled_statement(bundled: Statement) -> None:
    assert load(dump(bundled)) == bundled


def test_dump_is_valid_against_the_published_schema(bundled: Statement) -> None:
    jsonschema.validate(json.loads(dump(bundled)), json_schema())


def test_schema_rejects_a_bad_category() -> None:
    data = json.loads(dump(Statement(title="t")))
    data["items"] = [
        {
            "id": "1.1",
            "paragraph": 1,
            "area_id": None,
            "text": "x",
            "actors": ["both"],
            "verb": "v",
            "category": "promise",
            "is_commitment": True,
        }
    ]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
    with pytest.raises(msgspec.ValidationError):
        load(json.dumps(data))


def test_model_is_immutable() -> None:
    item = Item(
        id="1.1",
        paragraph=1,
        area_id=None,
        text="t",
        actors=["both"],
        verb="v",
        category="pledge",
        is_commitment=True,
    )
    with pytest.raises(AttributeError):
        item.text = "changed"  # type: ignore[misc]


def test_load_refuses_another_schema_version() -> None:
    data = json.loads(dump(Statement(title="t")))
    data["schema_version"] = "99"
    with pytest.raises(msgspec.ValidationError, match="schema_version"):
        load(json.dumps(data))
    assert SCHEMA_VERSION == "2"


def test_load_reads_a_version_1_document_with_the_new_fields_empty() -> None:
    item = Item(
        id="1.1",
        paragraph=1,
        area_id=None,
        text="Both sides welcomed it.",
        actors=["both"],
        verb="welcomed",
        category="welcome",
        is_commitment=False,
        review=["unknown reporting verb"],
    )
    data = json.loads(dump(Statement(title="t", items=[item])))
    data["schema_version"] = "1"
    for raw in data["items"]:
        del raw["review"], raw["corrected"]
    loaded = load(json.dumps(data))
    assert loaded.schema_version == SCHEMA_VERSION
    assert loaded.items[0].review == [] and loaded.items[0].corrected == []
    assert loaded.items[0].text == item.text


def test_public_field_names_match_the_contract() -> None:
    schema = json_schema()["$defs"]
    assert list(schema["Statement"]["properties"]) == [
        "schema_version",
        "title",
        "date",
        "place",
        "parties",
        "leaders",
        "preamble",
        "parts",
        "areas",
        "paragraphs",
        "items",
        "signatories",
        "source",
        "warnings",
    ]
    assert set(schema["Item"]["properties"]) == {
        "id",
        "paragraph",
        "area_id",
        "text",
        "actors",
        "verb",
        "category",
        "is_commitment",
        "organizations",
        "instruments",
        "projects",
        "dates",
        "review",
        "corrected",
    }
    assert set(schema["DateMention"]["properties"]) == {"text", "value", "future"}
