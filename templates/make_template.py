"""Build the default reference document of the Word briefing note.

    python templates/make_template.py [OUTPUT]    # default: templates/briefing-note.docx

The template holds every style the note uses (see
``jtreport.plugins.exporters.docx_note.styles``), an A4 page with a ministry's
usual margins, and a specimen body that shows each style (the exporter ignores
the body).  It is built from python-docx's own default document, whose styles
are replaced, so the output is the same bytes on every run.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from jtreport.plugins.exporters.docx_note import styles as S

#: the fixed date stamped into the template (and its zip entries)
STAMP = datetime(2025, 1, 1)
OUTPUT = Path(__file__).resolve().parent / "briefing-note.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Arial"
EAST_ASIAN_FONT = "Yu Gothic"
NAVY, INK, GREY, RULE = "1F3A5F", "1A1A1A", "595959", "BFBFBF"

# A4, margins 2.5 cm (2.2 cm below), header and footer 1.25 cm from the edge.
PAGE = {"w": 11906, "h": 16838}
MARGINS = {
    "top": 1418,
    "right": 1418,
    "bottom": 1247,
    "left": 1418,
    "header": 709,
    "footer": 709,
    "gutter": 0,
}
TEXT_WIDTH = PAGE["w"] - MARGINS["left"] - MARGINS["right"]

#: styles of python-docx's default document that stay (the rest are replaced or dropped)
KEPT = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def _border(side: str, size: int, color: str, space: int = 1) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


def _rpr(
    size: int | None = None,
    *,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
    caps: bool = False,
    spacing: int | None = None,
) -> str:
    parts = []
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _spacing(before: int = 0, after: int = 0, line: int | None = None) -> str:
    rule = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{rule}/>'


def _paragraph_style(
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    *,
    based_on: str | None = "Normal",
    next_id: str | None = None,
    priority: int = 20,
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_id}"/>' if next_id else ""
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="{_custom(name)}" '
        f'w:styleId="{style_id}"><w:name w:val="{name}"/>{based}{nxt}'
        f'<w:uiPriority w:val="{priority}"/><w:qFormat/>'
        f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{rpr}</w:style>"
    )


def _custom(name: str) -> str:
    return "0" if name.casefold() in _BUILTIN_NAMES else "1"


_BUILTIN_NAMES = {
    "title",
    "subtitle",
    "heading 1",
    "heading 2",
    "heading 3",
    "list bullet",
    "header",
    "footer",
    "table grid",
}


def _style_definitions() -> list[str]:
    """Every style of the note, as styles.xml fragments."""
    heading = "<w:keepNext/><w:keepLines/>"
    return [
        _paragraph_style(
            "Title",
            "Title",
            f"{heading}{_spacing(0, 60, 240)}",
            _rpr(40, bold=True, color=NAVY),
            next_id="Subtitle",
            priority=10,
        ),
        _paragraph_style(
            "Subtitle",
            "Subtitle",
            f"<w:keepNext/><w:pBdr>{_border('bottom', 8, NAVY, 6)}</w:pBdr>{_spacing(0, 240, 264)}",
            _rpr(26, color="404040"),
            next_id="NoteMeta",
            priority=11,
        ),
        _paragraph_style(
            "Heading1",
            "heading 1",
            f"{heading}<w:pBdr>{_border('bottom', 4, RULE, 2)}</w:pBdr>"
            f'{_spacing(360, 120)}<w:outlineLvl w:val="0"/>',
            _rpr(28, bold=True, color=NAVY),
            next_id="Normal",
            priority=9,
        ),
        _paragraph_style(
            "Heading2",
            "heading 2",
            f'{heading}{_spacing(280, 80)}<w:outlineLvl w:val="1"/>',
            _rpr(24, bold=True, color=NAVY),
            next_id="Normal",
            priority=9,
        ),
        _paragraph_style(
            "Heading3",
            "heading 3",
            f'{heading}{_spacing(200, 60)}<w:outlineLvl w:val="2"/>',
            _rpr(22, bold=True, color="404040"),
            next_id="Normal",
            priority=9,
        ),
        _paragraph_style(
            "ListBullet",
            "List Bullet",
            f'<w:numPr><w:numId w:val="1"/></w:numPr>{_spacing(0, 80)}'
            '<w:ind w:left="357" w:hanging="357"/>',
            priority=36,
        ),
        _paragraph_style(
            "Header",
            "header",
            f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_WIDTH // 2}"/>'
            f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>{_spacing(0, 0, 240)}',
            _rpr(18, color=GREY),
            priority=99,
        ),
        _paragraph_style(
            "Footer",
            "footer",
            f'{_spacing(0, 0, 240)}<w:jc w:val="center"/>',
            _rpr(18, color=GREY),
            priority=99,
        ),
        _paragraph_style(
            S.CLASSIFICATION.replace(" ", ""),
            S.CLASSIFICATION,
            f'{_spacing(0, 120, 240)}<w:jc w:val="center"/>',
            _rpr(20, bold=True, caps=True, color=INK, spacing=40),
        ),
        _paragraph_style(
            "NoteMeta",
            S.NOTE_META,
            f'<w:tabs><w:tab w:val="left" w:pos="1814"/></w:tabs>'
            f'{_spacing(0, 40, 252)}<w:ind w:left="1814" w:hanging="1814"/>',
            _rpr(20),
            next_id="NoteMeta",
        ),
        _paragraph_style(
            "AreaNote",
            S.AREA_NOTE,
            f"<w:keepNext/>{_spacing(0, 120, 252)}",
            _rpr(20, italic=True, color=GREY),
        ),
        _paragraph_style(
            "Commitment",
            S.COMMITMENT,
            f'<w:keepNext/><w:tabs><w:tab w:val="left" w:pos="851"/></w:tabs>'
            f'{_spacing(100, 20)}<w:ind w:left="851" w:hanging="851"/>',
            next_id="CommitmentDetail",
        ),
        _paragraph_style(
            "CommitmentDetail",
            S.COMMITMENT_DETAIL,
            f'{_spacing(0, 60, 252)}<w:ind w:left="851"/>',
            _rpr(18, color="404040"),
        ),
        _paragraph_style("AnnexTableText", S.TABLE_TEXT, _spacing(0, 0, 240), _rpr(17)),
        _paragraph_style(
            "AnnexTableHeading",
            S.TABLE_HEADING,
            f"<w:keepNext/>{_spacing(40, 40, 240)}",
            _rpr(17, bold=True, color=NAVY),
        ),
        _character_style("Label", S.LABEL, _rpr(bold=True)),
        _character_style("Reference", S.REFERENCE, _rpr(color="767676")),
        _table_style(),
    ]


def _character_style(style_id: str, name: str, rpr: str) -> str:
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="character" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/>'
        f'<w:uiPriority w:val="20"/><w:qFormat/>{rpr}</w:style>'
    )


def _table_style() -> str:
    # the schema fixes the order: top, left, bottom, right, insideH, insideV
    borders = (
        _border("top", 8, NAVY, 0)
        + '<w:left w:val="nil"/>'
        + _border("bottom", 8, NAVY, 0)
        + '<w:right w:val="nil"/>'
        + _border("insideH", 4, RULE, 0)
        + '<w:insideV w:val="nil"/>'
    )
    margins = (
        '<w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
    )
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:customStyle="1" w:styleId="BriefingTable">'
        f'<w:name w:val="{S.TABLE}"/><w:basedOn w:val="TableNormal"/>'
        '<w:uiPriority w:val="59"/><w:qFormat/>'
        f"<w:pPr>{_spacing(0, 0, 240)}</w:pPr>"
        f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        f"<w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f"<w:tcPr><w:tcBorders>{_border('bottom', 8, NAVY, 0)}</w:tcBorders>"
        '<w:shd w:val="clear" w:color="auto" w:fill="DCE3EC"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )


NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>
<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="357" w:hanging="357"/></w:pPr>
<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>
<w:color w:val="{NAVY}"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/>
<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="714" w:hanging="357"/></w:pPr>
<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

DOC_DEFAULTS = f"""<w:docDefaults xmlns:w="{W_NS}">
<w:rPrDefault><w:rPr>
<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{EAST_ASIAN_FONT}"/>
<w:color w:val="{INK}"/><w:sz w:val="21"/><w:szCs w:val="21"/>
<w:lang w:val="en-GB" w:eastAsia="ja-JP" w:bidi="ar-SA"/>
</w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl/>{_spacing(0, 120, 264)}</w:pPr></w:pPrDefault>
</w:docDefaults>"""


def _restyle(document: Any) -> None:
    from docx.oxml import parse_xml

    styles = document.styles.element
    for style in list(styles.iter(f"{{{W_NS}}}style")):
        if style.get(f"{{{W_NS}}}styleId") not in KEPT:
            styles.remove(style)
    old = styles.find(f"{{{W_NS}}}docDefaults")
    old.addprevious(parse_xml(DOC_DEFAULTS))
    styles.remove(old)
    for style in list(styles.iter(f"{{{W_NS}}}style")):
        for rsid in style.findall(f"{{{W_NS}}}rsid"):
            style.remove(rsid)
    for fragment in _style_definitions():
        styles.append(parse_xml(fragment))
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)


def _page_setup(document: Any) -> None:
    from docx.oxml.ns import qn

    sect = document.sections[0]._sectPr
    for name in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
        sect.attrib.pop(qn(name), None)
    size = sect.find(qn("w:pgSz"))
    for key, value in PAGE.items():
        size.set(qn(f"w:{key}"), str(value))
    margins = sect.find(qn("w:pgMar"))
    for key, value in MARGINS.items():
        margins.set(qn(f"w:{key}"), str(value))


def _specimen(document: Any) -> None:
    """A body showing every style, for whoever edits the template."""
    from jtreport.plugins.exporters.docx_note.ooxml import Span, TableSpec, paragraph, table
    from jtreport.plugins.exporters.docx_note.template import check_styles, clear_body

    ids = check_styles(document, "the template being built")
    clear_body(document)
    anchor = document.element.body.get_or_add_sectPr()

    def para(style: str, *content: Any) -> None:
        anchor.addprevious(paragraph(ids[style], content))

    label = Span("Label", ids[S.LABEL])
    para(S.CLASSIFICATION, "Classification (top and bottom of every page)")
    para(S.TITLE, "Briefing note")
    para(S.SUBTITLE, "Subtitle: the meeting the note prepares for")
    para(S.NOTE_META, Span("To", ids[S.LABEL]), "\tNote Meta: To, From, Date, Copy, Subject")
    para(S.NOTE_META, Span("Date", ids[S.LABEL]), "\tthe day the reader reads the note")
    para(S.HEADING_1, "Heading 1: Issue, Recommendations, Timing, Lines to take, Annex")
    para(
        S.NORMAL,
        "This document is the reference document of jtreport's Word briefing note. The note "
        "takes its styles, page size, margins, header and footer from here; this text is "
        "ignored. Change the styles (keep their names), then pass the file to "
        "jtreport --format docx --template FILE.",
    )
    para(S.LIST_BULLET, label, " (character style) in a List Bullet paragraph.")
    para(S.LIST_BULLET, "A second bullet, with a ", Span("(Reference)", ids[S.REFERENCE]), ".")
    para(S.HEADING_2, "Heading 2: an area of cooperation (Heading 3: its sub-sections)")
    para(S.AREA_NOTE, "Area Note: the area's description and counts.")
    para(S.HEADING_3, "Heading 3: Commitments")
    para(
        S.COMMITMENT,
        Span("4.2", ids[S.LABEL]),
        "\tCommitment: the full text of one commitment. ",
        Span("(para 4)", ids[S.REFERENCE]),
    )
    para(
        S.COMMITMENT_DETAIL,
        Span("Who: ", ids[S.LABEL]),
        "Commitment Detail: who, partners, dates, status.",
    )
    spec = TableSpec(
        style=ids[S.TABLE],
        widths=[1400, TEXT_WIDTH - 4200, 2800],
        text_style=ids[S.TABLE_TEXT],
        heading_style=ids[S.TABLE_HEADING],
    )
    rows: list[list[list[list[str | Span]]]] = [
        [[["1.1"]], [["Annex Table Text in a Briefing Table."]], [["welcome"]]],
        [[[Span("4.2", ids[S.LABEL])]], [["The header row repeats on every page."]], [["pledge"]]],
    ]
    anchor.addprevious(table(spec, ["ID", "Annex Table Heading", "Category"], rows))
    para(S.NORMAL)


def _properties(document: Any) -> None:
    props = document.core_properties
    props.title = "jtreport briefing note: reference document"
    props.subject = "Styles, page setup, header and footer for jtreport --format docx"
    props.author = "jtreport"
    props.last_modified_by = "jtreport"
    props.keywords = "jtreport; template; briefing note"
    props.comments = "The styles are used; the body text is ignored."
    props.category = "Template"
    props.language = "en-GB"
    props.revision = 1
    props.created = STAMP
    props.modified = STAMP
    props.last_printed = STAMP


def build_template() -> bytes:
    """The default template's bytes (the same on every run)."""
    import docx
    from jtreport.reproducible import restamp_zip

    document = docx.Document()
    _restyle(document)
    _page_setup(document)
    _specimen(document)
    _properties(document)
    raw = io.BytesIO()
    document.save(raw)
    return restamp_zip(raw.getvalue(), STAMP)


def main(argv: list[str]) -> int:
    """Write the template to ``argv[0]`` or to ``templates/briefing-note.docx``."""
    target = Path(argv[0]) if argv else OUTPUT
    target.write_bytes(build_template())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
