"""docs/api.md stays true: every signature, field and name it gives is the code's,
every public function of ``jtreport.api`` and ``jtreport.digest`` is in it, and
every Python example in it runs."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jtreport.api
import jtreport.digest
import jtreport.errors
import jtreport.model
import msgspec
import pytest
from jtreport.exporting import Written
from jtreport.followup import FollowUp
from jtreport.formats import ExportOptions, ExtraOption
from jtreport.model import Statement

DOC = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of the ``## title`` section."""
    return DOC.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def one_line(text: str) -> str:
    return " ".join(text.split())


def rendered(function: Callable[..., Any]) -> str:
    """``name(arg: Type = default, *, ...) -> Return`` as the code declares it."""
    parts: list[str] = []
    star = False
    for p in inspect.signature(function).parameters.values():
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = f"{p.name}: {p.annotation}" if p.annotation is not p.empty else p.name
        parts.append(text if p.default is p.empty else f"{text} = {p.default!r}")
    returns = inspect.signature(function).return_annotation
    return f"{function.__name__}({', '.join(parts)}) -> {returns}"


def documented_signatures() -> dict[str, str]:
    """``### `name` `` headings followed by a ``text`` block: name -> signature."""
    found = re.findall(r"\n### `(\w+)`\n\n```text\n(.*?)\n```\n", DOC, flags=re.S)
    return {name: one_line(signature) for name, signature in found}


def table_rows(text: str) -> dict[str, list[str]]:
    """Markdown table rows keyed by their first cell's backticked name."""
    rows: dict[str, list[str]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if cells and (name := re.fullmatch(r"\*{0,2}`(\w+)`\*{0,2}", cells[0])):
            rows[name.group(1)] = [c.replace("\\|", "|") for c in cells[1:]]
    return rows


def public_functions(module: Any) -> dict[str, Callable[..., Any]]:
    return {
        name: value
        for name, value in vars(module).items()
        if inspect.isfunction(value)
        and value.__module__ == module.__name__
        and not name.startswith("_")
    }


@pytest.mark.parametrize("name", jtreport.api.__all__)
def test_every_api_function_is_documented_with_its_signature(name: str) -> None:
    assert documented_signatures().get(name) == rendered(getattr(jtreport.api, name))


def test_the_api_exports_its_public_functions() -> None:
    assert sorted(jtreport.api.__all__) == sorted(public_functions(jtreport.api))


@pytest.mark.parametrize("name", sorted(public_functions(jtreport.digest)))
def test_every_digest_view_is_documented_with_its_signature(name: str) -> None:
    view = getattr(jtreport.digest, name)
    assert documented_signatures().get(name) == rendered(view)
    assert inspect.getdoc(view), name


def test_every_documented_signature_is_a_real_function() -> None:
    for name in documented_signatures():
        assert hasattr(jtreport.api, name) or hasattr(jtreport.digest, name), name


def test_the_digest_classes_and_constants_are_described() -> None:
    views = section("The digest views")
    for cls in (jtreport.digest.AreaDigest, jtreport.digest.Milestone, jtreport.digest.Progress):
        assert f"`{cls.__name__}`" in views
        members = [f.name for f in dataclasses.fields(cls)]
        members += [n for n, v in vars(cls).items() if isinstance(v, property)]
        members += [n for n, v in vars(cls).items() if inspect.isfunction(v) and n[0] != "_"]
        for member in members:
            assert f"`{member}" in views, f"{cls.__name__}.{member}"
    for constant in ("GENERAL_LABEL", "PREAMBLE_LABEL", "MONTHS"):
        assert f"`{constant}`" in views
    assert f'`"{jtreport.digest.GENERAL_LABEL}"`' in views
    assert f'`"{jtreport.digest.PREAMBLE_LABEL}"`' in views


def test_the_area_digest_fields_have_their_types() -> None:
    """Each ``AreaDigest`` member given a type in the docs has that type."""
    text = one_line(section("The digest views").split("### `digest`", 1)[1].split("###", 1)[0])
    documented = dict(re.findall(r"`(\w+)` \(`([^`]+)`", text))
    types = {f.name: f.type for f in dataclasses.fields(jtreport.digest.AreaDigest)}
    types["others"] = inspect.signature(jtreport.digest.AreaDigest.others.fget).return_annotation
    assert documented == types


def test_the_public_modules_hold_what_the_api_takes_and_returns() -> None:
    """The modules of the classes the api functions take and return are listed
    as public (a user is told to use ``PluginHost`` and ``Written``)."""
    from jtreport.pluginmanager import PluginHost

    listed = one_line(DOC.split("The public modules are ", 1)[1].split(". ", 1)[0])
    public = set(re.findall(r"`(jtreport(?:\.\w+)*)`", listed))
    for cls in (PluginHost, Written, Statement, FollowUp, ExportOptions, ExtraOption):
        assert cls.__module__ in public, cls.__name__


def test_area_label_follows_its_documented_rule() -> None:
    from jtreport.digest import area_label

    area = jtreport.model.Area(id="a", heading="Culture")

    def item(paragraph: int | None, area_id: str | None) -> jtreport.model.Item:
        return jtreport.model.Item(
            id=f"{paragraph}.1",
            paragraph=paragraph,
            area_id=area_id,
            text="x",
            actors=["both"],
            verb="welcomed",
            category="welcome",
            is_commitment=False,
        )

    preamble = Statement(areas=[area], items=[item(None, None), item(1, "a")])
    mixed = Statement(areas=[area], items=[item(None, None), item(2, None)])
    none_loose = Statement(areas=[area], items=[item(1, "a")])
    assert area_label(preamble, "a") == "Culture"
    assert area_label(preamble, None) == area_label(preamble, "gone") == "Preamble"
    assert area_label(mixed, None) == area_label(mixed, "gone") == "General"
    assert area_label(none_loose, None) == "General"


def default_of(field: msgspec.structs.FieldInfo) -> str:
    if field.default_factory is not msgspec.NODEFAULT:
        return repr(field.default_factory())
    if isinstance(field.default, str):
        return f'"{field.default}"'
    return repr(field.default)


def test_every_model_class_is_documented_with_its_fields() -> None:
    rows = table_rows(section("Building a statement by hand"))
    structs = [
        value
        for value in vars(jtreport.model).values()
        if isinstance(value, type)
        and issubclass(value, msgspec.Struct)
        and value.__module__ == "jtreport.model"
    ]
    assert len(structs) >= 9
    for cls in structs:
        expected = [
            f"**`{f.name}`**" if f.required else f"`{f.name}={default_of(f)}`"
            for f in msgspec.structs.fields(cls)
        ]
        assert rows[cls.__name__] == [", ".join(expected)], cls.__name__


def test_every_statement_view_is_documented() -> None:
    text = section("Building a statement by hand")
    fields = set(Statement.__struct_fields__)
    views = [n for n in vars(Statement) if not n.startswith("_") and n not in fields]
    assert views
    for name in views:
        member = getattr(Statement, name)
        if isinstance(member, property):
            assert f"| `{name}` (a property) `-> " in text, name
            continue
        signature = inspect.signature(member)
        params = ", ".join(
            f"{p.name}: {p.annotation}" for p in list(signature.parameters.values())[1:]
        )
        written = f"`{name}({params}) -> {signature.return_annotation}`"
        assert written.replace("|", "\\|") in text, written


@pytest.mark.parametrize(
    ("cls", "title"),
    [
        (ExportOptions, "The exporter's context: ExportOptions"),
        (Written, "Reading and parsing"),
        (FollowUp, "Follow-up data"),
    ],
)
def test_every_field_is_documented_with_its_type(cls: type, title: str) -> None:
    rows = table_rows(section(title))
    for field in dataclasses.fields(cls):
        assert field.name in rows, f"{cls.__name__}.{field.name}"
        assert rows[field.name][0] == f"`{field.type}`", f"{cls.__name__}.{field.name}"
    assert [f.name for f in dataclasses.fields(ExtraOption)] == ["key", "help", "choices"]


def test_every_error_class_is_named() -> None:
    errors = section("Errors")
    classes = [
        name
        for name, value in vars(jtreport.errors).items()
        if isinstance(value, type) and issubclass(value, Exception)
    ]
    for name in classes:
        assert f"`{name}`" in errors, name
    for name in re.findall(r"`([A-Z]\w+)`", errors):
        assert name in classes or name in ("KeyboardInterrupt",), name


def test_every_dotted_name_resolves() -> None:
    names = set(re.findall(r"`(jtreport(?:\.\w+)+)", DOC))
    assert len(names) > 10
    for dotted in sorted(names):
        parts = dotted.split(".")
        for cut in range(len(parts), 0, -1):
            try:
                target: Any = importlib.import_module(".".join(parts[:cut]))
            except ModuleNotFoundError:
                continue
            for attribute in parts[cut:]:
                target = getattr(target, attribute)
            break
        else:
            pytest.fail(f"{dotted} names nothing")


def examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC, flags=re.S)


@pytest.mark.parametrize("number", range(len(examples())))
def test_the_examples_run(number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    exec(compile(examples()[number], f"docs/api.md example {number + 1}", "exec"), {})
