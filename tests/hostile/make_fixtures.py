"""Hostile inputs for the readers, made on demand (nothing large is committed).

Each builder returns the bytes of one attack from issue #13: a Word file whose
list numbering starts at ten billion in Roman numerals, one whose parts lie
about their size and inflate to gigabytes, tables nested thousands deep, web
pages nested thousands deep or holding their text after an ``<embed>`` or
inside a ``<form>``, XHTML served as HTML, AES-256 encrypted PDFs.
``tests/test_hostile_inputs.py`` runs the command on each under memory and CPU
limits.  To look at them::

    .venv/bin/python tests/hostile/make_fixtures.py OUT_DIR
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FILLER = (
    "Both sides welcomed the progress of cooperation in the field of energy, transport and "
    "human resource development, and concurred on continuing it."
)


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _replace_parts(source: bytes, parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            data = parts.pop(info.filename, None)
            new.writestr(info.filename, data if data is not None else old.read(info))
        for name, data in parts.items():
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def roman_numbering_docx() -> bytes:
    """A few KB: list numbering that starts at 10^10 in Roman numerals, with a
    number format that repeats the number twenty times."""
    data = _docx([])
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="10000000000"/>'
        f'<w:numFmt w:val="upperRoman"/><w:lvlText w:val="{"%1" * 20}."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{n}. {FILLER}</w:t></w:r></w:p>"
        for n in range(1, 41)
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
        f"<w:body><w:p><w:r><w:t>Joint Statement on Cooperation</w:t></w:r></w:p>{body}"
        "</w:body></w:document>"
    )
    rels_name = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read(rels_name).decode()
    if "relationships/numbering" not in rels:
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        )
    return _replace_parts(
        data,
        {
            "word/document.xml": document.encode(),
            "word/numbering.xml": numbering.encode(),
            rels_name: rels.encode(),
        },
    )


def _zeros_deflated(size: int) -> bytes:
    """Raw deflate data that inflates to ``size`` zero bytes (``size`` a multiple
    of 8 MiB), made in a blink by repeating one fully flushed block."""
    chunk = bytes(8 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + block * (size // len(chunk) - 1) + compressor.flush()


def lying_docx(inflates_to: int = 2 << 30) -> bytes:
    """A Word file whose ``word/document.xml`` declares 2,000 bytes and
    inflates to ``inflates_to`` (2 GiB): about 2 MB on disk."""
    parts: list[tuple[str, bytes, int, int, int]] = []  # name, stored, size, crc, method
    with zipfile.ZipFile(io.BytesIO(_docx([FILLER]))) as archive:
        for info in archive.infolist():
            raw = archive.read(info)
            if info.filename == "word/document.xml":
                parts.append((info.filename, _zeros_deflated(inflates_to), 2000, 0, 8))
            else:
                parts.append((info.filename, raw, len(raw), zlib.crc32(raw), 0))
    out = io.BytesIO()
    central = []
    for name, stored, size, crc, method in parts:
        offset = out.tell()
        encoded = name.encode()
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(stored), size,
            len(encoded), 0,
        )  # fmt: skip
        out.write(header + encoded + stored)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                method,
                0,
                0,
                crc,
                len(stored),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(directory), start, 0)
    )
    return out.getvalue()


def nested_tables_docx(depth: int = 3000) -> bytes:
    """A Word file whose one paragraph sits in tables nested ``depth`` deep."""
    data = _docx([])
    inner = f"<w:p><w:r><w:t>{FILLER}</w:t></w:r></w:p>"
    nested = "<w:tbl><w:tr><w:tc>" * depth + inner + "</w:tc></w:tr></w:tbl>" * depth
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    xml = xml.replace(
        "<w:body>", f"<w:body><w:p><w:r><w:t>Joint Statement</w:t></w:r></w:p>{nested}"
    )
    return _replace_parts(data, {"word/document.xml": xml.encode()})


def _page(body: str, head: str = "<title>Joint Statement</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def paragraphs_html(count: int = 39) -> str:
    """A statement's numbered paragraphs as ``<p>``."""
    return "".join(f"<p>{n}. {FILLER}</p>" for n in range(1, count + 1))


def nested_html(depth: int) -> bytes:
    """The statement inside ``depth`` nested ``<div>`` s, each paragraph deeper."""
    body = "<h1>Joint Statement on Cooperation</h1>" + "<div>" * depth
    body += paragraphs_html() + "</div>" * depth
    return _page(f"<main>{body}</main>").encode()


def embed_html() -> bytes:
    """Three paragraphs, an ``<embed>`` (which HTML parsers nest the rest
    into), an unclosed ``<object>``, then the other 36 paragraphs."""
    body = (
        "<main><h1>Joint Statement on Cooperation</h1>"
        + "".join(f"<p>{n}. {FILLER}</p>" for n in range(1, 4))
        + '<embed src="video.swf" type="application/x-shockwave-flash">'
        + '<object data="map.svg"><param name="x" value="y">'
        + "".join(f"<p>{n}. {FILLER}</p>" for n in range(4, 40))
        + "</main>"
    )
    return _page(body).encode()


def form_html() -> bytes:
    """A government CMS page: the whole body inside one ``<form>``."""
    body = (
        '<form id="aspnetForm" method="post" action="./statement.aspx">'
        '<input type="hidden" name="__VIEWSTATE" value="/wEPDwUKLTk1">'
        '<div id="header"><form role="search"><input name="q"><button>Search</button></form></div>'
        f'<div id="content"><h1>Joint Statement on Cooperation</h1>{paragraphs_html()}</div>'
        "</form>"
    )
    return _page(body).encode()


def xhtml_page() -> bytes:
    """XHTML with an XML declaration, served as ``.html``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Joint Statement</title></head>'
        f"<body><h1>Joint Statement on Cooperation</h1>{paragraphs_html()}<br/></body></html>"
    ).encode()


def aes_pdf(user_password: str) -> bytes:
    """A statement PDF encrypted with AES-256 (as Acrobat does today)."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 10)
    y = 800
    for n in range(1, 6):
        canvas.drawString(50, y, f"{n}. Both sides welcomed the progress of cooperation.")
        y -= 20
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    return encrypted.getvalue()


#: file name -> builder, for writing them all out
FIXTURES: dict[str, Callable[[], bytes]] = {
    "roman-numbering.docx": roman_numbering_docx,
    "lying-sizes.docx": lying_docx,
    "nested-tables.docx": nested_tables_docx,
    "nested-1000.html": lambda: nested_html(1000),
    "nested-8000.html": lambda: nested_html(8000),
    "after-embed.html": embed_html,
    "inside-form.html": form_html,
    "xhtml-served-as.html": xhtml_page,
    "aes-256-open.pdf": lambda: aes_pdf(""),
    "aes-256-locked.pdf": lambda: aes_pdf("secret"),
}


def main(argv: list[str]) -> int:
    """Write every fixture into the folder named on the command line."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in FIXTURES.items():
        (folder / name).write_bytes(build())
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
