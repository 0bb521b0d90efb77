"""Stage 2 of the parser: units -> the statement's layout.

Finds the header (title, date line, banner noise), the closing block (place and
date, signatures), then walks the body: parts, areas, numbered or unnumbered
paragraphs, the preamble, list items joined to their lead-in, paragraphs broken
by a blank line joined again.  Decisions are documented in ``docs/parser.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .units import TERMINAL, Unit, classify_marker

STATEMENT_KINDS = re.compile(
    r"\b(joint\s+(?:statement|declaration|communiqu[eé]|press\s+(?:statement|release)|vision|"
    r"press\s+communiqu[eé])|declaration|communiqu[eé]|press\s+release|press\s+statement|"
    r"statement|action\s+plan|chair'?s\s+summary|memorandum|joint\s+report)\b",
    re.I,
)
_BREADCRUMB = re.compile(r">|»|\bhttps?://|www\.|^home\s*\w|\bhome(?=[A-Z])")
_SECTION_WORDS = {"preamble", "introduction", "annex", "appendix", "contents"}
_CLOSING_WORDS = re.compile(r"(?i)(?:issued|done|signed|adopted|made)\s+(?:in|at|on)\b")
_PARTICIPLE = re.compile(r"^[A-Z][a-z]+ing\b")


@dataclass
class Header:
    """What the top of the document holds besides the body."""

    title: str | None = None
    date_lines: list[str] = field(default_factory=list)
    noise: list[str] = field(default_factory=list)


@dataclass
class PartDraft:
    """A part heading (``I Three Priority Areas``)."""

    id: str
    label: str | None
    heading: str


@dataclass
class AreaDraft:
    """An area heading, split into heading and description when written ``X: Y``."""

    id: str
    heading: str
    description: str | None
    part_id: str | None


@dataclass
class ParagraphDraft:
    """A body paragraph being built."""

    number: int | None
    text: str
    area_id: str | None
    part_id: str | None


@dataclass
class Layout:
    """The document's layout, before statement items are read."""

    header: Header
    preamble: list[str]
    parts: list[PartDraft]
    areas: list[AreaDraft]
    paragraphs: list[ParagraphDraft]
    closing: list[str]
    warnings: list[str]
    numbered: bool


def _is_date_line(unit: Unit) -> bool:
    from .dates import parse_date

    return unit.words <= 9 and unit.number is None and parse_date(unit.text) is not None


def _is_body_start(unit: Unit) -> bool:
    if unit.number is not None or unit.kind == "bullet" or unit.label:
        return True
    if unit.forced_heading is not None and unit.forced_heading > 0:
        return True
    text = unit.text.rstrip()
    if unit.words >= 25:
        return True
    return text.endswith((".", ",", ";", ":", "!", "?")) and unit.words >= 4


def find_header(units: list[Unit], metadata_title: str | None) -> tuple[Header, list[Unit]]:
    """Split the leading units into the header and the rest."""
    header = Header()
    start = next(
        (
            i
            for i, u in enumerate(units)
            if _is_body_start(u) and not _is_date_line(u) and not _leading_title(i, u, units)
        ),
        len(units),
    )
    head = units[:start]
    rest = units[start:]
    title_index: int | None = None
    for i, unit in enumerate(head):
        if unit.forced_heading == 0 or (
            unit.forced_heading == 1 and STATEMENT_KINDS.search(unit.text)
        ):
            title_index = i
            break
    if title_index is None:
        for i, unit in enumerate(head):
            if STATEMENT_KINDS.search(unit.text) and not _BREADCRUMB.search(unit.text):
                title_index = i
                break
    if title_index is None and not metadata_title:
        for i, unit in enumerate(head):
            if (
                not _is_date_line(unit)
                and not _looks_like_code(unit.text)
                and unit.text.lower().strip(" :") not in _SECTION_WORDS
            ):
                title_index = i
                break
    title_units: list[int] = []
    if title_index is not None:
        chunk = head[title_index].chunk
        title_units = [
            i
            for i, u in enumerate(head)
            if u.chunk == chunk
            and not _is_date_line(u)
            and not _BREADCRUMB.search(u.text)
            and not _looks_like_code(u.text)
        ]
        header.title = " ".join(head[i].text for i in title_units)
    pushed_back: list[Unit] = []
    for i, unit in enumerate(head):
        if i in title_units:
            continue
        if _is_date_line(unit):
            header.date_lines.append(unit.text)
        elif (
            (unit.bold or unit.forced_heading)
            and not _looks_like_code(unit.text)
            and (title_index is not None or metadata_title)
        ):
            pushed_back.append(unit)
        else:
            header.noise.append(unit.text)
    return header, pushed_back + rest


def _leading_title(index: int, unit: Unit, units: list[Unit]) -> bool:
    """A heading that opens the document and names a statement is its title
    (``# Joint Statement of ...`` in Markdown, an ``<h1>``), whatever its level:
    a page may set its title smaller than its sections (``######``)."""
    if unit.forced_heading is None:
        return False
    earlier = units[:index]
    return all(u.forced_heading is not None or _is_date_line(u) for u in earlier) and bool(
        STATEMENT_KINDS.search(unit.text)
    )


def _looks_like_code(text: str) -> bool:
    stripped = text.strip()
    if re.search(r"\d", stripped) and len(stripped.split()) <= 4:
        return True
    return stripped.startswith("(") and stripped.endswith(")") and len(stripped) < 20


def find_closing(units: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """Split trailing date, place and signature lines from the body."""
    end = len(units)
    while end > 0:
        unit = units[end - 1]
        if unit.number is not None or unit.kind == "bullet":
            break
        closing_like = _is_date_line(unit) or re.match(
            r"(?i)(issued|done|signed|adopted)\b", unit.text
        )
        short_signature = unit.words <= 14 and not unit.ends_sentence and not unit.label
        if not (closing_like or short_signature):
            break
        end -= 1
    # a lone heading-like line after the last paragraph of a truncated text stays in the body
    last = units[-1] if units else None
    if (
        last is not None
        and end == len(units) - 1
        and not _is_date_line(last)
        and not _CLOSING_WORDS.match(last.text)
        and last.words > 6
    ):
        end = len(units)
    return units[:end], units[end:]


def is_heading(unit: Unit, following: Unit | None) -> bool:
    """Whether an unnumbered text unit reads as a heading."""
    if unit.kind == "heading":
        return True
    if unit.kind != "text" or unit.number is not None or following is None:
        return False
    text = unit.text.strip()
    if text.endswith((".", ";", ",", ":", "!", "?")) or not (
        text[:1].isupper() or text[:1] in "\"“'"
    ):
        return False
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
    header, rest = find_header(units, metadata_title)
    body, closing = find_closing(rest)
    warnings: list[str] = []
    if header.noise:
        warnings.append("ignored lines before the statement: " + " | ".join(header.noise))

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
    headings_exist = any(
        is_heading(u, body[i + 1] if i + 1 < len(body) else None) for i, u in enumerate(body)
    )
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
        _place_text(unit, layout, area, part, seen_heading, headings_exist)


def _place_text(
    unit: Unit,
    layout: Layout,
    area: AreaDraft | None,
    part: PartDraft | None,
    seen_heading: bool,
    headings_exist: bool,
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
            else (layout.preamble[-1] if layout.preamble and not paragraphs else None)
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
    if not paragraphs and not seen_heading and _opening_paragraph(unit, layout, headings_exist):
        layout.preamble.append(unit.text)
        return
    if last is not None and same_section and _continues(last.text, unit.text):
        _join(last, unit, layout.warnings)
        return
    paragraphs.append(ParagraphDraft(None, unit.text, area_id, part_id))


def _opening_paragraph(unit: Unit, layout: Layout, headings_exist: bool) -> bool:
    """In an unnumbered statement: is this unit still the preamble?"""
    if headings_exist:
        return True
    from .items import has_act

    if (
        layout.preamble
        and layout.preamble[-1].rstrip().endswith(",")
        and _PARTICIPLE.match(unit.text)
    ):
        layout.preamble[-1] = layout.preamble[-1]  # the participial clauses of a declaration
        return True
    if layout.preamble and _PARTICIPLE.match(unit.text) and unit.text.rstrip().endswith((";", ",")):
        return True
    return not has_act(unit.text)


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
    return "\n- " in text and not text.rstrip().endswith(".")


def _strip_bullet(text: str) -> str:
    return re.sub(r"^(?:[-–•*▪●◦·]|\((?:[a-z]|[ivx]{1,4}|\d{1,3})\)|[a-z]\))\s+", "", text).strip()


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
