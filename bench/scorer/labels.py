"""Label files (``bench/labelled/README.md``): reading, checking, and finding
each statement's text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import msgspec

from .normal import plain, quote_key

Category = Literal[
    "pledge", "agreement", "intention", "welcome", "appreciation", "affirmation", "invitation"
]
PREAMBLE = "preamble"
CORPUS_PREFIX = "corpus:"
_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class DateLabel(msgspec.Struct, frozen=True, kw_only=True):
    """A date an item names: the words and the ISO value."""

    text: str = ""
    value: str


class LeaderLabel(msgspec.Struct, frozen=True, kw_only=True):
    """A head of state or government (or minister) named for a party."""

    name: str
    title: str | None = None
    party: str | None = None


class AreaLabel(msgspec.Struct, frozen=True, kw_only=True):
    """A thematic area: its heading and its description, if any."""

    heading: str
    description: str | None = None


class ParagraphsLabel(msgspec.Struct, frozen=True, kw_only=True):
    """The body paragraphs: how many, and the printed numbers (null: none)."""

    count: int
    numbers: list[int] | None


class ItemLabel(msgspec.Struct, frozen=True, kw_only=True):
    """One labelled statement item."""

    paragraph: int | None
    quote: str
    actor: list[str]
    verb: str
    category: Category
    is_commitment: bool
    organizations: list[str]
    instruments: list[str]
    projects: list[str]
    dates: list[DateLabel]


class Label(msgspec.Struct, frozen=True, kw_only=True):
    """One statement's label file (unknown keys such as ``source``, ``labeller``
    and ``notes`` are allowed and ignored)."""

    document: str
    text: str
    #: null when the text prints no title (the parser should then give none)
    title: str | None
    date: str | None
    place: str | None
    parties: list[str]
    leaders: list[LeaderLabel]
    areas: list[AreaLabel]
    paragraphs: ParagraphsLabel
    labelled_paragraphs: list[int | Literal["preamble"]]
    items: list[ItemLabel]


class LabelError(ValueError):
    """A label file that cannot be read as the format says."""


@dataclass(frozen=True)
class LabelledDocument:
    """A label file, read, with where its text is (``text_path`` None: absent,
    and ``skip_reason`` says why)."""

    path: Path
    label: Label
    text_path: Path | None
    skip_reason: str = ""


def load_label(path: Path) -> Label:
    """Read and type-check one label file; :class:`LabelError` names the file
    and the field when it does not follow the format."""
    try:
        return msgspec.json.decode(path.read_bytes(), type=Label)
    except (msgspec.ValidationError, msgspec.DecodeError) as error:
        raise LabelError(f"{path}: {error}") from error


def resolve_text(label: Label, labelled_dir: Path, corpus: Path) -> tuple[Path | None, str]:
    """Where the statement's text is: ``corpus:<file>`` in ``corpus``, any other
    value relative to the labelled set's folder.  Returns ``(path, "")``, or
    ``(None, reason)`` when a corpus text is absent (a clone without
    ``../shared``).  A missing text of the set itself is an error."""
    if label.text.startswith(CORPUS_PREFIX):
        path = corpus / label.text[len(CORPUS_PREFIX) :]
        if not path.is_file():
            return None, f"corpus text {path} is not present"
        return path, ""
    path = labelled_dir / label.text
    if not path.is_file():
        raise LabelError(f"{label.document}: text {path} does not exist")
    return path, ""


def read_documents(
    label_files: list[Path], corpus: Path, only: frozenset[str] = frozenset()
) -> list[LabelledDocument]:
    """The label files (all of them, or those whose document name or file stem
    is in ``only``) with their texts resolved; every unreadable file is reported
    in one :class:`LabelError`."""
    documents, errors = [], []
    for path in sorted(label_files):
        try:
            label = load_label(path)
            if only and label.document not in only and path.stem not in only:
                continue
            text_path, reason = resolve_text(label, path.parent.parent, corpus)
        except LabelError as error:
            errors.append(str(error))
            continue
        documents.append(LabelledDocument(path, label, text_path, reason))
    if errors:
        raise LabelError("\n".join(errors))
    return documents


def label_problems(label: Label, source_text: str) -> list[str]:
    """What in a label breaks the format's rules beyond types: a quote that is
    not in the text (a typo: it can never be found), shorter than four words or
    repeated, an item outside ``labelled_paragraphs``, a malformed date value."""
    problems = []
    haystack = plain(source_text)
    scope = set(label.labelled_paragraphs)
    seen: set[tuple[int | None, str]] = set()
    for n, item in enumerate(label.items, 1):
        where = f"item {n} (paragraph {item.paragraph}, {item.quote!r})"
        key = quote_key(item.quote)
        if not key or key not in haystack:
            problems.append(f"{where}: the quote is not in the text")
        if len(item.quote.split()) < 4:
            problems.append(f"{where}: the quote has fewer than four words")
        if (item.paragraph, key) in seen:
            problems.append(f"{where}: the same quote is labelled twice in the paragraph")
        seen.add((item.paragraph, key))
        if (PREAMBLE if item.paragraph is None else item.paragraph) not in scope:
            problems.append(f"{where}: its paragraph is not in labelled_paragraphs")
        for date in item.dates:
            if not _DATE_VALUE.match(date.value):
                problems.append(f"{where}: date value {date.value!r} is not YYYY[-MM[-DD]]")
    if label.date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", label.date):
        problems.append(f"date {label.date!r} is not YYYY-MM-DD")
    return problems
