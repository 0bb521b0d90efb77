"""Stage 2 of the parser: units -> the statement's layout.

Finds the header (title, date line, banner noise), the closing block (place and
date, signatures), then walks the body: parts, areas, numbered or unnumbered
paragraphs, the preamble, list items joined to their lead-in, paragraphs broken
by a blank line joined again.  Decisions are documented in ``docs/parser.md``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import msgspec

from .furniture import cable_marker, is_editorial_note, is_furniture
from .header import Header, find_header, is_date_line
from .units import CONNECTORS, TERMINAL, Unit, classify_marker

if TYPE_CHECKING:
    from .items import ActReader

_CLOSING_WORDS = re.compile(r"(?i)(?:issued|done|signed|adopted|made)\s+(?:in|at|on)\b")
#: the mean length of the items of a list announced by a lead-in, at most
_LIST_ITEM_WORDS = 40
#: an enacting formula is a short line
_FORMULA_WORDS = 12


class PartDraft(msgspec.Struct):
    """A part heading (``I Three Priority Areas``)."""

    id: str
    label: str | None
    heading: str


class AreaDraft(msgspec.Struct):
    """An area heading, split into heading and description when written ``X: Y``."""

    id: str
    heading: str
    description: str | None
    part_id: str | None


class ParagraphDraft(msgspec.Struct):
    """A body paragraph being built."""

    number: int | None
    text: str
    area_id: str | None
    part_id: str | None


class Layout(msgspec.Struct):
    """The document's layout, before statement items are read."""

    header: Header
    preamble: list[str]
    parts: list[PartDraft]
    areas: list[AreaDraft]
    paragraphs: list[ParagraphDraft]
    closing: list[str]
    warnings: list[str]
    numbered: bool
    #: an enacting formula closed the preamble ("WE HEREBY DECLARE:")
    preamble_closed: bool = False


def find_closing(units: list[Unit]) -> tuple[list[Unit], list[Unit], list[str]]:
    """Split trailing date, place and signature lines from the body, and drop the
    page furniture around them (menus, contacts, "Back to top")."""
    end = len(units)
    closing: list[Unit] = []
    trailer: list[str] = []
    while end > 0:
        unit = units[end - 1]
        if is_furniture(unit) and not is_date_line(unit):
            trailer.insert(0, unit.text)
            end -= 1
            continue
        if unit.number is not None or unit.kind == "bullet":
            break
        closing_like = is_date_line(unit) or re.match(
            r"(?i)(issued|done|signed|adopted)\b", unit.text
        )
        short_signature = unit.words <= 14 and not unit.ends_sentence and not unit.label
        if not (closing_like or short_signature):
            break
        closing.insert(0, unit)
        end -= 1
    # a lone heading-like line after the last paragraph of a truncated text stays in
    # the body, and so does a last line cut off in mid-sentence (it stops on a
    # lower-case word, as no signature or dateline does)
    last = closing[-1] if len(closing) == 1 else None
    if (
        last is not None
        and units[end] is last
        and not is_date_line(last)
        and not _CLOSING_WORDS.match(last.text)
        and (last.words > 6 or _cut_off(last))
    ):
        return [*units[:end], last], [], trailer
    return units[:end], closing, trailer


def _cut_off(unit: Unit) -> bool:
    """A line that stops in mid-sentence: on a lower-case word, after a first
    word that starts a sentence ("At this critical and defining")."""
    words = unit.text.split()
    return len(words) >= 3 and words[-1][:1].islower() and words[-1].isalpha()


def _strip_apparatus(units: list[Unit], warnings: list[str]) -> tuple[list[Unit], int | None]:
    """Leave out editors' notes in square brackets and what a cable's "Begins" /
    "Ends" markers put outside the text; return the units left and, after a
    "Begins", the index where the body starts."""
    notes = [u.text for u in units if is_editorial_note(u)]
    kept = [u for u in units if not is_editorial_note(u)]
    if notes:
        warnings.append("editor's notes left out: " + " | ".join(notes))
    marks = [(i, cable_marker(u)) for i, u in enumerate(kept)]
    begin = next((i for i, mark in marks if mark == "begin"), None)
    end = next((i for i, mark in reversed(marks) if mark == "end"), None)
    if end is not None and (begin is None or end > begin):
        after = [u.text for u in kept[end + 1 :]]
        if after:
            warnings.append("ignored lines after the statement's end marker: " + " | ".join(after))
        kept = kept[:end]
    if begin is not None:
        return [*kept[:begin], *kept[begin + 1 :]], begin
    return kept, None


@cache
def _formula_keys() -> tuple[str, ...]:
    from .doc_rules import lines, phrase_key

    return tuple(sorted({phrase_key(p) for p in lines("formulas.txt")}, key=len, reverse=True))


def is_formula(unit: Unit) -> bool:
    """Whether a unit is an enacting formula ("WE HEREBY DECLARE:", "Have agreed as
    follows:"): a short unnumbered line ending with a phrase of ``data/formulas.txt``,
    then a colon or nothing.  It closes the preamble and is neither a paragraph nor
    an area."""
    from .doc_rules import ending_phrase

    if unit.number is not None or unit.kind == "bullet" or unit.words > _FORMULA_WORDS:
        return False
    text = unit.text.strip().removesuffix(":").rstrip()
    if text.endswith(TERMINAL):
        return False
    return ending_phrase(text, _formula_keys()) is not None


def is_heading(unit: Unit, following: Unit | None) -> bool:
    """Whether an unnumbered text unit reads as a heading."""
    if unit.forced_heading is None and is_formula(unit):
        return False
    if unit.kind == "heading":
        return True
    if unit.kind != "text" or unit.number is not None or following is None:
        return False
    text = unit.text.strip()
    if text.endswith((".", ";", ",", ":", "!", "?")) or not (
        text[:1].isupper() or text[:1] in "\"“'"
    ):
        return False
    if text.rsplit(" ", 1)[-1].lower() in CONNECTORS:
        return False  # a text that stops on "the", "and", "of" runs on after a break
    head, sep, _tail = text.partition(": ")
    limit = 40 if sep and len(head.split()) <= 8 else 25
    if unit.words > limit:
        return False
    if unit.standalone or unit.bold:
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    capitals = sum(1 for w in words if w[:1].isupper())
    return unit.words <= 12 and capitals >= max(1, len(words) * 0.5)


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48].strip("-") or "area"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def build_layout(units: list[Unit], metadata_title: str | None) -> Layout:
    """Find header, closing, parts, areas, preamble and paragraphs."""
    for unit in units:
        if unit.kind != "heading" or unit.forced_heading is not None:
            classify_marker(unit)
    warnings: list[str] = []
    units, body_from = _strip_apparatus(units, warnings)
    header, rest = find_header(units, metadata_title, body_from)
    body, closing, trailer = find_closing(rest)
    if header.noise:
        warnings.append("ignored lines before the statement: " + " | ".join(header.noise))
    if trailer:
        warnings.append("ignored lines after the statement: " + " | ".join(trailer))

    _lists_after_lead_ins(body)
    numbered_units = [u for u in body if u.number is not None]
    numbered = len(numbered_units) >= 2 or any(u.number == 1 for u in numbered_units)
    numbered_heads = _numbered_headings(body)
    if numbered_heads:
        for unit in numbered_heads:
            unit.kind = "heading"
            unit.label = str(unit.number)
            unit.number = None
        numbered = any(u.number is not None for u in body)

    layout = Layout(header, [], [], [], [], [c.text for c in closing], warnings, numbered)
    _walk(body, layout)
    return layout


def _lists_after_lead_ins(body: list[Unit]) -> None:
    """Numbered lines that list what a lead-in announces ("... the following
    principles:" / "1. The freest possible movement of goods; 2. ...") are list
    items of the lead-in's paragraph, not paragraph numbers: a run that starts at 1
    right after a text ending with a colon, is followed by unnumbered text, holds
    short items without a reporting act, and whose numbering nothing later
    continues."""
    from .items import has_act

    i = 0
    while i < len(body):
        if body[i].number != 1 or i == 0:
            i += 1
            continue
        end = i + 1
        while end < len(body) and body[end].number == body[end - 1].number + 1:  # type: ignore[operator]
            end += 1
        before = body[i - 1]
        if before.number is not None:
            # under a numbered lead-in the list is written as one block: a number
            # after a blank line ("3. We will ...") takes the paragraphs' numbering up again
            end = next((k for k in range(i + 1, end) if body[k].chunk != body[i].chunk), end)
        run = body[i:end]
        after = body[end] if end < len(body) else None
        later = next((u.number for u in body[end:] if u.number is not None), None)
        if (
            before.kind == "text"
            and before.text.rstrip().endswith(":")
            and _list_ends_there(before, after, later)
            and sum(u.words for u in run) <= _LIST_ITEM_WORDS * len(run)
            and not any(has_act(u.text) for u in run)
        ):
            for unit in run:
                unit.kind = "bullet"
                unit.label = f"({unit.number})"
                unit.number = None
        i = end


def _list_ends_there(before: Unit, after: Unit | None, later: int | None) -> bool:
    """Whether a run numbered from 1 after the lead-in ``before`` is a list of its
    own: unnumbered text follows it (and no later number goes on from it), or
    the lead-in is a numbered paragraph itself (its numbering is past 1) and what
    follows, if anything, takes up that numbering again (``5. We commit to:`` /
    ``1. Accelerate ...`` / ``2. ...`` / ``6. ...``) or the text ends there."""
    if before.number is None:
        return (
            after is not None
            and after.number is None
            and after.kind == "text"
            and (later is None or later == 1)
        )
    return later is None or later == before.number + 1


def _numbered_headings(body: list[Unit]) -> list[Unit]:
    """Numbered units that are section headings: short, unpunctuated, followed by
    unnumbered text (``1. Promotion of Dialogue``)."""
    candidates = []
    numbered = [i for i, u in enumerate(body) if u.number is not None]
    for i in numbered:
        unit = body[i]
        nxt = body[i + 1] if i + 1 < len(body) else None
        if (
            unit.words <= 12
            and not unit.ends_sentence
            and nxt is not None
            and nxt.number is None
            and nxt.kind == "text"
        ):
            candidates.append(unit)
    return candidates if candidates and len(candidates) >= len(numbered) * 0.5 else []


def _walk(body: list[Unit], layout: Layout) -> None:
    taken: set[str] = set()
    part: PartDraft | None = None
    area: AreaDraft | None = None
    pending_part_area = False
    seen_heading = False
    for i, unit in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        if is_heading(unit, following):
            seen_heading = True
            is_part = bool(unit.label and _is_roman(unit.label)) or (
                unit.forced_heading == 1 and _has_deeper_headings(body)
            )
            if is_part:
                heading = f"{unit.text}: {unit.description}" if unit.description else unit.text
                part = PartDraft(unit.label or f"part-{len(layout.parts) + 1}", unit.label, heading)
                layout.parts.append(part)
                area = None
                pending_part_area = True
                continue
            heading, description = (
                (unit.text, unit.description) if unit.description else _split_heading(unit.text)
            )
            area = AreaDraft(_slug(heading, taken), heading, description, part.id if part else None)
            layout.areas.append(area)
            pending_part_area = False
            continue
        if pending_part_area and part is not None:
            area = AreaDraft(_slug(part.heading, taken), part.heading, None, part.id)
            layout.areas.append(area)
            pending_part_area = False
        _place_text(unit, layout, area, part, seen_heading)


def _place_text(
    unit: Unit,
    layout: Layout,
    area: AreaDraft | None,
    part: PartDraft | None,
    seen_heading: bool,
) -> None:
    area_id = area.id if area else None
    part_id = part.id if part else None
    paragraphs = layout.paragraphs
    last = paragraphs[-1] if paragraphs else None
    same_section = last is not None and last.area_id == area_id and last.part_id == part_id
    if unit.kind == "bullet":
        target_text = (
            last.text
            if (last and same_section)
            else (
                layout.preamble[-1]
                if layout.preamble and not paragraphs and not layout.preamble_closed
                else None
            )
        )
        if target_text is not None and (
            target_text.rstrip().endswith(":") or _ends_in_list(target_text)
        ):
            joined = f"{target_text}\n- {_strip_bullet(unit.text)}"
            if last and same_section:
                last.text = joined
            else:
                layout.preamble[-1] = joined
            return
        if layout.numbered and last and same_section:
            last.text = f"{last.text}\n- {_strip_bullet(unit.text)}"
            return
        paragraphs.append(ParagraphDraft(None, _strip_bullet(unit.text), area_id, part_id))
        return
    if unit.number is not None:
        paragraphs.append(ParagraphDraft(unit.number, unit.text, area_id, part_id))
        return
    if layout.numbered:
        if last is None and not seen_heading:
            layout.preamble.append(unit.text)
            return
        if last is not None and same_section:
            _join(last, unit, layout.warnings)
            return
        paragraphs.append(ParagraphDraft(None, unit.text, area_id, part_id))
        return
    # a statement that numbers none of its paragraphs
    if not paragraphs and not seen_heading and not layout.preamble_closed:
        if is_formula(unit):
            layout.preamble.append(unit.text)
            layout.preamble_closed = True
            return
        if _opening_paragraph(unit, layout):
            layout.preamble.append(unit.text)
            return
    if last is not None and same_section and _runs_on(last.text, unit.text):
        _join(last, unit, layout.warnings)
        return
    paragraphs.append(ParagraphDraft(None, unit.text, area_id, part_id))


def _opening_paragraph(unit: Unit, layout: Layout) -> bool:
    """In an unnumbered statement: is this unit still the preamble?  The
    preamble is the opening paragraphs before the first heading or the first act,
    whichever comes first (the caller stops at the first heading); a
    declaration's preambular clauses ("RECOGNIZING ...;", "Mindful of ...;") hold
    no act, whatever they contain."""
    if layout.preamble and is_preambular_clause(unit.text):
        before = layout.preamble[-1].rstrip()
        if (
            before.endswith((",", ":", ";"))
            or unit.text.rstrip().endswith((";", ","))
            or is_preambular_clause(before)
        ):
            return True
    return not _holds_act(unit.text)


def _holds_act(text: str) -> bool:
    """Whether an opening paragraph holds a reporting act: by "we", the leaders,
    or states named as its subject ("The United States, Japan, and the Republic
    of Korea condemn ...")."""
    from .sentences import split_sentences

    reader = _opening_reader()
    return any(reader.acts_in(sentence, None) for sentence in split_sentences(text))


@cache
def _opening_reader() -> ActReader:
    from .gazetteer import find_country
    from .items import ActReader

    def country_named(phrase: str) -> str | None:
        country = find_country(phrase)
        return country.name if country else None

    return ActReader(country_named, [])


def is_preambular_clause(text: str) -> bool:
    """Whether ``text`` opens like a preambular clause: a participle or an opener of
    ``data/preamble_openers.txt`` ("Mindful", "Deeply concerned", "Bearing in
    mind"), after adverbs ("FURTHER REAFFIRMING"), its first letter a capital."""
    from .doc_rules import phrase_key, starting_phrase

    if not text[:1].isupper():
        return False
    key = phrase_key(text)
    adverbs, openers = _preamble_openers()
    while (adverb := starting_phrase(key, adverbs)) is not None:
        key = key[len(adverb) :].lstrip()
    return _ING.match(key) is not None or starting_phrase(key, openers) is not None


_ING = re.compile(r"[a-z]{2,}ing\b")


@cache
def _preamble_openers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from .doc_rules import phrase_keys

    return (
        phrase_keys("preamble_openers.txt", "adverbs"),
        phrase_keys("preamble_openers.txt", "openers"),
    )


#: capitalised words that open a new sentence, not a name that runs on
_OPENERS = frozenset(
    [
        "we",
        "the",
        "our",
        "this",
        "these",
        "those",
        "they",
        "it",
        "its",
        "in",
        "as",
        "at",
        "on",
        "for",
        "with",
        "both",
        "thus",
        "however",
        "furthermore",
        "moreover",
        "today",
        "together",
        "while",
        "although",
        "since",
        "to",
        "by",
        "from",
        "under",
        "through",
        "a",
        "an",
        "all",
        "each",
        "such",
        "there",
        "here",
        "further",
        "finally",
        "also",
        "additionally",
    ]
)


def _runs_on(previous: str, text: str) -> bool:
    """In a statement that numbers no paragraph: whether a text after a blank line
    carries on the paragraph before it, which stopped mid-sentence ("... between
    the two" / "Governments will ..."), rather than start one after a paragraph
    whose full stop the source left out ("... a ceasefire in Gaza" / "We call on
    ...")."""
    if text[:1].islower():
        return True
    before = previous.rstrip()
    if before.endswith(TERMINAL):
        return False
    last_word = before.rsplit(" ", 1)[-1].lower()
    if before.endswith((",", "-", "–")) or last_word in CONNECTORS:
        return True
    first_word = re.split(r"[\s,]", text.strip(), maxsplit=1)[0].lower()
    return first_word not in _OPENERS


def _continues(previous: str, text: str) -> bool:
    return not previous.rstrip().endswith(TERMINAL) or text[:1].islower()


def _join(last: ParagraphDraft, unit: Unit, warnings: list[str]) -> None:
    label = f"paragraph {last.number}" if last.number is not None else "a paragraph"
    if _continues(last.text, unit.text):
        last.text = f"{last.text} {unit.text}"
        warnings.append(
            f"{label} was broken by a blank line or a line break; its parts were joined"
        )
    else:
        last.text = f"{last.text}\n{unit.text}"


def _ends_in_list(text: str) -> bool:
    """Whether a paragraph ends in a list that a further item continues: its last
    item does not close the sentence, or all of it after a lead-in ending with a
    colon is items (of whole sentences each)."""
    lead_in, _sep, items = text.partition("\n- ")
    if not items:
        return False
    if lead_in.rstrip().endswith(":") and all(
        line.startswith("- ") for line in text.split("\n")[2:]
    ):
        return True
    return not text.rstrip().endswith(".")


def _strip_bullet(text: str) -> str:
    return re.sub(
        r"^(?:[-–•*▪●◦·►■○∥]\s+|[•▪●◦►■∥]|\((?:[a-z]|[ivx]{1,4}|\d{1,3})\)\s+|[a-z]\)\s+)",
        "",
        text,
    ).strip()


def _split_heading(text: str) -> tuple[str, str | None]:
    head, sep, tail = text.partition(": ")
    if sep and 0 < len(head.split()) <= 8 and tail.strip():
        return head.strip(), tail.strip()
    return text.strip(), None


def _is_roman(label: str) -> bool:
    from .units import roman_value

    return roman_value(label) is not None


def _has_deeper_headings(body: list[Unit]) -> bool:
    return any(u.forced_heading is not None and u.forced_heading >= 2 for u in body)
