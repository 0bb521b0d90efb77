"""The web-page reader: a ministry page with navigation, menus, a cookie
banner, a sidebar, share buttons, scripts and a footer around the statement,
read back into the statement's paragraphs and parsed into the same model as
the .txt; list numbering, line breaks, tables and furniture rules on their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jtreport.api import parse_file
from jtreport.blocks import Block
from jtreport.errors import InputError
from jtreport.pluginmanager import PluginHost
from jtreport.plugins.readers._htmlpage import NO_STATEMENT
from jtreport.plugins.readers.web_page import WebPageReader
from jtreport.reading import choose_reader

from tests import builders
from tests.builders import build_html, bundled_text

FILLER = (
    "Both sides welcomed the progress of cooperation in the field of energy, "
    "transport and human resource development, and concurred on continuing it. "
    "They affirmed the importance of the rule of law and of the regional cooperation "
    "that has been achieved so far."
)


def read(html: str | bytes) -> list[Block]:
    """The blocks the reader makes of a page."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    return WebPageReader().read(data, "page.html").blocks


def page(body: str, head: str = "<title>Statement</title>") -> str:
    """A minimal page around ``body``."""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


@pytest.fixture(scope="module")
def text() -> str:
    return bundled_text()


# The bundled statement on a ministry page --------------------------------------


@pytest.mark.parametrize("numbering", ["ol", "typed"])
def test_page_gives_back_the_statements_paragraphs(text: str, numbering: str) -> None:
    blocks = read(build_html(text, numbering=numbering))  # type: ignore[arg-type]
    assert builders.logical_paragraphs(blocks) == builders.expected_paragraphs(text)


def test_site_furniture_and_scripts_are_gone(text: str) -> None:
    joined = "\n".join(b.text for b in read(build_html(text)))
    for noise in (
        "Skip to main content",
        "cookies",
        "Press Releases",
        "Search",
        "Related links",
        "press conference by the Prime Minister",
        "Share on",
        "Back to top",
        "Site map",
        "Kasumigaseki",
        "tracking script",
        "loading the footer",
        "enable JavaScript",
        "Europe",
    ):
        assert noise not in joined, noise


def test_ol_start_and_li_value_number_the_paragraphs(text: str) -> None:
    blocks = read(build_html(text, numbering="ol"))
    items = [b for b in blocks if b.kind == "list_item"]
    assert [b.number for b in items] == [str(n) for n in range(1, 40)]
    assert items[15].text.startswith("Both sides welcomed Japan's new approach")


def test_title_and_metadata(text: str) -> None:
    result = WebPageReader().read(build_html(text), "page.html")
    assert result.blocks[0].kind == "heading" and result.blocks[0].level == 0
    assert result.metadata == {
        "title": " ".join(builders.segment(text)[0].lines),
        "date": "2025-12-20",
    }
    levels = [(b.level, b.text[:12]) for b in result.blocks if b.kind == "heading"][1:3]
    assert levels == [(1, "I Three Prio"), (2, "Green Econom")]


def test_reader_is_installed_and_chosen_by_content(text: str) -> None:
    host = PluginHost()
    assert "html" in host.readers
    assert choose_reader(host.readers, build_html(text), "statement.txt").name == "html"
    markdown = b"# Joint Statement\n\n<p>Both sides welcomed it.</p>\n"
    assert choose_reader(host.readers, markdown, "statement.md").name == "text"
    assert WebPageReader().sniff(b"\xef\xbb\xbf<?xml version='1.0'?>\n<html xmlns='x'>")


# Lists, breaks, tables ------------------------------------------------------------


def test_list_numbering_attributes() -> None:
    blocks = read(
        page(
            f"<main><p>{FILLER}</p>"
            "<ol reversed><li>Three</li><li>Two</li><li>One</li></ol>"
            '<ol type="a"><li>Alpha</li><li>Beta</li></ol>'
            '<ol type="I" start="3"><li>Third part</li><li value="10">Tenth part</li>'
            "<li>Eleventh part</li></ol>"
            "<ul><li>Point<ol><li>Sub-point</li></ol></li></ul></main>"
        )
    )
    items = [(b.text, b.number, b.level) for b in blocks if b.kind == "list_item"]
    assert items == [
        ("Three", "3", 0),
        ("Two", "2", 0),
        ("One", "1", 0),
        ("Alpha", "a", 0),
        ("Beta", "b", 0),
        ("Third part", "III", 0),
        ("Tenth part", "X", 0),
        ("Eleventh part", "XI", 0),
        ("Point", None, 0),
        ("Sub-point", "1", 1),
    ]


def test_list_items_holding_paragraphs_stay_list_items() -> None:
    blocks = read(page(f"<main><ol start='4'><li><p>{FILLER}</p></li></ol></main>"))
    assert [(b.kind, b.number) for b in blocks] == [("list_item", "4")]


def test_numbers_typed_inside_unstyled_list_items_are_not_doubled() -> None:
    blocks = read(page(f'<main><ol style="list-style:none"><li>1. {FILLER}</li></ol></main>'))
    assert [(b.kind, b.text[:6]) for b in blocks] == [("paragraph", "1. Bot")]


def test_br_lines_loose_text_and_tables_in_order() -> None:
    blocks = read(
        page(
            f"<article><div>{FILLER}<p>Prime Minister<br>TAKAICHI Sanae</p></div>"
            "<table><tr><td>Left cell</td><td><b>Right <i>cell</i></b></td></tr>"
            "<tr><th>Second row</th></tr></table></article>"
        )
    )
    assert [(b.kind, b.text, b.bold) for b in blocks] == [
        ("paragraph", FILLER, False),
        ("line", "Prime Minister", False),
        ("line", "TAKAICHI Sanae", False),
        ("line", "", False),
        ("paragraph", "Left cell", False),
        ("paragraph", "Right cell", True),
        ("paragraph", "Second row", True),
    ]


# Finding the statement ---------------------------------------------------------


def test_page_without_main_drops_furniture_by_class_and_link_lists() -> None:
    blocks = read(
        page(
            '<div id="top-menu"><a href="/">Home</a> <a href="/news">News</a></div>'
            '<div class="breadcrumbs">Home / Diplomacy / Statement</div>'
            "<header><p>Ministry of Foreign Affairs of a Country</p></header>"
            '<ul><li><a href="/a">Asia and the Pacific region</a></li>'
            '<li><a href="/b">Europe and Central Asia</a></li></ul>'
            '<div class="has-sidebar layout"><h1>Joint Statement</h1>'
            f"<p>{FILLER}</p><p>{FILLER}</p></div>"
            '<div class="SiteFooter">Terms of use and contact details of the Ministry</div>'
            "<footer><p>Copyright 2025</p></footer>"
        )
    )
    assert [(b.kind, b.text[:20]) for b in blocks] == [
        ("heading", "Joint Statement"),
        ("paragraph", FILLER[:20]),
        ("paragraph", FILLER[:20]),
    ]


def test_title_above_main_is_kept() -> None:
    blocks = read(
        page(
            '<div class="page-title"><h1>Joint Press Statement</h1></div>'
            f"<main><h2>Economy</h2><p>{FILLER}</p><p>{FILLER}</p></main>"
        )
    )
    assert [(b.kind, b.level, b.text) for b in blocks][:2] == [
        ("heading", 0, "Joint Press Statement"),
        ("heading", 1, "Economy"),
    ]


def test_article_header_keeps_the_title_but_share_bar_goes() -> None:
    blocks = read(
        page(
            f"<article><header><h1>Joint Statement</h1></header><p>{FILLER}</p><p>{FILLER}</p>"
            '<div class="sns-share"><p>Post this statement on your favourite network now</p>'
            "</div></article>"
        )
    )
    assert [b.text[:15] for b in blocks] == ["Joint Statement", FILLER[:15], FILLER[:15]]


def test_date_from_time_element_and_shift_jis_page() -> None:
    body = (
        "<main><h1>日本国とタジキスタン共和国との間の共同声明</h1>"
        "<p>両首脳は、二国間関係の更なる発展を歓迎し、エネルギー、運輸及び人材育成の分野における協力を"
        "引き続き推進することで一致した。両首脳は、中央アジアの地域協力の重要性を確認した。</p>"
        '<p><time datetime="2025-12-20T10:00">2025年12月20日</time></p></main>'
    )
    html = page(body, head='<meta charset="shift_jis"><title>共同声明</title>')
    result = WebPageReader().read(html.encode("shift_jis"), "page.html")
    assert result.blocks[0].text == "日本国とタジキスタン共和国との間の共同声明"
    assert result.blocks[1].text.startswith("両首脳は、二国間関係")
    assert result.metadata["date"] == "2025-12-20"


def test_page_without_statement_is_refused() -> None:
    not_found = page(
        '<nav><a href="/">Home</a></nav><main><h1>Page not found</h1>'
        "<p>The page you requested could not be found.</p></main><footer>Contact</footer>"
    )
    with pytest.raises(InputError) as caught:
        read(not_found)
    assert caught.value.message == NO_STATEMENT


def test_entity_declarations_are_refused() -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        f"<html><body><main><p>{FILLER} &secret;</p></main></body></html>"
    )
    with pytest.raises(InputError) as caught:
        read(xxe)
    assert "declares XML entities" in caught.value.message


# What a browser shows is kept ---------------------------------------------------


def test_content_after_embed_and_object_is_kept() -> None:
    blocks = read(
        page(
            f"<main><p>{FILLER}</p><embed src='clip.swf' type='application/x-shockwave-flash'>"
            f"<p>Second {FILLER}</p><object data='map.svg'><param name='a' value='b'>"
            f"A map of the region</object><p>Third {FILLER}</p>"
            f"<object data='unclosed.pdf'><p>Fourth {FILLER}</p></main>"
        )
    )
    assert [b.text[:12] for b in blocks] == [
        FILLER[:12],
        "Second Both ",
        "A map of the",  # an object's fallback content is what a browser without it shows
        "Third Both s",
        "Fourth Both ",
    ]


def test_a_body_inside_a_form_is_read_but_a_search_form_is_not() -> None:
    blocks = read(
        page(
            '<form id="aspnetForm" action="/default.aspx" method="post">'
            '<input type="hidden" name="__VIEWSTATE" value="AAAA">'
            '<div class="head"><form role="search"><label>Search this site</label>'
            "<input name='q'><button>Go</button></form></div>"
            f"<div class='content'><h1>Joint Statement</h1><p>{FILLER}</p><p>{FILLER}</p></div>"
            "</form>"
        )
    )
    assert [b.text[:15] for b in blocks] == ["Joint Statement", FILLER[:15], FILLER[:15]]


def test_unclosed_elements_close_as_a_browser_closes_them() -> None:
    blocks = read(
        page(
            f"<main><h2>Economy<p>{FILLER}<p>Second {FILLER}<ol><li>First item of the list"
            f"<li>Second item<li>Third item</ol><p><b>Closing words of the statement</main>"
        )
    )
    assert [(b.kind, b.text[:12], b.number) for b in blocks] == [
        ("heading", "Economy", None),
        ("paragraph", FILLER[:12], None),
        ("paragraph", "Second Both ", None),
        ("list_item", "First item o", "1"),
        ("list_item", "Second item", "2"),
        ("list_item", "Third item", "3"),
        ("paragraph", "Closing word", None),
    ]


@pytest.mark.parametrize("depth", [1_000, 8_000])
def test_deeply_nested_pages_are_read_whole(depth: int) -> None:
    nested = "<div>" * depth + f"<p>Deep {FILLER}</p>" + "</div>" * depth
    blocks = read(page(f"<main><p>{FILLER}</p>{nested}<p>After {FILLER}</p></main>"))
    assert [b.text[:10] for b in blocks] == [FILLER[:10], "Deep Both ", "After Both"]


def test_xhtml_served_as_html_is_read_without_warnings(
    text: str, capfd: pytest.CaptureFixture[str]
) -> None:
    import warnings

    xhtml = build_html(text).replace(
        b'<!DOCTYPE html>\n<html lang="en">',
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN"'
        b' "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">',
    )
    assert xhtml.startswith(b"<?xml")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        blocks = read(xhtml)
    assert builders.logical_paragraphs(blocks) == builders.expected_paragraphs(text)
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ("", "utf-8"),  # no declaration: UTF-8 when it decodes
        ("", "cp1252"),  # else what browsers assume
        ('<meta http-equiv="Content-Type" content="text/html; charset=latin9">', "iso-8859-15"),
    ],
)
def test_pages_decode_by_declaration_or_content(head: str, encoding: str) -> None:
    body = f"<main><p>Both sides noted the café’s {FILLER}</p></main>"
    if encoding == "iso-8859-15":
        body = body.replace("’", "'")
    blocks = read(page(body, head=head).encode(encoding))
    assert blocks[0].text.startswith("Both sides noted the café")


def test_a_heading_takes_its_subtitle_line_as_description() -> None:
    blocks = read(
        page(
            "<main><h1>Joint Statement</h1><p class='subtitle'>on Further Cooperation</p>"
            f"<h2>Green Economy</h2><p class='subtitle'>Cooperation on new industries</p>"
            f"<ol><li>{FILLER}</li></ol>"
            "<h2>Connectivity</h2><p><em>Logistics and people-to-people exchanges</em></p>"
            f"<ol start='2'><li>{FILLER}</li></ol>"
            f"<h2>People</h2><p><em>An italic paragraph of the statement, {FILLER}</em></p>"
            "</main>"
        )
    )
    headings = [(b.level, b.text, b.description) for b in blocks if b.kind == "heading"]
    assert headings == [
        (0, "Joint Statement on Further Cooperation", None),
        (1, "Green Economy", "Cooperation on new industries"),
        (1, "Connectivity", "Logistics and people-to-people exchanges"),
        (1, "People", None),  # too long to be a description: a paragraph
    ]
    assert blocks[-1].text.startswith("An italic paragraph")


# Pages saved by office suites ------------------------------------------------------


def test_libreoffice_continued_lists_count_on_and_restarts_say_so() -> None:
    body = (
        f"<h2>Economy</h2><ol><li value='1'><p>{FILLER}</p><li><p>{FILLER}</p></ol>"
        f"<h2>Transport</h2><ol><li><p>{FILLER}</p></ol>"
        f"<ol type='I' start='2'><li><h1>Other fields</h1></ol>"
        f"<ol><li><p>{FILLER}</p></ol>"
        f"<h2>Annex</h2><ol><li value='1'><p>{FILLER}</p></ol>"
        "<div title='footer'><p>Page 1</p></div>"
    )
    generator = '<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>'
    numbers = [
        (b.kind, b.number or b.text[:14])
        for b in read(page(body, head=generator))
        if b.kind != "paragraph"
    ]
    assert numbers == [
        ("heading", "Economy"),
        ("list_item", "1"),
        ("list_item", "2"),
        ("heading", "Transport"),
        ("list_item", "3"),  # LibreOffice writes a continued list as a bare <ol>
        ("heading", "II. Other fiel"),  # a heading numbered by its list prints the number
        ("list_item", "4"),
        ("heading", "Annex"),
        ("list_item", "1"),  # and every restart with <li value>
    ]
    # any other page: each bare <ol> starts at 1, as a browser shows it
    plain = [b.number for b in read(page(body)) if b.kind == "list_item"]
    assert plain == ["1", "2", "1", "1", "1"]


def test_labels_floated_before_the_text_replace_the_list_numbers() -> None:
    label = '<span class="ListLabel" style="display:block;float:left;min-width:0cm;">{}</span>'
    blocks = read(
        page(
            "<style>li { list-style: none }</style><main>"
            f"<ol><li><h1>{label.format('I')}<a id='x'>Priority Areas</a></h1></li></ol>"
            f"<ol><li><p>{label.format('16.')}{FILLER}</p></li>"
            f"<li><p>{label.format('17.')}{FILLER}</p></li></ol></main>"
        )
    )
    assert [(b.kind, b.text[:20], b.number) for b in blocks] == [
        ("heading", "I Priority Areas", None),
        ("paragraph", "16. Both sides welco", None),
        ("paragraph", "17. Both sides welco", None),
    ]


def test_numbers_in_a_column_of_their_own_go_before_their_text() -> None:
    blocks = read(
        page(
            f"<main><p>{FILLER}</p><table><tr><td>1.</td><td><p>{FILLER}</p></td></tr>"
            f"<tr><td>2.</td><td>{FILLER}</td></tr></table>"
            "<table><tr><td>Prime Minister</td><td>President</td></tr></table></main>"
        )
    )
    assert [b.text[:14] for b in blocks] == [
        FILLER[:14],
        f"1. {FILLER}"[:14],
        f"2. {FILLER}"[:14],
        "Prime Minister",
        "President",
    ]


def test_word_page_headers_and_footers_are_furniture() -> None:
    blocks = read(
        page(
            "<div style='mso-element:header' id=h1><p>OFFICIAL</p></div>"
            f"<div class=WordSection1><p class=MsoNormal>{FILLER}</p>"
            f"<p class=MsoNormal>{FILLER}</p></div>"
            "<div style='mso-element:footer' id=f1><p>Page 1 of 2</p></div>"
        )
    )
    assert [b.text for b in blocks] == [FILLER, FILLER]


def test_headings_set_in_bold_paragraphs_are_named_as_uncertain() -> None:
    body = (
        f"<main><p><b>Economy</b></p><p>{FILLER}</p><p><b>Transport</b></p><p>{FILLER}</p></main>"
    )
    result = WebPageReader().read(page(body).encode(), "page.html")
    assert result.warnings == [
        "the document uses no heading tags (<h2>, <h3>...): areas were found from bold lines "
        "only; check them"
    ]
    marked = page(body.replace("<p><b>", "<h2>").replace("</b></p>", "</h2>"))
    assert WebPageReader().read(marked.encode(), "page.html").warnings == []


def test_the_site_name_is_cut_from_the_page_title() -> None:
    result = WebPageReader().read(
        page(
            f"<main><p>{FILLER}</p><p>{FILLER}</p></main>",
            head=("<title>Joint Statement on Cooperation | Ministry of Foreign Affairs</title>"),
        ).encode(),
        "page.html",
    )
    assert result.metadata["title"] == "Joint Statement on Cooperation"


def test_the_first_of_several_top_headings_is_a_section_not_the_title() -> None:
    blocks = read(
        page(
            f"<main><h3>Preamble</h3><p>{FILLER}</p><h3>Ukraine</h3><p>{FILLER}</p>"
            f"<h3>Economy</h3><p>{FILLER}</p></main>"
        )
    )
    assert [(b.level, b.text) for b in blocks if b.kind == "heading"] == [
        (1, "Preamble"),
        (1, "Ukraine"),
        (1, "Economy"),
    ]


# The model: same as from the .txt --------------------------------------------


@pytest.fixture(scope="module")
def txt_statement() -> Any:
    return parse_file(builders.BUNDLED)


@pytest.mark.parametrize("numbering", ["ol", "typed"])
def test_html_statement_parses_to_the_txt_model(
    txt_statement: Any, text: str, numbering: str, tmp_path: Path
) -> None:
    path = tmp_path / "statement.html"
    path.write_bytes(build_html(text, numbering=numbering))  # type: ignore[arg-type]
    statement = parse_file(path)
    assert statement.source is not None and statement.source.format == "html"
    view = builders.model_view(statement)
    assert len(view["paragraphs"]) == 39
    assert view == builders.model_view(txt_statement)
    # and the rest too: title, date, parties, leaders, preamble, signatories, item details
    assert builders.full_model(statement) == builders.full_model(txt_statement)
