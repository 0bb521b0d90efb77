"""What a Word paragraph's style says: heading level, list numbering and bold,
resolved through the ``w:basedOn`` chain of ``styles.xml``.

Works on the raw lxml elements python-docx exposes, because python-docx has no
API for inherited properties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_HEADING_NAME = re.compile(r"^heading\s*([1-9])$")
_FALSE = {"0", "false", "off", "none"}


def w_attr(element: Any, name: str) -> str | None:
    """The value of the ``w:name`` attribute of ``element`` (None when absent)."""
    if element is None:
        return None
    value = element.get(W + name)
    return str(value) if value is not None else None


def child_val(parent: Any, *path: str) -> str | None:
    """``w:val`` of the element at ``parent/w:path[0]/w:path[1]...``, or None."""
    node = parent
    for step in path:
        if node is None:
            return None
        node = node.find(W + step)
    return w_attr(node, "val")


def toggle(element: Any) -> bool | None:
    """The value of an on/off property such as ``<w:b/>`` (None when absent)."""
    if element is None:
        return None
    value = w_attr(element, "val")
    return value is None or value.lower() not in _FALSE


@dataclass(frozen=True)
class NumRef:
    """A paragraph's list reference: ``w:numId`` and ``w:ilvl`` (None: not given)."""

    num_id: str
    ilvl: int | None


def num_ref(ppr: Any) -> NumRef | None:
    """The ``w:numPr`` of a paragraph-properties element, if any."""
    if ppr is None:
        return None
    numpr = ppr.find(W + "numPr")
    if numpr is None:
        return None
    num_id = child_val(numpr, "numId")
    ilvl = child_val(numpr, "ilvl")
    if num_id is None and ilvl is None:
        return None
    return NumRef(num_id or "", _int(ilvl))


class StyleSheet:
    """The styles of one document, with inheritance resolved on demand."""

    def __init__(self, styles_element: Any | None) -> None:
        self._by_id: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        self.default_bold = False
        if styles_element is None:
            return
        for style in styles_element.iter(W + "style"):
            style_id = w_attr(style, "styleId")
            if style_id is None:
                continue
            self._by_id[style_id] = style
            is_default = (w_attr(style, "default") or "").lower() in ("1", "true", "on")
            if is_default and w_attr(style, "type") == "paragraph":
                self.default_paragraph = style_id
        defaults = styles_element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.default_bold = bool(defaults is not None and toggle(defaults.find(W + "b")))

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        found: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            style = self._by_id[style_id]
            found.append(style)
            style_id = child_val(style, "basedOn")
        return found

    def paragraph_style(self, ppr: Any) -> str | None:
        """The style id a paragraph uses (the default style when it names none)."""
        style_id = child_val(ppr, "pStyle") if ppr is not None else None
        return style_id or self.default_paragraph

    def heading_level(self, style_id: str | None, ppr: Any) -> int | None:
        """0 for the Title style, 1-9 for headings (by name or outline level), else None."""
        direct = _int(child_val(ppr, "outlineLvl")) if ppr is not None else None
        if direct is not None:
            return direct + 1 if direct < 9 else None
        for style in self.chain(style_id):
            name = (child_val(style, "name") or "").strip().lower()
            if name == "title":
                return 0
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(1))
            level = _int(child_val(style, "pPr", "outlineLvl"))
            if level is not None:
                return level + 1 if level < 9 else None
        return None

    def style_numbering(self, style_id: str | None) -> NumRef | None:
        """The list numbering a paragraph style (or a style it is based on) carries."""
        for style in self.chain(style_id):
            ref = num_ref(style.find(W + "pPr"))
            if ref is not None:
                return ref
        return None

    def style_bold(self, style_id: str | None) -> bool | None:
        """Whether text in this style is bold (None: the style chain does not say)."""
        return self.style_toggle(style_id, "b")

    def style_toggle(self, style_id: str | None, name: str) -> bool | None:
        """An on/off run property (``b``, ``i``) of this style or the styles it is
        based on (None: the chain does not say)."""
        for style in self.chain(style_id):
            value = toggle(style.find(f"{W}rPr/{W}{name}"))
            if value is not None:
                return value
        return None

    def is_subtitle(self, style_id: str | None) -> bool:
        """Whether the style is Word's Subtitle (or based on it)."""
        return any(
            (child_val(style, "name") or "").strip().lower() == "subtitle"
            for style in self.chain(style_id)
        )

    def numbering_style_num(self, style_id: str) -> str | None:
        """The ``numId`` a numbering style (``w:numStyleLink`` target) points to."""
        ref = self.style_numbering(style_id)
        return ref.num_id if ref else None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None
