"""Item identity across redrafts: what a desk officer typed in the matrix stays
with the item it was typed against when the statement is redrafted (paragraphs
removed, inserted, renumbered, sentences split), and anything whose item is
gone goes to the Archived sheet, never onto another item."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jtreport.model import Item, Paragraph, Source, Statement
from jtreport.plugins.exporters.xlsx_matrix import XlsxExporter
from jtreport.plugins.exporters.xlsx_matrix.identity import (
    SIMILAR,
    Previous,
    match,
    similarity,
    words,
)

from tests.test_xlsx import export, fill, headers, rows_by_id

ITEMS = "All items"
ARCHIVED = "Archived"


# Building statements from paragraphs of texts ------------------------------------------


def statement_of(paragraphs: Sequence[Sequence[str]], sha: str, base: Statement) -> Statement:
    """A statement whose paragraph ``p`` (1-based) holds the items ``p.1``, ``p.2``...
    with these texts: renumbering a paragraph renumbers its items, as the parser does."""
    items: list[Item] = []
    for number, texts in enumerate(paragraphs, 1):
        for n, text in enumerate(texts, 1):
            items.append(
                Item(
                    id=f"{number}.{n}",
                    paragraph=number,
                    area_id=None,
                    text=text,
                    actors=["both"],
                    verb="concurred",
                    category="agreement",
                    is_commitment=True,
                )
            )
    return msgspec.structs.replace(
        base,
        areas=[],
        parts=[],
        paragraphs=[
            Paragraph(index=n, number=n, text=" ".join(t)) for n, t in enumerate(paragraphs, 1)
        ],
        items=items,
        source=Source(path="statement.txt", format="text", sha256=sha * 64),
    )


@pytest.fixture(scope="module")
def paragraphs(bundled: Statement) -> list[list[str]]:
    """The bundled statement's numbered paragraphs, as their items' texts."""
    grouped: dict[int, list[str]] = {}
    for it in bundled.items:
        if it.paragraph is not None:
            grouped.setdefault(it.paragraph, []).append(it.text)
    return [grouped[n] for n in sorted(grouped)]


def typed_on(path: Path | Any, sheet: str, column: str = "Notes") -> dict[str, Any]:
    """``column`` of every row of ``sheet`` that has a value there, by row ID
    (``path`` may be a workbook already open)."""
    book = openpyxl.load_workbook(path, read_only=True) if isinstance(path, Path) else path
    if sheet not in book.sheetnames:
        return {}
    return {k: v[column] for k, v in rows_by_id(book[sheet]).items() if v.get(column)}


# Unit rules ------------------------------------------------------------------------------


def test_words_ignore_case_spacing_punctuation_and_the_cut_mark() -> None:
    assert words("Both  sides welcomed — the “Plan”.") == words("both sides welcomed the plan")
    assert words("x" * 10 + " […]") == words("x" * 10)
    assert similarity(words("a b c d"), words("a b c d")) == 1.0
    # the same words in another order are not the same sentence
    assert (
        similarity(words("Japan will support Tajikistan"), words("Tajikistan will support Japan"))
        == 0.5
    )


def test_a_split_sentence_matches_neither_half(paragraphs: list[list[str]]) -> None:
    text = max((t for p in paragraphs for t in p), key=len)
    half = len(text.split()) // 2
    first, second = " ".join(text.split()[:half]), " ".join(text.split()[half:])
    assert similarity(words(text), words(first)) < SIMILAR
    assert similarity(words(text), words(second)) < SIMILAR


def test_ties_go_to_the_same_id_then_paragraph_then_order() -> None:
    def it(item_id: str, paragraph: int, text: str) -> Item:
        return Item(
            id=item_id, paragraph=paragraph, area_id=None, text=text, actors=[], verb="",
            category="welcome", is_commitment=False,
        )  # fmt: skip

    same = "Both sides welcomed this."
    items = [it("1.1", 1, same), it("2.1", 2, same), it("3.1", 3, same)]
    rows = [Previous("3.1", same, 3, 0), Previous("9.1", same, 2, 1), Previous("8.1", same, 7, 2)]
    found = match(rows, items)
    assert {k: m.item.id for k, m in found.matches.items()} == {
        "3.1": "3.1",  # its own ID
        "9.1": "2.1",  # the same paragraph
        "8.1": "1.1",  # what is left, in order
    }


# Redrafts -------------------------------------------------------------------------------


def test_a_paragraph_removed_at_the_top_renumbers_everything_and_values_follow(
    tmp_path: Path, paragraphs: list[list[str]], bundled: Statement
) -> None:
    draft = statement_of(paragraphs, "a", bundled)
    path, _ = export(draft, tmp_path / "m.xlsx")
    gone = draft.items[0]
    typed = {("All items", i.id, "Notes"): f"typed against {i.id}" for i in draft.items[:12]}
    typed[("All items", draft.items[5].id, "Status")] = "Delayed"
    fill(path, typed)
    final = statement_of(paragraphs[1:], "b", bundled)
    _, warnings = export(final, path)

    notes = typed_on(path, ITEMS)
    by_text = {i.text: i.id for i in final.items}
    stayed = [i for i in draft.items[:12] if i.paragraph != 1]
    for old in stayed:
        assert notes[by_text[old.text]] == f"typed against {old.id}"
    assert len(notes) == len(stayed)
    assert typed_on(path, ITEMS, "Status") == {by_text[draft.items[5].text]: "Delayed"}
    archived = rows_by_id(openpyxl.load_workbook(path)[ARCHIVED])
    assert archived[gone.id]["Notes"] == f"typed against {gone.id}"
    assert archived[gone.id]["Text"] == gone.text
    assert "no longer in the statement" in archived[gone.id]["Reason"]
    (summary,) = [w for w in warnings if w.startswith("the statement is not the one")]
    lost = 12 - len(stayed)
    assert f"{len(stayed)} row(s) moved with their items to new IDs" in summary
    assert f"{lost} archived" in summary
    (moves,) = [w for w in warnings if w.startswith("values moved with their items")]
    assert f"{stayed[0].id} → {by_text[stayed[0].text]}" in moves
    # the reports get the statuses on the right items too
    records = XlsxExporter().read_followup(path, final, [])
    assert records[by_text[draft.items[5].text]].status == "Delayed"
    assert sum(1 for r in records.values() if r.status) == 1


def test_a_reworded_item_keeps_its_values_and_says_so(
    tmp_path: Path, paragraphs: list[list[str]], bundled: Statement
) -> None:
    draft = statement_of(paragraphs, "a", bundled)
    path, _ = export(draft, tmp_path / "m.xlsx")
    target = max(draft.items, key=lambda i: len(i.text))
    fill(path, {("All items", target.id, "Notes"): "keep me"})
    changed = target.text.split()
    changed[2:4] = ["the", "two", "sides"]  # "both sides" -> "the two sides"
    reworded = [[" ".join(changed) if t == target.text else t for t in p] for p in paragraphs]
    final = statement_of(reworded, "b", bundled)
    _, warnings = export(final, path)
    assert typed_on(path, ITEMS) == {target.id: "keep me"}
    assert any(w.startswith(f"item {target.id}: its text was reworded") for w in warnings)


def without_text(path: Path, item_id: str, notes: str | None = None) -> None:
    """Clear ``item_id``'s text on every sheet (as if its row were typed by hand),
    and type ``notes`` on All items."""
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        if ws.title.startswith("_") or "Text" not in headers(ws):
            continue
        names = headers(ws)
        for row in range(4, ws.max_row + 1):
            if ws.cell(row=row, column=1).value == item_id:
                ws.cell(row=row, column=names.index("Text") + 1).value = None
                if notes is not None and ws.title == ITEMS:
                    ws.cell(row=row, column=names.index("Notes") + 1, value=notes)
    book.save(path)


def test_a_hand_typed_row_without_text_keeps_its_id_only_for_the_same_statement(
    tmp_path: Path, paragraphs: list[list[str]], bundled: Statement
) -> None:
    draft = statement_of(paragraphs, "a", bundled)
    path, _ = export(draft, tmp_path / "m.xlsx")
    without_text(path, "3.1", "no text here")
    export(draft, path)
    assert typed_on(path, ITEMS)["3.1"] == "no text here"
    # the same row, now without text again, in a renumbered statement
    without_text(path, "3.1")
    export(statement_of(paragraphs[1:], "b", bundled), path)
    assert "no text here" not in typed_on(path, ITEMS).values()
    archived = rows_by_id(openpyxl.load_workbook(path)[ARCHIVED])
    assert archived["3.1"]["Notes"] == "no text here"
    assert "without the statement's text" in archived["3.1"]["Reason"]


def test_a_text_cleared_on_all_items_is_read_from_the_area_sheet(
    tmp_path: Path, paragraphs: list[list[str]], bundled: Statement
) -> None:
    draft = statement_of(paragraphs, "a", bundled)
    path, _ = export(draft, tmp_path / "m.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book[ITEMS]
    names = headers(ws)
    for row in range(4, ws.max_row + 1):
        if ws.cell(row=row, column=1).value == "3.1":
            ws.cell(row=row, column=names.index("Text") + 1).value = None
            ws.cell(row=row, column=names.index("Notes") + 1, value="follows its item")
    book.save(path)
    final = statement_of(paragraphs[1:], "b", bundled)
    export(final, path)
    moved = next(i.id for i in final.items if i.text == draft.items[4].text)
    assert draft.items[4].id == "3.1"
    assert typed_on(path, ITEMS) == {moved: "follows its item"}


# The property -----------------------------------------------------------------------------

FILLER = (
    "Zephyr", "quartz", "lantern", "meadow", "harbour", "violet", "compass", "ember", "tundra",
    "saffron",
)  # fmt: skip


@st.composite
def redrafts(draw: st.DrawFn, paragraphs: list[list[str]]) -> list[list[str]]:
    """The paragraphs after random deletions, insertions and sentence splits;
    numbering them again renumbers their items."""
    result = [list(p) for p in paragraphs]
    for _ in range(draw(st.integers(0, 3))):
        if len(result) > 2:
            del result[draw(st.integers(0, len(result) - 1))]
    for k in range(draw(st.integers(0, 3))):
        size = draw(st.integers(6, 14))
        text = " ".join(FILLER[(k + j * 3) % len(FILLER)] for j in range(size)) + f" {k}."
        result.insert(draw(st.integers(0, len(result))), [text])
    for _ in range(draw(st.integers(0, 2))):
        p = draw(st.integers(0, len(result) - 1))
        n = draw(st.integers(0, len(result[p]) - 1))
        split = result[p][n].split()
        if len(split) >= 10:
            cut = draw(st.integers(len(split) * 3 // 10 + 1, len(split) * 7 // 10))
            result[p][n : n + 1] = [" ".join(split[:cut]), " ".join(split[cut:])]
    return result


@pytest.fixture(scope="module")
def base_matrix(
    tmp_path_factory: pytest.TempPathFactory, paragraphs: list[list[str]], bundled: Statement
) -> tuple[Path, Statement]:
    draft = statement_of(paragraphs[:24], "a", bundled)
    path, _ = export(draft, tmp_path_factory.mktemp("base") / "base.xlsx")
    return path, draft


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_typed_value_lands_on_another_item(
    data: st.DataObject,
    base_matrix: tuple[Path, Statement],
    paragraphs: list[list[str]],
    bundled: Statement,
    tmp_path: Path,
) -> None:
    base, draft = base_matrix
    path = tmp_path / f"m{data.draw(st.integers(0, 10**9))}.xlsx"
    shutil.copyfile(base, path)
    chosen = data.draw(st.sets(st.sampled_from([i.id for i in draft.items]), min_size=1))
    typed_against = {f"typed against {i.id}": i.text for i in draft.items if i.id in chosen}
    fill(
        path,
        {
            ("All items", i.id, "Notes"): f"typed against {i.id}"
            for i in draft.items
            if i.id in chosen
        },
    )

    final = statement_of(data.draw(redrafts(paragraphs[:24])), "b", bundled)
    export(final, path)

    book = openpyxl.load_workbook(path, read_only=True)
    on_items = typed_on(book, ITEMS)
    archived = typed_on(book, ARCHIVED)
    texts = {i.id: i.text for i in final.items}
    for item_id, note in on_items.items():
        assert texts[item_id] == typed_against[note], (item_id, note)
    # nothing lost: every value is on its item or archived, once
    assert sorted([*on_items.values(), *archived.values()]) == sorted(typed_against)
    # and what could stay did stay
    still_there = {text for text in texts.values()}
    for note, text in typed_against.items():
        assert (note in on_items.values()) == (text in still_there), note
