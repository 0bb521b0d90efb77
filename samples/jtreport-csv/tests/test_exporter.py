"""Tests for the CSV exporter: export a small statement, read the CSV back."""

import csv
import io
from pathlib import Path

import pytest
from jtreport.errors import ExportError
from jtreport.formats import ExportOptions
from jtreport.model import Item, Statement
from jtreport_csv import CsvExporter


def export(statement: Statement, extra: dict[str, str] | None = None) -> bytes:
    """The bytes the exporter writes for ``statement``."""
    options = ExportOptions(destination=Path("out.csv"), extra=extra or {})
    stream = io.BytesIO()
    CsvExporter().export(statement, stream, options)
    return stream.getvalue()


def rows(data: bytes, delimiter: str = ",") -> list[list[str]]:
    """Read the CSV back, checking the byte order mark Excel needs."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def item(text: str) -> Item:
    """A welcome item with the given text."""
    return Item(
        id="1.1",
        paragraph=1,
        area_id=None,
        text=text,
        actors=["both"],
        verb="welcomed",
        category="welcome",
        is_commitment=False,
    )


def test_one_row_per_item() -> None:
    table = rows(export(Statement(items=[item("Эмомалӣ Раҳмон и 高市早苗")])))
    assert table[0][:5] == ["ID", "Paragraph", "Area", "Category", "Commitment"]
    assert table[1][:5] == ["1.1", "1", "General", "welcome", "no"]
    assert table[1][6] == "Эмомалӣ Раҳмон и 高市早苗"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formulas_are_defused(text: str) -> None:
    assert rows(export(Statement(items=[item(text)])))[1][6] == "'" + text


@pytest.mark.parametrize("text", ["a;=1+1", "a, -1", "a\t@A1", "a|+1", "two\n=lines"])
@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_no_field_is_a_formula_whatever_the_separator(text: str, separator: str) -> None:
    # a spreadsheet told to split at another separator, or at line breaks
    data = export(Statement(items=[item(text)])).decode("utf-8-sig")
    for line in data.splitlines():
        for field in line.split(separator):
            assert not field.strip(' "').startswith(("=", "+", "-", "@")), field


def test_delimiter_option() -> None:
    data = export(Statement(items=[item("a, b")]), {"csv-delimiter": ";"})
    assert rows(data, ";")[1][6] == "a, b"
    assert CsvExporter().check_extra("csv-delimiter", ";;") is not None
    with pytest.raises(ExportError):
        export(Statement(), {"csv-delimiter": ";;"})
