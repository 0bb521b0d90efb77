"""The docx floor: the briefing note's library work with python-docx alone.

The same document shape as ``jtreport -f docx``: the reference document opened
and its body cleared, a classification header and a "Page X of Y" footer
(fields), a heading block, headings, body paragraphs and bullets made of styled
runs, one paragraph pair per commitment, a glance table and a milestones table,
a landscape section with the annex table (one row per item, six columns),
document properties, and a zip whose entries carry a fixed time.  Written with
python-docx the efficient way: paragraphs, runs, tables and sections through its
public API, tables grown with ``add_row().cells`` (never ``table.cell(r, c)``),
and styles set by id through its oxml layer (``_p.style``/``_r.style``): the
public ``.style`` setter looks for the default style among all the styles on
every call (0.1 ms each, more than the rest of the work together).

Usage: python docx_floor.py MODEL.json TEMPLATE.docx OUT.docx
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any

import docx
from common import CATEGORIES, FixedTimeZip, Model, partners
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc import phys_pkg
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

CREATED = datetime(2026, 1, 1)


class Note:
    """Appends styled paragraphs and tables to a document."""

    def __init__(self, document: Any) -> None:
        self.doc = document
        styles = document.styles
        self.style = {name: styles[name].style_id for name in _PARAGRAPH_STYLES}
        self.label = styles["Label"].style_id
        self.ref = styles["Reference"].style_id
        self.table_style = styles["Briefing Table"]

    def para(self, style: str, *parts: str | tuple[str, Any]) -> None:
        """A paragraph of runs: plain text, or (text, character style)."""
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self.style[style]
        for part in parts:
            if isinstance(part, tuple):
                paragraph.add_run(part[0])._r.style = part[1]
            elif part:
                paragraph.add_run(part)

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        """A table with a header row, grown row by row."""
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.table_style
        table.autofit = False  # fixed layout, as the note's tables
        text, heading = self.style["Annex Table Text"], self.style["Annex Table Heading"]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)  # add_row() copies it into each new cell
        for cell, value, width in zip(table.rows[0].cells, header, widths, strict=True):
            cell.width = Cm(width)
            cell.paragraphs[0]._p.style = heading
            cell.paragraphs[0].add_run(value)
        for values in rows:
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.paragraphs[0]._p.style = text
                cell.paragraphs[0].add_run(value)


_PARAGRAPH_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "Classification",
    "Note Meta",
    "Area Note",
    "Commitment",
    "Commitment Detail",
    "Annex Table Text",
    "Annex Table Heading",
)


def field(paragraph: Any, instruction: str) -> None:
    """A PAGE or NUMPAGES field."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        run = paragraph.add_run()
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = f" {text} "
        run._r.append(element)


def header_footer(document: Any) -> None:
    """Classification on top, "Page X of Y" below."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = "OFFICIAL"
    header.style = document.styles["Classification"]
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run("Page ")
    field(footer, "PAGE")
    footer.add_run(" of ")
    field(footer, "NUMPAGES")


def shorten(text: str, words: int) -> str:
    """The first ``words`` words."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def body(note: Note, model: Model) -> None:
    """Heading block, summary, background, areas, milestones, points, next steps."""
    data = model.data
    note.para("Title", "Briefing note")
    note.para("Subtitle", f"Follow-up to the joint statement of {data.get('date')}")
    for label, value in (
        ("Statement", model.title),
        ("Date", data.get("date") or ""),
        ("Parties", "; ".join(p["name"] for p in data["parties"])),
        ("Prepared", "1 January 2026"),
        ("Classification", "OFFICIAL"),
    ):
        note.para("Note Meta", (label, note.label), "\t", value)
    note.para("Heading 1", "Purpose")
    note.para("Normal", "To prepare for the follow-up of the joint statement.")
    note.para("Heading 1", "Summary")
    note.para("Normal", f"The statement has {len(model.items)} items.")
    groups = model.groups()
    rows = [
        [g.label, str(len(g.paragraphs)), str(len(g.items)), str(len(g.commitments))]
        for g in groups
    ]
    note.table(["Area", "Paragraphs", "Items", "Commitments"], rows, [8, 3, 2, 3])
    note.para("Heading 3", "By area")
    for group in groups:
        gist = "; ".join(shorten(i["text"], 9) for i in group.commitments[:4])
        note.para("List Bullet", (f"{group.label}: ", note.label), gist)
    note.para("Heading 1", "Background")
    note.para("Normal", "; ".join(p["name"] for p in data["leaders"]) + " issued the statement.")
    for group in groups:
        note.para("List Bullet", (group.label, note.label), f" — {group.description}")
    note.para("Heading 1", "Commitments by area")
    for group in groups:
        note.para("Heading 2", group.label)
        note.para("Area Note", f"{len(group.items)} items, {len(group.commitments)} commitments.")
        note.para("Heading 3", "Commitments")
        for item in group.commitments:
            note.para(
                "Commitment",
                (item["id"], note.label),
                "\t",
                item["text"],
                " ",
                (f"(para {item['paragraph']})", note.ref),
            )
            note.para(
                "Commitment Detail",
                ("Who: ", note.label),
                ", ".join(item["actors"]),
                "  ·  ",
                ("Kind: ", note.label),
                item["category"],
            )
        note.para("Heading 3", "Other items in brief")
        for category in CATEGORIES:
            others = [i for i in group.items if i["category"] == category]
            if others:
                parts: list[str | tuple[str, Any]] = [(f"{category} ({len(others)}): ", note.label)]
                for item in others:
                    parts += [shorten(item["text"], 10) + " ", (f"({item['id']})", note.ref), "; "]
                note.para("List Bullet", *parts)
    note.para("Heading 1", "Upcoming milestones")
    rows = [
        [d["value"], shorten(i["text"], 40), model.label(i["area_id"]), i["id"]]
        for d, i in model.milestones()
    ]
    note.table(["Date", "Event", "Area", "Item"], rows, [2.5, 9, 3.5, 2])
    note.para("Heading 1", "Points to raise")
    for item in model.commitments:
        note.para("List Bullet", shorten(item["text"], 20) + " ", (f"({item['id']})", note.ref))
    note.para("Heading 1", "Next steps")
    note.para("List Bullet", f"Assign a lead agency to each of {len(model.commitments)} items.")


def annex(note: Note, model: Model) -> None:
    """A landscape section with every item in one table."""
    section = note.doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    note.para("Heading 1", "Annex: all statement items")
    rows = [
        [
            i["id"],
            model.label(i["area_id"]),
            i["category"],
            i["text"],
            "; ".join(partners(i)),
            "; ".join(d["text"] for d in i["dates"]),
        ]
        for i in model.items
    ]
    note.table(
        ["ID", "Area", "Category", "Text", "Partners", "Dates"], rows, [1.2, 3, 2.1, 12, 5, 2.4]
    )


def write(model: Model, template: str, path: str) -> None:
    """The note for ``model`` at ``path``, styled by ``template``."""
    document = docx.Document(template)
    body_element = document.element.body
    for child in list(body_element):
        if child.tag != qn("w:sectPr"):
            body_element.remove(child)
    header_footer(document)
    note = Note(document)
    body(note, model)
    annex(note, model)
    props = document.core_properties
    props.title, props.author, props.identifier = f"Briefing note: {model.title}", "floor", "floor"
    props.created = props.modified = props.last_printed = CREATED
    phys_pkg.ZipFile = FixedTimeZip  # one pass, every entry dated ZIP_TIME
    document.save(path)


def main(argv: list[str]) -> None:
    """``docx_floor.py MODEL.json TEMPLATE.docx OUT.docx``."""
    write(Model.load(argv[0]), argv[1], argv[2])


if __name__ == "__main__":
    main(sys.argv[1:])
