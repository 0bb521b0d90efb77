"""Helpers the structured readers (.docx, .html, .pdf) share: whitespace
clean-up, turning one source paragraph into blocks, and settling the title.

No heavy imports here: this module is imported by the readers' ``read()`` only.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

import msgspec
from jtreport.blocks import Block, BlockKind

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.;:!?。][\"'”’)]*\s*$")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u200e\u200f\u2060\ufeff]")


def clean_line(text: str) -> str:
    """One line of text: invisible characters dropped, runs of spaces (tabs,
    no-break, ideographic) made one space, ends trimmed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def clean_lines(text: str) -> list[str]:
    """The non-empty cleaned lines of ``text`` (split at ``\\n``)."""
    lines = (clean_line(part) for part in text.split("\n"))
    return [line for line in lines if line]


def text_blocks(
    text: str,
    kind: BlockKind = "paragraph",
    *,
    number: str | None = None,
    level: int | None = None,
    bold: bool = False,
) -> list[Block]:
    """Blocks for one source paragraph whose manual line breaks are ``\\n``.

    A paragraph of one line is one block of ``kind``.  A ``paragraph`` with
    manual line breaks (a signature, an address, a two-line title set by hand)
    becomes ``line`` blocks closed by an empty line, exactly as a plain-text
    statement would give it, so that the parser sees the breaks.  Headings and
    list items never hold breaks: their lines are joined with a space.
    """
    lines = clean_lines(text)
    if not lines:
        return []
    if kind != "paragraph" or len(lines) == 1:
        return [Block(text=" ".join(lines), kind=kind, number=number, level=level, bold=bold)]
    blocks = [Block(text=line, bold=bold) for line in lines]
    blocks.append(Block(text=""))
    return blocks


#: a paragraph this long is body text, not a line of a document's head
BODY_WORDS = 15


def is_body_text(text: str) -> bool:
    """A paragraph of the statement, not a line of a document's head (a date,
    a document code, a site's banner or menu): a long sentence."""
    return words_in(text) >= BODY_WORDS and bool(_SENTENCE_END.search(text))


def settle_headings(blocks: Iterable[Block]) -> list[Block]:
    """Mark the title and number heading levels from 1.

    The first heading is the document's title (level 0) when no paragraph of
    the body comes before it (see :func:`is_body_text`; a date, a document
    code, a site's banner or menu may) and it is the only heading at the top level of the document
    (a document has one title; a first heading that shares its level with
    others, "Preamble" among the sections, is a section); a title already at
    level 0 (Word's Title style) is kept.  The remaining heading levels are then
    shifted so that the highest one present is 1 (a page whose title is
    ``<h1>`` numbers its sections from ``<h2>``).
    """
    result = list(blocks)
    headings = [i for i, b in enumerate(result) if b.kind == "heading"]
    if not headings:
        return result
    has_title = any(result[i].level == 0 for i in headings)
    first = headings[0]
    top = min(result[i].level or 1 for i in headings)
    body_before = any(b.kind != "heading" and is_body_text(b.text) for b in result[:first])
    alone = sum(1 for i in headings if (result[i].level or 1) == top) == 1
    if not has_title and not body_before and alone and (result[first].level or 1) == top:
        result[first] = _with_level(result[first], 0)
    rest = [i for i in headings if result[i].level != 0]
    if rest:
        shift = min(result[i].level or 1 for i in rest) - 1
        if shift > 0:
            for i in rest:
                result[i] = _with_level(result[i], (result[i].level or 1) - shift)
    return result


def _with_level(block: Block, level: int) -> Block:
    return msgspec.structs.replace(block, level=level)


#: a subtitle longer than this is a paragraph, not a heading's description
MAX_DESCRIPTION_WORDS = 40


def attach_descriptions(blocks: Sequence[Block], subtitles: Collection[int]) -> list[Block]:
    """Give each heading the subtitle line set directly under it.

    ``subtitles`` are the indices of blocks the reader saw set apart as a
    subtitle (a Subtitle style, italics, ``class="subtitle"``).  One that
    follows a heading and is no longer than a heading's description becomes
    that heading's ``description``; under the title (level 0) it is the
    title's second line.  Headings already written ``Heading: description``
    keep what they have.
    """
    result: list[Block] = []
    for index, block in enumerate(blocks):
        previous = result[-1] if result else None
        if (
            index in subtitles
            and previous is not None
            and previous.kind == "heading"
            and previous.description is None
            and block.kind in ("paragraph", "line")
            and 0 < words_in(block.text) <= MAX_DESCRIPTION_WORDS
        ):
            if previous.level == 0:
                result[-1] = msgspec.structs.replace(previous, text=f"{previous.text} {block.text}")
            else:
                result[-1] = msgspec.structs.replace(previous, description=block.text)
            continue
        result.append(block)
    return result


def words_in(text: str) -> int:
    """How many words ``text`` holds; in Chinese and Japanese, which do not
    space words, every two ideographs or kana count as one."""
    ideographic = len(_IDEOGRAPHIC.findall(text))
    return len(_IDEOGRAPHIC.sub(" ", text).split()) + (ideographic + 1) // 2


def word_count(blocks: Iterable[Block]) -> int:
    """How many words the blocks hold (to tell a statement from an empty page)."""
    return sum(words_in(b.text) for b in blocks)


#: a bold paragraph this short that does not end a sentence reads as a heading
HEADING_WORDS = 25


def unmarked_headings_note(blocks: Sequence[Block], what: str) -> list[str]:
    """A warning when the document marks no heading as one (``what``: "heading
    styles", "heading tags") but sets short lines in bold: the areas then rest
    on the parser reading those lines as headings."""
    if any(b.kind == "heading" and (b.level or 0) >= 1 for b in blocks):
        return []
    bold_lines = any(
        b.bold
        and b.kind in ("paragraph", "line")
        and 0 < words_in(b.text) <= HEADING_WORDS
        and not _SENTENCE_END.search(b.text)
        for b in blocks
    )
    if not bold_lines:
        return []
    return [f"the document uses no {what}: areas were found from bold lines only; check them"]
