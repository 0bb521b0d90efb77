"""Word fields: the page number and page count in "Page X of Y"."""

from __future__ import annotations

import re

from .ooxml import Element, paragraph, run, w

_PAGE_INSTRUCTION = re.compile(r"^\s*(PAGE|NUMPAGES|SECTIONPAGES)\b", re.I)


def field(instruction: str, placeholder: str) -> list[Element]:
    """The runs of a complex field; ``placeholder`` shows until Word updates it."""
    begin, separate, end = run(""), run(""), run("")
    begin.append(_char("begin"))
    separate.append(_char("separate"))
    end.append(_char("end"))
    code = run("")
    instr = code.makeelement(w("instrText"), {})
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.append(instr)
    return [begin, code, separate, run(placeholder), end]


def _char(kind: str) -> Element:
    element = run("").makeelement(w("fldChar"), {})
    element.set(w("fldCharType"), kind)
    return element


def page_x_of_y(style: str) -> Element:
    """A paragraph in ``style`` (an id) reading "Page X of Y"."""
    return paragraph(style, ["Page ", *field("PAGE", "1"), " of ", *field("NUMPAGES", "1")])


def has_page_field(part: Element) -> bool:
    """True when ``part`` (a header or footer) already shows a page number."""
    for instr in part.iter(w("instrText")):
        if _PAGE_INSTRUCTION.match(instr.text or ""):
            return True
    return any(
        _PAGE_INSTRUCTION.match(simple.get(w("instr"), "")) for simple in part.iter(w("fldSimple"))
    )
