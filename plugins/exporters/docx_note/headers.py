"""The running header and footer: the classification at the top and at the
bottom of every page, and "Page X of Y".

What a template brings is kept.  The rules, for every header/footer the first
section uses (default, and first-page or even-page ones when the template turns
them on):

- header: a template without one gets a header holding the classification; a
  header that already shows the classification is left alone; any other header
  (a letterhead) is kept and the classification is added as its first line.
- footer: a footer that already has a PAGE or NUMPAGES field keeps it; an
  empty or missing one gets "Page X of Y"; a footer with other content keeps it
  and gets "Page X of Y" after it.  The classification is added as the
  footer's last line unless the footer already shows it.
"""

from __future__ import annotations

from typing import Any

from . import styles as S
from .fields import has_page_field, page_x_of_y
from .ooxml import Element, paragraph, w
from .template import StyleMap

_VISIBLE = (w("t"), w("drawing"), w("pict"), w("object"), w("fldSimple"), w("instrText"))


def apply(document: Any, style_map: StyleMap, classification: str) -> None:
    """Give the document's first section its classification header and page footer."""
    section = document.sections[0]
    pairs = [(section.header, section.footer)]
    if section.different_first_page_header_footer:
        pairs.append((section.first_page_header, section.first_page_footer))
    if document.settings.odd_and_even_pages_header_footer:
        pairs.append((section.even_page_header, section.even_page_footer))
    for header, footer in pairs:
        if classification.strip():
            _mark_header(header, style_map, classification.strip())
        _number_footer(footer, style_map)
        if classification.strip():
            _mark_footer(footer, style_map, classification.strip())


def _mark_header(header: Any, style_map: StyleMap, classification: str) -> None:
    header.is_linked_to_previous = False  # adds an empty header when there is none
    root = header._element
    if classification.casefold() in _text(root).casefold():
        return
    line = paragraph(style_map[S.CLASSIFICATION], [classification])
    if _is_blank(root):
        _clear(root)
        root.append(line)
    else:
        root.insert(0, line)


def _mark_footer(footer: Any, style_map: StyleMap, classification: str) -> None:
    root = footer._element
    if classification.casefold() in _text(root).casefold():
        return
    root.append(paragraph(style_map[S.CLASSIFICATION], [classification]))


def _number_footer(footer: Any, style_map: StyleMap) -> None:
    footer.is_linked_to_previous = False
    root = footer._element
    if has_page_field(root):
        return
    if _is_blank(root):
        _clear(root)
    root.append(page_x_of_y(style_map[S.FOOTER]))


def _text(root: Element) -> str:
    return "".join(t.text or "" for t in root.iter(w("t")))


def _is_blank(root: Element) -> bool:
    """True when a header/footer shows nothing: no text, picture or field."""
    return not _text(root).strip() and not any(True for tag in _VISIBLE[1:] for _ in root.iter(tag))


def _clear(root: Element) -> None:
    for child in list(root):
        root.remove(child)
